/**
 * The Word writer's runs and marks on a small redline written here: tracked insertions and
 * deletions with author and date, a replaced number's last deleted character spaced out, source
 * formatting, escaping, and links to clause bookmarks. Expected XML fragments are written by hand.
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

const before = doc('1.0', '1.1 The DCC shall act within 10 days <b>&</b>.\n\n1.2 See Clause 1.1 and **bold** *slanted* `code` ~~struck~~ text.\n\n1.3 The Panel may decide.');
const after = doc('2.0', '1.1 The DCC shall act within 12 days <b>&</b>.\n\n1.2 See Clause 1.1 and **bold** *slanted* `code` ~~struck~~ text.\n\n1.3 The Panel shall decide.');
const direction = { id: 'd', title: 'D', made: '2022-06-09' };

async function bodyXml(view: ReturnType<typeof buildView>): Promise<string> {
  const xml = strFromU8(unzipSync(await annexToDocx(view))['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:bookmarkStart w:name="c_1"'));
}

// Written inside each test, not while the tests are collected or once for all of them: mutation
// testing switches a mutant on only for the tests themselves, and credits the writer's code to
// the tests that run it (see README, "Mutation testing").
const writeBoth = async () => ({
  marked: await bodyXml(buildView({ document: after, designated: '2022-06-09', effective: '2022-06-10', direction, against: { document: before, diff: diffDocuments(before, after) } })),
  clean: await bodyXml(buildView({ document: after, designated: '2022-06-09', effective: '2022-06-10', direction })),
});

describe('render/docx: runs and tracked changes', () => {
  const CHANGE = 'w:author="secdoc" w:date="2022-06-09T00:00:00Z"';

  it('should delete the old number with its last character spaced, then insert the new one, dated by the designation', async () => {
    const { marked } = await writeBoth();
    expect(marked).toMatch(
      new RegExp(
        String.raw`<w:t xml:space="preserve">The DCC shall act within </w:t></w:r>` +
          String.raw`<w:del w:id="\d+" ${CHANGE}><w:r><w:delText xml:space="preserve">1</w:delText></w:r></w:del>` +
          String.raw`<w:del w:id="\d+" ${CHANGE}><w:r><w:rPr><w:spacing w:val="60"/></w:rPr><w:delText xml:space="preserve">0</w:delText></w:r></w:del>` +
          String.raw`<w:ins w:id="\d+" ${CHANGE}><w:r><w:t xml:space="preserve">12</w:t></w:r></w:ins>` +
          String.raw`<w:r><w:t xml:space="preserve"> days &lt;b&gt;&amp;&lt;/b&gt;\.</w:t></w:r>`,
      ),
    );
  });

  it('should replace a word with a deletion and an insertion, numbered apart', async () => {
    const { marked } = await writeBoth();
    expect(marked).toMatch(new RegExp(String.raw`<w:del w:id="\d+" ${CHANGE}><w:r><w:rPr><w:spacing w:val="60"/></w:rPr><w:delText xml:space="preserve">[a-z]*</w:delText></w:r></w:del><w:ins w:id="\d+" ${CHANGE}><w:r><w:t xml:space="preserve">(shall|hall)</w:t></w:r></w:ins>`));
    const ids = [...marked.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should carry the source\'s bold, italic, code and strike, and escape text', async () => {
    const { marked, clean } = await writeBoth();
    for (const xml of [marked, clean]) {
      expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">bold</w:t></w:r>');
      expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">slanted</w:t></w:r>');
      expect(xml).toContain('<w:r><w:rPr><w:rFonts w:ascii="Courier New" w:cs="Courier New" w:eastAsia="Courier New" w:hAnsi="Courier New"/></w:rPr><w:t xml:space="preserve">code</w:t></w:r>');
      expect(xml).toContain('<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">struck</w:t></w:r>');
      expect(xml).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
      expect(xml).not.toContain('<b>');
    }
  });

  it('should link a clause reference to the clause\'s bookmark, and bookmark each clause', async () => {
    const { clean } = await writeBoth();
    // The reference is kept together with a no-break space.
    expect(clean).toContain('<w:hyperlink w:history="1" w:anchor="c_1_1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Clause\u00a01.1</w:t></w:r></w:hyperlink>');
    for (const name of ['c_1', 'c_1_1', 'c_1_2', 'c_1_3']) expect(clean, name).toMatch(new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>[\\s\\S]*?<w:bookmarkEnd w:id="\\1"/>`));
  });

  it('should write no tracked change into the clean version', async () => {
    const { clean } = await writeBoth();
    expect(clean).not.toMatch(/<w:(ins|del)\b/);
    expect(clean).toContain('<w:t xml:space="preserve">The DCC shall act within 12 days &lt;b&gt;&amp;&lt;/b&gt;.</w:t>');
  });
});
