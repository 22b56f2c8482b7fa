import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import fc from 'fast-check';
import { parseDocument } from '../../src/parse/index.js';
import { walkClauses, clauseText } from '../../src/model/text.js';
import type { ClauseDocument } from '../../src/model/types.js';

function parse(text: string, path = 'test.md', whole = false): { doc: ClauseDocument; file: VFile } {
  const file = new VFile({ path });
  return { doc: parseDocument(text, file, { whole }), file };
}

function outline(doc: ClauseDocument): string[] {
  return [...walkClauses(doc.clauses)].map((c) => c.id);
}

describe('parse: clause tree', () => {
  it('should nest SEC clauses by label style and give path ids', () => {
    const { doc } = parse(
      [
        '## 7 Requesting Party',
        '',
        '7.1 The DCC shall act.',
        '',
        '7.2 **Timing.** The DCC shall not:',
        '',
        '(a) do one thing; or',
        '',
        '(i) first; and',
        '',
        '(ii) second; or',
        '',
        '(b) another.',
        '',
        '7.2A An inserted clause. {#inserted}',
        '',
        '## 8 Errors',
        '',
        '8.1 Text with a table:',
        '',
        '| A | B |',
        '| - | - |',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual(['test/7', 'test/7.1', 'test/7.2', 'test/7.2(a)', 'test/7.2(a)(i)', 'test/7.2(a)(ii)', 'test/7.2(b)', 'test/7.2A', 'test/8', 'test/8.1']);
    const c72 = doc.clauses[0]!.children[1]!;
    expect(c72.heading).toBe('Timing');
    expect(clauseText(c72)).toBe('The DCC shall not:');
    const inserted = doc.clauses[0]!.children[2]!;
    expect(inserted.key).toBe('inserted');
    expect(clauseText(inserted)).toBe('An inserted clause.');
    expect(doc.clauses[1]!.children[0]!.content[1]!.type).toBe('table');
    expect(doc.numbering).toEqual(['decimal', 'paren-alpha', 'paren-roman']);
  });

  it('should read (i) after (h) as a letter, and (i) before (ii) as a numeral', () => {
    const letters = 'abcdefghi'.split('').map((l) => `(${l}) item ${l};`);
    const { doc } = parse(['## 1 Scope', '', '1.1 Lists:', '', ...letters.flatMap((l) => [l, ''])].join('\n'));
    expect(doc.clauses[0]!.children[0]!.children.map((c) => c.number)).toEqual(letters.map((l) => l.slice(0, 3)));

    const { doc: nested } = parse(['## 1 Scope', '', '1.1 Lists:', '', '(h) item:', '', '(i) sub one;', '', '(ii) sub two.'].join('\n'));
    const { doc: underC } = parse(['## 1 Scope', '', '1.1 Lists:', '', '(a) one;', '', '(b) two;', '', '(c) three:', '', '(i) sub one;', '', '(ii) sub two.'].join('\n'));
    const c = underC.clauses[0]!.children[0]!.children[2]!;
    expect([c.number, c.style, c.children.map((x) => x.number)]).toEqual(['(c)', 'paren-alpha', ['(i)', '(ii)']]);
    const h = nested.clauses[0]!.children[0]!.children[0]!;
    expect(h.number).toBe('(h)');
    expect(h.children.map((c) => [c.number, c.style])).toEqual([
      ['(i)', 'paren-roman'],
      ['(ii)', 'paren-roman'],
    ]);
  });

  it('should read statute headings, bold labels, letter sections and inserted numbers', () => {
    const { doc } = parse(
      [
        '# Gesetz',
        '',
        '## Teil 1 - Allgemeines',
        '',
        '### § 20a Neu',
        '',
        '(1) Absatz eins nach § 20b.',
        '',
        '1. Nummer eins',
        '2. Nummer zwei',
        '',
        '### § 20b Alt',
        '',
        '## 4.1A Inserted',
        '',
        '**4.1A.1** Bold label text.',
        '',
        '## A. Letters',
      ].join('\n'),
    );
    expect(doc.meta.kind === 'plain' && doc.meta.title).toBe('Gesetz');
    expect(outline(doc)).toEqual([
      'test/teil-1-allgemeines',
      'test/§20a',
      'test/§20a(1)',
      'test/§20a(1)(1)',
      'test/§20a(1)(2)',
      'test/§20b',
      'test/4.1A',
      'test/4.1A.1',
      'test/A',
    ]);
    const xref = doc.clauses[0]!.children[0]!.children[0]!.content[0]!;
    expect(JSON.stringify(xref)).toContain('"target":"§ 20b"');
  });

  it('should give each clause its source line and column', () => {
    const text = ['---', 'x: 1', '---', '', '## 1 One', '', '1.1 First.', '', '## 2 Two', '', '2.1 Second.'].join('\n');
    const { doc } = parse(text);
    const positions = [...walkClauses(doc.clauses)].map((c) => `${c.number}@${c.position.start.line}:${c.position.start.column}`);
    expect(positions).toEqual(['1@5:1', '1.1@7:1', '2@9:1', '2.1@11:1']);
  });

  it('should parse the same tree whether or not the text is cut into chunks (property)', () => {
    // Cutting the text at headings is only an optimisation: the tree must not change.
    const block = fc.oneof(
      fc.constantFrom('## 1 Intro', '## 2 Scope', '### 2.1 Sub', '# Title'),
      fc.constantFrom('1.1 Text with Clause 1.2.', '(a) item', '(i) sub', '**3.1** bold', '- bullet', '1. ordered', '| a | b |\n| - | - |\n| 1 | 2 |', '```\n# not a heading\n```', '```rule\nid: x\n```'),
      fc.lorem({ maxCount: 8 }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), (blocks) => {
        const text = blocks.join('\n\n') + '\n';
        const once = parse(text).doc;
        const whole = parse(text, 'test.md', true).doc;
        expect(once).toEqual(whole);
        // Every clause's recorded line really starts with its label or heading. A Markdown
        // ordered list is numbered as a reader sees it (`1.`, `1.` reads 1, 2), so its line
        // starts with a list marker, not always with its number.
        const lines = text.split('\n');
        for (const c of walkClauses(once.clauses)) {
          const line = (lines[c.position.start.line - 1] ?? '').slice(c.position.start.column - 1);
          if (/^\d+\. /.test(line)) expect(c.number).toMatch(/^\d+\.?$/);
          else expect(line).toContain(c.number ?? c.heading ?? '');
          expect(line.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
