/**
 * The numbering checks on one document: duplicates, sequence (ascending, no gaps, the right
 * parent), suffixes one letter at a time, and lower-case suffixes. Expected messages by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { checkNumbering } from '../../src/check/numbering.js';

/** The numbering problems of a version whose body is these paragraphs: [rule, line, reason]. */
function problems(...paragraphs: string[]): Array<[string, number, string]> {
  const file = new VFile({ path: 'x.md' });
  const doc = parseDocument(`---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "20.0"\ndesignated_by: d\n---\n\n${paragraphs.join('\n\n')}`, file);
  const before = file.messages.length;
  checkNumbering(doc, file);
  return file.messages.slice(before).map((m) => [m.ruleId!, m.line!, m.reason]);
}

describe('check/numbering', () => {
  it('should pass numbers in sequence, suffixes one letter at a time, and lettered and roman sub-paragraphs', () => {
    expect(problems('## 1 Intro', '1.1 A.', '1.2 B.', '1.2A C.', '1.2B D.', '1.3 E.', '(a) x', '(b) y', '(i) one', '(ii) two', '(iii) three', '(iv) four', '(c) z', '## 2 Next', '2.1 F.')).toEqual([]);
  });

  it('should report a gap, with the missing letter for lettered sub-paragraphs', () => {
    expect(problems('## 1 Intro', '1.1 A.', '1.3 B.')).toEqual([['number-sequence', 13, 'Unexpected clause `1.3` after `1.1`, expected the next number (a gap in the numbering)']]);
    expect(problems('## 1 Intro', '1.1 A.', '(a) x', '(c) y')).toEqual([['number-sequence', 15, 'Unexpected clause `(c)` after `(a)`, expected the next number (a gap in the numbering): `(b)` is missing']]);
    expect(problems('## 1 Intro', '1.1 A.', '(a) x', '(d) y')).toEqual([['number-sequence', 15, 'Unexpected clause `(d)` after `(a)`, expected the next number (a gap in the numbering)']]);
    expect(problems('## 1 Intro', '1.1 A.', '(i) x', '(iii) y')).toEqual([['number-sequence', 15, 'Unexpected clause `(iii)` after `(i)`, expected the next number (a gap in the numbering)']]);
    expect(problems('## 1 Intro', '1.1 A.', '## 3 Later', '3.1 B.')).toEqual([['number-sequence', 13, 'Unexpected clause `3` after `1`, expected the next number (a gap in the numbering)']]);
  });

  it('should report numbers out of order and a number under the wrong parent', () => {
    expect(problems('## 1 Intro', '1.2 A.', '1.1 B.')).toEqual([['number-sequence', 13, 'Unexpected clause `1.1` after `1.2`, expected numbers in ascending order']]);
    expect(problems('## 1 Intro', '1.1 A.', '(b) x', '(a) y')).toEqual([['number-sequence', 15, 'Unexpected clause `(a)` after `(b)`, expected numbers in ascending order']]);
    expect(problems('## 1 Intro', '2.1 A.')).toEqual([['number-sequence', 11, 'Unexpected clause `2.1` inside clause `1`, expected a number starting `1.`']]);
  });

  it('should report a skipped suffix and a suffix after the next number', () => {
    expect(problems('## 1 Intro', '1.1 A.', '1.1B B.')).toEqual([['number-suffix', 13, 'Unexpected clause `1.1B` after `1.1`, expected `1.1A` first (a skipped suffix)']]);
    expect(problems('## 1 Intro', '1.1 A.', '1.1A B.', '1.1C C.')).toEqual([['number-suffix', 15, 'Unexpected clause `1.1C` after `1.1A`, expected `1.1B` first (a skipped suffix)']]);
    expect(problems('## 1 Intro', '1.1 A.', '1.2A B.')).toEqual([['number-sequence', 13, 'Unexpected clause `1.2A` after `1.1`, expected the next number (a gap in the numbering)']]);
  });

  it('should report a second clause with one number or one key, naming the first\'s line', () => {
    expect(problems('## 1 Intro', '1.1 A.', '1.1 B.')).toEqual([['duplicate-number', 13, 'Unexpected second clause numbered `1.1`, expected unique numbers (first at line 11)']]);
    expect(problems('## 1 Intro', '1.1 A. {#alpha}', '1.2 B. {#alpha}')).toEqual([
      ['duplicate-key', 13, 'Unexpected second clause with key `{#alpha}`, expected unique keys (first at line 11, Clause 1.1)'],
    ]);
  });

  it('should report a lower-case suffix where it is written', () => {
    expect(problems('## 1 Intro', '1.1 A.', '1.1a B.')).toEqual([['number-suffix', 13, 'Unexpected lower-case suffix in `1.1a`, expected `1.1A` (it is read as text of the clause before, not as a clause)']]);
    expect(problems('## 1 Intro', '1.1 A.', '1.1ab B.')).toEqual([['number-suffix', 13, 'Unexpected lower-case suffix in `1.1ab`, expected `1.1AB` (it is read as text of the clause before, not as a clause)']]);
    expect(problems('## 1 Intro', '1.1 A.', '1.1abc B.')).toEqual([]);
    expect(problems('## 1 Intro', '1.1 A.', 'See 1.1a B.')).toEqual([]);
  });
});
