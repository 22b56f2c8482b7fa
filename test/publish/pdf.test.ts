/**
 * The Typst PDF of Annex A (AL 20.0 marked up against 19.0), read back with pdf.js: a renumbered
 * clause's lines share one left edge, no table row is split across pages, the structure tree has
 * one H1, tagged lists and a tagged contents, bookmarks read as the headings do, and the print
 * variant sets its marks in black.
 */
import { describe, expect, it } from 'vitest';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { documentsDir } from '../helpers.js';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { diffDocuments } from '../../src/diff/index.js';
import { buildView, type AnnexView } from '../../src/render/view/index.js';
import { annexToPdf } from '../../src/render/pdf/index.js';

const corpus = loadCorpus(documentsDir, nodeHost);
const v19 = findVersion(corpus, 'AL', '19.0')!;
const v20 = findVersion(corpus, 'AL', '20.0')!;
const direction = { id: 'direction-2022-06-09', title: 'Direction', made: '2022-06-09' };
const input = { document: v20, designated: '2022-06-09', effective: '2022-06-10', direction, annex: { letter: 'A', title: null, direction }, against: { document: v19, diff: diffDocuments(v19, v20) } };

// unpdf's own pdf.js build, as test/pdf.ts reads PDFs: its document proxy gives the structure tree
// and the operator list too.
type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;
const { OPS } = await getResolvedPDFJS();

interface TextItem {
  str: string;
  x: number;
  y: number;
  height: number;
}

async function open(view: AnnexView): Promise<PDFDocumentProxy> {
  return getDocumentProxy(annexToPdf(view), { verbosity: 0 });
}

async function pageItems(pdf: PDFDocumentProxy, n: number): Promise<TextItem[]> {
  const content = await (await pdf.getPage(n)).getTextContent();
  return content.items.flatMap((i) => ('str' in i && i.str.trim() !== '' ? [{ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, height: i.height }] : []));
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the PDF of a marked-up annex', async () => {
  const view = buildView(input);
  const pdf = await open(view);
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pageItems(pdf, i + 1)));

  it("should start every line of a renumbered clause's text at one left edge", () => {
    const renumbered = view.body.filter((b) => b.kind === 'para' && b.number?.length === 2 && b.number[0]!.mark === 'del' && b.number[1]!.mark === 'ins');
    expect(renumbered.length).toBeGreaterThanOrEqual(3);
    let measured = 0;
    for (const b of renumbered) {
      if (b.kind !== 'para') continue;
      const opening = b.runs.map((r) => r.text).join('').split(/\s+/).slice(0, 6).join(' ');
      for (const items of pages) {
        const start = items.findIndex((i) => i.str.startsWith(opening));
        if (start < 0) continue;
        // The paragraph runs until the next number label or a gap wider than a line.
        const lines = new Map<number, number>();
        let previous = items[start]!;
        for (const i of items.slice(start)) {
          if (i !== items[start] && (/^(?:\d+(?:\.\d+)*[A-Z]?|\([a-z]+\))$/.test(i.str.trim()) || previous.y - i.y > 1.8 * i.height)) break;
          lines.set(Math.round(i.y), Math.min(lines.get(Math.round(i.y)) ?? Infinity, i.x));
          previous = i;
        }
        const lefts = [...lines.values()];
        expect(lefts.length, `${opening}: wraps`).toBeGreaterThan(1);
        for (const left of lefts) expect(Math.abs(left - lefts[0]!), `${opening}: ${lefts.join(', ')}`).toBeLessThan(0.5);
        // The number hangs to the left of the text, on the first line.
        const number = items.find((i) => i.str.trim() === b.number![1]!.text && Math.abs(i.y - items[start]!.y) < 1);
        expect(number && number.x < lefts[0]!, `${opening}: its number`).toBe(true);
        measured++;
      }
    }
    expect(measured).toBeGreaterThanOrEqual(3);
  });

  it('should never split a table row across pages', () => {
    const texts = pages.map((items) => squash(items.map((i) => i.str).join('')));
    const rows = view.body.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      // A row split across pages splits its longest cell; whole, the cell is on one page.
      const cells = row.cells.map((c) => squash(c.map((r) => r.text).join('')));
      const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
      expect(texts.some((t) => t.includes(longest)), longest.slice(0, 60)).toBe(true);
    }
  });

  it('should tag one H1 (the cover title), the contents as TOC/TOCI, and the sub-paragraphs as lists', async () => {
    const roles = new Map<string, number>();
    const walk = (node: { role?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role) roles.set(node.role, (roles.get(node.role) ?? 0) + 1);
      for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
    };
    for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as never);
    expect(roles.get('H1')).toBe(1);
    expect(roles.get('H2')).toBeGreaterThan(10);
    expect(roles.get('TOC')).toBeGreaterThanOrEqual(1);
    expect(roles.get('TOCI')).toBeGreaterThan(15);
    expect(roles.get('L')).toBeGreaterThan(10);
    expect(roles.get('LI')).toBeGreaterThan(50);
    expect(roles.get('Lbl')).toBeGreaterThan(50);
    expect(roles.get('LBody')).toBe(roles.get('LI'));
    // The cover title is the first heading, not "Contents".
    const first = await (await pdf.getPage(1)).getStructTree();
    expect(JSON.stringify(first)).toMatch(/"role":"H1"/);
  });

  it('should tell a screen reader where each insertion and deletion starts and ends, and keep that out of the text', async () => {
    // The marks' alternative text in document order, with the element each one frames.
    const sequence: string[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role === 'Figure') sequence.push(node.alt ?? '(no alt)');
      else if (node.role === 'Span') sequence.push('Span');
      for (const child of node.children ?? []) walk(child as never);
    };
    for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as never);
    // A mark's words are one Span, or more where a line or a page breaks them.
    const framed = (kind: string) => sequence.join('|').match(new RegExp(`${kind} start(\\|Span)+\\|${kind} end`, 'g'))?.length ?? 0;
    // Every marked run of the body, at least, is framed (the legend and tables add more).
    const bodyRuns = (mark: string) => view.body.flatMap((b) => (b.kind === 'para' ? [...(b.number ?? []), ...b.runs] : [])).filter((r) => r.mark === mark).length;
    expect(bodyRuns('ins')).toBeGreaterThan(20);
    expect(framed('insertion')).toBeGreaterThanOrEqual(bodyRuns('ins'));
    expect(framed('deletion')).toBeGreaterThanOrEqual(bodyRuns('del'));
    // Nothing but frames: no marker opens without closing.
    expect(sequence.filter((s) => s.endsWith(' start')).length).toBe(framed('insertion') + framed('deletion'));
    expect(sequence).not.toContain('(no alt)');
    // The words are alternative text only: not in the page text a reader copies or searches.
    expect(pages.flat().some((i) => /insertion|deletion/.test(i.str))).toBe(false);
  });

  it('should read bookmarks as the headings do, number and words apart', async () => {
    const titles = ((await pdf.getOutline()) ?? []).map((o) => o.title);
    expect(titles).toContain('1 Introduction');
    expect(titles).toContain('10 Partial Migration');
    expect(titles.some((t) => /^\d+[A-Z]/.test(t))).toBe(false);
  });

  it('should carry the running header at the top and the footer with "Page x of y" at the foot of every page after the cover', () => {
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((items, i) => {
      if (i === 0) return;
      const top = [...items].sort((a, b) => b.y - a.y)[0]!;
      const foot = items.filter((t) => t.y === Math.min(...items.map((x) => x.y))).map((t) => t.str);
      expect([i + 1, top.str]).toEqual([i + 1, 'Appendix AL: TMAD v20.0 (marked up against v19.0)']);
      expect([i + 1, foot]).toEqual([i + 1, ['Annex A to the direction of 9 June 2022', `Page ${i + 1} of ${pages.length}`]]);
    });
  });

  it('should name its language and title in the PDF (what a screen reader reads first)', async () => {
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Language).toBe('en-GB');
    expect(info.Title).toBe('Annex A: Appendix AL SMETS1 Transition and Migration Approach Document (TMAD) v20.0, marked up against v19.0');
  });
});

describe('the print variant', () => {
  /** The fill colours the page content sets (`r g b rg` operators), other than black and greys. */
  const colours = async (view: AnnexView) => {
    const pdf = await open(view);
    const found = new Set<string>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const ops = await (await pdf.getPage(n)).getOperatorList();
      ops.argsArray.forEach((args, k) => {
        const fn = ops.fnArray[k];
        // pdf.js reports an RGB colour as a "#rrggbb" string.
        if ((fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor) && typeof args?.[0] === 'string') found.add(args[0]);
      });
    }
    return [...found].filter((c) => !/^#([0-9a-f]{2})\1\1$/.test(c));
  };

  it('should set insertions, deletions and bars in black, where the screen variant uses colour', async () => {
    expect(await colours(buildView(input))).not.toEqual([]);
    expect(await colours(buildView({ ...input, ink: 'black' }))).toEqual([]);
  });
});
