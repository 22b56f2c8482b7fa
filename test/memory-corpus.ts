/** Small corpora held in memory for the checks' unit tests: documents written in the test, no disk. */
import { loadCorpus, type Corpus, type Host } from '../src/corpus/index.js';
import type { ClauseDocument } from '../src/model/types.js';
import type { VFile } from 'vfile';

export const ROOT = '/docs';

/** A corpus of `files` (paths relative to the documents folder) and each document's file. */
export function memoryCorpus(files: Record<string, string>): { corpus: Corpus; fileOf: (doc: ClauseDocument) => VFile } {
  const host: Host = {
    listFiles: (dir) => Object.keys(files).map((name) => `${ROOT}/${name}`).filter((p) => p.startsWith(`${dir}/`)),
    readFile: (path) => new TextEncoder().encode(files[path.slice(ROOT.length + 1)]!),
    exists: (path) => path.slice(ROOT.length + 1) in files,
  };
  const corpus = loadCorpus(ROOT, host);
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  return { corpus, fileOf: (doc) => byPath.get(doc.path)! };
}

/** The messages each file got since `since` (file -> count) as [file, rule, line:column, reason]. */
export function messagesSince(corpus: Corpus, since: Map<VFile, number> = new Map()): Array<[string, string, string, string]> {
  return corpus.files.flatMap((f) =>
    f.messages.slice(since.get(f) ?? 0).map((m): [string, string, string, string] => [f.path.slice(ROOT.length + 1), m.ruleId!, `${m.line}:${m.column}`, m.reason]),
  );
}

export function counts(corpus: Corpus): Map<VFile, number> {
  return new Map(corpus.files.map((f) => [f, f.messages.length]));
}

/** A version's source: front matter, then `body`. */
export function version(appendix: string, number: string, direction: string, body: string, replaces: string | null = null): string {
  return `---\nappendix: ${appendix}\nshort_name: ${appendix}AD\ntitle: ${appendix} document\nversion: "${number}"\n${replaces ? `replaces: "${replaces}"\n` : ''}designated_by: ${direction}\n---\n\n${body}`;
}

/** A direction's source designating `designates` (`{ document: AA, version: "1.0" }` each). */
export function direction(id: string, made: string, effective: string, designates: string[], body = '## 1 Direction\n\n1.1 Directed.\n'): string {
  return `---\nkind: direction\nid: ${id}\ntitle: ${id}\nmade: ${made}\neffective: ${effective}\ndesignates:\n${designates.map((d) => `  - ${d}\n`).join('')}---\n\n${body}`;
}
