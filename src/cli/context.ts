/**
 * What every command gets: output streams, the file system, the documents folder, and helpers
 * that turn REFs into documents with usage errors (exit 2) when they cannot.
 */
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { collect, formatDiagnostic, hasErrors } from '../diagnostics/index.js';
import {
  findVersion,
  loadCorpus,
  parseRef,
  readDocumentFiles,
  type Corpus,
  type Host,
  type VersionDocument,
} from '../corpus/index.js';
import type { ClauseDocument } from '../model/types.js';
import { intervalOf, type VersionInterval } from '../time/index.js';
import { cacheDir, cacheDisabled, DiskTreeCache, type TreeCache } from '../corpus/cache.js';

/** A REF names a version (`AL@20.0`); anything that looks like a path is a file. */
function isFilePath(ref: string): boolean {
  return /\.(md|markdown)$/i.test(ref) || ref.includes('/');
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (progress lines, colour). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  host: Host;
}

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** A problem with how the command was called: bad REF, missing file, unknown command. */
export class UsageError extends Error {}

/** Content errors stop the command after their diagnostics are printed. */
export class ContentError extends Error {
  constructor(readonly files: readonly VFile[]) {
    super('content errors');
  }
}

export class Context {
  private corpusCache: Corpus | null = null;
  /** Parsed trees kept between runs; null with `--no-cache` or `SECDOC_CACHE=0`. */
  readonly treeCache: TreeCache | null;
  /** The cache folder (trees, records of builds); null when the cache is off. */
  readonly cacheDir: string | null;

  constructor(
    readonly io: Io,
    readonly documentsDir: string,
    useCache = true,
  ) {
    this.cacheDir = useCache && !cacheDisabled(io.env) ? cacheDir(io.env, process.cwd()) : null;
    this.treeCache = this.cacheDir ? new DiskTreeCache(join(this.cacheDir, 'trees')) : null;
  }

  corpus(): Corpus {
    if (!this.corpusCache) {
      if (!this.io.host.exists(this.documentsDir)) throw new UsageError(`documents folder not found: ${this.documentsDir}`);
      this.corpusCache = loadCorpus(this.documentsDir, this.io.host, { cache: this.treeCache });
    }
    return this.corpusCache;
  }

  /** A REF (`AL@20.0`, `tmad@v20`) or a path to a Markdown file. */
  document(ref: string): ClauseDocument {
    return this.documents([ref])[0]!;
  }

  /** Several REFs or paths; the files among them are parsed together (in parallel when it pays). */
  documents(refs: readonly string[]): ClauseDocument[] {
    const paths = refs.filter(isFilePath);
    for (const path of paths) if (!this.io.host.exists(path)) throw new UsageError(`file not found: ${path}`);
    const read = readDocumentFiles(paths, this.io.host, { cache: this.treeCache });
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

  /** The designation and dates of `doc`, the version REF names; null for a file. */
  interval(ref: string, doc: ClauseDocument): VersionInterval | null {
    return isFilePath(ref) || doc.meta.kind !== 'version' ? null : intervalOf(this.corpus(), doc as VersionDocument);
  }

  printDiagnostics(files: readonly VFile[]): void {
    for (const d of collect(files)) this.io.stderr(formatDiagnostic(d) + '\n');
  }

  json(value: unknown): void {
    this.io.stdout(JSON.stringify(value, null, 2) + '\n');
  }
}
