import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { deriveFromText } from '../../src/rules/index.js';

const derive = (body: string) =>
  deriveFromText(parseDocument(`---\nappendix: AK\ntitle: T\nversion: "10.0"\ndesignated_by: d\n---\n\n${body}`, new VFile({ path: 'x.md' })));

describe('rules/extract: obligations read from the text', () => {
  it('should give each modal verb its modality and the subject that carries it', () => {
    const { obligations } = derive(
      [
        '## 8 DMCT',
        '8.1 The DCC shall not test a DMC twice, and may refuse a repeat request.',
        '8.2 Where the DCC determines that a DMC is uneconomic, it shall notify each Supplier Party within 5 Working Days.',
        '8.3 A Supplier Party that has been notified under Clause 8.2 may refer the matter to the Secretary of State.',
        '8.4 In testing a DMC, the DCC:',
        '(a) shall give notice of at least 1 month; and',
        '(b) must keep records.',
        '8.5 The Secretary of State shall decide, or the Panel may decide, as the case may be.',
      ].join('\n\n'),
    );
    expect(obligations.map((o) => [o.clause.number, o.modal, o.modality, o.actor])).toEqual([
      ['8.1', 'shall not', 'prohibition', 'DCC'],
      ['8.1', 'may', 'permission', 'DCC'],
      ['8.2', 'shall', 'obligation', 'DCC'],
      ['8.3', 'may', 'permission', 'Supplier Party'],
      ['(a)', 'shall', 'obligation', 'DCC'],
      ['(b)', 'must', 'obligation', 'DCC'],
      ['8.5', 'shall', 'obligation', 'Secretary of State'],
      ['8.5', 'may', 'permission', 'Panel'],
    ]);
  });

  it('should not read definitions or statements of effect as duties', () => {
    const { obligations, terms } = derive(
      ['## 2 Definitions', '2.1 In this Document:', '| Term | Meaning |\n| --- | --- |\n| Exit Criteria | means the conditions that must be met before a phase ends |', '2.2 This Clause 2.2 shall have effect from 1 July 2022.'].join('\n\n'),
    );
    expect(terms.map((t) => t.term)).toEqual(['Exit Criteria']);
    expect(obligations).toEqual([]);
  });
});
