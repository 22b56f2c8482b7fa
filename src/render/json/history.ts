/** The JSON of `secdoc history`: one clause through every version, with dates, status and rules. */
import type { Corpus } from '../../corpus/index.js';
import type { Clause } from '../../model/types.js';
import { clauseText } from '../../model/text.js';
import { clauseHistory } from '../../rules/history.js';
import { contains, statusOn, type ClauseInterval, type Status } from '../../time/index.js';
import { intervalJson, versionJson, type RuleJson, type VersionJson } from './rules.js';
import { API_VERSION } from './tree.js';

type ApiVersion = readonly [number, number];

export type ClauseStatus = Status | 'absent';

export interface HistoryJson {
  'secdoc-api-version': ApiVersion;
  document: string;
  query: string;
  /** The date statuses are given for. */
  at: string;
  anchor: { version: string; clause: { id: string; number: string | null }; matched_by: 'number' | 'key' | 'rule' };
  entries: Array<{
    version: VersionJson;
    clause: { id: string; number: string | null; key: string | null; heading: string | null; text: string } | null;
    change: string;
    text_changed: boolean;
    previous_number: string | null;
    in_force: RuleJson['in_force'] | null;
    /** The clause's status on `at`: its version's, unless its own commencement or expiry says otherwise. */
    status: ClauseStatus;
    rules: string[];
  }>;
}

export function historyJson(corpus: Corpus, doc: string, clause: string, at: string): HistoryJson {
  const h = clauseHistory(corpus, doc, clause, { at });
  return {
    'secdoc-api-version': API_VERSION,
    document: h.appendix,
    query: h.query,
    at,
    anchor: { version: h.anchor.version, clause: { id: h.anchor.clause.id, number: h.anchor.clause.number }, matched_by: h.anchor.matchedBy },
    entries: h.entries.map((e) => ({
      version: versionJson(corpus, e.version, at),
      clause: e.clause ? clauseJson(e.clause) : null,
      change: e.change,
      text_changed: e.textChanged,
      previous_number: e.previousNumber,
      in_force: e.interval ? intervalJson(e.interval) : null,
      status: e.clause === null || e.interval === null ? 'absent' : clauseStatus(statusOn(e.version, at), e.interval, at),
      rules: e.rules.map((r) => r.id),
    })),
  };
}

function clauseJson(c: Clause): NonNullable<HistoryJson['entries'][number]['clause']> {
  return { id: c.id, number: c.number, key: c.key, heading: c.heading, text: clauseText(c) };
}

function clauseStatus(version: Status, interval: ClauseInterval, at: string): Status {
  if (version !== 'in-force' || contains(interval, at)) return version;
  return interval.from !== null && at < interval.from ? 'not-yet-in-force' : 'expired';
}
