/**
 * The blocks inside one pair of clauses: paragraphs, lists and code compared as text, tables
 * row by row (matched on a key column) and cell by cell.
 */
import { diffArrays } from 'diff';
import { increasingRun, type BlockStatus, type CellChange, type ColumnChange, type ContentChange, type RowChange, type Segment, type TableChange, type TextBlockChange } from '../model/change.js';
import type { Block, TableCell } from '../model/types.js';
import { blockText, inlineText, normalizeSpace } from '../model/text.js';
import { sameBlock } from '../model/equal.js';
import { DEFINITIONS_HEADER } from '../model/query.js';
import { blockRuns, inlineRuns, type TermIndex, type TokenKeys } from './tokens.js';
import { diffRuns, wholeSegments } from './words.js';
import { dice, textSimilarity, WordIds } from './similarity.js';

export interface BlockContext {
  exact: boolean;
  maxEditLength: number;
  terms: TermIndex;
  /** The ids of token keys, for every word diff of the comparison. */
  keys: TokenKeys;
  /** Counts word diffs that hit the edit bound. */
  replacedWhole: number;
}

type Table = Extract<Block, { type: 'table' }>;
type TextBlock = Exclude<Block, Table>;

/** A header that names the column rows are matched on. */
const KEY_HEADER = /^(?:key|id|identifier|ref(?:erence)?|no\.?|number|nr\.?|version|term|defined term|name|begriff)$/i;

function kindOf(b: Block): 'text' | 'table' {
  return b.type === 'table' ? 'table' : 'text';
}

function blockKey(b: Block): string {
  return `${b.type === 'table' ? 't' : 'p'}\u0001${normalizeSpace(blockText(b)).trim()}`;
}

/**
 * Pair old and new items: equal keys in order first, then in each gap `fits` decides pairs in
 * order. Returns the merged sequence in new order with unpaired old items where they stood.
 */
export function pairSequences<T>(oldItems: readonly T[], newItems: readonly T[], key: (x: T) => string, fits: (o: T, n: T) => boolean): Array<{ old: T | null; new: T | null }> {
  const out: Array<{ old: T | null; new: T | null }> = [];
  // Bounded like every diff here; past the bound the whole sequence is one gap.
  const changes = diffArrays(oldItems.map(key), newItems.map(key), { maxEditLength: 2000 }) ?? [
    { count: oldItems.length, removed: true, added: false, value: [] },
    { count: newItems.length, added: true, removed: false, value: [] },
  ];
  let i = 0;
  let j = 0;
  let gapO: T[] = [];
  let gapN: T[] = [];
  const flush = () => {
    // In a gap: walk the old items and take the next fitting new item after the last taken.
    let nj = 0;
    for (const o of gapO) {
      let k = nj;
      while (k < gapN.length && !fits(o, gapN[k]!)) k++;
      if (k < gapN.length) {
        for (; nj < k; nj++) out.push({ old: null, new: gapN[nj]! });
        out.push({ old: o, new: gapN[k]! });
        nj = k + 1;
      } else out.push({ old: o, new: null });
    }
    for (; nj < gapN.length; nj++) out.push({ old: null, new: gapN[nj]! });
    gapO = [];
    gapN = [];
  };
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.removed) {
      gapO.push(...oldItems.slice(i, i + n));
      i += n;
    } else if (c.added) {
      gapN.push(...newItems.slice(j, j + n));
      j += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) out.push({ old: oldItems[i++]!, new: newItems[j++]! });
    }
  }
  flush();
  return out;
}

export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], ctx: BlockContext): ContentChange[] {
  if (oldBlocks.length === 0 && newBlocks.length === 0) return [];
  return pairBlocks(oldBlocks, newBlocks).map((p) => {
    const shown = (p.new ?? p.old)!;
    if (shown.type === 'table') return diffTable(p.old as Table | null, p.new as Table | null, ctx);
    return diffText(p.old as TextBlock | null, p.new as TextBlock | null, ctx);
  });
}

function pairBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): Array<{ old: Block | null; new: Block | null }> {
  // A whole clause inserted or deleted: nothing to pair, and no block keys to compute.
  if (oldBlocks.length === 0) return newBlocks.map((b) => ({ old: null, new: b }));
  if (newBlocks.length === 0) return oldBlocks.map((b) => ({ old: b, new: null }));
  // Same count and kinds (nearly every clause): pair in place without computing block keys.
  return oldBlocks.length === newBlocks.length && oldBlocks.every((b, i) => kindOf(b) === kindOf(newBlocks[i]!))
    ? oldBlocks.map((b, i) => ({ old: b, new: newBlocks[i]! }))
    : pairSequences(oldBlocks, newBlocks, blockKey, (o, n) => kindOf(o) === kindOf(n));
}

export function diffText(o: TextBlock | null, n: TextBlock | null, ctx: BlockContext): TextBlockChange {
  const blockType = (n ?? o)!.type;
  if (o && n) {
    // Most blocks are untouched: a structural check avoids building the old block's runs at all.
    if (sameBlock(o, n)) return unchangedText(blockType, o, n);
    const r = diffRuns(blockRuns(o), blockRuns(n), ctx);
    if (r.replacedWhole) ctx.replacedWhole++;
    const changed = r.changed || (ctx.exact && o.type !== n.type);
    return { kind: 'text', blockType, status: changed ? 'amended' : 'unchanged', segments: r.segments, old: o, new: n };
  }
  return new WholeText(blockType, n ? 'inserted' : 'deleted', o, n);
}

/** Blocks known to be the same, content and formatting (`sameBlocks`), as unchanged. */
export function unchangedBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[], ctx: BlockContext): ContentChange[] {
  return newBlocks.map((n, i) => (n.type === 'table' ? diffTable(oldBlocks[i] as Table, n, ctx) : unchangedText(n.type, oldBlocks[i] as TextBlock, n)));
}

/**
 * An untouched block. Its segments (the whole text, equal) are made on first read: the terminal
 * and annex writers never read them for an unchanged clause, and on a large document making them
 * all was a third of the redline's time.
 */
function unchangedText(blockType: TextBlockChange['blockType'], o: TextBlock, n: TextBlock): TextBlockChange {
  return new WholeText(blockType, 'unchanged', o, n);
}

const WHOLE_OPS = { unchanged: 'equal', inserted: 'insert', deleted: 'delete' } as const;

/**
 * A block untouched, inserted or deleted whole: its segments are its text as one operation,
 * made on first read (the terminal view and a one-word save never read them). A class, not a
 * literal with a getter: V8 keeps such a literal in dictionary mode (slow to make and to read),
 * and there is one of these for nearly every block of a large document.
 */
class WholeText implements TextBlockChange {
  readonly kind = 'text';
  readonly old: TextBlock | null;
  readonly new: TextBlock | null;
  private made: Segment[] | undefined = undefined;

  constructor(
    readonly blockType: TextBlockChange['blockType'],
    readonly status: keyof typeof WHOLE_OPS,
    o: TextBlock | null,
    n: TextBlock | null,
  ) {
    this.old = o;
    this.new = n;
  }

  get segments(): Segment[] {
    return (this.made ??= wholeSegments(WHOLE_OPS[this.status], blockRuns((this.status === 'deleted' ? this.old : this.new)!)));
  }

  /** The getter lives on the prototype: serialise the same fields as every other block change. */
  toJSON(): TextBlockChange {
    return { kind: this.kind, blockType: this.blockType, status: this.status, segments: this.segments, old: this.old, new: this.new };
  }
}

function cellText(c: TableCell | undefined): string {
  return c ? normalizeSpace(inlineText(c.children)).trim() : '';
}

export function diffCell(o: TableCell | null | undefined, n: TableCell | null | undefined, ctx: BlockContext): CellChange {
  if (o && n) {
    const r = diffRuns(inlineRuns(o.children), inlineRuns(n.children), ctx);
    if (r.replacedWhole) ctx.replacedWhole++;
    return { status: r.changed ? 'amended' : 'unchanged', segments: r.segments };
  }
  if (n) return { status: 'inserted', segments: wholeSegments('insert', inlineRuns(n.children)) };
  if (o) return { status: 'deleted', segments: wholeSegments('delete', inlineRuns(o.children)) };
  return { status: 'unchanged', segments: [] };
}

function diffTable(o: Table | null, n: Table | null, ctx: BlockContext): TableChange {
  // Columns: by header text in order, then a renamed header in the same place.
  const oldCols = o ? o.header.map((_, i) => i) : [];
  const newCols = n ? n.header.map((_, i) => i) : [];
  // In a gap, a column is the same column renamed when its header or its cells are mostly kept.
  const ids = new WordIds();
  const column = (t: Table, i: number) => ({ i, text: cellText(t.header[i]), cells: bagOf(t.rows.map((r) => cellText(r[i]))) });
  const headerPairs = pairSequences(
    oldCols.map((i) => column(o!, i)),
    newCols.map((i) => column(n!, i)),
    (c) => c.text,
    (x, y) => textSimilarity(ids.bags(x.text), ids.bags(y.text)) >= 0.5 || dice(x.cells, y.cells) >= 0.5,
  );
  const columns: ColumnChange[] = headerPairs.map((p) => {
    const header = diffCell(p.old ? o!.header[p.old.i] : null, p.new ? n!.header[p.new.i] : null, ctx);
    const status = !p.old ? 'inserted' : !p.new ? 'deleted' : header.status === 'unchanged' ? 'unchanged' : 'amended';
    return { status, old: p.old?.i ?? null, new: p.new?.i ?? null, header };
  });

  // The key column: one the header names, else the first column both tables share.
  const shared = columns.filter((c) => c.old !== null && c.new !== null);
  const named = shared.find((c) => KEY_HEADER.test(cellText(n!.header[c.new!])));
  const keyCol = named ?? shared[0] ?? null;
  let keyColumn: TableChange['keyColumn'] = null;
  const oldRows = o ? o.rows.map((_, i) => i) : [];
  const newRows = n ? n.rows.map((_, i) => i) : [];
  let rowPairs: Array<{ old: number | null; new: number | null }>;
  const keysOf = (t: Table, col: number) => t.rows.map((r) => cellText(r[col]));
  if (o && n && keyCol) {
    const ok = keysOf(o, keyCol.old!);
    const nk = keysOf(n, keyCol.new!);
    if (unique(ok) && unique(nk)) {
      const name = cellText(n.header[keyCol.new!]);
      keyColumn = { old: keyCol.old!, new: keyCol.new!, name, definitions: DEFINITIONS_HEADER.test(name) };
      rowPairs = pairByKey(ok, nk);
    } else {
      rowPairs = pairRowsByContent(o, n);
    }
  } else if (o && n) {
    rowPairs = pairRowsByContent(o, n);
  } else {
    rowPairs = o ? oldRows.map((i) => ({ old: i, new: null })) : newRows.map((i) => ({ old: null, new: i }));
  }

  const rows: RowChange[] = rowPairs.map((p) => {
    const orow = p.old !== null ? o!.rows[p.old]! : null;
    const nrow = p.new !== null ? n!.rows[p.new]! : null;
    const cells = columns.map((c) => {
      const oc = orow && c.old !== null ? orow[c.old] : null;
      const nc = nrow && c.new !== null ? nrow[c.new] : null;
      const cell = diffCell(oc ?? (orow && c.old !== null ? EMPTY_CELL : null), nc ?? (nrow && c.new !== null ? EMPTY_CELL : null), ctx);
      // Short source rows: blockText joins only the cells a row has, so the redline says which are absent.
      const missOld = orow !== null && c.old !== null && oc === undefined;
      const missNew = nrow !== null && c.new !== null && nc === undefined;
      if (missOld || missNew) cell.missing = missOld && missNew ? 'both' : missOld ? 'old' : 'new';
      return cell;
    });
    const status: BlockStatus = !orow ? 'inserted' : !nrow ? 'deleted' : cells.every((c) => c.status === 'unchanged') ? 'unchanged' : 'amended';
    const key = keyColumn ? cellText((nrow ?? orow)![(nrow ? keyColumn.new : keyColumn.old)]) : null;
    return { status, old: p.old, new: p.new, key, cells };
  });

  // Rows matched by key may have changed order: those off the longest in-order run moved.
  const matched = rows.filter((r) => r.old !== null && r.new !== null);
  const inOrder = new Set(increasingRun(matched.map((r) => ({ key: r, old: r.old! }))));
  for (const r of matched) if (!inOrder.has(r)) r.moved = true;
  const same = columns.every((c) => c.status === 'unchanged') && rows.every((r) => r.status === 'unchanged' && !r.moved);
  const status: BlockStatus = !o ? 'inserted' : !n ? 'deleted' : same ? 'unchanged' : 'amended';
  return { kind: 'table', status, keyColumn, columns, rows, old: o, new: n };
}

const EMPTY_CELL: TableCell = { children: [] };

function bagOf(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function unique(keys: string[]): boolean {
  return keys.every((k) => k !== '') && new Set(keys).size === keys.length;
}

/** Rows by key; new order, with a deleted row placed after the old row it followed. */
function pairByKey(oldKeys: string[], newKeys: string[]): Array<{ old: number | null; new: number | null }> {
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  const newIndex = new Map(newKeys.map((k, i) => [k, i]));
  const items: Array<{ old: number | null; new: number | null }> = newKeys.map((k, j) => ({ old: oldIndex.get(k) ?? null, new: j }));
  return placeDeleted(
    items,
    oldKeys.map((k, i) => ({ i, partnerNew: newIndex.get(k) ?? null })),
  );
}

/**
 * Insert unpaired old items into a new-order list: each goes right after the new position of
 * the nearest earlier old item that was paired (or first, if none was).
 */
export function placeDeleted(items: Array<{ old: number | null; new: number | null }>, olds: Array<{ i: number; partnerNew: number | null }>): Array<{ old: number | null; new: number | null }> {
  const after = new Map<number, number[]>();
  let anchor = -1;
  for (const o of olds) {
    if (o.partnerNew !== null) anchor = o.partnerNew;
    else after.set(anchor, [...(after.get(anchor) ?? []), o.i]);
  }
  const out: Array<{ old: number | null; new: number | null }> = [];
  for (const i of after.get(-1) ?? []) out.push({ old: i, new: null });
  for (const it of items) {
    out.push(it);
    for (const i of after.get(it.new!) ?? []) out.push({ old: i, new: null });
  }
  return out;
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
