/** Word-bag similarity used to pair clauses whose text changed. */
import { words } from './tokens.js';

/** How many words `WordIds.bags` sees in a text. */
export function wordCount(text: string): number {
  return words(text).length;
}

/** A multiset: item -> count. */
export type Bag<K = number> = Map<K, number>;

/**
 * Words and adjacent word pairs, each as a small integer id, in text order: two bags intersect in
 * one pass over a table of counts indexed by id, and joining bags is concatenation.
 */
export interface Bags {
  uni: Int32Array;
  bi: Int32Array;
}

/**
 * Words and word pairs as small integers, so bags hold numbers and a word pair is one number, not
 * a new string (on a large document the string keys were most of the garbage the comparison made).
 */
export class WordIds {
  private readonly byWord = new Map<string, number>();
  private readonly byPair: PairIds;

  /** `slots`: room for word pairs before the table first grows (a power of two). */
  constructor(slots = INITIAL_SLOTS) {
    this.byPair = new PairIds(slots);
  }

  /** Bags of one text. */
  bags(text: string): Bags {
    const ws = words(text);
    const uni = new Int32Array(ws.length);
    const bi = new Int32Array(Math.max(ws.length - 1, 0));
    for (let i = 0; i < ws.length; i++) {
      uni[i] = this.word(ws[i]!);
      if (i > 0) bi[i - 1] = this.byPair.id(uni[i - 1]!, uni[i]!);
    }
    return { uni, bi };
  }

  private word(w: string): number {
    let id = this.byWord.get(w);
    if (id === undefined) this.byWord.set(w, (id = this.byWord.size));
    return id;
  }
}

/** Small by default: diffTable makes a WordIds for every table it compares. */
const INITIAL_SLOTS = 1 << 8;

/**
 * Ids of word pairs, in an open-addressing table over typed arrays: a Map keyed by
 * `a * 2^26 + b` boxed every key as a heap number and cost as much as the word lookups.
 */
class PairIds {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private ids: Int32Array;
  private size = 0;

  constructor(slots: number) {
    this.firsts = new Int32Array(slots).fill(-1);
    this.seconds = new Int32Array(slots);
    this.ids = new Int32Array(slots);
  }

  id(a: number, b: number): number {
    const i = this.find(a, b);
    if (this.firsts[i] !== -1) return this.ids[i]!;
    const id = this.size++;
    this.put(i, a, b, id);
    if (2 * this.size > this.firsts.length) this.grow();
    return id;
  }

  /** The slot that holds the pair, or the empty slot where it goes. */
  private find(a: number, b: number): number {
    const mask = this.firsts.length - 1;
    let i = mix(a, b) & mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== a || this.seconds[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  private put(i: number, a: number, b: number, id: number): void {
    this.firsts[i] = a;
    this.seconds[i] = b;
    this.ids[i] = id;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const n = 2 * firsts.length;
    this.firsts = new Int32Array(n).fill(-1);
    this.seconds = new Int32Array(n);
    this.ids = new Int32Array(n);
    for (let j = 0; j < firsts.length; j++) {
      if (firsts[j] !== -1) this.put(this.find(firsts[j]!, seconds[j]!), firsts[j]!, seconds[j]!, ids[j]!);
    }
  }
}

/** Two ids hashed to 32 well-mixed bits (murmur3's finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Bags of one text; compare only bags made with the same `ids`. */
export function bagsOf(text: string, ids: WordIds): Bags {
  return ids.bags(text);
}

/** Dice coefficient of two multisets: 2|A∩B| / (|A|+|B|). */
export function dice<K>(a: Bag<K>, b: Bag<K>): number {
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

/** Scratch counts by id; all zero between calls. */
let counts = new Int32Array(1024);

/** The scratch counts, long enough to index by every id in `ids`. */
function countsFor(ids: Int32Array): Int32Array {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  if (max >= counts.length) counts = new Int32Array(Math.max(max + 1, 2 * counts.length));
  return counts;
}

/** The distinct word pairs of a bag. */
export function distinctPairs(b: Bags): number[] {
  const c = countsFor(b.bi);
  const out: number[] = [];
  for (let i = 0; i < b.bi.length; i++) {
    const k = b.bi[i]!;
    if (c[k] === 0) {
      c[k] = 1;
      out.push(k);
    }
  }
  for (const k of out) c[k] = 0;
  return out;
}

const NOTHING_SHARED = { uni: 0, bi: 0 };

/**
 * Unigrams say the same words are there; bigrams that they are in the same order. The mean of
 * the two keeps two unrelated paragraphs that share function words (`the`, `der`) apart.
 */
export function textSimilarity(a: Bags, b: Bags): number {
  return sharedSimilarity([a], [b], NOTHING_SHARED);
}

/** The common ids of two lists of bags, as if each list were joined into one. */
function commonOfParts(a: readonly Int32Array[], b: readonly Int32Array[]): number {
  for (const ids of a) countsFor(ids);
  const c = counts;
  for (const ids of a) for (let i = 0; i < ids.length; i++) c[ids[i]!]!++;
  let n = 0;
  for (const ids of b) {
    for (let i = 0; i < ids.length; i++) {
      const y = ids[i]!;
      if (y < c.length && c[y]! > 0) {
        c[y]!--;
        n++;
      }
    }
  }
  for (const ids of a) for (let i = 0; i < ids.length; i++) c[ids[i]!] = 0;
  return n;
}

/**
 * `textSimilarity` of two texts given as parts: the parts only one side has, and the count of
 * words and word pairs in parts both sides have word for word. A shared part adds the same ids
 * to both multisets, and min(c + x, c + y) = c + min(x, y), so it adds its own size to the
 * common count: the result is exactly that of joining every part.
 */
export function sharedSimilarity(a: readonly Bags[], b: readonly Bags[], shared: { uni: number; bi: number }): number {
  const size = (parts: readonly Bags[], k: 'uni' | 'bi') => parts.reduce((s, p) => s + p[k].length, shared[k]);
  const na = size(a, 'uni');
  const nb = size(b, 'uni');
  if (na === 0 && nb === 0) return 1;
  if (na === 0 || nb === 0) return 0;
  const uni = (2 * (shared.uni + commonOfParts(a.map((p) => p.uni), b.map((p) => p.uni)))) / (na + nb);
  if (na === 1 || nb === 1) return uni;
  const ba = size(a, 'bi');
  const bb = size(b, 'bi');
  const bi = ba + bb === 0 ? 0 : (2 * (shared.bi + commonOfParts(a.map((p) => p.bi), b.map((p) => p.bi)))) / (ba + bb);
  return (uni + bi) / 2;
}
