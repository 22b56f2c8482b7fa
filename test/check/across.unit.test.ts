/**
 * The checks of a version against the one it replaces: a reference left on a number that
 * renumbering gave to another clause (an error) or written new on such a number (a warning),
 * earlier version-history rows kept as they were, the new row filled in, and a version that
 * expires before it takes effect. Small documents written here; every expected message by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkVersionAcross, historyRows, replacedVersion } from '../../src/check/across.js';
import { UNFILLED_HISTORY } from '../../src/model/sec.js';
import { counts, direction, memoryCorpus, messagesSince, version } from '../memory-corpus.js';

const FIRST = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const SECOND = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);

const history = (rows: string[]) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;
const ROW1 = '| 1.0 | 1 January 2022 | First issue. |';
const ROW2 = '| 2.0 | 10 June 2022 | Second issue. |';

const OLD_CLAUSES = [
  '## 1 Intro',
  '1.1 The DCC shall keep records of each meter.',
  '1.2 The DCC shall report each failure under Clause 1.3 to the panel.',
  '1.3 The panel shall review every failure report within ten days.',
  '1.4 The DCC shall then publish the outcome of each review.',
  '1.5 Each party shall pay its own costs of testing.',
].join('\n\n');

/** Version 2.0 of AA: a clause inserted as 1.2, so the old 1.2 to 1.5 are now 1.3 to 1.6. */
function renumbered(clause13: string, clause15: string, inserted = '1.2 The DCC shall also keep a register of firmware versions.'): string {
  return [
    '## 1 Intro',
    '1.1 The DCC shall keep records of each meter.',
    inserted,
    clause13,
    '1.4 The panel shall review every failure report within ten days.',
    clause15,
    '1.6 Each party shall pay its own costs of testing.',
  ].join('\n\n');
}

/** The messages `checkVersionAcross` gives each version of `files`. */
function across(files: Record<string, string>): Array<[string, string, string, string]> {
  const { corpus, fileOf } = memoryCorpus(files);
  const before = counts(corpus);
  for (const v of corpus.versions) checkVersionAcross(v, corpus, fileOf);
  return messagesSince(corpus, before);
}

const pair = (v2body: string, v1body = `${history([ROW1])}${OLD_CLAUSES}\n`) => ({
  'd/first.md': FIRST,
  'd/second.md': SECOND,
  'aa/v1.md': version('AA', '1.0', 'first', v1body),
  'aa/v2.md': version('AA', '2.0', 'second', v2body, '1.0'),
});

describe('check/across: references and renumbering', () => {
  // v2's front matter is lines 1-8 and its history table lines 10-15; the clauses start at line 17.
  it('should pass references updated with the renumbering', () => {
    const body = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([]);
  });

  it('should report a reference left on the old number as an error, naming the clause it meant', () => {
    const body = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.3 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([
      ['aa/v2.md', 'renumbered-reference', '23:45', 'Unexpected reference to Clause 1.3: in AA v1.0 Clause 1.3 named the clause that is now 1.4, expected Clause 1.4'],
    ]);
  });

  it('should warn on a new reference to a number that named another clause, unless written beside the insertion', () => {
    const body = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review under Clause 1.5.')}\n`;
    expect(across(pair(body))).toEqual([
      ['aa/v2.md', 'renumbered-reference-new', '27:65', 'Unexpected new reference to Clause 1.5: in AA v1.0 Clause 1.5 named the clause that is now 1.6, expected a check that it means the clause now numbered 1.5'],
    ]);
    // The inserted clause itself was written in the new numbering.
    const inserted = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.', '1.2 The DCC shall also keep a register of firmware versions, as Clause 1.5 publishes.')}\n`;
    expect(across(pair(inserted))).toEqual([]);
    // So was a reference beside a citation of the inserted clause.
    const beside = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review, with the register of Clause 1.2 and Clause 1.5.')}\n`;
    expect(across(pair(beside))).toEqual([]);
  });

  it('should report a reference left on the number of a clause deleted since', () => {
    const v2 = [
      '## 1 Intro',
      '1.1 The DCC shall keep records of each meter.',
      '1.2 The DCC shall report each failure under Clause 1.3 to the panel.',
      '1.3 The DCC shall then publish the outcome of each review.',
      '1.4 Each party shall pay its own costs of testing.',
    ].join('\n\n');
    expect(across(pair(`${history([ROW1, ROW2])}${v2}\n`))).toEqual([
      ['aa/v2.md', 'renumbered-reference', '21:45', 'Unexpected reference to Clause 1.3: in AA v1.0 Clause 1.3 named a clause deleted since, expected the reference updated or removed'],
    ]);
  });

  it('should leave a reference to a number that names nothing now to the unresolved-reference check', () => {
    const body = `${history([ROW1, ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 and Clause 9.9 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([]);
  });
});

describe('check/across: numbers moved by an insertion before them', () => {
  // Two sections: a third inserted as 2, so the old 2 and 3 are now 3 and 4; a fifth added at the end.
  const v1 = ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '## 2 Reports', '2.1 The DCC shall report each failure to the panel.', '## 3 Reviews', '3.1 The panel shall review every failure report within ten days.'];
  const v2 = (clause11: string) =>
    ['## 1 Intro', clause11, '## 2 Registers', '2.1 The DCC shall keep a register of firmware versions.', '## 3 Reports', '3.1 The DCC shall report each failure to the panel.', '## 4 Reviews', '4.1 The panel shall review every failure report within ten days.', '## 5 Costs', '5.1 Each party shall pay its own costs, see Clause 3.'];
  const files = (clause11: string) => ({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first', `${v1.join('\n\n')}\n`), 'aa/v2.md': version('AA', '2.0', 'second', `${v2(clause11).join('\n\n')}\n`, '1.0') });
  const warning = (place: string) => ['aa/v2.md', 'renumbered-reference-new', place, 'Unexpected new reference to Clause 3: in AA v1.0 Clause 3 named the clause that is now 4, expected a check that it means the clause now numbered 3'];

  it('should warn on a new reference to a moved top-level number, also from a clause added after it, and not on a number kept or new', () => {
    // `Clause 1.1` kept its number; `Clause 4` named nothing in v1.0, so it can only mean the clause now 4.
    // v2's front matter is lines 1-8: clause 1.1 is line 12, clause 5.1 line 28.
    expect(across(files('1.1 The DCC shall keep records of each meter, as Clause 1.1 lists them, for the reviews of Clause 3 and Clause 4.'))).toEqual([warning('12:92'), warning('28:45')]);
  });

  it('should not warn where the reference is written in one of several clauses inserted before the number', () => {
    const v1Long = ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '## 2 Reports', '2.1 The DCC shall report each failure to the panel.', '## 3 Reviews', '3.1 The panel shall review every failure report within ten days.', '## 4 Fees', '4.1 The DCC shall publish its fees each year.'];
    const v2Long = ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '## 2 Registers', '2.1 The DCC shall keep a register of firmware versions, read with Clause 4.', '## 3 Audits', '3.1 The panel shall audit the register once a year.', '## 4 Reports', '4.1 The DCC shall report each failure to the panel.', '## 5 Reviews', '5.1 The panel shall review every failure report within ten days.', '## 6 Fees', '6.1 The DCC shall publish its fees each year.'];
    const long = { 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first', `${v1Long.join('\n\n')}\n`), 'aa/v2.md': version('AA', '2.0', 'second', `${v2Long.join('\n\n')}\n`, '1.0') };
    expect(across(long)).toEqual([]);
  });

  it('should name the clause a reference now means by its full name inside a lettered section', () => {
    const part = (n: number, text: string) => `### ${n} Part\n\n${n}.1 ${text}`;
    const v1 = ['# J. Things', part(1, 'The DCC shall keep records of each meter.'), part(2, 'The DCC shall report each failure to the panel.'), part(3, 'The panel shall review every failure report within ten days, as Clause 2.1 requires.')];
    const v2 = ['# J. Things', part(1, 'The DCC shall keep records of each meter.'), part(2, 'The DCC shall also keep a register of firmware versions.'), part(3, 'The DCC shall report each failure to the panel.'), part(4, 'The panel shall review every failure report within ten days, as Clause 2.1 requires.')];
    // `2.1` is also J.2.1's short name; the old 2.1 is now J.3.1 (short name 3.1). v2's clause 4.1 is line 26.
    expect(across({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first', `${v1.join('\n\n')}\n`), 'aa/v2.md': version('AA', '2.0', 'second', `${v2.join('\n\n')}\n`, '1.0') })).toEqual([
      ['aa/v2.md', 'renumbered-reference', '26:69', 'Unexpected reference to Clause 2.1: in AA v1.0 Clause 2.1 named the clause that is now J.3.1, expected Clause J.3.1'],
    ]);
  });

  it('should not take a reference to an Appendix for one to a lettered section', () => {
    // Lettered sections: A is inserted, so the old A and B are now B and C; `Appendix B` is another document.
    const l1 = ['## A. General', 'The DCC shall keep records.', '## B. Other', 'The DCC shall report failures, see Appendix B.'];
    const l2 = ['## A. New', 'The DCC shall keep a register of firmware.', '## B. General', 'The DCC shall keep records.', '## C. Other', 'The DCC shall report failures, see Appendix B.'];
    expect(across({ 'd/first.md': FIRST, 'd/second.md': SECOND, 'aa/v1.md': version('AA', '1.0', 'first', `${l1.join('\n\n')}\n`), 'aa/v2.md': version('AA', '2.0', 'second', `${l2.join('\n\n')}\n`, '1.0') })).toEqual([]);
  });

  it('should place a reference with no place of its own (an image\'s description alone in its paragraph) at its clause', () => {
    const old = ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '1.2 The DCC shall report each failure to the panel.', '1.3 The panel shall review every failure report within ten days.'];
    const now = ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '1.2 The DCC shall also keep a register of firmware versions.', '1.3 The DCC shall report each failure to the panel.', '1.4 The panel shall review every failure report within ten days.', '![under Clause 1.3](x.png)'];
    expect(across(pair(`${now.join('\n\n')}\n`, `${old.join('\n\n')}\n`))).toEqual([
      ['aa/v2.md', 'renumbered-reference-new', '18:1', 'Unexpected new reference to Clause 1.3: in AA v1.0 Clause 1.3 named the clause that is now 1.4, expected a check that it means the clause now numbered 1.3'],
    ]);
  });
});

describe('check/across: the version history', () => {
  it('should report an earlier row changed, at the row, and a row dropped, at the table', () => {
    const body = `${history(['| 1.0 | 1 January 2022 | First issue, amended. |', ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([
      ['aa/v2.md', 'history-rewritten', '14:3', 'Unexpected change to the version-history row for 1.0, expected it as in v1.0: `1.0 | 1 January 2022 | First issue.`'],
    ]);
    const dropped = `${history([ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(dropped))).toEqual([
      ['aa/v2.md', 'history-rewritten', '12:1', 'Unexpected version history without the row for 1.0, expected it as in v1.0: `1.0 | 1 January 2022 | First issue.`'],
    ]);
  });

  it('should read a row by its version cell, with or without a leading v, and spacing as it comes', () => {
    const body = `${history(['| v1.0 | 1  January 2022 | First   issue. |', ROW2])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([
      ['aa/v2.md', 'history-rewritten', '14:3', 'Unexpected change to the version-history row for 1.0, expected it as in v1.0: `1.0 | 1 January 2022 | First issue.`'],
    ]);
    const { corpus } = memoryCorpus(pair(body));
    const v2 = corpus.versions.find((v) => v.meta.version === '2.0')!;
    expect(historyRows(v2)).toEqual({
      rows: [
        { version: '1.0', text: 'v1.0 | 1 January 2022 | First issue.', place: { line: 14, column: 3, offset: expect.any(Number) } },
        { version: '2.0', text: '2.0 | 10 June 2022 | Second issue.', place: { line: 15, column: 3, offset: expect.any(Number) } },
      ],
      place: { line: 12, column: 1, offset: expect.any(Number) },
    });
    expect(replacedVersion(corpus, v2)?.meta.version).toBe('1.0');
    expect(replacedVersion(corpus, corpus.versions.find((v) => v.meta.version === '1.0')!)).toBeNull();
  });

  it('should report the placeholder `secdoc new` leaves in this version\'s row, and nothing without a history', () => {
    const body = `${history([ROW1, `| 2.0 | 10 June 2022 | ${UNFILLED_HISTORY} |`])}${renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.')}\n`;
    expect(across(pair(body))).toEqual([
      ['aa/v2.md', 'history-unfilled', '15:3', 'Unexpected placeholder in the version-history row for 2.0, expected a description of the changes this version makes'],
    ]);
    const none = renumbered('1.3 The DCC shall report each failure under Clause 1.4 to the panel.', '1.5 The DCC shall then publish the outcome of each review.');
    expect(across(pair(`${none}\n`, `${OLD_CLAUSES}\n`))).toEqual([]);
  });
});

describe('check/across: version histories of other shapes', () => {
  const OLD = `${['## 1 Intro', '1.1 The DCC shall keep records of each meter.'].join('\n\n')}\n`;
  const table = (rows: string[], before = '') => `## Version History\n\n${before}| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;

  it('should read the table after text in the history section, and compare nothing with a history that has no table or none at all', () => {
    const v2 = `${table(['| 1.0 | 1 January 2022 | First issue. |', '| 2.0 | 10 June 2022 | Second. |'], 'The changes:\n\n')}${OLD}`;
    expect(across(pair(v2, `${table(['| 1.0 | 1 January 2022 | First issue, amended. |'])}${OLD}`))).toEqual([
      ['aa/v2.md', 'history-rewritten', '16:3', 'Unexpected change to the version-history row for 1.0, expected it as in v1.0: `1.0 | 1 January 2022 | First issue, amended.`'],
    ]);
    expect(across(pair(v2, `## Version History\n\nNo table yet.\n\n${OLD}`))).toEqual([]);
    expect(across(pair(v2, OLD))).toEqual([]);
  });

  it('should compare rows whose cells start with markup or whose spaces differ in kind only, and drop a v only at the start of the version cell', () => {
    const bold = ['| **1.0** | 1 January 2022 | First issue. |'];
    expect(across(pair(`${table([...bold, '| 2.0 | 10 June 2022 | Second. |'])}${OLD}`, `${table(bold)}${OLD}`))).toEqual([]);
    expect(across(pair(`${table(['| 1.0 | 1 January 2022 | First issue. |', '| 2.0 | 10 June 2022 | Second. |'])}${OLD}`, `${table(['| 1.0 | 1 January 2022 | First\u00a0issue. |'])}${OLD}`))).toEqual([]);
    // A `v` only at the start of the version cell is dropped.
    expect(across(pair(`${table(['| 2.0 | 10 June 2022 | Second. |'])}${OLD}`, `${table(['| 1.0 (draft v1) | 1 January 2022 | Draft. |'])}${OLD}`))).toEqual([
      ['aa/v2.md', 'history-rewritten', '12:1', 'Unexpected version history without the row for 1.0 (draft v1), expected it as in v1.0: `1.0 (draft v1) | 1 January 2022 | Draft.`'],
    ]);
  });
});

describe('check/across: a version never in force', () => {
  const expiring = (date: string) =>
    `${history([ROW1, ROW2])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 **Expiry.** This Document shall cease to have effect on ${date}.\n`;

  it('should report an expiry on or before the day the version takes effect, at the clause that says it', () => {
    expect(across(pair(expiring('10 June 2022'), `${history([ROW1])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n`))).toEqual([
      [
        'aa/v2.md',
        'never-in-force',
        '21:1',
        'Unexpected expiry: AA v2.0 ceases to have effect from 2022-06-10 (Clause 1.2) but takes effect on 2022-06-10 (direction `second`), so it is never in force; expected an expiry after 2022-06-10',
      ],
    ]);
  });

  it('should place the expiry at its own line when it is not on the clause\'s first, and at the clause\'s column when it is', () => {
    const old = `${history([ROW1])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n`;
    const message = 'Unexpected expiry: AA v2.0 ceases to have effect from 2022-06-10 (Clause 1.2) but takes effect on 2022-06-10 (direction `second`), so it is never in force; expected an expiry after 2022-06-10';
    const body = (clause: string) => `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n${clause}\n`;
    // Front matter lines 1-8; clause 1.2 starts on line 14.
    expect(across(pair(body('1.2 **Expiry.**\n\nThis Document shall cease to have effect on 10 June 2022.'), old))).toEqual([['aa/v2.md', 'never-in-force', '16:1', message]]);
    expect(across(pair(body('   1.2 **Expiry.** This Document shall cease to have effect on 10 June 2022.'), old))).toEqual([['aa/v2.md', 'never-in-force', '14:4', message]]);
  });

  it('should not compare an expiry with a direction that fixes no effective date', () => {
    const unfixed = SECOND.replace('effective: 2022-06-10\n', '');
    const files = { ...pair(expiring('10 June 2022'), `${history([ROW1])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n`), 'd/second.md': unfixed };
    expect(across(files)).toEqual([]);
  });

  it('should accept an expiry after the day it takes effect', () => {
    expect(across(pair(expiring('11 June 2022'), `${history([ROW1])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n`))).toEqual([]);
  });
});
