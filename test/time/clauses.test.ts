import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { walkClauses } from '../../src/model/text.js';
import { clauseInterval, clauseTimings } from '../../src/time/clauses.js';

const doc = (body: string) =>
  parseDocument(`---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "20.0"\ndesignated_by: d\n---\n\n${body}`, new VFile({ path: 'x.md' }));

const clause = (d: ReturnType<typeof doc>, number: string) => [...walkClauses(d.clauses)].find((c) => c.number === number)!;

describe('time/clauses: commencement and expiry in the text', () => {
  it('should end a clause the day it ceases to have effect, and the day after "until"', () => {
    const d = doc(
      [
        '## 1 Intro',
        '1.1 This Clause 1.1 shall cease to have effect on 31 December 2022.',
        '1.2 The DCC shall report monthly. This Clause shall have effect until 30 June 2023.',
        '1.3 Clause 1.4 shall come into effect on 1 July 2022.',
        '1.4 The DCC may publish.',
      ].join('\n\n'),
    );
    const version = { from: '2022-06-10', until: null };
    expect(clauseInterval(d, clause(d, '1.1'), version)).toMatchObject({ from: '2022-06-10', until: '2022-12-31' });
    expect(clauseInterval(d, clause(d, '1.2'), version)).toMatchObject({ from: '2022-06-10', until: '2023-07-01' });
    expect(clauseInterval(d, clause(d, '1.3'), version)).toMatchObject({ from: '2022-06-10', until: null });
    expect(clauseInterval(d, clause(d, '1.4'), version)).toMatchObject({ from: '2022-07-01', until: null });
  });

  it('should narrow sub-paragraphs with their provision, and ranges of clauses', () => {
    const d = doc(['## 18 Exclusions', '18.1 Clauses 18.2 to 18.3 shall cease to have effect on 1 January 2023.', '18.2 A.', '(a) first', '18.3 B.', '18.4 C.'].join('\n\n'));
    const version = { from: '2022-06-10', until: null };
    expect(clauseInterval(d, clause(d, '18.2'), version).until).toBe('2023-01-01');
    expect(clauseInterval(d, clause(d, '(a)'), version).until).toBe('2023-01-01');
    expect(clauseInterval(d, clause(d, '18.3'), version).until).toBe('2023-01-01');
    expect(clauseInterval(d, clause(d, '18.4'), version).until).toBeNull();
  });

  it('should read a document expiry from "this TMAD" but not a duty that happens to end on a date', () => {
    const d = doc(['## 1 Intro', '1.1 This TMAD shall cease to have effect on 31 December 2024.', '1.2 The DCC shall cease to offer Migration DUST on 30 September 2022.'].join('\n\n'));
    const timings = clauseTimings(d);
    expect(timings.map((t) => [t.kind, t.scope, t.date])).toEqual([['expiry', 'document', '2024-12-31']]);
  });

  it('should read the date a defined expiry date is given as, and nothing from a date elsewhere in the sentence', () => {
    const d = doc(
      [
        '## 1 Intro',
        '1.3 This Document shall cease to have effect on the TMAD Expiry Date, being 31 December 2022, save to the extent provided in Clause 1.4.',
        '1.4 This Clause shall cease to have effect on the date the Panel decides, which it shall publish by 1 March 2023.',
      ].join('\n\n'),
    );
    expect(clauseTimings(d).map((t) => [t.kind, t.scope, t.date, t.source.number])).toEqual([['expiry', 'document', '2022-12-31', '1.3']]);
  });

  it('should keep a prospective version prospective whatever the text says', () => {
    const d = doc(['## 1 Intro', '1.1 This Clause shall come into effect on 1 July 2022.'].join('\n\n'));
    expect(clauseInterval(d, clause(d, '1.1'), { from: null, until: null })).toMatchObject({ from: null, until: null });
  });
});
