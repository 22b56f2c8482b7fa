/** Helpers for the hostile-input suite: scratch folders, the real process, snapshots. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { repoRoot, type CliResult } from '../helpers.js';

export const fixtureDocuments = join(repoRoot, 'test/fixtures/publish/documents');
const bin = join(repoRoot, 'bin/secdoc.js');

/** A scratch folder holding a copy of the small publishing fixture under `documents/`. */
export function scratch(prefix = 'secdoc-hostile-'): { root: string; docs: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const docs = join(root, 'documents');
  cpSync(fixtureDocuments, docs, { recursive: true });
  return { root, docs, out: join(root, 'dist') };
}

/** A documents folder holding exactly `files` (path -> text), plus the fixture's unless `bare`. */
export function documentsWith(files: Record<string, string | Uint8Array>, options: { bare?: boolean } = {}): { root: string; docs: string; out: string } {
  const s = options.bare ? bareScratch() : scratch();
  for (const [path, text] of Object.entries(files)) {
    const full = join(s.docs, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return s;
}

function bareScratch(): { root: string; docs: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'secdoc-hostile-'));
  const docs = join(root, 'documents');
  mkdirSync(docs);
  return { root, docs, out: join(root, 'dist') };
}

/**
 * Run `work` and fail if this process spent more than `ms` of CPU time on it: a bound on the work
 * (a hang, a quadratic blow-up) that a loaded machine's waiting for a core does not count in, as
 * the wall clock did (each test file runs in a process of its own, so its CPU time is its own).
 */
export async function withinCpu<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  expect((used.user + used.system) / 1000, 'milliseconds of CPU time').toBeLessThan(ms);
  return result;
}

/** Run the compiled CLI as a real process (needs `npm run compile`). */
export function secdoc(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its SHA-256: what "untouched" means. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mode.toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

/** No stack trace, no internal error: what a user must never see. */
export function expectNoStackTrace(text: string): void {
  if (/^\s+at .*:\d+:\d+\)?$/m.test(text) || /internal error/i.test(text)) {
    throw new Error(`stack trace or internal error in output:\n${text.slice(0, 2000)}`);
  }
}
