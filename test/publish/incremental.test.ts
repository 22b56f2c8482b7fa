import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { buildPack, buildRecordPath, readPreviousPack, type Pack } from '../../src/publish/index.js';
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

  it("should make afresh only the edited document's files (its versions and its direction's annexes) and the pack-wide ones", () => {
    const byPath = new Map(incremental.artefacts.map((a) => [a.path, a]));
    const made = new Set(incremental.made);
    for (const a of incremental.artefacts) {
      const packWide = !['clean', 'marked-up'].includes(a.kind);
      if (a.document === 'AL' || packWide) expect(made.has(a.path), `${a.path} should be made`).toBe(true);
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
});
