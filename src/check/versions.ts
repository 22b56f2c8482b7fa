/**
 * How versions and directions fit together: one chain per document (no skips, loops or forks),
 * every designation names a held version, and the dates agree with one another.
 */
import type { VFile } from 'vfile';
import { hasBrokenFrontMatter, report } from '../diagnostics/index.js';
import { findDirection, findVersion, type Corpus, type VersionDocument } from '../corpus/index.js';
import type { ClauseDocument, Point } from '../model/types.js';
import { compareVersions } from '../model/sec.js';
import { inlineText } from '../model/text.js';
import { designationOf } from '../time/index.js';

const START: Point = { line: 1, column: 1 };

/** The chains, designations and dates, read from front matter alone (no document's text). */
export function checkVersionMetadata(corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): void {
  const at = (doc: ClauseDocument, field: string) => doc.metaPositions[field] ?? START;
  const healthy = (doc: ClauseDocument) => !hasBrokenFrontMatter(fileOf(doc));
  const versions = corpus.versions.filter(healthy);

  // One file per version.
  const seen = new Map<string, VersionDocument>();
  for (const v of versions) {
    const key = `${v.meta.appendix}@${v.meta.version}`;
    const first = seen.get(key);
    if (first) report(fileOf(v), 'duplicate-version', `Unexpected second file for ${v.meta.appendix} v${v.meta.version}, expected one file per version (also in ${first.path})`, at(v, 'version'));
    else seen.set(key, v);
  }

  // One chain per document.
  for (const appendix of new Set(versions.map((v) => v.meta.appendix))) {
    const chain = [...seen.values()].filter((v) => v.meta.appendix === appendix);
    const roots = chain.filter((v) => v.meta.replaces === null);
    if (roots.length > 1) {
      for (const r of roots.slice(1)) report(fileOf(r), 'version-chain', `Unexpected second first version of ${appendix} (v${r.meta.version} replaces nothing, as does v${roots[0]!.meta.version}), expected a \`replaces\` field`, at(r, 'version'));
    }
    const replacedBy = new Map<string, VersionDocument>();
    for (const v of chain) {
      const replaces = v.meta.replaces;
      if (replaces === null) continue;
      if (compareVersions(replaces, v.meta.version) >= 0) {
        report(fileOf(v), 'version-chain', `Unexpected \`replaces: "${replaces}"\` in ${appendix} v${v.meta.version}, expected an earlier version (the chain would loop)`, at(v, 'replaces'));
        continue;
      }
      if (!seen.has(`${appendix}@${replaces}`)) {
        report(fileOf(v), 'version-chain', `Unexpected \`replaces: "${replaces}"\`: ${appendix} v${replaces} is not held, so the chain skips a version`, at(v, 'replaces'));
        continue;
      }
      const other = replacedBy.get(replaces);
      if (other) report(fileOf(v), 'version-chain', `Unexpected fork: ${appendix} v${v.meta.version} and v${other.meta.version} both replace v${replaces}`, at(v, 'replaces'));
      else replacedBy.set(replaces, v);
    }
  }

  // Designations: each version names a held direction that lists it.
  for (const v of versions) {
    const direction = findDirection(corpus, v.meta.designatedBy);
    if (!direction) {
      report(fileOf(v), 'direction-unknown', `Unexpected direction \`${v.meta.designatedBy}\`, expected the id of a direction under documents/`, at(v, 'designated_by'));
      continue;
    }
    if (!direction.meta.designates.some((d) => d.document === v.meta.appendix && d.version === v.meta.version)) {
      report(fileOf(v), 'direction-unknown-version', `Unexpected designation: direction \`${direction.meta.id}\` does not designate ${v.meta.appendix} v${v.meta.version}`, at(v, 'designated_by'));
    }
  }

  for (const d of corpus.directions.filter(healthy)) {
    const file = fileOf(d);
    // A making date not recorded (`?`) is compared with nothing.
    const made = d.meta.made === '?' ? null : d.meta.made;
    if (d.meta.effective && made !== null && d.meta.effective < made) {
      report(file, 'date-conflict', `Unexpected effective date ${d.meta.effective} before the direction was made (${made})`, at(d, 'effective'));
    }
    d.meta.designates.forEach((des, i) => {
      if (!findVersion(corpus, des.document, des.version)) {
        report(file, 'direction-unknown-version', `Unexpected designation of ${des.document} v${des.version}, which is not held under documents/`, at(d, `designates.${i}.version`));
      }
      if (des.effective && made !== null && des.effective < made) {
        report(file, 'date-conflict', `Unexpected effective date ${des.effective} before the direction was made (${made})`, at(d, `designates.${i}.effective`));
      }
    });
    d.meta.annexes.forEach((annex, i) => {
      const version = findVersion(corpus, annex.document, annex.version);
      if (!version) {
        report(file, 'direction-unknown-version', `Unexpected annex ${annex.letter}: ${annex.document} v${annex.version} is not held under documents/`, at(d, `annexes.${i}.version`));
      } else if (annex.against !== null && version.meta.replaces !== annex.against) {
        report(file, 'version-chain', `Unexpected annex ${annex.letter} marked up against v${annex.against}: ${annex.document} v${annex.version} replaces ${version.meta.replaces ? `v${version.meta.replaces}` : 'nothing'}`, at(d, `annexes.${i}.against`));
      }
    });
  }

  // Effective dates must rise along each chain (the directions' dates: no version's text is read).
  for (const v of versions) {
    if (v.meta.replaces === null) continue;
    const prev = versions.find((p) => p.meta.appendix === v.meta.appendix && p.meta.version === v.meta.replaces);
    const mine = designationOf(corpus, v).effective;
    const theirs = prev ? designationOf(corpus, prev).effective : null;
    if (mine && theirs && mine <= theirs) {
      report(fileOf(v), 'date-conflict', `Unexpected effective date ${mine} for ${v.meta.appendix} v${v.meta.version}, expected it after v${prev!.meta.version}'s (${theirs})`, at(v, 'designated_by'));
    }
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "10 June 2022" or "2022-06-10" -> "2022-06-10"; null if it is not a date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The version history's row for this version must carry a date its direction gives. */
export function checkHistory(v: VersionDocument, corpus: Corpus, file: VFile): void {
  const section = v.sections.find((s) => /history/i.test(s.heading));
  const table = section?.content.find((b) => b.type === 'table');
  if (!section || !table || table.type !== 'table') return;
  const rows = table.rows.map((r) => ({ version: inlineText(r[0]?.children ?? []).trim().replace(/^v\.?\s*/i, ''), date: inlineText(r[1]?.children ?? []).trim(), cell: r[1] }));
  const last = rows[rows.length - 1];
  if (last && last.version !== v.meta.version) {
    report(file, 'date-conflict', `Unexpected last version-history row ${last.version}, expected this version (${v.meta.version})`, table.position?.start);
  }
  const own = rows.find((r) => r.version === v.meta.version);
  if (!own) return;
  const date = parseDate(own.date);
  const { direction, effective } = designationOf(corpus, v);
  if (!direction) return;
  const firstText = own.cell?.children.find((c) => c.type === 'text');
  const place = (firstText?.type === 'text' ? firstText.position?.start : undefined) ?? table.position?.start;
  // Where the record does not hold the designation date, the row may say so instead of a date.
  if (date === null && direction.meta.made === null) return;
  if (date === null) {
    report(file, 'date-invalid', `Unexpected date \`${own.date}\` in the version history, expected a date such as 10 June 2022`, place);
  } else if (date !== effective && date !== direction.meta.made) {
    report(file, 'date-conflict', `Unexpected version-history date ${own.date} for v${v.meta.version}, expected the date its direction gives (effective ${effective ?? 'not fixed'}, made ${direction.meta.made ?? 'not recorded'})`, place);
  }
}
