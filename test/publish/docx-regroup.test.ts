/**
 * The Word writer and paragraphs split, merged or moved (issue 22, class 5): a split or merge is
 * a tracked paragraph mark (inserted or deleted), a moved paragraph an insertion where it stands
 * and a deletion where it stood. Accepting every change must give the new version's paragraphs
 * and rejecting every change the old version's, paragraph marks included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { repoRoot } from '../helpers.js';
import { parseDocument } from '../../src/parse/index.js';
import { diffDocuments } from '../../src/diff/index.js';
import { buildView, type VersionDoc } from '../../src/render/view/index.js';
import { annexToDocx } from '../../src/render/docx/index.js';

const source = readFileSync(join(repoRoot, 'test/fixtures/publish/documents/tmad/v20.0.md'), 'utf8');
const INTRO = '1.1 This document sets out the approach to migration.';
const OLD = [
  `${INTRO} It applies to every cohort that the DCC migrates.`,
  'The DCC shall publish each plan on its website.',
  'Each plan shall name the cohorts it covers.',
  'Supplier Parties shall be consulted on each plan before it is published.',
  'The Panel may ask the DCC to explain any plan.',
];
const [, second, third, fourth, fifth] = OLD as [string, string, string, string, string];
const NEW = [INTRO, 'It applies to every cohort that the DCC migrates.', `${second} ${third}`, fifth, fourth];

const version = (paragraphs: readonly string[], v: string, replaces: string) =>
  parseDocument(source.replace('version: "20.0"', `version: "${v}"`).replace('replaces: "19.0"', `replaces: "${replaces}"`).replace(INTRO, paragraphs.join('\n\n')), new VFile({ path: `tmad/v${v}.md` })) as VersionDoc;

const input = (document: VersionDoc) => ({ document, designated: '2022-06-09', effective: '2022-06-10', direction: { id: 'direction-2022-06-09', title: 'Direction', made: '2022-06-09' } });
const documentXml = async (view: ReturnType<typeof buildView>) => strFromU8(unzipSync(await annexToDocx(view))['word/document.xml']!);

/**
 * Paragraph texts from the first clause on, every tracked change accepted or rejected as Word
 * does: a paragraph whose mark is removed runs on into the next one.
 */
function resolve(xml: string, how: 'accept' | 'reject' | 'as-is'): string[] {
  const body = xml.replace(/<w:r><w:rPr><w:rStyle w:val="RedlineNote"\/>[\s\S]*?<\/w:r>/g, '');
  const paragraphs = [...body.slice(body.lastIndexOf('<w:p>', body.indexOf('w:name="c_1"'))).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const out: string[] = [];
  let carry = '';
  for (let p of paragraphs) {
    const mark = /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:(ins|del) /.exec(p)?.[1];
    p = p.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    if (how === 'accept') p = p.replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '');
    if (how === 'reject') p = p.replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '').replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>');
    const text = carry + [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('');
    const removed = (how === 'accept' && mark === 'del') || (how === 'reject' && mark === 'ins');
    if (removed) carry = text;
    else {
      carry = '';
      if (text.trim() !== '') out.push(text);
    }
  }
  return out;
}

describe('the Word writer: paragraphs split, merged and moved', async () => {
  const old = version(OLD, '20.0', '19.0');
  const neu = version(NEW, '21.0', '20.0');
  const diff = diffDocuments(old, neu);
  const marked = await documentXml(buildView({ ...input(neu), against: { document: old, diff } }));
  const cleanNew = await documentXml(buildView(input(neu)));
  const cleanOld = await documentXml(buildView(input(old)));

  it('should track the split and the merge as paragraph marks, and give each version back on accept and reject', () => {
    expect(resolve(marked, 'accept')).toEqual(resolve(cleanNew, 'as-is'));
    expect(resolve(marked, 'reject')).toEqual(resolve(cleanOld, 'as-is'));
    expect(resolve(cleanNew, 'as-is')).toContain(NEW[1]);
  });

  it('should strike no word of a split or merged paragraph, and name where a moved one was', () => {
    const deleted = [...marked.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => m[1]).join('|');
    expect(deleted).not.toContain('It applies');
    expect(deleted).not.toContain('Each plan shall name');
    expect(marked).toContain('[Paragraph split here]');
    expect(marked).toContain('[Paragraph joined with the next]');
    expect(marked).toContain('[Moved to paragraph 5]');
    expect(marked).toContain('[Moved from paragraph 4]');
  });
});

describe('the Word writer: list items re-sorted', async () => {
  const ITEMS = ['"Alt HAN Company" means the company established to procure the Alt HAN Services;', '"Device Log" means the list of Devices held in the Smart Metering Inventory;', '"Bulk Certificate" means a certificate issued by the DCC for bulk operations;', '"Commissioned" means added to the Smart Metering Inventory and set to commissioned.'];
  const list = (items: readonly string[]) => [`${INTRO} In it:`, items.map((i) => `- ${i}`).join('\n')];
  const old = version(list(ITEMS), '20.0', '19.0');
  const neu = version(list([ITEMS[0]!, ITEMS[2]!, ITEMS[3]!.replace('added to', 'added by the DCC to'), ITEMS[1]!]), '21.0', '20.0');
  const diff = diffDocuments(old, neu);
  const marked = await documentXml(buildView({ ...input(neu), against: { document: old, diff } }));

  it('should give each version back on accept and reject, item by item, bullets included', async () => {
    expect(resolve(marked, 'accept')).toEqual(resolve(await documentXml(buildView(input(neu))), 'as-is'));
    expect(resolve(marked, 'reject')).toEqual(resolve(await documentXml(buildView(input(old))), 'as-is'));
  });

  it('should strike no word of an item that only moved, and name where each moved one was', () => {
    const deleted = [...marked.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => m[1]).join('|');
    // The one item that moved is deleted where it stood, whole: nothing else is struck.
    expect(deleted).toContain('Device Log');
    expect(deleted).not.toContain('Bulk Certificate');
    expect(deleted).not.toContain('Commissioned');
    expect(marked).toContain('[Moved to item 4]');
    expect(marked).toContain('[Moved from item 2]');
  });
});

describe('the Word writer: paragraphs moved across clauses', async () => {
  const OPERATE = '3.1 The DCC shall operate the Requesting Party for each cohort.';
  const DECOMMISSION = '3.2 **Decommissioning.** The DCC shall not decommission a Requesting Party earlier than 12 months after the last entry for each group, save for the MOC (MDS) cohort.';
  const TIMETABLE = '3.3 The DCC shall publish a timetable for the decommissioning described in Clause 3.2.';
  const NOTIFY = 'The DCC shall notify each Supplier Party of the cohort to which each of its installations belongs.';
  const ORDER = 'Each cohort shall be migrated in the order that the Migration Plan sets out for it.';
  const edited = (v: string, replaces: string, edits: Array<[string, string]>) =>
    parseDocument(edits.reduce((s, [from, to]) => s.replace(from, to), source.replace('version: "20.0"', `version: "${v}"`).replace('replaces: "19.0"', `replaces: "${replaces}"`)), new VFile({ path: `tmad/v${v}.md` })) as VersionDoc;
  // Clause 3.1's second paragraph moves whole to Clause 3.2; Clause 3.3's joins the end of 3.1's first.
  const old = edited('20.0', '19.0', [
    [OPERATE, `${OPERATE}\n\n${NOTIFY}`],
    [TIMETABLE, `${TIMETABLE}\n\n${ORDER}`],
  ]);
  const neu = edited('21.0', '20.0', [
    [OPERATE, `${OPERATE} ${ORDER}`],
    [DECOMMISSION, `${DECOMMISSION}\n\n${NOTIFY}`],
  ]);
  const diff = diffDocuments(old, neu);
  const marked = await documentXml(buildView({ ...input(neu), against: { document: old, diff } }));

  it('should give each version back on accept and reject', async () => {
    // Spaces at a paragraph's end aside: a word diff keeps the space before a sentence added at
    // the end as unchanged text, which Word shows as the new side spaces it (true of any paragraph).
    const trimmed = (ps: string[]) => ps.map((p) => p.trimEnd());
    expect(resolve(marked, 'accept')).toEqual(resolve(await documentXml(buildView(input(neu))), 'as-is'));
    expect(trimmed(resolve(marked, 'reject'))).toEqual(resolve(await documentXml(buildView(input(old))), 'as-is'));
  });

  it('should name at each end the clause a paragraph moved to or from', () => {
    const notes = [...marked.matchAll(/<w:rStyle w:val="RedlineNote"\/><\/w:rPr><w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!.trim().replace(/\u00a0/g, ' '));
    expect(notes).toEqual(expect.arrayContaining(['[Moved from Clause 3.3]', '[Moved to Clause 3.2]', '[Moved from Clause 3.1]', '[Moved to Clause 3.1]']));
    // Where the merged text stands it is an insertion (it is deleted where it stood), so Word's own accept and reject stay exact.
    const inserted = [...marked.matchAll(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|');
    expect(inserted).toContain('Each cohort shall be migrated in the order');
  });
});
