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
    // Right after a clause's own number it is placed at its text (column 5), not at the clause's paragraph.
    const file = new VFile({ path: 'x.md' });
    const doc = parseDocument('---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "20.0"\ndesignated_by: d\n---\n\n## 1 Intro\n\n1.1 1.1a B.\n', file);
    const before = file.messages.length;
    checkNumbering(doc, file);
    expect(file.messages.slice(before).map((m) => [m.ruleId, m.line, m.column])).toEqual([['number-suffix', 11, 5]]);
  });
});

describe('check/numbering: articles, sections and lettered labels', () => {
  const only = (...paragraphs: string[]) => problems(...paragraphs).map(([rule, , reason]) => [rule, reason]);

  it('should pass hyphenated articles inserted after one, the next, and the first of the next chapter', () => {
    expect(only('## Article L121-36', 'A.', '## Article L121-36-1', 'B.', '## Article L121-36-2', 'C.', '## Article L121-37', 'D.', '## Article L122-1', 'E.', '## Article L131-1', 'F.', '## Article R131-5', 'G.')).toEqual([]);
    expect(only('## Art. 5', 'A.', '## Art. 5-1', 'B.', '## Art. 6', 'C.')).toEqual([]);
  });

  it('should report a hyphenated article out of order, or after a gap, naming the numbers expected', () => {
    expect(only('## Article L121-36', 'A.', '## Article L121-38', 'B.')).toEqual([
      ['number-sequence', 'Unexpected clause `Article L121-38` after `Article L121-36`, expected `Article L121-37` or `Article L121-36-1` (a gap in the numbering)'],
    ]);
    expect(only('## Article L121-37', 'A.', '## Article L121-36', 'B.')).toEqual([['number-sequence', 'Unexpected clause `Article L121-36` after `Article L121-37`, expected numbers in ascending order']]);
    expect(only('## Article L121-36-1', 'A.', '## Article L121-36', 'B.')).toEqual([['number-sequence', 'Unexpected clause `Article L121-36` after `Article L121-36-1`, expected numbers in ascending order']]);
    expect(only('## Article L121-36', 'A.', '## Article L121-36-2', 'B.')).toEqual([
      ['number-sequence', 'Unexpected clause `Article L121-36-2` after `Article L121-36`, expected `Article L121-37` or `Article L121-36-1` (a gap in the numbering)'],
    ]);
    expect(only('## Article L121-36', 'A.', '## Article L122-2', 'B.')).toEqual([
      ['number-sequence', 'Unexpected clause `Article L122-2` after `Article L121-36`, expected `Article L121-37` or `Article L121-36-1` (a gap in the numbering)'],
    ]);
    // Without a series letter the first part is a number like any other: it steps by one.
    expect(only('## Article 121-36', 'A.', '## Article 123-1', 'B.')).toEqual([
      ['number-sequence', 'Unexpected clause `Article 123-1` after `Article 121-36`, expected `Article 121-37` or `Article 121-36-1` (a gap in the numbering)'],
    ]);
    expect(only('## Article 121-36', 'A.', '## Article 122-1', 'B.')).toEqual([]);
  });

  it('should read plain article and section numbers as numbers', () => {
    expect(only('## Article 3', 'A.', '## Article 4', 'B.', '## Article 6', 'C.')).toEqual([['number-sequence', 'Unexpected clause `Article 6` after `Article 4`, expected the next number (a gap in the numbering)']]);
    expect(only('## § 1 Zweck', 'A.', '## § 2 Anwendung', 'B.', '## § 4 Rest', 'C.', '## § 3 Zurück', 'D.')).toEqual([
      ['number-sequence', 'Unexpected clause `§ 4` after `§ 2`, expected the next number (a gap in the numbering)'],
      ['number-sequence', 'Unexpected clause `§ 3` after `§ 4`, expected numbers in ascending order'],
    ]);
    expect(only('## § 1 Zweck', 'A.', '## § 1a Zusatz', 'B.', '## § 2 Rest', 'C.')).toEqual([]);
    // A skipped suffix is named in the case it is written in.
    expect(only('## § 1 Zweck', 'A.', '## § 1b Zusatz', 'B.')).toEqual([['number-suffix', 'Unexpected clause `§ 1b` after `§ 1`, expected `§ 1a` first (a skipped suffix)']]);
    expect(only('## Artikel 1', 'A.', '## Artikel 3', 'B.')).toEqual([['number-sequence', 'Unexpected clause `Artikel 3` after `Artikel 1`, expected the next number (a gap in the numbering)']]);
  });

  it('should count letters and doubled letters in every lettered style, and numbers in brackets or with a dot', () => {
    expect(only('## A. First', 'x.', '## B. Second', 'y.', '## D. Fourth', 'z.')).toEqual([['number-sequence', 'Unexpected clause `D` after `B`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', '(A) x', '(B) y', '(D) z')).toEqual([['number-sequence', 'Unexpected clause `(D)` after `(B)`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', 'a) x', 'b) y', 'd) z')).toEqual([['number-sequence', 'Unexpected clause `d)` after `b)`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', '(y) x', '(z) y', '(aa) z', '(bb) w')).toEqual([]);
    expect(only('## 1 Intro', '1.1 A:', '(z) y', '(bb) w')).toEqual([['number-sequence', 'Unexpected clause `(bb)` after `(z)`, expected the next number (a gap in the numbering): `(aa)` is missing']]);
    expect(only('## 1 Intro', '1.1 A:', '(1) x', '(2) y', '(4) z')).toEqual([['number-sequence', 'Unexpected clause `(4)` after `(2)`, expected the next number (a gap in the numbering)']]);
    // A list keeps rising numbers as written (7 repealed), so a gap shows.
    expect(only('## 1 Intro', '1.1 A:', '6. x\n8. y')).toEqual([['number-sequence', 'Unexpected clause `8.` after `6.`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', '(2a) x', '(2b) y', '(2d) z')).toEqual([['number-suffix', 'Unexpected clause `(2d)` after `(2b)`, expected `(2c)` first (a skipped suffix)']]);
  });

  it('should step a suffix past Z to AA', () => {
    expect(only('## 1 Intro', '1.1 A.', '1.1A B.', '1.1B C.')).toEqual([]);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    expect(only('## 1 Intro', '1.1 A.', ...letters.map((l) => `1.1${l} x.`), '1.1AA y.', '1.1AB z.')).toEqual([]);
    expect(only('## 1 Intro', '1.1 A.', ...letters.map((l) => `1.1${l} x.`), '1.1AB y.')).toEqual([['number-suffix', 'Unexpected clause `1.1AB` after `1.1Z`, expected `1.1AA` first (a skipped suffix)']]);
  });

  it('should not check the sequence after a duplicate, nor across styles, nor lower-case suffixes in a direction', () => {
    expect(only('## 1 Intro', '1.1 A.', '1.2 B.', '1.2 C.', '1.3 D.')).toEqual([['duplicate-number', 'Unexpected second clause numbered `1.2`, expected unique numbers (first at line 13)']]);
    expect(only('## 1 Intro', '1.1 A:', '(a) x', '(1) y', '(b) z')).toEqual([]);
    const file = new VFile({ path: 'd.md' });
    const direction = parseDocument('---\nkind: direction\nid: d\ntitle: D\nmade: 2022-01-01\ndesignates:\n  - { document: AL, version: "1.0" }\n---\n\n## 1 Direction\n\n1.1 A.\n\n1.1a B.\n', file);
    const before = file.messages.length;
    checkNumbering(direction, file);
    expect(file.messages.slice(before)).toEqual([]);
  });

  it('should check the sequence past an unnumbered heading, and a number\'s parent through one', () => {
    expect(only('## 1 Intro', '1.1 A.', '## Notes', 'x', '## 3 Later', '3.1 B.')).toEqual([['number-sequence', 'Unexpected clause `3` after `1`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A.', '### Notes', '2.1 B.')).toEqual([['number-sequence', 'Unexpected clause `2.1` inside clause `1`, expected a number starting `1.`']]);
    // `10.1` starts with the characters `1`, not with the number `1.`.
    expect(only('## 1 Intro', '10.1 A.')).toEqual([['number-sequence', 'Unexpected clause `10.1` inside clause `1`, expected a number starting `1.`']]);
    // A lettered heading after a numbered one starts a new series.
    expect(only('## 1 Intro', '1.1 A.', '## A. Annex', 'x.')).toEqual([]);
  });

  it('should read numbers of two digits as numbers, in decimal clauses, sections and doubled letters', () => {
    expect(only('## 1 Intro', '1.9 A.', '1.10 B.', '1.12 C.')).toEqual([['number-sequence', 'Unexpected clause `1.12` after `1.10`, expected the next number (a gap in the numbering)']]);
    expect(only('## § 9 A', 'x', '## § 10 B', 'y', '## § 12 C', 'z')).toEqual([['number-sequence', 'Unexpected clause `§ 12` after `§ 10`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', 'aa) x', 'bb) y', 'dd) z')).toEqual([['number-sequence', 'Unexpected clause `dd)` after `bb)`, expected the next number (a gap in the numbering)']]);
    expect(only('## 1 Intro', '1.1 A:', '(y) a', '(aa) b')).toEqual([['number-sequence', 'Unexpected clause `(aa)` after `(y)`, expected the next number (a gap in the numbering): `(z)` is missing']]);
  });

  it('should report a suffix lower than the one before as out of order', () => {
    expect(only('## 1 Intro', '1.2 A.', '1.2A B.', '1.2B C.', '1.2A D.')).toEqual([['duplicate-number', 'Unexpected second clause numbered `1.2A`, expected unique numbers (first at line 13)']]);
    expect(only('## 1 Intro', '1.2 A.', '1.2B B.', '1.2A C.')).toEqual([
      ['number-suffix', 'Unexpected clause `1.2B` after `1.2`, expected `1.2A` first (a skipped suffix)'],
      ['number-sequence', 'Unexpected clause `1.2A` after `1.2B`, expected numbers in ascending order'],
    ]);
    expect(only('## 1 Intro', '1.1 A.', '1.1AA B.', '1.1B C.')).toEqual([
      ['number-suffix', 'Unexpected clause `1.1AA` after `1.1`, expected `1.1A` first (a skipped suffix)'],
      ['number-sequence', 'Unexpected clause `1.1B` after `1.1AA`, expected numbers in ascending order'],
    ]);
  });

  it('should read every written form of a hyphenated article, and step the right part', () => {
    const gap = (prev: string, next: string, expected: string) => [['number-sequence', `Unexpected clause \`${next}\` after \`${prev}\`, expected ${expected} (a gap in the numbering)`]];
    expect(only('## Art 5-1', 'A.', '## Art 5-3', 'B.')).toEqual(gap('Art 5-1', 'Art 5-3', '`Art 5-2` or `Art 5-1-1`'));
    expect(only('## Article L. 121-36', 'A.', '## Article L. 121-38', 'B.')).toEqual(gap('Article L. 121-36', 'Article L. 121-38', '`Article L. 121-37` or `Article L. 121-36-1`'));
    // The star of `R*` marks the article's kind, not another series.
    expect(only('## Article R*5-1', 'A.', '## Article R5-3', 'B.')).toEqual(gap('Article R*5-1', 'Article R5-3', '`Article R*5-2` or `Article R*5-1-1`'));
    expect(only('## Article 5', 'A.', '## Article 5-2', 'B.')).toEqual(gap('Article 5', 'Article 5-2', '`Article 6` or `Article 5-1`'));
    expect(only('## Article 5', 'A.', '## Article 5-1-1', 'B.')).toEqual(gap('Article 5', 'Article 5-1-1', '`Article 6` or `Article 5-1`'));
    expect(only('## Article L121-36-1', 'A.', '## Article L121-36-3', 'B.')).toEqual(gap('Article L121-36-1', 'Article L121-36-3', '`Article L121-36-2` or `Article L121-36-1-1`'));
    // Spaces after the word as typed (three here); a plain number after a hyphenated one.
    expect(only('## Article   5-1', 'A.', '## Article   5-3', 'B.')).toEqual(gap('Article   5-1', 'Article   5-3', '`Article   5-2` or `Article   5-1-1`'));
    expect(only('## Article 5-1', 'A.', '## Article 7', 'B.')).toEqual(gap('Article 5-1', 'Article 7', '`Article 5-2` or `Article 5-1-1`'));
  });

  it('should leave unchecked an article number it cannot read as parts or as a number', () => {
    // A letter in a part (`5-3a`, `316e`), or a series letter with one part (`L5`).
    expect(only('## Article 5-1', 'A.', '## Article 5-3a', 'B.')).toEqual([]);
    expect(only('## Article 316e', 'A.', '## Article 317-1', 'B.')).toEqual([]);
    expect(only('## Article L5', 'A.', '## Article L6', 'B.')).toEqual([]);
  });

  it('should look for a lower-case suffix in paragraphs only, also in an image\'s description, and pass an empty paragraph', () => {
    expect(problems('## 1 Intro', '1.1 A:', '- item', '![](x.png)', '![1.2a B](x.png)')).toEqual([
      ['number-suffix', 17, 'Unexpected lower-case suffix in `1.2a`, expected `1.2A` (it is read as text of the clause before, not as a clause)'],
    ]);
  });
});
