/**
 * Pairing two sequences, shared by every stage of the redline: the children of two clauses,
 * the blocks of two texts, the sections, columns and rows of two documents and tables, and the
 * tokens of two texts.
 */
import { diffArrays } from 'diff';

/**
 * The bound on every sequence diff of clauses, blocks, sections and columns (jsdiff's
 * `maxEditLength`): past it, everything between the common head and tail is one gap.
 */
export const SEQUENCE_EDIT_BOUND = 2000;

/**
 * Walks a bounded diff of two sequences: each run of equal items in order (`equal(i, j)` per
 * pair), and each gap between two such runs (`gap`, the ranges `old[i0..i1)` and `new[j0..j1)`,
 * either of them possibly empty). Past the bound, the whole of both sequences is one gap.
 */
export function walkSequences<T>(
  oldItems: readonly T[],
  newItems: readonly T[],
  comparator: ((o: T, n: T) => boolean) | undefined,
  equal: (i: number, j: number) => void,
  gap: (i0: number, i1: number, j0: number, j1: number) => void,
): void {
  const changes = diffArrays(oldItems as T[], newItems as T[], { comparator, maxEditLength: SEQUENCE_EDIT_BOUND });
  if (!changes) {
    gap(0, oldItems.length, 0, newItems.length);
    return;
  }
  let i = 0;
  let j = 0;
  let gi = 0;
  let gj = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.removed) i += n;
    else if (c.added) j += n;
    else {
      gap(gi, i, gj, j);
      for (let k = 0; k < n; k++) equal(i++, j++);
      gi = i;
      gj = j;
    }
  }
  gap(gi, i, gj, j);
}

/**
 * `walkSequences`, with the same items at the start and at the end taken in order first, without
 * a diff: nearly always every item is the same, and otherwise most are, so only those between go
 * to jsdiff. `same` decides what is the same; `equal` and `gap` are called in order, as by
 * `walkSequences` (a gap with one side empty included).
 */
export function walkTrimmed<T>(
  oldItems: readonly T[],
  newItems: readonly T[],
  same: (o: T, n: T) => boolean,
  equal: (i: number, j: number) => void,
  gap: (i0: number, i1: number, j0: number, j1: number) => void,
): void {
  const no = oldItems.length;
  const nn = newItems.length;
  let head = 0;
  while (head < no && head < nn && same(oldItems[head]!, newItems[head]!)) head++;
  let tail = 0;
  while (tail < no - head && tail < nn - head && same(oldItems[no - 1 - tail]!, newItems[nn - 1 - tail]!)) tail++;
  for (let k = 0; k < head; k++) equal(k, k);
  const midO = oldItems.slice(head, no - tail);
  const midN = newItems.slice(head, nn - tail);
  if (midO.length && midN.length) walkSequences(midO, midN, same, (i, j) => equal(head + i, head + j), (i0, i1, j0, j1) => gap(head + i0, head + i1, head + j0, head + j1));
  else gap(head, no - tail, head, nn - tail);
  for (let k = tail; k > 0; k--) equal(no - k, nn - k);
}

/**
 * One empty list, frozen, for every list of a stage's output that has nothing in it (most
 * clauses have no sub-clauses and no tail): an untouched document makes no empty arrays.
 */
export const EMPTY: never[] = Object.freeze([]) as never[];

/** One item of two sequences merged: paired, or on one side only. */
export interface SequencePair<T> {
  old: T | null;
  new: T | null;
}

/**
 * Pair old and new items: equal keys in order first, then in each gap `fits` decides pairs in
 * order. Returns the merged sequence in new order with unpaired old items where they stood.
 */
export function pairSequences<T>(oldItems: readonly T[], newItems: readonly T[], key: (x: T) => string, fits: (o: T, n: T) => boolean): Array<SequencePair<T>> {
  const out: Array<SequencePair<T>> = [];
  walkTrimmed(
    oldItems.map(key),
    newItems.map(key),
    (o, n) => o === n,
    (i, j) => out.push({ old: oldItems[i]!, new: newItems[j]! }),
    (i0, i1, j0, j1) => {
      // In a gap: walk the old items and take the next fitting new item after the last taken.
      let nj = j0;
      for (let i = i0; i < i1; i++) {
        const o = oldItems[i]!;
        let k = nj;
        while (k < j1 && !fits(o, newItems[k]!)) k++;
        if (k < j1) {
          for (; nj < k; nj++) out.push({ old: null, new: newItems[nj]! });
          out.push({ old: o, new: newItems[k]! });
          nj = k + 1;
        } else out.push({ old: o, new: null });
      }
      for (; nj < j1; nj++) out.push({ old: null, new: newItems[nj]! });
    },
  );
  return out;
}

/**
 * Insert unpaired old items into a new-order list: each goes right after the new position of
 * the nearest earlier old item that was paired (or first, if none was). `olds` lists the old
 * items in old order: `placed`, the item to insert for one left unpaired, or the new position
 * of its partner.
 */
export function placeDeleted<T>(newItems: readonly T[], olds: ReadonlyArray<{ placed: T; partnerNew: null } | { placed: null; partnerNew: number }>): T[] {
  const after = new Map<number, T[]>();
  let anchor = -1;
  for (const o of olds) {
    if (o.partnerNew !== null) anchor = o.partnerNew;
    else {
      const list = after.get(anchor);
      if (list) list.push(o.placed);
      else after.set(anchor, [o.placed]);
    }
  }
  const out: T[] = [...(after.get(-1) ?? [])];
  newItems.forEach((n, j) => {
    out.push(n);
    const placed = after.get(j);
    if (placed) out.push(...placed);
  });
  return out;
}

/** The longest subsequence with strictly increasing `order` (patience sorting), returned as keys, in order. */
export function increasingRun<K>(items: ReadonlyArray<{ key: K; order: number }>): K[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.order < items[i]!.order) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: K[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(items[i]!.key);
  return out.reverse();
}
