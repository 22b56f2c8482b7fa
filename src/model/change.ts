/**
 * The redline model: what changed between two versions of a document, clause by clause, as plain
 * data. The diff stage (src/diff/) produces it; the JSON, text and HTML redline writers and the
 * marked-up annex builder (src/render/view/) read it and never re-diff.
 *
 * Invariant (tested): for every text block, joining `old ?? text` of the equal and delete segments
 * gives exactly the old block's text, and joining `text` of the equal and insert segments gives
 * exactly the new block's text (texts as `model/text.ts` computes them). The same holds for table
 * cells and clause headings.
 */
import type { Block, Clause, ClauseDocument, DocumentMeta, Inline, XrefScope } from './types.js';

export const DIFF_API_VERSION = [1, 0] as const;

export type SegmentOp = 'equal' | 'insert' | 'delete';

/** Formatting carried by a run of text, from the side it is shown from (new for equal/insert). */
export interface SegmentStyle {
  bold?: true;
  italic?: true;
  code?: true;
  /** Struck through in the source itself (not a redline deletion). */
  strike?: true;
  /** An external link target. */
  href?: string;
  /** A cross-reference in the text, e.g. `Clause 18.12` -> { scope: 'clause', target: '18.12' }. */
  xref?: { scope: XrefScope; target: string };
}

export interface Segment extends SegmentStyle {
  op: SegmentOp;
  /** The text shown: new text for equal and insert, old text for delete. */
  text: string;
  /**
   * Only on an equal segment whose old text differs from the new in ways the diff ignores
   * (whitespace, line wrapping): the exact old text, so rejecting every change is exact.
   */
  old?: string;
}

/** What happened to a clause. A renumbered or moved clause is never a deletion plus an insertion. */
export type ClauseStatus = 'unchanged' | 'amended' | 'inserted' | 'deleted' | 'renumbered' | 'moved';

/** How an old clause was paired with a new one. */
export type MatchBasis = 'key' | 'number' | 'content';

export interface ClauseSide {
  id: string;
  /** As written in the source. */
  number: string | null;
  /** How a reader cites it in full: `7.2`, `§ 63i (2)`, `J.1`, a division by its heading. */
  citation: string;
  /** The parent clause on this side (null at the top level), and how a reader cites it. */
  parent: { id: string; number: string | null; citation: string } | null;
  clause: Clause;
}

export type BlockStatus = 'unchanged' | 'amended' | 'inserted' | 'deleted';

/** A block compared as running text: paragraph, list, code, quote, heading or rule. */
export interface TextBlockChange {
  kind: 'text';
  /** The block type on the side shown (new, or old for a deleted block). */
  blockType: Exclude<Block['type'], 'table'>;
  status: BlockStatus;
  segments: Segment[];
  old: Block | null;
  new: Block | null;
  /**
   * The paragraph break before this block is new (`insert`: a paragraph split in two) or gone
   * (`delete`: two paragraphs merged). The block continues the one before it, and the segments
   * of both are the word marks of the text as one: the words that changed, and nothing else.
   */
  breakBefore?: 'insert' | 'delete';
  /**
   * The block changed place in its clause (paragraphs reordered). Status and segments read as a
   * deletion where it stood (`from`) and an insertion where it stands (`to`), so rejecting or
   * accepting every change stays exact; `note` names the other place as a reader counts
   * paragraphs (or, moved to or from another clause, that clause: `Moved to Article L121-37`),
   * and on `to`, `segments` are the block's word marks against its old self.
   */
  moved?: { side: 'from'; note: string } | { side: 'to'; note: string; amended: boolean; segments: Segment[] };
  /**
   * A paragraph deleted whole from another clause now makes the start or end (`at`) of this
   * one (two paragraphs merged across clauses; there it is `moved` `from`). Status and
   * segments read as without it (the text inserted here, deleted there: each version exact);
   * `note` names the clause it came from (`Moved from Article L121-36`), and `segments` are
   * this paragraph's word marks against that text and its own old text joined by a space, so
   * only the words that changed beyond the move are marked (`amended`: there are some).
   */
  movedIn?: { note: string; at: 'start' | 'end'; amended: boolean; segments: Segment[] };
  /**
   * A list whose items were reordered: each item as its own change (a one-item list, `moved`
   * naming the item it came from or went to), in new order with old-only items where they
   * stood. `segments` are theirs joined by line breaks, as the list's text joins its items.
   */
  items?: ListItemChange[];
}

/** One item of a list whose items were reordered (`TextBlockChange.items`). */
export interface ListItemChange extends TextBlockChange {
  /** Its index in the old list and in the new one; null on the side its segments are not on. */
  oldItem: number | null;
  newItem: number | null;
}

export interface CellChange {
  status: BlockStatus;
  segments: Segment[];
  /** Set when a source row is shorter than the header and has no cell here on that side. */
  missing?: 'old' | 'new' | 'both';
}

export interface ColumnChange {
  status: 'unchanged' | 'amended' | 'inserted' | 'deleted';
  /** Column index in the old / new table; null for an inserted / deleted column. */
  old: number | null;
  new: number | null;
  /** The header cell. */
  header: CellChange;
}

export interface RowChange {
  status: BlockStatus;
  /** Row index (header excluded) in the old / new table. */
  old: number | null;
  new: number | null;
  /** The matching key (the key column's text, normalised); null when rows matched by position. */
  key: string | null;
  /** One cell per entry of `TableChange.columns`, in the same order. */
  cells: CellChange[];
  /** Matched, but out of its old order: shown deleted where it was and inserted where it is. */
  moved?: true;
}

export interface TableChange {
  kind: 'table';
  status: BlockStatus;
  /** How rows were paired: by a key column (a definitions table keys by its term column). */
  keyColumn: { old: number; new: number; name: string; definitions: boolean } | null;
  /** New-table order, deleted columns kept in their old place. */
  columns: ColumnChange[];
  /** New-table order, deleted rows kept in their old place. */
  rows: RowChange[];
  old: Block | null;
  new: Block | null;
}

export type ContentChange = TextBlockChange | TableChange;

export interface ClauseChange {
  status: ClauseStatus;
  /** The clause's own text or heading changed (also set on renumbered and moved clauses). */
  amended: boolean;
  /** The number changed (ignoring formatting such as a trailing dot). */
  renumbered: boolean;
  /** The parent changed: `moved from` the old parent. */
  moved: boolean;
  old: ClauseSide | null;
  new: ClauseSide | null;
  match: MatchBasis | null;
  /** Word-level similarity of the two sides' text, 0..1 (1 for identical); null if unpaired. */
  similarity: number | null;
  /** Null when neither side has a heading. */
  heading: Segment[] | null;
  /** The clause's own blocks before its children. */
  content: ContentChange[];
  /** Continuation blocks after its children. */
  tail: ContentChange[];
  /** New-document order; deleted clauses kept where they stood in the old document. */
  children: ClauseChange[];
  /** This clause or any descendant is not `unchanged`. */
  subtreeChanged: boolean;
}

export interface SectionChange {
  status: BlockStatus;
  /** The heading on the side shown. */
  heading: Segment[];
  content: ContentChange[];
}

export interface DiffSide {
  id: string;
  path: string;
  meta: DocumentMeta;
  document: ClauseDocument;
}

export interface DiffSummary {
  unchanged: number;
  amended: number;
  inserted: number;
  deleted: number;
  /** Renumbered (with or without amendment). */
  renumbered: number;
  /** Moved to another parent (with or without amendment or renumbering). */
  moved: number;
  /** All clauses that are not unchanged. */
  changed: number;
  /** Clauses whose word diff hit the edit bound and were shown as whole replacement. */
  replacedWhole: number;
}

export interface DiffOptions {
  /** Show changes that are only formatting or whitespace (emphasis, re-wrapped lines, `2.1.`). */
  showFormatting?: boolean;
  /** Bound on each word diff (jsdiff maxEditLength, in tokens); past it a block is replaced whole. */
  maxEditLength?: number;
  /** Minimum similarity (0..1) to pair two clauses by content alone. */
  similarityThreshold?: number;
}

/** What `diffDocuments` uses for an option not given (the CLI's defaults too). */
export const DEFAULT_DIFF_OPTIONS: Readonly<Required<DiffOptions>> = {
  showFormatting: false,
  maxEditLength: 4000,
  similarityThreshold: 0.5,
};

export interface DocumentDiff {
  old: DiffSide;
  new: DiffSide;
  options: Required<DiffOptions>;
  /** Front matter changes are not diffed; the preamble and unnumbered sections are. */
  preamble: ContentChange[];
  sections: SectionChange[];
  clauses: ClauseChange[];
  summary: DiffSummary;
}

/* ---------- reading a redline back ----------
 * Each clause's changes as one flat run of segments, and the texts that rejecting or accepting
 * every change gives. Tests hold these to the clause texts of the two documents exactly; the
 * JSON output carries the flat segments.
 */

/** Rejecting every change: the old text. */
export function rejectSegments(segments: readonly Segment[]): string {
  let s = '';
  for (const seg of segments) if (seg.op !== 'insert') s += seg.op === 'equal' ? (seg.old ?? seg.text) : seg.text;
  return s;
}

/** Accepting every change: the new text. */
export function acceptSegments(segments: readonly Segment[]): string {
  let s = '';
  for (const seg of segments) if (seg.op !== 'delete') s += seg.text;
  return s;
}

function sep(out: Segment[], text: string, inOld: boolean, inNew: boolean): void {
  if (inOld && inNew) out.push({ op: 'equal', text });
  else if (inOld) out.push({ op: 'delete', text });
  else if (inNew) out.push({ op: 'insert', text });
}

/** Plain text as one operation: one segment, or none for no text. */
export function plainSegments(op: SegmentOp, text: string): Segment[] {
  return text === '' ? [] : [{ op, text }];
}

/**
 * Inline text as one operation, as the redline's runs of it would give it when it holds only
 * text, breaks and references: the plain text between references as one segment, each reference
 * as one of its own (kept whole). Null when it holds any other inline (emphasis, code, a link).
 */
export function inlineSegments(op: SegmentOp, nodes: readonly Inline[]): Segment[] | null {
  // Made at the first reference: most paragraphs have none, and are one segment.
  let out: Segment[] | null = null;
  let text = '';
  for (const n of nodes) {
    if (n.type === 'text') text += n.value;
    else if (n.type === 'break') text += '\n';
    else if (n.type === 'xref') {
      let inner = '';
      for (const c of n.children) {
        if (c.type !== 'text') return null;
        inner += c.value;
      }
      if (inner === '') continue;
      out ??= [];
      if (text !== '') out.push({ op, text });
      text = '';
      out.push({ op, text: inner, xref: { scope: n.scope, target: n.target } });
    } else return null;
  }
  if (!out) return plainSegments(op, text);
  if (text !== '') out.push({ op, text });
  return out;
}

const unchangedBlocks = new WeakMap<Block, Segment[] | null>();
const unchangedHeadings = new WeakMap<Clause, Segment[] | null>();

/**
 * `inlineSegments('equal', …)` of a paragraph or heading, made once per block: a version compared
 * with many others (a build's chain of versions, the live preview) reads its unchanged
 * paragraphs once. The list is shared by every redline that shows the block unchanged: readers
 * of a redline never change its segments.
 */
export function unchangedSegments(block: Extract<Block, { type: 'paragraph' | 'heading' }>): Segment[] | null {
  let segments = unchangedBlocks.get(block);
  if (segments === undefined) unchangedBlocks.set(block, (segments = inlineSegments('equal', block.children)));
  return segments;
}

/** A clause's heading unchanged (null for none), made once per clause as `unchangedSegments` is. */
export function unchangedHeading(clause: Clause): Segment[] | null {
  let segments = unchangedHeadings.get(clause);
  if (segments === undefined) unchangedHeadings.set(clause, (segments = clause.heading === null ? null : plainSegments('equal', clause.heading)));
  return segments;
}

/**
 * A clause's own blocks (content, then tail) as one sequence, blocks separated by blank lines
 * (or by `separator`: a list's items by line breaks).
 */
export function contentSegments(changes: readonly ContentChange[], separator = '\n\n'): Segment[] {
  const out: Segment[] = [];
  let hadOld = false;
  let hadNew = false;
  for (const c of changes) {
    const inOld = c.old !== null;
    const inNew = c.new !== null;
    sep(out, separator, hadOld && inOld, hadNew && inNew);
    out.push(...(c.kind === 'text' ? c.segments : tableSegments(c)));
    hadOld ||= inOld;
    hadNew ||= inNew;
  }
  return out;
}

export function clauseSegments(change: ClauseChange): Segment[] {
  return contentSegments([...change.content, ...change.tail]);
}

/** Only the old side of a cell, all as deletion (or only the new side, all as insertion). */
function oneSide(segments: readonly Segment[], side: 'old' | 'new'): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (side === 'old' && s.op !== 'insert') {
      const { old, ...rest } = s;
      out.push({ ...rest, op: 'delete', text: s.op === 'equal' ? (old ?? s.text) : s.text });
    } else if (side === 'new' && s.op !== 'delete') {
      const { old: _old, ...rest } = s;
      out.push({ ...rest, op: 'insert' });
    }
  }
  return out;
}

interface FlatRow {
  inOld: boolean;
  inNew: boolean;
  cells: CellChange[];
  /** Show only this side (a row that changed place is a deletion here and an insertion there). */
  only?: 'old' | 'new';
}

/**
 * A table as text, the way `blockText` writes it (cells joined by ` | `, rows by line breaks).
 * Rows keep their new order; a row matched out of its old order appears as a deletion where it
 * was and an insertion where it is, so both texts stay exact.
 */
export function tableSegments(t: TableChange): Segment[] {
  const colOld = t.columns.map((c) => c.old !== null);
  const colNew = t.columns.map((c) => c.new !== null);
  const header: FlatRow = { inOld: t.old !== null, inNew: t.new !== null, cells: t.columns.map((c) => c.header) };

  const inPlace = new Set(t.rows.filter((r) => r.old !== null && r.new !== null && !r.moved));
  // First the new-order list (moved rows as insertions), remembering where in-place rows landed.
  const newOrder: FlatRow[] = [];
  const anchorOf = new Map<number, number>(); // old index of an in-place row -> position in newOrder
  for (const r of t.rows) {
    if (r.old !== null && r.new !== null && inPlace.has(r)) {
      newOrder.push({ inOld: true, inNew: true, cells: r.cells });
      anchorOf.set(r.old, newOrder.length - 1);
    } else if (r.new !== null) {
      newOrder.push({ inOld: false, inNew: true, cells: r.cells, only: r.old !== null ? 'new' : undefined });
    }
  }
  // Old-only rows (deleted, or moved away) in old order, each after the nearest earlier in-place row.
  const after = new Map<number, FlatRow[]>();
  let anchor = -1;
  const byOld = [...t.rows].filter((r) => r.old !== null).sort((a, b) => a.old! - b.old!);
  for (const r of byOld) {
    const at = anchorOf.get(r.old!);
    if (at !== undefined && r.new !== null && inPlace.has(r)) anchor = at;
    else {
      const list = after.get(anchor) ?? [];
      list.push({ inOld: true, inNew: false, cells: r.cells, only: r.new !== null ? 'old' : undefined });
      after.set(anchor, list);
    }
  }
  const rows: FlatRow[] = [...(after.get(-1) ?? [])];
  newOrder.forEach((row, i) => rows.push(row, ...(after.get(i) ?? [])));

  const out: Segment[] = [];
  let hadOld = false;
  let hadNew = false;
  for (const row of [header, ...rows]) {
    if (!row.inOld && !row.inNew) continue;
    sep(out, '\n', hadOld && row.inOld, hadNew && row.inNew);
    let cellOld = false;
    let cellNew = false;
    row.cells.forEach((cell, i) => {
      const inOld = row.inOld && colOld[i]! && cell.missing !== 'old' && cell.missing !== 'both';
      const inNew = row.inNew && colNew[i]! && cell.missing !== 'new' && cell.missing !== 'both';
      if (!inOld && !inNew) return;
      sep(out, ' | ', cellOld && inOld, cellNew && inNew);
      out.push(...(row.only ? oneSide(cell.segments, row.only) : cell.segments));
      cellOld ||= inOld;
      cellNew ||= inNew;
    });
    hadOld ||= row.inOld;
    hadNew ||= row.inNew;
  }
  return out;
}

/** Every clause change, depth first, in redline order. */
export function* walkChanges(changes: readonly ClauseChange[]): Generator<ClauseChange> {
  for (const c of changes) {
    yield c;
    yield* walkChanges(c.children);
  }
}

/**
 * How a reader names the place a clause moved from (or a paragraph moved to or from, by its
 * clause), never by an internal id: `Clause 7` for a
 * decimal number, the citation otherwise (`§ 20`, `4.2(h)`), an unnumbered division by its
 * heading, or the top level.
 */
export function placeName(parent: { citation: string } | null): string {
  if (!parent) return 'the top level';
  return /^\d/.test(parent.citation) ? `Clause ${parent.citation}` : parent.citation;
}

/**
 * The note shown beside a renumbered or moved clause (in the annex, a Word comment, the JSON):
 * `Formerly 18.12`, `Moved from Clause 7`, `Moved from Clause 7, formerly 7.3`.
 */
export function changeNote(c: ClauseChange): string | null {
  const formerly = c.renumbered ? c.old!.number : null;
  if (c.status === 'moved') return `Moved from ${placeName(c.old!.parent)}${formerly ? `, formerly ${formerly}` : ''}`;
  if (c.status === 'renumbered' && formerly) return `Formerly ${formerly}`;
  return null;
}

/**
 * A status in words, for tables of changes and the terminal: `Renumbered (formerly 18.12), text
 * unchanged`, `Renumbered (formerly 18.12), amended`, `Moved from Clause 7, formerly 7.3`.
 */
export function describeChange(c: ClauseChange): string {
  switch (c.status) {
    case 'unchanged':
      return 'Unchanged';
    case 'amended':
      return 'Amended';
    case 'inserted':
      return 'Inserted';
    case 'deleted':
      return 'Deleted';
    case 'renumbered':
      return `Renumbered (formerly ${c.old!.number ?? 'unnumbered'}), ${c.amended ? 'amended' : 'text unchanged'}`;
    case 'moved':
      return `${changeNote(c)}${c.amended ? ', amended' : ''}`;
  }
}
