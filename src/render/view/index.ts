/**
 * Build the annex view model from a clause tree (clean) or from a clause tree and its redline
 * (marked up). Dates, direction and annex details come in as data from the caller, so this stage
 * reads no corpus and no clock.
 */
import type { Block, ClauseDocument, Section, VersionMeta } from '../../model/types.js';
import type { DocumentDiff } from '../../model/change.js';
import { clauseText, inlineText, walkClauses } from '../../model/text.js';
import { referenceAnchors, tocOf, treeBlocks } from './clean.js';
import { markedUpBody } from './redline.js';
import { VIEW_API_VERSION, type AnnexView, type CoverFact, type HistoryTable, type LegendEntry } from './types.js';

export * from './types.js';
export { anchorOf } from './clean.js';

export type VersionDoc = ClauseDocument & { meta: VersionMeta };

export interface DirectionRef {
  id: string;
  title: string;
  /** ISO date the direction was made; null where the record does not hold it. */
  made: string | null;
}

export interface ViewInput {
  document: VersionDoc;
  /** ISO date of designation (the direction's date), if known. */
  designated: string | null;
  /** ISO date from which the version is in force; null while prospective. */
  effective: string | null;
  /** The direction that designates this version. */
  direction: DirectionRef | null;
  /** Set when the view is one of a direction's lettered annexes. */
  annex?: { letter: string; title: string | null; direction: DirectionRef } | null;
  /** Set for a marked-up annex: the version it is marked up against and the redline to it. */
  against?: { document: VersionDoc; diff: DocumentDiff } | null;
  /** Author of tracked changes and document properties. */
  author?: string;
}

export const DEFAULT_AUTHOR = 'secdoc';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-06-10` -> `10 June 2022`, the way the SEC writes dates. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function buildView(input: ViewInput): AnnexView {
  const { document: doc, against } = input;
  const meta = doc.meta;
  const markedUp = Boolean(against);
  const refs = referenceAnchors(doc);
  const { body, changes } = against ? markedUpBody(against.diff, refs) : { body: treeBlocks(doc, refs), changes: [] };
  const name = meta.shortName ? `${meta.title} (${meta.shortName})` : meta.title;
  const versionText = `v${meta.version}`;
  const againstText = against ? `v${against.document.meta.version}` : null;

  const facts: CoverFact[] = [];
  if (input.designated) facts.push({ label: 'Designation date', value: longDate(input.designated) });
  // A direction with no date on record is the baseline: its effective date is where the record starts, not the SEC's.
  const undated = input.direction !== null && input.direction.made === null;
  facts.push({ label: 'Effective date', value: undated ? 'Not recorded' : input.effective ? longDate(input.effective) : 'Not yet fixed (designated prospectively)' });
  if (input.direction?.made) facts.push({ label: 'Designated by', value: `${input.direction.title} (${longDate(input.direction.made)})` });
  if (againstText) facts.push({ label: 'Compared with', value: `${meta.appendix} ${againstText}, the version this one replaces` });
  if (meta.classification) facts.push({ label: 'Classification', value: meta.classification });

  const annex = input.annex ?? null;
  const heading = `Appendix ${meta.appendix}: ${meta.shortName ?? meta.title} ${versionText}${againstText ? ` (marked up against ${againstText})` : ''}`;
  return {
    'secdoc-view-version': VIEW_API_VERSION,
    kind: markedUp ? 'marked-up' : 'clean',
    lang: 'en-GB',
    title: `${annex ? `Annex ${annex.letter}: ` : ''}Appendix ${meta.appendix} ${name} ${versionText}${againstText ? `, marked up against ${againstText}` : ''}`,
    subject: `Smart Energy Code, Appendix ${meta.appendix}, ${meta.title}, version ${meta.version}`,
    header: heading,
    // Short enough for one footer line beside "Page x of y" in every writer.
    footer: annex?.direction.made ? `Annex ${annex.letter} to the direction of ${longDate(annex.direction.made)}` : `Appendix ${meta.appendix} ${versionText}${againstText ? ` marked up against ${againstText}` : ''}`,
    date: annexDate(input),
    author: input.author ?? DEFAULT_AUTHOR,
    cover: {
      kicker: annex ? `Annex ${annex.letter}` : `Appendix ${meta.appendix}`,
      appendix: `Appendix ${meta.appendix}`,
      title: meta.title,
      shortName: meta.shortName,
      versionLine: `Version ${versionText}`,
      markedUpLine: againstText ? `Marked up against ${againstText}` : null,
      annexTitle: annex?.title ?? null,
      facts,
    },
    history: historyTable(doc, against?.document ?? null),
    legend: markedUp ? LEGEND : [],
    changes,
    toc: tocOf(body),
    body,
  };
}

type AnnexDates = Pick<ViewInput, 'designated' | 'effective'>;

/** The date a page and its tracked changes carry: the designation, else the day in force. */
function annexDate(d: AnnexDates): string | null {
  return d.designated ?? d.effective;
}

/**
 * A marked-up comparison of any two documents the parser reads (`secdoc diff --format html`,
 * `pdf` or `docx`): the same pages as a marked-up annex, with a cover that names the two files
 * compared instead of a designation. Outside the SEC there is no appendix, version or direction.
 * `designation`: the new version's dates, when it is a designated version (they date the page and
 * Word's tracked changes, as in its annex).
 */
export function comparisonView(
  diff: DocumentDiff,
  { author = DEFAULT_AUTHOR, designation = null }: { author?: string; designation?: AnnexDates | null } = {},
): AnnexView {
  const oldDoc = diff.old.document;
  const newDoc = diff.new.document;
  const { body, changes } = markedUpBody(diff, referenceAnchors(newDoc));
  // Cover lines and running heads name a file by its base name; the facts give the paths as given.
  const label = (d: ClauseDocument) => (d.meta.kind === 'version' ? `${d.meta.appendix} v${d.meta.version}` : baseName(d.path));
  const meta = newDoc.meta;
  const version = meta.kind === 'version' ? meta : null;
  const title = meta.kind === 'plain' ? (meta.title ?? newDoc.id) : meta.title;
  const compared = `${label(newDoc)} marked up against ${label(oldDoc)}`;
  return {
    'secdoc-view-version': VIEW_API_VERSION,
    kind: 'marked-up',
    lang: languageOf(newDoc),
    title: `${title}: ${compared}`,
    subject: title,
    header: `${title}: ${compared}`,
    footer: compared,
    date: designation && annexDate(designation),
    author,
    cover: {
      kicker: 'Marked-up comparison',
      appendix: version ? `Appendix ${version.appendix}` : null,
      title,
      shortName: version?.shortName ?? null,
      versionLine: version ? `Version v${version.version}` : label(newDoc),
      markedUpLine: `Marked up against ${version && oldDoc.meta.kind === 'version' ? `v${oldDoc.meta.version}` : label(oldDoc)}`,
      annexTitle: null,
      facts: [
        { label: 'Old', value: oldDoc.path },
        { label: 'New', value: newDoc.path },
      ],
    },
    history: historyTable(newDoc, oldDoc),
    legend: LEGEND,
    changes,
    toc: tocOf(body),
    body,
  };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * The page language, for screen readers and hyphenation: English for the SEC, a front-matter
 * `lang` if the source has one, else German when German function words outnumber English ones
 * in the opening text.
 */
function languageOf(doc: ClauseDocument): string {
  const meta = doc.meta;
  if (meta.kind !== 'plain') return 'en-GB';
  if (typeof meta.frontMatter?.lang === 'string') return meta.frontMatter.lang;
  let sample = '';
  for (const clause of walkClauses(doc.clauses)) {
    sample += ` ${clauseText(clause)}`;
    if (sample.length > 4000) break;
  }
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  return count(/\b(?:der|die|das|und|nach|wird)\b/g) > count(/\b(?:the|and|of|shall|to)\b/g) ? 'de' : 'en';
}

const LEGEND: LegendEntry[] = [
  { sample: [{ text: 'inserted text', mark: 'ins' }], description: 'Text inserted by this version: underlined (blue on screen).' },
  { sample: [{ text: 'deleted text', mark: 'del' }], description: 'Text deleted by this version: struck through (red on screen).' },
  { sample: [{ text: '18.12', mark: 'del' }, { text: '18.13', mark: 'ins' }], description: 'A renumbered clause: old number struck through, new number underlined, with a "Formerly" note.' },
  { sample: [{ text: '[Moved from Clause 7]' }], description: 'A clause moved to another place: a note names where it was.' },
  { sample: [{ text: 'Change bar' }], description: 'Every changed clause has a bar in the left margin.' },
];

/** The version-history table of the source, with rows new since `old` marked as inserted. */
function historyTable(doc: ClauseDocument, old: ClauseDocument | null): HistoryTable | null {
  const table = historyOf(doc.sections);
  if (!table) return null;
  const oldRows = new Set((old ? historyOf(old.sections)?.rows ?? [] : []).map((r) => r.map((c) => inlineText(c.children).trim()).join('\u0000')));
  return {
    header: table.header.map((c) => inlineText(c.children).trim()),
    rows: table.rows.map((r) => {
      const cells = r.map((c) => inlineText(c.children).trim());
      return old && !oldRows.has(cells.join('\u0000')) ? { cells, mark: 'ins' as const } : { cells };
    }),
  };
}

function historyOf(sections: readonly Section[]): Extract<Block, { type: 'table' }> | null {
  const section = sections.find((s) => /history/i.test(s.heading));
  const table = section?.content.find((b) => b.type === 'table');
  return table?.type === 'table' ? table : null;
}
