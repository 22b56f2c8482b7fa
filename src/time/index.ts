/**
 * Effective dates. A version is in force from the effective date its direction gives until the
 * effective date of the next version of the same document. The designation (direction made) date
 * and the effective date are kept apart; a version with no effective date yet is prospective.
 * Dates are ISO `YYYY-MM-DD` strings, which order correctly as text. No clock is read here.
 */
import type { Corpus, DirectionDocument, VersionDocument } from '../corpus/index.js';
import { findDirection, versionsOf } from '../corpus/index.js';

export interface VersionInterval {
  appendix: string;
  version: string;
  document: VersionDocument;
  direction: DirectionDocument | null;
  /** The date the designating direction was made. */
  designated: string | null;
  /** In force from this date (inclusive); null while prospective. */
  effective: string | null;
  /** In force until this date (exclusive): the next version's effective date. */
  until: string | null;
}

export type Status = 'in-force' | 'superseded' | 'prospective' | 'not-yet-in-force';

export function designationOf(corpus: Corpus, doc: VersionDocument): { direction: DirectionDocument | null; effective: string | null } {
  const direction = findDirection(corpus, doc.meta.designatedBy);
  if (!direction) return { direction: null, effective: null };
  const entry = direction.meta.designates.find((d) => d.document === doc.meta.appendix && d.version === doc.meta.version);
  return { direction, effective: entry?.effective ?? direction.meta.effective };
}

/** Every version of every document with its interval in force. */
export function versionIntervals(corpus: Corpus): VersionInterval[] {
  const out: VersionInterval[] = [];
  const appendices = [...new Set(corpus.versions.map((v) => v.meta.appendix))];
  for (const appendix of appendices) {
    const versions = versionsOf(corpus, appendix).map((doc) => {
      const { direction, effective } = designationOf(corpus, doc);
      return { appendix, version: doc.meta.version, document: doc, direction, designated: direction?.meta.made ?? null, effective, until: null as string | null };
    });
    const dated = versions.filter((v) => v.effective !== null).sort((a, b) => a.effective!.localeCompare(b.effective!));
    for (let i = 0; i < dated.length; i++) dated[i]!.until = dated[i + 1]?.effective ?? null;
    out.push(...versions);
  }
  return out;
}

export function statusOn(interval: VersionInterval, date: string): Status {
  if (interval.effective === null) return 'prospective';
  if (date < interval.effective) return 'not-yet-in-force';
  if (interval.until !== null && date >= interval.until) return 'superseded';
  return 'in-force';
}

/** The version of each document in force on `date` (documents with none are left out). */
export function versionsInForce(corpus: Corpus, date: string): VersionInterval[] {
  return versionIntervals(corpus).filter((v) => statusOn(v, date) === 'in-force');
}
