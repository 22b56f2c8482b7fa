/**
 * Facts files: the properties of one case (usually one SMETS1 Installation) that rule conditions
 * read. Every name must be declared in facts.yaml and every value must have the declared type and,
 * where one is declared, a value from the enum. A fact left out is allowed: conditions read it as
 * null, and the evaluation trace lists it as missing.
 */
import type { FactDeclaration } from '../corpus/index.js';
import { matchesType, suggest } from './logic.js';
import { quoted } from './facts-file.js';

export interface FactProblem {
  /** The fact the problem is about; null when the whole file is wrong. */
  fact: string | null;
  message: string;
}

/** Keys a facts file may carry besides facts: a JSON Schema pointer and a comment. */
const META_KEYS = new Set(['$schema', '$comment']);

export function validateFacts(value: unknown, declarations: Readonly<Record<string, FactDeclaration>>): { facts: Record<string, unknown>; problems: FactProblem[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { facts: {}, problems: [{ fact: null, message: 'expected a JSON object of facts, such as {"cohort": "IOC", "installation_status": "Dormant"}' }] };
  }
  const facts: Record<string, unknown> = {};
  const problems: FactProblem[] = [];
  for (const [name, v] of Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (META_KEYS.has(name)) continue;
    const decl = declarations[name];
    if (!decl || !Object.hasOwn(declarations, name)) {
      problems.push({ fact: name, message: `unknown fact ${quoted(name)}${hint(name, Object.keys(declarations))}; declared facts: ${Object.keys(declarations).sort().join(', ')}` });
      continue;
    }
    if (!matchesType(v, decl.type)) {
      problems.push({ fact: name, message: `fact "${name}" must be ${article(decl.type)} ${decl.type}, got ${describe(v)}` });
      continue;
    }
    if (decl.enum && !decl.enum.includes(v as string | number)) {
      problems.push({ fact: name, message: `fact "${name}" must be one of ${decl.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${typeof v === 'string' ? quoted(v) : JSON.stringify(v)}${hint(String(v), decl.enum.map(String))}` });
      continue;
    }
    facts[name] = v;
  }
  return { facts, problems };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}

/** "(did you mean ...)" for a name of a plausible length; a huge one is not compared. */
function hint(name: string, candidates: readonly string[]): string {
  return name.length > 100 ? '' : suggest(name, candidates).replace(/`/g, '"');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large to represent';
  if (typeof v === 'string') return `string ${quoted(v)}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * A JSON Schema (2020-12) for facts files, generated from the declarations, so services can check
 * a facts object before they evaluate rule conditions against it.
 */
export function factsJsonSchema(declarations: Readonly<Record<string, FactDeclaration>>): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    $schema: { type: 'string' },
    $comment: { type: 'string' },
  };
  for (const name of Object.keys(declarations).sort()) {
    const d = declarations[name]!;
    properties[name] = {
      type: d.type,
      ...(d.enum ? { enum: d.enum } : {}),
      ...(d.description ? { description: d.description } : {}),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://secdoc.invalid/schemas/facts-file.schema.json',
    title: 'secdoc facts file',
    description: 'The facts of one case, as `secdoc eval` reads them. Generated from documents/facts.yaml.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
