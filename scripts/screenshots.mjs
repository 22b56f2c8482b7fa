#!/usr/bin/env node
// A contact sheet of one annex's pages in each format, for checking the look by eye: the PDF
// (pdftoppm), the HTML page printed by headless Chromium, and the Word file as LibreOffice lays it
// out. Writes annex-<X>-contact.png (PDF, HTML and Word bands, top to bottom) and one sheet per
// format. Usage:
//   node scripts/screenshots.mjs [--dist dist] [--annex A] [--out scratch/screenshots] [--dpi 30]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dist = resolve(opt('dist', 'dist'));
const letter = opt('annex', 'A');
const out = resolve(opt('out', 'scratch/screenshots'));
const dpi = opt('dpi', '30');
const PER_ROW = 8;
const GAP = 6;

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const find = (format) => manifest.artefacts.find((a) => a.annex === letter && a.format === format && a.path.startsWith('directions/'));
const files = { pdf: find('pdf'), html: find('html'), docx: find('docx') };
for (const [format, file] of Object.entries(files)) {
  if (!file) {
    console.error(`screenshots: annex ${letter} has no ${format} file in ${dist}/manifest.json (build it first: npm run build)`);
    process.exit(1);
  }
}
mkdirSync(out, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'secdoc-shots-'));

/** Every page of a PDF as PNGs, in page order. */
function pages(pdf, stem) {
  execFileSync('pdftoppm', ['-png', '-r', dpi, pdf, join(scratch, stem)]);
  return readdirSync(scratch)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(scratch, f))));
}

/** Pages tiled PER_ROW to a row on a grey ground. */
function sheet(images) {
  const w = Math.max(...images.map((i) => i.width));
  const h = Math.max(...images.map((i) => i.height));
  const rows = Math.ceil(images.length / PER_ROW);
  const png = new PNG({ width: PER_ROW * (w + GAP) + GAP, height: rows * (h + GAP) + GAP });
  png.data.fill(0xb0);
  images.forEach((img, k) => PNG.bitblt(img, png, 0, 0, img.width, img.height, GAP + (k % PER_ROW) * (w + GAP), GAP + Math.floor(k / PER_ROW) * (h + GAP)));
  return png;
}

/** Sheets stacked top to bottom. */
function stack(sheets) {
  const png = new PNG({ width: Math.max(...sheets.map((s) => s.width)), height: sheets.reduce((n, s) => n + s.height, 0) });
  png.data.fill(0x60);
  let y = 0;
  for (const s of sheets) {
    PNG.bitblt(s, png, 0, 0, s.width, s.height, 0, y);
    y += s.height;
  }
  return png;
}

// PDF: as published.
const pdfPages = pages(join(dist, files.pdf.path), 'pdf');

// HTML: printed to PDF by Chromium with the page's own print styles, then the same renderer.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(dist, files.html.path)).href);
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({ path: join(scratch, 'html.pdf'), format: 'A4', preferCSSPageSize: true });
} finally {
  await browser.close();
}
const htmlPages = pages(join(scratch, 'html.pdf'), 'html');

// Word: as LibreOffice lays it out (fonts are the machine's: Word names Arial).
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', scratch, join(dist, files.docx.path)], { stdio: 'ignore' });
const docxPdf = readdirSync(scratch).find((f) => f.endsWith('.pdf') && f !== 'html.pdf');
const docxPages = pages(join(scratch, docxPdf), 'docx');

const sheets = { pdf: sheet(pdfPages), html: sheet(htmlPages), docx: sheet(docxPages) };
for (const [format, png] of Object.entries(sheets)) {
  const target = join(out, `annex-${letter}-${format}.png`);
  writeFileSync(target, PNG.sync.write(png));
  console.log(`${target} (${format === 'pdf' ? pdfPages.length : format === 'html' ? htmlPages.length : docxPages.length} pages)`);
}
const contact = join(out, `annex-${letter}-contact.png`);
writeFileSync(contact, PNG.sync.write(stack([sheets.pdf, sheets.html, sheets.docx])));
console.log(contact);
