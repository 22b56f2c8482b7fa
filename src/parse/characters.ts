/**
 * Characters no document means: controls and noncharacters (U+FFFF would make Word's XML
 * malformed) are errors; bidirectional controls (U+202E) are warnings, since they show text in
 * an order other than it is stored. Other characters beyond Latin-1 and common punctuation are
 * noted, with their first place, in `file.data.unusualCharacters` for the check that asks the
 * PDF's fonts whether they can show them (src/check/glyphs.ts).
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import { pointFinder } from '../model/position.js';
import type { Point } from '../model/types.js';

const NOT_PLAIN = /[^\t\n\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u20ac]/gu;
const INVALID = /^[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]$|^[\u{1fffe}-\u{1ffff}\u{2fffe}-\u{2ffff}\u{3fffe}-\u{3ffff}\u{4fffe}-\u{4ffff}\u{5fffe}-\u{5ffff}\u{6fffe}-\u{6ffff}\u{7fffe}-\u{7ffff}\u{8fffe}-\u{8ffff}\u{9fffe}-\u{9ffff}\u{afffe}-\u{affff}\u{bfffe}-\u{bffff}\u{cfffe}-\u{cffff}\u{dfffe}-\u{dffff}\u{efffe}-\u{effff}\u{ffffe}-\u{fffff}\u{10fffe}-\u{10ffff}]$/u;
const BIDI = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/u;
/** Each kind of problem is reported this often per file, then counted. */
const MAX_REPORTS = 10;

/** Characters beyond the plain set, each with its first place in the file. */
export type CharacterPlaces = Map<string, Point>;

declare module 'vfile' {
  interface DataMap {
    unusualCharacters: CharacterPlaces;
  }
}

export function scanCharacters(text: string, file: VFile): void {
  const at = pointFinder(text, { line: 1, column: 1 });
  const unusual = new Map<string, Point>();
  const counts = { invalid: 0, bidi: 0 };
  for (const m of text.matchAll(NOT_PLAIN)) {
    const c = m[0];
    const kind = INVALID.test(c) ? 'invalid' : BIDI.test(c) ? 'bidi' : null;
    if (kind === null) {
      if (!unusual.has(c)) unusual.set(c, at(m.index) as Point);
      continue;
    }
    if (++counts[kind] > MAX_REPORTS) continue;
    const name = codePoint(c);
    if (kind === 'invalid') report(file, 'char-invalid', `Unexpected ${/[\ufdd0-\ufdef]|[\ufffe\uffff]$/u.test(c) ? 'noncharacter' : 'control character'} ${name}, expected text (delete it, or write what it stands for)`, at(m.index));
    else report(file, 'char-bidi', `Unexpected bidirectional control ${name}: it shows the text around it in an order other than it is written`, at(m.index));
  }
  if (counts.invalid > MAX_REPORTS) report(file, 'char-invalid', `Unexpected control characters or noncharacters: ${counts.invalid - MAX_REPORTS} more than those reported`, { line: 1, column: 1 });
  if (counts.bidi > MAX_REPORTS) report(file, 'char-bidi', `Unexpected bidirectional controls: ${counts.bidi - MAX_REPORTS} more than those reported`, { line: 1, column: 1 });
  if (unusual.size > 0) file.data.unusualCharacters = unusual;
}

export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
