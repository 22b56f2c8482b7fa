#!/usr/bin/env node
// PNG screenshots of the first page of one annex's PDF (pdftoppm) and HTML (headless Chromium),
// for checking the look by eye. Usage:
//   node scripts/screenshots.mjs [--dist dist] [--annex A] [--out scratch/screenshots]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dist = resolve(opt('dist', 'dist'));
const letter = opt('annex', 'A');
const out = resolve(opt('out', 'scratch/screenshots'));

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const find = (format) => manifest.artefacts.find((a) => a.annex === letter && a.format === format);
const pdf = find('pdf');
const html = find('html');
if (!pdf || !html) {
  console.error(`screenshots: annex ${letter} has no PDF and HTML in ${dist}/manifest.json`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

// PDF: the cover and the first page of text, at 110 dpi.
const stem = join(out, `annex-${letter}-pdf`);
execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', join(dist, pdf.path), `${stem}-page1`]);
console.log(`${stem}-page1.png`);

// HTML: the first screenful at a desktop width, as a reader opening the page sees it.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(dist, html.path)).href);
  const target = join(out, `annex-${letter}-html-page1.png`);
  await page.screenshot({ path: target });
  console.log(target);
  // And the marked-up body, where the redline is, when there is one.
  const changed = await page.$('.body .changed');
  if (changed) {
    await changed.scrollIntoViewIfNeeded();
    const body = join(out, `annex-${letter}-html-redline.png`);
    await page.screenshot({ path: body });
    console.log(body);
  }
} finally {
  await browser.close();
}
