/** Word-bag similarity used to pair clauses whose text changed. */
import { wordHashes } from '../model/words.js';

/** A multiset: item -> count. */
export type Multiset<K = number> = Map<K, number>;

/**
 * Words and adjacent word pairs, each as a small integer id, in text order: two bags intersect in
 * one pass over a table of counts indexed by id, and joining bags is concatenation. One array
 * holds both, the words first, then the pairs.
 */
export class WordBag {
  constructor(
    readonly ids: Int32Array,
    /** How many words: `ids[0..words)` are the words, the rest the word pairs. */
    readonly words: number,
  ) {}

  /** Where the words (or with `pairs`, the word pairs) start and end in `ids`. */
  from(pairs: boolean): number {
    return pairs ? this.words : 0;
  }

  to(pairs: boolean): number {
    return pairs ? this.ids.length : this.words;
  }
}

/**
 * Words and word pairs as small integers, so bags hold numbers and a word pair is one number.
 * A word's id is found by its two hashes (`wordHashes`), which the parser took once for every
 * clause: bagging a clause reads no text. Two different words would have to agree in all 64
 * bits to share an id: about one chance in 10^12 among the few thousand words of a comparison.
 */
export class WordIds {
  private readonly byHash: PairIds;
  private readonly byPair: PairIds;

  /** `slots`: room for word pairs before the table first grows (a power of two). */
  constructor(slots = INITIAL_SLOTS) {
    this.byHash = new PairIds(slots >> 1);
    this.byPair = new PairIds(slots);
  }

  /** The bag of one text; compare only bags made with the same ids. */
  bag(text: string): WordBag {
    return this.bagOf(wordHashes(text));
  }

  /** WordBag of the words with these hashes (`wordHashes`, or a clause's `words`). */
  bagOf(hashes: Int32Array): WordBag {
    const n = hashes.length >> 1;
    const ids = new Int32Array(n + Math.max(n - 1, 0));
    for (let i = 0; i < n; i++) ids[i] = this.byHash.id(hashes[2 * i]!, hashes[2 * i + 1]!);
    for (let i = 1; i < n; i++) ids[n + i - 1] = this.byPair.id(ids[i - 1]!, ids[i]!);
    return new WordBag(ids, n);
  }

  /** How many word pairs have an id: every id given so far is below it. */
  get pairCount(): number {
    return this.byPair.count;
  }

  /** Scratch counts by id; all zero between calls. */
  private counts = new Int32Array(1024);

  /**
   * The scratch counts, long enough to index by every id given so far: ids are given in order,
   * so no bag is read to find its largest.
   */
  private countsFor(): Int32Array {
    const ids = Math.max(this.byHash.count, this.byPair.count);
    if (ids > this.counts.length) this.counts = new Int32Array(Math.max(ids, 2 * this.counts.length));
    return this.counts;
  }

  /** The distinct word pairs of a bag, in order of first appearance. */
  distinctPairs(b: WordBag): Int32Array {
    const { ids } = b;
    const from = b.from(true);
    const c = this.countsFor();
    // Counted first, so the result is made at its size.
    let n = 0;
    for (let i = from; i < ids.length; i++) if (c[ids[i]!]!++ === 0) n++;
    const out = new Int32Array(n);
    n = 0;
    for (let i = from; i < ids.length; i++) {
      const k = ids[i]!;
      if (c[k] !== 0) {
        c[k] = 0;
        out[n++] = k;
      }
    }
    return out;
  }

  /**
   * Unigrams say the same words are there; bigrams that they are in the same order. The mean of
   * the two keeps two unrelated paragraphs that share function words (`the`, `der`) apart.
   */
  similarity(a: WordBag, b: WordBag): number {
    return this.sharedSimilarity([a], [b], NOTHING_SHARED);
  }

  /**
   * `similarity` of two texts given as parts: the parts only one side has, and the count of
   * words and word pairs in parts both sides have word for word. A shared part adds the same ids
   * to both multisets, and min(c + x, c + y) = c + min(x, y), so it adds its own size to the
   * common count: the result is exactly that of joining every part.
   */
  sharedSimilarity(a: readonly WordBag[], b: readonly WordBag[], shared: { uni: number; bi: number }): number {
    const na = sizeOf(a, false) + shared.uni;
    const nb = sizeOf(b, false) + shared.uni;
    if (na === 0 && nb === 0) return 1;
    if (na === 0 || nb === 0) return 0;
    const uni = (2 * (shared.uni + this.commonOfParts(a, b, false))) / (na + nb);
    if (na === 1 || nb === 1) return uni;
    const ba = sizeOf(a, true) + shared.bi;
    const bb = sizeOf(b, true) + shared.bi;
    const bi = ba + bb === 0 ? 0 : (2 * (shared.bi + this.commonOfParts(a, b, true))) / (ba + bb);
    return (uni + bi) / 2;
  }

  /**
   * How much of `a` reappears in what `b` has beyond `base` (mean of its words and its word
   * pairs, 0..1): `a`'s share of `b`'s words that `base` does not account for. A paragraph
   * merged into another's text is contained in what that text gained.
   */
  containedBeyond(a: WordBag, base: WordBag, b: WordBag): number {
    const share = (pairs: boolean) => {
      const size = a.to(pairs) - a.from(pairs);
      return size === 0 ? 1 : (this.commonOfParts([a, base], [b], pairs) - this.commonOfParts([base], [b], pairs)) / size;
    };
    return a.words < 2 ? share(false) : (share(false) + share(true)) / 2;
  }

  /** The common ids of two lists of bags (their words, or with `pairs` their word pairs), as if each list were joined into one. */
  private commonOfParts(a: readonly WordBag[], b: readonly WordBag[], pairs: boolean): number {
    const c = this.countsFor();
    for (const p of a) {
      const { ids } = p;
      for (let i = p.from(pairs), to = p.to(pairs); i < to; i++) c[ids[i]!]!++;
    }
    let n = 0;
    for (const p of b) n += takeCommon(c, p.ids, p.from(pairs), p.to(pairs));
    for (const p of a) {
      const { ids } = p;
      for (let i = p.from(pairs), to = p.to(pairs); i < to; i++) c[ids[i]!] = 0;
    }
    return n;
  }
}

const NOTHING_SHARED = { uni: 0, bi: 0 };

/** Counts down `c` by the ids of `b[from..to)` it holds, and returns how many it held. */
function takeCommon(c: Int32Array, b: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const y = b[i]!;
    if (y < c.length && c[y]! > 0) {
      c[y]!--;
      n++;
    }
  }
  return n;
}

function sizeOf(parts: readonly WordBag[], pairs: boolean): number {
  let n = 0;
  for (const p of parts) n += p.to(pairs) - p.from(pairs);
  return n;
}

/** Small by default: diffTable makes a WordIds for every table it compares. */
const INITIAL_SLOTS = 1 << 8;

/**
 * Ids of pairs of 32-bit integers, in an open-addressing table over one typed array: a Map keyed
 * by `a * 2^26 + b` boxes every key as a heap number. A slot is three numbers side by side (the
 * pair, and its id plus one, so a new table's zeros are empty slots): a probe reads one place in
 * memory, where three arrays read three.
 */
export class PairIds {
  private table: Int32Array;
  /** How many slots, less one (a power of two less one). */
  private mask: number;
  private size = 0;

  constructor(slots: number) {
    this.table = new Int32Array(SLOT * slots);
    this.mask = slots - 1;
  }

  /** How many pairs have an id (ids are 0 up to this). */
  get count(): number {
    return this.size;
  }

  id(a: number, b: number): number {
    const t = this.table;
    const mask = this.mask;
    let i = mix(a, b) & mask;
    for (;;) {
      const at = SLOT * i;
      const stored = t[at + 2]!;
      if (stored === 0) break;
      if (t[at] === a && t[at + 1] === b) return stored - 1;
      i = (i + 1) & mask;
    }
    const id = this.size++;
    put(t, SLOT * i, a, b, id + 1);
    if (2 * this.size > mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.table;
    const t = (this.table = new Int32Array(2 * old.length));
    const mask = (this.mask = 2 * this.mask + 1);
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      const a = old[at]!;
      const b = old[at + 1]!;
      let i = mix(a, b) & mask;
      while (t[SLOT * i + 2] !== 0) i = (i + 1) & mask;
      put(t, SLOT * i, a, b, old[at + 2]!);
    }
  }
}

/** Numbers per slot of a `PairIds` table. */
const SLOT = 3;

function put(t: Int32Array, at: number, a: number, b: number, idPlusOne: number): void {
  t[at] = a;
  t[at + 1] = b;
  t[at + 2] = idPlusOne;
}

/** Two integers hashed to 32 well-mixed bits (murmur3's finaliser). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Dice coefficient of two multisets: 2|A∩B| / (|A|+|B|). */
export function dice<K>(a: Multiset<K>, b: Multiset<K>): number {
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  if (na + nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w) common += Math.min(v, w);
  }
  return (2 * common) / (na + nb);
}

