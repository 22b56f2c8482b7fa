/**
 * What comparing a document with another reads of each clause, computed from the parsed tree on
 * first use and cached per document (as `rules/compile.ts` caches a corpus's rules): content
 * fingerprints, sizes, text lengths and word hashes. The clause tree itself carries none of it,
 * so it stays plain data that serialises as it is; a document compared many times (an editor's
 * open file, a version in a build) is digested once.
 */
import type { Block, Clause, ClauseDocument } from './types.js';
import { ownContentFingerprint, subtreeFingerprint } from './equal.js';
import { blockText, clauseText, clauseTextLength } from './text.js';
import { NO_WORDS, wordHashes } from './words.js';

export interface ClauseDigest {
  /** `ownContentFingerprint`: the same for the same heading and own content. */
  readonly fingerprint: number;
  /** `subtreeFingerprint`: the same for the same clause all the way down. */
  readonly treeFingerprint: number;
  /** `clauseText(clause).length`. */
  readonly textLength: number;
  /** How many clauses its subtree holds, itself included. */
  readonly size: number;
  /** How many of them have an author key. */
  readonly keyed: number;
  /** How many tables its subtree holds, its own included: the redline compares none below a part without. */
  readonly tables: number;
  /**
   * How much text its sub-clauses hold, all the way down: for each, the length of its heading
   * and text joined by one character (0 with neither). The redline weighs large parts by it.
   */
  readonly textBelow: number;
  /** The hashes of the words of its heading and own text (`wordHashes`), as the redline's `sig` joins them. */
  readonly words: Int32Array;
}

export interface DocumentDigest {
  /** Every clause's digest. */
  readonly clauses: ReadonlyMap<Clause, ClauseDigest>;
  /** How many clauses the document holds, all the way down. */
  readonly clauseCount: number;
  /** The `headedTextLength` of every clause, added up. */
  readonly textLength: number;
}

const digests = new WeakMap<ClauseDocument, DocumentDigest>();

/** The digest of a parsed document, made on the first call for it. */
export function digestOf(doc: ClauseDocument): DocumentDigest {
  let d = digests.get(doc);
  if (!d) digests.set(doc, (d = digest(doc.clauses)));
  return d;
}

const blockWords = new WeakMap<Block, Int32Array>();

/**
 * The hashes of the words of one block's text (`wordHashes(blockText(block))`), made on the first
 * call for it: like a clause's `words`, a block compared again in another diff is hashed once.
 */
export function blockWordsOf(block: Block): Int32Array {
  let w = blockWords.get(block);
  if (!w) blockWords.set(block, (w = wordHashes(blockText(block))));
  return w;
}

/**
 * A document's digest as a few typed arrays, for the tree cache to keep beside the tree: a warm
 * diff then reads it instead of hashing every clause's text again. Clauses are in the order
 * `digest` visits them (sub-clauses first), which `adoptDigest` walks again.
 */
export interface PackedDigest {
  /** Per clause, `PACKED_FIELDS` numbers: fingerprint, treeFingerprint, textLength, size, keyed, tables, textBelow. */
  readonly numbers: Float64Array;
  /** Every clause's `words`, one after another. */
  readonly words: Int32Array;
  /** Where each clause's words end in `words`. */
  readonly wordEnds: Int32Array;
  /**
   * Each clause's first and last line: a digest stored with another tree of the same shape
   * (another version of the document) is told apart without reading any text.
   */
  readonly lines: Int32Array;
  readonly clauseCount: number;
  readonly textLength: number;
}

const PACKED_FIELDS = 7;

/** The digest of `doc` (made now if it was not), packed. */
export function packDigest(doc: ClauseDocument): PackedDigest {
  const d = digestOf(doc);
  const numbers = new Float64Array(d.clauses.size * PACKED_FIELDS);
  const wordEnds = new Int32Array(d.clauses.size);
  const lines = new Int32Array(d.clauses.size * 2);
  let wordCount = 0;
  for (const c of d.clauses.values()) wordCount += c.words.length;
  const words = new Int32Array(wordCount);
  let i = 0;
  let end = 0;
  for (const [clause, c] of d.clauses) {
    numbers.set([c.fingerprint, c.treeFingerprint, c.textLength, c.size, c.keyed, c.tables, c.textBelow], i * PACKED_FIELDS);
    words.set(c.words, end);
    lines.set([clause.position.start.line, clause.position.end.line], 2 * i);
    wordEnds[i++] = end += c.words.length;
  }
  return { numbers, words, wordEnds, lines, clauseCount: d.clauseCount, textLength: d.textLength };
}

/**
 * Take `packed` as the digest of `doc`, for which it was made (the tree cache keeps them under
 * one key). False, and nothing taken, when its shape does not fit the document's clauses.
 */
export function adoptDigest(doc: ClauseDocument, packed: PackedDigest): boolean {
  const { numbers, words, wordEnds, lines } = packed;
  if (!(numbers instanceof Float64Array) || !(words instanceof Int32Array) || !(wordEnds instanceof Int32Array) || !(lines instanceof Int32Array)) return false;
  const count = wordEnds.length;
  if (count !== packed.clauseCount || numbers.length !== count * PACKED_FIELDS || lines.length !== 2 * count || (count > 0 && wordEnds[count - 1] !== words.length)) return false;
  const clauses = new Map<Clause, ClauseDigest>();
  let i = 0;
  let start = 0;
  const visit = (c: Clause): boolean => {
    for (const child of c.children) if (!visit(child)) return false;
    if (i >= count || lines[2 * i] !== c.position.start.line || lines[2 * i + 1] !== c.position.end.line) return false;
    const at = i * PACKED_FIELDS;
    const end = wordEnds[i++]!;
    if (end < start || end > words.length) return false;
    clauses.set(c, {
      fingerprint: numbers[at]!,
      treeFingerprint: numbers[at + 1]!,
      textLength: numbers[at + 2]!,
      size: numbers[at + 3]!,
      keyed: numbers[at + 4]!,
      tables: numbers[at + 5]!,
      textBelow: numbers[at + 6]!,
      words: end === start ? NO_WORDS : words.subarray(start, end),
    });
    start = end;
    return true;
  };
  for (const c of doc.clauses) if (!visit(c)) return false;
  if (i !== count) return false;
  digests.set(doc, { clauses, clauseCount: packed.clauseCount, textLength: packed.textLength });
  return true;
}

/**
 * The length of a clause's heading and text joined by one character (0 with neither): what
 * `textBelow` adds up, and the length of the redline's `sig`.
 */
export function headedTextLength(c: Clause, textLength: number): number {
  const heading = c.heading ?? '';
  return heading || textLength ? heading.length + 1 + textLength : 0;
}

function tablesIn(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.type === 'table') n++;
  return n;
}

function digest(top: readonly Clause[]): DocumentDigest {
  const clauses = new Map<Clause, ClauseDigest>();
  const visit = (c: Clause): ClauseDigest => {
    // Sub-clauses first: a subtree's fingerprint and size are made of theirs.
    const below = c.children.map(visit);
    const fingerprint = ownContentFingerprint(c);
    const textLength = clauseTextLength(c);
    let size = 1;
    let keyed = c.key === null ? 0 : 1;
    let tables = tablesIn(c.content) + tablesIn(c.tail);
    let textBelow = 0;
    below.forEach((k, i) => {
      size += k.size;
      keyed += k.keyed;
      tables += k.tables;
      textBelow += headedTextLength(c.children[i]!, k.textLength) + k.textBelow;
    });
    const heading = c.heading ?? '';
    const d: ClauseDigest = {
      fingerprint,
      treeFingerprint: subtreeFingerprint(c, fingerprint, below),
      textLength,
      size,
      keyed,
      tables,
      textBelow,
      words: heading || textLength ? wordHashes(`${heading}\u0001${clauseText(c)}`) : NO_WORDS,
    };
    clauses.set(c, d);
    return d;
  };
  let clauseCount = 0;
  let textLength = 0;
  for (const c of top) {
    const d = visit(c);
    clauseCount += d.size;
    textLength += headedTextLength(c, d.textLength) + d.textBelow;
  }
  return { clauses, clauseCount, textLength };
}
