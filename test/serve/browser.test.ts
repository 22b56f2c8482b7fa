/**
 * `secdoc serve` in real Chromium: the open page follows the sources by itself. The test only
 * writes files; on the server's event the page fetches itself again and swaps the new body in
 * (no reload), showing the edit, then the located error of a broken source, then the mended
 * source without it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeHost } from '../../src/corpus/node-host.js';
import { startPreview, type Preview } from '../../src/serve/index.js';
import { copyDocuments } from '../helpers.js';
import { describeSystem } from '../system.js';

describeSystem('secdoc serve in Chromium', ['chromium'], ({ chromium: executablePath }) => {
  const root = copyDocuments();
  const source = join(root, 'tmad', 'v20.0.md');
  const original = readFileSync(source, 'utf8');
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    preview = await startPreview({ root, host: nodeHost, port: 0 });
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('should show each save in place: the edit, the located error of a broken source, then neither', async () => {
    const page = await browser.newPage();
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await page.goto(new URL('source/tmad/v20.0.md', preview.url).href);
    await expect.poll(() => page.locator('#c-9-4').textContent()).toContain('The DCC shall notify the Responsible Supplier');
    // Connected to the event stream before the first save.
    await page.locator('html[data-live="connected"]').waitFor({ state: 'attached' });
    // Gone if the page navigates: each save must be swapped into this page, not reloaded.
    await page.evaluate(() => Object.assign(window, { sameWindow: true }));

    writeFileSync(source, original.replace('9.4 The DCC shall notify', '9.4 The DCC shall promptly notify'));
    await expect.poll(() => page.locator('#c-9-4').textContent(), { timeout: 20_000 }).toContain('The DCC shall promptly notify');

    // A duplicate clause number: the error names file, line and column and links to the clause.
    const line = original.split('\n').findIndex((l) => l.startsWith('9.4 The DCC')) + 1;
    writeFileSync(source, original.replace('9.4 The DCC', '9.3 The DCC'));
    const error = page.locator('#diagnostics li.error', { hasText: 'duplicate-number' }).first();
    await expect.poll(() => error.count(), { timeout: 20_000 }).toBe(1);
    const link = error.locator('a');
    expect(await link.textContent()).toMatch(new RegExp(`tmad/v20\\.0\\.md:${line}:1$`));
    const anchor = (await link.getAttribute('href'))!;
    expect(anchor).toMatch(/^#c-/);
    await link.click();
    expect(new URL(page.url()).hash).toBe(anchor);
    expect(await page.locator(anchor).isVisible()).toBe(true);

    writeFileSync(source, original);
    await expect.poll(() => page.locator('#diagnostics li.error').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator('#c-9-4').textContent()).toContain('The DCC shall notify');
    // Three saves shown, and the page loaded only once: when the test navigated to it.
    expect(loads).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow)).toBe(true);
    expect(await page.evaluate(() => Number(document.documentElement.dataset.generation))).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 120_000);
});
