/**
 * What secdoc's caches count as secdoc itself (src/corpus/fingerprint.ts; incremental builds and
 * stored outputs are keyed by it): every module of its code, its templates, its schemas, its
 * package.json and the versions of the writers it calls. Any of them changed, every file is made
 * afresh; a type declaration or source map added, or the whole program moved to
 * another folder, changes nothing. Each case runs a copy of secdoc's files in a temporary folder
 * (the fingerprint is computed once per copy of the module, from the files around it).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

/** The installed packages (found as Node finds them: a mutation-testing sandbox has none of its own). */
const NODE_MODULES = ((main: string) => main.slice(0, main.lastIndexOf('/node_modules/') + '/node_modules'.length))(createRequire(import.meta.url).resolve('handlebars'));

/** A copy of secdoc's code, templates, schemas and package.json, with `node_modules` as given (the real one by default). */
function copy(modules: string = NODE_MODULES): string {
  const root = join(mkdtempSync(join(tmpdir(), 'secdoc-fingerprint-')), 'secdoc');
  for (const part of ['src', 'templates', 'schemas', 'package.json']) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  symlinkSync(modules, join(root, 'node_modules'));
  return root;
}

async function fingerprint(root: string): Promise<string> {
  const module = (await import(pathToFileURL(join(root, 'src/corpus/fingerprint.ts')).href)) as { toolFingerprint: () => string };
  const first = module.toolFingerprint();
  // Computed once per process: the second call answers from the first.
  expect(module.toolFingerprint()).toBe(first);
  return first;
}

/** A node_modules whose package `name` says it is another version (its main module one folder down). */
function modulesWith(name: string, version: string): string {
  return modulesWithManifest(name, JSON.stringify({ name, version, main: 'lib/index.js' }));
}

/** A node_modules whose package `name` has this package.json (none when null: not installed). */
function modulesWithManifest(name: string, manifest: string | null): string {
  const real = NODE_MODULES;
  const modules = join(mkdtempSync(join(tmpdir(), 'secdoc-modules-')), 'node_modules');
  const [scope, bare] = name.includes('/') ? name.split('/') : [null, name];
  mkdirSync(modules);
  for (const entry of readdirSync(real)) if (entry !== (scope ?? name)) symlinkSync(join(real, entry), join(modules, entry));
  if (scope) {
    mkdirSync(join(modules, scope));
    for (const entry of readdirSync(join(real, scope))) if (entry !== bare) symlinkSync(join(real, scope, entry), join(modules, scope, entry));
  }
  if (manifest === null) return modules;
  const dir = join(modules, name);
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), manifest);
  writeFileSync(join(dir, 'lib', 'index.js'), '');
  return modules;
}

describe('fingerprint: what counts as secdoc itself for its caches', () => {
  it('should be the same for the same files wherever they are, and ignore type declarations and source maps', async () => {
    const a = await fingerprint(copy());
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const b = copy();
    writeFileSync(join(b, 'src/publish/plan.d.ts'), 'export {};\n');
    writeFileSync(join(b, 'src/publish/plan.js.map'), '{}\n');
    expect(await fingerprint(b)).toBe(a);
  });

  it('should change when a module, a template, a schema or package.json changes, or a file is renamed', async () => {
    const base = await fingerprint(copy());
    const changed = async (edit: (root: string) => void) => {
      const root = copy();
      edit(root);
      return fingerprint(root);
    };
    const append = (path: string, text: string) => (root: string) => writeFileSync(join(root, path), readFileSync(join(root, path), 'utf8') + text);
    const results = [
      await changed(append('src/render/html/index.ts', '\n// changed\n')),
      await changed(append('templates/annex.css', '\n/* changed */\n')),
      await changed(append('schemas/tree.schema.json', '\n')),
      await changed(append('package.json', '\n')),
      await changed((root) => renameSync(join(root, 'templates/annex.css'), join(root, 'templates/annex2.css'))),
    ];
    for (const [i, result] of results.entries()) expect(result, String(i)).not.toBe(base);
    expect(new Set(results).size).toBe(results.length);
  });

  it('should not change for other files in secdoc\'s folder, such as a pack built into it or a README', async () => {
    const a = await fingerprint(copy());
    const b = copy();
    mkdirSync(join(b, 'dist', 'AL'), { recursive: true });
    writeFileSync(join(b, 'dist', 'AL', 'appendix-AL-v20.0.html'), '<!DOCTYPE html>\n');
    writeFileSync(join(b, 'README.md'), '# secdoc\n');
    expect(await fingerprint(b)).toBe(a);
  });

  it('should change when a writer it calls is another version', async () => {
    const installed = await fingerprint(copy());
    for (const name of ['@myriaddreamin/typst-ts-node-compiler', '@expo-google-fonts/arimo', 'docx', 'handlebars', 'diff', 'micromark']) {
      const one = await fingerprint(copy(modulesWith(name, '1.0.0')));
      const two = await fingerprint(copy(modulesWith(name, '2.0.0')));
      expect(one, name).not.toBe(two);
      expect(one, name).not.toBe(installed);
    }
  });

  it('should count a writer not installed, one whose package.json names no version and one whose package.json is not JSON alike, as unknown', async () => {
    const installed = await fingerprint(copy());
    const missing = await fingerprint(copy(modulesWithManifest('docx', null)));
    expect(missing).not.toBe(installed);
    expect(await fingerprint(copy(modulesWithManifest('docx', JSON.stringify({ name: 'docx', version: 9 }))))).toBe(missing);
    expect(await fingerprint(copy(modulesWithManifest('docx', '{ not json')))).toBe(missing);
  });
});
