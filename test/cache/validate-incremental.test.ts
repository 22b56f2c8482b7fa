/**
 * `validate` after an edit re-runs only the checks whose inputs changed, replaying the rest from
 * the record of the last run; its output is byte for byte the output of a full run (`--no-cache`),
 * including diagnostics an edit creates or removes in another document.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/check/index.js';
import { CheckRecord } from '../../src/check/record.js';
import { DiskTreeCache, type ParsedSource } from '../../src/corpus/cache.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { collect } from '../../src/diagnostics/index.js';
import { cli, copyDocuments } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'secdoc-checks-test-'));

function editFile(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${path}: nothing to replace for ${from}`);
  writeFileSync(path, changed);
}

/** Validate, edit, then validate again with the record and without the cache: both must agree. */
async function afterEdit(edit: (dir: string) => void, prepare?: (dir: string) => void) {
  const dir = copyDocuments();
  prepare?.(dir);
  const env = { SECDOC_CACHE_DIR: fresh() };
  const before = await cli(['--documents', dir, 'validate'], { env });
  edit(dir);
  const incremental = await cli(['--documents', dir, 'validate'], { env });
  const full = await cli(['--documents', dir, '--no-cache', 'validate'], { env });
  expect(incremental).toEqual(full);
  const json = await cli(['--documents', dir, 'validate', '--json'], { env });
  expect(json).toEqual(await cli(['--documents', dir, '--no-cache', 'validate', '--json'], { env }));
  return { dir, env, before: before.stderr, after: incremental.stderr };
}

const lines = (stderr: string, file: string, rule: string) => stderr.split('\n').filter((l) => l.startsWith(file) && l.endsWith(`[${rule}]`));

describe('validate after an edit: the output of a full run', () => {
  it('should report a reference in a direction that an edit of the version it designates broke', async () => {
    const { before, after } = await afterEdit(
      // 9.5A is TMAD's alone among the versions the direction designates.
      (dir) => editFile(join(dir, 'tmad/v20.0.md'), /^9\.5A /m, '9.5B '),
      (dir) => editFile(join(dir, 'directions/2022-06-09.md'), '(TMAD 18.13);', '(TMAD 18.13), after the steps of Clause 9.5A;'),
    );
    const direction = 'directions/2022-06-09.md';
    expect(lines(before, '', 'xref-unresolved').filter((l) => l.includes(direction))).toEqual([]);
    expect(lines(after, '', 'xref-unresolved').filter((l) => l.includes(direction)).join('\n')).toContain('Unexpected reference to Clause 9.5A, which does not exist in this direction or in the versions it designates');
  });

  it('should report the next version\'s history row as rewritten after the earlier version\'s row is edited', async () => {
    const { before, after } = await afterEdit((dir) => editFile(join(dir, 'tmad/v19.0.md'), 'Exclusion Categories in Clause 18 and a TMAD', 'Exclusion Categories in Clause 18, and a TMAD'));
    const rewritten = (out: string) => out.split('\n').filter((l) => l.includes('tmad/v20.0.md') && l.endsWith('[history-rewritten]'));
    expect(rewritten(before)).toEqual([]);
    expect(rewritten(after)).toHaveLength(1);
  });

  it('should drop the warning on a renumbered reference once the earlier version no longer has that clause', async () => {
    const warning = (out: string) => out.split('\n').filter((l) => l.includes('tmad/v20.0.md') && l.includes('in AL v19.0 Clause 10.4 named the clause that is now 10.5'));
    const { before, after } = await afterEdit(
      (dir) => editFile(join(dir, 'tmad/v19.0.md'), /^10\.4 Following a Partial Migration[^\n]*\n\n/m, ''),
      // A new clause citing 10.4 with no sign of the insertion that moved the number: a warning.
      (dir) => editFile(join(dir, 'tmad/v20.0.md'), /^(7\.9 .*)$/m, '$1\n\n7.10 The DCC shall report each GSME treated under Clause 10.4.'),
    );
    expect(warning(before)).toHaveLength(1);
    expect(warning(after)).toEqual([]);
  });

  it('should agree with a full run after an edit of front matter (every check reads the designations)', async () => {
    const { after } = await afterEdit((dir) => editFile(join(dir, 'directions/2022-06-09.md'), /^effective: .*$/m, 'effective: 2022-06-08'));
    expect(after).toContain('[date-conflict]');
  });

  it('should agree with a full run when an edit breaks a version\'s front matter, and when it is mended', async () => {
    const { dir, env, after } = await afterEdit((dir) => editFile(join(dir, 'svtad/v10.0.md'), /^version: .*$/m, 'version: [broken'));
    expect(after).toContain('svtad/v10.0.md:');
    editFile(join(dir, 'svtad/v10.0.md'), 'version: [broken', 'version: "10.0"');
    const mended = await cli(['--documents', dir, 'validate'], { env });
    expect(mended).toEqual(await cli(['--documents', dir, '--no-cache', 'validate'], { env }));
    expect(mended.code).toBe(0);
  });
});

describe('the record of checks: damaged records are never trusted', () => {
  /** A run whose record is then damaged by `damage`; the next run must be a full run's output. */
  async function damaged(damage: (bytes: Buffer) => Buffer) {
    const dir = copyDocuments();
    const cache = fresh();
    const env = { SECDOC_CACHE_DIR: cache };
    // A record made before an edit adds an error, so a trusted stale record would hide it.
    await cli(['--documents', dir, 'validate'], { env });
    const recordDir = join(cache, 'checks');
    const [name] = readdirSync(recordDir);
    const path = join(recordDir, name!);
    writeFileSync(path, damage(readFileSync(path)));
    const r = await cli(['--documents', dir, 'validate'], { env });
    expect(r).toEqual(await cli(['--documents', dir, '--no-cache', 'validate'], { env }));
    return r;
  }

  it('should ignore a record with a flipped byte', async () => {
    const r = await damaged((b) => {
      const copy = Buffer.from(b);
      copy.writeUInt8(copy.readUInt8(copy.length >> 1) ^ 0xff, copy.length >> 1);
      return copy;
    });
    expect(r.code).toBe(0);
  });

  it('should ignore a truncated record, an empty one, and one of another format', async () => {
    await damaged((b) => b.subarray(0, b.length >> 1));
    await damaged(() => Buffer.alloc(0));
    await damaged((b) => Buffer.concat([Buffer.from('SECDOC-CHECKS-0\n'), b.subarray(16)]));
  });

  it('should not take a record of one folder for another', async () => {
    const cache = fresh();
    const env = { SECDOC_CACHE_DIR: cache };
    const clean = copyDocuments();
    const broken = copyDocuments();
    editFile(join(broken, 'tmad/v20.0.md'), 'in accordance with Clause 4.2.', 'in accordance with Clause 4.29.');
    expect((await cli(['--documents', clean, 'validate'], { env })).code).toBe(0);
    const r = await cli(['--documents', broken, 'validate'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Clause 4.29');
  });
});

describe('the record of checks: an edit re-runs only what reads the edited source', () => {
  /** A tree cache that counts the trees read from it, by path. */
  class CountingTrees extends DiskTreeCache {
    read: string[] = [];
    override get(key: string): ParsedSource | null {
      const found = super.get(key);
      if (found?.doc) this.read.push(found.doc.path);
      return found;
    }
  }
  class CountingRecord extends CheckRecord {
    ran: string[] = [];
    override setUnit(key: string, messages: Parameters<CheckRecord['setUnit']>[1]): void {
      this.ran.push(key);
      super.setUnit(key, messages);
    }
  }

  it('should run the units of the edited version, its successor and its direction, and read no tree but theirs', () => {
    const dir = copyDocuments();
    const trees = new CountingTrees(fresh());
    const record = new CountingRecord();
    const run = () => {
      const corpus = loadCorpus(dir, nodeHost, { cache: trees, summaries: record });
      checkCorpus(corpus, {}, { record });
      return collect(corpus.files);
    };
    const first = run();
    const units = record.ran.length;
    expect(units).toBeGreaterThan(8);

    record.ran = [];
    trees.read = [];
    expect(run()).toEqual(first);
    expect(record.ran).toEqual([]);
    expect(trees.read).toEqual([]);

    editFile(join(dir, 'tmad/v19.0.md'), 'at a later date', 'at any later date');
    record.ran = [];
    trees.read = [];
    const after = run();
    // v19.0's four units; v20.0's rules and checks across versions (they read v19.0); the
    // baseline direction's own checks (it designates v19.0, whose clauses its references may name).
    expect(record.ran).toHaveLength(7);
    expect(new Set(trees.read)).toEqual(new Set([join(dir, 'tmad/v20.0.md'), join(dir, 'directions/baseline.md')]));
    const full = loadCorpus(dir, nodeHost);
    checkCorpus(full);
    expect(after).toEqual(collect(full.files));
  });
});
