/**
 * Typographic decisions every writer shares: where a line may not break (non-breaking spaces),
 * how wide the number columns are, and how a table's width is shared out. They are made here,
 * once, so the PDF, the HTML page and the Word file set the same text the same way.
 */
import type { BodyBlock, Run } from './types.js';

export const NBSP = '\u00a0';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * Spaces that must not break a line: `Clause 7`, `Section X5`, `31 December 2022`, `Formerly 10.3`.
 * A reference word and its number, and the three parts of a date, stay on one line.
 */
const TIES: RegExp[] = [
  /\b(?:Clauses?|Sections?|Appendix|Appendices|Annex(?:es)?|Schedules?|Parts?|Paragraphs?|Conditions?|Articles?|Version|version|Formerly|formerly|Art\.?|§|Nr\.?|No\.)( )(?=[0-9A-Z(§])/g,
  new RegExp(`\\b\\d{1,2}( )(?:${MONTHS})( )\\d{4}\\b`, 'g'),
  new RegExp(`\\b(?:${MONTHS})( )\\d{4}\\b`, 'g'),
];

/** One string with its tied spaces made non-breaking. */
export function tie(text: string): string {
  return tieRuns([{ text }])[0]?.text ?? '';
}

/**
 * Runs with tied spaces made non-breaking, matched across run boundaries (`Clause ` plain then
 * `10.3` inserted). Text is otherwise untouched, so accepting or rejecting changes is unaffected.
 */
export function tieRuns(runs: readonly Run[]): Run[] {
  const joined = runs.map((r) => r.text).join('');
  const spaces = new Set<number>();
  for (const re of TIES) {
    for (const m of joined.matchAll(re)) {
      // Each capture group is one space; find its offset inside the match.
      let from = 0;
      for (let g = 1; g < m.length; g++) {
        if (m[g] === undefined) continue;
        const at = m[0].indexOf(' ', from);
        if (at < 0) break;
        spaces.add(m.index + at);
        from = at + 1;
      }
    }
  }
  if (spaces.size === 0) return runs.map((r) => ({ ...r }));
  let offset = 0;
  return runs.map((r) => {
    const start = offset;
    offset += r.text.length;
    let text = '';
    for (let i = 0; i < r.text.length; i++) text += spaces.has(start + i) ? NBSP : r.text[i];
    return { ...r, text };
  });
}

/** ` - ` between words is a dash: an en dash with spaces, as British publishers set it. */
export function dashes(text: string): string {
  return text.replace(/ - /g, ' \u2013 ');
}

/** Advance widths of Arial (and the metric-compatible Arimo), in thousandths of an em. */
const ARIAL: Record<string, number> = {
  ' ': 278, [NBSP]: 278, '.': 278, ',': 278, '(': 333, ')': 333, '-': 333, '§': 556, '•': 350, '[': 278, ']': 278,
  ...Object.fromEntries([...'0123456789'].map((c) => [c, 556])),
  ...Object.fromEntries([...'abdeghnopqu'].map((c) => [c, 556])),
  ...Object.fromEntries([...'cksvxyz'].map((c) => [c, 500])),
  f: 278, t: 278, i: 222, j: 222, l: 222, m: 833, r: 333, w: 722,
  ...Object.fromEntries([...'ABEKPSVXY'].map((c) => [c, 667])),
  ...Object.fromEntries([...'CDHNRUw'].map((c) => [c, 722])),
  // Bold capitals and the rest are near enough to the regular widths for sizing columns.
  F: 611, T: 611, Z: 611, G: 778, O: 778, Q: 778, I: 278, J: 500, L: 556, M: 833, W: 944,
};

/** The width of a text set in Arial, in ems (bold is taken as a little wider). */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const c of text) w += ARIAL[c] ?? 600;
  return (w / 1000) * (bold ? 1.06 : 1);
}

/** The gap between a deleted and an inserted number or word set side by side, in ems. */
export const REPLACEMENT_GAP = 0.3;
/** The least gap between a hanging number and its text, in ems. */
export const NUMBER_GAP = 0.8;
/** The number column of a provision (`7.2`) and each sub-level's step (`(a)`, `(i)`), in ems. */
export const BASE_COLUMNS = { first: 4, step: 2.8 } as const;

/** How wide runs are when set in a row: a replaced number's old and new parts sit a gap apart. */
export function runsWidth(runs: readonly Run[], bold = false): number {
  let w = 0;
  runs.forEach((r, i) => {
    w += textWidth(r.text, bold || r.bold === true);
    if (i > 0 && runs[i - 1]!.mark === 'del' && r.mark === 'ins') w += REPLACEMENT_GAP;
  });
  return w;
}

/**
 * The number column at each indent level, in ems of the body text: wide enough for the widest
 * number hung at that level (a renumbered `10.2 10.3` included) plus a gap, and never narrower
 * than the usual column. Every line of a clause's text then starts at the same left edge.
 */
export function numberColumns(body: readonly BodyBlock[]): number[] {
  const widest: number[] = [];
  for (const b of body) {
    if ((b.kind !== 'para' && b.kind !== 'heading') || !b.number) continue;
    const level = b.kind === 'heading' ? 0 : b.indent;
    widest[level] = Math.max(widest[level] ?? 0, runsWidth(b.number, b.kind === 'heading'));
  }
  const depth = Math.max(widest.length, ...body.map((b) => ('indent' in b ? b.indent + 1 : 1)));
  return Array.from({ length: depth }, (_, level) => {
    const base = level === 0 ? BASE_COLUMNS.first : BASE_COLUMNS.step;
    return round(Math.max(base, (widest[level] ?? 0) + NUMBER_GAP));
  });
}

const round = (n: number) => Math.ceil(n * 10) / 10;

/**
 * Column shares of a table (summing to 1) from its content: each column gets at least its
 * longest word, then the rest of the line in proportion to how much text it holds, so a long
 * "Content" column is wide and a short "Term" column narrow. `available`: the line in ems.
 */
export function columnShares(rows: ReadonlyArray<ReadonlyArray<readonly Run[]>>, available: number): number[] {
  const n = Math.max(1, ...rows.map((r) => r.length));
  const minimum = Array.from({ length: n }, () => 2);
  const natural = Array.from({ length: n }, () => 2);
  const pad = 1.2;
  for (const row of rows) {
    row.forEach((cell, i) => {
      const text = cell.map((r) => r.text).join('');
      // Words break at ordinary spaces only: a date tied with non-breaking spaces is one word.
      for (const word of text.split(/[ \t\n]+/)) minimum[i] = Math.max(minimum[i]!, Math.min(textWidth(word) + pad, available / n));
      for (const line of text.split('\n')) natural[i] = Math.max(natural[i]!, textWidth(line) + pad);
    });
  }
  const total = natural.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (total <= available) {
    widths = natural.map((w) => w + (available - total) * (w / total));
  } else {
    const floor = minimum.reduce((a, b) => a + b, 0);
    const spare = Math.max(0, available - floor);
    const extra = natural.map((w, i) => Math.max(0, w - minimum[i]!));
    const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
    widths = minimum.map((m, i) => m + spare * (extra[i]! / extraTotal));
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.round((w / sum) * 1000) / 1000);
}
