/**
 * Paragraphs split, merged or reordered inside one clause (issue 22, class 5). Blocks that are
 * the same keep their pairs; among the rest, a block whose words are those of two or more
 * consecutive blocks on the other side is that paragraph split (or those paragraphs merged),
 * compared as one text so that only the words that changed are marked; and a block that left
 * its run and stands elsewhere in the clause, nearly word for word, is marked moved rather than
 * struck and re-inserted. Called by `pairBlocks` only for blocks that are not all paired in place;
 * and, through `regroupItems`, for the items of a list whose items were reordered.
 */
import type { Block } from '../model/types.js';
import { blockText } from '../model/text.js';
import { sameBlock } from '../model/equal.js';
import { blockWordsOf } from '../model/digest.js';
import { increasingRun, walkTrimmed } from './sequence.js';
import { PARAGRAPH_BREAK } from './tokens.js';
import { WordIds, type WordBag } from './similarity.js';

type TextBlock = Exclude<Block, { type: 'table' }>;
type List = Extract<Block, { type: 'list' }>;

/**
 * A number a paragraph or list item carries in its own text (`(a)`, `(iv)`, `a)`, `1.`, `2°`):
 * when items are reordered it changes with their place, which is renumbering, not rewording.
 */
const OWN_LABEL = /^\s*(?:\((?:\d{1,3}[a-z]?|[a-z]{1,2}|[ivxlcdm]{1,6}|[A-Z]{1,2})\)|(?:\d{1,3}[a-z]?|[a-z]{1,2}|[ivxlcdm]{1,6})[.)°])\s+/;

/** A text without the number it starts with (`OWN_LABEL`). */
export function withoutLabel(text: string): string {
  const m = OWN_LABEL.exec(text);
  return m ? text.slice(m[0].length) : text;
}

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
export function regroupBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], keys: (b: Block) => string, fits: (o: Block, n: Block) => boolean, splitAndMerge = true): BlockGroup[] {
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

  const { moves, anchors } = findMoves(oldBlocks, newBlocks, gaps, text, sim);
  const out: BlockGroup[] = [];
  for (const item of items) {
    if ('equal' in item) out.push({ kind: 'pair', old: oldBlocks[item.equal[0]]!, new: newBlocks[item.equal[1]]! });
    else regroupGap(oldBlocks, newBlocks, item.gap, moves, anchors, text, splitAndMerge ? sim : () => 0, fits, out);
  }
  return out;
}

/** One item of two lists regrouped (`BlockGroup`, each item read as a one-item list), with its indexes in the two lists. */
export interface ItemGroup {
  group: Exclude<BlockGroup, { kind: 'regrouped' }>;
  old: number | null;
  new: number | null;
}

/**
 * The items of two lists paired as `regroupBlocks` pairs blocks, each item read as a one-item
 * list of its own (its text is the item's, as the list joins it): equal items in order, an item
 * that changed place marked moved, the rest in order. An item is not split or merged. Null when
 * no item moved: the lists are then compared as one text.
 */
export function regroupItems(oldList: List, newList: List, keys: (b: Block) => string): ItemGroup[] | null {
  const one = (item: Block[]): List => ({ type: 'list', ordered: oldList.ordered, items: [item] });
  const olds = oldList.items.map(one);
  const news = newList.items.map((item): List => ({ type: 'list', ordered: newList.ordered, items: [item] }));
  const groups = regroupBlocks(olds, news, keys, () => true, false);
  if (!groups.some((g) => g.kind === 'moved')) return null;
  const oldIndex = new Map<Block, number>(olds.map((b, i) => [b, i]));
  const newIndex = new Map<Block, number>(news.map((b, j) => [b, j]));
  return groups.map((group) => {
    if (group.kind === 'regrouped') throw new Error('list items are never regrouped');
    if (group.kind === 'moved') return { group, old: group.side === 'from' ? group.oldIndex : null, new: group.side === 'to' ? group.newIndex : null };
    return { group, old: group.old ? oldIndex.get(group.old)! : null, new: group.new ? newIndex.get(group.new)! : null };
  });
}

/**
 * Blocks that changed place, nearly word for word: an old block and a new block, each the
 * other's most alike among every block left unpaired (so a short item that shares its
 * boilerplate with its neighbours is not taken for one that moved), that stand in two gaps, or
 * in one gap out of order. In one gap, the longest run of such pairs in order stays paired
 * (`anchors`, by old index the new) and the pairs that cross it moved (`moves`, likewise).
 */
function findMoves(oldBlocks: readonly Block[], newBlocks: readonly Block[], gaps: readonly Gap[], text: (b: Block) => b is TextBlock, sim: Similarity): { moves: Map<number, number>; anchors: Map<number, number> } {
  const moves = new Map<number, number>();
  const anchors = new Map<number, number>();
  // Blocks change place only across two gaps, or inside one with two blocks or more each side.
  if (gaps.length < 2 && !gaps.some((g) => g.i1 - g.i0 > 1 && g.j1 - g.j0 > 1)) return { moves, anchors };
  const olds = gaps.flatMap((g, gap) => range(g.i0, g.i1).filter((i) => text(oldBlocks[i]!)).map((i) => ({ i, gap })));
  const news = gaps.flatMap((g, gap) => range(g.j0, g.j1).filter((j) => text(newBlocks[j]!)).map((j) => ({ j, gap })));
  if (!olds.length || !news.length) return { moves, anchors };
  const scores = olds.map((o) => news.map((n) => sim([oldBlocks[o.i]!], [newBlocks[n.j]!], MOVE_FLOOR)));
  const inGap = gaps.map((): Array<{ key: [number, number]; order: number }> => []);
  olds.forEach((o, a) => {
    const row = scores[a]!;
    const b = row.indexOf(Math.max(...row));
    const n = news[b]!;
    if (row[b]! < MOVE_FLOOR || !scores.every((r, a2) => a2 === a || r[b]! < row[b]!)) return;
    if (n.gap === o.gap) inGap[o.gap]!.push({ key: [o.i, n.j], order: n.j });
    else moves.set(o.i, n.j);
  });
  for (const pairs of inGap) {
    const kept = new Set(increasingRun(pairs));
    // Pairs all in order: the gap is paired in order, as it was before any move was looked for.
    if (kept.size === pairs.length) continue;
    for (const { key } of pairs) (kept.has(key) ? anchors : moves).set(key[0], key[1]);
  }
  return { moves, anchors };
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
  anchors: ReadonlyMap<number, number>,
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
  // An anchor (`findMoves`) is a pair a group may not take or cross either.
  const anchored = [...anchors].filter(([i]) => i >= gap.i0 && i < gap.i1).map(([i, j]) => ({ i0: i, i1: i + 1, j0: j, j1: j + 1, s: 1 }));
  const apart = (c: Regroup, t: Regroup) => (c.i1 <= t.i0 && c.j1 <= t.j0) || (c.i0 >= t.i1 && c.j0 >= t.j1);
  for (const c of candidates) if (taken.every((t) => apart(c, t)) && anchored.every((t) => apart(c, t))) taken.push(c);
  taken.sort((a, b) => a.i0 - b.i0);

  let i = gap.i0;
  let j = gap.j0;
  for (const t of [...taken, { i0: gap.i1, i1: gap.i1, j0: gap.j1, j1: gap.j1, s: 0 }]) {
    pairInOrder(oldBlocks, newBlocks, { i0: i, i1: t.i0, j0: j, j1: t.j0 }, moves, movedNew, anchors, fits, out);
    if (t.i1 > t.i0 && t.j1 > t.j0) out.push({ kind: 'regrouped', old: oldBlocks.slice(t.i0, t.i1) as TextBlock[], new: newBlocks.slice(t.j0, t.j1) as TextBlock[] });
    i = t.i1;
    j = t.j1;
  }
}

/**
 * The rest of a gap: each old block with the next new block it fits after the last one taken
 * (`pairSequences`' rule), or with its anchor (`findMoves`), never past the next anchor; a
 * moved block where it stood or stands.
 */
function pairInOrder(
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  g: Gap,
  moves: ReadonlyMap<number, number>,
  movedNew: ReadonlyMap<number, number>,
  anchors: ReadonlyMap<number, number>,
  fits: (o: Block, n: Block) => boolean,
  out: BlockGroup[],
): void {
  const pushNew = (k: number) => {
    const from = movedNew.get(k);
    out.push(from === undefined ? { kind: 'pair', old: null, new: newBlocks[k]! } : { kind: 'moved', side: 'to', old: oldBlocks[from] as TextBlock, new: newBlocks[k] as TextBlock, oldIndex: from, newIndex: k });
  };
  // By old index, the new index of the next anchor at or after it (anchors are in order).
  const limits: number[] = [];
  for (let i = g.i1 - 1, limit = g.j1; i >= g.i0; i--) limits[i - g.i0] = limit = anchors.get(i) ?? limit;
  let nj = g.j0;
  for (let i = g.i0; i < g.i1; i++) {
    const o = oldBlocks[i]!;
    const to = moves.get(i);
    if (to !== undefined) {
      out.push({ kind: 'moved', side: 'from', old: o as TextBlock, new: newBlocks[to] as TextBlock, oldIndex: i, newIndex: to });
      continue;
    }
    const anchor = anchors.get(i);
    let k = nj;
    if (anchor !== undefined) k = anchor;
    else while (k < limits[i - g.i0]! && (movedNew.has(k) || !fits(o, newBlocks[k]!))) k++;
    if (k < limits[i - g.i0]! || k === anchor) {
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

/* ---------- paragraphs moved across clauses ---------- */

/**
 * Text that left one clause for another is the same text moved when its words are at least
 * this alike (a block inserted whole) or this much found again (a block merged into another's
 * paragraph, `WordIds.containedBeyond`). Higher than `MOVE_FLOOR`, as a move across the
 * document is less likely than one inside a clause; at 0.8 a paragraph of fifteen words moved
 * with a phrase added (about 0.87) is still a move. On the real corpus no candidate scores
 * between 0.5 and 1 (`npm run measure:redline`): the one found is the L121-36 merge, at 1.
 */
export const MOVE_ACROSS_FLOOR = 0.8;
/** ...and at least this many words: shorter texts (`(Supprimé)`, `Not used.`) recur as boilerplate. */
export const MOVE_ACROSS_MIN_WORDS = 8;

/** Where text deleted whole from one clause may have gone, in another clause. */
export type AcrossTarget =
  /** A block inserted whole. */
  | { kind: 'whole'; clause: number; block: TextBlock }
  /** A paragraph that kept its text and gained a run at its start or end (two paragraphs merged). */
  | { kind: 'merge'; clause: number; old: TextBlock; new: TextBlock };

/** A deleted block (`from`, its index) that reappears at a target (`to`, its index): whole, or as the run at the start or end of a merged paragraph. */
export interface AcrossMove {
  from: number;
  to: number;
  at: 'whole' | 'start' | 'end';
}

/**
 * Blocks deleted whole (each with the index of its clause) that reappear in another clause, as
 * a block inserted whole or as the run gained at the start or end of a paragraph. Each block
 * and target is taken once, most alike first.
 */
export function matchMovesAcross(deleted: ReadonlyArray<{ clause: number; block: TextBlock }>, targets: readonly AcrossTarget[]): AcrossMove[] {
  // Word hashes first, bags only for what passes the checks on word counts and kept ends: most
  // comparisons amend many paragraphs, and few of them gained as many words as a source holds.
  const wordsOf = (b: Block) => blockWordsOf(b).length >> 1;
  const ids = new WordIds();
  const bags = new Map<Block, WordBag>();
  const bag = (b: Block) => bags.get(b) ?? bags.set(b, ids.bagOf(blockWordsOf(b))).get(b)!;
  const sources = deleted.map((d, k) => ({ ...d, k, words: wordsOf(d.block) })).filter((d) => d.words >= MOVE_ACROSS_MIN_WORDS);
  if (sources.length === 0) return [];
  // Only a paragraph reads as the start or end of another, and only one that gained enough words to hold it.
  const fewestParagraphWords = Math.min(...sources.filter((d) => d.block.type === 'paragraph').map((d) => d.words));
  const candidates: Array<AcrossMove & { s: number }> = [];
  targets.forEach((t, to) => {
    if (t.kind === 'whole') {
      const words = wordsOf(t.block);
      if (words < MOVE_ACROSS_MIN_WORDS) return;
      for (const d of sources) {
        // A Dice coefficient is at most 2 min / (sum) of the two sizes.
        if (d.clause === t.clause || (2 * Math.min(d.words, words)) / (d.words + words) < MOVE_ACROSS_FLOOR) continue;
        const s = ids.similarity(bag(d.block), bag(t.block));
        if (s >= MOVE_ACROSS_FLOOR) candidates.push({ from: d.k, to, at: 'whole', s });
      }
      return;
    }
    const gained = wordsOf(t.new) - wordsOf(t.old);
    if (gained < MOVE_ACROSS_FLOOR * fewestParagraphWords) return;
    const at = keptEnd(blockWordsOf(t.old), blockWordsOf(t.new));
    if (!at) return;
    for (const d of sources) {
      if (d.block.type !== 'paragraph' || d.clause === t.clause || gained < MOVE_ACROSS_FLOOR * d.words) continue;
      const s = ids.containedBeyond(bag(d.block), bag(t.old), bag(t.new));
      if (s >= MOVE_ACROSS_FLOOR) candidates.push({ from: d.k, to, at, s });
    }
  });
  candidates.sort((x, y) => y.s - x.s || x.from - y.from || x.to - y.to);
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const out: AcrossMove[] = [];
  for (const { from, to, at } of candidates) {
    if (usedFrom.has(from) || usedTo.has(to)) continue;
    usedFrom.add(from);
    usedTo.add(to);
    out.push({ from, to, at });
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * Where a paragraph gained its new words when it kept its old text at one end: `start` when
 * its old words end it (at least half of them, word for word), `end` when they begin it; null
 * when neither end was kept. `o`, `n`: the two texts' `wordHashes`, two numbers a word.
 */
function keptEnd(o: Int32Array, n: Int32Array): 'start' | 'end' | null {
  const oldWords = o.length >> 1;
  const newWords = n.length >> 1;
  const most = Math.min(oldWords, newWords);
  const same = (i: number, j: number) => o[2 * i] === n[2 * j] && o[2 * i + 1] === n[2 * j + 1];
  let p = 0;
  while (p < most && same(p, p)) p++;
  let s = 0;
  while (s < most - p && same(oldWords - 1 - s, newWords - 1 - s)) s++;
  if (Math.max(p, s) * 2 < oldWords) return null;
  return s >= p ? 'start' : 'end';
}
