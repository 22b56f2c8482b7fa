/**
 * Effective dates. A version is in force from the effective date its direction gives until the
 * effective date of the next version of the same document. The designation (direction made) date
 * and the effective date are kept apart; a version with no effective date yet is prospective.
 * Text inside a version may end it earlier ("This Document shall cease to have effect on ...") and
 * may narrow single clauses (see ./clauses.ts). Dates are ISO `YYYY-MM-DD` strings, which order
 * correctly as text. No clock is read here: every date is the caller's.
 */
import type { Corpus, DirectionDocument, VersionDocument } from '../corpus/index.js';
import { findDirection, versionsOf } from '../corpus/index.js';
import { derivedFact } from '../corpus/derived.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { clauseInterval, clauseTimings, type ClauseInterval, type ClauseTiming, type Interval } from './clauses.js';

export { clauseInterval, clauseKeys, contains, sentences, intersect, isEmpty, ancestry, type ClauseInterval, type ClauseTiming, type Interval } from './clauses.js';
export { addDays, findDates, findDurations, isIsoDate, parseDatePhrase, ISO_DURATION, type DateMention, type DurationMention, type DurationUnit } from './dates.js';

export interface VersionInterval {
  appendix: string;
  version: string;
  document: VersionDocument;
  direction: DirectionDocument | null;
  /** The date the designating direction was made. */
  designated: string | null;
  /** In force from this date (inclusive); null while prospective. */
  effective: string | null;
  /** In force until this date (exclusive): the next version's effective date, or the day the
   * document's own text says it ceases to have effect, whichever is earlier. */
  until: string | null;
  /** The document's own expiry statement, when it ends the version before any successor. */
  expiry: ClauseTiming | null;
}

export type Status = 'in-force' | 'superseded' | 'expired' | 'prospective' | 'not-yet-in-force';

export function designationOf(corpus: Corpus, doc: VersionDocument): { direction: DirectionDocument | null; effective: string | null } {
  const direction = findDirection(corpus, doc.meta.designatedBy);
  if (!direction) return { direction: null, effective: null };
  const entry = direction.meta.designates.find((d) => d.document === doc.meta.appendix && d.version === doc.meta.version);
  return { direction, effective: entry?.effective ?? direction.meta.effective };
}

const timingsCache = new WeakMap<ClauseDocument, ClauseTiming[]>();

/** Commencement and expiry statements in a version's text (computed once per parsed document). */
export function timingsOf(doc: ClauseDocument): ClauseTiming[] {
  let t = timingsCache.get(doc);
  if (!t) {
    t = clauseTimings(doc);
    timingsCache.set(doc, t);
  }
  return t;
}

/** Every version of every document with its interval in force. */
export function versionIntervals(corpus: Corpus): VersionInterval[] {
  const out: VersionInterval[] = [];
  const appendices = [...new Set(corpus.versions.map((v) => v.meta.appendix))];
  for (const appendix of appendices) {
    const versions = datedIntervals(corpus, appendix);
    for (const v of versions) applyExpiry(corpus, v);
    out.push(...versions);
  }
  return out;
}

/** The interval of one version, reading no other version's text (its neighbours' dates come from the directions). */
export function versionInterval(corpus: Corpus, doc: VersionDocument): VersionInterval | null {
  const found = datedIntervals(corpus, doc.meta.appendix).find((i) => i.document === doc);
  if (found) applyExpiry(corpus, found);
  return found ?? null;
}

/** The versions of one document with the dates their directions give, each until the next takes effect. */
function datedIntervals(corpus: Corpus, appendix: string): VersionInterval[] {
  const versions: VersionInterval[] = versionsOf(corpus, appendix).map((doc) => {
    const { direction, effective } = designationOf(corpus, doc);
    return { appendix, version: doc.meta.version, document: doc, direction, designated: direction?.meta.made ?? null, effective, until: null, expiry: null };
  });
  const dated = versions.filter((v) => v.effective !== null).sort((a, b) => a.effective!.localeCompare(b.effective!));
  for (let i = 0; i < dated.length; i++) dated[i]!.until = dated[i + 1]?.effective ?? null;
  return versions;
}

/** The statement in a version's text that ends the whole version first, if any. */
function ownExpiry(doc: VersionDocument): ClauseTiming | undefined {
  return timingsOf(doc)
    .filter((t) => t.scope === 'document' && t.kind === 'expiry')
    .sort((a, b) => a.date.localeCompare(b.date))[0];
}

/**
 * Only an expiry of the whole document shortens a version; its start belongs to the direction.
 * The expiry's date is a fact of the version's text, kept between runs (../corpus/derived.ts):
 * a version whose source is unchanged has its tree read only when its expiry statement itself
 * is asked for.
 */
function applyExpiry(corpus: Corpus, v: VersionInterval): void {
  const date = derivedFact(corpus, 'expiry', v.document.path, () => ownExpiry(v.document)?.date ?? null);
  if (date === null || (v.until !== null && date >= v.until)) return;
  v.until = date;
  let expiry: ClauseTiming | undefined;
  Object.defineProperty(v, 'expiry', { get: () => (expiry ??= ownExpiry(v.document)!), enumerable: true, configurable: true });
}

export function statusOn(interval: VersionInterval, date: string): Status {
  if (interval.effective === null) return 'prospective';
  if (date < interval.effective) return 'not-yet-in-force';
  if (interval.until !== null && date >= interval.until) return interval.expiry ? 'expired' : 'superseded';
  return 'in-force';
}

/** The version of each document in force on `date` (documents with none are left out). */
export function versionsInForce(corpus: Corpus, date: string): VersionInterval[] {
  return versionIntervals(corpus).filter((v) => statusOn(v, date) === 'in-force');
}

export interface DocumentAt {
  appendix: string;
  /** The version in force on the date; null before the first one takes effect or after expiry. */
  inForce: VersionInterval | null;
  /** Versions already designated on the date (direction made) but not in force: either with a
   * later effective date or with none fixed yet (prospective). */
  designated: VersionInterval[];
  /** When none is in force because the latest version's own text ended it: that version. */
  expired: VersionInterval | null;
}

/** Every document held, with its version in force on `date` and any designated ahead of it. */
export function versionsAt(corpus: Corpus, date: string): DocumentAt[] {
  const intervals = versionIntervals(corpus);
  const appendices = [...new Set(intervals.map((i) => i.appendix))].sort();
  return appendices.map((appendix) => {
    const mine = intervals.filter((i) => i.appendix === appendix);
    const inForce = mine.find((i) => statusOn(i, date) === 'in-force') ?? null;
    const ended = mine.filter((i) => statusOn(i, date) === 'expired').sort((a, b) => (a.until! < b.until! ? -1 : 1)).at(-1) ?? null;
    // An expiry that a later version has since replaced is history, not the state on the date.
    const expired = inForce === null && ended && !mine.some((i) => i.effective !== null && i.effective > ended.effective! && i.effective <= date) ? ended : null;
    return {
      appendix,
      inForce,
      expired,
      designated: mine.filter((i) => {
        const s = statusOn(i, date);
        return (s === 'not-yet-in-force' || s === 'prospective') && i.designated !== null && i.designated <= date;
      }),
    };
  });
}

/** The version interval of one document version. */
export function intervalOf(corpus: Corpus, doc: VersionDocument): VersionInterval | null {
  return versionIntervals(corpus).find((i) => i.document === doc) ?? null;
}

/** The interval of one clause of a version: the version's, narrowed by what the text says. */
export function clauseIntervalIn(version: VersionInterval, clause: Clause): ClauseInterval {
  const base: Interval = { from: version.effective, until: version.until };
  return clauseInterval(version.document, clause, base, timingsOf(version.document));
}
