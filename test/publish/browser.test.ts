/**
 * The HTML annexes in a real browser: axe-core in headless Chromium finds no WCAG 2.2 AA problem
 * on any page of the pack, headings go down one level at a time, the redline reads without
 * colour, and a renumbered clause's lines all start at one left edge.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { describeSystem } from '../system.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describeSystem('the HTML annexes in headless Chromium', ['chromium'], ({ chromium: executablePath }) => {
  const out = join(mkdtempSync(join(tmpdir(), 'secdoc-html-')), 'dist');
  let browser: Browser;
  let pages: Array<{ path: string; annex: string | null }>;

  beforeAll(async () => {
    const r = await cli(['build', '--out', out, '--formats', 'html']);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; annex: string | null }> };
    pages = manifest.artefacts.filter((a) => a.path.endsWith('.html'));
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('should have no WCAG 2.2 AA violation that axe-core finds, on any HTML page of the pack', async () => {
    // The index, every annex (clean and marked up, in version and direction folders) and the direction.
    expect(pages.length).toBeGreaterThanOrEqual(17);
    expect(pages.map((p) => p.path)).toContain('directions/direction-2022-06-09/direction.html');
    // Every annex of the direction, marked up (A, C, E) and clean (B, D, F), is among them.
    expect(pages.filter((p) => p.path.startsWith('directions/') && p.annex !== null).map((p) => p.annex).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(pages.filter((p) => /^(AL|AK|J)\/v[\d.]+\/appendix-[A-Z]+-v[\d.]+\.html$/.test(p.path))).toHaveLength(6);
    for (const { path } of pages) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, path)).href);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } };
        const r = await w.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it("should start every line of a renumbered clause's text at one left edge, and keep dates on one line", async () => {
    const a = pages.find((p) => p.annex === 'A')!;
    for (const width of [1000, 560]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(join(out, a.path)).href);
      const clauses = await page.evaluate(() =>
        [...document.querySelectorAll('.body p.clause')]
          .filter((p) => p.querySelector(':scope > .n del + ins'))
          .map((p) => {
            // The text after the number: each line box's left edge.
            const range = document.createRange();
            range.setStartAfter(p.querySelector(':scope > .n')!);
            // Up to the note, which is set smaller and would start a "line" of its own height.
            const note = p.querySelector(':scope > .note');
            if (note) range.setEndBefore(note);
            else range.setEnd(p, p.childNodes.length);
            const lines = new Map<number, number>();
            for (const r of range.getClientRects()) {
              if (r.width === 0) continue;
              const top = Math.round(r.top);
              lines.set(top, Math.min(lines.get(top) ?? Infinity, r.left));
            }
            return { id: p.id, lefts: [...lines.entries()].sort((x, y) => x[0] - y[0]).map(([, left]) => left) };
          }),
      );
      expect(clauses.length, 'renumbered clauses in Annex A').toBeGreaterThanOrEqual(3);
      for (const c of clauses) {
        expect(c.lefts.length, `${c.id} at ${width}px wraps`).toBeGreaterThan(1);
        for (const left of c.lefts) expect(Math.abs(left - c.lefts[0]!), `${c.id} at ${width}px: ${c.lefts.join(', ')}`).toBeLessThan(1);
      }
      await page.close();
    }
    const index = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await index.goto(pathToFileURL(join(out, 'index.html')).href);
    // A date in a table cell is one line high, however narrow the column.
    const heights = await index.$$eval('td', (cells) => cells.filter((c) => /^\d{1,2}\u00a0\w+\u00a0\d{4}$/.test(c.textContent ?? '')).map((c) => {
      const r = document.createRange();
      r.selectNodeContents(c);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    }));
    expect(heights.length).toBeGreaterThanOrEqual(3);
    expect(new Set(heights)).toEqual(new Set([1]));
    await index.close();
  });

  it('should keep headings in order and mark insertions and deletions without relying on colour', async () => {
    const a = pages.find((p) => p.annex === 'A')!;
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, a.path)).href);
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    const marks = await page.evaluate(() => {
      const style = (sel: string) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).textDecorationLine : null;
      };
      return { ins: style('.body ins'), del: style('.body del'), count: document.querySelectorAll('.body ins, .body del').length, bars: document.querySelectorAll('.body .changed').length };
    });
    expect(marks.ins).toBe('underline');
    expect(marks.del).toBe('line-through');
    expect(marks.count).toBeGreaterThan(10);
    expect(marks.bars).toBeGreaterThan(5);
    await page.close();
  });
});
