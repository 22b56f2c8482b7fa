/** Cross-references to clauses of the same document must resolve in that version. */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Block, Clause, ClauseDocument, Inline } from '../model/types.js';
import { referenceKey } from './numbering.js';

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

export function checkXrefs(doc: ClauseDocument, file: VFile): void {
  const index = clauseIndex(doc);
  const check = (blocks: readonly Block[], fallback: Clause | null) => {
    for (const x of xrefsIn(blocks)) {
      if (x.scope !== 'clause') continue;
      if (index.has(x.target)) continue;
      const place = x.position?.start ?? fallback?.position.start;
      report(file, 'xref-unresolved', `Unexpected reference to Clause ${x.target}, which does not exist in this version`, place);
    }
  };
  check(doc.preamble, null);
  const visit = (list: Clause[]) => {
    for (const c of list) {
      check(c.content, c);
      check(c.tail, c);
      visit(c.children);
    }
  };
  visit(doc.clauses);
}
