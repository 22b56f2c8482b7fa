/**
 * The preview's pages. A version's page is the annex page `secdoc build` publishes (clean, or
 * marked up against the version it replaces), with a bar on top holding the diagnostics of the
 * last save and a script that reloads the page when a source changes.
 */
import { relative, sep } from 'node:path';
import { redlineOf } from '../rules/correspondence.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { findVersion, versionLabel, type VersionDocument } from '../corpus/index.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { anchorOf, buildView } from '../render/view/index.js';
import { annexToHtml } from '../render/html/index.js';
import type { Snapshot } from './live.js';

export type ViewKind = 'clean' | 'marked-up';

/** Text in element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A source's address in the preview: `/source/tmad/v20.0.md`, each segment percent-encoded. */
export function sourceHref(root: string, path: string, view: ViewKind = 'clean'): string {
  const segments = relative(root, path).split(sep).map(encodeURIComponent).join('/');
  return `/source/${segments}${view === 'marked-up' ? '?view=marked-up' : ''}`;
}

/** The source path an address names, when it is one the corpus holds. */
export function sourceOf(snapshot: Snapshot, root: string, pathname: string): string | null {
  if (!pathname.startsWith('/source/')) return null;
  const wanted = pathname.slice('/source/'.length);
  return snapshot.corpus.files.map((f) => f.path!).find((p) => sourceHref(root, p) === `/source/${wanted}`) ?? null;
}

const STYLE = `<style>
.live{font:14px/1.4 system-ui,sans-serif;background:#f4f4f4;border-bottom:2px solid #444;padding:.5rem 1rem;margin:0 0 1rem}
.live nav a{margin-right:1rem}.live nav [aria-current]{font-weight:bold;text-decoration:none;color:inherit}
.live ol{margin:.3rem 0;padding-left:1.2rem}.live .error{color:#a00}.live .warning{color:#704b00}
.live .ok{color:#060}.live code{font-size:13px}
@media print{.live{display:none}}
</style>`;

/**
 * Shows the new page when the server says the corpus changed: fetched and swapped into this one,
 * not reloaded, so the scroll position, the event stream and the loaded fonts stay and the edit
 * shows sooner (a reload re-runs the whole navigation). Falls back to a reload if that fails.
 */
const RELOAD = `<script>
(() => {
  const key = 'secdoc-scroll:' + location.pathname + location.search;
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(y)); }
  const events = new EventSource('/events');
  const root = document.documentElement;
  let shown = Number(root.dataset.generation);
  // Marks whether saves will reach this page (the server stopped, or not yet connected).
  events.onopen = () => { root.dataset.live = 'connected'; };
  events.onerror = () => { root.dataset.live = 'disconnected'; };
  const reload = () => {
    events.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
  events.addEventListener('reload', async (e) => {
    if (Number(e.data) <= shown) return;
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      if (!response.ok) return reload();
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const generation = Number(next.documentElement.dataset.generation);
      // Saves in quick succession: a slower answer for an older generation is dropped.
      if (!(generation > shown)) return;
      shown = generation;
      root.dataset.generation = String(generation);
      const scroll = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(next.body);
      window.scrollTo(0, scroll);
    } catch {
      reload();
    }
  });
})();
</script>`;

/** Every clause of a document in source order, with the line it starts on. */
function clausesByLine(doc: ClauseDocument): Array<{ line: number; clause: Clause }> {
  const out: Array<{ line: number; clause: Clause }> = [];
  const visit = (list: readonly Clause[]) => {
    for (const c of list) {
      out.push({ line: c.position.start.line, clause: c });
      visit(c.children);
    }
  };
  visit(doc.clauses);
  return out.sort((a, b) => a.line - b.line);
}

/** The anchor of the clause a line falls in: the last clause that starts on or before it. */
function anchorAt(doc: ClauseDocument | undefined, line: number): string | null {
  if (!doc) return null;
  let found: Clause | null = null;
  for (const entry of clausesByLine(doc)) {
    if (entry.line > line) break;
    found = entry.clause;
  }
  return found ? anchorOf(found.id) : null;
}

function documentOf(snapshot: Snapshot, path: string): ClauseDocument | undefined {
  const { versions, directions } = snapshot.corpus;
  return [...versions, ...directions].find((d) => d.path === path);
}

/** The diagnostics of the last save, each `file:line:col` linking to its clause. */
export function diagnosticsHtml(snapshot: Snapshot, root: string, here: string | null): string {
  const { diagnostics } = snapshot;
  if (diagnostics.length === 0) return `<p class="ok" id="diagnostics">No problems found in ${escapeHtml(root)}.</p>`;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  // This page's own file first, then the rest in the order validate prints them.
  const ordered = [...diagnostics.filter((d) => d.file === here), ...diagnostics.filter((d) => d.file !== here)];
  const item = (d: Diagnostic) => {
    const location = `${d.file}:${d.line}:${d.column}`;
    const anchor = anchorAt(documentOf(snapshot, d.file), d.line);
    const known = snapshot.corpus.files.some((f) => f.path === d.file);
    const page = d.file === here ? '' : known ? sourceHref(root, d.file) : null;
    const link = page === null || (page === '' && anchor === null) ? null : `${page}${anchor ? `#${anchor}` : ''}`;
    const where = link === null ? `<code>${escapeHtml(location)}</code>` : `<a href="${escapeHtml(link)}"><code>${escapeHtml(location)}</code></a>`;
    return `<li class="${d.severity}">${where}: ${d.severity} ${escapeHtml(d.message)} <code>[${escapeHtml(d.ruleId)}]</code></li>`;
  };
  return `<section id="diagnostics" aria-label="Diagnostics"><p>${count(errors, 'error')}, ${count(warnings, 'warning')}</p><ol>${ordered.map(item).join('')}</ol></section>`;
}

function bar(snapshot: Snapshot, root: string, path: string, nav: string): string {
  return `<div class="live" role="region" aria-label="Live preview"><nav><a href="/">All documents</a>${nav}</nav>${diagnosticsHtml(snapshot, root, path)}</div>`;
}

/** Put the bar, style and reload script into a page the annex renderer wrote. */
function inject(page: string, generation: number, barHtml: string): string {
  return page
    .replace('<html ', `<html data-generation="${generation}" `)
    .replace('</head>', `${STYLE}</head>`)
    .replace(/<body[^>]*>/, (body) => `${body}${barHtml}`)
    .replace('</body>', `${RELOAD}</body>`);
}

/** A page of its own (index, a source without a version to show), around the same bar. */
function shell(title: string, generation: number, body: string): string {
  return `<!DOCTYPE html>\n<html data-generation="${generation}" lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${STYLE}</head><body>${body}${RELOAD}</body></html>`;
}

export function sourcePage(snapshot: Snapshot, root: string, path: string, view: ViewKind): string {
  const doc = documentOf(snapshot, path);
  const name = relative(root, path);
  if (!doc || doc.meta.kind !== 'version') {
    const what = doc ? 'This source is a direction; the preview shows its diagnostics.' : 'This source could not be read as a document version or direction; see its diagnostics.';
    return shell(`${name}: secdoc preview`, snapshot.generation, `${bar(snapshot, root, path, `<span>${escapeHtml(name)}</span>`)}<main><h1>${escapeHtml(name)}</h1><p>${what}</p></main>`);
  }
  const version = doc as VersionDocument;
  const { appendix, replaces } = version.meta;
  const previous = replaces ? findVersion(snapshot.corpus, appendix, replaces) : null;
  const tab = (kind: ViewKind, label: string) => (kind === view ? `<a aria-current="page" href="${escapeHtml(sourceHref(root, path, kind))}">${label}</a>` : `<a href="${escapeHtml(sourceHref(root, path, kind))}">${label}</a>`);
  const nav = `${tab('clean', 'Clean')}${previous ? tab('marked-up', `Marked up against v${escapeHtml(previous.meta.version)}`) : '<span>No earlier version to mark up against</span>'}`;
  const interval = snapshot.intervals.find((i) => i.document === version);
  const direction = interval?.direction?.meta ?? null;
  const against = view === 'marked-up' && previous ? { document: previous, diff: redlineOf(previous, version) } : null;
  const annex = buildView({
    document: version,
    designated: interval?.designated ?? null,
    effective: interval?.effective ?? null,
    direction: direction ? { id: direction.id, title: direction.title, made: direction.made } : null,
    against,
  });
  return inject(annexToHtml(annex), snapshot.generation, bar(snapshot, root, path, nav));
}

export function indexPage(snapshot: Snapshot, root: string): string {
  const { versions, files } = snapshot.corpus;
  const appendices = [...new Set(versions.map((v) => v.meta.appendix))];
  const link = (path: string, label: string) => `<a href="${escapeHtml(sourceHref(root, path))}">${escapeHtml(label)}</a>`;
  const documents = appendices.map((appendix) => {
    const list = versions.filter((v) => v.meta.appendix === appendix);
    const items = list.map((v) => `<li>${link(v.path, versionLabel(v.meta))} <code>${escapeHtml(relative(root, v.path))}</code></li>`);
    return `<h2>Appendix ${escapeHtml(appendix)}: ${escapeHtml(list.at(-1)!.meta.title)}</h2><ul>${items.join('')}</ul>`;
  });
  const shown = new Set(versions.map((v) => v.path));
  const other = files.filter((f) => !shown.has(f.path!) && f.path!.match(/\.(md|markdown)$/i)).map((f) => `<li>${link(f.path!, relative(root, f.path!))}</li>`);
  const others = other.length > 0 ? `<h2>Directions and other sources</h2><ul>${other.join('')}</ul>` : '';
  const body = `<div class="live" role="region" aria-label="Live preview">${diagnosticsHtml(snapshot, root, null)}</div><main><h1>secdoc preview: ${escapeHtml(root)}</h1>${documents.join('')}${others}</main>`;
  return shell('secdoc preview', snapshot.generation, body);
}
