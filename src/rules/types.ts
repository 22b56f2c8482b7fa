/** Typed machine-readable rules, as authored in ```rule blocks beside their clause. */
import type { Clause, Point } from '../model/types.js';
import type { VersionDocument } from '../corpus/index.js';
import type { ClauseInterval } from '../time/index.js';

export const RULE_KINDS = ['exclusion-category', 'obligation', 'permission', 'prohibition', 'deadline', 'restriction'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A JSON Logic expression (jsonlogic.com): any JSON value; objects are operations. */
export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [operator: string]: JsonLogic };

/** The fields an author writes, in the order the README documents them. */
export const RULE_FIELDS = ['id', 'kind', 'actor', 'applies_to', 'effect', 'condition', 'period', 'from', 'clause'] as const;

export interface Rule {
  /** Stable, readable, unique in a version: `tmad.exclusion.duplicate-mpxn`. */
  id: string;
  kind: RuleKind;
  /** Who the rule binds or empowers. */
  actor: string;
  /** What the rule is scoped to, by category: `cohorts`, `installation_types`, ... */
  appliesTo: Record<string, string[]>;
  effect: string;
  /** As authored; null when the rule holds unconditionally. */
  condition: JsonLogic | null;
  /** For deadlines: an ISO 8601 duration and the event it runs from. */
  period: string | null;
  from: string | null;
  /** The clause the author named with `clause:`, as written; null when the block's placement says. */
  clauseOverride: string | null;
  /** Every fact the rule reads, from its condition and its scope, sorted. */
  facts: string[];
  /** The `applies_to` categories tested against facts, as JSON Logic (`cohort in [...]`). */
  scopeTests: JsonLogic[];
  /** One JSON Logic expression for the whole test: scope tests AND condition. */
  appliesIf: JsonLogic;
  document: VersionDocument;
  /** The clause the rule implements (the override's target, or the one the block follows). */
  clause: Clause;
  /** The clause the block is placed after. */
  placedAfter: Clause;
  /** The rule block's first line. */
  position: Point;
  /** When the rule is in force: its clause's interval (version, narrowed by the text). */
  interval: ClauseInterval;
}

/** A problem found while reading or checking rules, to be reported on a source file. */
export interface RuleProblem {
  path: string;
  ruleId: 'rule-malformed' | 'rule-duplicate-id' | 'rule-unknown-fact' | 'rule-clause-missing' | 'rule-not-followed';
  reason: string;
  place: Point;
}
