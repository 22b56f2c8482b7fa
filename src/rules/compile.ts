/**
 * Every rule of every version in the corpus, typed, with its clause, provenance and interval in
 * force, plus the problems found on the way (malformed blocks, duplicate ids, undeclared facts,
 * clauses that do not exist, rules that did not follow a renumbered clause). Problems are data:
 * `validate` reports them on the source files, the rule commands refuse to answer over them.
 */
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { versionsOf } from '../corpus/index.js';
import { derivedFact, earlierFact } from '../corpus/derived.js';
import type { Clause, Point } from '../model/types.js';
import { walkClauses } from '../model/text.js';
import { compareVersions } from '../model/sec.js';
import { clauseIntervalIn, clauseKeys, versionInterval, versionIntervals, type VersionInterval } from '../time/index.js';
import { factProblems, factsOf, guardedTest, valueProblems } from './logic.js';
import { matchClauses } from './match.js';
import { placeRuleBlock, readRuleSource, type RuleBlockReading } from './parse.js';
import type { JsonLogic, Rule, RuleProblem } from './types.js';

/**
 * `applies_to` categories that are facts: a rule scoped to `cohorts: [IOC]` applies only when the
 * fact `cohort` is IOC. Other categories (e.g. `parties`) describe the rule and are not tested.
 */
export const SCOPE_FACTS: Readonly<Record<string, string>> = {
  cohorts: 'cohort',
  installation_types: 'installation_status',
};

export interface RuleSet {
  /** Every rule, versions in corpus order, rules in document order within a version. */
  rules: Rule[];
  problems: RuleProblem[];
  intervals: VersionInterval[];
}

const cache = new WeakMap<Corpus, RuleSet>();

/** Compile the rules of a corpus once; later calls return the same set. */
export function corpusRules(corpus: Corpus): RuleSet {
  let set = cache.get(corpus);
  if (!set) {
    set = compile(corpus);
    cache.set(corpus, set);
  }
  return set;
}

export function rulesOf(set: RuleSet, doc: VersionDocument): Rule[] {
  return set.rules.filter((r) => r.document === doc);
}

/**
 * The rules of one version and its interval, as `corpusRules` gives them, reading only that
 * version's text (its neighbours' dates come from the directions): what a build needs for one
 * version's rule file. The corpus's set is used when it was compiled already.
 */
export function versionRuleSet(corpus: Corpus, doc: VersionDocument): { rules: Rule[]; interval: VersionInterval | null } {
  const set = cache.get(corpus);
  if (set) return { rules: rulesOf(set, doc), interval: set.intervals.find((i) => i.document === doc) ?? null };
  const interval = versionInterval(corpus, doc);
  if (!interval || doc.meta.appendix === '?' || doc.meta.version === '?') return { rules: [], interval };
  return { rules: versionRules(corpus, doc, interval, []), interval };
}

function compile(corpus: Corpus): RuleSet {
  const problems: RuleProblem[] = [];
  const rules: Rule[] = [];
  const intervals = versionIntervals(corpus);
  for (const doc of corpus.versions) {
    // A version whose front matter failed has no identity to hang rules on.
    if (doc.meta.appendix === '?' || doc.meta.version === '?') continue;
    const interval = intervals.find((i) => i.document === doc)!;
    const mine = versionRules(corpus, doc, interval, problems);
    checkDuplicates(mine, problems);
    rules.push(...mine);
  }
  checkFollowed(corpus, rules, problems);
  problems.sort(byPlace);
  return { rules, problems, intervals };
}

/** A rule block's text and its reading wherever it sits (`readRuleSource`). */
type KeptBlock = [source: string, reading: RuleBlockReading];

/**
 * What each rule block of a version says, in document order: a fact of the version's text, kept
 * between runs (../corpus/derived.ts), so a version whose source is unchanged has no YAML read.
 * A version whose source changed reads again only the blocks whose text the source's earlier
 * bytes did not hold (an edit elsewhere in the file moves a block; it does not change its reading).
 */
function ruleBlocksOf(corpus: Corpus, doc: VersionDocument): RuleBlockReading[] {
  const kept = derivedFact(corpus, 'rule-blocks', doc.path, (): KeptBlock[] => {
    const before = earlierFact(corpus, 'rule-blocks', doc.path);
    const earlier = new Map(Array.isArray(before) ? (before as KeptBlock[]).filter((b) => Array.isArray(b) && typeof b[0] === 'string') : []);
    return [...walkClauses(doc.clauses)].flatMap((c) => c.annotations.map((a): KeptBlock => [a.source, earlier.get(a.source) ?? readRuleSource(a.source)]));
  });
  const fences = [...walkClauses(doc.clauses)].flatMap((c) => c.annotations.map((a) => a.position.start));
  return kept.map(([, reading], i) => placeRuleBlock(reading, fences[i]!));
}

function versionRules(corpus: Corpus, doc: VersionDocument, interval: VersionInterval, problems: RuleProblem[]): Rule[] {
  const facts = corpus.facts;
  const blocks = ruleBlocksOf(corpus, doc);
  let next = 0;
  const out: Rule[] = [];
  const byKey = clauseKeys(doc);
  const keyed = new Map<string, Clause>();
  for (const c of walkClauses(doc.clauses)) if (c.key && !keyed.has(c.key)) keyed.set(c.key, c);
  const problem = (ruleId: RuleProblem['ruleId'], reason: string, place: Point) => problems.push({ path: doc.path, ruleId, reason, place });

  for (const placedAfter of walkClauses(doc.clauses)) {
    for (const annotation of placedAfter.annotations) {
      const { fields, problems: found, places } = blocks[next++]!;
      for (const p of found) problem('rule-malformed', p.reason, p.place);
      if (!fields) continue;
      const place = (field: string) => places[field] ?? annotation.position.start;

      let clause = placedAfter;
      if (fields.clauseOverride !== null) {
        const name = fields.clauseOverride;
        const target = byKey.get(name) ?? byKey.get(name.startsWith(`${doc.id}/`) ? name.slice(doc.id.length + 1) : '') ?? keyed.get(name.replace(/^#/, ''));
        if (target) clause = target;
        else problem('rule-clause-missing', `Unexpected \`clause: ${name}\` in rule \`${fields.id}\`: ${doc.meta.appendix} v${doc.meta.version} has no Clause ${name}`, place('clause'));
      }

      const scopeLogic: JsonLogic[] = [];
      for (const [category, values] of Object.entries(fields.appliesTo)) {
        const fact = SCOPE_FACTS[category];
        if (!fact) continue;
        if (!Object.hasOwn(facts, fact)) {
          problem('rule-unknown-fact', `Unexpected \`applies_to.${category}\` in rule \`${fields.id}\`: it is tested against the fact \`${fact}\`, which facts.yaml does not declare`, place('applies_to'));
          continue;
        }
        for (const p of valueProblems(fact, values, facts, `applies_to.${category}`)) problem('rule-unknown-fact', p.message, place('applies_to'));
        scopeLogic.push({ in: [{ var: fact }, values] });
      }
      if (fields.condition !== null) {
        for (const p of factProblems(fields.condition, facts)) problem(p.kind === 'unknown-fact' ? 'rule-unknown-fact' : 'rule-malformed', p.message, place('condition'));
      }
      const parts = [...scopeLogic, ...(fields.condition === null ? [] : [fields.condition])];
      const appliesIf = guardedTest(parts.length === 0 ? true : parts.length === 1 ? parts[0]! : { and: parts });

      out.push({
        ...fields,
        scopeTests: scopeLogic,
        facts: factsOf(appliesIf),
        appliesIf,
        document: doc,
        clause,
        placedAfter,
        position: { line: annotation.position.start.line, column: annotation.position.start.column },
        interval: clauseIntervalIn(interval, clause),
      });
    }
  }
  return out;
}

function checkDuplicates(rules: readonly Rule[], problems: RuleProblem[]): void {
  const first = new Map<string, Rule>();
  for (const r of rules) {
    const seen = first.get(r.id);
    if (!seen) {
      first.set(r.id, r);
      continue;
    }
    problems.push({
      path: r.document.path,
      ruleId: 'rule-duplicate-id',
      reason: `Unexpected second rule \`${r.id}\` in ${r.document.meta.appendix} v${r.document.meta.version} (first at line ${seen.position.line}, Clause ${seen.clause.number ?? seen.clause.id}), expected each rule id once per version`,
      place: r.position,
    });
  }
}

/**
 * A rule that exists in consecutive versions must sit on the same clause in both. When that
 * clause was renumbered (matched by key or text, not by the rule) and the rule stayed on the old
 * number, the rule did not follow it.
 */
function checkFollowed(corpus: Corpus, rules: readonly Rule[], problems: RuleProblem[]): void {
  for (const appendix of new Set(corpus.versions.map((v) => v.meta.appendix))) {
    const chain = chainOf(corpus, appendix);
    for (let i = 1; i < chain.length; i++) checkFollowedPair(chain[i - 1]!, chain[i]!, rules, problems);
  }
}

/** The versions of a document in version order: a version's rules are followed from the one before it here. */
function chainOf(corpus: Corpus, appendix: string): VersionDocument[] {
  return versionsOf(corpus, appendix).slice().sort((a, b) => compareVersions(a.meta.version, b.meta.version));
}

function checkFollowedPair(before: VersionDocument, after: VersionDocument, rules: readonly Rule[], problems: RuleProblem[]): void {
  const oldRules = new Map(rules.filter((r) => r.document === before).map((r) => [r.id, r]));
  const newRules = rules.filter((r) => r.document === after && oldRules.has(r.id));
  if (newRules.length === 0) return;
  const map = matchClauses(before, after);
  for (const r of newRules) {
    const old = oldRules.get(r.id)!;
    const successor = map.get(old.clause);
    if (!successor || successor === r.clause || successor.number === old.clause.number) continue;
    const where = r.clauseOverride !== null ? `names Clause ${r.clauseOverride}` : `is placed on Clause ${r.clause.number ?? r.clause.id}`;
    problems.push({
      path: after.path,
      ruleId: 'rule-not-followed',
      reason: `Unexpected rule \`${r.id}\` that ${where}: the clause it implemented in v${before.meta.version} (Clause ${old.clause.number}) is Clause ${successor.number} in v${after.meta.version}, expected the rule to follow it (\`clause: ${successor.number}\` or move the block)`,
      place: r.position,
    });
  }
}

/** The version whose rules `doc`'s are checked against (the one before it in version order), if any. */
export function ruleChainBefore(corpus: Corpus, doc: VersionDocument): VersionDocument | null {
  const chain = chainOf(corpus, doc.meta.appendix);
  const i = chain.indexOf(doc);
  return i > 0 ? chain[i - 1]! : null;
}

/**
 * The problems `corpusRules` finds on one version, in the same order, reading only that version
 * and the one before it: what `validate` re-checks after an edit.
 */
export function versionRuleProblems(corpus: Corpus, doc: VersionDocument): RuleProblem[] {
  const rulesOf = (d: VersionDocument, problems: RuleProblem[]): Rule[] => {
    if (d.meta.appendix === '?' || d.meta.version === '?') return [];
    const mine = versionRules(corpus, d, versionInterval(corpus, d)!, problems);
    checkDuplicates(mine, problems);
    return mine;
  };
  const problems: RuleProblem[] = [];
  const mine = rulesOf(doc, problems);
  const before = ruleChainBefore(corpus, doc);
  if (before && mine.length > 0) checkFollowedPair(before, doc, [...rulesOf(before, []), ...mine], problems);
  return problems.sort(byPlace);
}

const byPlace = (a: RuleProblem, b: RuleProblem) => a.path.localeCompare(b.path) || a.place.line - b.place.line || a.place.column - b.place.column || a.reason.localeCompare(b.reason);
