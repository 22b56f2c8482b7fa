/**
 * What every command gets: output streams, the file system, the documents folder, and helpers
 * that turn REFs into documents with usage errors (exit 2) when they cannot.
 */
import type { VFile } from 'vfile';
import { collect, formatDiagnostic, hasErrors, report } from '../diagnostics/index.js';
import {
  findVersion,
  loadCorpus,
  parseRef,
  readDocumentFile,
  type Corpus,
  type Host,
  type VersionDocument,
} from '../corpus/index.js';
import type { ClauseDocument } from '../model/types.js';
import { isIsoDate } from '../model/sec.js';
import type { VersionJson } from '../render/json/rules.js';
import { corpusRules, QueryError } from '../rules/index.js';
import { intervalOf, type VersionInterval } from '../time/index.js';

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

  constructor(
    readonly io: Io,
    readonly documentsDir: string,
  ) {}

  corpus(): Corpus {
    if (!this.corpusCache) {
      if (!this.io.host.exists(this.documentsDir)) throw new UsageError(`documents folder not found: ${this.documentsDir}`);
      this.corpusCache = loadCorpus(this.documentsDir, this.io.host);
    }
    return this.corpusCache;
  }

  /** A REF (`AL@20.0`, `tmad@v20`) or a path to a Markdown file. */
  document(ref: string): ClauseDocument {
    if (isFilePath(ref)) {
      if (!this.io.host.exists(ref)) throw new UsageError(`file not found: ${ref}`);
      const { doc, file } = readDocumentFile(ref, this.io.host);
      if (!doc || hasErrors([file])) throw new ContentError([file]);
      this.printDiagnostics([file]);
      return doc;
    }
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

/* ---------- helpers the date and rule commands share (at, eval, history, rules) ---------- */

/** A DATE argument: a real YYYY-MM-DD date, or a usage error (exit 2). */
export function parseDate(value: string, what = 'DATE'): string {
  if (!isIsoDate(value)) throw new UsageError(`not a date: ${value} (expected ${what} as YYYY-MM-DD, e.g. 2022-06-10)`);
  return value;
}

/** Today's date where the user is; SECDOC_TODAY (YYYY-MM-DD) fixes it for scripts and tests. */
export function today(ctx: Context): string {
  const fixed = ctx.io.env.SECDOC_TODAY;
  if (fixed) return parseDate(fixed, 'SECDOC_TODAY');
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The corpus, with its rules compiled. Any error in the sources (front matter, rule blocks) stops
 * the command after printing it: an answer over a broken source would be wrong without saying so.
 */
export function loadRules(ctx: Context, options: { rules?: boolean } = {}): ReturnType<Context['corpus']> {
  const corpus = ctx.corpus();
  // `at` reads only dates, so a broken rule block does not stop it.
  const problems = options.rules === false ? [] : corpusRules(corpus).problems;
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  for (const p of problems) {
    const file = byPath.get(p.path);
    if (file && !file.messages.some((m) => m.ruleId === p.ruleId && m.line === p.place.line && m.reason === p.reason)) report(file, p.ruleId, p.reason, p.place);
  }
  const broken = corpus.files.filter((f) => f.messages.some((m) => m.fatal));
  if (broken.length > 0) throw new ContentError(broken);
  return corpus;
}

/** Run `fn`, turning questions the corpus cannot answer into usage errors. */
export function answering<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(error.message);
    throw error;
  }
}

export function versionLine(v: VersionJson): string {
  return `${v.document} ${v.version}`;
}

export function span(from: string | null, until: string | null): string {
  if (from === null) return 'no effective date yet (prospective)';
  return until === null ? `from ${from}` : `from ${from} until ${until}`;
}
