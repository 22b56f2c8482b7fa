/**
 * How a reader cites a clause in full, as a table of changes or a redline note names it: `7.2`,
 * `4.1(b)(ii)`, `§ 63i (2)`, `J.1`, `Article L121-6`, a division by its heading. A local label
 * (`(2)`, `1.`) says too little on its own: two rows of a table of changes with the same local
 * number must be told apart.
 */
import type { Clause, ClauseDocument } from './types.js';
import type { ClauseSide } from './change.js';
import { normNumber } from './query.js';

/** Numbers that restart in each part or annex, and are cited from their part when they do. */
const PART_NUMBERED = new Set<Clause['style']>(['decimal', 'letter-heading']);
/** Numbers unique in a statute or code: `§ 20a`, `Article L121-6`. */
const STATUTE_NUMBERED = new Set<Clause['style']>(['section', 'article']);

const cache = new WeakMap<ClauseDocument, ReadonlyMap<Clause, string>>();

/** Every clause of a document with its citation in full (computed once per document). */
export function clauseCitations(doc: ClauseDocument): ReadonlyMap<Clause, string> {
  let cites = cache.get(doc);
  if (cites) return cites;
  // How often each part number occurs: a `1.1` that occurs once needs no part to name it.
  const counts = new Map<string, number>();
  const count = (list: readonly Clause[]) => {
    for (const c of list) {
      if (c.number !== null && PART_NUMBERED.has(c.style)) {
        const k = normNumber(c.number)!;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      count(c.children);
    }
  };
  count(doc.clauses);
  const out = new Map<Clause, string>();
  const visit = (list: readonly Clause[], parent: Clause | null, parentCite: string) => {
    for (const c of list) {
      const cite = citeClause(c, parent, parentCite, (k) => counts.get(k) === 1);
      out.set(c, cite);
      visit(c.children, c, cite);
    }
  };
  visit(doc.clauses, null, '');
  cache.set(doc, (cites = out));
  return cites;
}

const sideCache = new WeakMap<ClauseDocument, ReadonlyMap<Clause, ClauseSide>>();

/**
 * Every clause of a document as a redline names it (`ClauseSide`: id, number, citation and its
 * parent's), made once per document: a version compared with many others (a build's chain of
 * versions, the live preview) names its clauses once. Sisters share one parent object.
 */
export function clauseSides(doc: ClauseDocument): ReadonlyMap<Clause, ClauseSide> {
  let sides = sideCache.get(doc);
  if (sides) return sides;
  const cites = clauseCitations(doc);
  const out = new Map<Clause, ClauseSide>();
  const visit = (list: readonly Clause[], parent: ClauseSide['parent']) => {
    for (const c of list) {
      const citation = cites.get(c)!;
      out.set(c, { id: c.id, number: c.number, citation, parent, clause: c });
      if (c.children.length > 0) visit(c.children, { id: c.id, number: c.number, citation });
    }
  };
  visit(doc.clauses, null);
  sideCache.set(doc, (sides = out));
  return sides;
}

/** `unique(k)`: the normalised part number `k` occurs once in the document. */
function citeClause(c: Clause, parent: Clause | null, parentCite: string, unique: (k: string) => boolean): string {
  if (c.number === null) return c.heading ?? c.id.slice(c.id.indexOf('/') + 1);
  const own = c.number.trim();
  if (STATUTE_NUMBERED.has(c.style)) return own;
  if (PART_NUMBERED.has(c.style)) {
    if (!parent) return own;
    const k = normNumber(own)!;
    // Under an unnumbered part: the part names it only when the number recurs elsewhere.
    if (parent.number === null) return unique(k) ? own : `${parentCite} ${own}`;
    // `7.2` under `7` cites itself, named by the same part as its parent; `1.` under `J.` is `J.1`.
    if (k.startsWith(`${normNumber(parent.number)}.`)) {
      const parentOwn = parent.number.trim();
      return parentCite.endsWith(parentOwn) ? parentCite.slice(0, parentCite.length - parentOwn.length) + own : own;
    }
    if (PART_NUMBERED.has(parent.style)) return `${parentCite.replace(/\.$/, '')}.${own.replace(/\.$/, '')}`;
    return `${parentCite} ${own}`;
  }
  const bare = own.replace(/^\(|[.)]$/g, '');
  // `1.` under `## J.` is `J.1`, as the SEC cites its lettered sections.
  if (parent?.style === 'letter-heading' && c.style === 'number') return `${parentCite.replace(/\.$/, '')}.${bare}`;
  const label = `(${bare})`;
  if (!parent) return label;
  // `§ 63i (2)` and `Anlage 1 (2)` as statutes print them; `4.1(b)(ii)` as agreements do.
  return parent.number === null || STATUTE_NUMBERED.has(parent.style) ? `${parentCite} ${label}` : parentCite + label;
}
