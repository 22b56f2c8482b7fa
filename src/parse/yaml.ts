/**
 * The one way secdoc reads YAML (front matter, rule blocks, facts.yaml, Section A terms). Every
 * problem comes back as a message at a place in the FILE: syntax errors, duplicate keys, an alias
 * naming no anchor, alias bombs (the `yaml` package's alias count limit), and aliases that make a
 * value contain itself. The value is checked to be a tree of bounded depth, so no caller can
 * recurse without end on it.
 */
import { isAlias, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { Point } from '../model/types.js';

export interface YamlProblem {
  /** Without the `yaml` package's own "at line N" (those count from the YAML, not the file). */
  message: string;
  place: Point;
}

export interface ReadYaml {
  /** The parsed document, for positions; null when it has syntax errors. */
  doc: Document | null;
  /** The plain value; undefined when there are problems. */
  value: unknown;
  problems: YamlProblem[];
  /** The file position of an offset in the YAML text. */
  at: (offset: number) => Point;
}

/** Aliases resolved in one document before it counts as an attack (the `yaml` default). */
export const MAX_ALIASES = 100;
/** Deeper values are not front matter or rules; refusing them keeps every reader's recursion bounded. */
export const MAX_DEPTH = 64;

/** Read `text`, whose first character is at `start` in the file. */
export function readYaml(text: string, start: Point): ReadYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Point => {
    const p = lineCounter.linePos(offset);
    return { line: start.line + p.line - 1, column: p.line === 1 ? start.column + p.col - 1 : p.col };
  };
  if (doc.errors.length > 0) {
    return { doc: null, value: undefined, at, problems: doc.errors.map((e) => ({ message: plainMessage(e.message), place: at(e.pos[0]) })) };
  }
  const aliasProblem = aliasProblems(doc, at);
  if (aliasProblem) return { doc, value: undefined, at, problems: [aliasProblem] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const first = firstAlias(doc);
    const message = /alias count/i.test((error as Error).message)
      ? `too many aliases (more than ${MAX_ALIASES}): a value built by repeating aliases is refused`
      : plainMessage((error as Error).message);
    return { doc, value: undefined, at, problems: [{ message, place: first ? at(first.range![0]) : start }] };
  }
  if (tooDeep(value)) {
    return { doc, value: undefined, at, problems: [{ message: `value nested more than ${MAX_DEPTH} levels deep`, place: start }] };
  }
  return { doc, value, at, problems: [] };
}

/** An alias naming no earlier anchor, or one inside the node it names (a cycle). */
function aliasProblems(doc: Document, at: (offset: number) => Point): YamlProblem | null {
  let problem: YamlProblem | null = null;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      const place = at(node.range?.[0] ?? 0);
      if (!target) problem = { message: `the alias \`*${node.source}\` names no anchor set before it`, place };
      else if (path.includes(target as never)) problem = { message: `the alias \`*${node.source}\` refers to a value that contains it`, place };
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem;
}

function firstAlias(doc: Document): Alias | null {
  let found: Alias | null = null;
  visit(doc, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found ?? (isAlias(doc.contents) ? doc.contents : null);
}

/** Depth of a plain value, counted without recursion. */
function tooDeep(value: unknown): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Date) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/** `yaml`'s first message line, less its YAML-relative " at line 3, column 5". */
function plainMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}
