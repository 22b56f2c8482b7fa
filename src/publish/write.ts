/**
 * Writing a pack: every file goes into a fresh folder beside the output, and only when all of
 * them (and the manifest) are written does that folder replace the output. A failure at any
 * point leaves the previous output exactly as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Pack } from './index.js';

export interface WriteOptions {
  /** Called with the temporary folder once every file is in it, before the swap (for tests). */
  beforeSwap?: (tempDir: string) => void;
}

export function writePack(outDir: string, pack: Pack, options: WriteOptions = {}): void {
  const out = resolve(outDir);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  // Beside the output, so the final rename stays on one file system.
  const temp = mkdtempSync(join(parent, `.${basename(out)}.building-`));
  try {
    for (const a of pack.artefacts) {
      const path = join(temp, ...a.path.split('/'));
      if (!path.startsWith(temp + '/')) throw new Error(`artefact path escapes the output folder: ${a.path}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, a.bytes);
    }
    writeFileSync(join(temp, 'manifest.json'), JSON.stringify(pack.manifest, null, 2) + '\n');
    options.beforeSwap?.(temp);
    swap(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Replace `out` with `temp`. A folder cannot be renamed over a non-empty one, so the old one
 * steps aside first and comes back if the second rename fails. */
function swap(temp: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(temp, out);
    return;
  }
  const old = `${temp}-previous`;
  renameSync(out, old);
  try {
    renameSync(temp, out);
  } catch (error) {
    renameSync(old, out);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
