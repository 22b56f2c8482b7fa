/**
 * The direction itself as a page of the pack: its text as written, then its annexes, each linking
 * to the annex files published beside it, since the letter and its annexes are read together.
 * It is an AnnexView like any annex, so every writer sets it with the same rules.
 */
import type { ClauseDocument, DirectionMeta } from '../../model/types.js';
import { referenceAnchors, tocOf, treeBlocks } from './clean.js';
import { DEFAULT_AUTHOR, ISSUER, longDate, finishBody } from './index.js';
import { dashes, tie } from './typography.js';
import { VIEW_API_VERSION, type AnnexView, type BodyBlock, type CoverFact, type Run } from './types.js';

export interface DirectionAnnexLink {
  letter: string;
  title: string;
  /** The annex file in the format of this page, relative to it; null when this build did not make it. */
  href: string | null;
}

export function directionView(doc: ClauseDocument & { meta: DirectionMeta }, annexes: readonly DirectionAnnexLink[], options: { author?: string; ink?: AnnexView['ink'] } = {}): AnnexView {
  const meta = doc.meta;
  const body: BodyBlock[] = treeBlocks(doc, referenceAnchors(doc));
  if (annexes.length > 0) {
    body.push({ kind: 'heading', level: 1, number: null, text: [{ text: 'Annexes', bold: true }], anchor: 'annexes' });
    const title = (a: DirectionAnnexLink): Run[] => [a.href ? { text: tie(dashes(a.title)), href: a.href } : { text: tie(dashes(a.title)) }];
    body.push({ kind: 'table', indent: 0, header: [[{ text: 'Annex' }], [{ text: 'Document' }]], rows: annexes.map((a) => ({ cells: [[{ text: tie(`Annex ${a.letter}`) }], title(a)] })), widths: [] });
  }
  const finished = finishBody(body);
  // A baseline direction may record no date it was made (documents held before any direction).
  const made = meta.made ? longDate(meta.made) : 'a date not recorded';
  const facts: CoverFact[] = [{ label: 'Made', value: made }];
  facts.push({ label: 'Effective', value: meta.effective ? longDate(meta.effective) : 'Not yet fixed' });
  if (meta.designates.length > 0) facts.push({ label: 'Designates', value: meta.designates.map((d) => tie(`Appendix ${d.document} version ${d.version}`)).join('; ') });
  return {
    'secdoc-view-version': VIEW_API_VERSION,
    kind: 'clean',
    lang: 'en-GB',
    title: meta.title,
    subject: `Smart Energy Code direction of ${made}`,
    header: meta.title,
    footer: `Direction of ${made}`,
    date: meta.made,
    author: options.author ?? DEFAULT_AUTHOR,
    ink: options.ink ?? 'colour',
    cover: {
      kicker: 'Direction',
      appendix: null,
      title: meta.title,
      shortName: null,
      versionLine: tie(`Made on ${made}`),
      markedUpLine: null,
      annexTitle: null,
      issuer: ISSUER,
      facts,
    },
    history: null,
    legend: [],
    changes: [],
    changesNote: null,
    toc: tocOf(finished.body),
    layout: finished.layout,
    body: finished.body,
  };
}
