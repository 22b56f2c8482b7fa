/** Positions inside text: a match at `index` of a text node that starts at `start`. */
export type Start = { line: number; column: number; offset?: number };

/** Line and column of `index` within a text node that starts at `start`. */
export function pointAt(value: string, start: Start | undefined, index: number): Start | undefined {
  if (!start) return undefined;
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < index; i++) {
    if (value.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset: start.offset === undefined ? undefined : start.offset + index };
}
