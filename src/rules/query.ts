/**
 * Questions over the compiled rules: which rules are in force on a date (for one document or
 * all), and which of them apply to a set of facts, with the trace of why.
 */
import { appendixOf, findVersion, parseRef, type Corpus } from '../corpus/index.js';
import { contains, statusOn, versionsAt, type VersionInterval } from '../time/index.js';
import { corpusRules } from './compile.js';
import { answerOf, trace, UNDETERMINED, type TraceNode } from './logic.js';
import type { Rule } from './types.js';

/** A question the corpus cannot answer as asked: unknown document or version. */
export class QueryError extends Error {}

export interface RuleSelection {
  /** The date asked about; null for "every rule of the version", with no date filter. */
  at: string | null;
  /** The document asked about (appendix letter), or null for all documents. */
  document: string | null;
  /** The version asked about, when the question named one. */
  version: string | null;
  /** The versions whose rules were considered. */
  versions: VersionInterval[];
  rules: Rule[];
}

/**
 * The rules in force on `at` (all documents, or `doc`: a letter, a short name or DOC@VERSION).
 * With a DOC@VERSION and no date, every rule of that version.
 */
export function selectRules(corpus: Corpus, options: { at?: string | null; doc?: string | null }): RuleSelection {
  const at = options.at ?? null;
  const set = corpusRules(corpus);
  let document: string | null = null;
  let version: string | null = null;
  let versions: VersionInterval[];
  if (options.doc) {
    const ref = parseRef(options.doc);
    document = appendixOf(corpus, ref ? ref.document : options.doc);
    if (!document) throw new QueryError(`no document ${options.doc} (known: ${knownDocuments(corpus)})`);
    if (ref) {
      const found = findVersion(corpus, ref.document, ref.version);
      if (!found) throw new QueryError(`no version ${ref.version} of ${document} (held: ${set.intervals.filter((i) => i.appendix === document).map((i) => i.version).join(', ')})`);
      version = ref.version;
      versions = set.intervals.filter((i) => i.document === found && (at === null || statusOn(i, at) === 'in-force'));
    } else {
      if (at === null) throw new QueryError(`--doc ${options.doc} needs a date (--at) or a version (${document}@VERSION)`);
      versions = versionsAt(corpus, at).filter((d) => d.appendix === document).flatMap((d) => (d.inForce ? [d.inForce] : []));
    }
  } else {
    if (at === null) throw new QueryError('a date is needed to choose the versions in force');
    versions = versionsAt(corpus, at).flatMap((d) => (d.inForce ? [d.inForce] : []));
  }
  const docs = new Set(versions.map((v) => v.document));
  const rules = set.rules.filter((r) => docs.has(r.document) && (at === null || contains(r.interval, at)));
  return { at, document, version, versions, rules };
}

export function knownDocuments(corpus: Corpus): string {
  const names = new Map<string, string | null>();
  for (const v of corpus.versions) names.set(v.meta.appendix, v.meta.shortName);
  return [...names].map(([a, s]) => (s ? `${a} (${s})` : a)).join(', ') || 'none';
}

export interface RuleResult {
  rule: Rule;
  /** Whether the rule's `appliesIf` gives true: the facts given settle that the rule applies. */
  applies: boolean;
  /** Whether `appliesIf` gives true or false rather than "undetermined": the facts given settle
   * the answer whatever the missing facts would be. */
  determined: boolean;
  /** Neither scope nor condition: the rule holds whatever the facts. */
  unconditional: boolean;
  /** One trace per `applies_to` category that is tested against a fact. */
  scope: TraceNode[];
  condition: TraceNode | null;
  /** Facts the rule reads that the facts file leaves out. */
  missing: string[];
}

export function evaluateRules(rules: readonly Rule[], facts: Readonly<Record<string, unknown>>): RuleResult[] {
  return rules.map((rule) => {
    const scope = rule.scopeTests.map((p) => trace(p, facts));
    const condition = rule.condition === null ? null : trace(rule.condition, facts);
    const answer = answerOf(rule.appliesIf, facts);
    return {
      rule,
      applies: answer === true,
      determined: answer !== UNDETERMINED,
      unconditional: scope.length === 0 && condition === null,
      scope,
      condition,
      missing: rule.facts.filter((f) => !Object.hasOwn(facts, f)),
    };
  });
}
