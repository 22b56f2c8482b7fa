/**
 * Model content -> styled runs -> diff tokens.
 *
 * Runs reproduce `model/text.ts` exactly (the accept/reject invariant depends on it), each with
 * the formatting a reader sees. Tokens keep whole what a reader reads as one unit: clause
 * numbers and cross-references (`Clause 18.12(a)`, `§ 20a`), dates (`10 June 2022`,
 * `22.12.2011`), amounts (`500,000`) and defined terms (`Smart Metering System`).
 */
import type { Block, Inline } from '../model/types.js';
import type { SegmentStyle } from '../model/change.js';
import { blockText, normalizeSpace } from '../model/text.js';
import { FNV_OFFSET, FNV_PRIME, isSpaceChar, isWordChar, POLY_BASE } from '../model/words.js';
import { PairIds } from './similarity.js';

/**
 * Stands for a paragraph break inside a regrouped text (./regroup.ts): one token the word diff
 * marks like any other, at which the marks are cut back into paragraphs. A private-use
 * character; a text that holds one itself is never regrouped.
 */
export const PARAGRAPH_BREAK = '\uE000';

/** A stretch of source text in one formatting, as the word diff reads it (the view model's `Run` is what a page shows). */
export interface StyledRun {
  text: string;
  style: SegmentStyle;
  /** A stable string for the style, to compare formatting cheaply. */
  styleKey: string;
  /** Kept as one token (a cross-reference the parser found). */
  atomic: boolean;
}

export interface Token {
  text: string;
  /**
   * What the diff compares, as an id from the comparison's `TokenKeys`: the text with
   * whitespace collapsed (plus the style if shown). -1 for a stand-in token never compared.
   */
  key: number;
  /** The run it was cut from, which gives its formatting. */
  run: StyledRun;
}

/** No formatting: plain text. */
export const PLAIN_STYLE: Readonly<SegmentStyle> = Object.freeze({});

function styleKeyOf(s: SegmentStyle): string {
  let k = '';
  if (s.bold) k += 'b';
  if (s.italic) k += 'i';
  if (s.code) k += 'c';
  if (s.strike) k += 's';
  if (s.href !== undefined) k += `h${s.href.replaceAll('\u0001', '\u0001\u0001')}\u0001`; // doubled, a U+0001 in an address cannot end it
  if (s.xref) k += `x${s.xref.scope}:${s.xref.target}\u0001`;
  return k;
}

function pushRun(out: StyledRun[], text: string, style: SegmentStyle, atomic = false): void {
  if (text === '') return;
  const styleKey = styleKeyOf(style);
  const prev = out[out.length - 1];
  if (prev && !atomic && !prev.atomic && prev.styleKey === styleKey) prev.text += text;
  else out.push({ text, style, styleKey, atomic });
}

export function inlineRuns(nodes: readonly Inline[], style: SegmentStyle = PLAIN_STYLE, out: StyledRun[] = []): StyledRun[] {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        pushRun(out, n.value, style);
        break;
      case 'code':
        pushRun(out, n.value, { ...style, code: true });
        break;
      case 'break':
        pushRun(out, '\n', style);
        break;
      case 'emphasis':
        inlineRuns(n.children, { ...style, italic: true }, out);
        break;
      case 'strong':
        inlineRuns(n.children, { ...style, bold: true }, out);
        break;
      case 'delete':
        inlineRuns(n.children, { ...style, strike: true }, out);
        break;
      case 'link':
        inlineRuns(n.children, { ...style, href: n.url }, out);
        break;
      case 'xref': {
        const inner = inlineRuns(n.children, { ...style, xref: { scope: n.scope, target: n.target } });
        for (const r of inner) pushRun(out, r.text, r.style, true);
        break;
      }
    }
  }
  return out;
}

/** Runs of one block, whose texts join to exactly `blockText(block)`. */
export function blockRuns(block: Block, out: StyledRun[] = []): StyledRun[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineRuns(block.children, PLAIN_STYLE, out);
    case 'code':
      pushRun(out, block.value, { code: true });
      return out;
    case 'list':
      block.items.forEach((item, i) => {
        if (i > 0) pushRun(out, '\n', PLAIN_STYLE);
        item.forEach((b, j) => {
          if (j > 0) pushRun(out, '\n', PLAIN_STYLE);
          blockRuns(b, out);
        });
      });
      return out;
    case 'quote':
      block.children.forEach((b, j) => {
        if (j > 0) pushRun(out, '\n', PLAIN_STYLE);
        blockRuns(b, out);
      });
      return out;
    case 'table':
      // A table nested in a list or quote is compared as its text; top-level tables cell by cell.
      pushRun(out, blockText(block), PLAIN_STYLE);
      return out;
    case 'rule':
      return out;
  }
}

/**
 * A block's runs as one string when every run is plain text and none is kept whole (most
 * paragraphs): they then make one run, this text. Null when any is formatted or a reference.
 */
export function plainBlockText(block: Block): string | null {
  switch (block.type) {
    case 'paragraph':
    case 'heading': {
      let text = '';
      for (const n of block.children) {
        if (n.type === 'text') text += n.value;
        else if (n.type === 'break') text += '\n';
        else return null;
      }
      return text;
    }
    case 'code':
      return null;
    case 'list': {
      let text = '';
      for (let i = 0; i < block.items.length; i++) {
        if (i > 0) text += '\n';
        const item = plainBlocksText(block.items[i]!);
        if (item === null) return null;
        text += item;
      }
      return text;
    }
    case 'quote':
      return plainBlocksText(block.children);
    case 'table':
      return blockText(block);
    case 'rule':
      return '';
  }
}

/** Blocks joined by a line break, as `blockRuns` joins a list item's or a quote's. */
function plainBlocksText(blocks: readonly Block[]): string | null {
  let text = '';
  for (let j = 0; j < blocks.length; j++) {
    if (j > 0) text += '\n';
    const t = plainBlockText(blocks[j]!);
    if (t === null) return null;
    text += t;
  }
  return text;
}

export function plainRuns(text: string): StyledRun[] {
  return text === '' ? [] : [{ text, style: PLAIN_STYLE, styleKey: '', atomic: false }];
}

/* ---------- tokenizer ---------- */

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.';
const NUM = String.raw`[A-Z]?\d+(?:[.,:/]\d+)*(?:[A-Za-z]{1,2}(?![\p{L}\p{N}]))?(?:\([a-zA-Z0-9]{1,5}\))*`;
const REF_WORDS = String.raw`Clauses?|Sections?|Paragraphs?|Schedules?|Annex(?:es)?|Articles?|Art\.?|Absatz|Absätze|Abs\.|Satz|Nummer|Nr\.|Buchstabe|§§?`;

/** A word that may be part of a Capitalised Term: Title case or an acronym (SMETS1, DCC). */
const TERM_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}\p{N}][\p{L}\p{M}\p{N}]*|\p{Lu}[\p{Lu}\p{N}]{1,5})(?:-[\p{L}\p{N}]+)*$/u;
const TITLE_WORD = /^\p{Lu}[\p{Ll}\p{M}]/u;

/** Most words start in lower case: no need to run the pattern. */
function mayBeTermCode(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90);
}

/** Defined terms given by the documents, grouped by first word, longest first. */
export class TermIndex {
  private readonly byFirst = new Map<string, string[][]>();
  /** Every word of a term but its first. */
  private readonly later = new Set<string>();
  /** The first words' `shapeOf`s: most words are ruled out without being cut from their text. */
  private readonly firstShapes = new Set<number>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      const words = term.trim().split(/\s+/);
      if (words.length < 2) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push(words);
      this.byFirst.set(words[0]!, list);
      this.firstShapes.add(shapeOf(words[0]!, 0, words[0]!.length));
      for (let k = 1; k < words.length; k++) this.later.add(words[k]!);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length || a.join(' ').localeCompare(b.join(' ')));
  }

  /** The terms that may start with `text.slice(start, end)`, longest first. */
  candidates(text: string, start: number, end: number): string[][] | undefined {
    return this.firstShapes.has(shapeOf(text, start, end)) ? this.byFirst.get(text.slice(start, end)) : undefined;
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** The word may continue a term, so a term may run into it from the word before. */
  continues(word: string): boolean {
    return this.later.has(word);
  }
}

/** A word's first character and length, as one number. */
function shapeOf(text: string, start: number, end: number): number {
  return text.charCodeAt(start) * 64 + Math.min(end - start, 63);
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
/** `'`, `’` and `-` join word characters into one word (as in WORD). */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45;

/**
 * A whole word that can start a date or reference (SPECIAL): a month, a REF_WORDS word or
 * `Appendix`, from those patterns with their dots dropped (`Abs.` starts as the word `Abs`).
 */
const DATE_OR_REF_WORDS = `${MONTHS}|${REF_WORDS}|Appendix`.replace(/\\\.\??/g, '');
/**
 * The first character and length (`shapeOf`) of every word DATE_OR_REF_WORD matches, so most
 * capitalised words (nouns, in German) are ruled out without running it; null, to always run
 * it, should an alternative use more of the pattern language than a trailing optional part.
 */
const DATE_OR_REF_SHAPES = ((): Set<number> | null => {
  const shapes = new Set<number>();
  for (const alt of DATE_OR_REF_WORDS.split('|')) {
    const m = /^(.*?)(?:\(\?:(\w+)\)\?|(\w|§)\?)$/u.exec(alt);
    for (const word of m ? [m[1]!, m[1]! + (m[2] ?? m[3])] : [alt]) {
      if (/[()[\]?*+{}|\\.]/.test(word)) return null;
      shapes.add(shapeOf(word, 0, word.length));
    }
  }
  return shapes;
})();

/**
 * Pieces of the text being tokenized, as parallel arrays reused from call to call (an object
 * per piece allocates): where each starts and ends, and its kind.
 */
const SPACE = 0;
const WORD_PIECE = 1;
/** May hold inner spaces: a date, a reference, a joined term. */
const OTHER = 2;
function matchAt(pattern: RegExp, text: string, i: number): boolean {
  pattern.lastIndex = i;
  return pattern.test(text);
}

/**
 * Token keys as small integers, one set per comparison: the same key gets the same id. A key is
 * found by two 32-bit hashes of its characters, taken where they stand in the text, so no key
 * is cut out as a string, and looked up in a table of integers. Two different keys would have
 * to agree in all 64 bits to share an id: the odds the clause fingerprints already take, about one in 10^11 over the ten
 * thousand distinct tokens of a large comparison. Each key's text is kept the first time it is
 * seen (`key`).
 */
export class TokenKeys {
  private readonly ids = new PairIds(1 << 10);
  private readonly keys: string[] = [];

  /** The id of `text.slice(start, end)`. */
  id(text: string, start: number, end: number): number {
    let h1 = FNV_OFFSET;
    let h2 = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 + c, POLY_BASE);
    }
    return this.lookUp(h1, h2, text, start, end, false);
  }

  /** The id of `normalizeSpace(text.slice(start, end))`: each run of whitespace read as one space. */
  idCollapsed(text: string, start: number, end: number): number {
    let h1 = FNV_OFFSET;
    let h2 = 0;
    let space = false;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (isSpaceChar(c)) {
        if (space) continue;
        space = true;
        c = 32;
      } else space = false;
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 + c, POLY_BASE);
    }
    return this.lookUp(h1, h2, text, start, end, true);
  }

  /** The id of a whole string. */
  idOf(key: string): number {
    return this.id(key, 0, key.length);
  }

  /** The key an id stands for. */
  key(id: number): string {
    return this.keys[id]!;
  }

  private lookUp(h1: number, h2: number, text: string, start: number, end: number, collapsed: boolean): number {
    const id = this.ids.id(h1, h2);
    if (id === this.keys.length) {
      const key = text.slice(start, end);
      this.keys.push(collapsed ? normalizeSpace(key) : key);
    }
    return id;
  }
}

/* ---------- tokenizing only around a change ---------- */

/**
 * Two texts tokenized apart, where they are the same before and after a change. `head` and
 * `tail` are new-side runs equal on both sides; `oldMid` and `newMid` tokenize to exactly the
 * tokens a whole tokenize gives between them, as every cut is one no token crosses.
 */
export interface ChangeWindow {
  head: StyledRun[];
  oldMid: StyledRun[];
  newMid: StyledRun[];
  tail: StyledRun[];
}

/** A place in a list of runs: a run index and an offset in its text. */
interface RunPos {
  run: number;
  at: number;
}

function runsBetween(runs: readonly StyledRun[], from: RunPos, to: RunPos): StyledRun[] {
  const out: StyledRun[] = [];
  for (let i = from.run; i <= to.run && i < runs.length; i++) {
    const r = runs[i]!;
    const a = i === from.run ? from.at : 0;
    const b = i === to.run ? to.at : r.text.length;
    if (a < b) out.push(a === 0 && b === r.text.length ? r : { ...r, text: r.text.slice(a, b) });
  }
  return out;
}

/**
 * Links of more than one token are left to the tokenizer: each of their tokens gives its
 * trailing space back to plain text.
 */
const linkedWords = (r: StyledRun) => !r.atomic && (r.style.href !== undefined || r.style.xref !== undefined);

function sameKeptRun(o: StyledRun, n: StyledRun): boolean {
  return o.text === n.text && o.styleKey === n.styleKey && o.atomic === n.atomic && !linkedWords(n);
}

function cuttable(o: StyledRun, n: StyledRun): boolean {
  return o.styleKey === n.styleKey && !o.atomic && !n.atomic && !linkedWords(n);
}

/** No whitespace rides from the run before into this one (or there is none). */
function startsToken(run: StyledRun | undefined): boolean {
  return !run || run.atomic || !isSpaceChar(run.text.charCodeAt(0));
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The common suffix of `a` from `a0` and `b` from `b0`. */
function commonSuffix(a: string, a0: number, b: string, b0: number): number {
  const n = Math.min(a.length - a0, b.length - b0);
  let s = 0;
  while (s < n && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/**
 * Stand-in tokens for runs the same on both sides, one per run: where nothing changed only the
 * text and formatting reach the segments, not where tokens split. As in `tokenize`, a run's
 * leading whitespace rides on the token before it.
 */
export function wholeRunTokens(runs: readonly StyledRun[]): Token[] {
  const out: Token[] = [];
  /** The last token that is not whitespace alone. */
  let last: Token | null = null;
  for (const run of runs) {
    let text = run.text;
    let lead = 0;
    if (!run.atomic) while (lead < text.length && isSpaceChar(text.charCodeAt(lead))) lead++;
    if (last && lead > 0) {
      last.text += text.slice(0, lead);
      text = text.slice(lead);
    }
    if (text === '') continue;
    // Never compared: these stand for text the same on both sides.
    const t: Token = { text, key: -1, run };
    out.push(t);
    if (lead < run.text.length) last = t;
  }
  return out;
}

/**
 * The tokenizer of one comparison, with its working state: the keys every text of the comparison
 * is tokenized with, the defined terms, and the patterns and piece arrays reused from text to
 * text (sticky patterns carry their position, so each comparison has its own).
 */
export class Tokenizer {
  /** Compare formatting and exact whitespace too. */
  readonly exact: boolean;
  /** The ids of keys: both texts of a comparison are tokenized with the same. */
  readonly keys: TokenKeys;
  private termIndex: TermIndex | undefined;
  private readonly termsOf: () => TermIndex;

  /**
   * Tokens other than spaces and words, as one sticky pattern: dates, references, numbers and
   * labels, in that order; the first alternative that matches at a position wins. The scanner
   * tries it, then WORD, then ANY_CHAR, each with `test`, which makes no match array.
   */
  private readonly special = new RegExp(
    [
      String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\.?[ \u00a0](?:${MONTHS})[ \u00a0]\d{4}|(?:${MONTHS})[ \u00a0]\d{1,2}(?:st|nd|rd|th)?,?[ \u00a0]\d{4}`,
      String.raw`(?:${REF_WORDS})[ \u00a0]?${NUM}|Appendix[ \u00a0][A-Z]{1,2}(?![\p{L}\p{N}])`,
      NUM,
      String.raw`(?:\([a-zA-Z0-9]{1,5}\))+`,
    ].join('|'),
    'uy',
  );

  /** A word: letters, marks and digits, joined by `'`, `’` or `-`. */
  private readonly word = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/uy;

  /** Anything else: one character (a whole code point). */
  private readonly anyChar = /[\s\S]/uy;

  /** Words that start a sentence, not a defined term: `The Smart Meter` keeps `The` apart. */
  private readonly notTermStart = new Set(
    ('The A An This That These Those Each Every Any All No Such Its Their If In On At By For To Of And Or But ' +
      'Where When Whether Unless Until Subject Without Within With Under Upon Following Nothing ' +
      'Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Im Am Zum Zur Bei Für Nach Von Mit Auf Aus')
      .split(' '),
  );

  private readonly dateOrRefWord = new RegExp(String.raw`(?:${DATE_OR_REF_WORDS})(?![\p{L}\p{M}\p{N}])`, 'uy');

  private starts = new Int32Array(1024);

  private ends = new Int32Array(1024);

  private kinds = new Uint8Array(1024);

  /** Where each run's pieces end, for the run being tokenized. */
  private readonly pieceEnds: number[] = [];

  constructor(options: { exact: boolean; keys: TokenKeys; terms?: TermIndex | (() => TermIndex) }) {
    this.exact = options.exact;
    this.keys = options.keys;
    const terms = options.terms ?? new TermIndex([]);
    this.termsOf = typeof terms === 'function' ? terms : () => terms;
  }

  /** The defined terms, made on first use: a comparison with no word changes never walks for them. */
  get terms(): TermIndex {
    return (this.termIndex ??= this.termsOf());
  }

  private termWord(w: string): boolean {
    return mayBeTermCode(w.charCodeAt(0)) && TERM_WORD.test(w) && !this.notTermStart.has(w);
  }

  /** A Capitalised run needs a second term word: the next word is looked at first, being cheaper. */
  private mayStartTermRun(text: string, i: number, n: number): boolean {
    return (
      this.termSpace(text, i + 1, n) &&
      i + 2 < n &&
      this.kinds[i + 2] === WORD_PIECE &&
      mayBeTermCode(text.charCodeAt(this.starts[i + 2]!)) &&
      this.termWord(this.pieceText(text, i))
    );
  }

  /**
   * The end of the token at `i` when it can only be a space or a WORD, else -1. Those are nearly
   * all tokens, and scanning them by hand is several times faster than the patterns: SPECIAL
   * starts with an ASCII capital, a digit, `§` or `(`, never with a lower-case or non-ASCII letter,
   * and from a capital only with a digit in its first word or with a month or reference word
   * (`Clause 3`, `Abs. 2`).
   */
  private plainTokenEnd(text: string, i: number): number {
    let c = text.charCodeAt(i);
    if (isSpaceChar(c)) {
      let j = i + 1;
      while (j < text.length && isSpaceChar(text.charCodeAt(j))) j++;
      return j;
    }
    const capital = c >= 65 && c <= 90;
    // A surrogate is left to the pattern, which reads code points.
    if (!capital && (c < 97 || !isWordChar(c))) return -1;
    let j = i + 1;
    while (j < text.length && isWordChar((c = text.charCodeAt(j)))) j++;
    if (capital && !this.plainCapitalWord(text, i, j)) return -1;
    for (;;) {
      if (j < text.length && isSurrogate(c)) return -1;
      if (j + 1 < text.length && isJoiner(c)) {
        const d = text.charCodeAt(j + 1);
        if (isSurrogate(d)) return -1;
        if (isWordChar(d)) {
          j += 2;
          while (j < text.length && isWordChar((c = text.charCodeAt(j)))) j++;
          continue;
        }
      }
      return j;
    }
  }

  /** A capitalised word at `i`, ending its letters at `end`, that only WORD reads. */
  private plainCapitalWord(text: string, i: number, end: number): boolean {
    for (let k = i + 1; k < end; k++) {
      const d = text.charCodeAt(k);
      if (d >= 48 && d <= 57) return false;
    }
    if (DATE_OR_REF_SHAPES && !DATE_OR_REF_SHAPES.has(shapeOf(text, i, end))) return true;
    this.dateOrRefWord.lastIndex = i;
    return !(this.dateOrRefWord.test(text) && this.dateOrRefWord.lastIndex === end);
  }

  private setPiece(k: number, start: number, end: number, kind: number): void {
    if (k === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.starts = grow(this.starts, new Int32Array(2 * k));
      this.ends = grow(this.ends, new Int32Array(2 * k));
      this.kinds = grow(this.kinds, new Uint8Array(2 * k));
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
  }

  /** Cuts `text` into pieces from piece `n` on; returns where they end. */
  private scan(text: string, n: number): number {
    let i = 0;
    while (i < text.length) {
      let end = this.plainTokenEnd(text, i);
      let kind = WORD_PIECE;
      if (end >= 0) {
        if (isSpaceChar(text.charCodeAt(i))) kind = SPACE;
      } else if (matchAt(this.special, text, i)) {
        end = this.special.lastIndex;
        kind = OTHER;
      } else if (matchAt(this.word, text, i)) end = this.word.lastIndex;
      else {
        matchAt(this.anyChar, text, i);
        end = this.anyChar.lastIndex;
        kind = OTHER;
      }
      this.setPiece(n++, i, end, kind);
      i = end;
    }
    return n;
  }

  /** Piece `k` is whitespace inside a term: any but a blank line (two line breaks, as a space piece is all whitespace). */
  private termSpace(text: string, k: number, n: number): boolean {
    if (k >= n || this.kinds[k] !== SPACE) return false;
    let breaks = 0;
    for (let i = this.starts[k]!; i < this.ends[k]!; i++) if (text.charCodeAt(i) === 10 && ++breaks === 2) return false;
    return true;
  }

  private pieceText(text: string, k: number): string {
    return text.slice(this.starts[k], this.ends[k]);
  }

  /** Piece `k` is exactly `word`. */
  private pieceIs(text: string, k: number, n: number, word: string): boolean {
    return k < n && this.ends[k]! - this.starts[k]! === word.length && text.startsWith(word, this.starts[k]);
  }

  /**
   * Join words into one term piece: a document's defined term (longest first), else a run of two
   * or more Capitalised words with at least one in Title case, joined by single spaces or a line
   * break (re-wrapped terms compare equal). The pieces of `text`, `from` up to `n`, are rewritten
   * in place; returns where they end.
   */
  private joinTerms(text: string, from: number, n: number, terms: TermIndex): number {
    let out = from;
    let i = from;
    while (i < n) {
      if (this.kinds[i] !== WORD_PIECE) {
        this.setPiece(out++, this.starts[i]!, this.ends[i]!, this.kinds[i]!);
        i++;
        continue;
      }
      // A defined term from the documents.
      const cands = terms.size ? terms.candidates(text, this.starts[i]!, this.ends[i]!) : undefined;
      let matched = 0;
      if (cands) {
        for (const words of cands) {
          let k = 1;
          let j = i + 1;
          while (k < words.length && this.termSpace(text, j, n) && this.pieceIs(text, j + 1, n, words[k]!)) {
            k++;
            j += 2;
          }
          if (k === words.length) {
            matched = j - i;
            break;
          }
        }
      }
      if (!matched && this.mayStartTermRun(text, i, n)) {
        let j = i + 1;
        let title = TITLE_WORD.test(this.pieceText(text, i));
        let count = 1;
        while (this.termSpace(text, j, n) && j + 1 < n && this.kinds[j + 1] === WORD_PIECE) {
          const w = this.pieceText(text, j + 1);
          if (!this.termWord(w)) break;
          title ||= TITLE_WORD.test(w);
          j += 2;
          count++;
        }
        if (count >= 2 && title) matched = j - i;
      }
      if (matched > 1) {
        this.setPiece(out++, this.starts[i]!, this.ends[i + matched - 1]!, OTHER);
        i += matched;
      } else {
        this.setPiece(out++, this.starts[i]!, this.ends[i]!, WORD_PIECE);
        i++;
      }
    }
    return out;
  }

  /**
   * Tokens for the word diff. Whitespace rides on the token before it (`shall ` is one token whose
   * key is `shall`): half as many tokens for Myers, and a change in spacing or line wrapping is no
   * change at all unless formatting is shown. Whitespace with no token before it stands alone.
   */
  tokenize(runs: readonly StyledRun[]): Token[] {
    const { terms, keys, exact } = this;
    // Every run is cut into pieces first, so the tokens are counted before their list is made:
    // growing it as they came would allocate several times its size. An atomic run is one piece.
    let n = 0;
    let count = 0;
    let leadingSpace = true;
    for (const run of runs) {
      const from = n;
      if (run.atomic) this.setPiece(n++, 0, run.text.length, OTHER);
      else n = this.joinTerms(run.text, from, this.scan(run.text, from), terms);
      // Every piece but whitespace makes a token; whitespace rides on the token before it, so
      // only whitespace before the first other piece stands alone.
      for (let k = from; k < n; k++) {
        if (this.kinds[k] !== SPACE) leadingSpace = false;
        if (this.kinds[k] !== SPACE || leadingSpace) count++;
      }
      this.pieceEnds.push(n);
    }
    const out = new Array<Token>(count);
    let made = 0;
    let last: Token | null = null;
    /** The last token is whitespace alone. */
    let lastSpace = false;
    let k = 0;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const text = run.text;
      const end = this.pieceEnds[r]!;
      if (run.atomic) {
        const key = exact ? -1 : this.plainKey(text, k, OTHER, keys);
        out[made++] = last = { text, key, run };
        lastSpace = false;
        k = end;
        continue;
      }
      for (; k < end; k++) {
        const kind = this.kinds[k]!;
        if (kind === SPACE && last && !lastSpace) {
          // Whitespace at the start of a run rides on the last token of the run before.
          last.text += this.pieceText(text, k);
          continue;
        }
        // The whitespace after a token rides on it: one slice from its start to the space's end.
        const spaced = kind !== SPACE && k + 1 < end && this.kinds[k + 1] === SPACE;
        const shown = spaced ? text.slice(this.starts[k], this.ends[k + 1]) : this.pieceText(text, k);
        const key = exact ? -1 : kind === SPACE ? keys.idOf(' ') : this.plainKey(text, k, kind, keys);
        out[made++] = last = { text: shown, key, run };
        lastSpace = kind === SPACE;
        if (spaced) k++;
      }
    }
    this.pieceEnds.length = 0;
    // `count` is exact; should it ever not be, the list is still right, only made differently.
    out.length = made;
    // Shown formatting and exact whitespace are compared too: the key is the style and the text,
    // whitespace riding on a token included (so only known once every run is read).
    if (exact) for (const t of out) t.key = keys.idOf(`${t.run.styleKey}\u0002${t.text}`);
    return out;
  }

  /** The key of piece `k`: its text, with any whitespace inside (a date, a term) collapsed. */
  private plainKey(text: string, k: number, kind: number, keys: TokenKeys): number {
    // Only a date, a reference or a joined term (OTHER) can hold whitespace.
    return kind === OTHER ? keys.idCollapsed(text, this.starts[k]!, this.ends[k]!) : keys.id(text, this.starts[k]!, this.ends[k]!);
  }

  /** Two texts' runs cut where they are the same before and after a change: see `ChangeWindow`. */
  changeWindow(oldRuns: readonly StyledRun[], newRuns: readonly StyledRun[]): ChangeWindow {
    const { terms } = this;
    const head = this.headEnd(oldRuns, newRuns, terms);
    const [oldTail, newTail] = this.tailStarts(oldRuns, newRuns, head, terms);
    const end = { run: newRuns.length, at: 0 };
    return {
      head: runsBetween(newRuns, { run: 0, at: 0 }, head),
      oldMid: runsBetween(oldRuns, head, oldTail),
      newMid: runsBetween(newRuns, head, newTail),
      tail: runsBetween(newRuns, newTail, end),
    };
  }

  /** Where the common head ends: after whole runs the same on both sides, then a clean cut in the next. */
  private headEnd(oldRuns: readonly StyledRun[], newRuns: readonly StyledRun[], terms: TermIndex): RunPos {
    let run = 0;
    while (run < oldRuns.length && run < newRuns.length && sameKeptRun(oldRuns[run]!, newRuns[run]!)) run++;
    const o = oldRuns[run];
    const n = newRuns[run];
    if (o && n && cuttable(o, n)) {
      let at = commonPrefix(o.text, n.text);
      while (at > 0 && !(this.cutsCleanly(o.text, at, terms) && this.cutsCleanly(n.text, at, terms))) at--;
      if (at > 0) return { run, at };
    }
    while (run > 0 && !(startsToken(oldRuns[run]) && startsToken(newRuns[run]))) run--;
    return { run, at: 0 };
  }

  /** Where the common tail starts on each side, after `head`: a clean cut, then whole runs the same on both sides. */
  private tailStarts(oldRuns: readonly StyledRun[], newRuns: readonly StyledRun[], head: RunPos, terms: TermIndex): [RunPos, RunPos] {
    const free = head.run + (head.at > 0 ? 1 : 0);
    let t = 0;
    while (t < oldRuns.length - free && t < newRuns.length - free && sameKeptRun(oldRuns[oldRuns.length - 1 - t]!, newRuns[newRuns.length - 1 - t]!)) t++;
    const ko = oldRuns.length - 1 - t;
    const kn = newRuns.length - 1 - t;
    const o = oldRuns[ko];
    const n = newRuns[kn];
    if (o && n && ko >= head.run && kn >= head.run && cuttable(o, n)) {
      const from = (k: number) => (k === head.run ? head.at : 0);
      let s = commonSuffix(o.text, from(ko), n.text, from(kn));
      while (s > 0 && !(this.cutsCleanly(o.text, o.text.length - s, terms) && this.cutsCleanly(n.text, n.text.length - s, terms))) s--;
      if (s > 0)
        return [
          { run: ko, at: o.text.length - s },
          { run: kn, at: n.text.length - s },
        ];
    }
    while (t > 0 && !startsToken(newRuns[newRuns.length - t])) t--;
    return [
      { run: oldRuns.length - t, at: 0 },
      { run: newRuns.length - t, at: 0 },
    ];
  }

  /**
   * Tokenizing `text` apart at `at` gives the same tokens as whole: `at` follows whitespace and
   * starts a lower-case ASCII word, and no token runs over a space into one (dates, references and
   * Capitalised Terms go on with a capital or a digit) unless the word continues a defined term.
   */
  private cutsCleanly(text: string, at: number, terms: TermIndex): boolean {
    if (at >= text.length || !isSpaceChar(text.charCodeAt(at - 1))) return false;
    const c = text.charCodeAt(at);
    if (c < 97 || c > 122) return false;
    if (!terms.size) return true;
    const end = this.plainTokenEnd(text, at);
    return end >= 0 && !terms.continues(text.slice(at, end));
  }

}
