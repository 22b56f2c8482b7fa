/**
 * Queries over the clause tree that several stages share: defined terms, the clause a
 * cross-reference names, and the cross-references in some content.
 */
import type { Block, Clause, ClauseDocument, Inline, Position } from './types.js';
import { blockText, inlineText, normalizeSpace } from './text.js';

/**
 * The first header cell of a definitions table: `Term`, `Defined Term`, `Expression`, `Word`
 * (or their plurals), or the German `Begriff`. The checks, the rules and the redline all ask here.
 */
export const DEFINITIONS_HEADER = /^(?:(?:defined )?terms?|expressions?|words?|begriffe?)$/i;

/** Whether a table is a definitions table (term | meaning). */
export function isDefinitionsTable(block: Block): boolean {
  return block.type === 'table' && DEFINITIONS_HEADER.test(inlineText(block.header[0]?.children ?? []).trim());
}

export interface DefinedTerm {
  term: string;
  definition: string;
  clause: Clause;
  position: Position | undefined;
}

/** Terms from every definitions table (`DEFINITIONS_HEADER`), with their meanings. */
export function definedTerms(doc: ClauseDocument): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  const visit = (list: Clause[]) => {
    for (const c of list) {
      for (const b of [...c.content, ...c.tail]) {
        if (b.type !== 'table' || !isDefinitionsTable(b)) continue;
        for (const row of b.rows) {
          const term = inlineText(row[0]?.children ?? []).trim();
          if (term) out.push({ term, definition: inlineText(row[1]?.children ?? []).trim(), clause: c, position: firstPosition(row[0]?.children ?? []) ?? b.position });
        }
      }
      visit(c.children);
    }
  };
  visit(doc.clauses);
  return out;
}

const QUOTED = /[“"„‘]([\p{Lu}][\p{L}\p{N}\-]*(?:[ \u00a0][\p{L}\p{N}\-]+){1,5})[”"“’]/gu;

/** A clause that defines terms: quoted terms in it count (`“Personal Data” means ...`). */
const DEFINITIONS_HEADING = /defini|interpret|begriff/i;

/**
 * The multi-word terms a document defines, sorted, whitespace collapsed: the first column of its
 * definitions tables and the quoted terms of its definitions clauses. The parser stores them on
 * the document (`terms`), and the redline's tokenizer keeps each whole. (`definedTerms` above is
 * the definitions tables' terms with their meanings, for the checks and the rules.)
 */
export function multiWordTerms(doc: Pick<ClauseDocument, 'preamble' | 'sections' | 'clauses'>): string[] {
  const out = new Set<string>();
  termsIn(doc.preamble, false, out);
  for (const s of doc.sections) termsIn(s.content, DEFINITIONS_HEADING.test(s.heading), out);
  termsUnder(doc.clauses, false, out);
  return [...out].sort();
}

function termsUnder(clauses: readonly Clause[], quoted: boolean, out: Set<string>): void {
  for (const c of clauses) {
    const q = quoted || (c.heading !== null && DEFINITIONS_HEADING.test(c.heading));
    termsIn(c.content, q, out);
    termsIn(c.tail, q, out);
    termsUnder(c.children, q, out);
  }
}

function termsIn(blocks: readonly Block[], quoted: boolean, out: Set<string>): void {
  for (const b of blocks) {
    if (b.type === 'table') {
      if (isDefinitionsTable(b)) {
        for (const row of b.rows) {
          const t = row[0] ? normalizeSpace(inlineText(row[0].children)).trim() : '';
          if (t.includes(' ')) out.add(t);
        }
      }
    } else if (quoted) {
      for (const m of blockText(b).matchAll(QUOTED)) out.add(normalizeSpace(m[1]!));
    }
  }
}

/** The id of a decimal clause inside a lettered section: `J/1.2` (see assignIds). */
const LETTERED = /\/([A-Z])\/[^/]+$/;

/** How a cross-reference names a clause: `18.12`, `7.2(a)(i)`, `§ 20a`; `J.1` for `1` in lettered section J. */
export function referenceKey(c: Clause, parent: Clause | null, parentKey?: string): string {
  const letter = c.style === 'decimal' ? LETTERED.exec(c.id)?.[1] : undefined;
  if (letter) return `${letter}.${c.number}`;
  if (c.style === 'decimal' || c.style === 'section' || c.style === 'article' || c.style === 'letter-heading') return c.number!;
  const base = parentKey ?? (parent ? parent.id.slice(parent.id.indexOf('/') + 1) : '');
  return base + c.number;
}

/** Every clause by the key a cross-reference uses (`18.12`, `7.2(a)`). */
export function clauseIndex(doc: ClauseDocument): Map<string, Clause> {
  const index = new Map<string, Clause>();
  const visit = (list: Clause[], parent: Clause | null, parentKey: string) => {
    for (const c of list) {
      const key = c.number === null ? parentKey : referenceKey(c, parent, parentKey);
      if (c.number !== null && !index.has(key)) index.set(key, c);
      // `Clause 1` inside lettered section J still finds J.1 when no other clause is numbered 1.
      if (c.number !== null && key !== c.number && c.style === 'decimal' && !index.has(c.number)) index.set(c.number, c);
      visit(c.children, c.number !== null ? c : parent, key);
    }
  };
  visit(doc.clauses, null, '');
  return index;
}

export function* xrefsIn(blocks: readonly Block[]): Generator<Extract<Inline, { type: 'xref' }>> {
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        yield* inlineXrefs(b.children);
        break;
      case 'table':
        for (const row of [b.header, ...b.rows]) for (const cell of row) yield* inlineXrefs(cell.children);
        break;
      case 'list':
        for (const item of b.items) yield* xrefsIn(item);
        break;
      case 'quote':
        yield* xrefsIn(b.children);
        break;
      default:
    }
  }
}

function* inlineXrefs(nodes: readonly Inline[]): Generator<Extract<Inline, { type: 'xref' }>> {
  for (const n of nodes) {
    if (n.type === 'xref') yield n;
    else if ('children' in n) yield* inlineXrefs(n.children);
  }
}

function firstPosition(nodes: readonly Inline[]): Position | undefined {
  for (const n of nodes) if ('position' in n && n.position) return n.position;
  return undefined;
}

/** A clause number as compared for renumbering: without spaces or a trailing dot (`§ 20a` = `§20a`, `2.1.` = `2.1`). */
export function normNumber(n: string | null): string | null {
  if (n === null) return null;
  // Nearly every number is already in this form: skip the two replacements.
  return /\s|\.$/.test(n) ? n.replace(/\s+/g, '').replace(/\.+$/, '') : n;
}
