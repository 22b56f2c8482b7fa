/**
 * What every command gets: output streams, the file system, the documents folder, and helpers
 * that turn REFs into documents with usage errors (exit 2) when they cannot.
 */
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { ContentError, UsageError } from './exit.js';
import { writeJson } from './output.js';
import { collect, formatDiagnostic, hasErrors } from '../diagnostics/index.js';
import {
  appendixOf,
  findVersion,
  loadCorpus,
  parseRef,
  readDocumentFiles,
  type Corpus,
  type Host,
  type VersionDocument,
} from '../corpus/index.js';
import type { ClauseDocument } from '../model/types.js';
import { isIsoDate } from '../model/sec.js';
import { intervalOf, versionsInForce, type VersionInterval } from '../time/index.js';

/** Where a project keeps its secdoc settings, under the `secdoc` key. */
const PACKAGE_JSON = 'package.json';
import { cacheDir, cacheDisabled, DiskTreeCache, type TreeCache } from '../corpus/cache.js';
import { checksFingerprint, DiskCheckRecord } from '../check/record.js';
import { DiskDerivedRecord } from '../corpus/derived.js';
import { DiskSourceStats } from '../corpus/source-stats.js';
import { OutputCache, outputKey, type OutputWriter } from './output-cache.js';

/** A REF names a version (`AL@20.0`); anything that looks like a path is a file. */
function isFilePath(ref: string): boolean {
  return /\.(md|markdown)$/i.test(ref) || ref.includes('/');
}

export interface Io {
  /** Text, or bytes already encoded as UTF-8 (an output printed again from the cache). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (progress lines, colour). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  host: Host;
}

export { EXIT, UsageError, ContentError } from './exit.js';

/** A DATE argument: a real YYYY-MM-DD date, or a usage error (exit 2). */
export function parseDate(value: string, what = 'DATE'): string {
  if (!isIsoDate(value)) throw new UsageError(`not a date: ${value} (expected ${what} as YYYY-MM-DD, e.g. 2022-06-10)`);
  return value;
}

/** A command's output from an earlier run with the same inputs (or null), and how to store this run's. */
export interface StoredOutput {
  output: Buffer | null;
  writer(): OutputWriter | null;
}

export class Context {
  private corpusCache: Corpus | null = null;
  /** Parsed trees kept between runs; null with `--no-cache` or `SECDOC_CACHE=0`. */
  readonly treeCache: TreeCache | null;
  /** The cache folder (trees, records of builds); null when the cache is off. */
  readonly cacheDir: string | null;
  /** What the last check of the documents found, by the inputs of each check (../check/record.ts);
   * null when the cache is off. A command that checks passes it to checkCorpus, then saves it. */
  readonly checkRecord: DiskCheckRecord | null;
  /** Facts derived from each source's text (a version's expiry), named by secdoc's code; read with
   * the corpus, null when the cache is off. A command that derives them saves it (`saveDerived`). */
  private derivedRecord: DiskDerivedRecord | null = null;
  /** The hashes of the sources by their stat, so an unchanged source is not read (../corpus/source-stats.ts). */
  private sourceStats: DiskSourceStats | null = null;
  /** What commands printed for the same inputs before (./output-cache.ts); null when the cache is off. */
  private readonly outputs: OutputCache | null;
  /** How many diagnostics this run printed: an output that came with some is not stored. */
  private diagnosticsPrinted = 0;
  /** The bytes `storedOutput` keyed an output by, by path: the documents are read from these, so a
   * file changed meanwhile never has another version's output stored under its key. */
  private readonly keyedBytes = new Map<string, Uint8Array>();

  constructor(
    readonly io: Io,
    readonly documentsDir: string,
    useCache = true,
  ) {
    this.cacheDir = useCache && !cacheDisabled(io.env) ? cacheDir(io.env, process.cwd()) : null;
    this.treeCache = this.cacheDir ? new DiskTreeCache(join(this.cacheDir, 'trees'), join(this.cacheDir, 'chunks')) : null;
    this.checkRecord = this.cacheDir ? new DiskCheckRecord(this.cacheDir, documentsDir) : null;
    this.outputs = this.cacheDir ? new OutputCache(join(this.cacheDir, 'outputs')) : null;
  }

  /**
   * The output `command` printed before with these flags for the files `refs` name, and a writer
   * to store this run's. Null when the cache is off or a REF is not a file (a version's output
   * depends on the whole documents folder) or cannot be read (the command reports that itself).
   * `writer` gives null once this run has printed a diagnostic: a stored output is replayed alone.
   */
  storedOutput(command: string, refs: readonly string[], flags: Readonly<Record<string, unknown>>): StoredOutput | null {
    const outputs = this.outputs;
    if (!outputs || !refs.every(isFilePath)) return null;
    let key: string;
    try {
      const inputs = refs.map((path) => ({ path, bytes: this.io.host.readFile(path) }));
      key = outputKey(command, flags, inputs);
      for (const { path, bytes } of inputs) this.keyedBytes.set(path, bytes);
    } catch {
      return null;
    }
    return { output: outputs.get(key), writer: () => (this.diagnosticsPrinted > 0 ? null : outputs.writer(key)) };
  }

  corpus(): Corpus {
    if (!this.corpusCache) {
      if (!this.io.host.exists(this.documentsDir)) throw new UsageError(`documents folder not found: ${this.documentsDir}`);
      this.derivedRecord = this.cacheDir ? new DiskDerivedRecord(this.cacheDir, this.documentsDir, checksFingerprint()) : null;
      this.sourceStats = this.cacheDir ? new DiskSourceStats(this.cacheDir, this.documentsDir) : null;
      this.corpusCache = loadCorpus(this.documentsDir, this.io.host, { cache: this.treeCache, summaries: this.checkRecord, derived: this.derivedRecord, sourceStats: this.sourceStats });
    }
    return this.corpusCache;
  }

  /** Keep the sources' hashes and what this run derived from their text for the next run (after the corpus was read). */
  saveRecords(): void {
    if (!this.corpusCache) return;
    this.derivedRecord?.save(this.corpusCache);
    this.sourceStats?.save(this.corpusCache.sourceHashes?.keys() ?? []);
  }

  /** A REF (`AL@20.0`, `tmad@v20`) or a path to a Markdown file. */
  document(ref: string): ClauseDocument {
    return this.documents([ref])[0]!;
  }

  /**
   * Several REFs or paths; the files among them are parsed together (in parallel when it pays).
   * `compare`: they are about to be compared, so their digests are read from the cache (or made
   * and kept there) with the trees.
   */
  documents(refs: readonly string[], { compare = false } = {}): ClauseDocument[] {
    const paths = refs.filter(isFilePath);
    for (const path of paths) if (!this.io.host.exists(path)) throw new UsageError(`file not found: ${path}`);
    const host = this.keyedBytes.size === 0 ? this.io.host : { ...this.io.host, readFile: (path: string) => this.keyedBytes.get(path) ?? this.io.host.readFile(path) };
    const read = readDocumentFiles(paths, host, { cache: this.treeCache, digests: compare });
    const docs = refs.map((ref) => (isFilePath(ref) ? this.fileDocument(read[paths.indexOf(ref)]!) : this.versionDocument(ref)));
    return docs;
  }

  private fileDocument({ doc, file }: { doc: ClauseDocument | null; file: VFile }): ClauseDocument {
    if (!doc || hasErrors([file])) throw new ContentError([file]);
    this.printDiagnostics([file]);
    return doc;
  }

  private versionDocument(ref: string): ClauseDocument {
    const parsed = parseRef(ref);
    if (!parsed) throw new UsageError(`not a document reference: ${ref} (expected DOC@VERSION such as AL@20.0 or TMAD@v20, or a .md path)`);
    const corpus = this.corpus();
    const doc = findVersion(corpus, parsed.document, parsed.version);
    if (!doc) {
      const known = corpus.versions.map((v) => `${v.meta.appendix}@${v.meta.version}`).join(', ');
      throw new UsageError(`no document ${ref} in ${this.documentsDir} (known: ${known || 'none'})`);
    }
    const file = corpus.files.find((f) => f.path === doc.path);
    if (file && hasErrors([file])) throw new ContentError([file]);
    return doc;
  }

  /** Today's date where the user is: the only clock secdoc reads. SECDOC_TODAY (YYYY-MM-DD)
   * fixes it for scripts and tests. */
  today(): string {
    const fixed = this.io.env.SECDOC_TODAY;
    if (fixed) return parseDate(fixed, 'SECDOC_TODAY');
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }

  /** The version of a document (`AL`, `tmad`) in force on `date`. */
  inForce(name: string, date: string): VersionDocument {
    const corpus = this.corpus();
    const appendix = appendixOf(corpus, name);
    if (!appendix) throw new UsageError(`no document ${name} in ${this.documentsDir} (known: ${[...new Set(corpus.versions.map((v) => v.meta.appendix))].join(', ') || 'none'})`);
    const found = versionsInForce(corpus, date).find((v) => v.appendix === appendix);
    if (!found) {
      const held = corpus.versions.filter((v) => v.meta.appendix === appendix).map((v) => `${appendix}@${v.meta.version}`);
      throw new UsageError(`${name}: no version in force on ${date}; name one: ${held.join(', ')}`);
    }
    const file = corpus.files.find((f) => f.path === found.document.path);
    if (file && hasErrors([file])) throw new ContentError([file]);
    return found.document;
  }

  /** Whether to colour terminal output, as Node decides for its own (util.styleText):
   * FORCE_COLOR turns colour on (unless 0 or false), NO_COLOR off (https://no-color.org),
   * otherwise a terminal gets colour. */
  color(): boolean {
    const force = this.io.env.FORCE_COLOR;
    if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
    if (this.io.env.NO_COLOR) return false;
    return this.io.isTTY && this.io.env.TERM !== 'dumb';
  }

  /**
   * The author of Word tracked changes: `--author`, else `"secdoc": { "author": ... }` in the
   * package.json of the working folder (where npm projects keep tool settings, as `eslintConfig`
   * and `browserslist` are), else undefined for the renderer's default.
   */
  author(flag: string | undefined): string | undefined {
    if (flag !== undefined) {
      if (flag.trim() === '') throw new UsageError('--author needs a name');
      return flag;
    }
    const author = this.settings().author;
    if (author !== undefined && (typeof author !== 'string' || author.trim() === '')) throw new UsageError(`${PACKAGE_JSON}: "secdoc.author" must be a name (a non-empty string)`);
    return author;
  }

  /** The `secdoc` key of ./package.json; {} when there is no such file or key. */
  private settings(): Record<string, unknown> {
    if (!this.io.host.exists(PACKAGE_JSON)) return {};
    let pkg: unknown;
    try {
      pkg = JSON.parse(new TextDecoder().decode(this.io.host.readFile(PACKAGE_JSON)));
    } catch (error) {
      throw new UsageError(`${PACKAGE_JSON}: not valid JSON (${(error as Error).message})`);
    }
    const settings = (pkg as { secdoc?: unknown } | null)?.secdoc;
    if (settings === undefined) return {};
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new UsageError(`${PACKAGE_JSON}: "secdoc" must be an object, such as { "author": "Policy Team" }`);
    return settings as Record<string, unknown>;
  }

  /** The designation and dates of `doc`, the version REF names; null for a file. */
  interval(ref: string, doc: ClauseDocument): VersionInterval | null {
    return isFilePath(ref) || doc.meta.kind !== 'version' ? null : intervalOf(this.corpus(), doc as VersionDocument);
  }

  printDiagnostics(files: readonly VFile[]): void {
    for (const d of collect(files)) {
      this.io.stderr(formatDiagnostic(d) + '\n');
      this.diagnosticsPrinted++;
    }
  }

  json(value: unknown): void {
    writeJson(value, this.io.stdout);
  }
}
