/**
 * Rewriting a source by splicing: each edit replaces the characters between two offsets that the
 * parser recorded, so everything else the author wrote (wrapping, emphasis, spacing) is kept and
 * a rewrite's `git diff` shows only what changed.
 */
import { createTwoFilesPatch } from 'diff';

export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Where it is, for reports: 1-based line and column. */
  line: number;
  column: number;
}

export class EditError extends Error {}

/** The source with every edit applied; edits must not overlap. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new EditError(`overlapping edits at line ${e.line}, column ${e.column}`);
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

/** Line and column of an offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** An edit replacing `length` characters at `offset`. */
export function edit(source: string, offset: number, length: number, text: string): Edit {
  return { start: offset, end: offset + length, text, ...lineColumn(source, offset) };
}

/** A unified diff of a rewrite, as `--dry-run` prints it. */
export function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(path, path, before, after, undefined, undefined, { context: 3 });
}
