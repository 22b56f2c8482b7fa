/**
 * Sources known by their stat (src/corpus/source-stats.ts): an unchanged source is not read, an
 * edited one always is, even when the edit keeps its size and sets its mtime back, and a racy one
 * (changed no earlier than the record was written) is hashed, as git does.
 */
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckRecord } from '../../src/check/record.js';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { DiskSourceStats, fileStat } from '../../src/corpus/source-stats.js';
import { cli, copyDocuments } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'secdoc-sources-test-'));

/** The node host, counting the files it reads. */
function countingHost(): Host & { reads: string[] } {
  const reads: string[] = [];
  return { ...nodeHost, reads, readFile: (path) => (reads.push(path), nodeHost.readFile(path)) };
}

/** Summaries of sources by folder: with one, a source is parsed (so read) only when it is new. */
const summaries = new Map<string, CheckRecord>();

/** Load the corpus with a record of sources' hashes in `cacheDir`, and save the record. */
function loadWith(documents: string, cacheDir: string, host = countingHost()) {
  const stats = new DiskSourceStats(cacheDir, documents);
  if (!summaries.has(documents)) summaries.set(documents, new CheckRecord());
  const corpus = loadCorpus(documents, host, { sourceStats: stats, summaries: summaries.get(documents)! });
  stats.save(corpus.sourceHashes!.keys());
  return { corpus, reads: host.reads.filter((p) => p.endsWith('.md')) };
}

describe('sources known by their stat', () => {
  it('should read no unchanged source, and give the hashes of a full read', () => {
    const documents = copyDocuments();
    const cacheDir = fresh();
    const full = loadCorpus(documents, nodeHost);
    expect(loadWith(documents, cacheDir).reads.length).toBe(full.versions.length + full.directions.length);
    const second = loadWith(documents, cacheDir);
    expect(second.reads).toEqual([]);
    expect([...second.corpus.sourceHashes!]).toEqual([...full.sourceHashes!]);
  });

  it('should read a source rewritten with the same size and its mtime set back (its change time moved)', () => {
    const documents = copyDocuments();
    const cacheDir = fresh();
    loadWith(documents, cacheDir);
    const path = join(documents, 'tmad', 'v20.0.md');
    const { mtime, size } = statSync(path);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^3\.3 /m, '3.2 '));
    utimesSync(path, mtime, mtime);
    expect(statSync(path).size).toBe(size);
    const after = loadWith(documents, cacheDir);
    expect(after.reads).toEqual([path]);
    expect(after.corpus.sourceHashes!.get(path)).toBe(loadCorpus(documents, nodeHost).sourceHashes!.get(path));
  });

  it("should hash a source changed no earlier than the record was written, then trust it once the record is newer (git's racy rule)", () => {
    const documents = copyDocuments();
    const cacheDir = fresh();
    const path = join(documents, 'tmad', 'v20.0.md');
    // Changed "in the future": as late as the record, whatever its time.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    loadWith(documents, cacheDir);
    const stats = new DiskSourceStats(cacheDir, documents);
    expect(stats.known(path, fileStat(path)!)).toBeUndefined();
    expect(loadWith(documents, cacheDir).reads).toEqual([path]);
    // The record written after the file's time: its stat is trusted. Past the 2 s margin a
    // whole-second mtime gets (`racy`): one run in a thousand, `later` falls on a whole second.
    const recordTime = new Date(later.getTime() + 3000);
    utimesSync(stats.path, recordTime, recordTime);
    expect(new DiskSourceStats(cacheDir, documents).known(path, fileStat(path)!)).toBe(loadCorpus(documents, nodeHost).sourceHashes!.get(path));
  });

  it('should ignore a damaged record whole', () => {
    const documents = copyDocuments();
    const cacheDir = fresh();
    const { corpus } = loadWith(documents, cacheDir);
    const record = new DiskSourceStats(cacheDir, documents).path;
    const bytes = readFileSync(record);
    // A flipped digit of a hash: the checksum no longer matches, nothing is trusted.
    const at = bytes.indexOf(Buffer.from(corpus.sourceHashes!.values().next().value!));
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(record, bytes);
    const path = [...corpus.sourceHashes!.keys()][0]!;
    expect(new DiskSourceStats(cacheDir, documents).known(path, fileStat(path)!)).toBeUndefined();
    for (const damage of [bytes.subarray(0, bytes.length >> 1), Buffer.alloc(0)]) {
      writeFileSync(record, damage);
      expect(new DiskSourceStats(cacheDir, documents).known(path, fileStat(path)!)).toBeUndefined();
    }
  });

  it('should report an edit that keeps the size and sets the mtime back, as a run without the cache does', async () => {
    const documents = copyDocuments();
    const env = { SECDOC_CACHE_DIR: fresh() };
    expect((await cli(['--documents', documents, 'validate'], { env })).code).toBe(0);
    const path = join(documents, 'tmad', 'v20.0.md');
    const { mtime } = statSync(path);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^3\.3 /m, '3.2 '));
    utimesSync(path, mtime, mtime);
    const cached = await cli(['--documents', documents, 'validate'], { env });
    const full = await cli(['--no-cache', '--documents', documents, 'validate']);
    expect(cached.code).toBe(1);
    expect(cached.stderr).toContain('[duplicate-number]');
    expect(cached.stderr).toBe(full.stderr);
  });
});
