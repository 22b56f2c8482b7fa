/**
 * `secdoc diff --format html` in headless Chromium: no axe-core violations, and insertions and
 * deletions tell apart without colour (computed underline vs line-through, in greyscale too).
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli, realCorpusDir } from '../helpers.js';
import { describeSystem } from '../system.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describeSystem('the HTML redline in headless Chromium', ['chromium'], ({ chromium: executablePath }) => {
  const dir = mkdtempSync(join(tmpdir(), 'secdoc-redline-'));
  const files: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    const mp = join(realCorpusDir, 'en-github-site-policy', 'github-marketplace-developer-agreement__');
    const eeg = join(realCorpusDir, 'de-bundestag-gesetze', 'eeg_2009__stand-');
    for (const [name, a, b] of [
      ['al.html', 'AL@19.0', 'AL@20.0'],
      ['mp.html', `${mp}2021-08-24.md`, `${mp}2024-05-17.md`],
      ['eeg.html', `${eeg}2011-12-22.md`, `${eeg}2012-08-17.md`],
    ] as const) {
      const out = join(dir, name);
      const r = await cli(['diff', a, b, '--format', 'html', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      files.push(out);
    }
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('should have no axe-core violations (WCAG 2 A/AA and best practice)', async () => {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
        return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
      });
      expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`), file).toEqual([]);
      await page.close();
    }
  });

  it('should underline insertions and strike deletions, so the marks survive without colour', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await page.goto(pathToFileURL(files[1]!).href);
    const marks = await page.evaluate(() => {
      const style = (sel: string) => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el).textDecorationLine : null;
      };
      return { ins: style('.body ins'), del: style('.body del'), bars: document.querySelectorAll('.body .changed').length };
    });
    expect(marks.ins).toContain('underline');
    expect(marks.del).toContain('line-through');
    expect(marks.bars).toBeGreaterThan(50);
    await page.close();
  });

  it('should link every row of the table of changes to its clause', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(files[2]!).href);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.changes a[href^="#"]')].filter((a) => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map((a) => a.href),
    );
    expect(broken).toEqual([]);
    await page.close();
  });
});
