/**
 * Words as the redline's similarity reads them: runs of letters and digits in the lower-cased
 * text. Each word is hashed twice (FNV-1a and a polynomial hash) as the text is read, so no word
 * is cut out as a string. The parser hashes every clause's heading and text once
 * (`Clause.words`); each comparison turns the hashes into small integer ids (`WordIds`).
 */

/** Words: runs of letters and digits in the lower-cased text. */
const WORDS = /[\p{L}\p{N}]+/gu;

/** Whether a UTF-16 code unit is a letter or digit: 1 yes, 2 no, 0 not yet looked up. */
const WORD_UNIT = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  let k = WORD_UNIT[c]!;
  if (k === 0) WORD_UNIT[c] = k = /^[\p{L}\p{N}]$/u.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** A surrogate: the text goes to WORDS, which reads code points. */
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * Each UTF-16 unit lower-cased as `toLowerCase` lower-cases it in a text: -1 not yet looked up,
 * NEEDS_TEXT for a unit whose lower case is not one unit or depends on its neighbours (`İ`,
 * `Σ`) or is a surrogate. Folding unit by unit, a text is lower-cased without a lower-cased
 * copy of it being made (a third of what bagging allocated).
 */
const FOLD = new Int32Array(0x10000).fill(-1);
const NEEDS_TEXT = -2;

function fold(c: number): number {
  let f = FOLD[c]!;
  if (f === -1) {
    const lower = String.fromCharCode(c).toLowerCase();
    FOLD[c] = f = isSurrogate(c) || c === 0x03a3 || lower.length !== 1 ? NEEDS_TEXT : lower.charCodeAt(0);
  }
  return f;
}

/** Not part of a word, in `WORD_FOLD`. */
const NOT_WORD = -3;

/**
 * Each UTF-16 unit as bagging reads it: its lower case (`fold`) when that is a letter or digit,
 * else NOT_WORD, or NEEDS_TEXT; -1 until first looked up. One read per character, where
 * folding and then classifying took two.
 */
const WORD_FOLD = new Int32Array(0x10000).fill(-1);

function wordFold(c: number): number {
  let v = WORD_FOLD[c]!;
  if (v === -1) {
    const f = fold(c);
    WORD_FOLD[c] = v = f === NEEDS_TEXT ? NEEDS_TEXT : isWordUnit(f) ? f : NOT_WORD;
  }
  return v;
}

/** The hashes of a text with no words: a clause with neither heading nor text, or the root. */
export const NO_WORDS = new Int32Array(0);

/** Two 32-bit hashes of a word, FNV-1a and a polynomial one, carried along as it is read (the redline's token keys use them too). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;
export const POLY_BASE = 0x9e3779b1 | 0;

/**
 * The two hashes of every word of `text`, in order: word k is `[out[2k], out[2k + 1]]`. Two
 * different words would have to agree in all 64 bits to look the same.
 */
export function wordHashes(text: string): Int32Array {
  let n = 0;
  let h1 = FNV_OFFSET;
  let h2 = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = wordFold(text.charCodeAt(i));
    if (c >= 0) {
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 + c, POLY_BASE);
      inWord = true;
    } else if (c === NEEDS_TEXT) return hashesOfWords(text.toLowerCase().match(WORDS) ?? []);
    else if (inWord) {
      n = pushHashes(n, h1, h2);
      h1 = FNV_OFFSET;
      h2 = 0;
      inWord = false;
    }
  }
  if (inWord) n = pushHashes(n, h1, h2);
  return scratch.slice(0, n);
}

/** The same hashes, of words cut out by WORDS (a text with a unit `fold` cannot take alone). */
function hashesOfWords(words: string[]): Int32Array {
  const out = new Int32Array(2 * words.length);
  words.forEach((w, k) => {
    let h1 = FNV_OFFSET;
    let h2 = 0;
    for (let i = 0; i < w.length; i++) {
      h1 = Math.imul(h1 ^ w.charCodeAt(i), FNV_PRIME);
      h2 = Math.imul(h2 + w.charCodeAt(i), POLY_BASE);
    }
    out[2 * k] = h1;
    out[2 * k + 1] = h2;
  });
  return out;
}

/** The hashes of the text being read. */
let scratch = new Int32Array(1024);

function pushHashes(n: number, h1: number, h2: number): number {
  if (n + 2 > scratch.length) {
    const grown = new Int32Array(2 * scratch.length);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[n] = h1;
  scratch[n + 1] = h2;
  return n + 2;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;
/**
 * What each UTF-16 unit is to the redline's tokenizer, looked up once: WORD_CHAR (a letter, mark or digit), SPACE_CHAR,
 * or neither; 0 until first seen. A table read, where a Map of non-ASCII units cost a lookup
 * for every umlaut.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
const WORD_CLASS = 1;
const SPACE_CLASS = 2;
const OTHER_CLASS = 3;

function charClass(c: number): number {
  let k = CHAR_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    CHAR_CLASS[c] = k = WORD_CHAR.test(ch) ? WORD_CLASS : SPACE_CHAR.test(ch) ? SPACE_CLASS : OTHER_CLASS;
  }
  return k;
}

export function isWordChar(c: number): boolean {
  return charClass(c) === WORD_CLASS;
}

export function isSpaceChar(c: number): boolean {
  return charClass(c) === SPACE_CLASS;
}
