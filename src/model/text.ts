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

/*
 * The lengths of those texts, without building them (for comparing sizes of large subtrees).
 * Each mirrors the function above it; a test holds them equal on the real corpus.
 */

export function inlineTextLength(nodes: readonly Inline[]): number {
  let n = 0;
  for (const x of nodes) {
    if (x.type === 'text' || x.type === 'code') n += x.value.length;
    else if (x.type === 'break') n += 1;
    else n += inlineTextLength(x.children);
  }
  return n;
}

/** Lengths of parts joined by a separator. */
function joinedLength<T>(parts: readonly T[], length: (x: T) => number, separator: number): number {
  let n = parts.length > 1 ? separator * (parts.length - 1) : 0;
  for (const p of parts) n += length(p);
  return n;
}

export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineTextLength(block.children);
    case 'table':
      return joinedLength([block.header, ...block.rows], (row) => joinedLength(row, (c) => inlineTextLength(c.children), 3), 1);
    case 'list':
      return joinedLength(block.items, (item) => joinedLength(item, blockTextLength, 1), 1);
    case 'code':
      return block.value.length;
    case 'quote':
      return joinedLength(block.children, blockTextLength, 1);
    case 'rule':
      return 0;
  }
}

export function clauseTextLength(clause: Clause): number {
  return joinedLength([...clause.content, ...clause.tail], blockTextLength, 2);
}

/** Depth-first, parents before children. */
export function* walkClauses(clauses: readonly Clause[]): Generator<Clause> {
  for (const c of clauses) {
    yield c;
    yield* walkClauses(c.children);
  }
}
