/**
 * The SHA-256 of each source without reading it, as git's index knows a file unchanged: the
 * hash of its bytes is kept with its size, mtime, inode change time and inode, and a source whose
 * stat is as recorded is taken to hash as recorded. A source is read and hashed again when any of
 * them differ, and when it is racy: changed no earlier than the record was written, so a second
 * change within the same timestamp tick could have kept its stat. An edit that keeps a file's
 * size and sets its mtime back still moves its change time, which no program can set back.
 *
 * On disk (`<cache>/sources/<hash of the documents folder>.bin`): `MAGIC`, the SHA-256 of the
 * payload, the payload (JSON). A damaged, truncated or foreign record is ignored whole: every
 * source is read and hashed, and the record is written afresh (temporary file, then rename).
 * The record's own mtime is the time its stats were taken by, the reference of the racy check.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSealed, writeSealed } from './sealed.js';

/** What a source's stat must match: sizes and times as the file system gives them, to the nanosecond. */
export interface FileStat {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
}

/** Where the hashes of sources are kept by their stat. */
export interface SourceStatStore {
  /** The recorded SHA-256 of the file at `path` when its stat is as recorded and not racy. */
  known(path: string, stat: FileStat): string | undefined;
  remember(path: string, stat: FileStat, sha256: string): void;
}

/** Sub-second file times are trusted to the tick; whole-second ones may hide two seconds (FAT). */
const COARSE_MARGIN_NS = 2_000_000_000n;

/**
 * Git's "racily clean" test: a file whose mtime is not before the moment its stat was recorded
 * (`recordedNs`) may have changed again within the same tick, keeping its stat; it must be hashed.
 */
export function racy(mtimeNs: bigint, recordedNs: bigint): boolean {
  const margin = mtimeNs % 1_000_000_000n === 0n ? COARSE_MARGIN_NS : 0n;
  return mtimeNs + margin >= recordedNs;
}

/** The stat of a file as a `FileStat`, or null when it cannot be read. */
export function fileStat(path: string): FileStat | null {
  try {
    const s = statSync(path, { bigint: true });
    return s.isFile() ? { size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, ino: s.ino } : null;
  } catch {
    return null;
  }
}

const MAGIC = Buffer.from('SECDOC-SOURCES-1\n');

type Entry = [size: string, mtimeNs: string, ctimeNs: string, ino: string, sha256: string];

interface Payload {
  root: string;
  files: Record<string, Entry>;
}

const entryOf = (stat: FileStat, sha256: string): Entry => [String(stat.size), String(stat.mtimeNs), String(stat.ctimeNs), String(stat.ino), sha256];

/** The hashes of one documents folder's sources, read from and written to the cache folder. */
export class DiskSourceStats implements SourceStatStore {
  readonly path: string;
  private readonly root: string;
  private files = new Map<string, Entry>();
  /** When the record was written (its mtime); 0 when there is none, so every entry is racy. */
  private recordedNs = 0n;
  private changed = false;

  constructor(cacheDir: string, documentsDir: string) {
    this.root = resolve(documentsDir);
    this.path = join(cacheDir, 'sources', `${createHash('sha256').update(this.root).digest('hex')}.bin`);
    try {
      this.recordedNs = statSync(this.path, { bigint: true }).mtimeNs;
      const payload = readSealed(this.path, MAGIC);
      if (payload === null) return;
      const record = JSON.parse(payload.toString('utf8')) as Payload;
      if (record.root !== this.root || typeof record.files !== 'object' || record.files === null) return;
      this.files = new Map(Object.entries(record.files));
    } catch {
      // No record, or none that can be read: every source is hashed.
    }
  }

  known(path: string, stat: FileStat): string | undefined {
    const entry = this.files.get(path);
    if (!entry || !Array.isArray(entry) || entry.length !== 5) return undefined;
    const [size, mtimeNs, ctimeNs, ino, sha256] = entry;
    if (size !== String(stat.size) || mtimeNs !== String(stat.mtimeNs) || ctimeNs !== String(stat.ctimeNs) || ino !== String(stat.ino)) return undefined;
    // A racy entry is hashed now; writing the record again makes it trusted next time.
    if (racy(stat.mtimeNs, this.recordedNs)) return undefined;
    return sha256;
  }

  remember(path: string, stat: FileStat, sha256: string): void {
    const entry = entryOf(stat, sha256);
    const old = this.files.get(path);
    if (old && old.join('\0') === entry.join('\0') && !racy(stat.mtimeNs, this.recordedNs)) return;
    this.files.set(path, entry);
    this.changed = true;
  }

  /** Write the record when anything changed, keeping only the sources in `paths` (those listed this run). */
  save(paths: Iterable<string>): void {
    const live = new Set(paths);
    for (const path of this.files.keys()) if (!live.has(path)) (this.files.delete(path), (this.changed = true));
    if (!this.changed) return;
    // Without a record every source is read and hashed next time.
    if (writeSealed(this.path, MAGIC, () => Buffer.from(JSON.stringify({ root: this.root, files: Object.fromEntries(this.files) } satisfies Payload)))) this.changed = false;
  }
}
