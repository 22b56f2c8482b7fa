/**
 * The third stage of the redline: word marks. Every text the comparison gives as old and new
 * runs is cut into tokens and compared by jsdiff (through its hooks, `words.ts`), cleaned up
 * for reading, and turned into segments; every other block is marked whole. From the marks it
 * settles what the pairing left open (whether a clause, block, row or column was amended) and
 * counts the result.
 */
import type { CellChange, ClauseChange, ClauseSide, ColumnChange, ContentChange, DiffOptions, DiffSummary, DocumentDiff, ListItemChange, RowChange, SectionChange, Segment, TableChange, TextBlockChange } from '../model/change.js';
import { contentSegments, placeName, plainSegments, unchangedHeading } from '../model/change.js';
import type { Block, Clause } from '../model/types.js';
import { clauseSides } from '../model/cite.js';
import type { BlockComparison, BlockPairing, CellComparison, ClauseComparison, ListItemComparison, RegroupedComparison, SectionComparison, Table, TableComparison, TextBlock, TextBlockComparison } from './compare.js';
import { EMPTY } from './sequence.js';
import { blockRuns, PARAGRAPH_BREAK, plainRuns, TermIndex, Tokenizer, TokenKeys, type StyledRun } from './tokens.js';
import { blockSegments, wholeSegments, WordDiff, type WordDiffResult } from './words.js';

export function markWords(comparison: BlockComparison, options: Required<DiffOptions>): DocumentDiff {
  const marker = new Marker(comparison, options);
  const clauses = comparison.clauses.map((c) => marker.clause(c));
  const preamble = marker.blocks(comparison.preamble);
  const sections = comparison.sections.map((s) => marker.section(s));
  return {
    old: { id: comparison.old.id, path: comparison.old.path, meta: comparison.old.meta, document: comparison.old },
    new: { id: comparison.new.id, path: comparison.new.path, meta: comparison.new.meta, document: comparison.new },
    options,
    preamble,
    sections,
    clauses,
    summary: { ...marker.summary, replacedWhole: marker.replacedWhole },
  };
}

/** The working state of one `markWords` call: its word diffs (which share token keys) and its counts. */
class Marker {
  private readonly exact: boolean;
  private readonly wordDiff: WordDiff;
  /** Every clause change made, counted as it is made. */
  readonly summary: Omit<DiffSummary, 'replacedWhole'> = { unchanged: 0, amended: 0, inserted: 0, deleted: 0, renumbered: 0, moved: 0, changed: 0 };
  /** Word diffs that hit the edit bound and were shown as a whole replacement. */
  replacedWhole = 0;
  /** Each clause of either document as the redline names it, with its citation. */
  private readonly oldSides: ReadonlyMap<Clause, ClauseSide>;
  private readonly newSides: ReadonlyMap<Clause, ClauseSide>;

  /** The tables below pairs the same all the way down, compared (`BlockComparison.identicalTables`). */
  private readonly identicalTables: ReadonlyMap<Table, TableComparison>;

  constructor(comparison: BlockComparison, options: Required<DiffOptions>) {
    const { old: oldDoc, new: newDoc } = comparison;
    this.identicalTables = comparison.identicalTables;
    this.exact = options.showFormatting;
    this.oldSides = clauseSides(oldDoc);
    this.newSides = clauseSides(newDoc);
    // The defined terms are found only when a text is tokenized: a pair with no word changes never walks for them.
    const terms = () => new TermIndex([...oldDoc.terms, ...newDoc.terms]);
    this.wordDiff = new WordDiff(new Tokenizer({ exact: options.showFormatting, keys: new TokenKeys(), terms }), options.maxEditLength);
  }

  /** A word diff of two texts, its whole replacements counted. */
  private words(oldRuns: readonly StyledRun[], newRuns: readonly StyledRun[]): WordDiffResult {
    const r = this.wordDiff.diff(oldRuns, newRuns);
    if (r.replacedWhole) this.replacedWhole++;
    return r;
  }

  clause(c: ClauseComparison): ClauseChange {
    const change = c.kind === 'untouched' ? this.untouched(c) : this.clauseChange(c);
    this.summary[change.status]++;
    if (change.status !== 'unchanged') this.summary.changed++;
    return change;
  }

  private clauses(list: readonly ClauseComparison[]): ClauseChange[] {
    if (list.length === 0) return EMPTY;
    const out = new Array<ClauseChange>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = this.clause(list[i]!);
    return out;
  }

  /**
   * Nearly every clause: the same number, parent, heading and blocks, so no word diff. The same
   * fields in the same order as `clauseChange`'s, so both make one shape.
   */
  private untouched(c: ClauseComparison): ClauseChange {
    const { pair } = c;
    const o = pair.old!;
    const n = pair.new!;
    const oldSide = this.oldSides.get(o)!;
    const newSide = this.newSides.get(n)!;
    const children = pair.identicalBelow > 0 ? this.identicalChildren(o, n) : this.clauses(c.children);
    const content = this.blocks(c.content);
    const tail = this.blocks(c.tail);
    const amended = anyAmended(content) || anyAmended(tail);
    return {
      status: amended ? 'amended' : 'unchanged',
      amended,
      renumbered: false,
      moved: false,
      old: oldSide,
      new: newSide,
      match: pair.basis,
      similarity: round(pair.similarity ?? 0),
      heading: unchangedHeading(n),
      content,
      tail,
      children,
      // Below a pair the same all the way down, nothing changed.
      subtreeChanged: amended || (pair.identicalBelow === 0 && anySubtreeChanged(children)),
    };
  }

  /**
   * The sub-clauses of two clauses the same all the way down, none of them paired or compared
   * one by one: each is unchanged, with its twin, as the ordered alignment would pair them.
   */
  private identicalChildren(oldParent: Clause, newParent: Clause): ClauseChange[] {
    const news = newParent.children;
    if (news.length === 0) return EMPTY;
    const olds = oldParent.children;
    const out = new Array<ClauseChange>(news.length);
    for (let i = 0; i < news.length; i++) {
      const o = olds[i]!;
      const n = news[i]!;
      out[i] = {
        status: 'unchanged',
        amended: false,
        renumbered: false,
        moved: false,
        old: this.oldSides.get(o)!,
        new: this.newSides.get(n)!,
        match: o.number === null ? 'content' : 'number',
        similarity: 1,
        heading: unchangedHeading(n),
        content: this.identicalBlocks(o.content, n.content),
        tail: this.identicalBlocks(o.tail, n.tail),
        children: this.identicalChildren(o, n),
        subtreeChanged: false,
      };
    }
    this.summary.unchanged += news.length;
    return out;
  }

  /** Blocks the same as their twins, below a pair the same all the way down: each unchanged. */
  private identicalBlocks(olds: readonly Block[], news: readonly Block[]): ContentChange[] {
    if (news.length === 0) return EMPTY;
    const out = new Array<ContentChange>(news.length);
    for (let i = 0; i < news.length; i++) {
      const n = news[i]!;
      out[i] = n.type === 'table' ? this.table(this.identicalTables.get(n)!) : unchangedText(olds[i] as TextBlock, n);
    }
    return out;
  }

  private clauseChange(c: ClauseComparison): ClauseChange {
    const { pair } = c;
    const children = this.clauses(c.children);
    const content = this.blocks(c.content);
    const tail = this.blocks(c.tail);
    if (c.kind === 'inserted' || c.kind === 'deleted') {
      const inserted = c.kind === 'inserted';
      const shown = (pair.new ?? pair.old)!;
      return {
        status: c.kind,
        amended: false,
        renumbered: false,
        moved: false,
        old: inserted ? null : this.oldSides.get(shown)!,
        new: inserted ? this.newSides.get(shown)! : null,
        match: null,
        similarity: null,
        heading: shown.heading === null ? null : plainSegments(inserted ? 'insert' : 'delete', shown.heading),
        content,
        tail,
        children,
        subtreeChanged: true,
      };
    }
    const o = pair.old!;
    const n = pair.new!;
    const heading = this.heading(o.heading, n.heading);
    const amended = heading.changed || anyAmended(content) || anyAmended(tail);
    const status = c.moved ? 'moved' : c.renumbered ? 'renumbered' : amended ? 'amended' : 'unchanged';
    return {
      status,
      amended,
      renumbered: c.renumbered,
      moved: c.moved,
      old: this.oldSides.get(o)!,
      new: this.newSides.get(n)!,
      match: pair.basis,
      similarity: round(pair.similarity ?? 0),
      heading: heading.segments,
      content,
      tail,
      children,
      subtreeChanged: status !== 'unchanged' || anySubtreeChanged(children),
    };
  }

  private heading(o: string | null, n: string | null): { segments: Segment[] | null; changed: boolean } {
    if (o === null && n === null) return { segments: null, changed: false };
    // Nearly every heading is kept as it was: the same segments a word diff would give, without it.
    if (o === n) return { segments: plainSegments('equal', n!), changed: false };
    const r = this.words(plainRuns(o ?? ''), plainRuns(n ?? ''));
    return { segments: r.segments, changed: r.changed || (this.exact && (o === null) !== (n === null)) };
  }

  blocks(pairs: readonly BlockPairing[]): ContentChange[] {
    if (pairs.length === 0) return EMPTY;
    const out: ContentChange[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const b = pairs[i]!;
      if (b.kind === 'regrouped') out.push(...this.regrouped(b));
      else out.push(b.kind === 'table' ? this.table(b) : this.text(b));
    }
    return out;
  }

  /**
   * A paragraph split or merged: one word diff of the joined texts, cut back into the pieces of
   * the side that has more, at the paragraph breaks; each piece after the first carries its
   * break as inserted (split) or deleted (merged).
   */
  private regrouped(b: RegroupedComparison): TextBlockChange[] {
    const split = b.new.length > 1;
    const pieces = cutAtBreaks(this.words(b.oldRuns!, b.newRuns!).segments);
    const many = split ? b.new : b.old;
    return many.map((block, k) => {
      const change: TextBlockChange = { kind: 'text', blockType: block.type, status: 'amended', segments: pieces[k] ?? [], old: split ? (k === 0 ? b.old[0]! : null) : block, new: split ? block : k === 0 ? b.new[0]! : null };
      if (k > 0) change.breakBefore = split ? 'insert' : 'delete';
      return change;
    });
  }

  section(s: SectionComparison): SectionChange {
    // A section heading replaced whole is not counted: the counts are of clauses and blocks.
    const h = this.wordDiff.diff(s.heading.oldRuns ?? [], s.heading.newRuns ?? []);
    const content = this.blocks(s.content);
    const status = !s.old ? 'inserted' : !s.new ? 'deleted' : h.changed || content.some((c) => c.status !== 'unchanged') ? 'amended' : 'unchanged';
    return { status, heading: h.segments, content };
  }

  /** `unit`: what a reader counts the block as, in the note of one that moved. */
  private text(b: TextBlockComparison, unit: 'paragraph' | 'item' = 'paragraph'): TextBlockChange {
    if (b.across) return this.across(b, b.across);
    if (b.moved) return this.moved(b, b.moved, unit);
    if (b.items) return this.list(b, b.items);
    const blockType = (b.new ?? b.old)!.type;
    if (b.same) return unchangedText(b.old!, b.new!);
    if (!b.old || !b.new) {
      const inserted = b.old === null;
      return { kind: 'text', blockType, status: inserted ? 'inserted' : 'deleted', segments: blockSegments(inserted ? 'insert' : 'delete', (b.new ?? b.old)!), old: b.old, new: b.new };
    }
    const r = this.words(b.oldRuns!, b.newRuns!);
    // Not the same block (`b.same` is false), yet the same runs: with formatting shown, what the
    // runs do not carry changed (a block's kind, a code block's language, a nested list's
    // numbering, a nested table's layout), and that is a change.
    const changed = r.changed || this.exact;
    return { kind: 'text', blockType, status: changed ? 'amended' : 'unchanged', segments: r.segments, old: b.old, new: b.new };
  }

  /**
   * A block that changed place: deleted where it stood, inserted where it stands, each naming
   * the other place. Renumbered with its place (`labelOnly`), it is not amended.
   */
  private moved(b: TextBlockComparison, m: NonNullable<TextBlockComparison['moved']>, unit: 'paragraph' | 'item'): TextBlockChange {
    if (m.side === 'from') {
      return { kind: 'text', blockType: b.old!.type, status: 'deleted', segments: wholeSegments('delete', blockRuns(b.old!)), old: b.old, new: null, moved: { side: 'from', note: `Moved to ${unit} ${m.newIndex + 1}` } };
    }
    const r = this.words(b.oldRuns!, b.newRuns!);
    const amended = (r.changed && !m.labelOnly) || (this.exact && b.old!.type !== b.new!.type);
    return { kind: 'text', blockType: b.new!.type, status: 'inserted', segments: wholeSegments('insert', b.newRuns!), old: null, new: b.new, moved: { side: 'to', note: `Moved from ${unit} ${m.oldIndex + 1}`, amended, segments: r.segments } };
  }

  /**
   * Text moved across clauses: deleted whole where it stood, naming the clause it went to;
   * where it is, a block inserted whole or the start or end of a paragraph that took it in,
   * naming the clause it came from and marked against its old text.
   */
  private across(b: TextBlockComparison, a: NonNullable<TextBlockComparison['across']>): TextBlockChange {
    if (a.side === 'from') {
      const note = `Moved to ${placeName(this.newSides.get(a.clause)!)}`;
      return { kind: 'text', blockType: b.old!.type, status: 'deleted', segments: wholeSegments('delete', blockRuns(b.old!)), old: b.old, new: null, moved: { side: 'from', note } };
    }
    const note = `Moved from ${placeName(this.oldSides.get(a.clause)!)}`;
    const moved = this.words(a.movedRuns, b.newRuns!);
    if (a.at === 'whole') {
      return { kind: 'text', blockType: b.new!.type, status: 'inserted', segments: wholeSegments('insert', b.newRuns!), old: null, new: b.new, moved: { side: 'to', note, amended: moved.changed, segments: moved.segments } };
    }
    const own = this.words(b.oldRuns!, b.newRuns!);
    return { kind: 'text', blockType: b.new!.type, status: own.changed ? 'amended' : 'unchanged', segments: own.segments, old: b.old, new: b.new, movedIn: { note, at: a.at, amended: moved.changed, segments: moved.segments } };
  }

  /** A list whose items were reordered: each item marked on its own, the list's segments theirs joined. */
  private list(b: TextBlockComparison, items: readonly ListItemComparison[]): TextBlockChange {
    const changes = items.map((x): ListItemChange => ({ ...this.text(x.item, 'item'), oldItem: x.old, newItem: x.new }));
    return { kind: 'text', blockType: 'list', status: 'amended', segments: contentSegments(changes, '\n'), old: b.old, new: b.new, items: changes };
  }

  private cell(c: CellComparison): CellChange {
    let cell: CellChange;
    if (c.oldRuns && c.newRuns) {
      const r = this.words(c.oldRuns, c.newRuns);
      cell = { status: r.changed ? 'amended' : 'unchanged', segments: r.segments };
    } else if (c.newRuns) cell = { status: 'inserted', segments: wholeSegments('insert', c.newRuns) };
    else if (c.oldRuns) cell = { status: 'deleted', segments: wholeSegments('delete', c.oldRuns) };
    else cell = { status: 'unchanged', segments: [] };
    if (c.missing) cell.missing = c.missing;
    return cell;
  }

  private table(t: TableComparison): TableChange {
    const columns: ColumnChange[] = t.columns.map((p) => {
      const header = this.cell(p.header);
      const status = p.old === null ? 'inserted' : p.new === null ? 'deleted' : header.status === 'unchanged' ? 'unchanged' : 'amended';
      return { status, old: p.old, new: p.new, header };
    });
    const rows: RowChange[] = t.rows.map((p) => {
      const cells = p.cells.map((c) => this.cell(c));
      const status = p.old === null ? 'inserted' : p.new === null ? 'deleted' : cells.every((c) => c.status === 'unchanged') ? 'unchanged' : 'amended';
      const row: RowChange = { status, old: p.old, new: p.new, key: p.key, cells };
      if (p.moved) row.moved = true;
      return row;
    });
    const same = columns.every((c) => c.status === 'unchanged') && rows.every((r) => r.status === 'unchanged' && !r.moved);
    const status = !t.old ? 'inserted' : !t.new ? 'deleted' : same ? 'unchanged' : 'amended';
    return { kind: 'table', status, keyColumn: t.keyColumn, columns, rows, old: t.old, new: t.new };
  }
}

/** A block the same as its twin, content and formatting: its text, all equal. */
function unchangedText(o: TextBlock, n: TextBlock): TextBlockChange {
  return { kind: 'text', blockType: n.type, status: 'unchanged', segments: blockSegments('equal', n), old: o, new: n };
}

function anyAmended(blocks: readonly ContentChange[]): boolean {
  for (let i = 0; i < blocks.length; i++) if (blocks[i]!.status !== 'unchanged') return true;
  return false;
}

function anySubtreeChanged(children: readonly ClauseChange[]): boolean {
  for (let i = 0; i < children.length; i++) if (children[i]!.subtreeChanged) return true;
  return false;
}

/**
 * Segments of a regrouped text cut at its paragraph breaks (`PARAGRAPH_BREAK`), which are
 * dropped: the pieces' own boundaries stand for them.
 */
function cutAtBreaks(segments: readonly Segment[]): Segment[][] {
  const pieces: Segment[][] = [[]];
  for (const s of segments) {
    const parts = s.text.split(PARAGRAPH_BREAK);
    parts.forEach((text, k) => {
      if (k > 0) pieces.push([]);
      if (text !== '') pieces[pieces.length - 1]!.push({ ...s, text });
    });
  }
  // The space that stood where the break is (or stands where it was) is part of the change.
  pieces.forEach((piece, k) => {
    if (k > 0) piece.unshift(...spaceApart(piece.shift(), 'lead'));
    if (k < pieces.length - 1) piece.push(...spaceApart(piece.pop(), 'trail'));
  });
  return pieces;
}

/**
 * An equal segment at a paragraph break whose old and new text differ in the spaces at that
 * edge (ignored unless formatting is shown): those spaces as a deletion and an insertion.
 */
function spaceApart(s: Segment | undefined, edge: 'lead' | 'trail'): Segment[] {
  if (!s) return [];
  if (s.op !== 'equal' || s.old === undefined) return [s];
  const ws = edge === 'lead' ? /^\s*/ : /\s*$/;
  const oldSpace = s.old.match(ws)![0];
  const newSpace = s.text.match(ws)![0];
  if (oldSpace === newSpace) return [s];
  const core = (t: string, space: string) => (edge === 'lead' ? t.slice(space.length) : t.slice(0, t.length - space.length));
  const { old: _old, ...style } = s;
  const oldCore = core(s.old, oldSpace);
  const newCore = core(s.text, newSpace);
  const middle: Segment[] = newCore === '' && oldCore === '' ? [] : [{ ...style, text: newCore, ...(oldCore !== newCore ? { old: oldCore } : {}) }];
  const spaces: Segment[] = [...(oldSpace ? [{ op: 'delete' as const, text: oldSpace }] : []), ...(newSpace ? [{ op: 'insert' as const, text: newSpace }] : [])];
  return edge === 'lead' ? [...spaces, ...middle] : [...middle, ...spaces];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
