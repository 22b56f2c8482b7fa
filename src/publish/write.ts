/**
 * Writing a pack: every file goes into a fresh folder beside the output, and only when all of
 * them (and the manifest) are written does that folder replace the output. A failure at any
 * point leaves the previous output exactly as it was. Which folders may be replaced, and how
 * temporary folders are named and cleaned up, is ./out-dir.ts's.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Pack } from './index.js';
import { reusedFrom } from './incremental.js';
import { assertReplaceable, makeTempDir, previousDir, removeAbandoned } from './out-dir.js';

export interface WriteOptions {
  /** Called with the temporary folder once every file is in it, before the swap (for tests). */
  beforeSwap?: (tempDir: string) => void;
  /** Removes the previous pack after the swap (for tests of a failing removal, and for a caller
   * that removes it in the background: a failure it meets later is `removalWarning`'s). */
  removeOld?: (path: string) => void;
  /** Folders the output may not be or contain (the documents folder, the working folder). */
  protectedDirs?: readonly string[];
}

export interface WriteResult {
  /** Problems that did not stop the new pack from being published. */
  warnings: string[];
}

export function writePack(outDir: string, pack: Pack, options: WriteOptions = {}): WriteResult {
  const out = resolve(outDir);
  assertReplaceable(outDir, options.protectedDirs);
  if (pack.artefacts.length === 0) throw new Error('the pack is empty');
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  removeAbandoned(out);
  // Beside the output, so the final rename stays on one file system.
  const temp = makeTempDir(out);
  try {
    for (const a of pack.artefacts) {
      const path = join(temp, ...a.path.split('/'));
      if (!path.startsWith(temp + '/')) throw new Error(`artefact path escapes the output folder: ${a.path}`);
      mkdirSync(dirname(path), { recursive: true });
      const previous = reusedFrom(a);
      if (previous) linkOrCopy(previous.file, path);
      else writeFileSync(path, a.bytes);
    }
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify(pack.manifest, null, 2) + '\n');
    options.beforeSwap?.(temp);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return swap(temp, out, options.removeOld ?? ((path) => rmSync(path, { recursive: true, force: true })));
}

/** Replace `out` with `temp`. A folder cannot be renamed over a non-empty one, so the old one
 * steps aside first and comes back if the second rename fails. Once the new pack is in place,
 * failing to remove the old one is a warning: the next build removes it. */
function swap(temp: string, out: string, removeOld: (path: string) => void): WriteResult {
  if (!existsSync(out)) {
    renameOrClean(temp, out);
    return { warnings: [] };
  }
  const old = previousDir(temp);
  renameOrClean(out, old, temp);
  try {
    renameSync(temp, out);
  } catch (error) {
    renameSync(old, out);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  try {
    removeOld(old);
  } catch (error) {
    return { warnings: [removalWarning(out, old, error)] };
  }
  return { warnings: [] };
}

/** Once the new pack is in place, failing to remove the old one is a warning: the next build removes it. */
export function removalWarning(out: string, old: string, error: unknown): string {
  return `the new pack is published in ${out}, but could not remove the previous pack at ${old} (${(error as Error).message}); the next build removes it`;
}

function renameOrClean(from: string, to: string, temp = from): void {
  try {
    renameSync(from, to);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A file of the previous pack goes into the new one as a hard link: no byte is read or written,
 * and removing the previous pack frees nothing of it. Where links are not allowed, a copy.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
