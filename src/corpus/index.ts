/**
 * The corpus: every source under documents/, parsed, with the side files (facts, Section A
 * terms) and lookups by reference. File access goes through a Host so tests can supply files.
 */
import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { ClauseDocument, DirectionMeta, VersionMeta } from '../model/types.js';
import { compareVersions } from '../model/sec.js';
import { fileOf, type TreeCache } from './cache.js';
import type { DerivedStore } from './derived.js';
import type { FileStat, SourceStatStore } from './source-stats.js';
import { parseLazily, type SummaryStore } from './lazy.js';
import { parseSources } from './parallel.js';
import { yamlReader } from './parser.js';
import { decodeSource } from '../parse/decode.js';

export interface Host {
  /** Every file below `dir`, as paths joined onto `dir`, in any order. */
  listFiles(dir: string): string[];
  readFile(path: string): Uint8Array;
  exists(path: string): boolean;
  /** A file's stat, when the host has one: with a record of sources' hashes, an unchanged source is not read. */
  stat?(path: string): FileStat | null;
}

export type VersionDocument = ClauseDocument & { meta: VersionMeta };
export type DirectionDocument = ClauseDocument & { meta: DirectionMeta };

export interface FactDeclaration {
  type: 'string' | 'number' | 'integer' | 'boolean';
  enum?: Array<string | number>;
  description?: string;
}

export interface Corpus {
  root: string;
  /** One per source file, carrying its diagnostics. */
  files: VFile[];
  versions: VersionDocument[];
  directions: DirectionDocument[];
  facts: Record<string, FactDeclaration>;
  factsFile: VFile | null;
  sectionATerms: Set<string>;
  /** The SHA-256 of every file read (sources and side files), by path: what an incremental build compares. */
  sourceHashes?: ReadonlyMap<string, string>;
  /** Facts later stages derive from one source's text, kept between runs (./derived.ts). */
  derived?: DerivedStore | null;
}

export const FACTS_FILE = 'facts.yaml';
export const SECTION_A_FILE = 'sec-section-a-terms.yaml';

export interface LoadOptions {
  /** Parsed trees kept between runs (./cache.ts); none by default. */
  cache?: TreeCache | null;
  /** Summaries of sources kept between runs: a summarised source's tree is read only when used (./lazy.ts). */
  summaries?: SummaryStore | null;
  /** Digest each loose file's document for comparison, keeping the digest in the cache (./parallel.ts `ParseRun`). */
  digests?: boolean;
  /** Facts derived from sources' text in earlier runs (./derived.ts); none by default. */
  derived?: DerivedStore | null;
  /** The hashes of sources by their stat (./source-stats.ts): a source whose stat is as recorded is read only when parsed. */
  sourceStats?: SourceStatStore | null;
}

export function loadCorpus(root: string, host: Host, options: LoadOptions = {}): Corpus {
  const files: VFile[] = [];
  const versions: VersionDocument[] = [];
  const directions: DirectionDocument[] = [];
  const paths = host.listFiles(root).sort().filter(isSourcePath);
  const sourceHashes = new Map<string, string>();
  const sources = paths.map((path) => {
    // Stat before reading, as git does: a change after the stat makes the next stat differ.
    const stat = options.sourceStats ? (host.stat?.(path) ?? null) : null;
    const known = stat ? options.sourceStats!.known(path, stat) : undefined;
    if (known !== undefined) {
      sourceHashes.set(path, known);
      return unreadSource(path, host);
    }
    const bytes = host.readFile(path);
    const sha = sha256(bytes);
    sourceHashes.set(path, sha);
    if (stat) options.sourceStats!.remember(path, stat, sha);
    return { path, bytes };
  });
  for (const side of [FACTS_FILE, SECTION_A_FILE].map((name) => `${root}/${name}`)) if (host.exists(side)) sourceHashes.set(side, sha256(host.readFile(side)));
  const parsed = options.summaries
    ? parseLazily(sources, sourceHashes, options.summaries, options.cache ?? null)
    : parseSources(sources, { requireFrontMatter: true }, options.cache ?? null);
  paths.forEach((path, i) => {
    const { file, doc } = sourceOf(path, parsed[i]!);
    files.push(file);
    if (doc?.meta.kind === 'version') versions.push(doc as VersionDocument);
    else if (doc?.meta.kind === 'direction') directions.push(doc as DirectionDocument);
  });
  orderDocuments(versions, directions);

  const { facts, factsFile } = readFacts(root, host, files);
  const sectionATerms = readTerms(root, host, files);
  return { root, files, versions, directions, facts, factsFile, sectionATerms, sourceHashes, ...(options.derived ? { derived: options.derived } : {}) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A source known by its recorded hash: its bytes are read the first time they are asked for (to parse it). */
function unreadSource(path: string, host: Host): { path: string; bytes: Uint8Array } {
  let bytes: Uint8Array | undefined;
  return {
    path,
    get bytes() {
      return (bytes ??= host.readFile(path));
    },
  };
}

/** A Markdown source the corpus reads (facts and terms are side files). */
export function isSourcePath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/** One source of the corpus, parsed (through the tree cache when given): its file with the
 * parser's diagnostics, and its document when it is a version or a direction. */
export function loadSource(path: string, host: Host, cache: TreeCache | null = null): { file: VFile; doc: VersionDocument | DirectionDocument | null } {
  return sourceOf(path, parseSources([{ path, bytes: host.readFile(path) }], { requireFrontMatter: true }, cache)[0]!);
}

function sourceOf(path: string, { doc, messages, unusualCharacters }: ReturnType<typeof parseSources>[number]): { file: VFile; doc: VersionDocument | DirectionDocument | null } {
  const file = fileOf(path, messages, unusualCharacters);
  if (!doc) return { file, doc: null };
  if (doc.meta.kind === 'version') return { file, doc: doc as VersionDocument };
  if (doc.meta.kind === 'direction') return { file, doc: doc as DirectionDocument };
  if (!file.messages.some((m) => m.fatal)) {
    report(file, 'front-matter-malformed', 'Unexpected front matter: expected `appendix` and `version` (a document version) or `kind: direction`', { line: 1, column: 1 });
  }
  return { file, doc: null };
}

/** Versions by appendix then version number; directions by date made then id. In place, and in
 * code-unit order, not the locale's (LANG=da_DK sorts AA after Z): the same order on every machine. */
export function orderDocuments(versions: VersionDocument[], directions: DirectionDocument[]): void {
  versions.sort((a, b) => byCodeUnits(a.meta.appendix, b.meta.appendix) || compareVersions(a.meta.version, b.meta.version));
  directions.sort((a, b) => byCodeUnits(a.meta.made ?? '', b.meta.made ?? '') || byCodeUnits(a.meta.id, b.meta.id));
}

function readFacts(root: string, host: Host, files: VFile[]): { facts: Record<string, FactDeclaration>; factsFile: VFile | null } {
  const path = `${root}/${FACTS_FILE}`;
  if (!host.exists(path)) return { facts: {}, factsFile: null };
  const file = new VFile({ path });
  files.push(file);
  const text = decodeSource(host.readFile(path), file);
  if (text === null) return { facts: {}, factsFile: file };
  const yaml = yamlReader().readYaml(text, { line: 1, column: 1 });
  for (const problem of yaml.problems) report(file, 'front-matter-malformed', `Malformed YAML: ${problem.message}`, problem.place);
  if (yaml.problems.length > 0) return { facts: {}, factsFile: file };
  const raw = yaml.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    report(file, 'front-matter-malformed', 'Unexpected content, expected a YAML mapping of fact names to declarations', { line: 1, column: 1 });
    return { facts: {}, factsFile: file };
  }
  const facts: Record<string, FactDeclaration> = {};
  for (const [name, decl] of Object.entries(raw as Record<string, FactDeclaration | null>)) {
    if (!decl || !['string', 'number', 'integer', 'boolean'].includes(decl.type)) {
      report(file, 'front-matter-malformed', `Unexpected declaration of fact \`${name}\`, expected a \`type\` of string, number, integer or boolean`, lineOf(text, `${name}:`));
      continue;
    }
    facts[name] = decl;
  }
  return { facts, factsFile: file };
}

function readTerms(root: string, host: Host, files: VFile[]): Set<string> {
  const path = `${root}/${SECTION_A_FILE}`;
  if (!host.exists(path)) return new Set();
  const file = new VFile({ path });
  const text = decodeSource(host.readFile(path), file);
  if (text === null) {
    files.push(file);
    return new Set();
  }
  const yaml = yamlReader().readYaml(text, { line: 1, column: 1 });
  if (yaml.problems.length === 0 && Array.isArray(yaml.value)) return new Set(yaml.value.map(String));
  files.push(file);
  report(file, 'front-matter-malformed', 'Unexpected content, expected a YAML list of Section A terms', { line: 1, column: 1 });
  return new Set();
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lineOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) return { line: 1, column: 1 };
  return { line: text.slice(0, index).split('\n').length, column: 1 };
}

/* ---------- references ---------- */

export interface DocumentRef {
  /** Appendix letter or short name, as typed. */
  document: string;
  /** MAJOR.MINOR. */
  version: string;
}

/** `AL@20.0`, `TMAD@20.0`, `tmad@v20` -> { document, version }; null when it is not a REF. */
export function parseRef(ref: string): DocumentRef | null {
  const m = /^([A-Za-z][\w-]*)@v?(\d+)(?:\.(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  return { document: m[1]!, version: `${Number(m[2])}.${m[3] === undefined ? 0 : Number(m[3])}` };
}

/** The appendix letter a name stands for: the letter itself or a short name, any case. */
export function appendixOf(corpus: Corpus, name: string): string | null {
  return namesOf(corpus).get(name.toUpperCase()) ?? null;
}

/** Each version's letter and short name, upper-cased, to its letter (the first version naming it wins). */
const names = new WeakMap<readonly VersionDocument[], { count: number; map: Map<string, string> }>();

function namesOf(corpus: Corpus): Map<string, string> {
  const known = names.get(corpus.versions);
  // Keyed by the versions list; a list that grew or shrank since is read again.
  if (known && known.count === corpus.versions.length) return known.map;
  const map = new Map<string, string>();
  for (const v of corpus.versions) {
    for (const n of [v.meta.appendix, v.meta.shortName]) if (n != null && !map.has(n.toUpperCase())) map.set(n.toUpperCase(), v.meta.appendix);
  }
  names.set(corpus.versions, { count: corpus.versions.length, map });
  return map;
}

export function findVersion(corpus: Corpus, document: string, version: string): VersionDocument | null {
  const appendix = appendixOf(corpus, document);
  if (!appendix) return null;
  return corpus.versions.find((v) => v.meta.appendix === appendix && v.meta.version === version) ?? null;
}

/** All versions of one appendix, oldest first. */
export function versionsOf(corpus: Corpus, appendix: string): VersionDocument[] {
  return corpus.versions.filter((v) => v.meta.appendix === appendix);
}

export function findDirection(corpus: Corpus, id: string): DirectionDocument | null {
  return corpus.directions.find((d) => d.meta.id === id) ?? null;
}

/** A short human label for a document version: `AL v20.0 (TMAD)`. */
export function versionLabel(meta: VersionMeta): string {
  return `${meta.appendix} v${meta.version}${meta.shortName ? ` (${meta.shortName})` : ''}`;
}

/** Read and parse one loose Markdown file (front matter optional). */
export function readDocumentFile(path: string, host: Host, options: LoadOptions = {}): { doc: ClauseDocument | null; file: VFile } {
  return readDocumentFiles([path], host, options)[0]!;
}

/** Read and parse loose Markdown files (front matter optional), in parallel when it pays. */
export function readDocumentFiles(paths: readonly string[], host: Host, options: LoadOptions = {}): Array<{ doc: ClauseDocument | null; file: VFile }> {
  const parsed = parseSources(paths.map((path) => ({ path, bytes: host.readFile(path) })), {}, options.cache ?? null, { digests: Boolean(options.digests) });
  return parsed.map(({ doc, messages, unusualCharacters }, i) => ({ doc, file: fileOf(paths[i]!, messages, unusualCharacters) }));
}
