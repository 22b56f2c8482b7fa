/**
 * One clause through every version of its document: the number it had, whether its text changed,
 * when each version was designated and in force, and the rules on it. The clause is followed
 * across versions by the redline's alignment (./correspondence.ts), so `history` and `diff` say
 * the same about it; where the redline lost it, by its stable key or rule ids.
 */
import { appendixOf, parseRef, versionsOf, type Corpus, type VersionDocument } from '../corpus/index.js';
import type { Clause } from '../model/types.js';
import { clauseText, walkClauses } from '../model/text.js';
import { compareVersions } from '../model/sec.js';
import { clauseIntervalIn, clauseKeys, statusOn, type ClauseInterval, type VersionInterval } from '../time/index.js';
import { corpusRules } from './compile.js';
import { correspondence } from './correspondence.js';
import { knownDocuments, QueryError } from './query.js';
import type { Rule } from './types.js';

/** `present`: in the first version held, so nothing to compare with. */
export type ClauseChangeKind = 'present' | 'added' | 'unchanged' | 'amended' | 'renumbered' | 'removed' | 'absent';

export interface HistoryEntry {
  version: VersionInterval;
  clause: Clause | null;
  /** Against the previous version: new here, the same, text changed, number changed, gone. */
  change: ClauseChangeKind;
  /** Whether the clause's own text differs from the previous version's (also when renumbered). */
  textChanged: boolean;
  previousNumber: string | null;
  /** The clause's interval in force (the version's, narrowed by commencement or expiry text). */
  interval: ClauseInterval | null;
  rules: Rule[];
}

export interface ClauseHistory {
  appendix: string;
  /** The clause as asked for: a number, a stable key or a rule id. */
  query: string;
  /** Where the query was found: the newest version holding it, or the version the REF named. */
  anchor: { version: string; clause: Clause; matchedBy: 'number' | 'key' | 'rule' };
  entries: HistoryEntry[];
}

/**
 * `at`: read a clause number as of this date, in the version then in force (a number may name
 * another clause in a later version); without it, or with none in force, the newest holding it.
 */
export function clauseHistory(corpus: Corpus, doc: string, query: string, options: { at?: string } = {}): ClauseHistory {
  const ref = parseRef(doc);
  const appendix = appendixOf(corpus, ref ? ref.document : doc);
  if (!appendix) throw new QueryError(`no document ${doc} (known: ${knownDocuments(corpus)})`);
  const chain = versionsOf(corpus, appendix).slice().sort((a, b) => compareVersions(a.meta.version, b.meta.version));
  const set = corpusRules(corpus);
  const rulesOn = (version: VersionDocument) => (c: Clause) => set.rules.filter((r) => r.document === version && r.clause === c);

  const inForce = options.at === undefined ? undefined : set.intervals.find((i) => i.appendix === appendix && statusOn(i, options.at!) === 'in-force')?.document;
  const newestFirst = chain.slice().reverse();
  const searchIn = ref ? chain.filter((v) => v.meta.version === ref.version) : inForce ? [inForce, ...newestFirst.filter((v) => v !== inForce)] : newestFirst;
  if (ref && searchIn.length === 0) throw new QueryError(`no version ${ref.version} of ${appendix} (held: ${chain.map((v) => v.meta.version).join(', ')})`);
  let anchor: ClauseHistory['anchor'] | null = null;
  let anchorIndex = -1;
  for (const version of searchIn) {
    const found = locate(version, query, set.rules);
    if (found) {
      anchor = { version: version.meta.version, ...found };
      anchorIndex = chain.indexOf(version);
      break;
    }
  }
  if (!anchor) throw new QueryError(`no clause, stable key or rule id ${query} in ${ref ? `${appendix} v${ref.version}` : `any version of ${appendix}`}`);

  const clauses: Array<Clause | null> = chain.map(() => null);
  clauses[anchorIndex] = anchor.clause;
  const ids = (version: VersionDocument, c: Clause) => rulesOn(version)(c).map((r) => r.id);
  const match = (i: number) => correspondence(chain[i]!, chain[i + 1]!);
  // The anchor's identity, to pick the clause up again if it disappears for a version.
  const keyOf = anchor.clause.key;
  const ruleIds = new Set(ids(chain[anchorIndex]!, anchor.clause));
  const relocate = (version: VersionDocument): Clause | null => {
    for (const c of walkClauses(version.clauses)) if (keyOf !== null && c.key === keyOf) return c;
    for (const r of set.rules) if (r.document === version && ruleIds.has(r.id)) return r.clause;
    return null;
  };
  for (let i = anchorIndex + 1; i < chain.length; i++) {
    const prev = clauses[i - 1];
    clauses[i] = (prev ? match(i - 1).forward.get(prev) : undefined) ?? (prev && match(i - 1).change.has(prev) ? null : relocate(chain[i]!));
  }
  for (let i = anchorIndex - 1; i >= 0; i--) {
    const next = clauses[i + 1];
    clauses[i] = (next ? match(i).backward.get(next) : undefined) ?? (next && match(i).change.has(next) ? null : relocate(chain[i]!));
  }

  const entries = chain.map((version, i): HistoryEntry => {
    const interval = set.intervals.find((v) => v.document === version)!;
    const clause = clauses[i]!;
    const before = i > 0 ? clauses[i - 1]! : null;
    const textChanged = clause !== null && before !== null && normalised(clause) !== normalised(before);
    let change: ClauseChangeKind;
    if (clause === null) change = before !== null ? 'removed' : 'absent';
    else if (before === null) change = i === 0 ? 'present' : 'added';
    else if (before.number !== clause.number) change = 'renumbered';
    else change = textChanged ? 'amended' : 'unchanged';
    return {
      version: interval,
      clause,
      change,
      textChanged,
      previousNumber: clause && before && before.number !== clause.number ? before.number : null,
      interval: clause ? clauseIntervalIn(interval, clause) : null,
      rules: clause ? rulesOn(version)(clause) : [],
    };
  });
  return { appendix, query, anchor, entries };
}

function locate(version: VersionDocument, query: string, rules: readonly Rule[]): { clause: Clause; matchedBy: 'number' | 'key' | 'rule' } | null {
  const name = query.replace(/^Clause\s+/i, '').trim();
  const byNumber = clauseKeys(version).get(name);
  if (byNumber) return { clause: byNumber, matchedBy: 'number' };
  const key = name.replace(/^\{?#/, '').replace(/\}$/, '');
  for (const c of walkClauses(version.clauses)) if (c.key === key) return { clause: c, matchedBy: 'key' };
  const rule = rules.find((r) => r.document === version && r.id === name);
  if (rule) return { clause: rule.clause, matchedBy: 'rule' };
  return null;
}

function normalised(c: Clause): string {
  return `${c.heading ?? ''}\n${clauseText(c)}`.replace(/\s+/g, ' ').trim();
}
