/**
 * Paragraphs split, merged or reordered inside one clause (issue 22, class 5). Blocks that are
 * the same keep their pairs; among the rest, a block whose words are those of two or more
 * consecutive blocks on the other side is that paragraph split (or those paragraphs merged),
 * compared as one text so that only the words that changed are marked; and a block that left
 * its run and stands elsewhere in the clause, nearly word for word, is marked moved rather than
 * struck and re-inserted. Called by `pairBlocks` only for blocks that are not all paired in place.
 */
import type { Block } from '../model/types.js';
import { blockText } from '../model/text.js';
import { sameBlock } from '../model/equal.js';
import { walkTrimmed } from './sequence.js';
import { PARAGRAPH_BREAK } from './tokens.js';
import { WordIds, type WordBag } from './similarity.js';

type TextBlock = Exclude<Block, { type: 'table' }>;

/**
 * A paragraph split or merged: its pieces on the one side read as the joined text of the
 * other side at this similarity or more (engine measure, `WordIds.similarity`), and more so
 * than any one piece alone. Chosen on the corpus (`npm run measure:redline`, README): at 0.6
 * every split of the real pairs is found (the lowest, EEG § 32 (1) Nr. 3 c, is 0.62) and no
 * paragraph rewritten around a kept sentence is taken for one.
 */
export const REGROUP_FLOOR = 0.6;
/** A block that left its place is the same block moved when at least this alike. */
export const MOVE_FLOOR = 0.6;
/** At most this many pieces: a paragraph split in more reads better as rewritten. */
const MAX_PIECES = 4;

/** Similarity of two runs of blocks (their texts joined); 0 when their sizes alone keep it under `floor`. */
type Similarity = (a: readonly Block[], b: readonly Block[], floor?: number) => number;

/** One item of a clause's blocks regrouped, in new order with old-only items where they stood. */
export type BlockGroup =
  | { kind: 'pair'; old: Block | null; new: Block | null }
  /** One old paragraph, now `new.length` paragraphs; or `old.length` merged into one. */
  | { kind: 'regrouped'; old: TextBlock[]; new: TextBlock[] }
  /** A block that changed place: `from` where it stood (old index), `to` where it stands (new index). */
  | { kind: 'moved'; side: 'from' | 'to'; old: TextBlock; new: TextBlock; oldIndex: number; newIndex: number };

interface Gap {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/**
 * The blocks of two texts paired: equal ones (`keys`) in order; in what is left, splits, merges
 * and moves; the rest by kind in order (`fits`), as `pairSequences` pairs them.
 */
export function regroupBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], keys: (b: Block) => string, fits: (o: Block, n: Block) => boolean): BlockGroup[] {
  const items: Array<{ equal: [number, number] } | { gap: Gap }> = [];
  walkTrimmed(
    oldBlocks.map(keys),
    newBlocks.map(keys),
    (o, n) => o === n,
    (i, j) => items.push({ equal: [i, j] }),
    (i0, i1, j0, j1) => {
      if (i0 < i1 || j0 < j1) items.push({ gap: { i0, i1, j0, j1 } });
    },
  );
  const gaps = items.flatMap((x) => ('gap' in x ? [x.gap] : []));
  const ids = new WordIds();
  const bags = new Map<Block, WordBag>();
  const bag = (b: Block) => bags.get(b) ?? bags.set(b, ids.bag(blockText(b))).get(b)!;
  const text = (b: Block): b is TextBlock => b.type !== 'table';
  // Texts whose sizes alone keep them under `floor` are not compared: a Dice coefficient is at
  // most 2 min / (sum) of the two sizes, and so is each half of the similarity.
  const words = (bs: readonly Block[]) => bs.reduce((n, b) => n + bag(b).words, 0);
  const sim = (a: readonly Block[], b: readonly Block[], floor = 0) => {
    const na = words(a);
    const nb = words(b);
    if (na + nb > 0 && (2 * Math.min(na, nb)) / (na + nb) < floor) return 0;
    return ids.sharedSimilarity(a.map(bag), b.map(bag), { uni: 0, bi: 0 });
  };

  const moves = findMoves(oldBlocks, newBlocks, gaps, text, sim);
  const out: BlockGroup[] = [];
  for (const item of items) {
    if ('equal' in item) out.push({ kind: 'pair', old: oldBlocks[item.equal[0]]!, new: newBlocks[item.equal[1]]! });
    else regroupGap(oldBlocks, newBlocks, item.gap, moves, text, sim, fits, out);
  }
  return out;
}

/**
 * Blocks that left one gap and stand in another, nearly word for word: an old block and a new
 * block of another gap, each the other's most alike among every block left unpaired (so a short
 * item that shares its boilerplate with its neighbours is not taken for one that moved). By old
 * index, the new index.
 */
function findMoves(oldBlocks: readonly Block[], newBlocks: readonly Block[], gaps: readonly Gap[], text: (b: Block) => b is TextBlock, sim: Similarity): Map<number, number> {
  const moves = new Map<number, number>();
  if (gaps.length < 2) return moves;
  const olds = gaps.flatMap((g, gap) => range(g.i0, g.i1).filter((i) => text(oldBlocks[i]!)).map((i) => ({ i, gap })));
  const news = gaps.flatMap((g, gap) => range(g.j0, g.j1).filter((j) => text(newBlocks[j]!)).map((j) => ({ j, gap })));
  if (!olds.length || !news.length) return moves;
  const scores = olds.map((o) => news.map((n) => sim([oldBlocks[o.i]!], [newBlocks[n.j]!], MOVE_FLOOR)));
  olds.forEach((o, a) => {
    const row = scores[a]!;
    const b = row.indexOf(Math.max(...row));
    const n = news[b]!;
    if (n.gap === o.gap || row[b]! < MOVE_FLOOR) return;
    if (scores.every((r, a2) => a2 === a || r[b]! < row[b]!)) moves.set(o.i, n.j);
  });
  return moves;
}

/** A split or merge found in a gap: old `[i0, i1)` and new `[j0, j1)`, one side a single block. */
interface Regroup {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
  s: number;
}

function regroupGap(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  gap: Gap,
  moves: ReadonlyMap<number, number>,
  text: (b: Block) => b is TextBlock,
  sim: Similarity,
  fits: (o: Block, n: Block) => boolean,
  out: BlockGroup[],
): void {
  const movedNew = new Map([...moves].map(([i, j]) => [j, i]));
  // A text holding the break's own character would be cut at the wrong places.
  const joinable = (b: Block) => text(b) && !blockText(b).includes(PARAGRAPH_BREAK);
  const free = (side: 'old' | 'new', k: number) => (side === 'old' ? !moves.has(k) && joinable(oldBlocks[k]!) : !movedNew.has(k) && joinable(newBlocks[k]!));
  // Every candidate: one block against a run of 2..MAX_PIECES free text blocks on the other side.
  const candidates: Regroup[] = [];
  const runs = (side: 'old' | 'new', from: number, to: number, one: Block, single: (k: number) => Regroup) => {
    const blocks = side === 'old' ? oldBlocks : newBlocks;
    let alone: number | undefined;
    for (let a = from; a < to; a++) {
      for (let b = a + 2; b <= Math.min(to, a + MAX_PIECES); b++) {
        if (!free(side, b - 1) || !free(side, a)) break;
        const s = side === 'new' ? sim([one], blocks.slice(a, b), REGROUP_FLOOR) : sim(blocks.slice(a, b), [one], REGROUP_FLOOR);
        if (s < REGROUP_FLOOR) continue;
        alone ??= Math.max(0, ...range(from, to).filter((k) => free(side, k)).map((k) => sim([one], [blocks[k]!])));
        if (s > alone) candidates.push({ ...single(a), [side === 'new' ? 'j1' : 'i1']: b, s });
      }
    }
  };
  for (let i = gap.i0; i < gap.i1; i++) if (free('old', i)) runs('new', gap.j0, gap.j1, oldBlocks[i]!, (a) => ({ i0: i, i1: i + 1, j0: a, j1: a + 1, s: 0 }));
  for (let j = gap.j0; j < gap.j1; j++) if (free('new', j)) runs('old', gap.i0, gap.i1, newBlocks[j]!, (a) => ({ i0: a, i1: a + 1, j0: j, j1: j + 1, s: 0 }));
  // Best first; a group that overlaps or crosses one already taken is dropped.
  candidates.sort((a, b) => b.s - a.s || a.i0 - b.i0 || a.j0 - b.j0);
  const taken: Regroup[] = [];
  for (const c of candidates) if (taken.every((t) => (c.i1 <= t.i0 && c.j1 <= t.j0) || (c.i0 >= t.i1 && c.j0 >= t.j1))) taken.push(c);
  taken.sort((a, b) => a.i0 - b.i0);

  let i = gap.i0;
  let j = gap.j0;
  for (const t of [...taken, { i0: gap.i1, i1: gap.i1, j0: gap.j1, j1: gap.j1, s: 0 }]) {
    pairInOrder(oldBlocks, newBlocks, { i0: i, i1: t.i0, j0: j, j1: t.j0 }, moves, movedNew, fits, out);
    if (t.i1 > t.i0 && t.j1 > t.j0) out.push({ kind: 'regrouped', old: oldBlocks.slice(t.i0, t.i1) as TextBlock[], new: newBlocks.slice(t.j0, t.j1) as TextBlock[] });
    i = t.i1;
    j = t.j1;
  }
}

/**
 * The rest of a gap: each old block with the next new block it fits after the last one taken
 * (`pairSequences`' rule); a moved block where it stood or stands.
 */
function pairInOrder(oldBlocks: readonly Block[], newBlocks: readonly Block[], g: Gap, moves: ReadonlyMap<number, number>, movedNew: ReadonlyMap<number, number>, fits: (o: Block, n: Block) => boolean, out: BlockGroup[]): void {
  const pushNew = (k: number) => {
    const from = movedNew.get(k);
    out.push(from === undefined ? { kind: 'pair', old: null, new: newBlocks[k]! } : { kind: 'moved', side: 'to', old: oldBlocks[from] as TextBlock, new: newBlocks[k] as TextBlock, oldIndex: from, newIndex: k });
  };
  let nj = g.j0;
  for (let i = g.i0; i < g.i1; i++) {
    const o = oldBlocks[i]!;
    const to = moves.get(i);
    if (to !== undefined) {
      out.push({ kind: 'moved', side: 'from', old: o as TextBlock, new: newBlocks[to] as TextBlock, oldIndex: i, newIndex: to });
      continue;
    }
    let k = nj;
    while (k < g.j1 && (movedNew.has(k) || !fits(o, newBlocks[k]!))) k++;
    if (k < g.j1) {
      for (; nj < k; nj++) pushNew(nj);
      out.push({ kind: 'pair', old: o, new: newBlocks[k]! });
      nj = k + 1;
    } else out.push({ kind: 'pair', old: o, new: null });
  }
  for (; nj < g.j1; nj++) pushNew(nj);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/**
 * Blocks paired in place (same count and kinds) that were reordered instead: two or more blocks
 * differ in place and one of them is, word for word, another's counterpart. Only blocks that
 * differ are read, so a clause with one amended paragraph costs a structural comparison.
 */
export function samePlaceReordered(oldBlocks: readonly Block[], newBlocks: readonly Block[], keys: (b: Block) => string): boolean {
  const differ: number[] = [];
  for (let k = 0; k < oldBlocks.length; k++) if (!sameBlock(oldBlocks[k]!, newBlocks[k]!)) differ.push(k);
  if (differ.length < 2) return false;
  const oldKeys = new Set(differ.map((k) => keys(oldBlocks[k]!)));
  return differ.some((k) => oldKeys.has(keys(newBlocks[k]!)));
}
