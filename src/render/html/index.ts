/**
 * View model -> one self-contained HTML page through the Handlebars templates in templates/.
 * Text is escaped by Handlebars or by `runsHtml`; nothing from the sources is ever interpreted
 * as markup.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { AnnexView, Layout, Mark, Run } from '../view/types.js';
import { FONT_FACES, FONT_FAMILY } from '../fonts.js';

const TEMPLATES = new URL('../../../templates/', import.meta.url);

const escape = Handlebars.Utils.escapeExpression;

/** Runs -> HTML: redline marks as <ins>/<del>, references as links to their clause. */
export function runsHtml(runs: readonly Run[] | null | undefined): string {
  if (!runs) return '';
  let out = '';
  for (const r of runs) {
    let html = escape(r.text).replace(/\n/g, '<br>');
    if (r.code) html = `<code>${html}</code>`;
    if (r.bold) html = `<strong>${html}</strong>`;
    if (r.italic) html = `<em>${html}</em>`;
    if (r.strike) html = `<s>${html}</s>`;
    if (r.ref) html = `<a href="#${escape(r.ref)}">${html}</a>`;
    else if (r.href) html = `<a href="${escape(r.href)}">${html}</a>`;
    if (r.mark) html = `<${r.mark}>${html}</${r.mark}>`;
    out += html;
  }
  return out;
}

/**
 * A CSS string literal for `content:` (running header and footer in print), inside a <style>
 * element: quotes, backslashes, markup characters (`</style>`) and controls become six-digit
 * CSS escapes, which need no terminating space.
 */
export function cssString(text: string): string {
  return `"${text.replace(/["'\\<>&\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(6, '0')}`)}"`;
}

interface Compiled {
  annex: Handlebars.TemplateDelegate;
  index: Handlebars.TemplateDelegate;
  css: string;
}

let compiled: Compiled | null = null;

/** Templates are compiled once per process; they are package files, not user input. */
function templates(): Compiled {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  hb.registerHelper('runs', (runs: Run[] | null | undefined) => new hb.SafeString(runsHtml(runs)));
  hb.registerHelper('one', (text: string | null, mark: Mark | undefined) => (text ? [mark ? { text, mark } : { text }] : []));
  hb.registerHelper('cssString', (text: string) => cssString(text));
  hb.registerHelper('add', (a: number, b: number) => a + b);
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('columns', (indent: number, layout: Layout) => columnStyle(indent, layout));
  hb.registerHelper('percent', (share: number) => `${Math.round(share * 1000) / 10}%`);
  const partials = new URL('partials/', TEMPLATES);
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(name.replace(/\.hbs$/, ''), readFileSync(new URL(name, partials), 'utf8'));
  }
  const load = (name: string) => hb.compile(readFileSync(new URL(name, TEMPLATES), 'utf8'), { strict: false, noEscape: false });
  compiled = { annex: load('annex.hbs'), index: load('index.hbs'), css: readFileSync(new URL('annex.css', TEMPLATES), 'utf8') };
  return compiled;
}

/**
 * Where a block at `indent` sets its text and how far its number hangs, in rem (the body text's
 * size, 10 pt in print): the view model's number columns, so a wrapped line starts where the
 * first line's text does.
 */
export function columnStyle(indent: number, layout: Layout): string {
  const cols = layout.numberColumns;
  const pad = cols.slice(0, indent + 1).reduce((a, b) => a + b, 0);
  const hang = cols[Math.min(indent, cols.length - 1)] ?? 0;
  return `--pad: ${round(pad)}rem; --hang: ${round(hang)}rem`;
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface HtmlOptions {
  /**
   * Where the page finds the font files (`../../fonts/` from an annex in a pack); null writes no
   * @font-face rule, and the page falls back to an installed Arimo or Arial.
   */
  fontBase?: string | null;
}

/** @font-face rules for the shipped Arimo files under `base`. */
export function fontFaceCss(base: string): string {
  return FONT_FACES.map((f) => `@font-face { font-family: ${FONT_FAMILY}; font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; src: local("${FONT_FAMILY}"), url("${base}${f.file}") format("truetype"); }\n`).join('');
}

export function annexToHtml(view: AnnexView, options: HtmlOptions = {}): string {
  const t = templates();
  const layout = `.body { --col0: ${round(view.layout.numberColumns[0] ?? 0)}rem; }\n`;
  return t.annex({ ...view, css: t.css + layout, fontFaces: options.fontBase ? fontFaceCss(options.fontBase) : '' });
}

/** The pack's index page: plain data prepared by the publisher. */
export interface IndexPage {
  title: string;
  intro: string;
  directions: Array<{
    anchor: string;
    title: string;
    made: string;
    effective: string;
    /** "Duncan Stone, Deputy Director ..., (authority)"; null when the source names no signatory. */
    signedBy: string | null;
    addressees: string | null;
    /** The direction's own text (its page in each format made). */
    files: Link[];
    annexes: Array<{ letter: string; title: string; kind: string; files: Link[] }>;
  }>;
  documents: Array<{
    anchor: string;
    title: string;
    versions: Array<{ version: string; designated: string; inForce: string; clean: Link[]; markedUpAgainst: string | null; markedUp: Link[] }>;
  }>;
  extras: Link[];
}

export interface Link {
  href: string;
  label: string;
}

export function indexToHtml(page: IndexPage, options: HtmlOptions = {}): string {
  const t = templates();
  return t.index({ ...page, css: t.css, fontFaces: options.fontBase ? fontFaceCss(options.fontBase) : '' });
}
