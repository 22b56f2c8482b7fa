/** Plain text of model content, as a reader sees it. */
import type { Block, Clause, Inline } from './types.js';

export function inlineText(nodes: readonly Inline[]): string {
  let s = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'code':
        s += n.value;
        break;
      case 'break':
        s += '\n';
        break;
      default:
        s += inlineText(n.children);
    }
  }
  return s;
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map((c) => inlineText(c.children)).join(' | ')).join('\n');
    case 'list':
      return block.items.map((item) => item.map(blockText).join('\n')).join('\n');
    case 'code':
      return block.value;
    case 'quote':
      return block.children.map(blockText).join('\n');
    case 'rule':
      return '';
  }
}

/** A clause's own text (not its children's), paragraphs separated by blank lines. */
export function clauseText(clause: Clause): string {
  return [...clause.content, ...clause.tail].map(blockText).join('\n\n');
}

/** Depth-first, parents before children. */
export function* walkClauses(clauses: readonly Clause[]): Generator<Clause> {
  for (const c of clauses) {
    yield c;
    yield* walkClauses(c.children);
  }
}
