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
import { columnShares, dashes, numberColumns, tie, tieRuns } from './typography.js';
import { VIEW_API_VERSION, type AnnexView, type BodyBlock, type ChangeRow, type CoverFact, type HistoryTable, type Layout, type LegendEntry, type Run } from './types.js';

export * from './types.js';
export { anchorOf } from './clean.js';
export { NBSP, tie } from './typography.js';

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
  /** `black`: the print variant's marks (see AnnexView.ink). */
  ink?: AnnexView['ink'];
}

export const DEFAULT_AUTHOR = 'secdoc';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-06-10` -> `10 June 2022`, the way the SEC writes dates, with non-breaking spaces. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return tie(`${d} ${MONTHS[(m ?? 1) - 1]} ${y}`);
}

/**
 * Who issues a designated version: the Secretary of State designates SEC subsidiary documents by
 * direction (SEC Section X5); a version with no direction held names no issuer.
 */
export const ISSUER = 'Issued by the Secretary of State under Section X5 of the Smart Energy Code';

export function buildView(input: ViewInput): AnnexView {
  const { document: doc, against } = input;
  const meta = doc.meta;
  const markedUp = Boolean(against);
  const refs = referenceAnchors(doc);
  const built = against ? markedUpBody(against.diff, refs) : { body: treeBlocks(doc, refs), changes: [] };
  const { body, layout } = finishBody(built.body);
  const changes = built.changes;
  const name = meta.shortName ? `${meta.title} (${meta.shortName})` : meta.title;
  const versionText = tie(`v${meta.version}`);
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
    ink: input.ink ?? 'colour',
    cover: {
      kicker: annex ? tie(`Annex ${annex.letter}`) : tie(`Appendix ${meta.appendix}`),
      appendix: tie(`Appendix ${meta.appendix}`),
      title: meta.title,
      shortName: meta.shortName,
      versionLine: tie(`Version ${meta.version}`),
      markedUpLine: againstText ? tie(`Marked up against version ${against!.document.meta.version}`) : null,
      annexTitle: annex?.title ? tie(dashes(annex.title)) : null,
      issuer: input.direction || annex ? ISSUER : null,
      facts,
    },
    history: historyTable(doc, against?.document ?? null),
    legend: markedUp ? legendOf(body, changes) : [],
    changes,
    changesNote: against ? changesNote(changes.length, against.diff.summary.changed) : null,
    toc: tocOf(body),
    layout,
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
  { author = DEFAULT_AUTHOR, designation = null, ink = 'colour' }: { author?: string; designation?: AnnexDates | null; ink?: AnnexView['ink'] } = {},
): AnnexView {
  const oldDoc = diff.old.document;
  const newDoc = diff.new.document;
  const built = markedUpBody(diff, referenceAnchors(newDoc));
  const { body, layout } = finishBody(built.body);
  const changes = built.changes;
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
    ink,
    cover: {
      kicker: 'Marked-up comparison',
      appendix: version ? `Appendix ${version.appendix}` : null,
      title,
      shortName: version?.shortName ?? null,
      versionLine: version ? tie(`Version ${version.version}`) : label(newDoc),
      markedUpLine: `Marked up against ${version && oldDoc.meta.kind === 'version' ? tie(`version ${oldDoc.meta.version}`) : label(oldDoc)}`,
      annexTitle: null,
      issuer: null,
      facts: [
        { label: 'Old', value: oldDoc.path },
        { label: 'New', value: newDoc.path },
      ],
    },
    history: historyTable(newDoc, oldDoc),
    legend: legendOf(body, changes),
    changes,
    changesNote: changesNote(changes.length, diff.summary.changed),
    toc: tocOf(body),
    layout,
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

/** The line a body is set on, in ems of the body text (A4 less margins, at 10 pt). */
const LINE_EMS = 46;

/**
 * The last decisions on the body, made once for every writer: non-breaking spaces in every run,
 * the number columns, and each table's column shares at its indent.
 */
/** What the table of changes counts, against the clauses `secdoc diff` counts. */
function changesNote(rows: number, clauses: number): string | null {
  if (rows === 0) return null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(rows, 'row')}, one for each change. A clause inserted or deleted whole is one row, its sub-clauses with it; counting every clause and sub-clause on its own, ${plural(clauses, 'clause')} changed.`;
}

export function finishBody(blocks: BodyBlock[]): { body: BodyBlock[]; layout: Layout } {
  const tied = (runs: Run[] | null): Run[] | null => (runs ? tieRuns(runs) : null);
  const body = blocks.map((b): BodyBlock => {
    switch (b.kind) {
      case 'heading':
        return { ...b, number: tied(b.number), text: tieRuns(b.text) };
      case 'para':
        return { ...b, number: tied(b.number), heading: tied(b.heading), runs: tieRuns(b.runs) };
      case 'table':
        return { ...b, header: b.header.map(tieRuns), rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(tieRuns) })) };
      case 'code':
        return b;
    }
  });
  listEndsAtParent(body);
  const layout: Layout = { numberColumns: numberColumns(body) };
  const textLeft = (indent: number) => layout.numberColumns.slice(0, indent + 1).reduce((a, b) => a + b, 0);
  for (const b of body) {
    if (b.kind === 'table') b.widths = columnShares([b.header, ...b.rows.map((r) => r.cells)], LINE_EMS - textLeft(b.indent));
  }
  return { body, layout };
}

/**
 * Words that close a list (`(c) ... received,` then `and the DCC shall ...`) belong to the clause
 * that introduced the list, not to its last item: the source cannot say so in Markdown, so a
 * paragraph that starts in lower case after an item ending in `,` `;` `and` or `or`, with no
 * further item after it, is set at the parent clause's text column.
 */
function listEndsAtParent(body: BodyBlock[]): void {
  const textOf = (b: BodyBlock) => (b.kind === 'para' ? b.runs.filter((r) => r.mark !== 'del').map((r) => r.text).join('').trim() : '');
  for (let i = 1; i < body.length; i++) {
    const b = body[i]!;
    const before = body[i - 1]!;
    if (b.kind !== 'para' || b.number !== null || b.indent === 0 || before.kind !== 'para' || before.indent !== b.indent) continue;
    const next = body[i + 1];
    if (next?.kind === 'para' && next.indent >= b.indent) continue;
    if (/^[a-z]/.test(textOf(b)) && /(?:[,;]|\band|\bor)$/.test(textOf(before))) body[i] = { ...b, indent: b.indent - 1 };
  }
}

/**
 * How changes are shown, for the kinds of change this annex has, each with a sample taken from
 * the annex itself (a renumbering it makes, a move it notes).
 */
function legendOf(body: readonly BodyBlock[], changes: readonly ChangeRow[]): LegendEntry[] {
  const runs = body.flatMap((b) => (b.kind === 'para' ? [...(b.number ?? []), ...b.runs] : b.kind === 'heading' ? [...(b.number ?? []), ...b.text] : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flat()) : []));
  const out: LegendEntry[] = [];
  if (runs.some((r) => r.mark === 'ins') || body.some((b) => b.kind === 'code' && b.mark === 'ins')) {
    out.push({ sample: [{ text: 'inserted text', mark: 'ins' }], description: 'Text inserted by this version: underlined (blue on screen).' });
  }
  if (runs.some((r) => r.mark === 'del') || body.some((b) => b.kind === 'code' && b.mark === 'del')) {
    out.push({ sample: [{ text: 'deleted text', mark: 'del' }], description: 'Text deleted by this version: struck through (red on screen).' });
  }
  const renumbered = body.find((b): b is Extract<BodyBlock, { kind: 'para' | 'heading' }> => (b.kind === 'para' || b.kind === 'heading') && b.number?.length === 2 && b.number[0]!.mark === 'del' && b.number[1]!.mark === 'ins');
  if (renumbered) {
    out.push({ sample: renumbered.number!, description: 'A renumbered clause: old number struck through, new number underlined, and a note naming the old number.' });
  }
  const moved = body.find((b) => (b.kind === 'para' || b.kind === 'heading') && b.status === 'moved' && b.note);
  if (moved && (moved.kind === 'para' || moved.kind === 'heading')) {
    out.push({ sample: [{ text: moved.note! }], description: 'A clause moved to another place: the note names where it was.' });
  }
  if (changes.length > 0) out.push({ sample: [{ text: 'Changed clause' }], bar: true, description: 'Every changed clause has a bar in the left margin; a changed table row has its own.' });
  return out;
}

/** The version-history table of the source, with rows new since `old` marked as inserted. */
function historyTable(doc: ClauseDocument, old: ClauseDocument | null): HistoryTable | null {
  const table = historyOf(doc.sections);
  if (!table) return null;
  const oldRows = new Set((old ? historyOf(old.sections)?.rows ?? [] : []).map((r) => r.map((c) => inlineText(c.children).trim()).join('\u0000')));
  const header = table.header.map((c) => tie(inlineText(c.children).trim()));
  const rows = table.rows.map((r) => {
    const cells = r.map((c) => inlineText(c.children).trim());
    const shown = cells.map(tie);
    return old && !oldRows.has(cells.join('\u0000')) ? { cells: shown, mark: 'ins' as const } : { cells: shown };
  });
  return { header, rows, widths: columnShares([header, ...rows.map((r) => r.cells)].map((row) => row.map((text) => [{ text }])), LINE_EMS) };
}

function historyOf(sections: readonly Section[]): Extract<Block, { type: 'table' }> | null {
  const section = sections.find((s) => /history/i.test(s.heading));
  const table = section?.content.find((b) => b.type === 'table');
  return table?.type === 'table' ? table : null;
}
