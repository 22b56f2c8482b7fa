/**
 * What the tests of stage 1 (src/diff/pair.ts) share: the pairing of two small documents, its
 * pairs written out, a pair looked up by its old clause, and provisions to build documents of.
 */
import { pairClauses, type ClausePair } from '../../src/diff/pair.js';
import { parse } from './helpers.js';

export const pairing = (a: string, b: string, similarityThreshold = 0.5) => pairClauses(parse(a), parse(b), { similarityThreshold });

/**
 * Every pair, depth first in redline order, as `old>new basis`, indented by depth: `-` for no
 * clause, and `unnumbered` for a clause without a number.
 */
export function pairsOf(a: string, b: string, similarityThreshold = 0.5, unnumbered = '-'): string[] {
  const out: string[] = [];
  const label = (c: ClausePair['old']) => (c ? (c.number ?? unnumbered) : '-');
  const visit = (p: ClausePair, depth: string) => {
    out.push(`${depth}${label(p.old)}>${label(p.new)}${p.basis ? ` ${p.basis}` : ''}`);
    for (const c of p.children) visit(c, `${depth}  `);
  };
  for (const p of pairing(a, b, similarityThreshold).clauses) visit(p, '');
  return out;
}

/** The first pair, depth first, whose old clause passes `test`. */
export function findPair(pairs: readonly ClausePair[], test: (old: NonNullable<ClausePair['old']>) => boolean): ClausePair {
  const find = (ps: readonly ClausePair[]): ClausePair | undefined => {
    for (const p of ps) {
      if (p.old && test(p.old)) return p;
      const below = find(p.children);
      if (below) return below;
    }
    return undefined;
  };
  const found = find(pairs);
  if (!found) throw new Error('no pair has such an old clause');
  return found;
}

/** The pair of the old clause numbered `number` (the first depth first; null for a clause without a number). */
export const pairOfOld = (a: string, b: string, number: string | null, similarityThreshold = 0.5): ClausePair =>
  findPair(pairing(a, b, similarityThreshold).clauses, (old) => old.number === number);

// Provisions long enough to pair across the document by their text (40 characters or more), and
// sharing no word pair with one another.
export const P1 = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
export const P2 = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
export const P3 = 'Panel members may attend meetings remotely where circumstances require it.';
export const P4 = 'Notices under this Section must be given in writing to every affected Party.';
export const P5 = 'Disputes go first to the Secretariat, then to arbitration in London.';
export const P6 = 'Records of every installation are kept for seven years after it closes.';

/** Ten words no other text here has: `w<i>a` up to `w<i>j`. */
export const words = (i: number | string) => 'abcdefghij'.split('').map((x) => `w${i}${x}`);
export const sentence = (ws: string[]) => `${ws.join(' ')}.`;

/** A sentence of exactly `length` characters, of words `<tag>n<k>` no other text here has. */
export function textOf(tag: string, length: number): string {
  const out: string[] = [];
  let size = 0;
  for (let k = 0; size + `${tag}n${k} `.length < length - 12; k++) {
    out.push(`${tag}n${k}`);
    size += `${tag}n${k} `.length;
  }
  // The last word takes up what is left, before the full stop.
  const last = `${tag}last`.padEnd(length - size - 1, 'z');
  return `${out.join(' ')} ${last}.`;
}
