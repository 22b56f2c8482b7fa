import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../helpers.js';
import { buildPack, writePack } from '../../src/publish/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';

const fixture = join(repoRoot, 'test/fixtures/publish/documents');
/** ajv-formats is CommonJS; NodeNext typing sees its default export as the module object. */
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Ajv2020) => Ajv2020;

/** Every file under `dir` with its SHA-256 and modification time: what "unchanged" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

function scratch(): { docs: string; out: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'secdoc-failsafe-'));
  const docs = join(root, 'documents');
  cpSync(fixture, docs, { recursive: true });
  return { docs, out: join(root, 'dist'), root };
}

describe('secdoc build is fail-safe', () => {
  let s: ReturnType<typeof scratch>;
  let before: Record<string, string>;

  beforeAll(async () => {
    s = scratch();
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out]);
    expect(r.code, r.stderr).toBe(0);
    before = snapshot(s.out);
  });

  it('should write a manifest listing every file it wrote, with sizes and hashes', () => {
    const manifest = JSON.parse(readFileSync(join(s.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; bytes: number; sha256: string }> };
    const files = Object.keys(before).filter((p) => p !== 'manifest.json').sort();
    expect(manifest.artefacts.map((a) => a.path)).toEqual(files);
    for (const a of manifest.artefacts) {
      const bytes = readFileSync(join(s.out, a.path));
      expect(a.bytes).toBe(bytes.byteLength);
      expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('should exit 1 with the diagnostics and leave the previous output untouched when a source is broken', async () => {
    const path = join(s.docs, 'tmad/v20.0.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^3\.3 /m, '3.2 '));
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:1: error Unexpected second clause numbered `3\.2`.*\[duplicate-number\]/);
    expect(r.stderr).toContain('nothing written');
    expect(snapshot(s.out)).toEqual(before);
    // No half-built folder is left beside the output either.
    expect(readdirSync(s.root).sort()).toEqual(['dist', 'documents']);
  });

  it('should leave the previous output untouched when writing fails before the swap', async () => {
    const corpus = loadCorpus(fixture, nodeHost);
    const pack = await buildPack(corpus, { formats: ['html'] });
    expect(() =>
      writePack(s.out, pack, {
        beforeSwap: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(snapshot(s.out)).toEqual(before);
    expect(readdirSync(s.root).sort()).toEqual(['dist', 'documents']);
  });

  it('should leave the previous output intact when the final rename of the new pack fails', async () => {
    const corpus = loadCorpus(fixture, nodeHost);
    const pack = await buildPack(corpus, { formats: ['json'] });
    // The new pack's folder vanishes after it is written, so moving it into place fails (ENOENT)
    // after the old pack has stepped aside: the old one must come back.
    expect(() => writePack(s.out, pack, { beforeSwap: (temp) => rmSync(temp, { recursive: true }) })).toThrow(/ENOENT/);
    expect(snapshot(s.out)).toEqual(before);
    expect(readdirSync(s.root).sort()).toEqual(['dist', 'documents']);
  });

  it('should replace a previous pack whole when rebuilding over it, leaving nothing beside it', async () => {
    const fresh = scratch();
    expect((await cli(['--documents', fresh.docs, 'build', '--out', fresh.out, '--formats', 'html,json'])).code).toBe(0);
    const first = snapshot(fresh.out);
    expect(Object.keys(first).some((p) => p.endsWith('.html'))).toBe(true);
    const r = await cli(['--documents', fresh.docs, 'build', '--out', fresh.out, '--formats', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const second = snapshot(fresh.out);
    const manifest = JSON.parse(readFileSync(join(fresh.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string }> };
    // Exactly the new pack: the HTML files of the first build are gone, the JSON files are as made again.
    expect(Object.keys(second).sort()).toEqual([...manifest.artefacts.map((a) => a.path), 'manifest.json'].sort());
    expect(Object.keys(second).filter((p) => p.endsWith('.html'))).toEqual([]);
    for (const path of Object.keys(second).filter((p) => p.endsWith('.tree.json'))) expect(second[path]!.split(' ')[0]).toBe(first[path]!.split(' ')[0]);
    expect(readdirSync(fresh.root).sort()).toEqual(['dist', 'documents']);
  });

  it('should fail the whole build when an extra producer fails, writing nothing', async () => {
    const corpus = loadCorpus(fixture, nodeHost);
    const failing = { name: 'broken', produce: () => { throw new Error('rules stage failed'); } };
    await expect(buildPack(corpus, { formats: ['html'], producers: [failing] })).rejects.toThrow('rules stage failed');
    expect(snapshot(s.out)).toEqual(before);
  });

  it('should reject unknown formats and unknown --only names as usage errors (exit 2)', async () => {
    const fresh = scratch();
    const a = await cli(['--documents', fresh.docs, 'build', '--out', fresh.out, '--formats', 'html,rtf']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--formats html,rtf');
    const b = await cli(['--documents', fresh.docs, 'build', '--out', fresh.out, '--only', 'ZZ']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--only ZZ: no such document or direction \(known: AL, baseline, direction-2022-06-09\)/);
    expect(existsSync(fresh.out)).toBe(false);
  });
});

describe('secdoc build output', () => {
  it('should print one summary line when stdout is not a terminal, and a line per file with its own time on one', async () => {
    const quiet = scratch();
    const q = await cli(['--documents', quiet.docs, 'build', '--out', quiet.out, '--formats', 'html,json']);
    expect(q.code, q.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(quiet.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; bytes: number }> };
    const total = written.artefacts.reduce((n, a) => n + a.bytes, 0);
    expect(q.stdout).toMatch(new RegExp(`^Built ${written.artefacts.length} files and manifest\\.json \\((\\d+ B|\\d+ kB|\\d+\\.\\d MB)\\) into ${quiet.out.replace(/[.]/g, '\\.')}/ in (\\d+ ms|\\d+\\.\\d s)\n$`));
    expect(q.stdout).toContain(total < 1024 * 1024 ? `(${(total / 1024).toFixed(0)} kB)` : `(${(total / 1024 / 1024).toFixed(1)} MB)`);
    const loud = scratch();
    const t = await cli(['--documents', loud.docs, 'build', '--out', loud.out, '--formats', 'html,json'], { isTTY: true });
    expect(t.code, t.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(loud.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string }> };
    const lines = t.stdout.trim().split('\n');
    expect(lines).toHaveLength(manifest.artefacts.length + 1);
    for (const a of manifest.artefacts) expect(t.stdout).toMatch(new RegExp(`^\\[\\s*\\d+/${manifest.artefacts.length}\\] ${a.path.replace(/[.]/g, '\\.')} \\(\\d+ (B|kB|MB), (\\d+ ms|\\d+\\.\\d s)\\)$`, 'm'));
    expect(lines.at(-1)).toMatch(/^Built \d+ files and manifest\.json \(.+\) into .* in (\d+ ms|\d+\.\d s)$/);
  });

  it('should publish only the formats and the document asked for', async () => {
    const s = scratch();
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json', '--only', 'tmad']);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(s.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; format: string; kind: string; document: string }> };
    expect(manifest.artefacts.map((a) => `${a.kind} ${a.path}`)).toEqual([
      'clean AL/v19.0/appendix-AL-v19.0.tree.json',
      'marked-up AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
      'clean AL/v20.0/appendix-AL-v20.0.tree.json',
      'rules rules/AL@19.0.json',
      'rules rules/AL@20.0.json',
      'schema rules/facts-file.schema.json',
      'schema schemas/diff.schema.json',
      'schema schemas/facts.schema.json',
      'schema schemas/rules.schema.json',
      'schema schemas/tree.schema.json',
    ]);
    const tree = JSON.parse(readFileSync(join(s.out, 'AL/v20.0/appendix-AL-v20.0.tree.json'), 'utf8')) as { document: { version: string } };
    expect(tree.document.version).toBe('20.0');
    const diff = JSON.stringify(JSON.parse(readFileSync(join(s.out, 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json'), 'utf8')));
    expect(diff).toContain('"renumbered"');
  });
});

describe('secdoc build: rule files', () => {
  it('should publish every version of documents/ as rule JSON that the schema in dist/schemas/ accepts', async () => {
    const root = mkdtempSync(join(tmpdir(), 'secdoc-rules-'));
    const out = join(root, 'dist');
    const r = await cli(['--documents', join(repoRoot, 'documents'), 'build', '--out', out, '--formats', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(out, 'schemas/rules.schema.json'), 'utf8')) as object);
    const files = readdirSync(join(out, 'rules')).filter((f) => f.includes('@')).sort();
    expect(files).toEqual(['AK@10.0.json', 'AK@9.0.json', 'AL@19.0.json', 'AL@20.0.json', 'J@5.0.json', 'J@6.0.json']);
    for (const f of files) {
      const value = JSON.parse(readFileSync(join(out, 'rules', f), 'utf8')) as unknown;
      expect([f, validate(value), ajv.errorsText(validate.errors)]).toEqual([f, true, 'No errors']);
    }
    const al20 = JSON.parse(readFileSync(join(out, 'rules/AL@20.0.json'), 'utf8')) as { rules: Array<{ id: string; provenance: { clause: { number: string } } }> };
    expect(al20.rules.map((x) => x.id)).toContain('tmad.exclusion.duplicate-mpxn');
  });
});
