/**
 * Structural equality of model content, positions aside. Walking two trees allocates nothing,
 * where comparing their texts builds both strings first: on a large document, most clauses are
 * unchanged and are settled here.
 */
import type { Block, Clause, Inline, TableCell } from './types.js';

export function sameInlines(a: readonly Inline[], b: readonly Inline[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type) return false;
    switch (x.type) {
      case 'text':
      case 'code':
        if (x.value !== (y as typeof x).value) return false;
        break;
      case 'break':
        break;
      case 'link':
        if (x.url !== (y as typeof x).url || !sameInlines(x.children, (y as typeof x).children)) return false;
        break;
      case 'xref':
        if (x.target !== (y as typeof x).target || x.scope !== (y as typeof x).scope || !sameInlines(x.children, (y as typeof x).children)) return false;
        break;
      default:
        if (!sameInlines(x.children, (y as typeof x).children)) return false;
    }
  }
  return true;
}

function sameCells(a: readonly TableCell[], b: readonly TableCell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameInlines(a[i]!.children, b[i]!.children)) return false;
  return true;
}

export function sameBlock(a: Block, b: Block): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'paragraph':
      return sameInlines(a.children, (b as typeof a).children);
    case 'heading':
      return a.depth === (b as typeof a).depth && sameInlines(a.children, (b as typeof a).children);
    case 'code':
      return a.value === (b as typeof a).value && a.lang === (b as typeof a).lang;
    case 'list': {
      const items = (b as typeof a).items;
      return a.ordered === (b as typeof a).ordered && a.items.length === items.length && a.items.every((item, i) => sameBlocks(item, items[i]!));
    }
    case 'quote':
      return sameBlocks(a.children, (b as typeof a).children);
    case 'rule':
      return true;
    case 'table': {
      const t = b as typeof a;
      return (
        a.align.length === t.align.length &&
        a.align.every((x, i) => x === t.align[i]) &&
        sameCells(a.header, t.header) &&
        a.rows.length === t.rows.length &&
        a.rows.every((row, i) => sameCells(row, t.rows[i]!))
      );
    }
  }
}

/** Plain loops here and above: this runs on nearly every block of both documents. */
export function sameBlocks(a: readonly Block[], b: readonly Block[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameBlock(a[i]!, b[i]!)) return false;
  return true;
}

/** Same heading and own content (sub-clauses aside): the same own text, formatting included. */
export function sameOwnContent(a: Clause, b: Clause): boolean {
  return a.heading === b.heading && sameBlocks(a.content, b.content) && sameBlocks(a.tail, b.tail);
}
