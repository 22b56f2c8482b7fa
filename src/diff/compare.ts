/**
 * The second stage of the redline: what to compare inside each pair of clauses. From the clause
 * pairing it finds each pair's status as far as the pairing decides it (renumbered, moved,
 * inserted, deleted, or untouched), pairs the blocks of two texts, the sections of two
 * documents, and the columns and rows of two tables (rows on a key column), and gives each text
 * that changed as its old and new runs. Whether a changed text changed in what a reader sees,
 * and how, is for the word marks (`markWords`).
 */
import type { Block, Clause, ClauseDocument, TableCell } from '../model/types.js';
import { blockText, inlineText, normalizeSpace } from '../model/text.js';
import { sameBlock, sameInlines } from '../model/equal.js';
import { digestOf, type DocumentDigest } from '../model/digest.js';
import { DEFINITIONS_HEADER } from '../model/query.js';
import { normNumber } from '../model/query.js';
import type { ClausePair, ClausePairing } from './pair.js';
import { EMPTY, increasingRun, pairSequences, placeDeleted, type SequencePair } from './sequence.js';
import { dice, WordIds, type Multiset } from './similarity.js';
import { blockRuns, inlineRuns, PARAGRAPH_BREAK, plainRuns, type StyledRun } from './tokens.js';
import { matchMovesAcross, regroupBlocks, regroupItems, samePlaceReordered, withoutLabel, type AcrossTarget, type BlockGroup, type ItemGroup } from './regroup.js';

export type Table = Extract<Block, { type: 'table' }>;
export type TextBlock = Exclude<Block, Table>;

/** A text compared as runs: a heading, a block or a table cell. */
export interface TextComparison {
  /** The old and new text as runs; null on the side that has none. */
  readonly oldRuns: readonly StyledRun[] | null;
  readonly newRuns: readonly StyledRun[] | null;
}

/** Two blocks compared as running text (one of them absent for an inserted or deleted block). */
export interface TextBlockComparison extends TextComparison {
  readonly kind: 'text';
  readonly old: TextBlock | null;
  readonly new: TextBlock | null;
  /**
   * Both sides are the same block, content and formatting: nothing to mark, and no runs made
   * (`oldRuns` and `newRuns` are null).
   */
  readonly same: boolean;
  /**
   * The block changed place in its clause (regroup.ts): `from` stands where it was (`new` is
   * null), `to` where it is, compared with its old self. Indexes are in the clause's blocks (in
   * the list's items, for an item). `labelOnly`: its old and new text differ only in the number
   * each starts with (`(a)`, `2°`), renumbered with its new place rather than reworded.
   */
  readonly moved?: { readonly side: 'from' | 'to'; readonly oldIndex: number; readonly newIndex: number; readonly labelOnly: boolean };
  /**
   * Two lists whose items were reordered (regroup.ts): each item compared on its own, as a
   * one-item list, in new order with old-only items where they stood.
   */
  readonly items?: readonly ListItemComparison[];
  /**
   * Text moved across clauses (`withMovesAcross`): `from` a block deleted whole here, `clause`
   * the new clause it went to; `to` where it is, `clause` the old clause it came from, `at`
   * whether it is a block inserted whole here or the start or end of a paragraph that took it
   * in (two paragraphs merged), and `movedRuns` the old text to mark it against: the moved
   * block's, and for a merge the paragraph's own old text joined to it in the order they now stand.
   */
  readonly across?: { readonly side: 'from'; readonly clause: Clause } | { readonly side: 'to'; readonly clause: Clause; readonly at: 'whole' | 'start' | 'end'; readonly movedRuns: readonly StyledRun[] };
}

/** One item of two lists compared (`TextBlockComparison.items`), with its index in each list (null on a side it is not on). */
export interface ListItemComparison {
  readonly item: TextBlockComparison;
  readonly old: number | null;
  readonly new: number | null;
}

/**
 * One paragraph split in several, or several merged into one (regroup.ts): compared as one
 * text, each side's blocks joined by `PARAGRAPH_BREAK`, so only the words that changed are marked.
 */
export interface RegroupedComparison extends TextComparison {
  readonly kind: 'regrouped';
  readonly old: readonly TextBlock[];
  readonly new: readonly TextBlock[];
}

export interface CellComparison extends TextComparison {
  /** Set when a source row is shorter than the header and has no cell here on that side. */
  readonly missing: 'old' | 'new' | 'both' | null;
}

export interface ColumnPairing {
  /** Column index in the old / new table; null for an inserted / deleted column. */
  readonly old: number | null;
  readonly new: number | null;
  readonly header: CellComparison;
}

export interface RowPairing {
  /** Row index (header excluded) in the old / new table; null for an inserted / deleted row. */
  readonly old: number | null;
  readonly new: number | null;
  /** The key column's text, normalised; null when rows are not paired by key. */
  readonly key: string | null;
  /** Paired, but off the longest run of rows in their old order. */
  readonly moved: boolean;
  /** One per column of `TableComparison.columns`, in the same order. */
  readonly cells: readonly CellComparison[];
}

export interface TableComparison {
  readonly kind: 'table';
  readonly old: Table | null;
  readonly new: Table | null;
  /** How rows were paired: by a key column (a definitions table keys by its term column). */
  readonly keyColumn: { old: number; new: number; name: string; definitions: boolean } | null;
  /** New-table order, deleted columns kept in their old place. */
  readonly columns: readonly ColumnPairing[];
  /** New-table order, deleted rows kept in their old place. */
  readonly rows: readonly RowPairing[];
}

export type BlockPairing = TextBlockComparison | TableComparison | RegroupedComparison;

/** Two headings; either may be missing. */
export interface HeadingComparison {
  readonly old: string | null;
  readonly new: string | null;
}

/**
 * One clause pair, as far as the pairing decides it. `untouched`: the same number, parent and
 * own content, so nothing of its own is compared (every block is paired with its twin).
 * `inserted` and `deleted`: one side only, every block on that side. `compared`: paired, and
 * renumbered, moved or with its own content changed.
 */
export interface ClauseComparison {
  readonly kind: 'untouched' | 'compared' | 'inserted' | 'deleted';
  readonly pair: ClausePair;
  /** The number changed (as written with `showFormatting`, else ignoring spaces and a trailing dot). */
  readonly renumbered: boolean;
  /** The parent changed. */
  readonly moved: boolean;
  /** Null when neither side has a heading, and for an untouched clause (whose heading is the same). */
  readonly heading: HeadingComparison | null;
  /** The clause's own blocks before its children. */
  readonly content: readonly BlockPairing[];
  /** Continuation blocks after its children. */
  readonly tail: readonly BlockPairing[];
  /** The clauses below, in redline order. */
  readonly children: readonly ClauseComparison[];
}

export interface SectionComparison {
  readonly old: ClauseDocument['sections'][number] | null;
  readonly new: ClauseDocument['sections'][number] | null;
  readonly heading: TextComparison;
  readonly content: readonly BlockPairing[];
}

/** The output of `compareBlocks`. */
export interface BlockComparison {
  readonly old: ClauseDocument;
  readonly new: ClauseDocument;
  readonly preamble: readonly BlockPairing[];
  readonly sections: readonly SectionComparison[];
  readonly clauses: readonly ClauseComparison[];
  /**
   * Every table below a clause pair the same all the way down (`ClausePair.identicalBelow`, whose
   * sub-clauses are not compared one by one), by its new block, compared with its twin.
   */
  readonly identicalTables: ReadonlyMap<Table, TableComparison>;
}

export interface CompareOptions {
  /** Compare numbers as written (`2.1` vs `2.1.` is a renumbering). */
  showFormatting: boolean;
}

/** A header that names the column rows are matched on. */
const KEY_HEADER = /^(?:key|id|identifier|ref(?:erence)?|no\.?|number|nr\.?|version|term|defined term|name|begriff)$/i;

export function compareBlocks(pairing: ClausePairing, options: CompareOptions): BlockComparison {
  const identicalTables = new Map<Table, TableComparison>();
  const clauses = withMovesAcross(compareClauses(pairing.clauses, options, { tables: identicalTables, digest: digestOf(pairing.new) }));
  return {
    old: pairing.old,
    new: pairing.new,
    preamble: pairBlocks(pairing.old.preamble, pairing.new.preamble),
    sections: compareSections(pairing.old, pairing.new),
    clauses,
    identicalTables,
  };
}

/** Where the tables below pairs the same all the way down go, and the new document's digest, which says which parts hold any. */
interface IdenticalTables {
  readonly tables: Map<Table, TableComparison>;
  readonly digest: DocumentDigest;
}

function compareClause(pair: ClausePair, options: CompareOptions, identical: IdenticalTables): ClauseComparison {
  const { old: o, new: n } = pair;
  const children = compareClauses(pair.children, options, identical);
  if (!o || !n) {
    const shown = (o ?? n)!;
    const heading = shown.heading === null ? null : { old: o ? shown.heading : null, new: n ? shown.heading : null };
    const content = o ? pairBlocks(shown.content, EMPTY) : pairBlocks(EMPTY, shown.content);
    const tail = o ? pairBlocks(shown.tail, EMPTY) : pairBlocks(EMPTY, shown.tail);
    return { kind: o ? 'deleted' : 'inserted', pair, renumbered: false, moved: false, heading, content, tail, children };
  }
  const renumbered = options.showFormatting ? o.number !== n.number : !sameNumber(o, n);
  const moved = !pair.sameParent;
  if (pair.sameContent && !renumbered && !moved) {
    if (pair.identicalBelow > 0 && identical.digest.clauses.get(n)!.tables > 0) compareIdenticalTables(o.children, n.children, identical.digest, identical.tables);
    return { kind: 'untouched', pair, renumbered, moved, heading: null, content: sameBlocks(o.content, n.content), tail: sameBlocks(o.tail, n.tail), children };
  }
  const heading = o.heading === null && n.heading === null ? null : { old: o.heading, new: n.heading };
  const content = pair.sameContent ? sameBlocks(o.content, n.content) : pairBlocks(o.content, n.content);
  const tail = pair.sameContent ? sameBlocks(o.tail, n.tail) : pairBlocks(o.tail, n.tail);
  return { kind: 'compared', pair, renumbered, moved, heading, content, tail, children };
}

/** Most clauses have no sub-clauses: they share one empty list. */
function compareClauses(pairs: readonly ClausePair[], options: CompareOptions, identical: IdenticalTables): readonly ClauseComparison[] {
  if (pairs.length === 0) return EMPTY;
  const out = new Array<ClauseComparison>(pairs.length);
  for (let i = 0; i < pairs.length; i++) out[i] = compareClause(pairs[i]!, options, identical);
  return out;
}

/**
 * The tables of clauses the same all the way down as their twins, each compared with its twin.
 * `digest`: the new document's, which says what parts hold no table, so most are not walked.
 */
function compareIdenticalTables(olds: readonly Clause[], news: readonly Clause[], digest: DocumentDigest, out: Map<Table, TableComparison>): void {
  for (let i = 0; i < news.length; i++) {
    const o = olds[i]!;
    const n = news[i]!;
    if (digest.clauses.get(n)!.tables === 0) continue;
    compareSameTables(o.content, n.content, out);
    compareSameTables(o.tail, n.tail, out);
    compareIdenticalTables(o.children, n.children, digest, out);
  }
}

function compareSameTables(oldBlocks: readonly Block[], newBlocks: readonly Block[], out: Map<Table, TableComparison>): void {
  for (let j = 0; j < newBlocks.length; j++) {
    const b = newBlocks[j]!;
    if (b.type === 'table') out.set(b, compareTable(oldBlocks[j] as Table, b));
  }
}

/** Whether two clauses have the same number for renumbering, spaces and a trailing dot aside. */
function sameNumber(o: Clause, n: Clause): boolean {
  return o.number === n.number || normNumber(o.number) === normNumber(n.number);
}

/** Blocks known to be the same, content and formatting: each paired with its twin. */
function sameBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): readonly BlockPairing[] {
  if (newBlocks.length === 0) return EMPTY;
  const out = new Array<BlockPairing>(newBlocks.length);
  for (let i = 0; i < newBlocks.length; i++) {
    const n = newBlocks[i]!;
    out[i] = n.type === 'table' ? compareTable(oldBlocks[i] as Table, n) : { kind: 'text', old: oldBlocks[i] as TextBlock, new: n, same: true, oldRuns: null, newRuns: null };
  }
  return out;
}

function kindOf(b: Block): 'text' | 'table' {
  return b.type === 'table' ? 'table' : 'text';
}

/** A block's text for pairing: the same text under another number of its own (`withoutLabel`) is the same block renumbered. */
function blockKey(b: Block): string {
  return `${b.type === 'table' ? 't' : 'p'}\u0001${withoutLabel(normalizeSpace(blockText(b)).trim())}`;
}

/** The blocks of two texts, paired (equal ones in order, then by kind), each compared. */
export function pairBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): readonly BlockPairing[] {
  if (oldBlocks.length === 0 && newBlocks.length === 0) return EMPTY;
  let pairs: Array<SequencePair<Block>>;
  // A whole clause inserted or deleted: nothing to pair, and no block keys to compute.
  if (oldBlocks.length === 0) pairs = newBlocks.map((b) => ({ old: null, new: b }));
  else if (newBlocks.length === 0) pairs = oldBlocks.map((b) => ({ old: b, new: null }));
  // Same count and kinds (nearly every clause): pair in place without computing block keys.
  else if (oldBlocks.length === newBlocks.length && oldBlocks.every((b, i) => kindOf(b) === kindOf(newBlocks[i]!)) && !samePlaceReordered(oldBlocks, newBlocks, blockKey)) pairs = oldBlocks.map((b, i) => ({ old: b, new: newBlocks[i]! }));
  // Blocks added, removed, split, merged or reordered.
  else return regroupBlocks(oldBlocks, newBlocks, blockKey, (o, n) => kindOf(o) === kindOf(n)).map(compareGroup);
  return pairs.map((p) => ((p.new ?? p.old)!.type === 'table' ? compareTable(p.old as Table | null, p.new as Table | null) : compareText(p.old as TextBlock | null, p.new as TextBlock | null)));
}

function compareGroup(g: BlockGroup): BlockPairing {
  if (g.kind === 'regrouped') return { kind: 'regrouped', old: g.old, new: g.new, oldRuns: joinedRuns(g.old), newRuns: joinedRuns(g.new) };
  if (g.kind === 'moved') return compareMoved(g);
  return (g.new ?? g.old)!.type === 'table' ? compareTable(g.old as Table | null, g.new as Table | null) : compareText(g.old as TextBlock | null, g.new as TextBlock | null);
}

function compareMoved(g: Extract<BlockGroup, { kind: 'moved' }>): TextBlockComparison {
  const labelOnly = blockKey(g.old) === blockKey(g.new);
  const moved = { side: g.side, oldIndex: g.oldIndex, newIndex: g.newIndex, labelOnly };
  if (g.side === 'from') return { kind: 'text', old: g.old, new: null, same: false, oldRuns: null, newRuns: null, moved };
  return { kind: 'text', old: g.old, new: g.new, same: false, oldRuns: blockRuns(g.old), newRuns: blockRuns(g.new), moved };
}

/** Two lists whose items were reordered, item by item (`regroupItems`); null when none moved. */
function compareItems(o: Extract<Block, { type: 'list' }>, n: Extract<Block, { type: 'list' }>): TextBlockComparison | null {
  const groups = regroupItems(o, n, blockKey);
  if (!groups) return null;
  const items = groups.map((x: ItemGroup): ListItemComparison => {
    const g = x.group;
    return { item: g.kind === 'moved' ? compareMoved(g) : compareText(g.old as TextBlock | null, g.new as TextBlock | null), old: x.old, new: x.new };
  });
  return { kind: 'text', old: o, new: n, same: false, oldRuns: null, newRuns: null, items };
}

function joinedRuns(blocks: readonly TextBlock[]): StyledRun[] {
  const out: StyledRun[] = [];
  blocks.forEach((b, k) => {
    if (k > 0) out.push({ text: PARAGRAPH_BREAK, style: {}, styleKey: '', atomic: true });
    blockRuns(b, out);
  });
  return out;
}

function compareText(o: TextBlock | null, n: TextBlock | null): TextBlockComparison {
  // Most blocks are untouched: a structural check avoids building their runs at all.
  if (o && n && sameBlock(o, n)) return { kind: 'text', old: o, new: n, same: true, oldRuns: null, newRuns: null };
  // A block on one side only is marked whole, from its runs when they are read.
  if (!o || !n) return { kind: 'text', old: o, new: n, same: false, oldRuns: null, newRuns: null };
  const items = o.type === 'list' && n.type === 'list' && o.items.length > 1 && n.items.length > 1 ? compareItems(o, n) : null;
  return items ?? { kind: 'text', old: o, new: n, same: false, oldRuns: blockRuns(o), newRuns: blockRuns(n) };
}

/**
 * Paragraphs moved across clauses (issue 22, class 5): a block deleted whole in one compared
 * clause whose text reappears in another, as a block inserted whole or as the start or end of a
 * paragraph that took it in (`matchMovesAcross`), is marked at both ends. Only the clauses on
 * the way to a block that changes are rebuilt; most comparisons have no such block at all.
 */
function withMovesAcross(clauses: readonly ClauseComparison[]): readonly ClauseComparison[] {
  const deleted: Array<{ clause: number; block: TextBlock; pairing: TextBlockComparison; in: Clause }> = [];
  const targets: Array<AcrossTarget & { pairing: TextBlockComparison; in: Clause }> = [];
  let index = 0;
  const visitBlocks = (c: ClauseComparison, clause: number, blocks: readonly BlockPairing[]) => {
    for (const b of blocks) {
      if (b.kind !== 'text' || b.same || b.moved || b.items) continue;
      if (b.old && !b.new) deleted.push({ clause, block: b.old, pairing: b, in: c.pair.old! });
      else if (!b.old && b.new) targets.push({ kind: 'whole', clause, block: b.new, pairing: b, in: c.pair.new! });
      else if (b.old?.type === 'paragraph' && b.new?.type === 'paragraph') targets.push({ kind: 'merge', clause, old: b.old, new: b.new, pairing: b, in: c.pair.new! });
    }
  };
  const visit = (c: ClauseComparison) => {
    if (c.kind === 'compared') {
      const clause = index++;
      visitBlocks(c, clause, c.content);
      visitBlocks(c, clause, c.tail);
    }
    for (const child of c.children) visit(child);
  };
  for (const c of clauses) visit(c);
  if (!deleted.length || !targets.length) return clauses;
  const moves = matchMovesAcross(deleted, targets);
  if (!moves.length) return clauses;

  const replaced = new Map<BlockPairing, BlockPairing>();
  for (const m of moves) {
    const d = deleted[m.from]!;
    const t = targets[m.to]!;
    replaced.set(d.pairing, { ...d.pairing, across: { side: 'from', clause: t.in } });
    if (t.kind === 'whole') {
      replaced.set(t.pairing, { ...t.pairing, oldRuns: null, newRuns: blockRuns(t.block), across: { side: 'to', clause: d.in, at: 'whole', movedRuns: blockRuns(d.block) } });
    } else {
      const joined = m.at === 'start' ? [d.block, t.old] : [t.old, d.block];
      replaced.set(t.pairing, { ...t.pairing, across: { side: 'to', clause: d.in, at: m.at, movedRuns: spaceJoinedRuns(joined) } });
    }
  }
  const rebuild = (c: ClauseComparison): ClauseComparison => {
    const swap = (list: readonly BlockPairing[]) => (list.some((b) => replaced.has(b)) ? list.map((b) => replaced.get(b) ?? b) : list);
    const children = c.children.map(rebuild);
    const content = swap(c.content);
    const tail = swap(c.tail);
    const same = content === c.content && tail === c.tail && children.every((x, i) => x === c.children[i]);
    return same ? c : { ...c, content, tail, children };
  };
  return clauses.map(rebuild);
}

/** Paragraphs as one text, joined by a space as a paragraph that took another in joins them. */
function spaceJoinedRuns(blocks: readonly TextBlock[]): StyledRun[] {
  const out: StyledRun[] = [];
  blocks.forEach((b, k) => {
    if (k > 0) out.push({ text: ' ', style: {}, styleKey: '', atomic: false });
    blockRuns(b, out);
  });
  return out;
}

/** Unnumbered top sections (Version History): paired by heading, then by position. */
function compareSections(oldDoc: ClauseDocument, newDoc: ClauseDocument): SectionComparison[] {
  const key = (s: { heading: string }) => normalizeSpace(s.heading).trim().toLowerCase();
  return pairSequences(oldDoc.sections, newDoc.sections, key, () => true).map((p) => ({
    old: p.old,
    new: p.new,
    heading: { oldRuns: plainRuns(p.old?.heading ?? ''), newRuns: plainRuns(p.new?.heading ?? '') },
    content: pairBlocks(p.old?.content ?? [], p.new?.content ?? []),
  }));
}

function cellText(c: TableCell | undefined): string {
  return c ? normalizeSpace(inlineText(c.children)).trim() : '';
}

const EMPTY_CELL: TableCell = { children: [] };

/** Two cells (either possibly absent), as runs: one list for both when they are the same (most cells). */
function compareCell(o: TableCell | null | undefined, n: TableCell | null | undefined, missing: CellComparison['missing']): CellComparison {
  if (o && n && sameInlines(o.children, n.children)) {
    const runs = inlineRuns(n.children);
    return { oldRuns: runs, newRuns: runs, missing };
  }
  return { oldRuns: o ? inlineRuns(o.children) : null, newRuns: n ? inlineRuns(n.children) : null, missing };
}

function compareTable(o: Table | null, n: Table | null): TableComparison {
  // Columns: by header text in order, then a renamed header in the same place.
  const oldCols = o ? o.header.map((_, i) => i) : [];
  const newCols = n ? n.header.map((_, i) => i) : [];
  // In a gap, a column is the same column renamed when its header or its cells are mostly kept.
  const ids = new WordIds();
  const column = (t: Table, i: number) => ({ i, text: cellText(t.header[i]), cells: multisetOf(t.rows.map((r) => cellText(r[i]))) });
  const headerPairs = pairSequences(
    oldCols.map((i) => column(o!, i)),
    newCols.map((i) => column(n!, i)),
    (c) => c.text,
    (x, y) => ids.similarity(ids.bag(x.text), ids.bag(y.text)) >= 0.5 || dice(x.cells, y.cells) >= 0.5,
  );
  const columns: ColumnPairing[] = headerPairs.map((p) => ({
    old: p.old?.i ?? null,
    new: p.new?.i ?? null,
    header: compareCell(p.old ? o!.header[p.old.i] : null, p.new ? n!.header[p.new.i] : null, null),
  }));

  // The key column: one the header names, else the first column both tables share.
  const shared = columns.filter((c) => c.old !== null && c.new !== null);
  const named = shared.find((c) => KEY_HEADER.test(cellText(n!.header[c.new!])));
  const keyCol = named ?? shared[0] ?? null;
  let keyColumn: TableComparison['keyColumn'] = null;
  let rowPairs: Array<{ old: number | null; new: number | null }>;
  const keysOf = (t: Table, col: number) => t.rows.map((r) => cellText(r[col]));
  if (o && n && keyCol) {
    const ok = keysOf(o, keyCol.old!);
    const nk = keysOf(n, keyCol.new!);
    if (unique(ok) && unique(nk)) {
      const name = cellText(n.header[keyCol.new!]);
      keyColumn = { old: keyCol.old!, new: keyCol.new!, name, definitions: DEFINITIONS_HEADER.test(name) };
      rowPairs = pairByKey(ok, nk, rekeyed(o, n, ok, nk, keyCol.old!, keyCol.new!));
    } else rowPairs = pairRowsByContent(o, n);
  } else if (o && n) rowPairs = pairRowsByContent(o, n);
  else rowPairs = o ? o.rows.map((_, i) => ({ old: i, new: null })) : n!.rows.map((_, i) => ({ old: null, new: i }));

  // Rows matched by key may have changed order: those off the longest in-order run moved.
  const inOrder = new Set(increasingRun(rowPairs.filter((p) => p.old !== null && p.new !== null).map((p) => ({ key: p, order: p.old! }))));
  const rows: RowPairing[] = rowPairs.map((p) => {
    const orow = p.old !== null ? o!.rows[p.old]! : null;
    const nrow = p.new !== null ? n!.rows[p.new]! : null;
    const cells = columns.map((c) => {
      const oc = orow && c.old !== null ? orow[c.old] : null;
      const nc = nrow && c.new !== null ? nrow[c.new] : null;
      // Short source rows: blockText joins only the cells a row has, so the redline says which are absent.
      const missOld = orow !== null && c.old !== null && oc === undefined;
      const missNew = nrow !== null && c.new !== null && nc === undefined;
      const missing = missOld || missNew ? (missOld && missNew ? 'both' : missOld ? 'old' : 'new') : null;
      return compareCell(oc ?? (orow && c.old !== null ? EMPTY_CELL : null), nc ?? (nrow && c.new !== null ? EMPTY_CELL : null), missing);
    });
    const key = keyColumn ? cellText((nrow ?? orow)![nrow ? keyColumn.new : keyColumn.old]) : null;
    return { old: p.old, new: p.new, key, moved: p.old !== null && p.new !== null && !inOrder.has(p), cells };
  });
  return { kind: 'table', old: o, new: n, keyColumn, columns, rows };
}

function multisetOf(items: string[]): Multiset<string> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function unique(keys: string[]): boolean {
  return keys.every((k) => k !== '') && new Set(keys).size === keys.length;
}

/**
 * Rows whose key is on one side only but whose other cells are the same as one such row's on the
 * other side, in order: a row re-lettered (`B` became `C`), which pairs as the same row with its
 * key marked, not as a deletion and an insertion. By new row, its old row.
 */
function rekeyed(o: Table, n: Table, oldKeys: string[], newKeys: string[], oldKeyCol: number, newKeyCol: number): Map<number, number> {
  const out = new Map<number, number>();
  const newKeySet = new Set(newKeys);
  const oldKeySet = new Set(oldKeys);
  const rest = (t: Table, i: number, keyCol: number) => t.rows[i]!.filter((_, c) => c !== keyCol).map(cellText).join('\u0001');
  const olds = new Map<string, number[]>();
  oldKeys.forEach((k, i) => {
    if (newKeySet.has(k)) return;
    const r = rest(o, i, oldKeyCol);
    if (r) olds.set(r, [...(olds.get(r) ?? []), i]);
  });
  if (!olds.size) return out;
  newKeys.forEach((k, j) => {
    if (oldKeySet.has(k)) return;
    const i = olds.get(rest(n, j, newKeyCol))?.shift();
    if (i !== undefined) out.set(j, i);
  });
  return out;
}

/** Rows by key (or `rekeyed`); new order, with a deleted row placed after the old row it followed. */
function pairByKey(oldKeys: string[], newKeys: string[], rekeyed: ReadonlyMap<number, number>): Array<{ old: number | null; new: number | null }> {
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  const newIndex = new Map(newKeys.map((k, i) => [k, i]));
  const rekeyedOld = new Map([...rekeyed].map(([j, i]) => [i, j]));
  return placeDeleted<{ old: number | null; new: number | null }>(
    newKeys.map((k, j) => ({ old: oldIndex.get(k) ?? rekeyed.get(j) ?? null, new: j })),
    oldKeys.map((k, i) => {
      const j = newIndex.get(k) ?? rekeyedOld.get(i);
      return j === undefined ? { placed: { old: i, new: null }, partnerNew: null } : { placed: null, partnerNew: j };
    }),
  );
}

/** Rows without a usable key: equal rows in order, then rows with the same first cell. */
function pairRowsByContent(o: Table, n: Table): Array<{ old: number | null; new: number | null }> {
  const rowKey = (t: Table) => (i: number) => t.rows[i]!.map((c) => cellText(c)).join('\u0001');
  const ok = rowKey(o);
  const nk = rowKey(n);
  const tagged = pairSequences(
    o.rows.map((_, i) => ({ k: ok(i), f: cellText(o.rows[i]![0]), i })),
    n.rows.map((_, i) => ({ k: nk(i), f: cellText(n.rows[i]![0]), i })),
    (x) => x.k,
    (x, y) => x.f === y.f,
  );
  return tagged.map((p) => ({ old: p.old?.i ?? null, new: p.new?.i ?? null }));
}
