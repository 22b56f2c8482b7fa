/**
 * The word-bag similarity that pairs clauses whose text changed (src/diff/similarity.ts), on
 * texts short enough to count by hand: words and adjacent word pairs, their Dice coefficients
 * and the mean of the two, texts given in parts, containment, and the id tables behind them.
 * Every expected value is counted by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { dice, mix, PairIds, WordIds } from '../../src/diff/similarity.js';

const similarity = (a: string, b: string) => {
  const ids = new WordIds();
  return ids.similarity(ids.bag(a), ids.bag(b));
};

describe('WordIds.similarity', () => {
  it('should give the mean of the Dice coefficients of the words and of the word pairs', () => {
    expect(similarity('a b c', 'a b c')).toBe(1);
    // Words {a,b,c} and {a,b,d}: 2*2/6; pairs {ab,bc} and {ab,bd}: 2*1/4; mean 7/12.
    expect(similarity('a b c', 'a b d')).toBeCloseTo(7 / 12, 12);
    // The same words in the other order: words 1, pairs {ab} and {ba} 0.
    expect(similarity('a b', 'b a')).toBe(0.5);
    // Repeated words count as often as they occur: words {a,b} and {a,a,b,b}: 2*2/6; pairs {ab} and {ab,ba,ab}: 2*1/4.
    expect(similarity('a b', 'a b a b')).toBeCloseTo(7 / 12, 12);
    // Case does not matter, punctuation is not a word.
    expect(similarity('The DCC, shall.', 'the dcc shall')).toBe(1);
  });

  it('should count words only when a side has a single word, and say 1 for two empty texts and 0 for one', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('', 'a')).toBe(0);
    expect(similarity('a b', '')).toBe(0);
    // Words {a} and {a,b}: 2*1/3; no pairs on one side, so the words alone.
    expect(similarity('a', 'a b')).toBeCloseTo(2 / 3, 12);
    expect(similarity('a b', 'a')).toBeCloseTo(2 / 3, 12);
    expect(similarity('a', 'b')).toBe(0);
  });

  it('should count every id of a large text, past the first size of its table of counts', () => {
    // 1,500 different words: more ids than the 1,024 counts the table starts with.
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    expect(similarity(words.join(' '), words.join(' '))).toBe(1);
    // The last word changed: words 2*1499/3000; pairs 2*1498/2998.
    const changed = [...words.slice(0, -1), 'other'].join(' ');
    expect(similarity(words.join(' '), changed)).toBeCloseTo((1499 / 1500 + 1498 / 1499) / 2, 12);
  });

  it('should count every word id when the ids hold many more words than word pairs, and every pair id when they hold more pairs', () => {
    // 1,100 one-word texts: 1,100 word ids and no pair id.
    const words = new WordIds();
    for (let i = 0; i < 1100; i++) words.bag(`w${i}`);
    expect(words.similarity(words.bag('w1099'), words.bag('w1099'))).toBe(1);
    // 40 words, each followed by each: 1,600 word pairs or so, 40 word ids.
    const vocabulary = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const text = vocabulary.flatMap((x) => vocabulary.map((y) => `${x} ${y}`)).join(' ');
    const pairs = new WordIds();
    expect(pairs.similarity(pairs.bag(text), pairs.bag(text))).toBe(1);
    // 2,100 different words at once: more than twice the 1,024 counts the table starts with.
    const many = Array.from({ length: 2100 }, (_, i) => `m${i}`).join(' ');
    const big = new WordIds();
    expect(big.similarity(big.bag(many), big.bag(many))).toBe(1);
  });

  it('should leave the counts clean between two comparisons made with the same ids', () => {
    const ids = new WordIds();
    const a = ids.bag('x y z');
    const b = ids.bag('x y w');
    // Words 2*2/6, pairs 2*1/4, twice over.
    expect(ids.similarity(a, b)).toBeCloseTo(7 / 12, 12);
    expect(ids.similarity(a, b)).toBeCloseTo(7 / 12, 12);
    expect(ids.similarity(b, ids.bag('q'))).toBe(0);
    // z was in a and not in b: no count of it is left over for the next comparison.
    expect(ids.similarity(ids.bag('w'), ids.bag('z'))).toBe(0);
    expect(ids.similarity(ids.bag('z'), ids.bag('x'))).toBe(0);
  });
});

describe('WordIds.sharedSimilarity', () => {
  it('should count the parts both sides share word for word as common, as if every part were joined', () => {
    const ids = new WordIds();
    // Own parts "x y" and "x z", shared 3 words and 2 pairs: words 2*(3+1)/10, pairs 2*(2+0)/6; mean 11/15.
    expect(ids.sharedSimilarity([ids.bag('x y')], [ids.bag('x z')], { uni: 3, bi: 2 })).toBeCloseTo(11 / 15, 12);
    // Only shared words: everything in common.
    expect(ids.sharedSimilarity([], [], { uni: 4, bi: 3 })).toBe(1);
  });

  it('should read each part as a text of its own, with no word pair across two parts, and 0 for pairs when there are none', () => {
    const ids = new WordIds();
    // Words {x,y} and {x,z}: 2*1/4; no word pair on either side (each part one word): pairs 0; mean 1/4.
    expect(ids.sharedSimilarity([ids.bag('x'), ids.bag('y')], [ids.bag('x'), ids.bag('z')], { uni: 0, bi: 0 })).toBe(0.25);
    // Parts "p q" + "r s" against "p q r s": words 1; pairs {pq,rs} and {pq,qr,rs}: 2*2/5; mean 0.9.
    expect(ids.sharedSimilarity([ids.bag('p q'), ids.bag('r s')], [ids.bag('p q r s')], { uni: 0, bi: 0 })).toBeCloseTo(0.9, 12);
  });
});

describe('WordIds.containedBeyond', () => {
  it("should give how much of a text reappears in what another gained beyond its base", () => {
    const ids = new WordIds();
    const base = ids.bag('x y');
    // "p q" is all of what "x y p q" has beyond "x y": words (4-2)/2, pairs (2-1)/1.
    expect(ids.containedBeyond(ids.bag('p q'), base, ids.bag('x y p q'))).toBe(1);
    // Against "x y p r": words (3-2)/2; pairs {pq,xy} against {xy,yp,pr}: (1-1)/1; mean 1/4.
    expect(ids.containedBeyond(ids.bag('p q'), base, ids.bag('x y p r'))).toBe(0.25);
    // A word the base already accounts for is not counted again: "x q" in "x y q": words (3-2)/2, pairs (1-1)/1.
    expect(ids.containedBeyond(ids.bag('x q'), base, ids.bag('x y q'))).toBe(0.25);
  });

  it('should count words only for a one-word text, and say fully contained for an empty one', () => {
    const ids = new WordIds();
    // "p" in "x p" beyond "x": words (2-1)/1; no pairs to count.
    expect(ids.containedBeyond(ids.bag('p'), ids.bag('x'), ids.bag('x p'))).toBe(1);
    expect(ids.containedBeyond(ids.bag('p'), ids.bag('x'), ids.bag('x q'))).toBe(0);
    expect(ids.containedBeyond(ids.bag(''), ids.bag('x'), ids.bag('q'))).toBe(1);
  });
});

describe('WordIds.distinctPairs', () => {
  it('should give each word pair once, in order of first appearance, and leave the counts clean', () => {
    const ids = new WordIds();
    const bag = ids.bag('a b a b c a b');
    // Pairs ab, ba, ab, bc, ca, ab: ids in order of first appearance ab 0, ba 1, bc 2, ca 3.
    expect([...ids.distinctPairs(bag)]).toEqual([0, 1, 2, 3]);
    expect(ids.pairCount).toBe(4);
    expect([...ids.distinctPairs(ids.bag('c a a b'))]).toEqual([3, 4, 0]);
    expect([...ids.distinctPairs(ids.bag('a'))]).toEqual([]);
    // Counts left at zero: a comparison after them is exact.
    expect(ids.similarity(ids.bag('a b'), ids.bag('a b'))).toBe(1);
  });
});

describe('WordIds.distinctPairs on a first bag larger than twice the scratch counts', () => {
  it('should count every pair of a text of 3,000 different words, asked for first', () => {
    // The scratch counts start at 1,024 ids and grow to fit every id given: here 2,999 pair ids
    // are given at once, more than twice 1,024, so they must grow to the ids, not just double.
    const ids = new WordIds();
    const text = Array.from({ length: 3000 }, (_, k) => `w${k}`).join(' ');
    const pairs = ids.distinctPairs(ids.bag(text));
    expect(pairs.length).toBe(2999);
    expect([pairs[0], pairs[2047], pairs[2048], pairs[2998]]).toEqual([0, 2047, 2048, 2998]);
    expect(ids.similarity(ids.bag(text), ids.bag(text))).toBe(1);
  });
});

describe('WordIds.bag', () => {
  it('should give the words, then the word pairs, as ids in text order', () => {
    const ids = new WordIds(4);
    const bag = ids.bag('to be or not to be');
    // Words to 0, be 1, or 2, not 3; pairs to-be 0, be-or 1, or-not 2, not-to 3, to-be 0.
    expect(bag.words).toBe(6);
    expect([...bag.ids]).toEqual([0, 1, 2, 3, 0, 1, 0, 1, 2, 3, 0]);
    expect([bag.from(false), bag.to(false), bag.from(true), bag.to(true)]).toEqual([0, 6, 6, 11]);
    expect([...ids.bag('').ids]).toEqual([]);
  });
});

describe('PairIds', () => {
  it('should give each pair its own id in order, the same each time it is asked, through every growth of the table', () => {
    const ids = new PairIds(2);
    const pairs = Array.from({ length: 300 }, (_, i) => [i % 17, Math.floor(i / 17)] as const);
    expect(pairs.map(([a, b]) => ids.id(a, b))).toEqual(pairs.map((_, i) => i));
    expect(ids.count).toBe(300);
    expect(pairs.map(([a, b]) => ids.id(a, b))).toEqual(pairs.map((_, i) => i));
    expect(ids.id(-1, 0)).toBe(300);
    expect(ids.id(0, -1)).toBe(301);
    expect(ids.count).toBe(302);
  });

  it('should tell (0, 0) from an empty slot, and keep the order of the two numbers', () => {
    const ids = new PairIds(4);
    expect(ids.id(0, 0)).toBe(0);
    expect(ids.id(0, 0)).toBe(0);
    expect(ids.id(1, 2)).toBe(1);
    expect(ids.id(2, 1)).toBe(2);
    expect(ids.id(1, 2)).toBe(1);
  });
});

/** murmur3's 32-bit finaliser over imul(a, 0x9e3779b1) ^ b, in BigInt arithmetic modulo 2^32. */
function referenceMix(a: number, b: number): number {
  const m = 2n ** 32n;
  const u = (x: number | bigint) => ((BigInt(x) % m) + m) % m;
  let h = (u(a) * 0x9e3779b1n) % m ^ u(b);
  h = ((h ^ (h >> 16n)) * 0x85ebca6bn) % m;
  h = ((h ^ (h >> 13n)) * 0xc2b2ae35n) % m;
  h ^= h >> 16n;
  return Number(BigInt.asIntN(32, h));
}

describe('mix', () => {
  it("should be murmur3's finaliser of the two numbers, computed here in BigInt arithmetic", () => {
    expect(mix(0, 0)).toBe(0);
    for (const [a, b] of [[1, 0], [0, 1], [12345, 67890], [-1, 7], [0x7fffffff, -0x80000000], [31, 255]] as const) {
      expect(mix(a, b), `${a}, ${b}`).toBe(referenceMix(a, b));
    }
  });
});

describe('dice', () => {
  it('should give twice the common count over the total of both multisets', () => {
    // Common min(2,1) = 1; totals 3 and 2: 2/5.
    expect(dice(new Map([['a', 2], ['b', 1]]), new Map([['a', 1], ['c', 1]]))).toBe(0.4);
    expect(dice(new Map([['a', 1], ['c', 1]]), new Map([['a', 2], ['b', 1]]))).toBe(0.4);
    // The smaller multiset in keys may hold more items: {a:3} against {a:1,b:1}: 2*1/5.
    expect(dice(new Map([['a', 3]]), new Map([['a', 1], ['b', 1]]))).toBe(0.4);
    expect(dice(new Map([['a', 1], ['b', 1]]), new Map([['a', 3]]))).toBe(0.4);
    expect(dice(new Map([['a', 2]]), new Map([['a', 2]]))).toBe(1);
    expect(dice(new Map(), new Map())).toBe(0);
    expect(dice(new Map([['a', 1]]), new Map())).toBe(0);
  });
});
