/**
 * The checks as units and the record of the last run: every check runs over the corpus, the
 * chains and designations after the documents' own checks and the extra checks last; given a
 * record, a unit whose inputs are unchanged replays its diagnostics, in the same order, and after
 * an edit only the units that read the edited source run again. The record on disk is read back
 * only when made by the same code for the same folder. Expected counts and messages by hand.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkCorpus } from '../../src/check/index.js';
import { CheckRecord, checksFingerprint, DiskCheckRecord, type RecordedMessage } from '../../src/check/record.js';
import { FACTS_FILE, SECTION_A_FILE } from '../../src/corpus/index.js';
import { writeSealedValue } from '../../src/corpus/sealed.js';
import { direction, memoryCorpus, messagesSince, version } from '../memory-corpus.js';

/** A record that counts what a run replays and what it stores. */
class CountingRecord extends CheckRecord {
  replayed = 0;
  stored = 0;
  override unit(key: string): readonly RecordedMessage[] | undefined {
    const found = super.unit(key);
    if (found) this.replayed++;
    return found;
  }
  override setUnit(key: string, messages: RecordedMessage[]): void {
    this.stored++;
    super.setUnit(key, messages);
  }
  reset(): void {
    this.replayed = 0;
    this.stored = 0;
  }
}

const history = (rows: string[]) => `## Version History\n\n| Version | Date | Description |\n| --- | --- | --- |\n${rows.map((r) => `${r}\n`).join('')}\n`;
const FILES: Record<string, string> = {
  [FACTS_FILE]: 'dormant:\n  type: boolean\n',
  [SECTION_A_FILE]: '- Working Day\n',
  'd/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
  'd/second.md': direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }'], '## 1 Direction\n\n1.1 See Clause 1.2 and Clause 7.7.\n'),
  'aa/v1.md': version('AA', '1.0', 'first', `${history(['| 1.0 | 1 January 2022 | First. |'])}## 1 Intro\n\n1.1 The DCC shall act within one Working Day.\n\n1.3 The DCC may stop.\n`),
  'aa/v2.md': version(
    'AA',
    '2.0',
    'second',
    `${history(['| 1.0 | 1 January 2022 | Changed. |', '| 2.0 | 11 June 2022 | Second. |'])}## 1 Intro\n\n1.1 The DCC shall act within one Working Day.\n\n1.2 The Gadget Store may stop, see [x](javascript:x).\n\n\`\`\`rule\nid: aa.stop\nkind: permission\nactor: DCC\neffect: x\ncondition:\n  "==": [{ var: dormnt }, true]\n\`\`\`\n`,
    '1.0',
  ),
};

/** Every check over `files`, given `record`; the diagnostics each file got, in order. */
function check(files: Record<string, string>, record: CheckRecord | null, extra: Parameters<typeof checkCorpus>[1] = {}) {
  const { corpus } = memoryCorpus(files);
  const before = new Map(corpus.files.map((f) => [f, f.messages.length]));
  checkCorpus(corpus, extra, { record });
  return messagesSince(corpus, before);
}

const EXPECTED: Array<[string, string, string, string]> = [
  ['aa/v1.md', 'number-sequence', '19:1', 'Unexpected clause `1.3` after `1.1`, expected the next number (a gap in the numbering)'],
  ['aa/v2.md', 'term-undefined', '21:9', 'Unexpected undefined term `Gadget Store`, expected it in the definitions table or in Section A'],
  ['aa/v2.md', 'link-unsafe', '21:37', 'Unexpected link to `javascript:x`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text'],
  ['aa/v2.md', 'date-conflict', '15:9', 'Unexpected version-history date 11 June 2022 for v2.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09)'],
  ['aa/v2.md', 'rule-unknown-fact', '29:3', 'Unexpected fact `dormnt` in the condition, expected a fact declared in facts.yaml (did you mean `dormant`?)'],
  ['aa/v2.md', 'history-rewritten', '14:3', 'Unexpected change to the version-history row for 1.0, expected it as in v1.0: `1.0 | 1 January 2022 | First.`'],
  ['d/second.md', 'xref-unresolved', '13:24', 'Unexpected reference to Clause 7.7, which does not exist in this direction or in the versions it designates (AA v2.0)'],
];

describe('check/index: every check, as units', () => {
  it('should run every check on every document, each file\'s diagnostics in order', () => {
    expect(check(FILES, null)).toEqual(EXPECTED);
  });

  it('should replay every unit from the record when nothing changed, giving the same diagnostics in the same order', () => {
    const record = new CountingRecord();
    expect(check(FILES, record)).toEqual(EXPECTED);
    // Two versions with four units each (document, history, rules, across), two directions with one.
    expect([record.replayed, record.stored]).toEqual([0, 10]);
    record.reset();
    expect(check(FILES, record)).toEqual(EXPECTED);
    expect([record.replayed, record.stored]).toEqual([10, 0]);
  });

  it('should run again only the units that read what changed', () => {
    const rerun = (changes: Record<string, string>) => {
      const record = new CountingRecord();
      check(FILES, record);
      record.reset();
      const diagnostics = check({ ...FILES, ...changes }, record);
      return { stored: record.stored, replayed: record.replayed, diagnostics };
    };
    // v2's text: its four units, and the direction that designates it.
    const edited = rerun({ 'aa/v2.md': FILES['aa/v2.md']!.replace('1.2 The Gadget Store may stop', '1.2 The Widget Store may stop') });
    expect([edited.stored, edited.replayed]).toEqual([5, 5]);
    expect(edited.diagnostics.map(([, , , reason]) => reason)).toContain('Unexpected undefined term `Widget Store`, expected it in the definitions table or in Section A');
    // v1's text: its units, v2's rules and checks across (which read v1), and the direction designating v1.
    expect(rerun({ 'aa/v1.md': FILES['aa/v1.md']!.replace('The DCC may stop.', 'The DCC may stop at once.') })).toMatchObject({ stored: 7, replayed: 3 });
    // facts.yaml: the rules units only; Section A: the versions' own checks only.
    expect(rerun({ [FACTS_FILE]: 'dormnt:\n  type: boolean\n' })).toMatchObject({ stored: 2, replayed: 8 });
    expect(rerun({ [SECTION_A_FILE]: '- Working Day\n- Gadget Store\n' })).toMatchObject({ stored: 2, replayed: 8 });
    // Front matter: every unit that reads dates and designations.
    expect(rerun({ 'd/first.md': FILES['d/first.md']!.replace('made: 2021-12-01', 'made: 2021-11-30') })).toMatchObject({ stored: 8, replayed: 2 });
  });

  it('should leave a document with broken front matter to its front-matter error, and run extra checks after', () => {
    const broken = { ...FILES, 'aa/v1.md': '---\nappendix: AA\nversion: [\n---\n\n## 1 Intro\n\n1.1 A.\n\n1.3 B.\n' };
    const calls: string[] = [];
    const diagnostics = check(broken, null, {
      document: [(doc) => calls.push(`document ${doc.path.slice('/docs/'.length)}`)],
      corpus: [(corpus) => calls.push(`corpus of ${corpus.files.length} files`)],
    });
    expect(diagnostics.filter(([file]) => file === 'aa/v1.md').map(([, rule]) => rule)).not.toContain('number-sequence');
    expect(calls).toEqual(['document aa/v2.md', 'document d/first.md', 'document d/second.md', 'corpus of 5 files']);
  });

  it('should leave a version whose front matter lacks a field to that error, in every unit that reads its text', () => {
    // v2 without its title: still a version (the corpus knows its number), but its numbers out of
    // order, its undefined term, its unsafe link, its rewritten history row and its history date
    // are not looked at. The other documents are checked as before.
    const untitled = { ...FILES, 'aa/v2.md': FILES['aa/v2.md']!.replace('title: AA document\n', '').replace('1.1 The DCC shall act', '1.4 The DCC shall act') };
    const { corpus } = memoryCorpus(untitled);
    expect(messagesSince(corpus).filter(([file]) => file === 'aa/v2.md')).toEqual([['aa/v2.md', 'front-matter-malformed', '1:1', 'Missing front matter field `title`']]);
    expect(check(untitled, null)).toEqual([EXPECTED[0], EXPECTED[6]]);
  });

  it('should run every unit, and record none, for a corpus that names no source by its hash', () => {
    const record = new CountingRecord();
    const { corpus } = memoryCorpus(FILES);
    delete corpus.sourceHashes;
    checkCorpus(corpus, {}, { record });
    expect(messagesSince(corpus)).toEqual(EXPECTED);
    expect([record.replayed, record.stored]).toEqual([0, 0]);
  });
});

describe('check/record: the record of the last run', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-record-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const message: RecordedMessage = { ruleId: 'number-sequence', reason: 'r', place: { line: 1, column: 2 } };

  it('should keep what a run used and forget the rest when pruned', () => {
    const record = new CheckRecord();
    record.setUnit('a', [message]);
    record.setUnit('b', []);
    record.setSummary('s', { document: null, messages: [] });
    record.prune();
    // A prune forgets what no run since the last prune used; the keys set above were used.
    expect([record.unit('a'), record.unit('b'), record.summary('s')]).toEqual([[message], [], { document: null, messages: [] }]);
    record.prune();
    expect([record.unit('a'), record.unit('b'), record.summary('s')]).toEqual([[message], [], { document: null, messages: [] }]);
    record.prune();
    record.unit('a');
    record.prune();
    expect([record.unit('a'), record.unit('b'), record.summary('s'), record.summary('t')]).toEqual([[message], undefined, undefined, undefined]);
  });

  it('should write the record, read it back for the same folder only, and write nothing when nothing changed', () => {
    const cache = scratch();
    const first = new DiskCheckRecord(cache, '/docs/a');
    expect(first.path).toMatch(new RegExp(`^${cache}/checks/[0-9a-f]{64}\\.bin$`));
    first.save({ pruneUnits: false });
    expect(readdirSync(cache)).toEqual([]);
    first.setUnit('k', [message]);
    first.save({ pruneUnits: false });
    const written = statSync(first.path).mtimeMs;
    expect(new DiskCheckRecord(cache, '/docs/a').unit('k')).toEqual([message]);
    expect(new DiskCheckRecord(cache, '/docs/a/').unit('k')).toEqual([message]);
    expect(new DiskCheckRecord(cache, '/docs/b').unit('k')).toBeUndefined();
    first.save({ pruneUnits: false });
    expect(statSync(first.path).mtimeMs).toBe(written);
  });

  it('should drop the units a checking run did not ask for when it saves, and keep them for a run that only read', () => {
    const cache = scratch();
    const record = new DiskCheckRecord(cache, '/docs/a');
    record.setUnit('old', [message]);
    record.save({ pruneUnits: false });
    const reading = new DiskCheckRecord(cache, '/docs/a');
    reading.setSummary('s', { document: null, messages: [] });
    reading.save({ pruneUnits: false });
    expect(new DiskCheckRecord(cache, '/docs/a').unit('old')).toEqual([message]);
    const checking = new DiskCheckRecord(cache, '/docs/a');
    checking.setUnit('new', []);
    checking.save({ pruneUnits: true });
    const after = new DiskCheckRecord(cache, '/docs/a');
    expect([after.unit('old'), after.unit('new')]).toEqual([undefined, []]);
  });

  it('should keep a summary stored by a run that set nothing else', () => {
    const cache = scratch();
    const reading = new DiskCheckRecord(cache, '/docs/a');
    reading.setSummary('s', { document: null, messages: [message] });
    reading.save({ pruneUnits: false });
    expect(new DiskCheckRecord(cache, '/docs/a').summary('s')).toEqual({ document: null, messages: [message] });
  });

  // A record as another build of secdoc, or a damaged one, would leave it: sealed as a record of
  // checks (the magic line written here by hand), for the folder /docs/a.
  const plant = (cache: string, payload: Record<string, unknown>) => {
    const path = new DiskCheckRecord(cache, '/docs/a').path;
    const full = { fingerprint: checksFingerprint(), root: resolve('/docs/a'), summaries: new Map(), units: new Map([['k', [message]]]), ...payload };
    expect(writeSealedValue(path, Buffer.from('SECDOC-CHECKS-1\n'), full)).toBe(true);
    return new DiskCheckRecord(cache, '/docs/a');
  };

  it('should read a record made by this code for this folder, and ignore one made by other code or of another shape', () => {
    expect(plant(scratch(), {}).unit('k')).toEqual([message]);
    expect(plant(scratch(), { fingerprint: '0'.repeat(64) }).unit('k')).toBeUndefined();
    expect(plant(scratch(), { root: resolve('/docs/b') }).unit('k')).toBeUndefined();
    const oddSummaries = plant(scratch(), { summaries: { s: { document: null, messages: [] } } });
    expect([oddSummaries.unit('k'), oddSummaries.summary('s')]).toEqual([undefined, undefined]);
    const oddUnits = plant(scratch(), { units: { k: [message] } });
    expect(oddUnits.unit('k')).toBeUndefined();
  });

  it('should name the code by one fingerprint for the process', () => {
    expect(checksFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(checksFingerprint()).toBe(checksFingerprint());
  });

  it('should change the fingerprint when a module of secdoc is added anywhere, not for a declaration or a source map, and keep the one a process has', async () => {
    // Each import after a reset is a fresh module, as a new process would load: it computes the
    // fingerprint from the files as they are now. The probe folder sits in src/, beside the stages.
    const load = async () => {
      vi.resetModules();
      return await import('../../src/check/record.js');
    };
    const fresh = async () => (await load()).checksFingerprint;
    const loaded = await load();
    const running = loaded.checksFingerprint;
    const before = running();
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    // The fresh module reads a record sealed as a record of checks (the magic line by hand).
    const cache = scratch();
    const path = new loaded.DiskCheckRecord(cache, '/docs/a').path;
    writeSealedValue(path, Buffer.from('SECDOC-CHECKS-1\n'), { fingerprint: before, root: resolve('/docs/a'), summaries: new Map(), units: new Map([['k', [message]]]) });
    expect(new loaded.DiskCheckRecord(cache, '/docs/a').unit('k')).toEqual([message]);
    const probe = mkdtempSync(join(fileURLToPath(new URL('../../src/', import.meta.url)), '.fingerprint-probe-'));
    try {
      writeFileSync(join(probe, 'probe.d.ts'), 'export declare const probe: number;\n');
      writeFileSync(join(probe, 'probe.js.map'), '{"version":3,"mappings":""}\n');
      expect((await fresh())()).toBe(before);
      writeFileSync(join(probe, 'probe.js'), 'export const probe = 1;\n');
      const after = (await fresh())();
      expect(after).toMatch(/^[0-9a-f]{64}$/);
      expect(after).not.toBe(before);
      expect(running()).toBe(before);
    } finally {
      rmSync(probe, { recursive: true, force: true });
      vi.resetModules();
    }
  });
});
