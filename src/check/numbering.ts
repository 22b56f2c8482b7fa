/**
 * Two clauses with one number or one `{#key}`, numbers out of sequence (`18.11` then `18.13`,
 * `(b)` then `(d)`), a skipped suffix (`18.12` then `18.12B`) and a lower-case one (`18.12a`).
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Block, Clause, ClauseDocument } from '../model/types.js';
import { isRoman, romanValue } from '../parse/labels.js';
import { referenceKey } from '../model/query.js';

export function checkNumbering(doc: ClauseDocument, file: VFile): void {
  const seen = new Map<string, Clause>();
  const visit = (siblings: Clause[], parent: Clause | null) => {
    let previous: Clause | null = null;
    for (const c of siblings) {
      if (c.number !== null) {
        const key = referenceKey(c, parent);
        const first = seen.get(key);
        if (first) {
          report(file, 'duplicate-number', `Unexpected second clause numbered \`${c.number}\`, expected unique numbers (first at line ${first.position.start.line})`, c.position.start);
        } else seen.set(key, c);
        if (parent?.style === 'decimal' && c.style === 'decimal' && parent.number && !c.number.startsWith(parent.number + '.')) {
          report(file, 'number-sequence', `Unexpected clause \`${c.number}\` inside clause \`${parent.number}\`, expected a number starting \`${parent.number}.\``, c.position.start);
        }
        if (previous && previous.style === c.style && previous.number !== null && !first) {
          const problem = sequenceProblem(previous.number, c.number, c.style);
          if (problem) report(file, problem.ruleId, problem.reason, c.position.start);
        }
        previous = c;
      }
      if (c.key !== null) {
        const first = keys.get(c.key);
        if (first) report(file, 'duplicate-key', `Unexpected second clause with key \`{#${c.key}}\`, expected unique keys (first at line ${first.position.start.line}, Clause ${first.number ?? first.heading})`, c.position.start);
        else keys.set(c.key, c);
      }
      if (doc.meta.kind === 'version') for (const b of [...c.content, ...c.tail]) lowerCaseSuffix(b, file);
      visit(c.children, c.number !== null ? c : parent);
    }
  };
  const keys = new Map<string, Clause>();
  visit(doc.clauses, null);
}

/** `18.12a Text`: not read as a clause at all, since inserted numbers take capital letters. */
const LOWER_SUFFIX = /^(\d+(?:\.\d+[A-Z]{0,2})*\.\d+)([a-z]{1,2})(?=\s)/;

function lowerCaseSuffix(block: Block, file: VFile): void {
  if (block.type !== 'paragraph') return;
  const first = block.children[0];
  const m = first?.type === 'text' ? LOWER_SUFFIX.exec(first.value) : null;
  if (!m) return;
  const written = m[0];
  report(file, 'number-suffix', `Unexpected lower-case suffix in \`${written}\`, expected \`${m[1]}${m[2]!.toUpperCase()}\` (it is read as text of the clause before, not as a clause)`, (first?.type === 'text' ? first.position?.start : undefined) ?? block.position?.start);
}

interface Ordinal {
  value: number;
  suffix: string;
}

function ordinal(number: string, style: string): Ordinal | null {
  if (style === 'decimal') {
    const last = number.split('.').pop()!;
    const m = /^(\d+)([A-Z]*)$/.exec(last);
    return m ? { value: Number(m[1]), suffix: m[2]! } : null;
  }
  // Longest word first: `Art` would otherwise take the start of `Article` and leave `icle 6`.
  const inner = number.replace(/[()§.\s]|Artikel|Article|Art/g, '');
  if (style === 'paren-roman') return isRoman(inner) ? { value: romanValue(inner), suffix: '' } : null;
  if (style === 'paren-alpha' || style === 'alpha' || style === 'paren-upper' || style === 'letter-heading' || style === 'double-alpha') {
    return { value: inner.toLowerCase().charCodeAt(0) - 96 + (inner.length - 1) * 26, suffix: '' };
  }
  const m = /^(\d+)([a-zA-Z]*)$/.exec(inner);
  return m ? { value: Number(m[1]), suffix: m[2]!.toUpperCase() } : null;
}

/** `Article L121-36-1` -> series `L`, parts [121, 36, 1]; null for a number with letters in a part (`316e`). */
function hyphenParts(number: string): { series: string; parts: number[] } | null {
  const m = /^(?:Art\.?|Artikel|Article)\s+([LRDA]\*?)?\.?\s?(\d+(?:-\d+)*)$/.exec(number);
  return m ? { series: (m[1] ?? '').replace('*', ''), parts: m[2]!.split('-').map(Number) } : null;
}

/**
 * Hyphenated article numbers locate an article under its book, title and chapter. After
 * `L121-36` come `L121-36-1` (inserted after it), `L121-37` (the next), or `L122-1` (the first of
 * the next chapter); after `L121-36-2`, `L121-37` closes the inserted run. With a series letter
 * the first part is a chapter code (`121`: book 1, title 2, chapter 1) and may step by more than
 * one when the rest starts over at 1. Anything lower is out of order; anything else skips numbers.
 */
function hyphenSequenceProblem(prev: string, next: string): { ruleId: 'number-sequence'; reason: string } | null | undefined {
  const a = hyphenParts(prev);
  const b = hyphenParts(next);
  if (!a || !b || (a.parts.length === 1 && b.parts.length === 1)) return undefined;
  if (a.series !== b.series) return null;
  const x = a.parts;
  const y = b.parts;
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  if (k === x.length && k === y.length) return undefined;
  const ascending = k === x.length ? true : k === y.length ? false : y[k]! > x[k]!;
  if (!ascending) return { ruleId: 'number-sequence', reason: `Unexpected clause \`${next}\` after \`${prev}\`, expected numbers in ascending order` };
  const startsOver = y.slice(k + 1).every((p) => p === 1);
  const inserted = k === x.length && y.length === x.length + 1 && y[k] === 1;
  const nextAtLevel = k < x.length && startsOver && (y[k] === x[k]! + 1 || (k === 0 && a.series !== ''));
  if (inserted || nextAtLevel) return null;
  const expected = [...x.slice(0, -1), x[x.length - 1]! + 1].join('-');
  const prefix = prev.slice(0, prev.length - x.join('-').length);
  return { ruleId: 'number-sequence', reason: `Unexpected clause \`${next}\` after \`${prev}\`, expected \`${prefix}${expected}\` or \`${prefix}${x.join('-')}-1\` (a gap in the numbering)` };
}

function sequenceProblem(prev: string, next: string, style: string): { ruleId: 'number-sequence' | 'number-suffix'; reason: string } | null {
  if (style === 'article') {
    const hyphenated = hyphenSequenceProblem(prev, next);
    if (hyphenated !== undefined) return hyphenated;
  }
  const a = ordinal(prev, style);
  const b = ordinal(next, style);
  if (!a || !b) return null;
  // 18.12 -> 18.12A -> 18.12B -> 18.13: a suffix continues its base number, one letter at a time.
  if (b.value === a.value && suffixAfter(b.suffix, a.suffix)) {
    const expected = nextSuffix(a.suffix);
    if (b.suffix === expected) return null;
    return { ruleId: 'number-suffix', reason: `Unexpected clause \`${next}\` after \`${prev}\`, expected \`${withSuffix(next, b.suffix, expected)}\` first (a skipped suffix)` };
  }
  if (b.value === a.value + 1 && b.suffix === '') return null;
  if (b.value <= a.value) return { ruleId: 'number-sequence', reason: `Unexpected clause \`${next}\` after \`${prev}\`, expected numbers in ascending order` };
  const missing = style === 'paren-alpha' && b.value - a.value === 2 ? `: \`(${letterLabel(a.value + 1)})\` is missing` : '';
  return { ruleId: 'number-sequence', reason: `Unexpected clause \`${next}\` after \`${prev}\`, expected the next number (a gap in the numbering)${missing}` };
}

/** Suffixes in the order inserted numbers take them: '' < 'A' < 'Z' < 'AA' < 'AZ' < 'BA'. */
function suffixAfter(next: string, previous: string): boolean {
  return next.length !== previous.length ? next.length > previous.length : next > previous;
}

/** '' -> 'A', 'A' -> 'B', 'Z' -> 'AA', 'AZ' -> 'BA', 'ZZ' -> 'AAA'. */
function nextSuffix(suffix: string): string {
  const last = suffix.at(-1);
  if (last === undefined) return 'A';
  if (last !== 'Z') return suffix.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
  return `${nextSuffix(suffix.slice(0, -1))}A`;
}

/** `number` with its suffix `written` (read upper-case) replaced, in the case it is written in: `1.1C` -> `1.1B`, `(2d)` -> `(2c)`. */
function withSuffix(number: string, written: string, suffix: string): string {
  const at = number.toUpperCase().lastIndexOf(written);
  const cased = number.slice(at, at + written.length) === written ? suffix : suffix.toLowerCase();
  return number.slice(0, at) + cased + number.slice(at + written.length);
}

/** The lettered label of an ordinal: 1 -> a, 26 -> z, 27 -> aa, 28 -> bb. */
function letterLabel(value: number): string {
  const letter = String.fromCharCode(96 + ((value - 1) % 26) + 1);
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
