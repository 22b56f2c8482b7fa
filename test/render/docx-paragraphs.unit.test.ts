/**
 * The Word writer on whole inserted and deleted clauses: the paragraph mark is part of the change,
 * so is the tab after the number and the space after a run-in heading; a reference inside an
 * inserted clause stays text (a hyperlink cannot be tracked); a line break stays a break.
 * Expected XML fragments are written by hand.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import type { VersionDocument } from '../../src/corpus/index.js';
import { diffDocuments } from '../../src/diff/index.js';
import { buildView } from '../../src/render/view/index.js';
import { annexToDocx } from '../../src/render/docx/index.js';

const doc = (version: string, body: string) =>
  parseDocument(`---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "${version}"\ndesignated_by: d\n---\n\n## 1 Intro\n\n${body}`, new VFile({ path: 'x.md' })) as VersionDocument;

const before = doc('1.0', '1.1 Kept line one\\\nline two.\n\n1.2 **Run-in heading.** Gone clause.\n\n1.3 See Clause 1.1.');
const after = doc('2.0', '1.1 Kept line one\\\nline two.\n\n1.3 See Clause 1.1.\n\n1.4 New clause, see Clause 1.1.');
const view = () => buildView({ document: after, designated: '2022-06-09', effective: '2022-06-10', direction: { id: 'd', title: 'D', made: '2022-06-09' }, against: { document: before, diff: diffDocuments(before, after) } });
const CHANGE = 'w:author="secdoc" w:date="2022-06-09T00:00:00Z"';
const del = (text: string, rPr = '') => String.raw`<w:del w:id="\d+" ${CHANGE}><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const ins = (text: string) => String.raw`<w:ins w:id="\d+" ${CHANGE}><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;

// Written inside each test, not while the tests are collected or once for all of them: mutation
// testing switches a mutant on only for the tests themselves, and credits the writer's code to
// the tests that run it (see README, "Mutation testing").
const documentXml = async () => strFromU8(unzipSync(await annexToDocx(view()))['word/document.xml']!);

describe('render/docx: whole clauses inserted and deleted', () => {

  it('should keep a line break inside a clause as a break before the next line', async () => {
    const xml = await documentXml();
    expect(xml).toContain('<w:r><w:t xml:space="preserve">Kept line one</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">line two.</w:t></w:r>');
  });

  it('should delete a clause\'s paragraph mark, number, tab, bold run-in heading and the space after it', async () => {
    const xml = await documentXml();
    expect(xml).toMatch(
      new RegExp(
        String.raw`<w:rPr><w:del w:id="\d+" ${CHANGE}/></w:rPr></w:pPr><w:bookmarkStart w:name="old_1_2" w:id="(\d+)"/>` +
          del('1.2') + del('\t') + del('Run-in heading.', '<w:rPr><w:b/><w:bCs/></w:rPr>') + del(' ') + del('Gone clause.') +
          String.raw`<w:bookmarkEnd w:id="\1"/></w:p>`,
      ),
    );
  });

  it('should insert a clause\'s paragraph mark, number and tab, its reference as tracked text rather than a link', async () => {
    const xml = await documentXml();
    expect(xml).toMatch(
      new RegExp(
        String.raw`<w:rPr><w:ins w:id="\d+" ${CHANGE}/></w:rPr></w:pPr><w:bookmarkStart w:name="c_1_4" w:id="(\d+)"/>` +
          ins('1.4') + ins('\t') + ins('New clause, see ') + ins('Clause\u00a01.1') + ins('.') +
          String.raw`<w:bookmarkEnd w:id="\1"/></w:p>`,
      ),
    );
  });

  it('should give the unchanged clause\'s reference a link to the clause\'s bookmark, and no paragraph mark change', async () => {
    const xml = await documentXml();
    expect(xml).toContain('<w:ind w:left="800" w:hanging="800"/></w:pPr><w:bookmarkStart w:name="c_1_3"');
    expect(xml).toContain('<w:hyperlink w:history="1" w:anchor="c_1_1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Clause\u00a01.1</w:t></w:r></w:hyperlink>');
  });
});
