/**
 * Incremental builds. Every artefact of a pack is recorded with a hash of the inputs it was made
 * from (its document's sources, the directions and side files, secdoc's code, templates and
 * writers, the format and options) and the SHA-256 of its bytes, in a record of the output
 * folder kept in the cache folder. The next build into the same folder takes each artefact whose
 * inputs hash the same from the previous pack, after checking its bytes against the record, and
 * makes only the rest, so its output is the output of a clean build.
 *
 * A file's inputs: the source of its version and of the version it is marked up against (its
 * text and redline), the front matter of every version of its document (its dates: a version is
 * in force until the next one's effective date), every direction (designations, annex letters and
 * effective dates come from them) and the side files. No other version's text is read to make
 * it. Editing a version's text re-renders that version's files and its direction's annexes of
 * it; editing its front matter, every file of its document; editing a direction, every file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { toolFingerprint } from '../corpus/fingerprint.js';
import { racy } from '../corpus/source-stats.js';
import type { Artefact, Manifest } from './index.js';

export const INPUTS_VERSION = 2;

/** What a pack records: each artefact's path and the hash of its inputs. */
export interface PackInputs {
  version: number;
  artefacts: Record<string, string>;
}

/** A file as a build recorded it: its inputs, the SHA-256 of its bytes, and its size, mtime and inode once written. */
interface RecordedFile {
  inputs: string;
  sha256: string;
  size: number;
  /** Nanoseconds, as decimal strings (beyond a double's precision). */
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

/** A build's record of its output folder: each file's inputs, the SHA-256 of the bytes it wrote, and its stat. */
interface BuildRecord {
  version: number;
  out: string;
  artefacts: Record<string, RecordedFile>;
}

/** The pack in the output folder before this build, as far as it can be trusted. */
export interface PreviousPack {
  dir: string;
  artefacts: BuildRecord['artefacts'];
  /** When the record was written (its own mtime, in nanoseconds): a file changed as late as that is not trusted by its stat. */
  recordedNs: bigint;
}

/** A file of the previous pack that this build publishes again: linked into the new pack, never read. */
export interface ReusedFile {
  file: string;
  sha256: string;
  size: number;
}

/**
 * Where the record of builds into `outDir` is kept: in the tree cache's folder, not in the pack,
 * so the pack holds exactly what a clean build writes. A record lost or left stale only costs
 * a full build: a file is reused only if it is as the record says (see `reusable`).
 */
export function buildRecordPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'builds', `${createHash('sha256').update(resolve(outDir)).digest('hex')}.json`);
}

/** The previous pack at `outDir` as its record describes it, or null when there is no readable record. */
export function readPreviousPack(outDir: string, recordPath: string): PreviousPack | null {
  try {
    const recordedNs = statSync(recordPath, { bigint: true }).mtimeNs;
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as BuildRecord;
    if (record.version !== INPUTS_VERSION || record.out !== resolve(outDir) || typeof record.artefacts !== 'object' || record.artefacts === null) return null;
    return { dir: outDir, artefacts: record.artefacts, recordedNs };
  } catch {
    return null;
  }
}

/**
 * Record what was written to `outDir`, after the pack is in place and the previous one removed
 * (a file's inode change time moves when a link to it goes; its mtime, size and inode do not).
 * Written to a temporary file, then renamed: the record's own mtime is the moment its stats were
 * taken before, which the next build's racy check compares with.
 */
export function writeBuildRecord(recordPath: string, outDir: string, pack: { inputs: PackInputs; manifest: Manifest }): void {
  const sha = new Map(pack.manifest.artefacts.map((a) => [a.path, a.sha256]));
  const artefacts: BuildRecord['artefacts'] = {};
  for (const [path, inputs] of Object.entries(pack.inputs.artefacts)) {
    let stat: BigIntStats;
    try {
      stat = statSync(join(outDir, ...path.split('/')), { bigint: true });
    } catch {
      // Not there to reuse: made afresh next time.
      continue;
    }
    artefacts[path] = { inputs, sha256: sha.get(path)!, size: Number(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) };
  }
  const record: BuildRecord = { version: INPUTS_VERSION, out: resolve(outDir), artefacts };
  const temp = `${recordPath}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(recordPath), { recursive: true });
    writeFileSync(temp, JSON.stringify(record) + '\n');
    renameSync(temp, recordPath);
  } catch {
    // Without a record the next build makes everything afresh. Where the cache folder could not
    // be made (a file stands in its place), removing the temporary file fails too: nothing to remove.
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/**
 * The previous pack's file at `path` when it was made from the same inputs and is intact; else
 * null. Intact is decided as git decides a file unchanged: the same size, mtime, inode change
 * time and inode as recorded, and not racy; otherwise its bytes must hash as recorded. A file
 * rewritten with the same size and its mtime set back still has a new change time, which no
 * program can set back.
 */
export function reusable(previous: PreviousPack | null | undefined, path: string, inputs: string | null): ReusedFile | null {
  const recorded = previous?.artefacts[path];
  if (!previous || !recorded || inputs === null || recorded.inputs !== inputs || typeof recorded.sha256 !== 'string') return null;
  const file = join(previous.dir, ...path.split('/'));
  try {
    const stat = statSync(file, { bigint: true });
    if (!stat.isFile()) return null;
    const same = stat.size === BigInt(recorded.size) && String(stat.mtimeNs) === recorded.mtimeNs && String(stat.ctimeNs) === recorded.ctimeNs && String(stat.ino) === recorded.ino;
    if (same && !racy(stat.mtimeNs, previous.recordedNs)) return { file, sha256: recorded.sha256, size: Number(stat.size) };
    const bytes = readFileSync(file);
    return createHash('sha256').update(bytes).digest('hex') === recorded.sha256 ? { file, sha256: recorded.sha256, size: bytes.byteLength } : null;
  } catch {
    return null;
  }
}

const reused = new WeakMap<Artefact, ReusedFile>();

/** An artefact of this pack taken from the previous one: its bytes are read only when asked for. */
export function reusedArtefact(describe: Omit<Artefact, 'bytes'>, file: ReusedFile): Artefact {
  let bytes: Uint8Array | undefined;
  const artefact = { ...describe } as Artefact;
  Object.defineProperty(artefact, 'bytes', {
    get: () => (bytes ??= new Uint8Array(readFileSync(file.file))),
    enumerable: true,
    configurable: true,
  });
  reused.set(artefact, file);
  return artefact;
}

/** The previous pack's file an artefact is, when it is one (then linked, not written). */
export function reusedFrom(artefact: Artefact): ReusedFile | undefined {
  return reused.get(artefact);
}

/** An artefact's size in bytes, without reading a reused file. */
export function artefactSize(artefact: Artefact): number {
  return reused.get(artefact)?.size ?? artefact.bytes.byteLength;
}

/** An artefact's size and SHA-256, without reading a reused file. */
export function artefactDigest(artefact: Artefact): { bytes: number; sha256: string } {
  const file = reused.get(artefact);
  if (file) return { bytes: file.size, sha256: file.sha256 };
  return { bytes: artefact.bytes.byteLength, sha256: createHash('sha256').update(artefact.bytes).digest('hex') };
}

/** What every file of one document is made from besides its own sources, once per corpus and document. */
const shared = new WeakMap<Corpus, Map<string, string>>();

function sharedInputs(corpus: Corpus, hashes: ReadonlyMap<string, string>, appendix: string): string {
  let byAppendix = shared.get(corpus);
  if (!byAppendix) shared.set(corpus, (byAppendix = new Map()));
  let inputs = byAppendix.get(appendix);
  if (inputs === undefined) {
    const hash = createHash('sha256');
    // Side files (facts, Section A terms) count for every artefact.
    for (const path of [...hashes.keys()].filter((p) => !/\.(md|markdown)$/i.test(p)).sort()) hash.update(`\0${path}\0${hashes.get(path)}`);
    for (const d of corpus.directions) hash.update(`\0${d.path}\0${hashes.get(d.path)}`);
    for (const v of corpus.versions) if (v.meta.appendix === appendix) hash.update(`\0${v.path}\0${JSON.stringify(v.meta)}`);
    byAppendix.set(appendix, (inputs = hash.digest('hex')));
  }
  return inputs;
}

/** The hash of what one artefact is made from, or null when the corpus does not know its sources' hashes. */
export function artefactInputs(corpus: Corpus, parts: { kind: string; document: VersionDocument; against?: VersionDocument | null; annex?: unknown; format: string; author?: string | undefined; ink?: string | undefined }): string | null {
  const hashes = corpus.sourceHashes;
  if (!hashes) return null;
  const hash = createHash('sha256').update(toolFingerprint()).update('\0');
  hash.update(JSON.stringify({ kind: parts.kind, format: parts.format, author: parts.author ?? null, ink: parts.ink ?? null, annex: parts.annex ?? null, document: parts.document.path, against: parts.against?.path ?? null }));
  hash.update(`\0${hashes.get(parts.document.path)}\0${parts.against ? hashes.get(parts.against.path) : 'none'}\0`);
  hash.update(sharedInputs(corpus, hashes, parts.document.meta.appendix));
  return hash.digest('hex');
}
