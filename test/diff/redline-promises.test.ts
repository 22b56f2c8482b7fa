/**
 * README promises about the redline, each on a small hand-written pair whose expected answer is
 * written out here: an amended clause keeps its own number, a moved clause says where it came
 * from in HTML, the table of changes prints clause text as text, and the CLI's formatting and
 * output-file rules.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { diffDocuments, type DiffJson } from '../../src/index.js';
import { diffDocuments as diffTrees } from '../../src/diff/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { comparisonView } from '../../src/render/view/index.js';
import { annexToHtml } from '../../src/render/html/index.js';

type ClauseJson = DiffJson['clauses'][number];

/** Every clause of a redline as `[status, old number, new number]`, in redline order. */
function statuses(diff: DiffJson): Array<[string, string | null, string | null]> {
  const walk = (cs: readonly ClauseJson[]): Array<[string, string | null, string | null]> =>
    cs.flatMap((c) => [[c.status, c.old?.number ?? null, c.new?.number ?? null] as [string, string | null, string | null], ...walk(c.children)]);
  return walk(diff.clauses);
}

/** The marked-up HTML page `secdoc diff --format html` writes, made in-process. */
function redlineHtml(oldText: string, newText: string): string {
  const parse = (text: string, path: string) => parseDocument(text, new VFile({ path }));
  return annexToHtml(comparisonView(diffTrees(parse(oldText, 'old.md'), parse(newText, 'new.md'), {})));
}

const twoNotices = `## 7 Requesting Party

7.1 The DCC shall notify each Supplier Party of every Dormant Meter in the Migration Cohort within five Working Days of its exclusion.

7.2 The DCC shall notify each Supplier Party of every Active Meter in the Migration Cohort within five Working Days of its exclusion.
`;

describe('clause alignment keeps an amended clause at its own number', () => {
  it('should show two near-identical clauses that each change one word as amended in place, not as swapped renumberings', () => {
    const amended = twoNotices
      .replace('Dormant Meter in the Migration Cohort within five', 'Dormant Meter in the Migration Cohort within ten')
      .replace('Active Meter in the Migration Cohort within five', 'Active Meter in the Migration Cohort within three');
    expect(statuses(diffDocuments(twoNotices, amended))).toEqual([
      ['unchanged', '7', '7'],
      ['amended', '7.1', '7.1'],
      ['amended', '7.2', '7.2'],
    ]);
  });

  it('should still follow a clause whose text went to another number', () => {
    const old = `${twoNotices}\n7.3 The Panel shall review the exclusion report each quarter and publish its conclusions.\n`;
    const inserted = old.replace('7.2 The DCC', '7.2 The DCC shall keep a register of each exclusion.\n\n7.3 The DCC').replace('7.3 The Panel', '7.4 The Panel');
    expect(statuses(diffDocuments(old, inserted))).toEqual([
      ['unchanged', '7', '7'],
      ['unchanged', '7.1', '7.1'],
      ['inserted', null, '7.2'],
      ['renumbered', '7.2', '7.3'],
      ['renumbered', '7.3', '7.4'],
    ]);
  });
});

describe('the marked-up HTML', () => {
  const old = `## 7 Requesting Party

7.1 The DCC shall operate a Requesting Party for each Migration Cohort.

7.2 The DCC shall publish the decommissioning timetable on its website.

7.3 The DCC shall retain every Supplier Statement for six years after the exclusion it supports.

## 8 Reports

8.1 The DCC shall report each month on the progress of Migration.
`;
  const moved = old
    .replace('\n7.3 The DCC shall retain every Supplier Statement for six years after the exclusion it supports.\n', '')
    .replace('8.1 The DCC shall report each month on the progress of Migration.', '8.1 The DCC shall report each month on the progress of Migration.\n\n8.2 The DCC shall retain every Supplier Statement for six years after the exclusion it supports.');

  it('should note a clause moved to another parent as "Moved from Clause 7, formerly 7.3", in the JSON and on the page', () => {
    const diff = diffDocuments(old, moved);
    const c = diff.clauses[1]!.children.find((x) => x.new?.number === '8.2')!;
    expect([c.status, c.old?.number, c.new?.number, c.note]).toEqual(['moved', '7.3', '8.2', 'Moved from Clause 7, formerly 7.3']);
    const html = redlineHtml(old, moved);
    // The note, with its non-breaking spaces, after the moved clause's text, and in the table of changes.
    expect(html).toMatch(/<span class="n"><del>7\.3<\/del><ins>8\.2<\/ins><\/span>The DCC shall retain every Supplier Statement for six years after the exclusion it supports\. <span class="note">\[Moved from Clause[ \u00a0]7, formerly[ \u00a0]7\.3\]<\/span>/);
    expect(html).toMatch(/<td class="n"><a href="#c-8-2">8\.2<\/a><\/td><td>Moved from Clause[ \u00a0]7, formerly[ \u00a0]7\.3<\/td>/);
  });

  it('should print clause text in the table of changes as text, never as markup', () => {
    const evil = old.replace('shall publish the', 'shall publish \\<script>alert(2)\\</script> \\<img src=x onerror=alert(1)> & "the"');
    const html = redlineHtml(old, evil);
    const table = html.slice(html.indexOf('<h3>Table of changes</h3>'));
    expect(table).toContain('<td>Amended</td><td>The DCC shall publish &lt;script&gt;alert(2)&lt;/script&gt; &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;the&quot; decommissioning timetable …</td>');
    expect(html).not.toMatch(/<img|<script/i);
  });
});

describe('the marked-up HTML is accessible as the README says', () => {
  it('should have landmarks, a skip link to the text, one h1, scoped header cells, and insertions and deletions announced', () => {
    const old = '## 1 Scope\n\n1.1 The DCC shall publish the report.\n\n1.2 The Panel shall review it.\n';
    const html = redlineHtml(old, old.replace('publish the report', 'publish the annual report').replace('\n1.2 The Panel shall review it.\n', ''));
    for (const landmark of ['<header', '<nav', '<main']) expect(html).toContain(landmark);
    expect(html).toMatch(/<a class="skip" href="#text">/);
    expect(html).toContain('id="text"');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const headers = html.match(/<th[\s>][^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(0);
    for (const th of headers) expect(th).toContain('scope="');
    expect(html).toContain('<ins>annual </ins>');
    expect(html).toMatch(/<del>/);
    for (const said of ['[insertion start]', '[insertion end]', '[deletion start]', '[deletion end]']) expect(html).toContain(said);
  });
});

describe('secdoc diff output rules', () => {
  const pair = () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-redline-'));
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    writeFileSync(a, '## 1 Scope\n\n1.1 The DCC shall publish the report on its website.\n\n1.2 The Panel shall review it.\n');
    // Only formatting changes: emphasis, a re-wrapped line, a trailing dot on a number.
    writeFileSync(b, '## 1 Scope\n\n1.1 The DCC shall publish the _report_ on\nits website.\n\n1.2. The Panel shall review it.\n');
    return { dir, a, b };
  };

  it('should ignore changes that are only formatting, and show them with --show-formatting', async () => {
    const { a, b } = pair();
    const quiet = await cli(['diff', a, b, '--format', 'json']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(statuses(JSON.parse(quiet.stdout) as DiffJson)).toEqual([['unchanged', '1', '1'], ['unchanged', '1.1', '1.1'], ['unchanged', '1.2', '1.2']]);
    const shown = await cli(['diff', a, b, '--format', 'json', '--show-formatting']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(statuses(JSON.parse(shown.stdout) as DiffJson)).toEqual([['unchanged', '1', '1'], ['amended', '1.1', '1.1'], ['unchanged', '1.2', '1.2']]);
  });

  it.each(['docx', 'pdf'])('should refuse --format %s without --out as a usage error (exit 2), writing nothing', async (format) => {
    const { dir, a, b } = pair();
    const r = await cli(['diff', a, b, '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--format ${format} writes a file: give --out FILE`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, `b.${format}`))).toBe(false);
  });
});
