/**
 * Queries over the clause tree that several stages share: defined terms, the clause a
 * cross-reference names, and the cross-references in some content.
 */
import type { Block, Clause, ClauseDocument, Inline, Position } from './types.js';
import { inlineText } from './text.js';

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

/** How a cross-reference names a clause: `18.12`, `7.2(a)(i)`, `§ 20a`. */
export function referenceKey(c: Clause, parent: Clause | null, parentKey?: string): string {
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
