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

  it('should accept an expiry after the day it takes effect', () => {
    expect(across(pair(expiring('11 June 2022'), `${history([ROW1])}## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n`))).toEqual([]);
  });
});
