/**
 * `secdoc new`: the next version's source from the previous one, and the direction that
 * designates it. Pure text in, text out: every line the author wrote stays as it was, only the
 * front-matter fields, one version-history row and the direction's entries are touched.
 */
import type { AnnexMeta, ClauseDocument, DirectionMeta, VersionMeta } from '../model/types.js';
import { UNFILLED_HISTORY } from '../model/sec.js';


export class ScaffoldError extends Error {}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2023-01-15 -> 15 January 2023, as version-history tables write dates. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** 20.0 -> 21.0: a re-designation is a new major version. */
export function nextMajor(version: string): string {
  return `${Number(version.split('.')[0]) + 1}.0`;
}

/** The front matter's lines and where the body starts, or an error naming the file. */
function frontMatter(text: string, path: string): { lines: string[]; end: number } {
  const lines = text.split('\n');
  if (lines[0] !== '---') throw new ScaffoldError(`${path}:1:1: expected front matter starting with \`---\``);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new ScaffoldError(`${path}:1:1: expected a closing \`---\` line for the front matter`);
  return { lines, end };
}

/** Set `key: value` in the front matter, in place, or after `after` when absent. */
function setField(lines: string[], end: number, key: string, value: string, after: string): number {
  const at = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(`${key}:`));
  if (at >= 0) {
    lines[at] = `${key}: ${value}`;
    return end;
  }
  const anchor = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(`${after}:`));
  lines.splice(anchor >= 0 ? anchor + 1 : end, 0, `${key}: ${value}`);
  return end + 1;
}

export interface NextVersion {
  previous: ClauseDocument & { meta: VersionMeta };
  version: string;
  direction: string;
  /** The date the version takes effect: the version-history row's date. */
  effective: string;
}

/** The previous version's source made into the next one's. */
export function nextVersionSource(text: string, next: NextVersion): string {
  const { previous } = next;
  const { lines, end: fmEnd } = frontMatter(text, previous.path);
  // The row first: it is placed by the parsed line numbers, which a new front-matter line would shift.
  addHistoryRow(lines, previous, next);
  let end = setField(lines, fmEnd, 'version', `"${next.version}"`, 'title');
  end = setField(lines, end, 'replaces', `"${previous.meta.version}"`, 'version');
  setField(lines, end, 'designated_by', next.direction, 'replaces');
  return lines.join('\n');
}

/** A row for the new version after the last row of the version-history table. */
function addHistoryRow(lines: string[], previous: ClauseDocument, next: NextVersion): void {
  const section = previous.sections.find((s) => /history/i.test(s.heading));
  const table = section?.content.find((b) => b.type === 'table');
  if (!table?.position) throw new ScaffoldError(`${previous.path}:1:1: expected a version-history table to add a row to`);
  const lastRow = table.position.end.line - 1;
  const columns = Math.max(3, table.header.length);
  const cells = [next.version, longDate(next.effective), UNFILLED_HISTORY, ...new Array<string>(columns - 3).fill('')];
  lines.splice(lastRow + 1, 0, `| ${cells.join(' | ')} |`);
}

export interface Designation {
  appendix: string;
  title: string;
  version: string;
  against: string;
  made: string;
  effective: string;
  id: string;
}

/** The annex titles the existing directions give this document, carried to the new versions. */
export function annexTitles(directions: readonly DirectionMeta[], d: Designation): { markedUp: string; clean: string } {
  const fallback = {
    markedUp: `SEC Appendix ${d.appendix} - ${d.title} v${d.version} (marked up against v${d.against})`,
    clean: `SEC Appendix ${d.appendix} - ${d.title} v${d.version}`,
  };
  const latest = [...directions].reverse().flatMap((dir) => dir.annexes).filter((a) => a.document === d.appendix && a.title !== null);
  const markedUp = latest.find((a) => a.against !== null);
  const clean = latest.find((a) => a.against === null);
  // "v20.0" -> "v21.0" and "v19.0" -> "v20.0" in one pass, so the second does not undo the first;
  // the letter's own style "v.20.0" keeps its dot.
  const carry = (a: AnnexMeta) =>
    a.title!.replace(/v(\.?)(\d+\.\d+)/g, (whole, dot: string, v: string) =>
      v === a.version ? `v${dot}${d.version}` : v === a.against ? `v${dot}${d.against}` : whole,
    );
  return { markedUp: markedUp ? carry(markedUp) : fallback.markedUp, clean: clean ? carry(clean) : fallback.clean };
}

/** The letter after the last one used (`F` -> `G`, none -> `A`). */
function nextLetter(annexes: readonly Pick<AnnexMeta, 'letter'>[]): string {
  const last = Math.max(64, ...annexes.map((a) => a.letter.charCodeAt(0)));
  if (last >= 90) throw new ScaffoldError('expected annex letters up to Z; this direction has no letter left');
  return String.fromCharCode(last + 1);
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function designationSentence(d: Designation, letters: { markedUp: string; clean: string }): string {
  return `With effect from ${longDate(d.effective)}, the ${d.title} (Appendix ${d.appendix}) is re-designated as version ${d.version}, in the form set out in Annex ${letters.clean}. Annex ${letters.markedUp} shows version ${d.version} marked up against version ${d.against}.`;
}

/** A new direction's source designating one version, with its marked-up and clean annexes. */
export function newDirectionSource(d: Designation, titles: { markedUp: string; clean: string }): string {
  const letters = { markedUp: 'A', clean: 'B' };
  return [
    '---',
    'kind: direction',
    `id: ${d.id}`,
    `title: ${yamlString(`Direction to re-designate Appendix ${d.appendix}`)}`,
    `made: ${d.made}`,
    `effective: ${d.effective}`,
    'designates:',
    `  - { document: ${d.appendix}, version: "${d.version}" }`,
    'annexes:',
    `  - { letter: ${letters.markedUp}, document: ${d.appendix}, version: "${d.version}", against: "${d.against}", title: ${yamlString(titles.markedUp)} }`,
    `  - { letter: ${letters.clean}, document: ${d.appendix}, version: "${d.version}", title: ${yamlString(titles.clean)} }`,
    '---',
    '',
    '## 1 Direction',
    '',
    `1.1 The Secretary of State made this direction on ${longDate(d.made)} under Condition 22 of the DCC Licence and Section X5 of the SEC.`,
    '',
    `1.2 ${designationSentence(d, letters)}`,
    '',
  ].join('\n');
}

/** An existing direction's source, extended with one more designation and its two annexes. */
export function extendDirectionSource(text: string, direction: ClauseDocument & { meta: DirectionMeta }, d: Designation, titles: { markedUp: string; clean: string }): string {
  const { meta } = direction;
  if (meta.designates.some((x) => x.document === d.appendix && x.version === d.version)) {
    throw new ScaffoldError(`${direction.path}:1:1: direction \`${meta.id}\` already designates ${d.appendix} v${d.version}`);
  }
  if (meta.made !== d.made) throw new ScaffoldError(`${direction.path}:1:1: direction \`${meta.id}\` was made on ${meta.made}, not ${d.made}`);
  const { lines, end } = frontMatter(text, direction.path);
  const markedUp = nextLetter(meta.annexes);
  const clean = nextLetter([...meta.annexes, { letter: markedUp }]);
  const ownDate = meta.effective === d.effective ? '' : `, effective: ${d.effective}`;
  const blocks: Array<{ key: string; entries: string[] }> = [
    { key: 'designates', entries: [`  - { document: ${d.appendix}, version: "${d.version}"${ownDate} }`] },
    {
      key: 'annexes',
      entries: [
        `  - { letter: ${markedUp}, document: ${d.appendix}, version: "${d.version}", against: "${d.against}", title: ${yamlString(titles.markedUp)} }`,
        `  - { letter: ${clean}, document: ${d.appendix}, version: "${d.version}", title: ${yamlString(titles.clean)} }`,
      ],
    },
  ];
  let fmEnd = end;
  for (const block of blocks) {
    const at = lines.findIndex((l, i) => i > 0 && i < fmEnd && l.startsWith(`${block.key}:`));
    if (at < 0) {
      lines.splice(fmEnd, 0, `${block.key}:`, ...block.entries);
      fmEnd += 1 + block.entries.length;
      continue;
    }
    if (/\[\s*\]\s*$/.test(lines[at]!)) lines[at] = `${block.key}:`;
    let last = at;
    while (last + 1 < fmEnd && /^\s+(-|\S)/.test(lines[last + 1]!) && !/^\S/.test(lines[last + 1]!)) last++;
    lines.splice(last + 1, 0, ...block.entries);
    fmEnd += block.entries.length;
  }
  // The body: one more numbered paragraph after the last line of the last clause.
  const lastClause = direction.clauses.at(-1);
  const lastProvision = lastClause?.children.at(-1) ?? lastClause;
  const sentence = designationSentence(d, { markedUp, clean });
  const number = lastProvision?.style === 'decimal' && lastProvision.number ? bump(lastProvision.number) : null;
  const body = lines.slice(fmEnd + 1).join('\n').replace(/\s*$/, '');
  const head = lines.slice(0, fmEnd + 1).join('\n');
  return `${head}\n${body}\n\n${number ? `${number} ` : ''}${sentence}\n`;
}

/** 1.6 -> 1.7. */
function bump(number: string): string {
  const parts = number.split('.');
  const last = /^(\d+)/.exec(parts.pop()!)![1]!;
  return [...parts, String(Number(last) + 1)].join('.');
}
