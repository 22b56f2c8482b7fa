/**
 * Structural equality of model content, positions aside, and its hash. Walking two trees
 * allocates nothing, where comparing their texts builds both strings first. A clause's own
 * content is also hashed once, when it is parsed (`ownContentFingerprint`): the redline settles
 * the untouched clauses of two large documents by their fingerprints alone.
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

/**
 * A 53-bit hash of what `sameOwnContent` compares: clauses with the same own content have the
 * same fingerprint, and two with different content the same one with odds of about 2^-53 (two
 * independent 32-bit hashes of every character, with structure and lengths mixed in). A
 * document's digest (`model/digest.ts`) holds it for every clause, so a redline settles an untouched clause by one comparison
 * instead of reading both texts: on a large document, reading them all was a sixth of the
 * redline, and twice that at four times the size, when the texts no longer stay in cache.
 */
export function ownContentFingerprint(c: Clause): number {
  laneA = 0x811c9dc5;
  laneB = 0;
  if (c.heading === null) mark(1);
  else hashText(c.heading);
  hashBlocks(c.content);
  mark(2);
  hashBlocks(c.tail);
  return laneValue();
}

/**
 * A 53-bit hash of a clause and everything below it, as the redline compares them: its own
 * content (`fingerprint`), number and key, and its sub-clauses' subtree fingerprints in order
 * (`below`, one per child).
 * Two clauses with the same subtree fingerprint are the same all the way down, so the redline
 * pairs their sub-clauses in order without looking at them.
 */
export function subtreeFingerprint(c: Clause, fingerprint: number, below: ReadonlyArray<{ treeFingerprint: number }>): number {
  laneA = 0x811c9dc5;
  laneB = 0;
  hashFingerprint(fingerprint);
  if (c.number === null) mark(1);
  else hashText(c.number);
  if (c.key === null) mark(1);
  else hashText(c.key);
  mark(c.children.length);
  for (const k of below) hashFingerprint(k.treeFingerprint);
  return laneValue();
}

function laneValue(): number {
  return (laneA >>> 0) * 2 ** 21 + (laneB >>> 11);
}

/** A 53-bit fingerprint as two codes of 27 bits. */
function hashFingerprint(x: number): void {
  mark(Math.floor(x / 2 ** 27));
  mark(x % 2 ** 27);
}

/**
 * The two 32-bit lanes: FNV-1a and a multiplicative hash, over the same stream of codes. Module
 * state and plain functions, not a hasher object: this runs over every character the parser
 * reads, and an object's fields cost twice the time.
 */
let laneA = 0;
let laneB = 0;

/** A structure code: above every UTF-16 unit, so it never reads as text. */
function mark(code: number): void {
  laneA = Math.imul(laneA ^ (code + 0x10000), 0x01000193);
  laneB = Math.imul(laneB + code + 0x10000, 0x5bd1e995);
}

/** A string and its length, so the end of one text is never the start of the next. */
function hashText(s: string): void {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995);
  }
  laneA = a;
  laneB = b;
  mark(s.length);
}

function hashInlines(nodes: readonly Inline[]): void {
  mark(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const x = nodes[i]!;
    mark(INLINE_CODES[x.type]);
    switch (x.type) {
      case 'text':
      case 'code':
        hashText(x.value);
        break;
      case 'break':
        break;
      case 'link':
        hashText(x.url);
        hashInlines(x.children);
        break;
      case 'xref':
        hashText(x.target);
        hashText(x.scope);
        hashInlines(x.children);
        break;
      default:
        hashInlines(x.children);
    }
  }
}

function hashBlocks(blocks: readonly Block[]): void {
  mark(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    mark(BLOCK_CODES[b.type]);
    switch (b.type) {
      case 'paragraph':
        hashInlines(b.children);
        break;
      case 'heading':
        mark(b.depth);
        hashInlines(b.children);
        break;
      case 'code':
        hashText(b.value);
        if (b.lang === null) mark(1);
        else hashText(b.lang);
        break;
      case 'list':
        mark(b.ordered ? 1 : 0);
        mark(b.items.length);
        for (const item of b.items) hashBlocks(item);
        break;
      case 'quote':
        hashBlocks(b.children);
        break;
      case 'rule':
        break;
      case 'table':
        mark(b.align.length);
        for (const a of b.align) mark(a === null ? 0 : ALIGN_CODES[a]);
        hashCells(b.header);
        mark(b.rows.length);
        for (const row of b.rows) hashCells(row);
        break;
    }
  }
}

function hashCells(cells: readonly TableCell[]): void {
  mark(cells.length);
  for (const cell of cells) hashInlines(cell.children);
}

const INLINE_CODES: Record<Inline['type'], number> = { text: 1, emphasis: 2, strong: 3, delete: 4, code: 5, link: 6, break: 7, xref: 8 };
const BLOCK_CODES: Record<Block['type'], number> = { paragraph: 1, table: 2, list: 3, code: 4, quote: 5, heading: 6, rule: 7 };
const ALIGN_CODES = { left: 1, right: 2, center: 3 } as const;
