/**
 * How versions and directions fit together, on small corpora written here: one file per version,
 * one chain per document (no loops, skips or forks), designations and annexes naming versions
 * held, dates in order, and the version-history row. The expected messages are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { checkHistory, checkVersionMetadata, parseDate } from '../../src/check/versions.js';
import type { ClauseDocument } from '../../src/model/types.js';

/** The version-check messages of a corpus held in memory: [file, rule, line, reason]. */
function problems(files: Record<string, string>): Array<[string, string, number, string]> {
  const host: Host = {
    listFiles: () => Object.keys(files).map((name) => `/docs/${name}`),
    readFile: (path) => new TextEncoder().encode(files[path.slice('/docs/'.length)]!),
    exists: (path) => path.slice('/docs/'.length) in files,
  };
  const corpus = loadCorpus('/docs', host);
  const before = new Map(corpus.files.map((f) => [f, f.messages.length]));
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  const fileOf = (doc: ClauseDocument) => byPath.get(doc.path)!;
  checkVersionMetadata(corpus, fileOf);
  for (const v of corpus.versions) checkHistory(v, corpus, fileOf(v));
  return corpus.files.flatMap((f) => f.messages.slice(before.get(f)).map((m): [string, string, number, string] => [f.path.slice('/docs/'.length), m.ruleId!, m.line!, m.reason]));
}

const version = (appendix: string, number: string, direction: string, replaces: string | null = null, history = '') =>
  `---\nappendix: ${appendix}\nshort_name: ${appendix}AD\ntitle: ${appendix} document\nversion: "${number}"\n${replaces ? `replaces: "${replaces}"\n` : ''}designated_by: ${direction}\n---\n\n${history}## 1 Intro\n\n1.1 The DCC shall act.\n`;

const direction = (id: string, made: string, effective: string, designates: string[], annexes: string[] = []) =>
  `---\nkind: direction\nid: ${id}\ntitle: ${id}\nmade: ${made}\neffective: ${effective}\ndesignates:\n${designates.map((d) => `  - ${d}\n`).join('')}${annexes.length ? `annexes:\n${annexes.map((a) => `  - ${a}\n`).join('')}` : ''}---\n\n## 1 Direction\n\n1.1 Directed.\n`;

const FIRST = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const SECOND = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);

describe('check/versions', () => {
  it('should pass a chain of two versions, each designated by a direction that lists it', () => {
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0') })).toEqual([]);
  });

  it('should report a second file for one version', () => {
    expect(problems({ 'd/first.md': FIRST, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v1-copy.md': version('AA', '1.0', 'first') })).toEqual([
      ['aa/v1.md', 'duplicate-version', 5, 'Unexpected second file for AA v1.0, expected one file per version (also in /docs/aa/v1-copy.md)'],
    ]);
  });

  it('should report a second first version, a loop, a skip and a fork', () => {
    const designating = (...versions: string[]) => direction('first', '2021-12-01', '2022-01-01', versions.map((v) => `{ document: AA, version: "${v}" }`));
    const d = designating('1.0', '2.0');
    expect(problems({ 'd/first.md': d, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'first') })).toEqual([
      ['aa/v2.md', 'version-chain', 5, 'Unexpected second first version of AA (v2.0 replaces nothing, as does v1.0), expected a `replaces` field'],
    ]);
    // (The looping version also takes effect no later than itself: a date-conflict, left out here.)
    expect(problems({ 'd/first.md': d, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'first', '2.0') }).filter(([, rule]) => rule === 'version-chain')).toEqual([
      ['aa/v2.md', 'version-chain', 6, 'Unexpected `replaces: "2.0"` in AA v2.0, expected an earlier version (the chain would loop)'],
    ]);
    expect(problems({ 'd/first.md': designating('1.0', '3.0'), 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v3.md': version('AA', '3.0', 'first', '2.0') })).toEqual([
      ['aa/v3.md', 'version-chain', 6, 'Unexpected `replaces: "2.0"`: AA v2.0 is not held, so the chain skips a version'],
    ]);
    expect(problems({ 'd/first.md': designating('1.0', '2.0', '3.0'), 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'first', '1.0'), 'aa/v3.md': version('AA', '3.0', 'first', '1.0') }).filter(([, rule]) => rule === 'version-chain')).toEqual([
      ['aa/v3.md', 'version-chain', 6, 'Unexpected fork: AA v3.0 and v2.0 both replace v1.0'],
    ]);
  });

  it('should report a direction not held and a direction that does not list the version', () => {
    expect(problems({ 'd/first.md': FIRST, 'aa/v1.md': version('AA', '1.0', 'nowhere') })).toEqual([
      ['aa/v1.md', 'direction-unknown', 6, 'Unexpected direction `nowhere`, expected the id of a direction under documents/'],
    ]);
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'first', '1.0') })).toEqual([
      ['aa/v2.md', 'direction-unknown-version', 7, 'Unexpected designation: direction `first` does not designate AA v2.0'],
      ['aa/v2.md', 'date-conflict', 7, "Unexpected effective date 2022-01-01 for AA v2.0, expected it after v1.0's (2022-01-01)"],
    ]);
  });

  it('should report effective dates before the direction was made, and not after the previous version\'s', () => {
    const early = direction('second', '2022-06-09', '2022-06-01', ['{ document: AA, version: "2.0", effective: 2022-05-01 }']);
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': early, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0') })).toEqual([
      ['d/second.md', 'date-conflict', 6, 'Unexpected effective date 2022-06-01 before the direction was made (2022-06-09)'],
      ['d/second.md', 'date-conflict', 8, 'Unexpected effective date 2022-05-01 before the direction was made (2022-06-09)'],
    ]);
    const same = direction('second', '2021-12-01', '2022-01-01', ['{ document: AA, version: "2.0" }']);
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': same, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0') })).toEqual([
      ['aa/v2.md', 'date-conflict', 7, "Unexpected effective date 2022-01-01 for AA v2.0, expected it after v1.0's (2022-01-01)"],
    ]);
  });

  it('should report annexes naming versions not held or marked up against the wrong one', () => {
    const annexed = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }'], [
      '{ letter: A, document: AA, version: "2.0", against: "1.0", title: "ok" }',
      '{ letter: B, document: AA, version: "2.0", against: "0.9", title: "wrong base" }',
      '{ letter: C, document: AA, version: "7.0", title: "not held" }',
      '{ letter: D, document: AA, version: "1.0", against: "0.5", title: "first" }',
    ]);
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': annexed, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0') })).toEqual([
      ['d/second.md', 'version-chain', 11, 'Unexpected annex B marked up against v0.9: AA v2.0 replaces v1.0'],
      ['d/second.md', 'direction-unknown-version', 12, 'Unexpected annex C: AA v7.0 is not held under documents/'],
      ['d/second.md', 'version-chain', 13, 'Unexpected annex D marked up against v0.5: AA v1.0 replaces nothing'],
    ]);
  });

  it('should check the version-history row: last, and dated as the direction gives', () => {
    const table = (rows: string[]) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;
    const check = (rows: string[]) => problems({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0', table(rows)) });
    expect(check(['| 1.0 | 1 January 2022 | First |', '| v2.0 | 10 June 2022 | Second |'])).toEqual([]);
    expect(check(['| 1.0 | 1 January 2022 | First |', '| 2.0 | 9th June 2022 | Second |'])).toEqual([]);
    expect(check(['| 1.0 | 1 January 2022 | First |', '| 2.0 | 2022-06-11 | Second |'])).toEqual([
      ['aa/v2.md', 'date-conflict', 15, 'Unexpected version-history date 2022-06-11 for v2.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09)'],
    ]);
    expect(check(['| 1.0 | 1 January 2022 | First |', '| 2.0 | June 2022 | Second |'])).toEqual([
      ['aa/v2.md', 'date-invalid', 15, 'Unexpected date `June 2022` in the version history, expected a date such as 10 June 2022'],
    ]);
    expect(check(['| 2.0 | 10 June 2022 | Second |', '| 1.0 | 1 January 2022 | First |'])).toEqual([
      ['aa/v2.md', 'date-conflict', 12, 'Unexpected last version-history row 1.0, expected this version (2.0)'],
    ]);
  });

  it('should read history dates written either way, and nothing else', () => {
    expect(parseDate(' 10 June 2022 ')).toBe('2022-06-10');
    expect(parseDate('1st January 2023')).toBe('2023-01-01');
    expect(parseDate('2022-06-10')).toBe('2022-06-10');
    expect(parseDate('10 Juin 2022')).toBeNull();
    expect(parseDate('10 June 2022 (approx.)')).toBeNull();
    expect(parseDate('x2022-06-10')).toBeNull();
  });
});

describe('check/versions: each document on its own chain, dates compared only where both are given', () => {
  const designating = (id: string, made: string, effective: string, versions: string[]) => direction(id, made, effective, versions);

  it('should keep each document to its own chain, designations and dates', () => {
    const d = designating('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: BB, version: "1.0" }']);
    const later = designating('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);
    const latest = designating('third', '2022-09-01', '2022-09-02', ['{ document: BB, version: "2.0" }']);
    expect(problems({ 'd/first.md': d, 'd/second.md': later, 'd/third.md': latest, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0'), 'bb/v1.md': version('BB', '1.0', 'first'), 'bb/v2.md': version('BB', '2.0', 'third', '1.0') })).toEqual([]);
    // A direction that designates another document's 1.0 does not designate this one's.
    const other = designating('first', '2021-12-01', '2022-01-01', ['{ document: BB, version: "1.0" }']);
    expect(problems({ 'd/first.md': other, 'aa/v1.md': version('AA', '1.0', 'first'), 'bb/v1.md': version('BB', '1.0', 'first') })).toEqual([
      ['aa/v1.md', 'direction-unknown-version', 6, 'Unexpected designation: direction `first` does not designate AA v1.0'],
    ]);
  });

  it('should name a designation of a version not held, and dates on the day the direction was made as in order', () => {
    const d = direction('first', '2021-12-01', '2021-12-01', ['{ document: AA, version: "1.0", effective: 2021-12-01 }', '{ document: AA, version: "7.0" }']);
    expect(problems({ 'd/first.md': d, 'aa/v1.md': version('AA', '1.0', 'first') })).toEqual([
      ['d/first.md', 'direction-unknown-version', 9, 'Unexpected designation of AA v7.0, which is not held under documents/'],
    ]);
  });

  it('should not compare dates with a direction whose making date is not recorded', () => {
    const unknown = `---\nkind: direction\nid: first\ntitle: first\nmade: "?"\neffective: 2021-01-01\ndesignates:\n  - { document: AA, version: "1.0", effective: 2021-01-01 }\n---\n\n## 1 Direction\n\n1.1 Directed.\n`;
    expect(problems({ 'd/first.md': unknown, 'aa/v1.md': version('AA', '1.0', 'first') }).filter(([, rule]) => rule === 'date-conflict')).toEqual([]);
  });

  it('should take an annex with no `against` as marked against nothing in particular', () => {
    const annexed = `${SECOND.replace('---\n\n## 1', 'annexes:\n  - { letter: A, document: AA, version: "2.0", title: "plain" }\n---\n\n## 1')}`;
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': annexed, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0') })).toEqual([]);
  });

  it('should leave two files whose front matter failed to their own errors', () => {
    const broken = '---\nappendix: AA\nversion: [\n---\n\n## 1 Intro\n\n1.1 A.\n';
    expect(problems({ 'd/first.md': FIRST, 'aa/x.md': broken, 'aa/y.md': broken }).filter(([, rule]) => rule === 'duplicate-version' || rule === 'version-chain')).toEqual([]);
  });

  it('should check the history row only where there is a table with this version\'s row and a direction', () => {
    const table = (rows: string[], before = '') => `## Version History\n\n${before}| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;
    const check = (history: string, designatedBy = 'second') => problems({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', designatedBy, '1.0', history) }).filter(([, rule]) => rule === 'date-conflict' || rule === 'date-invalid');
    expect(check('## Version History\n\nNo table yet.\n\n')).toEqual([]);
    expect(check(table(['| 2.0 | 2022-06-11 | Second |'], 'The changes so far:\n\n'))).toEqual([
      ['aa/v2.md', 'date-conflict', 16, 'Unexpected version-history date 2022-06-11 for v2.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09)'],
    ]);
    expect(check(table(['| 1.0 | 1 January 2022 | First |']))).toEqual([['aa/v2.md', 'date-conflict', 12, 'Unexpected last version-history row 1.0, expected this version (2.0)']]);
    expect(check(table(['| 2.0 | 2022-06-11 | Second |']), 'nowhere')).toEqual([]);
  });

  it('should read a date written with two spaces, and nothing with more around it', () => {
    expect(parseDate('10  June  2022')).toBe('2022-06-10');
    expect(parseDate('2022-06-10x')).toBeNull();
    expect(parseDate('x10 June 2022')).toBeNull();
  });

  it('should leave a version or direction whose front matter lacks a field out of the chains, designations and dates', () => {
    const untitled = (source: string) => source.replace(/title: .*\n/, '');
    // A second file for v1.0, a direction whose effective date comes before it was made: each has only its own error.
    const early = direction('second', '2022-06-09', '2022-06-01', ['{ document: AA, version: "1.0" }']);
    expect(problems({ 'd/first.md': FIRST, 'd/second.md': untitled(early), 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v1-draft.md': untitled(version('AA', '1.0', 'first')) }).filter(([, rule]) => !rule.startsWith('front-matter'))).toEqual([]);
  });

  it('should compare a version\'s effective date with the version of its own document it replaces', () => {
    // BB v2.0 replaces BB v1.0 (effective 2022-01-01), not AA v1.0 (effective later, 2022-09-02).
    const d = direction('first', '2021-12-01', '2022-01-01', ['{ document: BB, version: "1.0" }']);
    const later = direction('second', '2022-06-09', '2022-06-10', ['{ document: BB, version: "2.0" }']);
    const latest = direction('third', '2022-09-01', '2022-09-02', ['{ document: AA, version: "1.0" }']);
    expect(problems({ 'd/first.md': d, 'd/second.md': later, 'd/third.md': latest, 'aa/v1.md': version('AA', '1.0', 'third'), 'bb/v1.md': version('BB', '1.0', 'first'), 'bb/v2.md': version('BB', '2.0', 'second', '1.0') })).toEqual([]);
  });

  it('should read the history row\'s version and date cells as written, and place a date problem at the date\'s text', () => {
    const table = (rows: string[]) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;
    const check = (rows: string[], second = SECOND) => problems({ 'd/first.md': FIRST, 'd/second.md': second, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0', table(rows)) });
    // A `v` only at the start of the version cell is dropped.
    expect(check(['| 2.0 | 10 June 2022 | Second |', '| 2.0 (draft v2) | 11 June 2022 | Draft |'])).toEqual([
      ['aa/v2.md', 'date-conflict', 12, 'Unexpected last version-history row 2.0 (draft v2), expected this version (2.0)'],
    ]);
    // The table starts on line 12 and v2.0's row is line 14: the date's text, after the bold word, is placed there;
    // a date all in italics has no text of its own at the top of its cell, so the table is named.
    expect(check(['| 2.0 | **Revised** 11 June 2022 | Second |'])).toEqual([
      ['aa/v2.md', 'date-invalid', 14, 'Unexpected date `Revised 11 June 2022` in the version history, expected a date such as 10 June 2022'],
    ]);
    expect(check(['| 2.0 | *11 June 2022* | Second |'])).toEqual([
      ['aa/v2.md', 'date-conflict', 12, 'Unexpected version-history date 11 June 2022 for v2.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09)'],
    ]);
  });

  it('should let the row say the date is not recorded when the direction records no making date, and compare a date it gives', () => {
    const table = (row: string) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${row}\n\n`;
    const unmade = SECOND.replace('made: 2022-06-09\n', '');
    const check = (row: string) => problems({ 'd/first.md': FIRST, 'd/second.md': unmade, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0', table(row)) });
    expect(check('| 2.0 | not recorded | Second |')).toEqual([]);
    expect(check('| 2.0 | 10 June 2022 | Second |')).toEqual([]);
    expect(check('| 2.0 | 11 June 2022 | Second |')).toEqual([
      ['aa/v2.md', 'date-conflict', 14, 'Unexpected version-history date 11 June 2022 for v2.0, expected the date its direction gives (effective 2022-06-10, made not recorded)'],
    ]);
  });

  it('should read a history row with only its version cell, a date given as an image, and a direction that fixes no effective date', () => {
    const table = (row: string) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${row}\n\n`;
    const check = (row: string, second = SECOND) => problems({ 'd/first.md': FIRST, 'd/second.md': second, 'aa/v1.md': version('AA', '1.0', 'first'), 'aa/v2.md': version('AA', '2.0', 'second', '1.0', table(row)) });
    // The table starts on line 12: a date with no text of its own in the cell is placed at the table.
    expect(check('| 2.0 |')).toEqual([['aa/v2.md', 'date-invalid', 12, 'Unexpected date `` in the version history, expected a date such as 10 June 2022']]);
    expect(check('| 2.0 | ![11 June 2022](date.png) | Second |')).toEqual([
      ['aa/v2.md', 'date-conflict', 12, 'Unexpected version-history date 11 June 2022 for v2.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09)'],
    ]);
    expect(check('| 2.0 | 11 June 2022 | Second |', SECOND.replace('effective: 2022-06-10\n', ''))).toEqual([
      ['aa/v2.md', 'date-conflict', 14, 'Unexpected version-history date 11 June 2022 for v2.0, expected the date its direction gives (effective not fixed, made 2022-06-09)'],
    ]);
  });
});
