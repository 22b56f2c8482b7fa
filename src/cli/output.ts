/** Writing what the user asked for with --out: the folder made if missing, errors in their terms. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './exit.js';

/** Why a file operation failed, without the path Node puts in the message (often a temporary
 * one the user never named): `EACCES: permission denied, open '/x/.a.123.tmp'` -> `permission denied`. */
export function failure(error: unknown): string {
  const { code, syscall, message } = error as NodeJS.ErrnoException;
  // mkdir -p reports a file in the way as EEXIST, writing under a file as ENOTDIR.
  if (code === 'ENOTDIR' || (code === 'EEXIST' && syscall === 'mkdir')) return 'part of the path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  return /^E[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? String(message ?? error);
}

/** Write `data` to `path`: written beside it, then renamed over it, so a failed write never leaves
 * half a file; the folder is made first when missing. A failure names `path` as the user gave it. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written where nothing can be.
    }
    throw new UsageError(`cannot write ${path}: ${failure(error)}`);
  }
}

/** How many characters of JSON `writeJson` hands to `write` at a time. */
const JSON_CHUNK = 1 << 16;

/**
 * Write `JSON.stringify(value, null, 2)` and a newline through `write`, in pieces of about 64 kB
 * (slices of one string, which copy nothing): a redline's JSON is 6 MB, and its UTF-8 copy made
 * whole was the process's peak memory. One JSON.stringify made the text in less time and memory
 * than stringifying it piece by piece and indenting each piece to its place (issue 25: writing
 * the Code de la consommation redline took about 60 ms less CPU, and the process peaked 3-7 MB
 * lower). A piece never ends between the two halves of a surrogate pair, which `write` would
 * encode as two replacement characters.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  const text = JSON.stringify(value, null, 2);
  let at = 0;
  while (text.length - at > JSON_CHUNK) {
    let end = at + JSON_CHUNK;
    if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    write(text.slice(at, end));
    at = end;
  }
  write(`${text.slice(at)}\n`);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
