import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { findVersion, loadCorpus, type Corpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { versionIntervals } from '../../src/time/index.js';
import { buildView, longDate, type AnnexView, type BodyBlock, type ViewInput } from '../../src/render/view/index.js';
import { annexToHtml } from '../../src/render/html/index.js';
import { numberColumns } from '../../src/render/view/typography.js';

const fixture = join(repoRoot, 'test/fixtures/publish/documents');

function input(corpus: Corpus, doc: string, version: string, extra: Partial<ViewInput> = {}): ViewInput {
  const document = findVersion(corpus, doc, version)!;
  const interval = versionIntervals(corpus).find((i) => i.document === document)!;
  const d = interval.direction?.meta;
  return {
    document,
    designated: interval.designated,
    effective: interval.effective,
    direction: d ? { id: d.id, title: d.title, made: d.made } : null,
    ...extra,
  };
}

const text = (b: BodyBlock | undefined): string => {
  if (!b) return '';
  if (b.kind === 'para') return [...(b.number ?? []), ...(b.heading ?? []), ...b.runs].map((r) => r.text).join(' ');
  if (b.kind === 'heading') return [...(b.number ?? []), ...b.text].map((r) => r.text).join(' ');
  return '';
};
/** Text as the view sets it: these spaces are non-breaking (a date, `Clause 3.2`). */
const tied = (s: string) => s.replace(/ /g, '\u00a0');
const find = (view: AnnexView, number: string) => view.body.find((b) => (b.kind === 'para' || b.kind === 'heading') && b.number?.map((r) => r.text).join('') === number);

describe('the clean annex view', () => {
  const corpus = loadCorpus(fixture, nodeHost);
  const view = buildView(input(corpus, 'AL', '20.0'));

  it('should put the version, designation and effective dates on the cover, from the direction', () => {
    expect(view.kind).toBe('clean');
    expect(view.cover.kicker).toBe(tied('Appendix AL'));
    expect(view.cover.versionLine).toBe(tied('Version 20.0'));
    expect(view.cover.markedUpLine).toBeNull();
    expect(view.cover.facts).toEqual(
      expect.arrayContaining([
        { label: 'Designation date', value: tied('9 June 2022') },
        { label: 'Effective date', value: tied('10 June 2022') },
        { label: 'Classification', value: 'DCC Public' },
      ]),
    );
    expect(view.date).toBe('2022-06-09');
  });

  it('should show top-level clauses as headings and hang provisions and sub-paragraphs at their levels', () => {
    const heading = find(view, '3');
    expect(heading).toMatchObject({ kind: 'heading', level: 1, text: [{ text: 'Requesting Party', bold: true }] });
    expect(find(view, '3.2')).toMatchObject({ kind: 'para', indent: 0, heading: [{ text: 'Decommissioning.', bold: true }] });
    expect(text(find(view, '3.2'))).toContain('save for the MOC (MDS) cohort');
    const after41 = view.body.slice(view.body.indexOf(find(view, '4.1')!));
    expect(after41.slice(1, 5).map((b) => (b.kind === 'para' ? [b.number?.[0]?.text, b.indent] : null))).toEqual([
      ['(a)', 1],
      ['(b)', 1],
      ['(i)', 2],
      ['(ii)', 2],
    ]);
  });

  it('should keep the definitions table with its clause, at the text column', () => {
    const i = view.body.indexOf(find(view, '2.1')!);
    const table = view.body[i + 1];
    expect(table).toMatchObject({ kind: 'table', indent: 0 });
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells[0]?.[0]?.text)).toEqual(['Dormant Meter', 'Requesting Party']);
  });

  it('should link a cross-reference to the clause it names', () => {
    const p = find(view, '3.3');
    expect(find(view, '3.2')).toMatchObject({ anchor: 'c-3-2' });
    expect(p?.kind === 'para' && p.runs.find((r) => r.ref)).toEqual({ text: tied('Clause 3.2'), ref: 'c-3-2' });
    expect(annexToHtml(view)).toContain(`<a href="#c-3-2">${tied('Clause 3.2')}</a>`);
  });

  it('should list the top-level clauses in the table of contents and carry the version history', () => {
    expect(view.toc.map((e) => `${e.number} ${e.text}`)).toEqual(['1 Introduction', '2 Definitions and Interpretation', '3 Requesting Party', '4 Exclusion Categories']);
    expect(view.history?.rows.map((r) => r.cells[0])).toEqual(['19.0', '20.0']);
    expect(view.legend).toEqual([]);
    expect(view.changes).toEqual([]);
  });

  it('should say so on the cover when a version is designated with no effective date yet', () => {
    const prospective = buildView({ ...input(corpus, 'AL', '20.0'), effective: null });
    expect(prospective.cover.facts).toContainEqual({ label: 'Effective date', value: 'Not yet fixed (designated prospectively)' });
  });

  it('should name the annex letter and direction when the view is a direction annex', () => {
    const d = corpus.directions.find((x) => x.meta.id === 'direction-2022-06-09')!.meta;
    const annex = buildView(input(corpus, 'AL', '20.0', { annex: { letter: 'B', title: 'SMETS1 TMAD version 20.0', direction: { id: d.id, title: d.title, made: d.made } } }));
    expect(annex.cover.kicker).toBe(tied('Annex B'));
    expect(annex.cover.annexTitle).toBe(`SMETS1 TMAD ${tied('version 20.0')}`);
    expect(annex.footer).toBe(`Annex B to the direction of ${tied('9 June 2022')}`);
    expect(annex.title.startsWith('Annex B: Appendix AL')).toBe(true);
  });

  it('should escape source text in HTML rather than interpret it', () => {
    const doc = findVersion(corpus, 'AL', '20.0')!;
    const evil = structuredClone(doc);
    const first = evil.clauses[0]!.children[0]!.content[0]!;
    if (first.type === 'paragraph') first.children = [{ type: 'text', value: '<script>alert(1)</script> & "quotes"' }];
    const html = annexToHtml(buildView({ ...input(corpus, 'AL', '20.0'), document: evil }));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('should write dates the way the SEC does, on one line', () => {
    expect(longDate('2022-06-10')).toBe('10\u00a0June\u00a02022');
    expect(longDate('2021-11-02')).toBe('2\u00a0November\u00a02021');
  });

  it('should tie a reference word to its number and a date together, and set an en dash for a spaced hyphen', () => {
    const d = corpus.directions.find((x) => x.meta.id === 'direction-2022-06-09')!.meta;
    const annex = buildView(input(corpus, 'AL', '20.0', { annex: { letter: 'A', title: 'SEC Appendix AL - SMETS1 TMAD', direction: { id: d.id, title: d.title, made: d.made } } }));
    expect(annex.cover.annexTitle).toBe(`SEC ${tied('Appendix AL')} \u2013 SMETS1 TMAD`);
    expect(annex.cover.versionLine).toBe('Version\u00a020.0');
    const all = view.body.flatMap((b) => (b.kind === 'para' ? b.runs : [])).map((r) => r.text).join('');
    expect(all).not.toMatch(/\bClause \d/);
    expect(all).toMatch(/Clause\u00a0\d/);
  });

  it('should size the number columns and share out table columns from the content', () => {
    expect(view.layout.numberColumns[0]).toBeGreaterThanOrEqual(4);
    const table = view.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    // The term column is narrower than the meaning column.
    expect(table?.kind === 'table' && table.widths[0]! < table.widths[1]!).toBe(true);
  });
});

describe('the marked-up annex view', async () => {
  const { diffDocuments } = await import('../../src/diff/index.js');
  const corpus = loadCorpus(fixture, nodeHost);
  const old = findVersion(corpus, 'AL', '19.0')!;
  const view = buildView(input(corpus, 'AL', '20.0', { against: { document: old, diff: diffDocuments(old, findVersion(corpus, 'AL', '20.0')!) } }));
  const marks = (b: BodyBlock | undefined) => (b?.kind === 'para' ? [...(b.number ?? []), ...(b.heading ?? []), ...b.runs].map((r) => r.mark ?? '=') : []);

  it('should say on the cover what it is marked up against', () => {
    expect(view.kind).toBe('marked-up');
    expect(view.cover.markedUpLine).toBe(`Marked up against ${tied('version 19.0')}`);
    expect(view.cover.facts).toContainEqual({ label: 'Compared with', value: 'AL v19.0, the version this one replaces' });
    expect(view.header).toBe('Appendix AL: TMAD v20.0 (marked up against v19.0)');
    // Only the kinds of change this annex has, the renumbering sample taken from it.
    expect(view.legend.map((l) => l.sample.map((r) => `${r.mark ?? ''}:${r.text}`).join(' '))).toEqual(['ins:inserted text', 'del:deleted text', 'del:4.2 ins:4.3', ':Changed clause']);
  });

  it('should list every changed clause in the table of changes, in reading order', () => {
    // A sub-paragraph is cited in full (4.1(c)); the parts of an inserted clause are not listed again.
    expect(view.changes.map((c) => [c.number, c.status, c.description, c.summary])).toEqual([
      ['3.2', 'amended', 'Amended', 'Decommissioning'],
      ['4.1(b)(ii)', 'amended', 'Amended', 'the supplier agrees; or'],
      ['4.1(c)', 'inserted', 'Inserted', 'the meter was installed before the DCC took on its SMSO.'],
      ['4.2', 'inserted', 'Inserted', 'Duplicate MPxNs'],
      ['4.3', 'renumbered', 'Renumbered (formerly 4.2), text unchanged', 'Unresolved Data Issues'],
      ['4.3', 'deleted', 'Deleted', 'Obsolete Category'],
    ]);
    for (const c of view.changes) expect(view.body.some((b) => 'anchor' in b && b.anchor === c.anchor)).toBe(true);
    // It says what it counts, beside the count `secdoc diff` prints (every sub-clause on its own).
    const changed = diffDocuments(old, findVersion(corpus, 'AL', '20.0')!).summary.changed;
    expect(changed).toBeGreaterThan(view.changes.length);
    expect(view.changesNote).toBe(`6 rows, one for each change. A clause inserted or deleted whole is one row, its sub-clauses with it; counting every clause and sub-clause on its own, ${changed} clauses changed.`);
  });

  it('should mark words inside an amended clause and leave the rest of it plain', () => {
    const p = find(view, '3.2');
    expect(p?.kind === 'para' && p.runs.filter((r) => r.mark).map((r) => [r.mark, r.text])).toEqual([['ins', ', save for the MOC (MDS) cohort']]);
    expect(p).toMatchObject({ status: 'amended', changed: true });
    expect(p?.kind === 'para' && p.mark).toBeFalsy();
  });

  it('should show an inserted clause underlined whole, and a deleted one struck through where it stood', () => {
    const inserted = view.body.find((b) => b.kind === 'para' && b.status === 'inserted');
    expect(inserted).toMatchObject({ mark: 'ins' });
    expect(new Set(marks(inserted))).toEqual(new Set(['ins']));
    const deleted = view.body.find((b) => b.kind === 'para' && b.status === 'deleted');
    expect(new Set(marks(deleted))).toEqual(new Set(['del']));
    expect(deleted).toMatchObject({ mark: 'del', anchor: 'old-4-3' });
    // It stands after the clause that took its number, as in the old document.
    expect(view.body.indexOf(deleted!)).toBeGreaterThan(view.body.indexOf(view.body.find((b) => b.kind === 'para' && b.status === 'renumbered')!));
  });

  it('should show a renumbered clause with old and new numbers and a note, not as a deletion and an insertion', () => {
    const p = view.body.find((b) => b.kind === 'para' && b.status === 'renumbered');
    expect(p?.kind === 'para' && p.number).toEqual([
      { text: '4.2', mark: 'del' },
      { text: '4.3', mark: 'ins' },
    ]);
    expect(p).toMatchObject({ note: tied('[Formerly 4.2]') });
    expect(p?.kind === 'para' && p.runs.every((r) => !r.mark)).toBe(true);
    expect(view.body.filter((b) => b.kind === 'para' && b.runs.map((r) => r.text).join('').includes('unresolved data issues'))).toHaveLength(1);
  });

  it('should leave unchanged clauses unmarked and mark the new version-history row', () => {
    for (const n of ['1.1', '2.1', '3.1', '3.3', '4.1', '(a)', '(i)']) {
      const b = find(view, n);
      expect(marks(b).every((m) => m === '='), n).toBe(true);
      expect(b && 'changed' in b, n).toBe(false);
    }
    expect(view.history?.rows.map((r) => r.mark ?? null)).toEqual([null, 'ins']);
  });

  it('should widen a number column so a renumbered clause fits it, for the whole document', () => {
    const para = (indent: number, number: BodyBlock & { kind: 'para' } extends infer P ? P extends { number: infer N } ? N : never : never): BodyBlock => ({ kind: 'para', indent, number, heading: null, runs: [{ text: 'text' }], anchor: null });
    const plainColumns = numberColumns([para(0, [{ text: '18.12' }]), para(1, [{ text: '(a)' }])]);
    expect(plainColumns).toEqual([4, 2.8]);
    const renumbered = numberColumns([para(0, [{ text: '18.12', mark: 'del' }, { text: '18.13', mark: 'ins' }]), para(1, [{ text: '(a)' }])]);
    // Two numbers of 2.5 em, the 0.3 em between them and the 0.8 em before the text.
    expect(renumbered[0]).toBeGreaterThanOrEqual(6.1);
    expect(renumbered[0]).toBeLessThan(6.3);
    expect(renumbered[1]).toBe(2.8);
  });
});
