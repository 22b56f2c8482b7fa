/** Positions inside text: a match at `index` of a text node that starts at `start`. */
export type Start = { line: number; column: number; offset?: number };

/** Line and column of `index` within a text node that starts at `start`. */
export function pointAt(value: string, start: Start | undefined, index: number): Start | undefined {
  return pointFinder(value, start)(index);
}

/**
 * Line and column of many indices in one text node. The line breaks are found once, on the first
 * call, and each point by binary search: rescanning from the start for each one made a long
 * paragraph with many references or undefined terms quadratic.
 */
export function pointFinder(value: string, start: Start | undefined): (index: number) => Start | undefined {
  if (!start) return () => undefined;
  let breaks: number[] | null = null;
  return (index) => {
    if (breaks === null) {
      breaks = [];
      for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) breaks.push(i);
    }
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return {
      line: start.line + lo,
      column: lo === 0 ? start.column + index : index - breaks[lo - 1]!,
      offset: start.offset === undefined ? undefined : start.offset + index,
    };
  };
}
