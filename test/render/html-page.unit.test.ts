/**
 * The HTML writer's page on a small redline written here: the templates' helpers (marked contents
 * entries, history column widths, heading levels, one partial per block kind, number columns) and
 * the font and layout CSS. Expected fragments are written out by hand.
 */
import { describe, expect, it, vi } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import type { VersionDocument } from '../../src/corpus/index.js';
import { diffDocuments } from '../../src/diff/index.js';
import { buildView } from '../../src/render/view/index.js';
import type { IndexPage } from '../../src/render/html/index.js';

const HISTORY = '## Version history\n\n| Version | Date | Change |\n| --- | --- | --- |\n| 1.0 | 2021-01-01 | First |';
const doc = (version: string, body: string) =>
  parseDocument(`---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "${version}"\ndesignated_by: d\n---\n\n${HISTORY}\n\n${body}`, new VFile({ path: 'x.md' })) as VersionDocument;

const before = doc('1.0', '## 1 Intro\n\n1.1 The DCC shall act.\n\n## 2 Old\n\n2.1 Gone.');
const after = doc('2.0', '## 1 Intro\n\n1.1 The DCC shall act <b>.\n\n```\ncode here\n```\n\n| A | B |\n| - | - |\n| x | y |\n\n## 2 New\n\n2.1 Came.');
const direction = { id: 'd', title: 'D', made: '2022-06-09' };
// The view and page are made inside the tests, not while they are collected: mutation testing
// switches a mutant on only for the tests themselves (see README, "Mutation testing").
const viewOf = () => buildView({ document: after, designated: '2022-06-09', effective: '2022-06-10', direction, against: { document: before, diff: diffDocuments(before, after) } });

/**
 * The HTML writer loaded afresh, so the templates (compiled once per process) are compiled inside
 * the test that calls it: mutation testing credits code to the test that first runs it, and each
 * test here asserts on what a different helper of the templates writes.
 */
async function freshWriter() {
  vi.resetModules();
  return import('../../src/render/html/index.js');
}

describe('render/html: the annex page', () => {

  it('should mark inserted and deleted entries of the contents, and leave unchanged ones plain', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(html).toContain('<li><span class="n">1</span><a href="#c-1">Intro</a></li>');
    expect(html).toContain('<li class="del"><span class="n"><del>2</del></span><a href="#old-2"><del>Old</del></a></li>');
    expect(html).toContain('<li class="ins"><span class="n"><ins>2</ins></span><a href="#c-2"><ins>New</ins></a></li>');
  });

  it('should size the version history\'s columns in per cent to one decimal, and write its cells as text', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(view.history!.widths).toEqual([0.294, 0.405, 0.301]);
    expect(html).toContain('<colgroup><col style="width: 29.4%"><col style="width: 40.5%"><col style="width: 30.1%"></colgroup>');
    expect(html).toContain('<tr><td>1.0</td><td>2021-01-01</td><td>First</td></tr>');
  });

  it('should write a level-1 clause heading as h2 and each block through its own partial, indented by the number column', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(html).toContain('<h2 id="c-1"><span class="n">1</span><span><strong>Intro</strong></span></h2>');
    expect(html).toContain('<p class="clause changed" id="c-1-1" style="--pad: 4rem; --hang: 4rem"><span class="n">1.1</span>The DCC shall act <ins>&lt;b&gt;</ins>.</p>');
    expect(html).toContain('<pre class="changed" style="--pad: 4rem; --hang: 4rem"><ins>code here</ins></pre>');
    expect(html).toContain('<colgroup><col style="width: 50%"><col style="width: 50%"></colgroup>\n<thead><tr><th scope="col"><ins>A</ins></th><th scope="col"><ins>B</ins></th></tr></thead>');
  });

  it('should set the first number column in the page CSS, and write font faces only when given where the fonts are', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(html).toContain('.body { --col0: 4rem; }\n');
    // Without fonts, the style sheet starts with the page CSS itself.
    expect(html).toContain('<style>\n/* secdoc annex pages');
    expect(html).not.toContain('@font-face');
    const withFonts = annexToHtml(view, { fontBase: '../../fonts/' });
    expect(withFonts.match(/@font-face \{[^}]*url\("\.\.\/\.\.\/fonts\/[^"]+\.ttf"\)/g)).toHaveLength(4);
    expect(withFonts.indexOf('@font-face')).toBeLessThan(withFonts.indexOf('.body { --col0: 4rem; }'));
  });

  it('should put the running header and footer in the print CSS as quoted strings', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(html).toMatch(/@top-left \{ content: "Appendix AL: TMAD v2\.0 \(marked up against v1\.0\)";/);
    expect(html).toMatch(/@bottom-left \{ content: "[^"]+";/);
  });

  it('should be the same page every time', async () => {
    const { annexToHtml } = await freshWriter();
    const view = viewOf();
    const html = annexToHtml(view);
    expect(annexToHtml(view)).toBe(html);
  });
});

describe('render/html: the index page', () => {
  const page: IndexPage = {
    title: 'Pack <1>',
    intro: 'Intro & more',
    directions: [],
    documents: [{ anchor: 'al', title: 'TMAD', versions: [{ version: '20.0', designated: '9 June 2022', inForce: 'from 10 June 2022', clean: [{ href: 'AL/a.html', label: 'HTML' }], markedUpAgainst: null, markedUp: [] }] }],
    extras: [],
  };

  it('should escape the pack\'s text and write font faces only when given where the fonts are', async () => {
    const { indexToHtml } = await freshWriter();
    const html = indexToHtml(page);
    expect(html).toContain('<title>Pack &lt;1&gt;</title>');
    expect(html).toContain('<p>Intro &amp; more</p>');
    expect(html).toContain('<tr><td>20.0</td><td>9 June 2022</td><td>from 10 June 2022</td><td class="formats"><a href="AL/a.html">HTML</a> </td><td class="formats"></td></tr>');
    expect(html).toContain('<style>\n/* secdoc annex pages');
    expect(html).not.toContain('@font-face');
    expect(indexToHtml(page, { fontBase: 'fonts/' }).match(/url\("fonts\/[^"]+\.ttf"\)/g)).toHaveLength(4);
  });
});
