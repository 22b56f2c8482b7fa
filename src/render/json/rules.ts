/**
 * Rules, effective dates, evaluations, changesets and clause histories as versioned JSON
 * (schema: schemas/rules.schema.json). The CLI prints these objects and the library returns
 * them, so both give the same answers. Field names are snake_case, like the rule syntax.
 */
import { relative } from 'node:path';
import type { Corpus, VersionDocument } from '../../corpus/index.js';
// Each rules module by name, not the rules barrel: `at` loads this file, and the barrel's clause
// history would bring in the redline engine it never uses.
import { corpusRules, rulesOf, versionRuleSet } from '../../rules/compile.js';
import { diffRules, type FieldChange } from '../../rules/diff.js';
import { deriveFromText, type Derived } from '../../rules/extract.js';
import { factsJsonSchema } from '../../rules/facts.js';
import type { TraceNode } from '../../rules/logic.js';
import { evaluateRules, selectRules, type RuleResult } from '../../rules/query.js';
import type { JsonLogic, Rule } from '../../rules/types.js';
import { statusOn, versionIntervals, versionsAt, type ClauseInterval, type ClauseTiming, type Status, type VersionInterval } from '../../time/index.js';
import { API_VERSION } from './tree.js';

type ApiVersion = readonly [number, number];

export interface NarrowingJson {
  kind: 'commencement' | 'expiry';
  date: string;
  scope: 'clause' | 'document';
  /** The clause whose text makes the statement, and the line it is on. */
  clause: string;
  line: number;
  text: string;
}

export interface VersionJson {
  document: string;
  short_name: string | null;
  title: string;
  version: string;
  /** Source file, relative to the folder above the documents folder. */
  file: string;
  designated_by: string;
  /** The date the designating direction was made. */
  designated: string | null;
  /** In force from (inclusive); null while prospective. */
  effective: string | null;
  /** In force until (exclusive); null while open-ended. */
  until: string | null;
  /** The document's own expiry statement when it ends the version early. */
  expiry: NarrowingJson | null;
  /** Status on the date asked about; absent when no date was asked. */
  status?: Status;
}

export interface RuleJson {
  id: string;
  kind: Rule['kind'];
  actor: string;
  applies_to: Record<string, string[]>;
  effect: string;
  condition: JsonLogic | null;
  period: string | null;
  from: string | null;
  /** Every fact the rule reads, from `applies_to` categories and the condition. */
  facts: string[];
  /** One JSON Logic expression: the `applies_to` tests AND the condition, guarded so that it gives
   * true, false or "undetermined" in every implementation (see `guardedTest`). */
  applies_if: JsonLogic;
  provenance: {
    document: string;
    short_name: string | null;
    version: string;
    clause: { id: string; number: string | null; key: string | null; heading: string | null };
    /** The `clause:` the author wrote, when the rule names its clause explicitly. */
    clause_override: string | null;
    source: { file: string; line: number; clause_line: number };
  };
  in_force: { from: string | null; until: string | null; narrowed_by: NarrowingJson[] };
}

export interface RulesJson {
  'secdoc-api-version': ApiVersion;
  query: { at: string | null; document: string | null; version: string | null };
  versions: VersionJson[];
  rules: RuleJson[];
  /** Read from the text with no annotation; only for a single document version. */
  derived?: Derived;
}

/* ---------- building blocks ---------- */

/** A source's path as published: relative to the documents folder, whatever path named that
 * folder (absolute or relative, as typed), so the files are the same and leak no local path. */
export function fileOf(corpus: Corpus, path: string): string {
  return relative(corpus.root, path).split('\\').join('/');
}

function narrowingJson(t: ClauseTiming): NarrowingJson {
  return { kind: t.kind, date: t.date, scope: t.scope, clause: t.source.id, line: t.line, text: t.sentence };
}

export function versionJson(corpus: Corpus, v: VersionInterval, at?: string): VersionJson {
  const meta = v.document.meta;
  return {
    document: meta.appendix,
    short_name: meta.shortName,
    title: meta.title,
    version: meta.version,
    file: fileOf(corpus, v.document.path),
    designated_by: meta.designatedBy,
    designated: v.designated,
    effective: v.effective,
    until: v.until,
    expiry: v.expiry ? narrowingJson(v.expiry) : null,
    ...(at !== undefined ? { status: statusOn(v, at) } : {}),
  };
}

export function intervalJson(i: ClauseInterval): RuleJson['in_force'] {
  return { from: i.from, until: i.until, narrowed_by: i.narrowedBy.map(narrowingJson) };
}

export function ruleJson(corpus: Corpus, r: Rule): RuleJson {
  const meta = r.document.meta;
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actor,
    applies_to: r.appliesTo,
    effect: r.effect,
    condition: r.condition,
    period: r.period,
    from: r.from,
    facts: r.facts,
    applies_if: r.appliesIf,
    provenance: {
      document: meta.appendix,
      short_name: meta.shortName,
      version: meta.version,
      clause: { id: r.clause.id, number: r.clause.number, key: r.clause.key, heading: r.clause.heading },
      clause_override: r.clauseOverride,
      source: { file: fileOf(corpus, r.document.path), line: r.position.line, clause_line: r.clause.position.start.line },
    },
    in_force: intervalJson(r.interval),
  };
}

/* ---------- rules ---------- */

/** The rule JSON of one document version, as published in dist/rules/<APPENDIX>@<version>.json. */
export function rulesDocumentJson(corpus: Corpus, doc: VersionDocument): RulesJson {
  const { rules, interval } = versionRuleSet(corpus, doc);
  if (!interval) throw new Error(`not a version of this corpus: ${doc.path}`);
  return {
    'secdoc-api-version': API_VERSION,
    query: { at: null, document: doc.meta.appendix, version: doc.meta.version },
    versions: [versionJson(corpus, interval)],
    rules: rules.map((r) => ruleJson(corpus, r)),
    derived: deriveFromText(doc),
  };
}

/** The rules in force on `at` (all documents or one), or every rule of one DOC@VERSION. */
export function rulesJson(corpus: Corpus, options: { at?: string | null; doc?: string | null }): RulesJson {
  const selection = selectRules(corpus, options);
  if (selection.version !== null && selection.at === null) {
    return rulesDocumentJson(corpus, selection.versions[0]!.document);
  }
  return {
    'secdoc-api-version': API_VERSION,
    query: { at: selection.at, document: selection.document, version: selection.version },
    versions: selection.versions.map((v) => versionJson(corpus, v, selection.at ?? undefined)),
    rules: selection.rules.map((r) => ruleJson(corpus, r)),
  };
}

/* ---------- versions at a date ---------- */

export interface AtJson {
  'secdoc-api-version': ApiVersion;
  at: string;
  documents: Array<{
    document: string;
    short_name: string | null;
    title: string;
    /** The version in force on the date, or null when none is. */
    in_force: VersionJson | null;
    /** Versions designated by then but not yet in force (a later or unfixed effective date). */
    designated: VersionJson[];
    /** When none is in force because the latest version's own text ended it: that version. */
    expired: VersionJson | null;
  }>;
}

export function atJson(corpus: Corpus, at: string): AtJson {
  // Dates only: the rule blocks are not compiled (their YAML was most of `secdoc at`'s time).
  const intervals = versionIntervals(corpus);
  return {
    'secdoc-api-version': API_VERSION,
    at,
    documents: versionsAt(corpus, at).map((d) => {
      // Name the document by the version a reader meets on that date, else its latest.
      const named = d.inForce ?? intervals.filter((i) => i.appendix === d.appendix).at(-1)!;
      return {
        document: d.appendix,
        short_name: named.document.meta.shortName,
        title: named.document.meta.title,
        in_force: d.inForce ? versionJson(corpus, d.inForce, at) : null,
        designated: d.designated.map((v) => versionJson(corpus, v, at)),
        expired: d.expired ? versionJson(corpus, d.expired, at) : null,
      };
    }),
  };
}

/* ---------- evaluation ---------- */

export interface TraceJson {
  text: string;
  logic: JsonLogic;
  held: boolean;
  determined: boolean;
  facts: Record<string, unknown>;
  missing: string[];
  parts: TraceJson[];
}

export interface ResultJson {
  rule: string;
  kind: Rule['kind'];
  document: string;
  version: string;
  clause: { id: string; number: string | null };
  effect: string;
  /** Whether the rule's `applies_if` gives true. */
  applies: boolean;
  /** Whether `applies_if` gives true or false rather than "undetermined". */
  determined: boolean;
  unconditional: boolean;
  missing: string[];
  scope: TraceJson[];
  condition: TraceJson | null;
}

export interface EvalJson {
  'secdoc-api-version': ApiVersion;
  at: string;
  facts: Record<string, unknown>;
  versions: VersionJson[];
  /** Ids of the rules that apply, settled by the facts given, in result order. */
  applies: string[];
  /** Ids of the rules the facts do not settle: they read facts the file leaves out. */
  undetermined: string[];
  results: ResultJson[];
}

function traceJson(t: TraceNode): TraceJson {
  return { text: t.text, logic: t.logic, held: t.held, determined: t.determined, facts: t.facts, missing: t.missing, parts: t.parts.map(traceJson) };
}

function resultJson(r: RuleResult): ResultJson {
  return {
    rule: r.rule.id,
    kind: r.rule.kind,
    document: r.rule.document.meta.appendix,
    version: r.rule.document.meta.version,
    clause: { id: r.rule.clause.id, number: r.rule.clause.number },
    effect: r.rule.effect,
    applies: r.applies,
    determined: r.determined,
    unconditional: r.unconditional,
    missing: r.missing,
    scope: r.scope.map(traceJson),
    condition: r.condition ? traceJson(r.condition) : null,
  };
}

/** Which rules in force on `at` apply to `facts` (already validated), with their traces. */
export function evalJson(corpus: Corpus, at: string, facts: Readonly<Record<string, unknown>>, options: { doc?: string | null } = {}): EvalJson {
  const selection = selectRules(corpus, { at, doc: options.doc ?? null });
  const results = evaluateRules(selection.rules, facts).map(resultJson);
  return {
    'secdoc-api-version': API_VERSION,
    at,
    facts: { ...facts },
    versions: selection.versions.map((v) => versionJson(corpus, v, at)),
    applies: results.filter((r) => r.applies && r.determined).map((r) => r.rule),
    undetermined: results.filter((r) => !r.determined).map((r) => r.rule),
    results,
  };
}

/* ---------- changesets ---------- */

export interface RuleDiffJson {
  'secdoc-api-version': ApiVersion;
  old: { document: string; version: string };
  new: { document: string; version: string };
  added: RuleJson[];
  removed: RuleJson[];
  changed: Array<{ id: string; changes: FieldChange[]; old: RuleJson; new: RuleJson }>;
  unchanged: string[];
}

export function ruleDiffJson(corpus: Corpus, before: VersionDocument, after: VersionDocument): RuleDiffJson {
  const set = corpusRules(corpus);
  const diff = diffRules(rulesOf(set, before), rulesOf(set, after));
  return {
    'secdoc-api-version': API_VERSION,
    old: { document: before.meta.appendix, version: before.meta.version },
    new: { document: after.meta.appendix, version: after.meta.version },
    added: diff.added.map((r) => ruleJson(corpus, r)),
    removed: diff.removed.map((r) => ruleJson(corpus, r)),
    changed: diff.changed.map((c) => ({ id: c.id, changes: c.changes, old: ruleJson(corpus, c.old), new: ruleJson(corpus, c.new) })),
    unchanged: diff.unchanged.map((r) => r.id),
  };
}

/* ---------- published files ---------- */

export interface RulesFile {
  path: string;
  value: unknown;
  /** The version a rule file is for; null for the facts-file schema. */
  document: string | null;
  version: string | null;
}

/**
 * The rule files of a build, as paths under dist/ with their JSON: one rules/<APPENDIX>@<version>.json
 * per version (of the selected documents, or all), and rules/facts-file.schema.json generated from
 * facts.yaml. The static schemas under schemas/ are published beside them by the build.
 */
export function rulesFiles(corpus: Corpus, documents: ReadonlySet<string> | null = null): RulesFile[] {
  return plannedRulesFiles(corpus, documents).map(({ make, ...file }) => ({ ...file, value: make() }));
}

/** The rule files `rulesFiles` gives, each with the version it is made from and its JSON made only when asked for. */
export function plannedRulesFiles(corpus: Corpus, documents: ReadonlySet<string> | null = null): Array<Omit<RulesFile, 'value'> & { source: VersionDocument | null; make: () => unknown }> {
  const out: Array<Omit<RulesFile, 'value'> & { source: VersionDocument | null; make: () => unknown }> = [];
  for (const doc of corpus.versions) {
    const { appendix, version } = doc.meta;
    if (documents !== null && !documents.has(appendix)) continue;
    if (appendix === '?' || version === '?') continue;
    out.push({ path: `rules/${appendix}@${version}.json`, document: appendix, version, source: doc, make: () => rulesDocumentJson(corpus, doc) });
  }
  out.push({ path: 'rules/facts-file.schema.json', document: null, version: null, source: null, make: () => factsJsonSchema(corpus.facts) });
  return out;
}
