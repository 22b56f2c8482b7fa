/**
 * The HTML annexes in a real browser: axe-core in headless Chromium finds no serious or critical
 * accessibility problems, headings go down one level at a time, and the redline reads without colour.
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
    pages = manifest.artefacts.filter((a) => ((a.annex === 'A' || a.annex === 'B') && a.path.startsWith('directions/')) || a.path === 'index.html');
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('should have no serious or critical axe-core violations on Annex A, Annex B or the index', async () => {
    expect(pages.map((p) => p.annex ?? p.path).sort()).toEqual(['A', 'B', 'index.html']);
    for (const { path } of pages) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, path)).href);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } };
        const r = await w.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), path).toEqual([]);
      await page.close();
    }
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
