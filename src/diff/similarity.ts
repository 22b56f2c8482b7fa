/** Word-bag similarity used to pair clauses whose text changed. */
import { words } from './tokens.js';

/** A multiset: item -> count. */
export type Bag<K = number> = Map<K, number>;

export interface Bags {
  uni: Bag;
  bi: Bag;
  /** Number of words. */
  size: number;
}

/**
 * Words as small integers, so bags hold numbers and a word pair is one number, not a new string
 * (on a large document the string keys were most of the garbage the comparison made).
 */
export class WordIds {
  private readonly ids = new Map<string, number>();

  of(text: string): number[] {
    const ws = words(text);
    const out = new Array<number>(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      let id = this.ids.get(w);
      if (id === undefined) this.ids.set(w, (id = this.ids.size));
      out[i] = id;
    }
    return out;
  }
}

/** Pairs stay exact up to 2^26 distinct words. */
const PAIR = 2 ** 26;

/** Bags of one or more word sequences (no pair spans two sequences). */
export function bagsOfIds(sequences: readonly (readonly number[])[]): Bags {
  const uni: Bag = new Map();
  const bi: Bag = new Map();
  let size = 0;
  for (const ws of sequences) {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      uni.set(w, (uni.get(w) ?? 0) + 1);
      if (i > 0) {
        const b = ws[i - 1]! * PAIR + w;
        bi.set(b, (bi.get(b) ?? 0) + 1);
      }
    }
    size += ws.length;
  }
  return { uni, bi, size };
}

/** Bags of one text; compare only bags made with the same `ids`. */
export function bagsOf(text: string, ids: WordIds): Bags {
  return bagsOfIds([ids.of(text)]);
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

/**
 * Unigrams say the same words are there; bigrams that they are in the same order. The mean of
 * the two keeps two unrelated paragraphs that share function words (`the`, `der`) apart.
 */
export function textSimilarity(a: Bags, b: Bags): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  if (a.size === 1 || b.size === 1) return dice(a.uni, b.uni);
  return (dice(a.uni, b.uni) + dice(a.bi, b.bi)) / 2;
}
