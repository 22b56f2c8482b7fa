/** Shared helpers for the redline tests: parse Markdown, and check a redline against its two documents. */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { expect } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { blockText, clauseText, walkClauses } from '../../src/model/text.js';
import type { Block, ClauseDocument } from '../../src/model/types.js';
import { compareBlocks, type TableComparison } from '../../src/diff/compare.js';
import type { BlockGroup } from '../../src/diff/regroup.js';
import type { ClausePair, ClausePairing } from '../../src/diff/pair.js';
import {
  acceptSegments,
  clauseSegments,
  rejectSegments,
  contentSegments,
  walkChanges,
  type ClauseChange,
  type DocumentDiff,
} from '../../src/model/change.js';

export function parse(text: string, path = 'doc.md'): ClauseDocument {
  return parseDocument(text, new VFile({ path }));
}

export function parseFile(path: string): ClauseDocument {
  return parse(readFileSync(path, 'utf8'), path);
}

/** What went wrong, as readable lines (empty when the redline is exact). */
export function invariantProblems(diff: DocumentDiff, oldDoc: ClauseDocument, newDoc: ClauseDocument): string[] {
  const problems: string[] = [];
  const seenOld = new Map<string, number>();
  const seenNew = new Map<string, number>();
  for (const c of walkChanges(diff.clauses)) {
    const segs = clauseSegments(c);
    if (c.old) {
      seenOld.set(c.old.id, (seenOld.get(c.old.id) ?? 0) + 1);
      if (rejectSegments(segs) !== clauseText(c.old.clause)) problems.push(`reject text of ${c.old.id}`);
      if ((c.heading ? rejectSegments(c.heading) : '') !== (c.old.clause.heading ?? '')) problems.push(`reject heading of ${c.old.id}`);
    } else if (segs.some((s) => s.op !== 'insert')) problems.push(`inserted ${c.new!.id} has non-insert segments`);
    if (c.new) {
      seenNew.set(c.new.id, (seenNew.get(c.new.id) ?? 0) + 1);
      if (acceptSegments(segs) !== clauseText(c.new.clause)) problems.push(`accept text of ${c.new.id}`);
      if ((c.heading ? acceptSegments(c.heading) : '') !== (c.new.clause.heading ?? '')) problems.push(`accept heading of ${c.new.id}`);
    } else if (segs.some((s) => s.op !== 'delete')) problems.push(`deleted ${c.old!.id} has non-delete segments`);
    if (c.status === 'unchanged' && segs.some((s) => s.op !== 'equal')) problems.push(`unchanged ${c.new!.id} has marks`);
    if (c.status === 'amended' && !segs.some((s) => s.op !== 'equal') && !(c.heading ?? []).some((s) => s.op !== 'equal')) problems.push(`amended ${c.new!.id} has no marks`);
  }
  // Every clause of both versions appears exactly once.
  for (const c of walkClauses(oldDoc.clauses)) if (seenOld.get(c.id) !== 1) problems.push(`old ${c.id} shown ${seenOld.get(c.id) ?? 0} times`);
  for (const c of walkClauses(newDoc.clauses)) if (seenNew.get(c.id) !== 1) problems.push(`new ${c.id} shown ${seenNew.get(c.id) ?? 0} times`);
  // The preamble and unnumbered sections read back the same way.
  const pre = contentSegments(diff.preamble);
  if (rejectSegments(pre) !== oldDoc.preamble.map(blockText).join('\n\n')) problems.push('reject preamble');
  if (acceptSegments(pre) !== newDoc.preamble.map(blockText).join('\n\n')) problems.push('accept preamble');
  const oldSections = diff.sections.filter((s) => s.status !== 'inserted');
  const newSections = diff.sections.filter((s) => s.status !== 'deleted');
  oldSections.forEach((s, i) => {
    const o = oldDoc.sections[i];
    if (!o || rejectSegments(s.heading) !== o.heading || rejectSegments(contentSegments(s.content)) !== o.content.map(blockText).join('\n\n')) problems.push(`reject section ${i}`);
  });
  newSections.forEach((s, i) => {
    const n = newDoc.sections[i];
    if (!n || acceptSegments(s.heading) !== n.heading || acceptSegments(contentSegments(s.content)) !== n.content.map(blockText).join('\n\n')) problems.push(`accept section ${i}`);
  });
  return problems;
}

export function expectExact(diff: DocumentDiff, oldDoc: ClauseDocument, newDoc: ClauseDocument): void {
  const problems = invariantProblems(diff, oldDoc, newDoc);
  expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
}

/** The first change (depth first) that `pred` accepts. */
export function findChange(diff: DocumentDiff, pred: (c: ClauseChange) => boolean): ClauseChange | undefined {
  for (const c of walkChanges(diff.clauses)) if (pred(c)) return c;
  return undefined;
}

/** The change of the old clause `oldId` (matched or deleted). */
export function byOld(diff: DocumentDiff, oldId: string): ClauseChange | undefined {
  return findChange(diff, (c) => c.old?.id === oldId);
}

/** The change of the new clause `newId` (matched or inserted). */
export function byNew(diff: DocumentDiff, newId: string): ClauseChange | undefined {
  return findChange(diff, (c) => c.new?.id === newId);
}

/**
 * A hand-made clause pairing of the first clauses of two texts, for the compare stage alone: an
 * amended pair under the same parent unless `fields` say otherwise.
 */
export function pairingOf(a: string, b: string, fields: Partial<ClausePair> = {}): ClausePairing {
  const o = parse(a);
  const n = parse(b);
  const pair: ClausePair = { old: o.clauses[0]!, new: n.clauses[0]!, basis: 'content', similarity: 0.9, sameContent: false, sameParent: true, identicalBelow: 0, children: [], ...fields };
  return { old: o, new: n, clauses: [pair] };
}

/**
 * SEC-style provisions in two parts, for paragraphs moved across clauses: `migration(clauses)`
 * writes Part 3 (3.1-3.3) and Part 5 (5.1, 5.2) from each clause's paragraphs; `OLD` is the
 * version before, with CONSULT in 3.2 and DELAY in 3.3.
 */
export const ACROSS = (() => {
  const CONSULT = 'The DCC shall consult Supplier Parties on each cohort timetable before it is published on the DCC Website.';
  const DELAY = 'Where the migration of a cohort is delayed, the DCC shall notify the Panel and every affected Supplier Party within five Working Days.';
  const P31 = 'The DCC shall operate the Requesting Party for each cohort of SMETS1 Installations that it migrates.';
  const P32 = 'The DCC shall publish a timetable for the migration of each cohort, setting out the dates on which each Installation is expected to migrate.';
  const P33 = 'The DCC shall keep a record of every Installation that fails to migrate and of the reasons for each failure.';
  const P51 = 'The DCC shall report monthly to the Panel on the progress of migration against each published timetable.';
  const P52 = 'The Panel may request such further information about the progress of migration as it reasonably requires.';
  const migration = (c: Record<string, string[]>) =>
    `## 3 Migration\n\n${['3.1', '3.2', '3.3'].map((k) => `${k} ${c[k]!.join('\n\n')}`).join('\n\n')}\n\n## 5 Reporting\n\n${['5.1', '5.2'].map((k) => `${k} ${c[k]!.join('\n\n')}`).join('\n\n')}\n`;
  const OLD = migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33, DELAY], '5.1': [P51], '5.2': [P52] });
  return { CONSULT, DELAY, P31, P32, P33, P51, P52, migration, OLD };
})();

/** A clause 1.1 holding one table, its first row the header. */
export const tableClause = (rows: string[][]) => `1.1 Table:\n\n${rows.map((r, k) => `| ${r.join(' | ')} |${k === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n')}\n`;

/** The comparison of two tables, each alone in a clause 1.1. */
export function compareTables(a: string[][], b: string[][]): TableComparison {
  const c = compareBlocks(pairingOf(tableClause(a), tableClause(b)), { showFormatting: false }).clauses[0]!;
  return c.content.find((x): x is TableComparison => x.kind === 'table')!;
}
export const columnsOf = (t: TableComparison) => t.columns.map((c) => `${c.old ?? '-'}>${c.new ?? '-'}`);
export const rowsOf = (t: TableComparison) => t.rows.map((r) => `${r.old ?? '-'}>${r.new ?? '-'}${r.key === null ? '' : ` ${r.key}`}${r.moved ? ' moved' : ''}`);
export const runText = (runs: readonly { text: string }[] | null) => (runs === null ? null : runs.map((r) => r.text).join(''));

/** Blocks for the regrouping tests: a paragraph of one text, keyed and kinded as the compare stage does. */
export const P = (text: string): Extract<Block, { type: 'paragraph' }> => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
export const blockKey = (b: Block) => `${b.type}:${blockText(b)}`;
export const sameKind = (o: Block, n: Block) => o.type === n.type;

/** A group as `kind old>new`, each block by its index in its own list (`-` for none). */
export function shownGroups(groups: BlockGroup[], olds: Block[], news: Block[]): string[] {
  const at = (list: Block[], b: Block | null) => (b === null ? '-' : String(list.indexOf(b)));
  return groups.map((g) => {
    if (g.kind === 'pair') return `pair ${at(olds, g.old)}>${at(news, g.new)}`;
    if (g.kind === 'regrouped') return `regrouped ${g.old.map((b) => at(olds, b)).join('+')}>${g.new.map((b) => at(news, b)).join('+')}`;
    return `moved ${g.side} ${g.oldIndex}>${g.newIndex}`;
  });
}
