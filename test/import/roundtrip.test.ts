/**
 * Round trip through secdoc's own Word files: every annex the build writes, imported, gives a
 * source whose clause tree equals the original's, and `secdoc diff` finds no changed clause. A
 * marked-up annex gives the new version with its changes accepted and the old one rejected.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments, documentsDir } from '../helpers.js';
import { findVersion, loadCorpus, type VersionDocument } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { importDocx, type FrontMatterOptions } from '../../src/import/index.js';
import { blockText, inlineText } from '../../src/model/text.js';
import type { Block, Clause } from '../../src/model/types.js';
import { parseDocument } from '../../src/parse/index.js';
import { buildPack } from '../../src/publish/index.js';

const corpus = loadCorpus(documentsDir, nodeHost);
const pack = await buildPack(corpus, { formats: ['docx'], workers: 0 });
const annexes = pack.artefacts.filter((a) => a.format === 'docx');
const scratch = mkdtempSync(join(tmpdir(), 'secdoc-import-rt-'));

/** The clause tree as a reader compares it: numbers, headings, text and tables, all the way down. */
function tree(clauses: readonly Clause[]): unknown[] {
  const blocks = (list: readonly Block[]) => list.filter((b) => b.type !== 'rule').map((b) => (b.type === 'table' ? { table: [b.header, ...b.rows].map((r) => r.map((c) => inlineText(c.children))) } : blockText(b)));
  return clauses.map((c) => ({ number: c.number, heading: c.heading, content: blocks(c.content), tail: blocks(c.tail), children: tree(c.children) }));
}

const frontMatter = (doc: VersionDocument): FrontMatterOptions => ({
  appendix: doc.meta.appendix,
  title: doc.meta.title,
  version: doc.meta.version,
  designatedBy: doc.meta.designatedBy,
  ...(doc.meta.shortName ? { shortName: doc.meta.shortName } : {}),
  ...(doc.meta.replaces ? { replaces: doc.meta.replaces } : {}),
  ...(doc.meta.classification ? { classification: doc.meta.classification } : {}),
});

async function expectSame(original: VersionDocument, markdown: string, name: string) {
  const imported = parseDocument(markdown, new VFile({ path: name }));
  expect(imported.meta).toEqual(original.meta);
  expect(tree(imported.clauses), name).toEqual(tree(original.clauses));
  const path = join(scratch, name);
  writeFileSync(path, markdown);
  const r = await cli(['diff', original.path, path, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const diff = JSON.parse(r.stdout) as { summary: { changed: number; unchanged: number }; sections: Array<{ status: string }> };
  expect(diff.summary.changed, name).toBe(0);
  expect(diff.summary.unchanged).toBeGreaterThan(100);
  expect(diff.sections.map((s) => s.status)).toEqual(['unchanged']);
}

describe('import of the Word annexes the build writes', () => {
  it('should find every annex: six clean versions and three marked up, with the direction annexes', () => {
    expect(annexes.filter((a) => a.kind === 'clean')).toHaveLength(9);
    expect(annexes.filter((a) => a.kind === 'marked-up')).toHaveLength(6);
  });

  for (const annex of annexes.filter((a) => a.kind === 'clean')) {
    it(`should give back the source of ${annex.path}`, async () => {
      const original = findVersion(corpus, annex.document!, annex.version!)!;
      const { markdown, warnings } = importDocx(annex.bytes, { frontMatter: frontMatter(original) });
      await expectSame(original, markdown, annex.path.replace(/\W+/g, '-') + '.md');
      // The cover and the contents are left out, with their words in a warning; nothing else is.
      expect(warnings.map((w) => w.message.split(':')[0])).toEqual([
        'the cover page is not imported (the front matter comes from the options and the document properties)',
        'the table of contents is not imported (it repeats the headings)',
      ]);
    });
  }

  for (const annex of annexes.filter((a) => a.kind === 'marked-up')) {
    it(`should give the new version of ${annex.path}, and with --reject the old one`, async () => {
      const newer = findVersion(corpus, annex.document!, annex.version!)!;
      const older = findVersion(corpus, annex.document!, annex.against!)!;
      const accepted = importDocx(annex.bytes, { frontMatter: frontMatter(newer) });
      await expectSame(newer, accepted.markdown, annex.path.replace(/\W+/g, '-') + '.new.md');
      const rejected = importDocx(annex.bytes, { mode: 'reject', frontMatter: frontMatter(older) });
      await expectSame(older, rejected.markdown, annex.path.replace(/\W+/g, '-') + '.old.md');
      // The "[Formerly 9.3]" notes (the "Redline note" style) are dropped, each with a warning that says so.
      expect(accepted.warnings.some((w) => w.message.startsWith('a redline note is not imported'))).toBe(annex.document !== 'J');
    });
  }

  it('should give sources that validate accepts in place of the originals', async () => {
    const documents = copyDocuments();
    const versions = annexes.filter((a) => a.kind === 'clean' && a.path.startsWith(`${a.document}/`));
    expect(versions).toHaveLength(6);
    for (const annex of versions) {
      const original = findVersion(corpus, annex.document!, annex.version!)!;
      const target = join(documents, original.path.slice(documentsDir.length + 1));
      writeFileSync(target, importDocx(annex.bytes, { frontMatter: frontMatter(original) }).markdown);
      expect(readFileSync(target, 'utf8')).toMatch(/^---\nappendix: /);
    }
    const r = await cli(['--documents', documents, 'validate', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, errors: 0 });
    expect(r.code).toBe(0);
    // The same warnings as the originals give, and no other.
    type Report = { diagnostics: Array<{ file: string; message: string; ruleId: string }> };
    const said = (report: Report) => report.diagnostics.map((d) => `${d.file.split('/').slice(-2).join('/')} ${d.ruleId} ${d.message}`).sort();
    const originals = await cli(['--documents', copyDocuments(), 'validate', '--json']);
    expect(said(JSON.parse(r.stdout) as Report)).toEqual(said(JSON.parse(originals.stdout) as Report));
  });

  it('should write both versions with --both, which secdoc diff then compares as the build does', async () => {
    const annex = annexes.find((a) => a.kind === 'marked-up' && a.document === 'AL')!;
    const docx = join(scratch, 'al-marked-up.docx');
    writeFileSync(docx, annex.bytes);
    const [oldMd, newMd] = [join(scratch, 'al-old.md'), join(scratch, 'al-new.md')];
    const r = await cli(['import', docx, '--appendix', 'AL', '--short-name', 'TMAD', '--doc-version', '20.0', '--replaces', '19.0', '--designated-by', 'direction-2022-06-09', '--both', oldMd, newMd]);
    expect(r.code, r.stderr).toBe(0);
    const ours = JSON.parse((await cli(['diff', oldMd, newMd, '--format', 'json'])).stdout) as { summary: unknown; old: { version: string }; new: { version: string } };
    const theirs = JSON.parse((await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'json'])).stdout) as { summary: unknown };
    expect(ours.summary).toEqual(theirs.summary);
    expect([ours.old.version, ours.new.version]).toEqual(['19.0', '20.0']);
  });
});
