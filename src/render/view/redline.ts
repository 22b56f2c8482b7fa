/**
 * Redline (DocumentDiff from the diff stage) -> marked-up body blocks and the table of changes.
 * The whole new document is shown, as in a real marked-up annex: unchanged clauses in full,
 * deleted clauses struck through where they stood, renumbered clauses with old and new numbers.
 * This module reads the diff; it never compares text itself.
 */
import type { Clause } from '../../model/types.js';
import { changeNote, describeChange, type ClauseChange, type ContentChange, type DocumentDiff, type ListItemChange, type Segment, type TableChange, type TextBlockChange } from '../../model/change.js';
import { anchorOf, childPlacement, clauseBlocks, contentBlocks, isHeadingClause, merge, plain, provisionHeading, tailBlocks, type Placement } from './clean.js';
import type { BodyBlock, Cell, ChangeRow, ChangeStatus, Mark, Run } from './types.js';
import { liveHref } from '../../model/url.js';
import { tie } from './typography.js';

export interface MarkedUpBody {
  body: BodyBlock[];
  changes: ChangeRow[];
}

const markOf = (status: string): Mark | undefined => (status === 'inserted' ? 'ins' : status === 'deleted' ? 'del' : undefined);

/** Segments -> runs: insertions and deletions marked, formatting and references kept. */
export function segmentRuns(segments: readonly Segment[], refs: ReadonlyMap<string, string>, extra: Omit<Run, 'text'> = {}): Run[] {
  return merge(
    segments.map((s) => {
      const run: Run = { ...extra, text: s.text };
      if (s.op === 'insert') run.mark = 'ins';
      if (s.op === 'delete') run.mark = 'del';
      if (s.bold) run.bold = true;
      if (s.italic) run.italic = true;
      if (s.code) run.code = true;
      if (s.strike) run.strike = true;
      if (liveHref(s.href)) run.href = s.href;
      // A reference in deleted text names the old version's clause: no link into this one.
      const ref = s.xref?.scope === 'clause' && s.op !== 'delete' ? refs.get(s.xref.target) : undefined;
      if (ref) run.ref = ref;
      return run;
    }),
  );
}

export function markedUpBody(diff: DocumentDiff, refs: ReadonlyMap<string, string>): MarkedUpBody {
  const body: BodyBlock[] = [];
  const changes: ChangeRow[] = [];
  /** `within`: the status of an inserted or deleted ancestor, whose row already covers this clause. */
  const visit = (list: readonly ClauseChange[], parent: Clause | null, at: Placement, within: string | null) => {
    const here = childPlacement(parent, at);
    for (const change of list) {
      const side = (change.new ?? change.old)!;
      const clause = side.clause;
      const anchor = change.new ? anchorOf(change.new.id) : anchorOf(change.old!.id, 'old');
      const status = statusOf(change);
      const blocks = status === null ? clauseBlocks(clause, here, { refs, anchor }) : changedBlocks(change, clause, here, anchor, refs);
      if (status !== null) {
        // Cited in full (`J.1`, `§ 63i (2)`), so rows with the same local number can be told apart.
        if (status !== within) changes.push({ number: (change.new ?? change.old)!.citation, status, description: describeChange(change), summary: summaryOf(change, clause), anchor });
        markChanged(blocks, status);
      }
      body.push(...blocks);
      visit(change.children, clause, here, status === 'inserted' || status === 'deleted' ? status : within);
      const tail = status === null ? tailBlocks(clause, here, { refs }) : contentChangeBlocks(change.tail, here.indent, refs, markOf(change.status));
      if (status !== null) markChanged(tail, null);
      body.push(...tail);
    }
  };
  visit(diff.clauses, null, { level: 0, indent: 0 }, null);
  return { body, changes };
}

function statusOf(change: ClauseChange): ChangeStatus | null {
  return change.status === 'unchanged' ? null : change.status;
}

function markChanged(blocks: BodyBlock[], status: ChangeStatus | null): void {
  blocks.forEach((b, i) => {
    // A table changed row by row has its bars on those rows, not one bar down the whole table.
    if (b.kind !== 'table' || b.mark || b.rows.every((r) => r.changed)) b.changed = true;
    if (i === 0 && status && (b.kind === 'heading' || b.kind === 'para')) b.status = status;
  });
}

function numberRuns(change: ClauseChange): Run[] | null {
  const oldNumber = change.old?.number ?? null;
  const newNumber = change.new?.number ?? null;
  if (change.status === 'inserted') return newNumber === null ? null : plain(newNumber, 'ins');
  if (change.status === 'deleted') return oldNumber === null ? null : plain(oldNumber, 'del');
  // No space between them: accepting must leave exactly the new number and rejecting the old.
  // Writers set the two a gap apart (REPLACEMENT_GAP) without adding a character.
  if (change.renumbered && oldNumber !== newNumber) return [...plain(oldNumber ?? '', 'del'), ...plain(newNumber ?? '', 'ins')];
  return newNumber === null ? null : plain(newNumber);
}

function summaryOf(change: ClauseChange, clause: Clause): string {
  if (change.heading) return change.heading.filter((s) => s.op !== 'delete').map((s) => s.text).join('').trim() || change.heading.map((s) => s.text).join('').trim();
  if (clause.heading) return clause.heading;
  const first = change.content.find((c): c is TextBlockChange => c.kind === 'text');
  const text = (first?.segments.filter((s) => s.op !== (change.status === 'deleted' ? 'insert' : 'delete')).map((s) => s.text).join('') ?? '').replace(/\s+/g, ' ').trim();
  const words = text.split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')} …` : text;
}

/** A changed clause's own blocks from its segments. */
function changedBlocks(change: ClauseChange, clause: Clause, at: Placement, anchor: string, refs: ReadonlyMap<string, string>): BodyBlock[] {
  const mark = markOf(change.status);
  const number = numberRuns(change);
  const heading = change.heading ? segmentRuns(change.heading, refs, { bold: true }) : clause.heading === null ? null : plain(clause.heading, mark).map((r) => ({ ...r, bold: true as const }));
  const note = noteOf(change);
  const extras = { ...(mark ? { mark } : {}), ...(note ? { note } : {}) };
  if (isHeadingClause(clause)) {
    return [{ kind: 'heading', level: Math.min(at.level, 3), number, text: heading ?? [], anchor, ...extras }, ...contentChangeBlocks(change.content, at.indent, refs, mark)];
  }
  const [first, ...rest] = change.content;
  const para = heading && provisionHeading(heading);
  if (first?.kind === 'text' && first.blockType === 'paragraph' && !first.moved) {
    const shown = textRuns(first, refs);
    const notes = [note, shown.note].filter(Boolean).join(' ');
    const head: BodyBlock = { kind: 'para', indent: at.indent, number, heading: para, runs: shown.runs, ...(shown.tracked ? { tracked: shown.tracked } : {}), anchor, ...paraMark(first, mark), ...(notes ? { note: notes } : {}) };
    return contentChangeBlocks(rest, at.indent, refs, mark, [head]);
  }
  return [{ kind: 'para', indent: at.indent, number, heading: para, runs: [], anchor, ...extras }, ...contentChangeBlocks(change.content, at.indent, refs, mark)];
}

/** The note printed after a moved or renumbered clause's text: `[Formerly 10.2]`. */
function noteOf(change: ClauseChange): string | undefined {
  const note = changeNote(change);
  return note === null ? undefined : tie(`[${note}]`);
}

/**
 * A text block's runs as the annex shows them. A paragraph that took in text moved from another
 * clause (`movedIn`) shows that text marked against where it stood, with its note; its exact
 * marks go to `tracked`, for a writer with tracked changes.
 */
function textRuns(c: TextBlockChange, refs: ReadonlyMap<string, string>, style: { bold?: true } = {}): { runs: Run[]; tracked?: Run[]; note?: string } {
  const runs = segmentRuns(c.segments, refs, style);
  if (!c.movedIn) return { runs };
  return { runs: segmentRuns(c.movedIn.segments, refs, style), tracked: runs, note: tie(`[${c.movedIn.note}]`) };
}

/** A paragraph's own mark: the clause's, or the block's when the block alone came or went. */
function paraMark(block: TextBlockChange, clauseMark: Mark | undefined): { mark?: Mark } {
  const mark = clauseMark ?? markOf(block.status);
  return mark ? { mark } : {};
}

/** `out`: blocks already made for this text (its first paragraph), which a paragraph break below may mark. */
function contentChangeBlocks(list: readonly ContentChange[], indent: number, refs: ReadonlyMap<string, string>, clauseMark: Mark | undefined, out: BodyBlock[] = []): BodyBlock[] {
  for (const c of list) {
    if (c.kind === 'text' && c.breakBefore) markBreak(out[out.length - 1], c.breakBefore === 'insert' ? 'ins' : 'del');
    if (c.kind === 'text' && c.items) {
      const list = c.new ?? c.old;
      const ordered = list?.type === 'list' && list.ordered;
      for (const item of c.items) out.push(itemBlock(item, ordered, indent + 1, refs, clauseMark));
      continue;
    }
    if (c.kind === 'text' && c.moved) {
      const moved = c.moved;
      const runs = segmentRuns(moved.side === 'to' ? moved.segments : c.segments, refs, c.blockType === 'heading' ? { bold: true } : {});
      const where = moved.side === 'to' ? { movedHere: true as const, ...(clauseMark ? { mark: clauseMark } : {}) } : { mark: clauseMark ?? ('del' as const) };
      out.push({ kind: 'para', indent, number: null, heading: null, runs, anchor: null, ...where, note: tie(`[${moved.note}]`) });
      continue;
    }
    if (c.kind === 'table') {
      out.push(tableBlock(c, indent, refs, clauseMark));
      continue;
    }
    // Unchanged blocks keep their full structure (list items, code) from the new side.
    if (c.status === 'unchanged' && c.new && !clauseMark) {
      out.push(...contentBlocks([c.new], indent, { refs }));
      continue;
    }
    if (c.blockType === 'rule') continue;
    if (c.blockType === 'code') {
      const text = c.segments.map((s) => s.text).join('');
      const mark = clauseMark ?? markOf(c.status);
      out.push({ kind: 'code', indent, text, ...(mark ? { mark } : {}) });
      continue;
    }
    const { runs, tracked, note } = textRuns(c, refs, c.blockType === 'heading' ? { bold: true } : {});
    out.push({ kind: 'para', indent, number: null, heading: null, runs, ...(tracked ? { tracked } : {}), anchor: null, ...paraMark(c, clauseMark), ...(note ? { note } : {}) });
  }
  return out;
}

/**
 * One item of a list whose items were reordered, numbered as the list numbers it on its side:
 * one that moved is inserted where it stands, marked against its old self, and deleted where
 * it stood, each with its note, as a moved paragraph is.
 */
function itemBlock(item: ListItemChange, ordered: boolean, indent: number, refs: ReadonlyMap<string, string>, clauseMark: Mark | undefined): BodyBlock {
  const moved = item.moved;
  const movedHere = moved?.side === 'to';
  const mark = clauseMark ?? (movedHere ? undefined : markOf(item.status));
  const index = item.newItem ?? item.oldItem ?? 0;
  const number = plain(ordered ? `${index + 1}.` : '•', mark ?? (movedHere ? 'ins' : undefined));
  const runs = segmentRuns(moved?.side === 'to' ? moved.segments : item.segments, refs);
  return { kind: 'para', indent, number, heading: null, runs, anchor: null, ...(mark ? { mark } : {}), ...(movedHere ? { movedHere: true as const } : {}), ...(moved ? { note: tie(`[${moved.note}]`) } : {}) };
}

/**
 * A paragraph whose own break a split inserted or a merge deleted: its paragraph mark is that
 * change, and a note says so where the mark itself is not shown.
 */
function markBreak(block: BodyBlock | undefined, mark: Mark): void {
  if (!block || block.kind !== 'para' || block.mark) return;
  block.endMark = mark;
  const note = tie(mark === 'ins' ? '[Paragraph split here]' : '[Paragraph joined with the next]');
  block.note = block.note ? `${block.note} ${note}` : note;
}

function tableBlock(t: TableChange, indent: number, refs: ReadonlyMap<string, string>, clauseMark: Mark | undefined): BodyBlock {
  const mark = clauseMark ?? markOf(t.status);
  const header: Cell[] = t.columns.map((c) => segmentRuns(c.header.segments, refs));
  const rows = t.rows.map((r) => {
    const rowMark = mark ?? markOf(r.status);
    const changed = rowMark !== undefined || r.status !== 'unchanged' || r.moved === true;
    return { cells: r.cells.map((c): Cell => segmentRuns(c.segments, refs)), ...(rowMark ? { mark: rowMark } : {}), ...(changed ? { changed: true as const } : {}) };
  });
  return { kind: 'table', indent, header, rows, widths: [], ...(mark ? { mark } : {}) };
}
