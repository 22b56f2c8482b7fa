/**
 * The files secdoc keeps in its cache folder (tree entries, the record of checks, derived facts,
 * source stats) are sealed the same way: a magic line naming their kind, the SHA-256 of the
 * payload, then the payload. A reader trusts a payload only when both match, so a truncated,
 * damaged or foreign file is a miss. A writer writes a temporary file beside the target and
 * renames it into place, so a reader sees a whole file or none.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

const CHECKSUM_BYTES = 32;

/** The payload of the sealed file at `path`, or null when there is none or it cannot be trusted. */
export function readSealed(path: string, magic: Buffer): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const start = magic.length + CHECKSUM_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, magic.length).equals(magic)) return null;
  const payload = bytes.subarray(start);
  return createHash('sha256').update(payload).digest().equals(bytes.subarray(magic.length, start)) ? payload : null;
}

/**
 * Seal `payload` (made by `make`, which may throw) into `path`. Whether it was written: a cache
 * that cannot be written (read-only folder, full disk) only costs a later run its work.
 */
export function writeSealed(path: string, magic: Buffer, make: () => Uint8Array): boolean {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const payload = make();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, Buffer.concat([magic, createHash('sha256').update(payload).digest(), payload]));
    renameSync(temp, path);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
    return false;
  }
}

/** The value (V8's serialisation) sealed in `path`, or null when there is none or it cannot be trusted. */
export function readSealedValue(path: string, magic: Buffer): unknown {
  const payload = readSealed(path, magic);
  if (payload === null) return null;
  try {
    return deserialize(payload);
  } catch {
    return null;
  }
}

/** Seal `value` (V8's serialisation) into `path`; whether it was written. */
export function writeSealedValue(path: string, magic: Buffer, value: unknown): boolean {
  return writeSealed(path, magic, () => serialize(value));
}
