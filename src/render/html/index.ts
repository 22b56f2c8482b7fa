/**
 * View model -> one self-contained HTML page through the Handlebars templates in templates/.
 * Text is escaped by Handlebars or by `runsHtml`; nothing from the sources is ever interpreted
 * as markup.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { AnnexView, Mark, Run } from '../view/types.js';

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
  const partials = new URL('partials/', TEMPLATES);
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(name.replace(/\.hbs$/, ''), readFileSync(new URL(name, partials), 'utf8'));
  }
  const load = (name: string) => hb.compile(readFileSync(new URL(name, TEMPLATES), 'utf8'), { strict: false, noEscape: false });
  compiled = { annex: load('annex.hbs'), index: load('index.hbs'), css: readFileSync(new URL('annex.css', TEMPLATES), 'utf8') };
  return compiled;
}

export function annexToHtml(view: AnnexView): string {
  const t = templates();
  return t.annex({ ...view, css: t.css });
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

export function indexToHtml(page: IndexPage): string {
  const t = templates();
  return t.index({ ...page, css: t.css });
}
