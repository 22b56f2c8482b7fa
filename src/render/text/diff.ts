/**
 * A redline for the terminal: a summary, then each changed clause with its marks. Colour when
 * asked (red struck-through deletions, green underlined insertions); without it, marks that
 * survive copy and paste: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff` writes them.
 */
import { styleText } from 'node:util';
import {
  changeNote,
  describeChange,
  type ClauseChange,
  type ContentChange,
  type DocumentDiff,
  type Segment,
  type TableChange,
  type TextBlockChange,
} from '../../model/change.js';

export interface TextOptions {
  color: boolean;
  /** Print unchanged text in full instead of eliding long unchanged stretches. */
  full?: boolean;
}

type Mark = 'del' | 'ins' | 'bold' | 'dim';
const STYLE: Record<Mark, Parameters<typeof styleText>[0]> = { del: ['red', 'strikethrough'], ins: ['green', 'underline'], bold: 'bold', dim: 'dim' };
const PLAIN: Record<Mark, readonly [string, string]> = { del: ['[-', '-]'], ins: ['{+', '+}'], bold: ['', ''], dim: ['', ''] };

/** Unchanged stretches longer than this are cut to their ends in an amended clause. */
const ELIDE_OVER = 200;
const KEEP = 70;

export function diffToText(diff: DocumentDiff, options: TextOptions): string {
  // The caller decided whether to colour (NO_COLOR, FORCE_COLOR, a terminal); styleText must not
  // look at this process's own stdout again.
  const wrap = (kind: Mark, text: string) => (!text ? '' : options.color ? styleText(STYLE[kind], text, { validateStream: false }) : `${PLAIN[kind][0]}${text}${PLAIN[kind][1]}`);
  const out: string[] = [];
  const name = (side: DocumentDiff['old']) => (side.meta.kind === 'version' ? `${side.meta.appendix} v${side.meta.version}` : side.path.split(/[\\/]/).pop()!);
  const sum = diff.summary;
  out.push(
    wrap('bold', `${name(diff.old)} -> ${name(diff.new)}`) +
      // Every clause and sub-clause is counted on its own; an annex's table of changes gives one
      // row to a clause inserted or deleted whole, its sub-clauses included, so it has fewer rows.
      `: ${sum.changed} clause${sum.changed === 1 ? '' : 's'} changed, each sub-clause counted (${sum.amended} amended, ${sum.inserted} inserted, ${sum.deleted} deleted, ${sum.renumbered} renumbered, ${sum.moved} moved), ${sum.unchanged} unchanged`,
  );

  const marked = (raw: readonly Segment[], elide: boolean) => {
    // Formatting splits segments; the terminal shows none of it, so join neighbours with one op.
    const segments: Array<{ op: Segment['op']; text: string }> = [];
    for (const seg of raw) {
      const last = segments[segments.length - 1];
      if (last && last.op === seg.op) last.text += seg.text;
      else segments.push({ op: seg.op, text: seg.text });
    }
    let line = '';
    segments.forEach((seg, i) => {
      let text = seg.text;
      if (seg.op === 'equal' && elide && !options.full && text.length > ELIDE_OVER) {
        const first = i === 0;
        const last = i === segments.length - 1;
        if (first) text = `…${text.slice(-KEEP)}`;
        else if (last) text = `${text.slice(0, KEEP)}…`;
        else text = `${text.slice(0, KEEP)} … ${text.slice(-KEEP)}`;
      }
      line += seg.op === 'delete' ? wrap('del', text) : seg.op === 'insert' ? wrap('ins', text) : text;
    });
    return line;
  };
  const indent = (text: string, pad = '    ') => text.split('\n').map((l) => (l ? pad + l : l)).join('\n');

  // A paragraph break a split added or a merge removed is marked `¶` where it was or is; a moved
  // paragraph is shown where it stands, with its word marks, and named where it stood.
  const textBlock = (c: TextBlockChange, elide: boolean): string => {
    // A list whose items were reordered: item by item, each line as a block reads.
    if (c.items) return c.items.map((item) => textBlock(item, elide)).join('\n');
    if (c.moved?.side === 'from') return wrap('dim', `[${c.moved.note}]`);
    // A paragraph that took in text moved from another clause: that text marked against where it stood.
    const words =
      c.moved?.side === 'to'
        ? marked(c.moved.segments, elide && c.moved.amended) + ' ' + wrap('dim', `[${c.moved.note}]`)
        : c.movedIn
          ? marked(c.movedIn.segments, elide) + ' ' + wrap('dim', `[${c.movedIn.note}]`)
          : marked(c.segments, elide && c.status === 'amended');
    return c.breakBefore ? wrap(c.breakBefore === 'insert' ? 'ins' : 'del', '¶') + ' ' + words : words;
  };

  const blocks = (changes: readonly ContentChange[], elide: boolean) => {
    const parts: string[] = [];
    for (const c of changes) {
      if (c.kind === 'text') parts.push(indent(textBlock(c, elide)));
      else parts.push(table(c));
    }
    return parts.filter((p) => p.trim() !== '').join('\n\n');
  };

  const table = (t: TableChange) => {
    const lines: string[] = [];
    const row = (cells: Array<{ segments: Segment[] }>, mark: string) => `  ${mark} | ${cells.map((c) => marked(c.segments, false).replace(/\n/g, ' ')).join(' | ')} |`;
    lines.push(row(t.columns.map((c) => c.header), t.status === 'inserted' ? '+' : t.status === 'deleted' ? '-' : ' '));
    for (const r of t.rows) {
      if (t.status === 'amended' && r.status === 'unchanged' && !options.full) continue;
      lines.push(row(r.cells, r.status === 'inserted' ? '+' : r.status === 'deleted' ? '-' : r.status === 'amended' ? '~' : ' '));
    }
    const hidden = t.status === 'amended' && !options.full ? t.rows.filter((r) => r.status === 'unchanged').length : 0;
    if (hidden) lines.push(wrap('dim', `    (${hidden} unchanged row${hidden === 1 ? '' : 's'})`));
    return lines.join('\n');
  };

  const label = (c: ClauseChange) => {
    const side = c.new ?? c.old!;
    return side.id.slice(side.id.indexOf('/') + 1);
  };

  const clause = (c: ClauseChange) => {
    if (c.status !== 'unchanged') {
      const heading = c.heading ? marked(c.heading, false) : '';
      out.push('');
      out.push(`${wrap('bold', label(c))}  ${describeChange(c)}${heading ? `  ${heading}` : ''}`);
      const body = blocks([...c.content, ...c.tail], c.status !== 'inserted' && c.status !== 'deleted');
      if (c.amended || c.status === 'inserted' || c.status === 'deleted') {
        if (body) out.push(body);
      } else if (changeNote(c)) {
        const first = [...c.content, ...c.tail].find((b) => b.kind === 'text');
        const text = first && first.kind === 'text' ? first.segments.map((x) => x.text).join('').replace(/\s+/g, ' ') : '';
        if (text) out.push(indent(wrap('dim', text.length > 100 ? `${text.slice(0, 100)}…` : text)));
      }
    }
    c.children.forEach(clause);
  };

  const pre = diff.preamble.filter((b) => b.status !== 'unchanged');
  if (pre.length) {
    out.push('', `${wrap('bold', '(preamble)')}  Amended`, blocks(diff.preamble, true));
  }
  for (const sec of diff.sections) {
    if (sec.status === 'unchanged') continue;
    out.push('', `${wrap('bold', marked(sec.heading, false))}  ${sec.status[0]!.toUpperCase()}${sec.status.slice(1)}`, blocks(sec.content, sec.status === 'amended'));
  }
  diff.clauses.forEach(clause);
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
