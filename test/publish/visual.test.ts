/**
 * Visual regression: chosen pages of each annex of the June 2022 direction, rendered as PNG (the
 * PDF through pdftoppm, the HTML through headless Chromium), compared with the reference images
 * committed in test/visual/ within a small tolerance, so a layout change is seen, not guessed.
 * `npm run screenshots:update` rewrites the references on purpose (review them before committing).
 * Needs pdftoppm and Chromium (found on PATH, as the other system tests find them): skipped,
 * named '(needs ...)', when they are absent, failed under CI=true (test/system.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { documentsDir, repoRoot } from '../helpers.js';
import { describeSystem } from '../system.js';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { diffDocuments } from '../../src/diff/index.js';
import { FONT_FACES, fontBytes } from '../../src/render/fonts.js';
import { annexToHtml } from '../../src/render/html/index.js';
import { annexToPdf } from '../../src/render/pdf/index.js';
import { buildView } from '../../src/render/view/index.js';

const REFERENCES = join(repoRoot, 'test/visual');
const UPDATE = process.env.SECDOC_UPDATE_SCREENSHOTS === '1';
/** At most this share of pixels may differ (anti-aliasing, a font hinting change). */
const TOLERANCE = 0.004;

/** Each annex of the direction, with the PDF pages and the HTML places (top, or a clause's anchor) to compare; few and small, so the repository stays light. */
const ANNEXES = [
  { letter: 'A', doc: 'AL', version: '20.0', against: '19.0', pages: [1, 15], html: ['top', 'c-10-3'] },
  { letter: 'B', doc: 'AL', version: '20.0', against: null, pages: [4], html: [] },
  { letter: 'C', doc: 'AK', version: '10.0', against: '9.0', pages: [3], html: ['top'] },
  { letter: 'D', doc: 'AK', version: '10.0', against: null, pages: [4], html: [] },
  { letter: 'E', doc: 'J', version: '6.0', against: '5.0', pages: [3], html: ['c-10-4'] },
  { letter: 'F', doc: 'J', version: '6.0', against: null, pages: [4], html: [] },
] as const;

/** Compare with the reference, or write it when updating; returns the share of pixels that differ. */
function compare(name: string, actual: PNG): number {
  const path = join(REFERENCES, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(path, PNG.sync.write(actual));
    if (!UPDATE) throw new Error(`${name}: no reference image; wrote one to review (npm run screenshots:update rewrites them all)`);
    return 0;
  }
  const expected = PNG.sync.read(readFileSync(path));
  if (expected.width !== actual.width || expected.height !== actual.height) return 1;
  const diff = pixelmatch(expected.data, actual.data, undefined, actual.width, actual.height, { threshold: 0.2 });
  return diff / (actual.width * actual.height);
}

describeSystem("the annexes' look against reference images", ['pdftoppm', 'chromium'], ({ pdftoppm, chromium: executablePath }) => {
  const corpus = loadCorpus(documentsDir, nodeHost);
  const direction = { id: 'direction-2022-06-09', title: 'Direction to re-designate the SMETS1 TMAD, the ETAD and the SMETS1 SVTAD', made: '2022-06-09' };
  const scratch = mkdtempSync(join(tmpdir(), 'secdoc-visual-'));
  // The pages load the shipped fonts, as they do in a pack.
  mkdirSync(join(scratch, 'fonts'));
  for (const f of FONT_FACES) writeFileSync(join(scratch, 'fonts', f.file), fontBytes(f));
  const viewOf = (a: (typeof ANNEXES)[number]) => {
    const document = findVersion(corpus, a.doc, a.version)!;
    const old = a.against ? findVersion(corpus, a.doc, a.against)! : null;
    return buildView({ document, designated: '2022-06-09', effective: '2022-06-10', direction, annex: { letter: a.letter, title: null, direction }, against: old ? { document: old, diff: diffDocuments(old, document) } : null });
  };

  it('should lay out the chosen PDF pages as the references show', () => {
    const failures: string[] = [];
    for (const a of ANNEXES) {
      const pdf = join(scratch, `annex-${a.letter}.pdf`);
      writeFileSync(pdf, annexToPdf(viewOf(a)));
      for (const page of a.pages) {
        const stem = join(scratch, `annex-${a.letter}-p${page}`);
        execFileSync(pdftoppm, ['-png', '-r', '24', '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
        const share = compare(`annex-${a.letter}-pdf-p${page}.png`, PNG.sync.read(readFileSync(`${stem}.png`)));
        if (share > TOLERANCE) failures.push(`Annex ${a.letter} PDF page ${page}: ${(share * 100).toFixed(2)}% of pixels differ`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('should lay out the HTML pages as the references show', async () => {
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'] });
    const failures: string[] = [];
    try {
      for (const a of ANNEXES.filter((x) => x.html.length > 0)) {
        const html = join(scratch, `annex-${a.letter}.html`);
        writeFileSync(html, annexToHtml(viewOf(a), { fontBase: 'fonts/' }));
        const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 0.5 });
        await page.goto(pathToFileURL(html).href);
        await page.evaluate(() => document.fonts.ready);
        const shots: Array<[string, Buffer]> = [];
        for (const where of a.html) {
          await page.evaluate((id) => (id === 'top' ? window.scrollTo(0, 0) : document.getElementById(id)!.scrollIntoView()), where);
          shots.push([where, await page.screenshot()]);
        }
        for (const [where, bytes] of shots) {
          const share = compare(`annex-${a.letter}-html-${where}.png`, PNG.sync.read(bytes));
          if (share > TOLERANCE) failures.push(`Annex ${a.letter} HTML at ${where}: ${(share * 100).toFixed(2)}% of pixels differ`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);
});

