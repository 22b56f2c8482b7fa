/**
 * Rule conditions in JSON Logic: checking that an expression is well formed, finding the facts it
 * reads, and evaluating it with the standard json-logic-js library while recording which parts
 * held. The trace calls the library on every sub-expression, so it can never disagree with it.
 */
import jsonLogic from 'json-logic-js';
import type { FactDeclaration } from '../corpus/index.js';
import type { JsonLogic } from './types.js';

/** The operations of json-logic-js, less `log` (it writes to the console). */
export const OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr',
]);
/** Operations whose later arguments run against each array item, not against the facts. */
const ITEM_SCOPED = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

export interface LogicProblem {
  message: string;
  /** `unknown-fact` for a fact or value not declared; `malformed` for everything else. */
  kind: 'malformed' | 'unknown-fact';
}

function isOperation(value: JsonLogic): value is { [operator: string]: JsonLogic } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function argsOf(op: { [operator: string]: JsonLogic }): { operator: string; args: JsonLogic[] } {
  const operator = Object.keys(op)[0]!;
  const raw = op[operator]!;
  return { operator, args: Array.isArray(raw) ? raw : [raw] };
}

/** Structural problems: objects that are not one known operation, `var` without a name. */
export function logicProblems(logic: JsonLogic): LogicProblem[] {
  const out: LogicProblem[] = [];
  const visit = (node: JsonLogic) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isOperation(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      out.push({ kind: 'malformed', message: `Unexpected object with ${keys.length} keys (${keys.map((k) => `\`${k}\``).join(', ') || 'none'}) in the condition, expected one JSON Logic operation such as \`and\` or \`==\`` });
      return;
    }
    const { operator, args } = argsOf(node);
    if (!OPERATORS.has(operator)) {
      out.push({ kind: 'malformed', message: `Unexpected JSON Logic operation \`${operator}\`, expected one of ${[...OPERATORS].map((o) => `\`${o}\``).join(', ')}` });
      return;
    }
    if (operator === 'var') {
      const name = args[0];
      if (typeof name !== 'string' || name === '') out.push({ kind: 'malformed', message: 'Unexpected `var` without a fact name, expected `{ var: fact_name }`' });
      return;
    }
    args.forEach(visit);
  };
  visit(logic);
  return out;
}

/** The facts an expression reads: `var` names (first path segment) and `missing` lists, sorted. */
export function factsOf(logic: JsonLogic): string[] {
  const out = new Set<string>();
  const visit = (node: JsonLogic) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isOperation(node) || Object.keys(node).length !== 1) return;
    const { operator, args } = argsOf(node);
    if (operator === 'var') {
      if (typeof args[0] === 'string' && args[0] !== '') out.add(args[0].split('.')[0]!);
      return;
    }
    if (operator === 'missing') {
      for (const a of args.flat()) if (typeof a === 'string') out.add(a.split('.')[0]!);
      return;
    }
    if (operator === 'missing_some') {
      const names = args[1];
      if (Array.isArray(names)) for (const a of names) if (typeof a === 'string') out.add(a.split('.')[0]!);
      return;
    }
    // Inside map/filter/... the later arguments see each item, not the facts.
    if (ITEM_SCOPED.has(operator)) {
      visit(args[0] ?? null);
      if (operator === 'reduce') visit(args[2] ?? null);
      return;
    }
    args.forEach(visit);
  };
  visit(logic);
  return [...out].sort();
}

/** A fact name read directly, `{ var: name }`, or null. */
function directFact(node: JsonLogic | undefined): string | null {
  if (node === undefined || !isOperation(node) || Object.keys(node).length !== 1) return null;
  const { operator, args } = argsOf(node);
  return operator === 'var' && typeof args[0] === 'string' ? args[0] : null;
}

/**
 * Facts the condition names that are not declared, and literal values compared with a declared
 * fact that its type or enum does not allow (`cohort == "MOC MDS"`).
 */
export function factProblems(logic: JsonLogic, facts: Readonly<Record<string, FactDeclaration>>): LogicProblem[] {
  const out: LogicProblem[] = [];
  for (const name of factsOf(logic)) {
    if (!Object.hasOwn(facts, name)) {
      out.push({ kind: 'unknown-fact', message: `Unexpected fact \`${name}\` in the condition, expected a fact declared in facts.yaml${suggest(name, Object.keys(facts))}` });
    }
  }
  const visit = (node: JsonLogic) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isOperation(node) || Object.keys(node).length !== 1) return;
    const { operator, args } = argsOf(node);
    if (['==', '===', '!=', '!=='].includes(operator)) {
      const [a, b] = args;
      const fact = directFact(a) ?? directFact(b);
      const literal = directFact(a) ? b : a;
      if (fact && literal !== undefined && !isOperation(literal) && !Array.isArray(literal)) out.push(...valueProblems(fact, [literal], facts));
    } else if (operator === 'in') {
      const fact = directFact(args[0]);
      if (fact && Array.isArray(args[1])) out.push(...valueProblems(fact, args[1], facts));
    }
    if (!ITEM_SCOPED.has(operator)) args.forEach(visit);
  };
  visit(logic);
  return out;
}

export function valueProblems(fact: string, values: readonly JsonLogic[], facts: Readonly<Record<string, FactDeclaration>>, where = 'the condition'): LogicProblem[] {
  const decl = facts[fact];
  if (!decl) return [];
  const out: LogicProblem[] = [];
  for (const v of values) {
    if (!matchesType(v, decl.type)) {
      out.push({ kind: 'unknown-fact', message: `Unexpected ${JSON.stringify(v)} for fact \`${fact}\` in ${where}, expected a ${decl.type}` });
    } else if (decl.enum && !decl.enum.includes(v as string | number)) {
      out.push({ kind: 'unknown-fact', message: `Unexpected ${JSON.stringify(v)} for fact \`${fact}\` in ${where}, expected one of ${decl.enum.map((e) => JSON.stringify(e)).join(', ')}${suggest(String(v), decl.enum.map(String))}` });
    }
  }
  return out;
}

export function matchesType(value: unknown, type: FactDeclaration['type']): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
  }
}

/** ", did you mean `x`?" for the closest name within two edits, or nothing. */
export function suggest(name: string, candidates: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean \`${best}\`?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/* ---------- a test every JSON Logic implementation answers alike ---------- */

/** What a rule's `applies_if` returns when the facts given do not settle it. */
export const UNDETERMINED = 'undetermined';

/**
 * The rule's test as `{"if": [surely true, true, surely false, false, "undetermined"]}`, so that
 * every conforming JSON Logic implementation gives one answer even when facts are missing.
 * Implementations agree when every fact a comparison reads is present, and disagree when one is
 * absent (`{"==": [{"var": "x"}, false]}` with no `x` is false in json-logic-js and true in
 * json-logic-engine), so no comparison is ever evaluated over a missing fact: each is guarded by
 * `missing`, and `and`, `or` and `!` combine the guarded parts as Kleene's three-valued logic
 * does, the reading `trace` gives `determined`. A test that reads no fact is returned as it is.
 */
export function guardedTest(logic: JsonLogic): JsonLogic {
  if (factsOf(logic).length === 0) return logic;
  return { if: [surely(logic, true), true, surely(logic, false), false, UNDETERMINED] };
}

/** An expression that is true exactly when the facts given settle `logic` to `value`. */
function surely(logic: JsonLogic, value: boolean): JsonLogic {
  if (isOperation(logic) && Object.keys(logic).length === 1) {
    const { operator, args } = argsOf(logic);
    if (operator === 'and' || operator === 'or') {
      // A settled `and` is true when every part surely is, false when any part surely is false.
      const every = (operator === 'and') === value;
      const parts = args.map((a) => surely(a, value));
      return parts.length === 1 ? parts[0]! : { [every ? 'and' : 'or']: parts };
    }
    if (operator === '!' && args.length === 1) return surely(args[0]!, !value);
  }
  const facts = factsOf(logic);
  const test: JsonLogic = value ? { '!!': [logic] } : { '!': [logic] };
  return facts.length === 0 ? test : { and: [{ '!': [{ missing: facts }] }, test] };
}

/** The answer of a guarded test (see `guardedTest`): true, false or "undetermined". */
export function answerOf(logic: JsonLogic, facts: Readonly<Record<string, unknown>>): boolean | typeof UNDETERMINED {
  const result: unknown = jsonLogic.apply(logic as never, facts);
  return result === UNDETERMINED ? UNDETERMINED : jsonLogic.truthy(result);
}

/* ---------- evaluation ---------- */

export interface TraceNode {
  logic: JsonLogic;
  /** The expression in words: `cohort in ["IOC", "MOC (MDS)"]`. */
  text: string;
  held: boolean;
  /**
   * Whether the facts given settle this part whatever the missing ones would be: a part reading
   * no missing fact; an `and` with a settled false part or an `or` with a settled true part;
   * a `!` of a settled part. `x < 12` with `x` missing is not settled, though JSON Logic reads
   * the missing `x` as null and so as 0.
   */
  determined: boolean;
  /** The facts this part reads and their values; absent facts are listed in `missing`. */
  facts: Record<string, unknown>;
  missing: string[];
  /** The parts of `and`, `or`, `!` and `if`, each traced. */
  parts: TraceNode[];
}

/** Evaluate with json-logic-js; `held` is its truthiness. */
export function evaluate(logic: JsonLogic, facts: Readonly<Record<string, unknown>>): boolean {
  return jsonLogic.truthy(jsonLogic.apply(logic as never, facts));
}

export function trace(logic: JsonLogic, facts: Readonly<Record<string, unknown>>): TraceNode {
  const names = factsOf(logic);
  const missing = names.filter((n) => !Object.hasOwn(facts, n));
  const node: TraceNode = {
    logic,
    text: formatLogic(logic),
    held: evaluate(logic, facts),
    determined: missing.length === 0,
    facts: Object.fromEntries(names.filter((n) => Object.hasOwn(facts, n)).map((n) => [n, facts[n]])),
    missing,
    parts: [],
  };
  if (isOperation(logic) && Object.keys(logic).length === 1) {
    const { operator, args } = argsOf(logic);
    if (['and', 'or', '!', 'if', '?:'].includes(operator)) node.parts = args.map((a) => trace(a, facts));
    if (!node.determined) node.determined = settled(operator, node.parts);
  }
  return node;
}

/** Kleene's three-valued reading: a settled false part settles an `and`, a settled true one an `or`. */
export function settled(operator: string, parts: readonly Pick<TraceNode, 'held' | 'determined'>[]): boolean {
  if (parts.length > 0 && parts.every((p) => p.determined)) return true;
  if (operator === 'and') return parts.some((p) => p.determined && !p.held);
  if (operator === 'or') return parts.some((p) => p.determined && p.held);
  if (operator === '!' || operator === '!!') return parts[0]?.determined ?? false;
  return false;
}

const INFIX = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', 'in', '+', '-', '*', '/', '%']);

/** A JSON Logic expression as a short readable line. */
export function formatLogic(logic: JsonLogic): string {
  if (logic === null || typeof logic !== 'object') return JSON.stringify(logic);
  if (Array.isArray(logic)) return `[${logic.map(formatLogic).join(', ')}]`;
  const keys = Object.keys(logic);
  if (keys.length !== 1) return JSON.stringify(logic);
  const { operator, args } = argsOf(logic);
  if (operator === 'var') return String(args[0]);
  if (operator === 'and' || operator === 'or') return args.length === 1 ? formatLogic(args[0]!) : `(${args.map(formatLogic).join(` ${operator} `)})`;
  if (operator === '!') return `not ${formatLogic(args[0] ?? null)}`;
  if (operator === '!!') return `${formatLogic(args[0] ?? null)} is set`;
  if ((operator === 'if' || operator === '?:') && args.length === 3) return `if ${formatLogic(args[0]!)} then ${formatLogic(args[1]!)} else ${formatLogic(args[2]!)}`;
  if (INFIX.has(operator) && args.length >= 2) return args.map(formatLogic).join(` ${operator} `);
  return `${operator}(${args.map(formatLogic).join(', ')})`;
}

/** Key order and spacing do not matter when comparing expressions. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
