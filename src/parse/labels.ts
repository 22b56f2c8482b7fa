/**
 * Clause labels: recognising the number at the start of a heading or paragraph and deciding its
 * style. Numbers are always taken from the source text, never computed.
 */
import type { LabelStyle } from '../model/types.js';

export interface Label {
  /** As written, trimmed of surrounding punctuation that is not part of the number (`7.2`, `(a)`, `§ 20a`). */
  number: string;
  style: LabelStyle;
  depth: number;
  /** Length of the label plus following white space in the matched text. */
  length: number;
}

const DECIMAL_PART = String.raw`\d+[A-Z]{0,2}`;
const HEADING_DECIMAL = new RegExp(String.raw`^(${DECIMAL_PART}(?:\.${DECIMAL_PART})*)\.?(?=\s|$)\s*`);
const PARAGRAPH_DECIMAL = new RegExp(String.raw`^(${DECIMAL_PART}(?:\.${DECIMAL_PART})+)\.?(?=\s|$)\s*`);
const SECTION_SIGN = /^(§§?\s*\d+[a-z]*(?:\s+(?:bis|und|to|and|-|–)\s+\d+[a-z]*)?)(?=[\s.,:]|$)\s*/;
/**
 * `Art 316e`, `Article 515-14`, `Article L121-36-1`, `Art. L. 121-1`, `Article R*121-1`: a code's
 * series letter (L for the law, R and D for decrees, A for orders; `*` marks a decree in Council of
 * State) and a number whose hyphenated parts locate it (book, title, chapter, then the article).
 */
const ARTICLE = /^((?:Art\.?|Artikel|Article)\s+(?:[LRDA]\*?\.?\s?)?\d+[a-z]*(?:-\d+[a-z]*)*)(?=[\s.,:]|$)\s*/;
/** Articles named rather than numbered: `Article préliminaire`, `Article Annexe II`, `Article Annexe à l'article R113-1`. */
const NAMED_ARTICLE = /^(Article\s+(?:préliminaire|annexe(?:\s+[àa]\s+l['’]article\s+[LRDA]?\*?\d+(?:-\d+)*|\s+[IVXLC]+)?))(?=[\s.,:]|$)\s*/iu;
const LETTER_HEADING = /^([A-Z])\.\s+/;
const PAREN = /^\(([0-9]+[a-z]?|[a-z]{1,2}|[ivxlcdm]+|[A-Z]{1,2})\)(?=\s|$)\s*/;
const CLOSE_PAREN = /^([a-z]{1,2})\)(?=\s|$)\s*/;
const NUMBER_DOT = /^(\d+[a-z]?)\.(?=\s|$)\s*/;

/** A label at the start of a heading's text, or null for an unnumbered heading. */
export function headingLabel(text: string): Label | null {
  let m = SECTION_SIGN.exec(text);
  if (m) return { number: m[1]!.replace(/\s+/g, ' '), style: 'section', depth: 1, length: m[0].length };
  m = ARTICLE.exec(text) ?? NAMED_ARTICLE.exec(text);
  if (m) return { number: m[1]!, style: 'article', depth: 1, length: m[0].length };
  m = HEADING_DECIMAL.exec(text);
  if (m) return decimal(m[1]!, m[0].length);
  m = LETTER_HEADING.exec(text);
  if (m) return { number: m[1]!, style: 'letter-heading', depth: 1, length: m[0].length };
  return null;
}

/**
 * A label at the start of a paragraph or list item. `readsAsLetter` decides the `(c)` / `(i)` /
 * `(v)` ambiguity by context (see `letterOrNumeral`).
 */
export function paragraphLabel(text: string, readsAsLetter: (letter: string) => boolean): Label | null {
  let m = PARAGRAPH_DECIMAL.exec(text);
  if (m) return decimal(m[1]!, m[0].length);
  m = PAREN.exec(text);
  if (m) {
    const inner = m[1]!;
    const length = m[0].length;
    if (/^\d/.test(inner)) return { number: `(${inner})`, style: 'paren-number', depth: 1, length };
    if (/^[A-Z]+$/.test(inner)) return { number: `(${inner})`, style: 'paren-upper', depth: 1, length };
    if (isRoman(inner) && !readsAsLetter(inner)) {
      return { number: `(${inner})`, style: 'paren-roman', depth: 1, length };
    }
    if (/^[a-z]$/.test(inner) || /^([a-z])\1$/.test(inner)) {
      return { number: `(${inner})`, style: 'paren-alpha', depth: 1, length };
    }
    return null;
  }
  m = CLOSE_PAREN.exec(text);
  if (m) {
    const inner = m[1]!;
    if (inner.length === 1) return { number: `${inner})`, style: 'alpha', depth: 1, length: m[0].length };
    if (inner[0] === inner[1]) return { number: `${inner})`, style: 'double-alpha', depth: 1, length: m[0].length };
    return null;
  }
  m = NUMBER_DOT.exec(text);
  if (m) return { number: `${m[1]}.`, style: 'number', depth: 1, length: m[0].length };
  return null;
}

function decimal(number: string, length: number): Label {
  return { number, style: 'decimal', depth: number.split('.').length, length };
}

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

export function isRoman(value: string): boolean {
  return value.length > 0 && ROMAN.test(value);
}

export function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]!] ?? 0;
    const next = v[s[i + 1]!] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** What is open around a paragraph label that reads both as a letter and as a Roman numeral. */
export interface LabelContext {
  /** The letter of the alphabetic paragraph open at this level (`b` for an open `(b)`), if any. */
  openLetter: string | null;
  /** The numeral of the Roman paragraph open at this level (`iv`), if any. */
  openNumeral: string | null;
  /** The numeral labelling the next paragraph, if it has one. */
  nextNumeral: string | null;
}

/**
 * `(c)`, `(d)`, `(i)`, `(v)`, `(x)`, `(l)`, `(m)`: a letter or a numeral, read as a reader does,
 * by which sequence it continues with the smaller gap. After `(a)`, `(b)` a `(d)` is a letter with
 * `(c)` missing, not 500; after `(iv)` a `(v)` is 5; after `(g)` an `(i)` opens numerals. When both
 * continue without a gap (`(i)` after `(h)`), the next label decides: `(ii)` makes it a numeral.
 */
export function letterOrNumeral(label: string, context: LabelContext): 'letter' | 'numeral' {
  if (label.length !== 1 || !isRoman(label)) return isRoman(label) ? 'numeral' : 'letter';
  const code = label.charCodeAt(0);
  const letterGap = context.openLetter === null ? code - 97 : code - context.openLetter.charCodeAt(0) - 1;
  const value = romanValue(label);
  const numeralGap = context.openNumeral === null ? value - 1 : value - romanValue(context.openNumeral) - 1;
  const letter = letterGap < 0 ? Infinity : letterGap;
  const numeral = numeralGap < 0 ? Infinity : numeralGap;
  if (letter !== numeral) return letter < numeral ? 'letter' : 'numeral';
  const next = context.nextNumeral;
  return next !== null && isRoman(next) && romanValue(next) === value + 1 ? 'numeral' : 'letter';
}

/** Styles whose numbers are complete on their own (`18.12`, `§ 20a`), so IDs need no parent. */
export function isAbsolute(style: LabelStyle): boolean {
  return style === 'decimal' || style === 'section' || style === 'article' || style === 'letter-heading';
}

/** Styles of a whole provision (rules attach to these, not to their sub-paragraphs). */
export function isProvision(style: LabelStyle): boolean {
  return isAbsolute(style);
}

/** Author-given stable key at the end of a heading or first paragraph: `{#some-key}`. */
export const STABLE_KEY = /\s*\{#([A-Za-z0-9][\w.:-]*)\}\s*$/;
