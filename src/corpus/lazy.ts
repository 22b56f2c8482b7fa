/**
 * Loading a corpus without reading every tree. What the corpus-wide work needs of a source (its
 * front matter, where each field sits, the parse's diagnostics, the characters the glyph check
 * asks about) is kept in a summary under the hash of the file's bytes and the parser's
 * fingerprint. A source with a summary becomes a document whose clauses, sections and the rest
 * are read from the tree cache (or parsed) the first time anything touches them; a source
 * without one is parsed now, with the others that have none, and summarised.
 */
import { createHash } from 'node:crypto';
import type { DirectionMeta, DocumentMeta, Point, VersionMeta } from '../model/types.js';
import type { ClauseDocument } from '../model/types.js';
import type { CharacterPlaces } from '../parse/characters.js';
import { parserFingerprint, type ParsedSource, type ParseMessage, type TreeCache } from './cache.js';
import { parseSources, type Source } from './parallel.js';

/** What the corpus knows of a source without its tree. */
export interface SourceSummary {
  /** Null when the bytes are not a document (not text, or no front matter to read). */
  document: { id: string; meta: DocumentMeta; metaPositions: Record<string, Point> } | null;
  messages: ParseMessage[];
  unusualCharacters?: CharacterPlaces;
}

/** Where summaries are kept between runs (src/check/record.ts keeps them on disk). */
export interface SummaryStore {
  summary(key: string): SourceSummary | undefined;
  setSummary(key: string, summary: SourceSummary): void;
}

/** The fields of a document that come from its tree, in the order the parser sets them. */
const TREE_FIELDS = ['numbering', 'heading', 'preamble', 'sections', 'clauses', 'terms'] as const;

// Every field of a document but those a summary holds is a tree field: a field added to the
// model and missed here fails to compile (a lazy document would otherwise lack it).
type SummaryField = 'type' | 'id' | 'meta' | 'path' | 'metaPositions';
type Missing = Exclude<keyof ClauseDocument, SummaryField | (typeof TREE_FIELDS)[number]>;
const everyTreeField: [Missing] extends [never] ? true : Missing = true;
void everyTreeField;

const CORPUS_OPTIONS = { requireFrontMatter: true };

/** The summary key of a source: its path (a document's id defaults to the file name), bytes' hash and the parser. */
export function summaryKey(path: string, sha256: string): string {
  return createHash('sha256').update(parserFingerprint()).update('\0').update(path).update('\0').update(sha256).digest('hex');
}

/**
 * Parse corpus sources (as loadCorpus does), giving each summarised source a document whose tree
 * is read on first use. `hashes` are the SHA-256 of each source's bytes, by path.
 */
export function parseLazily(sources: readonly Source[], hashes: ReadonlyMap<string, string>, store: SummaryStore, cache: TreeCache | null): ParsedSource[] {
  const results: ParsedSource[] = new Array(sources.length);
  const misses: number[] = [];
  sources.forEach((source, i) => {
    const key = summaryKey(source.path, hashes.get(source.path)!);
    const known = store.summary(key);
    if (!known) return misses.push(i);
    const load = () => parseSources([source], CORPUS_OPTIONS, cache, { threads: 0 })[0]!.doc!;
    results[i] = {
      doc: known.document ? lazyDocument(source.path, known.document, load) : null,
      messages: known.messages,
      ...(known.unusualCharacters ? { unusualCharacters: known.unusualCharacters } : {}),
    };
  });
  const parsed = parseSources(misses.map((i) => sources[i]!), CORPUS_OPTIONS, cache);
  misses.forEach((i, n) => {
    const result = parsed[n]!;
    results[i] = result;
    const { doc } = result;
    // Only a version or a direction is worth a summary; anything else is reported on every load.
    if (doc && (doc.meta.kind === 'version' || doc.meta.kind === 'direction')) {
      store.setSummary(summaryKey(sources[i]!.path, hashes.get(sources[i]!.path)!), {
        document: { id: doc.id, meta: doc.meta as VersionMeta | DirectionMeta, metaPositions: doc.metaPositions },
        messages: result.messages,
        ...(result.unusualCharacters ? { unusualCharacters: result.unusualCharacters } : {}),
      });
    }
  });
  return results;
}

/** A document whose tree fields are read by `load` the first time one of them is touched. */
function lazyDocument(path: string, head: NonNullable<SourceSummary['document']>, load: () => ClauseDocument): ClauseDocument {
  const doc = { type: 'document', id: head.id, meta: head.meta, path, metaPositions: head.metaPositions } as ClauseDocument;
  const fill = () => {
    const full = load();
    for (const field of TREE_FIELDS) Object.defineProperty(doc, field, { value: full[field], writable: true, enumerable: true, configurable: true });
  };
  for (const field of TREE_FIELDS) {
    Object.defineProperty(doc, field, {
      enumerable: true,
      configurable: true,
      get() {
        fill();
        return doc[field];
      },
      set(value) {
        fill();
        (doc as unknown as Record<string, unknown>)[field] = value;
      },
    });
  }
  return doc;
}
