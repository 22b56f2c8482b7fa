/**
 * Clause tree -> body blocks: hanging numbers, indents and runs, with no redline.
 * The marked-up builder reuses these for clauses the redline leaves unchanged.
 */
import type { Block, Clause, ClauseDocument, Inline } from '../../model/types.js';
import type { BodyBlock, Cell, Mark, Run, TocEntry } from './types.js';
import { liveHref } from '../../model/url.js';

/** An anchor usable as an HTML id, a Typst label and (with `_`) a Word bookmark. */
export function anchorOf(clauseId: string, prefix = 'c'): string {
  const path = clauseId.slice(clauseId.indexOf('/') + 1);
  return `${prefix}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/**
 * Which clauses of a document a `Clause 7.2(a)` reference names, by the key references use.
 * Decimal, section and article numbers stand alone; sub-paragraph keys append to their parent's.
 */
export function referenceAnchors(doc: ClauseDocument, prefix = 'c'): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (list: readonly Clause[], parentKey: string) => {
    for (const c of list) {
      let key = parentKey;
      if (c.number !== null) {
        key = ['decimal', 'section', 'article', 'letter-heading'].includes(c.style) ? c.number : parentKey + c.number;
        if (!out.has(key)) out.set(key, anchorOf(c.id, prefix));
      }
      visit(c.children, key);
    }
  };
  visit(doc.clauses, '');
  return out;
}

/** A clause shown as a heading line rather than a numbered paragraph. */
export function isHeadingClause(c: Clause): boolean {
  if (c.style === 'division') return true;
  if (c.heading === null) return false;
  if (c.style === 'decimal' || c.style === 'letter-heading') return c.depth === 1;
  return c.style === 'section' || c.style === 'article';
}

export interface RunOptions {
  refs: ReadonlyMap<string, string>;
  mark?: Mark;
}

/** Model inlines -> flat runs carrying their formatting. */
export function inlineRuns(nodes: readonly Inline[], options: RunOptions, style: Omit<Run, 'text'> = {}): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        push(out, { ...style, text: n.value });
        break;
      case 'code':
        push(out, { ...style, code: true, text: n.value });
        break;
      case 'break':
        push(out, { ...style, text: '\n' });
        break;
      case 'emphasis':
        out.push(...inlineRuns(n.children, options, { ...style, italic: true }));
        break;
      case 'strong':
        out.push(...inlineRuns(n.children, options, { ...style, bold: true }));
        break;
      case 'delete':
        out.push(...inlineRuns(n.children, options, { ...style, strike: true }));
        break;
      case 'link':
        out.push(...inlineRuns(n.children, options, liveHref(n.url) ? { ...style, href: n.url } : style));
        break;
      case 'xref': {
        const anchor = n.scope === 'clause' ? options.refs.get(n.target) : undefined;
        out.push(...inlineRuns(n.children, options, anchor ? { ...style, ref: anchor } : style));
        break;
      }
    }
  }
  return options.mark ? out.map((r) => ({ ...r, mark: options.mark })) : merge(out);
}

/** Adjacent runs with the same formatting become one (fewer spans, same text). */
export function merge(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, r)) out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push({ ...r });
  }
  return out;
}

function push(out: Run[], run: Run): void {
  if (run.text !== '') out.push(run);
}

function sameStyle(a: Run, b: Run): boolean {
  return a.mark === b.mark && a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strike === b.strike && a.href === b.href && a.ref === b.ref;
}

export const plain = (text: string, mark?: Mark): Run[] => (text === '' ? [] : [mark ? { text, mark } : { text }]);

/**
 * A provision's short heading as it is printed: bold, closed by a full stop (the source writes
 * `**Decommissioning.**`; the parser keeps the words). The stop takes the heading's mark when the
 * whole heading is inserted or deleted.
 */
export function provisionHeading(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r, bold: true as const }));
  const text = out.map((r) => r.text).join('');
  if (text === '' || /[.:;?!]$/.test(text.trimEnd())) return out;
  const mark = out[0]?.mark;
  const stop: Run = { text: '.', bold: true };
  if (mark && out.every((r) => r.mark === mark)) stop.mark = mark;
  return merge([...out, stop]);
}

export interface Placement {
  /** Heading level for heading clauses (1-based). */
  level: number;
  /** Indent for numbered paragraphs. */
  indent: number;
}

/** Where a clause sits: heading clauses count levels, provisions count indents below them. */
export function childPlacement(parent: Clause | null, at: Placement): Placement {
  if (parent === null) return { level: 1, indent: 0 };
  if (isHeadingClause(parent)) return { level: at.level + 1, indent: 0 };
  return { level: at.level, indent: at.indent + 1 };
}

/** A clause's own blocks (not its children's): number and heading on the first paragraph. */
export function clauseBlocks(c: Clause, at: Placement, options: RunOptions & { anchor: string; note?: string; number?: Run[] | null }): BodyBlock[] {
  const mark = options.mark;
  const number = options.number !== undefined ? options.number : c.number === null ? null : plain(c.number, mark);
  const heading = c.heading === null ? null : plain(c.heading, mark).map((r) => ({ ...r, bold: true as const }));
  const out: BodyBlock[] = [];
  if (isHeadingClause(c)) {
    out.push(withExtras({ kind: 'heading', level: Math.min(at.level, 3), number, text: heading ?? [], anchor: options.anchor }, mark, options.note));
    out.push(...contentBlocks(c.content, at.indent, options));
    return out;
  }
  const [first, ...rest] = c.content;
  if (first?.type === 'paragraph') {
    out.push(withExtras({ kind: 'para', indent: at.indent, number, heading: heading && provisionHeading(heading), runs: inlineRuns(first.children, options), anchor: options.anchor }, mark, options.note));
    out.push(...contentBlocks(rest, at.indent, options));
  } else {
    out.push(withExtras({ kind: 'para', indent: at.indent, number, heading: heading && provisionHeading(heading), runs: [], anchor: options.anchor }, mark, options.note));
    out.push(...contentBlocks(c.content, at.indent, options));
  }
  return out;
}

/** The text after a clause's children (continuation paragraphs), at the clause's text column. */
export function tailBlocks(c: Clause, at: Placement, options: RunOptions): BodyBlock[] {
  return contentBlocks(c.tail, at.indent, options);
}

function withExtras<B extends BodyBlock>(block: B, mark: Mark | undefined, note: string | undefined): B {
  const out = { ...block } as B & { mark?: Mark; note?: string };
  if (mark) out.mark = mark;
  if (note) out.note = note;
  return out;
}

/** Unnumbered content blocks at the text column of a clause at `indent`. */
export function contentBlocks(blocks: readonly Block[], indent: number, options: RunOptions): BodyBlock[] {
  const out: BodyBlock[] = [];
  const mark = options.mark;
  const para = (runs: Run[], number: Run[] | null = null, at = indent): BodyBlock => withExtras({ kind: 'para', indent: at, number, heading: null, runs, anchor: null }, mark, undefined);
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(para(inlineRuns(b.children, options)));
        break;
      case 'heading':
        out.push(para(inlineRuns(b.children, options, { bold: true })));
        break;
      case 'table':
        out.push(
          withExtras(
            {
              kind: 'table',
              indent,
              header: b.header.map((cell): Cell => inlineRuns(cell.children, options)),
              rows: b.rows.map((row) => ({ cells: row.map((cell): Cell => inlineRuns(cell.children, options)) })),
              // Shared out once the whole body is known (see finishBody).
              widths: [],
            },
            mark,
            undefined,
          ),
        );
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const label = b.ordered ? `${i + 1}.` : '•';
          const [head, ...more] = item;
          if (head?.type === 'paragraph') out.push(para(inlineRuns(head.children, options), plain(label, mark), indent + 1));
          else out.push(para([], plain(label, mark), indent + 1));
          out.push(...contentBlocks(head?.type === 'paragraph' ? more : item, indent + 1, options));
        });
        break;
      case 'quote':
        out.push(...contentBlocks(b.children, indent + 1, options));
        break;
      case 'code':
        out.push(withExtras({ kind: 'code', indent, text: b.value }, mark, undefined));
        break;
      case 'rule':
        break;
    }
  }
  return out;
}

/** Every clause of a tree as body blocks, in reading order. */
export function treeBlocks(doc: ClauseDocument, refs: ReadonlyMap<string, string>): BodyBlock[] {
  const out: BodyBlock[] = [];
  const visit = (list: readonly Clause[], parent: Clause | null, at: Placement) => {
    const here = childPlacement(parent, at);
    for (const c of list) {
      out.push(...clauseBlocks(c, here, { refs, anchor: anchorOf(c.id) }));
      visit(c.children, c, here);
      out.push(...tailBlocks(c, here, { refs }));
    }
  };
  visit(doc.clauses, null, { level: 0, indent: 0 });
  return out;
}

/** The table of contents: the heading clauses of the top level. */
export function tocOf(blocks: readonly BodyBlock[]): TocEntry[] {
  const out: TocEntry[] = [];
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.level !== 1) continue;
    // A renumbered or reworded heading is listed as it now reads; a deleted one as it read.
    const current = (runs: readonly Run[]) => (b.mark === 'del' ? runs : runs.filter((r) => r.mark !== 'del'));
    const number = b.number ? current(b.number).map((r) => r.text).join('') || null : null;
    const entry: TocEntry = { number, text: current(b.text).map((r) => r.text).join(''), anchor: b.anchor };
    if (b.mark) entry.mark = b.mark;
    out.push(entry);
  }
  return out;
}
