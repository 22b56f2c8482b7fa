/**
 * What a pack holds, decided from the corpus alone: a clean annex per version, a marked-up annex
 * per version that replaces a held one, each direction's lettered annexes, and the index page.
 */
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { appendixOf, findDirection, findVersion } from '../corpus/index.js';
import type { DirectionMeta } from '../model/types.js';
import type { VersionInterval } from '../time/index.js';

export type Format = 'html' | 'pdf' | 'docx' | 'json';
export const FORMATS: readonly Format[] = ['html', 'pdf', 'docx', 'json'];

export interface AnnexRef {
  letter: string;
  title: string | null;
  direction: DirectionMeta;
}

/**
 * One annex to lay out once; each requested format becomes one file `${base}.${ext}` at every
 * place. A version's annex that a direction publishes under a letter is that annex (its cover
 * says so), so the same bytes go to the version's folder and to the direction's.
 */
export interface AnnexJob {
  kind: 'clean' | 'marked-up';
  document: VersionDocument;
  /** The version it is marked up against (marked-up jobs only). */
  against: VersionDocument | null;
  /** The direction annex this is, named on the cover; null when no direction annexes it. */
  annex: AnnexRef | null;
  places: Array<{ base: string; role: 'version' | 'direction' }>;
}

export interface Selection {
  /** Appendix letters to publish; null for all. */
  documents: ReadonlySet<string> | null;
  /** Direction ids whose annexes to publish; null for all. */
  directions: ReadonlySet<string> | null;
}

export class UnknownSelectionError extends Error {}

/** `--only` takes an appendix letter, a short name, or a direction id. */
export function selectionOf(corpus: Corpus, only: string | null | undefined): Selection {
  if (!only) return { documents: null, directions: null };
  const appendix = appendixOf(corpus, only);
  if (appendix) return { documents: new Set([appendix]), directions: new Set(corpus.directions.filter((d) => d.meta.annexes.some((a) => appendixOf(corpus, a.document) === appendix)).map((d) => d.meta.id)) };
  const direction = findDirection(corpus, only);
  if (direction) {
    const docs = new Set(direction.meta.annexes.map((a) => appendixOf(corpus, a.document) ?? a.document));
    return { documents: docs, directions: new Set([direction.meta.id]) };
  }
  const known = [...new Set(corpus.versions.map((v) => v.meta.appendix)), ...corpus.directions.map((d) => d.meta.id)].join(', ');
  throw new UnknownSelectionError(`--only ${only}: no such document or direction (known: ${known || 'none'})`);
}

export const versionStem = (appendix: string, version: string) => `appendix-${appendix}-v${version}`;
export const markedUpStem = (appendix: string, version: string, against: string) => `${versionStem(appendix, version)}-marked-up-v${against}`;

export function planAnnexes(corpus: Corpus, selection: Selection): AnnexJob[] {
  const jobs: AnnexJob[] = [];
  const wanted = (appendix: string) => selection.documents === null || selection.documents.has(appendix);
  for (const doc of corpus.versions) {
    const { appendix, version, replaces } = doc.meta;
    if (!wanted(appendix)) continue;
    const folder = `${appendix}/v${version}`;
    jobs.push({ kind: 'clean', document: doc, against: null, annex: null, places: [{ base: `${folder}/${versionStem(appendix, version)}`, role: 'version' }] });
    const previous = replaces ? findVersion(corpus, appendix, replaces) : null;
    if (previous) jobs.push({ kind: 'marked-up', document: doc, against: previous, annex: null, places: [{ base: `${folder}/${markedUpStem(appendix, version, replaces!)}`, role: 'version' }] });
  }
  for (const direction of corpus.directions) {
    if (selection.directions !== null && !selection.directions.has(direction.meta.id)) continue;
    for (const a of direction.meta.annexes) {
      const doc = findVersion(corpus, a.document, a.version);
      const against = a.against ? findVersion(corpus, a.document, a.against) : null;
      // An annex naming versions that are not held is reported by validate; nothing to lay out.
      if (!doc || !wanted(doc.meta.appendix) || (a.against && !against)) continue;
      const stem = against ? markedUpStem(doc.meta.appendix, a.version, a.against!) : versionStem(doc.meta.appendix, a.version);
      const place = { base: `directions/${direction.meta.id}/annex-${a.letter}-${stem}`, role: 'direction' as const };
      const annex = { letter: a.letter, title: a.title, direction: direction.meta };
      const same = jobs.find((j) => j.document === doc && j.against === against);
      if (same && same.annex === null) {
        same.annex = annex;
        same.places.push(place);
      } else {
        // Already another annex (a second direction, or a second letter): its own cover, its own files.
        jobs.push({ kind: against ? 'marked-up' : 'clean', document: doc, against, annex, places: [place] });
      }
    }
  }
  return jobs;
}

/** `From 10 June 2022`, `2 November 2021 until 10 June 2022`, or prospective. */
export function inForceText(interval: VersionInterval | undefined, long: (iso: string) => string): string {
  if (!interval || interval.effective === null) return 'Prospective: no effective date fixed';
  return interval.until ? `${long(interval.effective)} until ${long(interval.until)}` : `From ${long(interval.effective)}`;
}
