/**
 * The record of a build and the reuse of its files: a file of the previous pack is taken again
 * only when it was made from the same inputs and is intact (its stat as recorded and not racy, or
 * else its bytes hashing as recorded); a record that is missing, damaged, of another version or of
 * another folder counts as none. Files and records are made here, in a temporary directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Artefact } from '../../src/publish/index.js';
import { artefactDigest, artefactSize, buildRecordPath, INPUTS_VERSION, readPreviousPack, reusable, reusedArtefact, reusedFrom, writeBuildRecord, type PreviousPack } from '../../src/publish/incremental.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'secdoc-record-'));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const describeFile = (path: string): Omit<Artefact, 'bytes'> => ({ path, kind: 'clean', format: 'html', document: 'AL', version: '1.0', against: null, annex: null, direction: null });

/** A pack folder with one file `AL/a.html`, and its record as a build would write it. */
function recorded(text = 'annex text') {
  const root = scratch();
  const out = join(root, 'dist');
  mkdirSync(join(out, 'AL'), { recursive: true });
  writeFileSync(join(out, 'AL/a.html'), text);
  const record = join(root, 'cache', 'builds', 'r.json');
  const pack = { inputs: { version: INPUTS_VERSION, artefacts: { 'AL/a.html': 'inputs-1', 'AL/gone.html': 'inputs-2' } }, manifest: { 'secdoc-api-version': [1, 0] as const, artefacts: [{ ...describeFile('AL/a.html'), bytes: text.length, sha256: sha(text) }] } };
  writeBuildRecord(record, out, pack);
  return { root, out, record, file: join(out, 'AL/a.html') };
}

/** A previous pack trusting `file` at its current stat with `sha256`, recorded at `recordedNs`. */
function previousOf(dir: string, path: string, sha256: unknown, recordedNs: bigint, inputs = 'in'): PreviousPack {
  const stat = statSync(join(dir, path), { bigint: true });
  return { dir, recordedNs, artefacts: { [path]: { inputs, sha256: sha256 as string, size: Number(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) } } };
}

describe('publish: the record of a build', () => {
  it('should keep the record of an output folder in the cache, named by the hash of its absolute path', () => {
    expect(buildRecordPath('/cache', 'dist')).toBe(join('/cache', 'builds', `${sha(resolve('dist'))}.json`));
    expect(buildRecordPath('/cache', 'dist')).not.toBe(buildRecordPath('/cache', 'other'));
  });

  it('should record each file written with its inputs, SHA-256 and stat, leaving out files not there, and read it back', () => {
    const { out, record, file } = recorded();
    const stat = statSync(file, { bigint: true });
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({
      version: INPUTS_VERSION,
      out: resolve(out),
      artefacts: { 'AL/a.html': { inputs: 'inputs-1', sha256: sha('annex text'), size: 10, mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) } },
    });
    expect(readFileSync(record, 'utf8').endsWith('}\n')).toBe(true);
    expect(readdirSync(join(record, '..'))).toEqual(['r.json']);
    const previous = readPreviousPack(out, record)!;
    expect(previous.dir).toBe(out);
    expect(previous.artefacts).toEqual(JSON.parse(readFileSync(record, 'utf8')).artefacts);
    expect(previous.recordedNs).toBe(statSync(record, { bigint: true }).mtimeNs);
  });

  it('should read no previous pack from a missing, damaged, other-version or other-folder record', () => {
    const { root, out, record } = recorded();
    const good = JSON.parse(readFileSync(record, 'utf8')) as Record<string, unknown>;
    expect(readPreviousPack(out, join(root, 'none.json'))).toBeNull();
    expect(readPreviousPack(join(root, 'other'), record)).toBeNull();
    for (const bad of ['{', 'null', JSON.stringify({ ...good, version: INPUTS_VERSION + 1 }), JSON.stringify({ ...good, artefacts: null }), JSON.stringify({ ...good, artefacts: 'all' })]) {
      writeFileSync(record, bad);
      expect(readPreviousPack(out, record), bad).toBeNull();
    }
  });

  it('should write no record, and leave no temporary file, where the cache cannot be written', () => {
    const { root, out } = recorded();
    writeFileSync(join(root, 'blocked'), 'a file where the folder would be');
    const record = join(root, 'blocked', 'builds', 'r.json');
    expect(() => writeBuildRecord(record, out, { inputs: { version: INPUTS_VERSION, artefacts: {} }, manifest: { 'secdoc-api-version': [1, 0], artefacts: [] } })).not.toThrow();
    expect(existsSync(record)).toBe(false);
    const parentBlocked = join(root, 'cache2');
    mkdirSync(join(parentBlocked, 'r.json'), { recursive: true });
    writeBuildRecord(join(parentBlocked, 'r.json'), out, { inputs: { version: INPUTS_VERSION, artefacts: {} }, manifest: { 'secdoc-api-version': [1, 0], artefacts: [] } });
    expect(readdirSync(parentBlocked)).toEqual(['r.json']);
  });
});

describe('publish: reusing a file of the previous pack', () => {
  const later = (file: string) => statSync(file, { bigint: true }).mtimeNs + 10_000_000_000n;

  it('should trust a file whose stat is as recorded and older than the record, without hashing it', () => {
    const { out, file } = recorded();
    // The recorded hash is wrong on purpose: a file trusted by its stat is not read.
    const previous = previousOf(out, 'AL/a.html', 'recorded', later(file));
    expect(reusable(previous, 'AL/a.html', 'in')).toEqual({ file, sha256: 'recorded', size: 10 });
  });

  it('should hash a file whose size, mtime, change time or inode differs from the record, even when the others match', () => {
    const { out, file } = recorded();
    const trusted = previousOf(out, 'AL/a.html', 'recorded', later(file));
    const entry = trusted.artefacts['AL/a.html']!;
    // The recorded hash is wrong on purpose: hashing the file finds it out.
    for (const [field, value] of [['size', entry.size + 1], ['mtimeNs', `${entry.mtimeNs}1`], ['ctimeNs', `${entry.ctimeNs}1`], ['ino', `${entry.ino}1`]] as const) {
      const previous = { ...trusted, artefacts: { 'AL/a.html': { ...entry, [field]: value } } };
      expect(reusable(previous, 'AL/a.html', 'in'), field).toBeNull();
    }
  });

  it('should hash a racy file (changed no earlier than the record), and reuse it only when its bytes are as recorded', () => {
    const { out, file } = recorded();
    const mtime = statSync(file, { bigint: true }).mtimeNs;
    expect(reusable(previousOf(out, 'AL/a.html', 'recorded', mtime), 'AL/a.html', 'in')).toBeNull();
    expect(reusable(previousOf(out, 'AL/a.html', sha('annex text'), mtime), 'AL/a.html', 'in')).toEqual({ file, sha256: sha('annex text'), size: 10 });
  });

  it('should hash a file whose stat changed, and refuse it when its bytes did', () => {
    const { out, file } = recorded();
    const previous = previousOf(out, 'AL/a.html', sha('annex text'), later(file));
    const { mtime } = statSync(file);
    writeFileSync(file, 'annex TEXT');
    utimesSync(file, mtime, mtime);
    expect(reusable(previous, 'AL/a.html', 'in')).toBeNull();
    writeFileSync(file, 'annex text');
    expect(reusable(previous, 'AL/a.html', 'in')).toEqual({ file, sha256: sha('annex text'), size: 10 });
    writeFileSync(file, 'annex text, longer');
    const grown = previousOf(out, 'AL/a.html', sha('annex text, longer'), 0n);
    expect(reusable(grown, 'AL/a.html', 'in')).toEqual({ file, sha256: sha('annex text, longer'), size: 18 });
  });

  it('should not reuse without a previous pack, a record of the file, the same inputs, a recorded hash, or the file itself', () => {
    const { out, file } = recorded();
    const previous = previousOf(out, 'AL/a.html', sha('annex text'), later(file));
    expect(reusable(null, 'AL/a.html', 'in')).toBeNull();
    expect(reusable(undefined, 'AL/a.html', 'in')).toBeNull();
    expect(reusable(previous, 'AL/b.html', 'in')).toBeNull();
    expect(reusable(previous, 'AL/a.html', null)).toBeNull();
    expect(reusable(previous, 'AL/a.html', 'other inputs')).toBeNull();
    expect(reusable(previousOf(out, 'AL/a.html', null, later(file)), 'AL/a.html', 'in')).toBeNull();
    expect(reusable(previousOf(out, 'AL', sha(''), later(file)), 'AL', 'in')).toBeNull();
    expect(reusable({ ...previous, dir: join(out, 'missing') }, 'AL/a.html', 'in')).toBeNull();
  });

  it('should describe a reused file by its record, reading its bytes only when asked', () => {
    const { file } = recorded();
    const artefact = reusedArtefact(describeFile('AL/a.html'), { file, sha256: 'recorded', size: 99 });
    expect(reusedFrom(artefact)).toEqual({ file, sha256: 'recorded', size: 99 });
    expect(artefactSize(artefact)).toBe(99);
    expect(artefactDigest(artefact)).toEqual({ bytes: 99, sha256: 'recorded' });
    expect(Object.keys(artefact)).toContain('bytes');
    expect(new TextDecoder().decode(artefact.bytes)).toBe('annex text');
    writeFileSync(file, 'changed after the first read');
    expect(new TextDecoder().decode(artefact.bytes)).toBe('annex text');
    const made = { ...describeFile('AL/b.html'), bytes: new TextEncoder().encode('made now') };
    expect(reusedFrom(made)).toBeUndefined();
    expect(artefactSize(made)).toBe(8);
    expect(artefactDigest(made)).toEqual({ bytes: 8, sha256: sha('made now') });
  });
});
