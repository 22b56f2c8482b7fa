/**
 * Rule changesets: two versions' rules matched by rule id, with field-level changes for the ones
 * that differ (a condition rewritten, a cohort added to `applies_to`, a clause renumbered).
 */
import { canonicalJson } from './logic.js';
import type { Rule } from './types.js';

export type FieldChange =
  /** A field whose value was replaced (`kind`, `actor`, `effect`, `condition`, `period`, `from`, `clause`). */
  | { field: string; old: unknown; new: unknown }
  /** A list field whose members changed (`applies_to.cohorts`). */
  | { field: string; added: string[]; removed: string[] };

export interface RuleChange {
  id: string;
  old: Rule;
  new: Rule;
  changes: FieldChange[];
}

export interface RuleDiff {
  added: Rule[];
  removed: Rule[];
  changed: RuleChange[];
  unchanged: Rule[];
}

const SCALARS = ['kind', 'actor', 'effect', 'period', 'from'] as const;

export function diffRules(before: readonly Rule[], after: readonly Rule[]): RuleDiff {
  const byId = (rules: readonly Rule[]) => new Map(rules.map((r) => [r.id, r]));
  const olds = byId(before);
  const news = byId(after);
  const sort = (rules: Rule[]) => rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const diff: RuleDiff = {
    added: sort([...news.values()].filter((r) => !olds.has(r.id))),
    removed: sort([...olds.values()].filter((r) => !news.has(r.id))),
    changed: [],
    unchanged: [],
  };
  for (const r of sort([...news.values()].filter((x) => olds.has(x.id)))) {
    const changes = fieldChanges(olds.get(r.id)!, r);
    if (changes.length > 0) diff.changed.push({ id: r.id, old: olds.get(r.id)!, new: r, changes });
    else diff.unchanged.push(r);
  }
  return diff;
}

export function fieldChanges(a: Rule, b: Rule): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of SCALARS) if (a[field] !== b[field]) out.push({ field, old: a[field], new: b[field] });
  for (const category of [...new Set([...Object.keys(a.appliesTo), ...Object.keys(b.appliesTo)])].sort()) {
    const x = a.appliesTo[category] ?? [];
    const y = b.appliesTo[category] ?? [];
    const added = y.filter((v) => !x.includes(v));
    const removed = x.filter((v) => !y.includes(v));
    if (added.length > 0 || removed.length > 0) out.push({ field: `applies_to.${category}`, added, removed });
  }
  if (canonicalJson(a.condition) !== canonicalJson(b.condition)) out.push({ field: 'condition', old: a.condition, new: b.condition });
  // The clause is matched by number: the rule moving with a renumbered clause is a change worth seeing.
  const na = a.clause.number ?? a.clause.id;
  const nb = b.clause.number ?? b.clause.id;
  if (na !== nb) out.push({ field: 'clause', old: na, new: nb });
  return out;
}
