/**
 * Whatever characters a Word paragraph or table cell holds, the source the import writes reads
 * back as the same text: Markdown's own characters (`*`, `_`, `[`, `#` at the start of a line,
 * `|` in a cell, `&` before a name, ...) are escaped where they would mean something, and only there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { importDocx } from '../../src/import/index.js';
import { inlineText } from '../../src/model/text.js';
import type { Block } from '../../src/model/types.js';
import { headingLabel, paragraphLabel } from '../../src/parse/labels.js';
import { parseDocument } from '../../src/parse/index.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { cell, docx, para, row, run, table } from '../fixtures/import/make-fixtures.mjs';

// No `@`: `<a@b>` is an e-mail autolink, which remark-stringify's escaping does not foresee (a known gap, not the import's).
const MARKDOWN = '*_[]()\\<>#|~!&`+-.:=^"\'{}$%/;?,';
/** Text of letters, digits, spaces and every ASCII character Markdown gives a meaning, in formatted runs. */
const runs = fc.array(
  fc.record({
    text: fc.string({ unit: fc.constantFrom(...`ab Z09 ${MARKDOWN}`), minLength: 1, maxLength: 12 }),
    bold: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);
const joined = (rs: Array<{ text: string }>) => rs.map((r) => r.text).join('');
/** The text as a reader sees it: the paragraph's own leading and trailing space is layout. */
const textOf = (rs: Array<{ text: string }>) => joined(rs).trim();
const isLabel = (text: string) => [false, true].some((letter) => paragraphLabel(text, () => letter) !== null) || headingLabel(text.trim()) !== null;
/** The bold text a paragraph starts with, as the import writes it (one run, white space outside). */
const leadingBold = (rs: Array<{ text: string; bold: boolean }>) => {
  const from = rs.findIndex((r) => r.text.trim() !== '');
  const to = rs.findIndex((r, i) => i >= from && !r.bold);
  return rs.slice(from, to < 0 ? undefined : to).map((r) => r.text).join('').trim();
};
/**
 * Text the source syntax reads as a clause label (`1.2 `, `(a) `, or a bold `**3**` at the
 * start) is a number, not text: not this test's subject.
 */
const isText = (rs: Array<{ text: string; bold: boolean }>) => textOf(rs) !== '' && !isLabel(textOf(rs)) && !isLabel(`${leadingBold(rs)} `);
const wordRuns = (rs: Array<{ text: string; bold: boolean }>) => rs.map((r) => run(r.text, r.bold ? '<w:b/>' : '')).join('');

describe('import of text with Markdown characters', () => {
  it('should read back the text of a paragraph, a paragraph of its own and table cells unchanged', () => {
    fc.assert(
      fc.property(runs.filter(isText), runs.filter(isText), runs.filter(isText), runs.filter(isText), (clause, own, left, right) => {
        const body = [
          para(run('1 Heading'), { style: 'Heading1' }),
          // A clause's text starts with a plain word: bold text after the number would be its heading.
          para(run('1.1 Text: ') + wordRuns(clause)),
          para(wordRuns(own)),
          table([row([cell(para(run('Term'))), cell(para(run('Meaning')))], '<w:tblHeader/>'), row([cell(para(wordRuns(left))), cell(para(wordRuns(right)))])]),
        ];
        const { markdown } = importDocx(docx({ body, title: 'Escaping' }));
        const doc = parseDocument(markdown, new VFile({ path: 'imported.md' }));
        const clause11 = doc.clauses[0]?.children[0];
        const texts = (blocks: readonly Block[]) => blocks.map((b) => (b.type === 'table' ? [b.header, ...b.rows].map((r) => r.map((c) => inlineText(c.children))) : b.type === 'paragraph' ? inlineText(b.children) : b.type));
        expect({ number: clause11?.number, content: texts(clause11?.content ?? []) }, markdown).toEqual({
          number: '1.1',
          content: [`Text: ${joined(clause)}`.trimEnd(), textOf(own), [['Term', 'Meaning'], [textOf(left), textOf(right)]]],
        });
      }),
      { numRuns: 200 },
    );
  });
});
