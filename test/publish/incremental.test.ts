import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { DiskDerivedRecord } from '../../src/corpus/derived.js';
import { buildPack, buildRecordPath, readPreviousPack, type Pack } from '../../src/publish/index.js';
import { reusable } from '../../src/publish/incremental.js';
import { producers } from '../../src/publish/producers.js';
import { cli, copyDocuments, testCacheDir } from '../helpers.js';

const FORMATS = 'html,json,docx';

/** Every file under `dir`, by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

describe('incremental build', () => {
  const root = mkdtempSync(join(tmpdir(), 'secdoc-incremental-'));
  const documents = copyDocuments();
  const out = join(root, 'dist');
  const clean = join(root, 'clean');
  let incremental: Pack;

  beforeAll(async () => {
    expect((await cli(['--documents', documents, 'build', '--out', out, '--formats', FORMATS])).code).toBe(0);
    // One edit to the TMAD v20.0 (Appendix AL): a word of clause 1.2.
    const source = join(documents, 'tmad', 'v20.0.md');
    const text = readFileSync(source, 'utf8');
    const edited = text.replace('sets out the arrangements under which', 'sets out the rules under which');
    expect(edited).not.toBe(text);
    writeFileSync(source, edited);
    // What the CLI does below, through the API, to see which files it makes.
    incremental = await buildPack(loadCorpus(documents, nodeHost), { formats: FORMATS.split(',') as Array<'html' | 'json' | 'docx'>, producers, workers: 0, previous: readPreviousPack(out, buildRecordPath(testCacheDir, out)) });
    expect((await cli(['--documents', documents, 'build', '--out', out, '--formats', FORMATS])).code).toBe(0);
    expect((await cli(['--no-cache', '--documents', documents, 'build', '--out', clean, '--formats', FORMATS])).code).toBe(0);
  }, 300_000);

  it('should write, after an edit, exactly the files of a clean build, byte for byte', () => {
    const a = tree(out);
    const b = tree(clean);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of b) expect(a.get(path)!.equals(bytes), path).toBe(true);
  });

  it("should make afresh only the edited version's files (annexes, JSON, rules, its direction's annexes) and the pack-wide ones", () => {
    const byPath = new Map(incremental.artefacts.map((a) => [a.path, a]));
    const made = new Set(incremental.made);
    expect(incremental.artefacts.some((a) => a.kind === 'rules' && !made.has(a.path))).toBe(true);
    // The version before the edited one reads nothing of its text.
    expect(incremental.artefacts.some((a) => a.document === 'AL' && a.version === '19.0' && !made.has(a.path))).toBe(true);
    for (const a of incremental.artefacts) {
      const packWide = a.document === null;
      if ((a.document === 'AL' && a.version === '20.0') || packWide) expect(made.has(a.path), `${a.path} should be made`).toBe(true);
      else expect(made.has(a.path), `${a.path} should come from the previous pack`).toBe(false);
    }
    expect([...made].filter((p) => byPath.get(p)!.direction === 'direction-2022-06-09').length).toBeGreaterThan(0);
    expect(incremental.artefacts.length - made.size).toBeGreaterThan(10);
  });

  it('should make a file afresh when its previous copy was damaged', async () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; document: string | null }> };
    const victim = manifest.artefacts.find((a) => a.document === 'J' && a.path.endsWith('.html'))!.path;
    writeFileSync(join(out, victim), 'damaged');
    const pack = await buildPack(loadCorpus(documents, nodeHost), { formats: ['html'], producers, workers: 0, previous: readPreviousPack(out, buildRecordPath(testCacheDir, out)) });
    expect(pack.made).toContain(victim);
    expect(Buffer.from(pack.artefacts.find((a) => a.path === victim)!.bytes).equals(readFileSync(join(clean, victim)))).toBe(true);
  });

  /** A file of the pack (of an unedited document) rewritten in place with as many bytes. */
  function rewriteInPlace(filter: (path: string) => boolean): { victim: string; file: string; mtime: Date } {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; document: string | null }> };
    const victim = manifest.artefacts.find((a) => a.document === 'AK' && filter(a.path))!.path;
    const file = join(out, victim);
    const bytes = readFileSync(file);
    const { mtime } = statSync(file);
    bytes[bytes.length >> 1]! ^= 1;
    writeFileSync(file, bytes);
    return { victim, file, mtime };
  }

  it('should make a file afresh that was rewritten with the same size and its mtime set back (its change time moved)', async () => {
    const { victim, file, mtime } = rewriteInPlace((p) => p.endsWith('.tree.json'));
    utimesSync(file, mtime, mtime);
    const pack = await buildPack(loadCorpus(documents, nodeHost), { formats: ['json'], producers, workers: 0, previous: readPreviousPack(out, buildRecordPath(testCacheDir, out)) });
    expect(pack.made).toContain(victim);
    expect(Buffer.from(pack.artefacts.find((a) => a.path === victim)!.bytes).equals(readFileSync(join(clean, victim)))).toBe(true);
  });

  it("should hash a file changed no earlier than the record was written, whose stat may hide a second change in the same tick (git's racy rule)", () => {
    // The worst case: the record's stat of a file was taken after a change within the clock tick
    // of the file's mtime, so it matches the file while its SHA-256 is of the bytes before.
    const recordPath = buildRecordPath(testCacheDir, out);
    const { victim, file } = rewriteInPlace((p) => p.endsWith('.html'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const stat = statSync(file, { bigint: true });
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { artefacts: Record<string, Record<string, unknown>> };
    Object.assign(record.artefacts[victim]!, { size: Number(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) });
    writeFileSync(recordPath, JSON.stringify(record));
    const inputs = record.artefacts[victim]!.inputs as string;
    // The file is as new as the record: its bytes are hashed, and do not match.
    expect(reusable(readPreviousPack(out, recordPath), victim, inputs)).toBeNull();
    // Had the record been written after the file's tick, its stat would be trusted without reading it.
    utimesSync(recordPath, new Date(later.getTime() + 1000), new Date(later.getTime() + 1000));
    expect(reusable(readPreviousPack(out, recordPath), victim, inputs)).toMatchObject({ file });
  });

  it('should ignore a damaged record of the build and of derived facts, and still write a clean build', async () => {
    writeFileSync(buildRecordPath(testCacheDir, out), '{"version": 2, "out": "x", "artef');
    // Every fact file of the documents folder (the fingerprint names a file, not the folder).
    const derived = new DiskDerivedRecord(testCacheDir, documents, 'any').dir;
    const facts = readdirSync(derived, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const bytes = readFileSync(join(fact.parentPath, fact.name));
      bytes[bytes.length - 5]! ^= 1;
      writeFileSync(join(fact.parentPath, fact.name), bytes);
    }
    expect((await cli(['--documents', documents, 'build', '--out', out, '--formats', FORMATS])).code).toBe(0);
    const a = tree(out);
    const b = tree(clean);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of b) expect(a.get(path)!.equals(bytes), path).toBe(true);
  }, 300_000);
});
