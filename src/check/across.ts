/**
 * Checks across versions: what a version must keep of the one it replaces. A reference left on a
 * number that renumbering gave to another clause, version-history rows rewritten, and a version
 * whose own expiry comes before it takes effect. The renumbering is read from the redline's
 * alignment (`correspondence`), the same that `diff` and `history` show.
 */
import type { VFile } from 'vfile';
import { hasBrokenFrontMatter, report } from '../diagnostics/index.js';
import { findVersion, type Corpus, type VersionDocument } from '../corpus/index.js';
import type { Block, Clause, ClauseDocument, Point, TableCell } from '../model/types.js';
import { clauseIndex, xrefsIn } from '../model/query.js';
import { inlineText, normalizeSpace, walkClauses } from '../model/text.js';
import { correspondence } from '../rules/correspondence.js';
import { versionInterval } from '../time/index.js';
import { UNFILLED_HISTORY } from '../model/sec.js';

/**
 * The checks of one version against the one it replaces, and whether it can ever be in force:
 * what it reads is this version, the one it replaces, and the front matter of the corpus.
 */
export function checkVersionAcross(v: VersionDocument, corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): void {
  const file = fileOf(v);
  checkHistoryFilled(v, file);
  const previous = replacedVersion(corpus, v);
  if (previous && !hasBrokenFrontMatter(fileOf(previous))) {
    checkRenumberedReferences(previous, v, file);
    checkHistoryRows(previous, v, file);
  }
  checkNeverInForce(corpus, v, file);
}

/** The version `v` replaces, when it is held. */
export function replacedVersion(corpus: Corpus, v: VersionDocument): VersionDocument | null {
  return v.meta.replaces === null ? null : findVersion(corpus, v.meta.appendix, v.meta.replaces);
}

/** Each clause by the number a cross-reference uses for it (`9.3`, `7.2(a)`). */
function referenceNames(doc: ClauseDocument): Map<Clause, string> {
  const names = new Map<Clause, string>();
  for (const [name, clause] of clauseIndex(doc)) if (!names.has(clause)) names.set(clause, name);
  return names;
}

function clauseXrefs(c: Clause) {
  return [...xrefsIn([...c.content, ...c.tail])].filter((x) => x.scope === 'clause');
}

/**
 * "Clause 9.4" in the new version, where the old 9.4 is now 9.3 and 9.4 is the old 9.5. Left
 * over from the old text it is an error; written new, it may mean either, so it is a warning,
 * unless the new text shows it was written in the new numbering (`writtenKnowingInsertion`).
 */
function checkRenumberedReferences(before: VersionDocument, after: VersionDocument, file: VFile): void {
  const { forward, backward } = correspondence(before, after);
  const oldIndex = clauseIndex(before);
  const newIndex = clauseIndex(after);
  const newNames = referenceNames(after);
  const parents = new Map<Clause, Clause>();
  for (const c of walkClauses(after.clauses)) for (const child of c.children) parents.set(child, c);
  const inOrUnder = (c: Clause | undefined, root: Clause) => {
    for (let x = c; x; x = parents.get(x)) if (x === root) return true;
    return false;
  };
  /**
   * A clause inserted in this version ahead of `target` in its run is what moved `target` onto
   * its new number (10.2 inserted, so the old 10.3 is now 10.4). A reference written in, or
   * beside a citation of, that inserted clause was written by someone who had the insertion in
   * front of them, so in the new numbering: AK 9.3, inserted, says "Clause 9.6" for the old 9.5;
   * AL 18.14(a) cites the inserted 10.2 and then "Clause 10.4" for the old 10.3. A number moved
   * by a deletion has no such witness and keeps its warning.
   */
  const writtenKnowingInsertion = (citing: Clause, refs: readonly { target: string }[], target: Clause) => {
    const run = parents.get(target)?.children ?? after.clauses;
    const inserted = run.slice(0, run.indexOf(target)).filter((c) => !backward.has(c));
    return inserted.some((ins) => inOrUnder(citing, ins) || refs.some((r) => inOrUnder(newIndex.get(r.target), ins)));
  };
  const was = `${before.meta.appendix} v${before.meta.version}`;
  for (const clause of walkClauses(after.clauses)) {
    const refs = clauseXrefs(clause);
    if (refs.length === 0) continue;
    const oldSelf = backward.get(clause);
    const oldTargets = new Set(oldSelf ? clauseXrefs(oldSelf).map((x) => x.target) : []);
    // Where the old text's references point now: "Clause 10.2" updated to "Clause 10.3" is right.
    const updated = new Set([...oldTargets].map((t) => forward.get(oldIndex.get(t)!)));
    for (const ref of refs) {
      const oldTarget = oldIndex.get(ref.target);
      if (!oldTarget) continue;
      const nowTarget = forward.get(oldTarget) ?? null;
      if (nowTarget !== null && newIndex.get(ref.target) === nowTarget) continue;
      // A number that names nothing now is xref-unresolved's to report.
      if (!newIndex.has(ref.target) || updated.has(newIndex.get(ref.target)!)) continue;
      const now = nowTarget ? newNames.get(nowTarget) : undefined;
      const place = ref.position?.start ?? clause.position.start;
      const meant = now ? `named the clause that is now ${now}` : `named a clause deleted since`;
      if (oldTargets.has(ref.target)) {
        report(file, 'renumbered-reference', `Unexpected reference to Clause ${ref.target}: in ${was} Clause ${ref.target} ${meant}, expected ${now ? `Clause ${now}` : 'the reference updated or removed'}`, place);
      } else if (backward.has(newIndex.get(ref.target)!) && !writtenKnowingInsertion(clause, refs, newIndex.get(ref.target)!)) {
        // (A new reference to a clause inserted in this version is taken to mean it.)
        report(file, 'renumbered-reference-new', `Unexpected new reference to Clause ${ref.target}: in ${was} Clause ${ref.target} ${meant}, expected a check that it means the clause now numbered ${ref.target}`, place);
      }
    }
  }
}

interface HistoryRow {
  version: string;
  text: string;
  place: Point | undefined;
}

/** The rows of a version's version-history table, by their version cell. */
export function historyRows(doc: ClauseDocument): { rows: HistoryRow[]; place: Point | undefined } | null {
  const section = doc.sections.find((s) => /history/i.test(s.heading));
  const table = section?.content.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
  if (!section || !table) return null;
  const cellText = (cell: TableCell | undefined) => normalizeSpace(inlineText(cell?.children ?? [])).trim();
  const rows = table.rows.map((r) => ({
    version: cellText(r[0]).replace(/^v\.?\s*/i, ''),
    text: r.map(cellText).join(' | '),
    place: firstPoint(r),
  }));
  return { rows, place: table.position?.start ?? section.position.start };
}

function firstPoint(row: readonly TableCell[]): Point | undefined {
  for (const cell of row) for (const n of cell.children) if ('position' in n && n.position) return n.position.start;
  return undefined;
}

/** The rows the replaced version has must be in the new one as they were. */
function checkHistoryRows(before: VersionDocument, after: VersionDocument, file: VFile): void {
  const old = historyRows(before);
  const now = historyRows(after);
  if (!old || !now) return;
  const byVersion = new Map(now.rows.map((r) => [r.version, r]));
  for (const row of old.rows) {
    const mine = byVersion.get(row.version);
    if (!mine) {
      report(file, 'history-rewritten', `Unexpected version history without the row for ${row.version}, expected it as in v${before.meta.version}: \`${row.text}\``, now.place);
    } else if (mine.text !== row.text) {
      report(file, 'history-rewritten', `Unexpected change to the version-history row for ${row.version}, expected it as in v${before.meta.version}: \`${row.text}\``, mine.place ?? now.place);
    }
  }
}

/** The row `secdoc new` left for this version, still to be described. */
function checkHistoryFilled(v: VersionDocument, file: VFile): void {
  const own = historyRows(v)?.rows.find((r) => r.version === v.meta.version);
  if (own?.text.includes(UNFILLED_HISTORY)) {
    report(file, 'history-unfilled', `Unexpected placeholder in the version-history row for ${v.meta.version}, expected a description of the changes this version makes`, own.place);
  }
}

/** A version whose own text ends it on or before the day its direction brings it into force. */
function checkNeverInForce(corpus: Corpus, v: VersionDocument, file: VFile): void {
  // Only this version's expiry is read; the others' dates come from the directions.
  const interval = versionInterval(corpus, v);
  if (!interval) return;
  const { expiry, effective, document } = interval;
  if (!expiry || effective === null || expiry.date > effective) return;
  const source = expiry.source;
  const place = source.position.start.line === expiry.line ? source.position.start : { line: expiry.line, column: 1 };
  report(
    file,
    'never-in-force',
    `Unexpected expiry: ${document.meta.appendix} v${document.meta.version} ceases to have effect from ${expiry.date} (Clause ${source.number ?? source.id}) but takes effect on ${effective} (direction \`${interval.direction?.meta.id ?? document.meta.designatedBy}\`), so it is never in force; expected an expiry after ${effective}`,
    place,
  );
}
