/**
 * Reading a facts file (JSON). JSON.parse keeps the last of two equal keys and turns `1e400`
 * into Infinity without a word; a facts file that says one fact twice is refused, at the place.
 */

export interface FactsFileProblem {
  line: number;
  column: number;
  message: string;
}

export function readFactsFile(text: string): { value: unknown; problems: FactsFileProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const place = pointOf(text, at ? Number(at[1]) : 0);
    return { value: undefined, problems: [{ ...place, message: `not valid JSON: ${shorten((error as Error).message, 120)}` }] };
  }
  return { value, problems: duplicateKeys(text) };
}

/** Keys given twice in one object, in one pass over text JSON.parse has accepted. */
function duplicateKeys(text: string): FactsFileProblem[] {
  const problems: FactsFileProblem[] = [];
  const objects: Array<Map<string, number> | null> = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '{') {
      objects.push(new Map());
      expectKey = true;
    } else if (c === '[') {
      objects.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      objects.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = objects.at(-1) instanceof Map;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const seen = objects.at(-1)!;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ line, column: i - lineStart + 1, message: `duplicate key ${quoted(key)} (first at line ${first}); a facts file gives each fact once` });
        else seen.set(key, line);
        expectKey = false;
      }
      i = end;
    }
  }
  return problems;
}

function pointOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** A name or value as a message shows it: quoted, and cut short when it is long. */
export function quoted(text: string, max = 60): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max)).slice(0, -1)}…" (${text.length} characters)`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
