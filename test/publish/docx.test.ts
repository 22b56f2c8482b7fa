/**
 * The Word writer: tracked changes a reader can accept or reject. Accepting every change in the
 * marked-up annex must give the clean new text; rejecting every change, the clean old text.
 */
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { diffDocuments } from '../../src/diff/index.js';
import { buildView, type ViewInput } from '../../src/render/view/index.js';
import { annexToDocx } from '../../src/render/docx/index.js';

const corpus = loadCorpus(join(repoRoot, 'test/fixtures/publish/documents'), nodeHost);
const v19 = findVersion(corpus, 'AL', '19.0')!;
const v20 = findVersion(corpus, 'AL', '20.0')!;
const base = (document: typeof v20): ViewInput => ({ document, designated: '2022-06-09', effective: '2022-06-10', direction: { id: 'direction-2022-06-09', title: 'Direction', made: '2022-06-09' } });

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

/** Paragraph texts from the first clause on, after accepting or rejecting every tracked change. */
function bodyText(xml: string, how: 'accept' | 'reject' | 'as-is'): string[] {
  // Redline notes describe the changes; they are not text of either version.
  let s = xml.replace(/<w:r><w:rPr><w:rStyle w:val="RedlineNote"\/>[\s\S]*?<\/w:r>/g, '');
  if (how === 'accept') s = s.replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '');
  if (how === 'reject') s = s.replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '').replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>');
  const start = s.indexOf('w:name="c_1"');
  const paragraphs = s.slice(s.lastIndexOf('<w:p>', start) >= 0 ? s.lastIndexOf('<w:p', start) : start).split(/<\/w:p>/);
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .filter((t) => t.trim() !== '');
}

// Written inside the tests, not while they are collected: mutation testing switches a mutant on
// only for the tests themselves (see README, "Mutation testing").
let written: Promise<{ marked: Record<string, string>; clean20: Record<string, string>; clean19: Record<string, string>; doc: string }> | undefined;
const writeAll = () =>
  (written ??= (async () => {
    const marked = parts(await annexToDocx(buildView({ ...base(v20), against: { document: v19, diff: diffDocuments(v19, v20) } })));
    const clean20 = parts(await annexToDocx(buildView(base(v20))));
    const clean19 = parts(await annexToDocx(buildView({ ...base(v19) })));
    return { marked, clean20, clean19, doc: marked['word/document.xml']! };
  })());

describe('the Word writer', () => {

  it('should write tracked changes with author, date and a unique id each', async () => {
    const { clean20, doc } = await writeAll();
    const changes = [...doc.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)];
    expect(changes.length).toBeGreaterThan(6);
    expect(new Set(changes.map((m) => m[2])).size).toBe(changes.length);
    expect(new Set(changes.map((m) => `${m[3]} ${m[4]}`))).toEqual(new Set(['secdoc 2022-06-09T00:00:00Z']));
    expect(clean20['word/document.xml']).not.toMatch(/<w:(ins|del)\b/);
  });

  it('should give the clean new text when every change is accepted, and the old text when every change is rejected', async () => {
    const { clean20, clean19, doc } = await writeAll();
    expect(bodyText(doc, 'accept')).toEqual(bodyText(clean20['word/document.xml']!, 'as-is'));
    expect(bodyText(doc, 'reject')).toEqual(bodyText(clean19['word/document.xml']!, 'as-is'));
  });

  it('should track the paragraph marks of whole inserted and deleted paragraphs, so none is left empty', async () => {
    const { doc } = await writeAll();
    expect(doc).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr><w:ins w:id="\d+"/);
    expect(doc).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr><w:del w:id="\d+"/);
  });

  it('should print a renumbering note after the text, as the PDF and HTML do, in its own character style', async () => {
    const { marked, doc } = await writeAll();
    expect(doc).toMatch(/<w:r><w:rPr><w:rStyle w:val="RedlineNote"\/><\/w:rPr><w:t xml:space="preserve"> \[Formerly\u00a04\.2\]<\/w:t><\/w:r>/);
    expect(marked['word/styles.xml']).toContain('w:styleId="RedlineNote"');
    expect(marked['word/comments.xml'] ?? '').not.toContain('Formerly');
  });

  it('should keep an old and a new number apart without adding a character: the old one ends spaced out', async () => {
    const { doc } = await writeAll();
    // <w:del>4.</w:del><w:del>2 (spaced)</w:del><w:ins>4.3</w:ins>: never "4.24.3" run together.
    const runs = /<w:del [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:delText[^>]*>4\.<\/w:delText><\/w:r><\/w:del><w:del [^>]*><w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:delText[^>]*>2<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t[^>]*>4\.3<\/w:t>/.exec(doc);
    expect(runs, 'the renumbered clause 4.3').not.toBeNull();
    expect(runs![1]).toMatch(/<w:spacing w:val="60"\/>/);
  });

  it('should have a real contents field and the document language on every run', async () => {
    const { marked, doc } = await writeAll();
    expect(doc).toMatch(/<w:instrText[^>]*>\s*TOC \\h \\o &quot;1-1&quot;\s*<\/w:instrText>/);
    expect(doc).toMatch(/<w:fldChar w:fldCharType="begin"/);
    // Its entries are written in, so it is not empty before Word updates it.
    expect(doc).toMatch(/<w:hyperlink [^>]*w:anchor="c_1"[^>]*>(?:(?!<\/w:hyperlink>).)*Introduction/);
    expect(marked['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="en-GB"\/>/);
  });

  it('should keep table rows whole on a page and repeat the header row', async () => {
    const { doc } = await writeAll();
    const rows = [...doc.matchAll(/<w:tr>(?:<w:trPr>((?:(?!<\/w:trPr>).)*)<\/w:trPr>)?/g)].map((m) => m[1] ?? '');
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    expect(rows.filter((r) => r.includes('<w:tblHeader/>')).length).toBeGreaterThan(1);
  });

  it('should stamp the package with dates from the sources, not the clock', async () => {
    const { marked } = await writeAll();
    expect(marked['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>2022-06-09T00:00:00Z<\/dcterms:created>/);
    expect(marked['docProps/core.xml']).toMatch(/<dcterms:modified[^>]*>2022-06-09T00:00:00Z<\/dcterms:modified>/);
  });
});
