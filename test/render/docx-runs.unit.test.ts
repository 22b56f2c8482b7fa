/**
 * The Word writer on runs written here by hand, the view model's own shape: where a replaced
 * word's last deleted character is spaced out and where not, a note after the clause, bookmark
 * names Word accepts, which references become links, line breaks inside a change, and a table's
 * bold header. Expected XML fragments are written by hand.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import type { VersionDocument } from '../../src/corpus/index.js';
import { buildView } from '../../src/render/view/index.js';
import type { BodyBlock, Run } from '../../src/render/view/types.js';
import { annexToDocx } from '../../src/render/docx/index.js';

const document = parseDocument(
  '---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "2.0"\ndesignated_by: d\n---\n\n## 1 Intro\n\n1.1 Placeholder.\n\n1.2 Second.\n\n| Head | Other |\n| --- | --- |\n| x | y |',
  new VFile({ path: 'x.md' }),
) as VersionDocument;
const CHANGE = 'w:author="secdoc" w:date="2022-06-09T00:00:00Z"';
const SPACED = '<w:rPr><w:spacing w:val="60"/></w:rPr>';
const del = (text: string, rPr = '') => String.raw`<w:del w:id="\d+" ${CHANGE}><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const ins = (text: string) => String.raw`<w:ins w:id="\d+" ${CHANGE}><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
const plain = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** The document's XML with clause 1.1's block changed by `edit` (made inside each test; see README, "Mutation testing"). */
async function written(edit: (block: Extract<BodyBlock, { kind: 'para' }>, heading: Extract<BodyBlock, { kind: 'heading' }>) => void): Promise<string> {
  const view = buildView({ document, designated: '2022-06-09', effective: '2022-06-10', direction: { id: 'd', title: 'D', made: '2022-06-09' } });
  const block = view.body.find((b): b is Extract<BodyBlock, { kind: 'para' }> => b.kind === 'para' && b.anchor === 'c-1-1')!;
  edit(block, view.body.find((b): b is Extract<BodyBlock, { kind: 'heading' }> => b.kind === 'heading')!);
  return strFromU8(unzipSync(await annexToDocx(view))['word/document.xml']!);
}

/** Clause 1.1's runs after its number and tab, up to its bookmark's end. */
async function clauseRuns(runs: Run[]): Promise<string> {
  const xml = await written((block) => (block.runs = runs));
  const tab = '<w:t xml:space="preserve">\t</w:t></w:r>';
  const start = xml.indexOf(tab, xml.indexOf('<w:bookmarkStart w:name="c_1_1"')) + tab.length;
  return xml.slice(start, xml.indexOf('<w:bookmarkEnd', start));
}

describe('render/docx: runs written by hand', () => {
  it('should space out only the last character of a deletion straight before an insertion', async () => {
    expect(await clauseRuns([{ text: 'old', mark: 'del' }, { text: 'new', mark: 'ins' }, { text: ' end' }])).toMatch(
      new RegExp(`^${del('ol')}${del('d', SPACED)}${ins('new')}${plain(' end')}$`),
    );
    // Spaces inside either side do not part them where they meet.
    expect(await clauseRuns([{ text: 'old word', mark: 'del' }, { text: 'new word', mark: 'ins' }])).toMatch(new RegExp(`^${del('old wor')}${del('d', SPACED)}${ins('new word')}$`));
  });

  it('should space out a whole one-character deletion, and an emoji as one character, never leaving an empty deletion', async () => {
    expect(await clauseRuns([{ text: 'x', mark: 'del' }, { text: 'y', mark: 'ins' }])).toMatch(new RegExp(`^${del('x', SPACED)}${ins('y')}$`));
    expect(await clauseRuns([{ text: 'a\u{1F600}', mark: 'del' }, { text: 'b', mark: 'ins' }])).toMatch(new RegExp(`^${del('a')}${del('\u{1F600}', SPACED)}${ins('b')}$`, 'u'));
    expect(await clauseRuns([{ text: '\u{1F600}', mark: 'del' }, { text: 'b', mark: 'ins' }])).toMatch(new RegExp(`^${del('\u{1F600}', SPACED)}${ins('b')}$`, 'u'));
  });

  it('should leave a deletion as it is where a space already parts it from the insertion, or no insertion follows', async () => {
    expect(await clauseRuns([{ text: 'old ', mark: 'del' }, { text: 'new', mark: 'ins' }])).toMatch(new RegExp(`^${del('old ')}${ins('new')}$`));
    expect(await clauseRuns([{ text: 'old', mark: 'del' }, { text: ' new', mark: 'ins' }])).toMatch(new RegExp(`^${del('old')}${ins(' new')}$`));
    expect(await clauseRuns([{ text: 'old', mark: 'del' }, { text: 'kept' }])).toMatch(new RegExp(`^${del('old')}${plain('kept')}$`));
    expect(await clauseRuns([{ text: 'new', mark: 'ins' }, { text: 'old', mark: 'del' }])).toMatch(new RegExp(`^${ins('new')}${del('old')}$`));
    // An empty deletion (docx writes it as an empty run) has no last character to space out.
    expect(await clauseRuns([{ text: '', mark: 'del' }, { text: 'new', mark: 'ins' }])).toMatch(new RegExp(String.raw`^<w:del w:id="\d+" ${CHANGE}><w:r/></w:del>${ins('new')}$`));
  });

  it('should break the line inside an insertion and a deletion, each line part of the change', async () => {
    expect(await clauseRuns([{ text: 'one\ntwo', mark: 'ins' }, { text: ' and ' }, { text: 'three\nfour', mark: 'del' }])).toMatch(
      new RegExp(
        `^${ins('one')}` + String.raw`<w:ins w:id="\d+" ${CHANGE}><w:r><w:br/><w:t xml:space="preserve">two</w:t></w:r></w:ins>` + plain(' and ') +
          del('three') + String.raw`<w:del w:id="\d+" ${CHANGE}><w:r><w:br/><w:delText xml:space="preserve">four</w:delText></w:r></w:del>$`,
      ),
    );
  });

  it('should link only a reference to a clause this document holds, and leave an external link as text', async () => {
    const runs = await clauseRuns([{ text: 'Clause 1.2', ref: 'c-1-2' }, { text: ' and ' }, { text: 'Clause 9.9', ref: 'c-9-9' }, { text: ' at ' }, { text: 'site', href: 'https://example.org/' }]);
    expect(runs).toBe(
      '<w:hyperlink w:history="1" w:anchor="c_1_2"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Clause 1.2</w:t></w:r></w:hyperlink>' +
        plain(' and ') + plain('Clause 9.9') + plain(' at ') + plain('site'),
    );
  });

  it('should give a clause a bookmark name of letters, digits and underscores, at most 40 characters, and link to it by that name', async () => {
    const anchor = 'c-7.2(a)-' + 'x'.repeat(40);
    const name = 'c_7_2_a__' + 'x'.repeat(31);
    const xml = await written((block) => {
      block.anchor = anchor;
      block.runs = [{ text: 'See myself', ref: anchor }];
    });
    expect(xml).toMatch(new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>[\\s\\S]*<w:hyperlink w:history="1" w:anchor="${name}">[\\s\\S]*?<w:bookmarkEnd w:id="\\1"/>`));
  });

  it('should bookmark only a block with an anchor, and write a heading with no number from its tab', async () => {
    const xml = await written((block, heading) => {
      block.anchor = null;
      heading.number = null;
    });
    expect(xml).not.toContain('w:name="c_1_1"');
    expect(xml).toContain(`<w:t xml:space="preserve">1.1</w:t></w:r><w:r><w:t xml:space="preserve">\t</w:t></w:r>${plain('Placeholder.')}</w:p>`);
    expect(xml).toMatch(/<w:bookmarkStart w:name="c_1" w:id="\d+"\/><w:r><w:t xml:space="preserve">\t<\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Intro<\/w:t><\/w:r>/);
  });

  it('should print a note after the clause\'s text and bookmark, in the redline note style, and none when there is no note', async () => {
    const noted = await written((block) => (block.note = '[Formerly 1.3]'));
    expect(noted).toContain(`${plain('Placeholder.')}<w:bookmarkEnd w:id="`);
    expect(noted).toMatch(/<w:bookmarkEnd w:id="\d+"\/><w:r><w:rPr><w:rStyle w:val="RedlineNote"\/><\/w:rPr><w:t xml:space="preserve"> \[Formerly 1\.3\]<\/w:t><\/w:r><\/w:p>/);
    expect(await written(() => undefined)).not.toContain('RedlineNote"/></w:rPr><w:t');
  });

  it('should write a table\'s header cells bold and its other cells plain', async () => {
    const xml = await written(() => undefined);
    expect(xml).toContain(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Head</w:t></w:r>`);
    expect(xml).toContain(plain('x'));
  });
});
