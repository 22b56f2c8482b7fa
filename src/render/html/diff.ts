/**
 * A redline as one self-contained HTML page (`secdoc diff --format html`): the whole new
 * document as a marked-up annex body, unchanged clauses in full, through templates/redline.hbs.
 * Insertions are <ins> (underlined), deletions <del> (struck through), so the marks survive
 * printing in black and white; changed clauses also carry a bar in the margin.
 * All source text is escaped here or by Handlebars; none is interpreted as markup.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import {
  changeNote,
  describeChange,
  type CellChange,
  type ClauseChange,
  type ContentChange,
  type DocumentDiff,
  type Segment,
} from '../../model/change.js';

const TEMPLATES = new URL('../../../templates/', import.meta.url);
const escape = Handlebars.Utils.escapeExpression;

interface BlockView {
  kind: 'text' | 'table' | 'code';
  /** The block's marks as HTML. */
  html?: string;
  status: string;
  /** Hanging clause number (first block of a clause without a heading). */
  numberHtml?: string | null;
  list?: boolean;
  header?: Array<{ html: string; status: string }>;
  rows?: Array<{ status: string; cells: Array<{ html: string; status: string }> }>;
}

interface ClauseView {
  anchor: string;
  depth: number;
  /** h2..h6 for a clause with a heading; null for a provision. */
  tag: string | null;
  numberHtml: string | null;
  headingHtml: string | null;
  status: string;
  changed: boolean;
  description: string;
  note: string | null;
  blocks: BlockView[];
}

export interface RedlinePage {
  lang: string;
  title: string;
  subtitle: string;
  css: string;
  summary: DocumentDiff['summary'];
  changes: Array<{ anchor: string; number: string; description: string; summary: string; status: string }>;
  preamble: BlockView[];
  sections: Array<{ headingHtml: string; status: string; blocks: BlockView[] }>;
  clauses: ClauseView[];
}

/** Anchor ids: unique per clause id (characters outside [A-Za-z0-9-] are hex-escaped). */
export function anchorFor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

function runHtml(seg: Segment, refs: ReadonlyMap<string, string>): string {
  let html = escape(seg.text);
  if (seg.code) html = `<code>${html}</code>`;
  if (seg.bold) html = `<strong>${html}</strong>`;
  if (seg.italic) html = `<em>${html}</em>`;
  if (seg.strike) html = `<s>${html}</s>`;
  const ref = seg.xref?.scope === 'clause' ? refs.get(seg.xref.target) : undefined;
  if (ref) html = `<a href="#${ref}">${html}</a>`;
  else if (seg.href) html = `<a href="${escape(seg.href)}">${html}</a>`;
  if (seg.op === 'insert') html = `<ins>${html}</ins>`;
  else if (seg.op === 'delete') html = `<del>${html}</del>`;
  return html;
}

export function segmentsHtml(segments: readonly Segment[], refs: ReadonlyMap<string, string> = new Map()): string {
  return segments.map((s) => runHtml(s, refs)).join('');
}

function cellView(c: CellChange, refs: ReadonlyMap<string, string>): { html: string; status: string } {
  return { html: segmentsHtml(c.segments, refs), status: c.status };
}

function blockViews(changes: readonly ContentChange[], refs: ReadonlyMap<string, string>): BlockView[] {
  return changes.map((c) => {
    if (c.kind === 'table') {
      return {
        kind: 'table',
        status: c.status,
        header: c.columns.map((col) => ({ ...cellView(col.header, refs), status: col.status })),
        rows: c.rows.map((r) => ({ status: r.status, cells: r.cells.map((cell) => cellView(cell, refs)) })),
      };
    }
    return {
      kind: c.blockType === 'code' ? 'code' : 'text',
      status: c.status,
      html: segmentsHtml(c.segments, refs),
      list: c.blockType === 'list' || c.blockType === 'quote',
    };
  });
}

function numberHtml(c: ClauseChange): string | null {
  const o = c.old?.number ?? null;
  const n = c.new?.number ?? null;
  if (c.status === 'inserted') return n ? `<ins>${escape(n)}</ins>` : null;
  if (c.status === 'deleted') return o ? `<del>${escape(o)}</del>` : null;
  if (c.renumbered && o !== n) return `${o ? `<del>${escape(o)}</del> ` : ''}${n ? `<ins>${escape(n)}</ins>` : ''}`;
  return n ? escape(n) : null;
}

function summaryOf(c: ClauseChange): string {
  const clause = (c.new ?? c.old)!.clause;
  if (clause.heading) return clause.heading;
  const text = [...c.content, ...c.tail]
    .flatMap((b) => (b.kind === 'text' ? b.segments : []))
    .filter((s) => s.op !== (c.new ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

export function redlinePage(diff: DocumentDiff): RedlinePage {
  // Cross-references link to the clause they name in the new version.
  const refs = new Map<string, string>();
  const clauses: ClauseView[] = [];
  const changes: RedlinePage['changes'] = [];
  const collect = (list: readonly ClauseChange[]) => {
    for (const c of list) {
      if (c.new?.number) refs.set(c.new.id.slice(c.new.id.indexOf('/') + 1), anchorOf(c));
      collect(c.children);
    }
  };
  collect(diff.clauses);

  const visit = (list: readonly ClauseChange[], depth: number) => {
    for (const c of list) {
      const side = (c.new ?? c.old)!;
      const anchor = anchorOf(c);
      const num = numberHtml(c);
      const blocks = blockViews([...c.content, ...c.tail], refs);
      const hasHeading = c.heading !== null;
      const first = blocks[0];
      if (!hasHeading && first && first.kind === 'text') first.numberHtml = num;
      const changed = c.status !== 'unchanged';
      clauses.push({
        anchor,
        depth,
        tag: hasHeading ? `h${Math.min(2 + depth, 6)}` : null,
        numberHtml: hasHeading || !first || first.kind !== 'text' ? num : null,
        headingHtml: c.heading ? segmentsHtml(c.heading, refs) : null,
        status: c.status,
        changed,
        description: describeChange(c),
        note: changeNote(c),
        blocks,
      });
      if (changed) {
        // The path (`8.10(a)`), not the bare label, so a sub-paragraph is findable in the table.
        changes.push({ anchor, number: side.number === null && side.clause.heading ? side.clause.heading : side.id.slice(side.id.indexOf('/') + 1), description: describeChange(c), summary: summaryOf(c), status: c.status });
      }
      visit(c.children, depth + 1);
    }
  };
  visit(diff.clauses, 0);

  const label = (s: DocumentDiff['old']) => (s.meta.kind === 'version' ? `v${s.meta.version}` : s.path);
  const meta = diff.new.meta;
  const title = meta.kind === 'version' ? `Appendix ${meta.appendix}: ${meta.title}` : meta.title ?? diff.new.id;
  return {
    lang: languageOf(diff),
    title,
    subtitle: meta.kind === 'version' ? `Version ${label(diff.new)} marked up against ${label(diff.old)}` : `${diff.new.path} marked up against ${diff.old.path}`,
    css: templates().css,
    summary: diff.summary,
    changes,
    preamble: blockViews(diff.preamble, refs),
    sections: diff.sections.map((s) => ({ headingHtml: segmentsHtml(s.heading, refs), status: s.status, blocks: blockViews(s.content, refs) })),
    clauses,
  };
}

/**
 * The page language, for screen readers and hyphenation: a front-matter `lang` if the source has
 * one, else German when German function words outnumber English ones in the opening text.
 */
function languageOf(diff: DocumentDiff): string {
  const meta = diff.new.meta;
  if (meta.kind === 'plain' && typeof meta.frontMatter?.lang === 'string') return meta.frontMatter.lang;
  let sample = '';
  for (const c of diff.clauses) {
    for (const b of [...c.content, ...c.children.flatMap((k) => k.content)]) if (b.kind === 'text') sample += ` ${b.segments.map((s) => s.text).join('')}`;
    if (sample.length > 4000) break;
  }
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  return count(/\b(?:der|die|das|und|nach|wird)\b/g) > count(/\b(?:the|and|of|shall|to)\b/g) ? 'de' : 'en';
}

function anchorOf(c: ClauseChange): string {
  return c.new ? anchorFor('c', c.new.id) : anchorFor('del', c.old!.id);
}

let compiled: { page: Handlebars.TemplateDelegate; css: string } | null = null;

/** Compiled once per process; the templates are package files, not user input. */
function templates(): { page: Handlebars.TemplateDelegate; css: string } {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  compiled = {
    page: hb.compile(readFileSync(new URL('redline.hbs', TEMPLATES), 'utf8'), { strict: false }),
    css: readFileSync(new URL('redline.css', TEMPLATES), 'utf8'),
  };
  return compiled;
}

export function diffToHtml(diff: DocumentDiff): string {
  return templates().page(redlinePage(diff));
}
