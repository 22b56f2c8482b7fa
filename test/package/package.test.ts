/**
 * secdoc as an npm package: what a project that installs it sees. Consumer projects in a temp
 * folder typecheck against the compiled lib/ (`npm test` compiles first) under node10 and NodeNext
 * resolution, resolve the JSON Schemas, and load the library without the PDF writer's native module.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, documentsDir, realCorpusDir, repoRoot } from '../helpers.js';
import { diffDocuments, DocumentError, loadCorpus, parseDocument, type ClauseJson } from '../../src/index.js';

const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

/** A project with secdoc in its node_modules (a link to this checkout, as `npm link` makes) and
 * @types/node, as any Node project has. */
function consumer(name: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), `secdoc-consumer-${name}-`));
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'node_modules', 'secdoc'), 'dir');
  symlinkSync(join(repoRoot, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

function typecheck(dir: string): { code: number | null; output: string } {
  const r = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, output: r.stdout + r.stderr };
}

// Types are checked strictly, declaration files included: a type that only resolves with this
// repository's other devDependencies would fail here.
const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, types: ['node'] };

const usage = `
const corpus = loadCorpus('documents');
const rules: RulesJson = corpus.rulesAt('2022-06-10');
const count: number = rules.rules.length;
const tree: TreeJson = parseDocument('## 1 Scope\\n\\n1.1 Text.\\n').tree;
const redline: DiffJson = diffDocuments('1.1 Old text.\\n', '1.1 New text.\\n');
export const summary = [count, tree.clauses.length, redline.summary];
`;

describe('the npm package', () => {
  it('should ship the MIT licence its package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('should typecheck `import { loadCorpus } from "secdoc"` under moduleResolution node10', () => {
    const dir = consumer('node10', {
      'package.json': JSON.stringify({ name: 'consumer-node10', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'commonjs', moduleResolution: 'node10', target: 'ES2022', lib: ['ES2022'] } }),
      'index.ts': `import { loadCorpus, parseDocument, diffDocuments, type DiffJson, type RulesJson, type TreeJson } from 'secdoc';\n${usage}`,
    });
    const r = typecheck(dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  }, 180_000);

  it('should typecheck the same import and a JSON Schema import under NodeNext, and run it', () => {
    const dir = consumer('nodenext', {
      'package.json': JSON.stringify({ name: 'consumer-nodenext', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], resolveJsonModule: true } }),
      'index.ts': `import { loadCorpus, parseDocument, diffDocuments, type DiffJson, type RulesJson, type TreeJson } from 'secdoc';\nimport schema from 'secdoc/schemas/rules.schema.json' with { type: 'json' };\nexport const id: string = schema.$id;\n${usage}`,
    });
    const r = typecheck(dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
    // The same import at run time, from the consumer's folder.
    const run = execFileSync(process.execPath, ['--input-type=module', '-e', `import { parseDocument } from 'secdoc'; console.log(parseDocument('## 1 Scope\\n\\n1.1 Text.\\n').tree.clauses[0].number);`], { cwd: dir, encoding: 'utf8' });
    expect(run.trim()).toBe('1');
  }, 180_000);

  it("should resolve 'secdoc/schemas/rules.schema.json' with require.resolve", () => {
    const dir = consumer('schemas', { 'package.json': JSON.stringify({ name: 'consumer-schemas', private: true }) });
    for (const name of ['rules', 'tree', 'diff', 'facts']) {
      const resolved = execFileSync(process.execPath, ['-e', `process.stdout.write(require.resolve('secdoc/schemas/${name}.schema.json'))`], { cwd: dir, encoding: 'utf8' });
      expect(realpathSync(resolved)).toBe(realpathSync(join(repoRoot, 'schemas', `${name}.schema.json`)));
    }
  });

  it('should load the library and answer rulesAt without loading the PDF writer (Typst, native code)', () => {
    // Which Typst files a fresh process holds: CommonJS modules in require.cache, and the native
    // binary among the shared objects the process has opened.
    const probe = (after: string) => {
      const script = `
        import { createRequire } from 'node:module';
        const { loadCorpus } = await import(${JSON.stringify(join(repoRoot, 'lib', 'index.js'))});
        const rules = loadCorpus(${JSON.stringify(documentsDir)}).rulesAt('2022-06-10');
        ${after}
        const cache = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('typst'));
        const native = process.report.getReport().sharedObjects.filter((s) => s.includes('typst'));
        console.log(JSON.stringify({ rules: rules.rules.length, cache, native }));`;
      return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' })) as { rules: number; cache: string[]; native: string[] };
    };
    const reader = probe('');
    expect(reader.rules).toBeGreaterThan(0);
    expect(reader.cache).toEqual([]);
    expect(reader.native).toEqual([]);
    // The same probe sees Typst once a PDF writer is loaded: the check can fail.
    const writer = probe(`await import(${JSON.stringify(join(repoRoot, 'lib', 'render', 'pdf', 'index.js'))});`);
    expect(writer.cache.length).toBeGreaterThan(0);
    expect(writer.native.some((s) => s.endsWith('.node'))).toBe(true);
  }, 180_000);

  it('should list in dependencies only what lib/ imports', () => {
    const dependencies = Object.keys(pkg.dependencies as Record<string, string>);
    const imported = new Set<string>();
    for (const file of readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      // Comments dropped first: they quote imports (`import { loadCorpus } from 'secdoc'`).
      const code = readFileSync(join(repoRoot, 'src', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      // Files read out of a package (`require.resolve('pkg/file')`) count as using it too.
      const specs = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'([^.'][^']*)'/g), ...code.matchAll(/\.resolve\(\s*[`']([^.'`$][^'`$]*)/g)];
      for (const [, spec] of specs) {
        if (spec!.startsWith('node:')) continue;
        imported.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    expect(dependencies.filter((d) => !imported.has(d)), 'dependencies nothing in src/ imports').toEqual([]);
    // mdast is types only (import type), from @types/mdast that remark-parse brings.
    expect([...imported].filter((d) => !dependencies.includes(d)).sort(), 'imports missing from dependencies').toEqual(['mdast']);
  });
});

describe('the library: parse and diff', () => {
  const eeg = (stand: string) => join(realCorpusDir, 'de-bundestag-gesetze', `eeg_2009__stand-${stand}.md`);

  it('should parse a document into the clause tree `secdoc tree --json` prints', async () => {
    const path = eeg('2012-08-17');
    const parsed = parseDocument(readFileSync(path), { path });
    expect(parsed.tree).toEqual(JSON.parse((await cli(['tree', path, '--json'])).stdout));
    const count = (clauses: ClauseJson[]): number => clauses.reduce((n, c) => n + 1 + count(c.children), 0);
    expect(count(parsed.tree.clauses)).toBeGreaterThan(100);
  });

  it('should diff two documents into the redline `secdoc diff --format json` prints', async () => {
    const [a, b] = [eeg('2011-12-22'), eeg('2012-08-17')];
    const diff = diffDocuments(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), { oldPath: a, newPath: b });
    expect(diff).toEqual(JSON.parse((await cli(['diff', a, b, '--format', 'json'])).stdout));
    // EEG 2009, August 2012: old § 20a became § 20b.
    expect(JSON.stringify(diff)).toContain('"description":"Renumbered (formerly § 20a)');
  });

  it('should give a corpus version its tree and redline by reference, as the CLI does', async () => {
    // Relative, as the CLI's default --documents is: the JSON carries the paths as given.
    const corpus = loadCorpus('documents');
    expect(corpus.tree('AL@20.0')).toEqual(JSON.parse((await cli(['tree', 'AL@20.0', '--json'])).stdout));
    expect(corpus.diff('AL@19.0', 'AL@20.0')).toEqual(JSON.parse((await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'json'])).stdout));
  });

  it('should throw a DocumentError naming file:line:col for a document it cannot read', () => {
    const error = (() => {
      try {
        parseDocument(new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a]), { path: 'broken.md' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toMatch(/^broken\.md:1:3: error .*UTF-8.* \[not-utf8\]$/);
    expect((error as DocumentError).diagnostics.map((d) => d.ruleId)).toEqual(['not-utf8']);
  });
});
