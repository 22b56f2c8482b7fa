/**
 * The checks on what a document's text points at: cross-references that must resolve (in a
 * version; in a direction, also in the versions it designates), links that would not be live,
 * and characters the PDF's fonts cannot show. Small documents written here; every expected
 * message and place is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/check/links.js';
import { checkXrefs } from '../../src/check/xref.js';
import { glyphCheck } from '../../src/check/index.js';
import { counts, direction, memoryCorpus, messagesSince, version } from '../memory-corpus.js';

const D1 = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);

/** The problems `check` finds in the documents of `files`, each document checked once. */
function problems(files: Record<string, string>, check: typeof checkXrefs): Array<[string, string, string, string]> {
  const { corpus, fileOf } = memoryCorpus(files);
  const before = counts(corpus);
  for (const doc of [...corpus.versions, ...corpus.directions]) check(doc, fileOf(doc), corpus);
  return messagesSince(corpus, before);
}

describe('check/xref: references to clauses', () => {
  // Front matter is lines 1-7; the body starts on line 9.
  const body = [
    'This version replaces the last. See Clause 5.5.',
    '## 1 Intro',
    '1.1 See Clause 1.2 and Clause 9.9.',
    '1.2 The DCC shall act:',
    '(a) under Clause 1.1; and',
    '(b) under Clause 1.2(a) and Clause 1.2(c).',
    '| Clauses | Read with |\n| --- | --- |\n| 1 | Clause 8.8 |',
    '## 2 Later',
    '2.1 Section A and Appendix B are read as in Clause 1.',
  ].join('\n\n');

  it('should report each unresolved reference where it is written: in the preamble, a clause, a sub-paragraph, and after the sub-paragraphs', () => {
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `${body}\n`) }, checkXrefs)).toEqual([
      ['aa/v1.md', 'xref-unresolved', '9:37', 'Unexpected reference to Clause 5.5, which does not exist in this version'],
      ['aa/v1.md', 'xref-unresolved', '13:24', 'Unexpected reference to Clause 9.9, which does not exist in this version'],
      // A clause's own text and what follows its sub-paragraphs, then the sub-paragraphs.
      ['aa/v1.md', 'xref-unresolved', '23:7', 'Unexpected reference to Clause 8.8, which does not exist in this version'],
      ['aa/v1.md', 'xref-unresolved', '19:29', 'Unexpected reference to Clause 1.2(c), which does not exist in this version'],
    ]);
  });

  it('should resolve a direction\'s references against itself and the versions it designates, and name them', () => {
    const version1 = version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 The DCC shall act.\n\n1.2 It may stop.\n');
    const citing = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }'], '## 1 Direction\n\n1.1 Clause 1.2 of the document is designated, with Clause 1.1 of this direction. Clause 4.4 is not.\n');
    // Front matter is lines 1-9 (one designation); the body starts on line 11.
    expect(problems({ 'd/first.md': citing, 'aa/v1.md': version1 }, checkXrefs)).toEqual([
      ['d/first.md', 'xref-unresolved', '13:82', 'Unexpected reference to Clause 4.4, which does not exist in this direction or in the versions it designates (AA v1.0)'],
    ]);
    const designatingNothingHeld = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "7.0" }'], '## 1 Direction\n\n1.1 See Clause 1.2.\n');
    expect(problems({ 'd/first.md': designatingNothingHeld }, checkXrefs)).toEqual([
      ['d/first.md', 'xref-unresolved', '13:9', 'Unexpected reference to Clause 1.2, which does not exist in this direction'],
    ]);
  });

  it('should name every designated version, and resolve a reference in any of them', () => {
    const both = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: BB, version: "1.0" }'], '## 1 Direction\n\n1.1 See Clause 2.1 and Clause 3.1.\n');
    const aa = version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 A.\n');
    const bb = version('BB', '1.0', 'first', '## 2 Other\n\n2.1 B.\n');
    expect(problems({ 'd/first.md': both, 'aa/v1.md': aa, 'bb/v1.md': bb }, checkXrefs)).toEqual([
      ['d/first.md', 'xref-unresolved', '14:24', 'Unexpected reference to Clause 3.1, which does not exist in this direction or in the versions it designates (AA v1.0, BB v1.0)'],
    ]);
  });

  it('should place a reference with no place of its own (an image\'s description alone in its paragraph) at its clause', () => {
    const body = '## 1 Intro\n\n1.1 The list:\n\n- ![see Clause 9.9](x.png)\n';
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', body) }, checkXrefs)).toEqual([
      ['aa/v1.md', 'xref-unresolved', '11:1', 'Unexpected reference to Clause 9.9, which does not exist in this version'],
    ]);
    // In the preamble there is no clause: the file is named without a line.
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', '![see Clause 9.9](x.png)\n\n## 1 Intro\n\n1.1 A.\n') }, checkXrefs)).toEqual([
      ['aa/v1.md', 'xref-unresolved', 'undefined:undefined', 'Unexpected reference to Clause 9.9, which does not exist in this version'],
    ]);
  });
});

describe('check/links: targets that would not be live', () => {
  it('should report a link that is not http(s), mailto, relative or a fragment, at its text, wherever it is', () => {
    const body = [
      'See [the rules](javascript:alert(1)) first.',
      '## Notes',
      'A [note](data:text/html,x) in a section.',
      '## 1 Intro',
      '1.1 Read [the guide](https://example.org/guide), [mail](mailto:a@b.c), [here](#top) and [there](../x.md).',
      '1.2 Lists and quotes:',
      '- an item with [a file](file:///etc/passwd)\n- and **[bold *words*](vbscript:x)**',
      '> quoted [link](javascript:void(0))',
      '| Col | Link |\n| --- | --- |\n| 1 | [cell](javascript:cell) |',
    ].join('\n\n');
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `${body}\n`) }, checkLinks)).toEqual([
      ['aa/v1.md', 'link-unsafe', '9:6', 'Unexpected link to `javascript:alert(1)`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
      ['aa/v1.md', 'link-unsafe', '13:4', 'Unexpected link to `data:text/html,x`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
      ['aa/v1.md', 'link-unsafe', '21:17', 'Unexpected link to `file:///etc/passwd`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
      ['aa/v1.md', 'link-unsafe', '22:10', 'Unexpected link to `vbscript:x`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
      ['aa/v1.md', 'link-unsafe', '24:11', 'Unexpected link to `javascript:void(0)`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
      ['aa/v1.md', 'link-unsafe', '28:8', 'Unexpected link to `javascript:cell`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
    ]);
  });

  it('should cut a long target to 80 characters, and place a link with no text at its paragraph', () => {
    const long = `javascript:${'x'.repeat(100)}`;
    const body = `## 1 Intro\n\n1.1 A [long](${long}) one and an empty [](javascript:empty) one.\n`;
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', body) }, checkLinks)).toEqual([
      ['aa/v1.md', 'link-unsafe', '11:8', `Unexpected link to \`${long.slice(0, 80)}\`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text`],
      ['aa/v1.md', 'link-unsafe', '11:1', 'Unexpected link to `javascript:empty`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
    ]);
  });

  it('should read links in the version history, in a heading inside a quote, and in any text of a link, past code and rules', () => {
    const body = [
      '## Version History',
      '| Version | Date | Description |\n| --- | --- | --- |\n| 1.0 | 1 January 2022 | [notes](javascript:h) |',
      '## 1 Intro',
      '1.1 Blocks of every kind:',
      '```\n[not a link](javascript:code)\n```',
      '---',
      '> #### A [heading link](javascript:q)',
      '1.2 Links whose text starts with markup: [*word*](javascript:e), [`code` then](javascript:c) and [`code`](javascript:k).',
      '1.3 Or with none: [*`code`*](javascript:m) and [![a picture](x.png)](javascript:i).',
    ].join('\n\n');
    // Front matter lines 1-7: the history table's row is line 13, the quote line 25, clause 1.2 line 27.
    const at = (place: string, url: string) => ['aa/v1.md', 'link-unsafe', place, `Unexpected link to \`${url}\`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text`];
    expect(problems({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `${body}\n`) }, checkLinks)).toEqual([
      at('13:27', 'javascript:h'),
      at('25:11', 'javascript:q'),
      // The first text inside the emphasis; the text after the code; no text at all: the paragraph.
      at('27:44', 'javascript:e'),
      at('27:73', 'javascript:c'),
      at('27:1', 'javascript:k'),
      at('29:1', 'javascript:m'),
      at('29:1', 'javascript:i'),
    ]);
  });
});

describe('check/glyphs: characters the PDF cannot show', () => {
  it('should ask the fonts once, in code-point order, about the characters used, and report each where each file first uses it', () => {
    const aa = version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 An arrow → and a star ★.\n\n1.2 Another arrow →.\n');
    const bb = version('BB', '1.0', 'first', '## 1 Intro\n\n1.1 Only a star: ★ and a check ✓.\n');
    const { corpus, fileOf } = memoryCorpus({ 'd/first.md': D1, 'aa/v1.md': aa, 'bb/v1.md': bb });
    const asked: string[][] = [];
    const before = counts(corpus);
    glyphCheck((characters) => (asked.push(characters), new Set(['★', '✓'])))(corpus, fileOf);
    expect(asked).toEqual([['→', '★', '✓']]);
    expect(messagesSince(corpus, before)).toEqual([
      ['aa/v1.md', 'glyph-missing', '11:27', "Unexpected character ★ (U+2605), which the PDF's fonts cannot show; write it another way"],
      ['bb/v1.md', 'glyph-missing', '11:18', "Unexpected character ★ (U+2605), which the PDF's fonts cannot show; write it another way"],
      ['bb/v1.md', 'glyph-missing', '11:32', "Unexpected character ✓ (U+2713), which the PDF's fonts cannot show; write it another way"],
    ]);
  });

  it('should not ask at all when every character is common, and report nothing when the fonts have them all', () => {
    const plain = memoryCorpus({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 Plain text, café and “quotes”.\n') });
    const asked: string[][] = [];
    glyphCheck((characters) => (asked.push(characters), new Set(characters)))(plain.corpus, plain.fileOf);
    expect(asked).toEqual([]);
    const arrows = memoryCorpus({ 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 An arrow →.\n') });
    const before = counts(arrows.corpus);
    glyphCheck((characters) => (asked.push(characters), new Set()))(arrows.corpus, arrows.fileOf);
    expect(asked).toEqual([['→']]);
    expect(messagesSince(arrows.corpus, before)).toEqual([]);
  });

  it('should ask about the characters in code-point order whatever order the files use them in', () => {
    const aa = version('AA', '1.0', 'first', '## 1 Intro\n\n1.1 A check ✓ before an arrow →.\n');
    const { corpus, fileOf } = memoryCorpus({ 'd/first.md': D1, 'aa/v1.md': aa });
    const asked: string[][] = [];
    glyphCheck((characters) => (asked.push(characters), new Set()))(corpus, fileOf);
    expect(asked).toEqual([['→', '✓']]);
  });
});
