/**
 * What comparing a document with another reads of each clause, computed from the parsed tree on
 * first use and cached per document (as `rules/compile.ts` caches a corpus's rules): content
 * fingerprints, sizes, text lengths and word hashes. The clause tree itself carries none of it,
 * so it stays plain data that serialises as it is; a document compared many times (an editor's
 * open file, a version in a build) is digested once.
 */
import type { Clause, ClauseDocument } from './types.js';
import { ownContentFingerprint, subtreeFingerprint } from './equal.js';
import { clauseText, clauseTextLength } from './text.js';
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

/**
 * The length of a clause's heading and text joined by one character (0 with neither): what
 * `textBelow` adds up, and the length of the redline's `sig`.
 */
export function headedTextLength(c: Clause, textLength: number): number {
  const heading = c.heading ?? '';
  return heading || textLength ? heading.length + 1 + textLength : 0;
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
    let textBelow = 0;
    below.forEach((k, i) => {
      size += k.size;
      keyed += k.keyed;
      textBelow += headedTextLength(c.children[i]!, k.textLength) + k.textBelow;
    });
    const heading = c.heading ?? '';
    const d: ClauseDigest = {
      fingerprint,
      treeFingerprint: subtreeFingerprint(c, fingerprint, below),
      textLength,
      size,
      keyed,
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
