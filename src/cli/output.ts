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

/** How many characters of JSON `writeJson` gathers before handing them to `write`. */
const JSON_CHUNK = 1 << 16;

/**
 * Write `JSON.stringify(value, null, 2)` and a newline through `write`, in pieces of about 64 kB,
 * byte for byte the same text: a redline's JSON is 6 MB, and held whole, with its UTF-8 copy,
 * it was the process's peak memory. The top `depth` levels of arrays and objects are written
 * here; what lies below them, by JSON.stringify, indented to its place.
 */
export function writeJson(value: unknown, write: (text: string) => void, depth = 6): void {
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= JSON_CHUNK) {
      write(pending);
      pending = '';
    }
  };
  const emit = (v: unknown, indent: string, levels: number): void => {
    // Below the levels written here, or a value JSON.stringify turns into something else (toJSON).
    if (levels === 0 || v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      const text = JSON.stringify(v, null, 2);
      put(indent ? text.replaceAll('\n', `\n${indent}`) : text);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return put('[]');
      put('[');
      v.forEach((item, i) => {
        put(i === 0 ? `\n${inner}` : `,\n${inner}`);
        // As JSON.stringify: what has no JSON form is null in an array.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') put('null');
        else emit(item, inner, levels - 1);
      });
      put(`\n${indent}]`);
      return;
    }
    // As JSON.stringify: a property with no JSON form is left out.
    const keys = Object.keys(v).filter((k) => {
      const item = (v as Record<string, unknown>)[k];
      return item !== undefined && typeof item !== 'function' && typeof item !== 'symbol';
    });
    if (keys.length === 0) return put('{}');
    put('{');
    keys.forEach((k, i) => {
      put(`${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(k)}: `);
      emit((v as Record<string, unknown>)[k], inner, levels - 1);
    });
    put(`\n${indent}}`);
  };
  emit(value, '', depth);
  write(`${pending}\n`);
}
