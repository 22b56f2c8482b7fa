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

/**
 * `clauseText(clause).length` without building the text: a large part's size is read for every
 * comparison of two parts, and building all its sub-clauses' texts for it cost more than the
 * comparison.
 */
export function clauseTextLength(clause: Clause): number {
  const blocks = clause.content.length + clause.tail.length;
  let n = blocks > 1 ? 2 * (blocks - 1) : 0;
  for (const b of clause.content) n += blockTextLength(b);
  for (const b of clause.tail) n += blockTextLength(b);
  return n;
}

/** `blockText(block).length`, by the same joins. */
function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineTextLength(block.children);
    case 'table': {
      let n = block.rows.length;
      for (const row of [block.header, ...block.rows]) {
        n += row.length > 1 ? 3 * (row.length - 1) : 0;
        for (const c of row) n += inlineTextLength(c.children);
      }
      return n;
    }
    case 'list': {
      let n = block.items.length > 1 ? block.items.length - 1 : 0;
      for (const item of block.items) {
        n += item.length > 1 ? item.length - 1 : 0;
        for (const b of item) n += blockTextLength(b);
      }
      return n;
    }
    case 'code':
      return block.value.length;
    case 'quote': {
      let n = block.children.length > 1 ? block.children.length - 1 : 0;
      for (const b of block.children) n += blockTextLength(b);
      return n;
    }
    case 'rule':
      return 0;
  }
}

function inlineTextLength(nodes: readonly Inline[]): number {
  let n = 0;
  for (const x of nodes) {
    if (x.type === 'text' || x.type === 'code') n += x.value.length;
    else if (x.type === 'break') n += 1;
    else n += inlineTextLength(x.children);
  }
  return n;
}

/** Depth-first, parents before children. */
export function* walkClauses(clauses: readonly Clause[]): Generator<Clause> {
  for (const c of clauses) {
    yield c;
    yield* walkClauses(c.children);
  }
}

const WHITESPACE = /\s+/g;

/** Every run of whitespace as one space. */
export function normalizeSpace(text: string): string {
  return text.replace(WHITESPACE, ' ');
}
