/** Test helpers: run the CLI in-process with captured output, and find the real corpus (test/corpus). */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
import { nodeHost } from '../src/corpus/node-host.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const documentsDir = join(repoRoot, 'documents');
export const realCorpusDir = join(repoRoot, 'test', 'corpus');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The tree cache of this test run: a fresh folder, so tests never write into node_modules/.cache
 * and no run reads what an earlier one left. A test can give its own SECDOC_CACHE_DIR or SECDOC_CACHE.
 */
export const testCacheDir = mkdtempSync(join(tmpdir(), 'secdoc-cache-'));

export async function cli(args: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => (stderr += t),
    isTTY: options.isTTY ?? false,
    env: { SECDOC_CACHE_DIR: testCacheDir, ...options.env },
    host: nodeHost,
  });
  return { code, stdout, stderr };
}

/** A scratch copy of documents/ to break one thing in. */
export function copyDocuments(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secdoc-docs-'));
  cpSync(documentsDir, dir, { recursive: true });
  return dir;
}

/** Every Markdown file of the real corpus under test/corpus, as absolute paths. */
export function realCorpusFiles(): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(realCorpusDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(join(realCorpusDir, folder.name))) if (f.endsWith('.md')) out.push(join(realCorpusDir, folder.name, f));
  }
  return out.sort();
}

/** Line:column (1-based) of the `nth` occurrence (from 1) of `needle` in `text`, as diagnostics print it. */
export function where(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`fixture text not found: ${needle}`);
  }
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** Copy documents/, change one file, run `validate` on the copy. */
export async function validateWith(relative: string, change: (text: string) => string): Promise<CliResult & { dir: string; path: string; text: string }> {
  const dir = copyDocuments();
  const path = join(dir, relative);
  const text = change(readFileSync(path, 'utf8'));
  writeFileSync(path, text);
  const result = await cli(['--documents', dir, 'validate']);
  return { ...result, dir, path, text };
}
