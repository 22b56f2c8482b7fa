/**
 * The corpus: every source under documents/, parsed, with the side files (facts, Section A
 * terms) and lookups by reference. File access goes through a Host so tests can supply files.
 */
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { report } from '../diagnostics/index.js';
import type { ClauseDocument, DirectionMeta, VersionMeta } from '../model/types.js';
import { compareVersions } from '../model/sec.js';
import { decodeSource, parseDocument } from '../parse/index.js';

export interface Host {
  /** Every file below `dir`, as paths joined onto `dir`, in any order. */
  listFiles(dir: string): string[];
  readFile(path: string): Uint8Array;
  exists(path: string): boolean;
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
}

export const FACTS_FILE = 'facts.yaml';
export const SECTION_A_FILE = 'sec-section-a-terms.yaml';

export function loadCorpus(root: string, host: Host): Corpus {
  const files: VFile[] = [];
  const versions: VersionDocument[] = [];
  const directions: DirectionDocument[] = [];
  const paths = host.listFiles(root).sort();
  for (const path of paths) {
    if (!isSourcePath(path)) continue;
    const { file, doc } = loadSource(path, host);
    files.push(file);
    if (doc?.meta.kind === 'version') versions.push(doc as VersionDocument);
    else if (doc?.meta.kind === 'direction') directions.push(doc as DirectionDocument);
  }
  orderDocuments(versions, directions);

  const { facts, factsFile } = readFacts(root, host, files);
  const sectionATerms = readTerms(root, host, files);
  return { root, files, versions, directions, facts, factsFile, sectionATerms };
}

/** A Markdown source the corpus reads (facts and terms are side files). */
export function isSourcePath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/** One source of the corpus, parsed: its file with the parser's diagnostics, and its document
 * when it is a version or a direction. */
export function loadSource(path: string, host: Host): { file: VFile; doc: VersionDocument | DirectionDocument | null } {
  const file = new VFile({ path });
  const text = decodeSource(host.readFile(path), file);
  if (text === null) return { file, doc: null };
  const doc = parseDocument(text, file, { requireFrontMatter: true });
  if (doc.meta.kind === 'version') return { file, doc: doc as VersionDocument };
  if (doc.meta.kind === 'direction') return { file, doc: doc as DirectionDocument };
  if (!file.messages.some((m) => m.fatal)) {
    report(file, 'front-matter-malformed', 'Unexpected front matter: expected `appendix` and `version` (a document version) or `kind: direction`', { line: 1, column: 1 });
  }
  return { file, doc: null };
}

/** Versions by appendix then version number; directions by date made then id. In place. */
export function orderDocuments(versions: VersionDocument[], directions: DirectionDocument[]): void {
  versions.sort((a, b) => a.meta.appendix.localeCompare(b.meta.appendix) || compareVersions(a.meta.version, b.meta.version));
  directions.sort((a, b) => a.meta.made.localeCompare(b.meta.made) || a.meta.id.localeCompare(b.meta.id));
}

function readFacts(root: string, host: Host, files: VFile[]): { facts: Record<string, FactDeclaration>; factsFile: VFile | null } {
  const path = `${root}/${FACTS_FILE}`;
  if (!host.exists(path)) return { facts: {}, factsFile: null };
  const file = new VFile({ path });
  files.push(file);
  const text = decodeSource(host.readFile(path), file);
  if (text === null) return { facts: {}, factsFile: file };
  try {
    const raw = (parseYaml(text) ?? {}) as Record<string, FactDeclaration>;
    const facts: Record<string, FactDeclaration> = {};
    for (const [name, decl] of Object.entries(raw)) {
      if (!decl || !['string', 'number', 'integer', 'boolean'].includes(decl.type)) {
        report(file, 'front-matter-malformed', `Unexpected declaration of fact \`${name}\`, expected a \`type\` of string, number, integer or boolean`, lineOf(text, `${name}:`));
        continue;
      }
      facts[name] = decl;
    }
    return { facts, factsFile: file };
  } catch (error) {
    report(file, 'front-matter-malformed', `Malformed YAML: ${(error as Error).message.split('\n')[0]}`, { line: 1, column: 1 });
    return { facts: {}, factsFile: file };
  }
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
  try {
    const list = parseYaml(text) as unknown;
    if (Array.isArray(list)) return new Set(list.map(String));
  } catch {
    // reported below
  }
  files.push(file);
  report(file, 'front-matter-malformed', 'Unexpected content, expected a YAML list of Section A terms', { line: 1, column: 1 });
  return new Set();
}

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
  const upper = name.toUpperCase();
  for (const v of corpus.versions) {
    if (v.meta.appendix.toUpperCase() === upper || v.meta.shortName?.toUpperCase() === upper) return v.meta.appendix;
  }
  return null;
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
export function readDocumentFile(path: string, host: Host): { doc: ClauseDocument | null; file: VFile } {
  const file = new VFile({ path });
  const text = decodeSource(host.readFile(path), file);
  if (text === null) return { doc: null, file };
  return { doc: parseDocument(text, file), file };
}
