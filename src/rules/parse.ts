/**
 * One ```rule block (YAML) -> the fields of a typed rule, with every problem placed on the line
 * of the field that has it. Resolving the clause and the interval is the caller's job.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { readYaml } from '../parse/yaml.js';
import type { Point } from '../model/types.js';
import { ISO_DURATION } from '../time/index.js';
import { logicProblems, suggest } from './logic.js';
import { RULE_FIELDS, RULE_KINDS, type JsonLogic, type Rule, type RuleKind } from './types.js';

/** What one rule block says, before the rules stage places, scopes and dates it. */
export type RuleFields = Pick<Rule, 'id' | 'kind' | 'actor' | 'appliesTo' | 'effect' | 'condition' | 'period' | 'from' | 'clauseOverride'>;

export interface FieldProblem {
  reason: string;
  place: Point;
}

/** A rule id: lower-case words joined by dots and hyphens, e.g. `tmad.exclusion.duplicate-mpxn`. */
export const RULE_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)+$/;

/** What one rule block says, every problem and field placed in the file. */
export interface RuleBlockReading {
  fields: RuleFields | null;
  problems: FieldProblem[];
  places: Record<string, Point>;
}

/** Where `readRuleSource` puts the opening fence: a column no place in a file has. */
const FENCE_HERE: Point = { line: 0, column: 0 };

/**
 * A rule block's reading wherever it sits: places counted in lines from its opening fence, and
 * the fence itself as FENCE_HERE. A function of the block's text alone, so a version edited
 * elsewhere can reuse it (rules/compile.ts); `placeRuleBlock` puts it in the file.
 */
export function readRuleSource(source: string): RuleBlockReading {
  const problems: FieldProblem[] = [];
  const places: Record<string, Point> = {};
  const fence = FENCE_HERE;
  // The YAML starts on the line after the opening fence.
  const yaml = readYaml(source, { line: fence.line + 1, column: 1 });
  const at = yaml.at;
  if (yaml.problems.length > 0 || !yaml.doc) {
    for (const e of yaml.problems) problems.push({ reason: `Malformed rule block: ${e.message}`, place: e.place });
    return { fields: null, problems, places };
  }
  const doc = yaml.doc;
  if (!isMap(doc.contents)) {
    problems.push({ reason: 'Unexpected rule block content, expected a YAML mapping with `id`, `kind`, `actor`, `effect` and `condition`', place: fence });
    return { fields: null, problems, places };
  }
  const nodes: Record<string, YamlNode | null> = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as YamlNode | null;
    const range = value?.range ?? (isScalar(pair.key) ? pair.key.range : undefined);
    places[key] = range ? at(range[0]) : fence;
    if (!(RULE_FIELDS as readonly string[]).includes(key)) {
      problems.push({ reason: `Unexpected field \`${key}\` in a rule, expected one of ${RULE_FIELDS.map((f) => `\`${f}\``).join(', ')}${suggest(key, RULE_FIELDS)}`, place: places[key] });
      continue;
    }
    nodes[key] = value;
  }
  const raw = yaml.value as Record<string, unknown>;
  const place = (field: string) => places[field] ?? fence;
  const text = (field: string, required: boolean): string | null => {
    const v = raw[field];
    if (v === undefined || v === null) {
      if (required) problems.push({ reason: `Missing field \`${field}\` in a rule`, place: fence });
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push({ reason: `Unexpected \`${field}\`: expected text`, place: place(field) });
      return null;
    }
    return v.trim();
  };

  const id = text('id', true);
  if (id !== null && !RULE_ID.test(id)) {
    problems.push({ reason: `Unexpected rule id \`${id}\`, expected lower-case words joined by dots and hyphens, such as \`tmad.exclusion.duplicate-mpxn\``, place: place('id') });
  }
  const kindText = text('kind', true);
  let kind: RuleKind | null = null;
  if (kindText !== null) {
    if ((RULE_KINDS as readonly string[]).includes(kindText)) kind = kindText as RuleKind;
    else problems.push({ reason: `Unexpected kind \`${kindText}\`, expected one of ${RULE_KINDS.map((k) => `\`${k}\``).join(', ')}${suggest(kindText, RULE_KINDS)}`, place: place('kind') });
  }
  const actor = text('actor', true);
  const effect = text('effect', true);

  const appliesTo: Record<string, string[]> = {};
  const scope = raw.applies_to;
  if (scope !== undefined && scope !== null) {
    if (typeof scope !== 'object' || Array.isArray(scope)) {
      problems.push({ reason: 'Unexpected `applies_to`: expected a mapping such as `cohorts: [IOC, FOC]`', place: place('applies_to') });
    } else {
      for (const [key, values] of Object.entries(scope as Record<string, unknown>)) {
        if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
          problems.push({ reason: `Unexpected \`applies_to.${key}\`: expected a list of names`, place: place('applies_to') });
          continue;
        }
        appliesTo[key] = values as string[];
      }
    }
  }

  let condition: JsonLogic | null = null;
  if (raw.condition !== undefined && raw.condition !== null) {
    condition = raw.condition as JsonLogic;
    // JSON Logic reads any other value as a literal: `cohort == "FOC"` would always hold.
    const shape = Array.isArray(condition) ? 'a list' : typeof condition === 'object' || typeof condition === 'boolean' ? null : `a ${typeof condition}`;
    if (shape) problems.push({ reason: `Unexpected condition that is ${shape}, expected one JSON Logic operation such as \`{ "==": [{ "var": "cohort" }, "FOC"] }\``, place: place('condition') });
    else for (const p of logicProblems(condition)) problems.push({ reason: p.message, place: place('condition') });
  }

  const period = text('period', kind === 'deadline');
  const from = text('from', kind === 'deadline');
  if (period !== null && !ISO_DURATION.test(period)) {
    problems.push({ reason: `Unexpected period \`${period}\`, expected an ISO 8601 duration such as P14D or P12M`, place: place('period') });
  }

  // `clause: 18.10` would read as the number 18.1, so the override is taken as written.
  let clauseOverride: string | null = null;
  const clauseNode = nodes.clause;
  if (clauseNode && isScalar(clauseNode) && clauseNode.range) {
    clauseOverride = source.slice(clauseNode.range[0], clauseNode.range[1]).trim().replace(/^(['"])(.*)\1$/, '$2').replace(/^Clause\s+/i, '');
    if (clauseOverride === '') clauseOverride = null;
  } else if (clauseNode) {
    problems.push({ reason: 'Unexpected `clause`: expected a clause number such as 7.2 or 7.2(a)', place: place('clause') });
  }

  if (problems.length > 0 || id === null || kind === null || actor === null || effect === null) return { fields: null, problems, places };
  return { fields: { id, kind, actor, appliesTo, effect, condition, period, from, clauseOverride }, problems, places };
}

/** `reading` (from `readRuleSource`) for the block whose opening fence is at `fence`. */
export function placeRuleBlock(reading: RuleBlockReading, fence: Point): RuleBlockReading {
  const place = (p: Point): Point => (p.column === 0 ? fence : { line: p.line + fence.line, column: p.column });
  const places: Record<string, Point> = {};
  for (const [field, p] of Object.entries(reading.places)) places[field] = place(p);
  return { fields: reading.fields, problems: reading.problems.map((p) => ({ reason: p.reason, place: place(p.place) })), places };
}
