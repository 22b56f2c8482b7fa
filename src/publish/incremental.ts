/**
 * Incremental builds. Every artefact of a pack is recorded with a hash of the inputs it was made
 * from (its document's sources, the directions and side files, secdoc's code, templates and
 * writers, the format and options) and the SHA-256 of its bytes, in a record of the output
 * folder kept in the cache folder. The next build into the same folder takes each artefact whose
 * inputs hash the same from the previous pack, after checking its bytes against the record, and
 * makes only the rest, so its output is the output of a clean build.
 *
 * An annex's inputs are deliberately wide: every version of its document (a version's dates and
 * cover depend on its neighbours in the chain) and every direction (designations, annex letters
 * and effective dates come from them). Editing a version's source re-renders that document's
 * artefacts and its direction's annexes; editing a direction re-renders every annex.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus, VersionDocument } from '../corpus/index.js';
import type { Manifest } from './index.js';

export const INPUTS_VERSION = 1;

/** What a pack records: each artefact's path and the hash of its inputs. */
export interface PackInputs {
  version: number;
  artefacts: Record<string, string>;
}

/** A build's record of its output folder: each file's inputs and the SHA-256 of the bytes it wrote. */
interface BuildRecord {
  version: number;
  out: string;
  artefacts: Record<string, { inputs: string; sha256: string }>;
}

/** The pack in the output folder before this build, as far as it can be trusted. */
export interface PreviousPack {
  dir: string;
  artefacts: BuildRecord['artefacts'];
}

/**
 * Where the record of builds into `outDir` is kept: in the tree cache's folder, not in the pack,
 * so the pack holds exactly what a clean build writes. A record lost or left stale only costs
 * a full build: a file is reused only if its bytes still hash as the record says.
 */
export function buildRecordPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, 'builds', `${createHash('sha256').update(resolve(outDir)).digest('hex')}.json`);
}

/** The previous pack at `outDir` as its record describes it, or null when there is no readable record. */
export function readPreviousPack(outDir: string, recordPath: string): PreviousPack | null {
  try {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as BuildRecord;
    if (record.version !== INPUTS_VERSION || record.out !== resolve(outDir) || typeof record.artefacts !== 'object') return null;
    return { dir: outDir, artefacts: record.artefacts };
  } catch {
    return null;
  }
}

/** Record what was written to `outDir`, after the pack is in place (temporary file, then rename). */
export function writeBuildRecord(recordPath: string, outDir: string, pack: { inputs: PackInputs; manifest: Manifest }): void {
  const sha = new Map(pack.manifest.artefacts.map((a) => [a.path, a.sha256]));
  const artefacts: BuildRecord['artefacts'] = {};
  for (const [path, inputs] of Object.entries(pack.inputs.artefacts)) artefacts[path] = { inputs, sha256: sha.get(path)! };
  const record: BuildRecord = { version: INPUTS_VERSION, out: resolve(outDir), artefacts };
  const temp = `${recordPath}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(recordPath), { recursive: true });
    writeFileSync(temp, JSON.stringify(record) + '\n');
    renameSync(temp, recordPath);
  } catch {
    // Without a record the next build makes everything afresh.
    rmSync(temp, { force: true });
  }
}

/** The previous pack's file at `path` when it was made from the same inputs and is intact; else null. */
export function reusable(previous: PreviousPack | null | undefined, path: string, inputs: string | null): Uint8Array | null {
  const recorded = previous?.artefacts[path];
  if (!previous || !recorded || inputs === null || recorded.inputs !== inputs) return null;
  const expected = recorded.sha256;
  try {
    const bytes = readFileSync(join(previous.dir, ...path.split('/')));
    return createHash('sha256').update(bytes).digest('hex') === expected ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null;
  } catch {
    return null;
  }
}

/** The hash of what one artefact is made from, or null when the corpus does not know its sources' hashes. */
export function artefactInputs(corpus: Corpus, parts: { kind: string; document: VersionDocument; against?: VersionDocument | null; annex?: unknown; format: string; author?: string | undefined; ink?: string | undefined }): string | null {
  const hashes = corpus.sourceHashes;
  if (!hashes) return null;
  const hash = createHash('sha256').update(toolFingerprint()).update('\0');
  hash.update(JSON.stringify({ kind: parts.kind, format: parts.format, author: parts.author ?? null, ink: parts.ink ?? null, annex: parts.annex ?? null, document: parts.document.path, against: parts.against?.path ?? null }));
  const wanted = new Set<string>();
  for (const v of corpus.versions) if (v.meta.appendix === parts.document.meta.appendix) wanted.add(v.path);
  for (const d of corpus.directions) wanted.add(d.path);
  for (const [path, sha] of [...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Side files (facts, Section A terms) count for every artefact.
    if (wanted.has(path) || !/\.(md|markdown)$/i.test(path)) hash.update(`\0${path}\0${sha}`);
  }
  return hash.digest('hex');
}

let tool: string | null = null;

/** secdoc's code (every compiled module), its templates and the versions of the writers it calls. */
export function toolFingerprint(): string {
  if (tool !== null) return tool;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..', '..');
  hash.update(readFileSync(join(root, 'package.json')));
  const require = createRequire(import.meta.url);
  for (const name of ['@myriaddreamin/typst-ts-node-compiler', '@expo-google-fonts/arimo', 'docx', 'handlebars', 'diff', 'micromark']) hash.update(`${name}@${packageVersion(require, name)}\n`);
  for (const dir of [join(here, '..'), join(root, 'templates'), join(root, 'schemas')]) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
      if (entry.isFile() && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.map')) hash.update(join(entry.parentPath, entry.name).slice(root.length)).update(readFileSync(join(entry.parentPath, entry.name)));
    }
  }
  tool = hash.digest('hex');
  return tool;
}

function packageVersion(require: NodeRequire, name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
