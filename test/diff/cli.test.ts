import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { strFromU8, unzipSync } from 'fflate';
import { cli, realCorpusDir, repoRoot } from '../helpers.js';
import { readPdf } from '../pdf.js';

const MP = join(realCorpusDir, 'en-github-site-policy', 'github-marketplace-developer-agreement__');
const OLD = `${MP}2021-08-24.md`;
const NEW = `${MP}2024-05-17.md`;
const EEG = join(realCorpusDir, 'de-bundestag-gesetze', 'eeg_2009__stand-');

interface SegJson {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  old?: string;
}
interface ClauseJson {
  status: string;
  old: { id: string; number: string | null } | null;
  new: { id: string; number: string | null } | null;
  note: string | null;
  segments: SegJson[];
  children: ClauseJson[];
}
interface TreeClause {
  id: string;
  text: string;
  children: TreeClause[];
}

const flat = <T extends { children: T[] }>(list: T[]): T[] => list.flatMap((c) => [c, ...flat(c.children)]);

describe('secdoc diff', () => {
  it('should print plain marks without a terminal, and colour on one or with FORCE_COLOR, unless NO_COLOR, FORCE_COLOR=0 or --no-color', async () => {
    const plain = await cli(['diff', OLD, NEW]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('{+');
    expect(plain.stdout).toContain('[-');
    expect(plain.stdout).not.toContain('\x1b[');
    expect(plain.stdout).toMatch(/^3\.6 {2}Renumbered \(formerly 3\.5\), amended$/m);
    const tty = await cli(['diff', OLD, NEW], { isTTY: true });
    // Green underlined insertions, red struck-through deletions (SGR 32 + 4, 31 + 9).
    expect(tty.stdout).toContain('\x1b[32m\x1b[4m');
    expect(tty.stdout).toContain('\x1b[31m\x1b[9m');
    expect(tty.stdout).not.toContain('{+');
    expect((await cli(['diff', OLD, NEW], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await cli(['diff', OLD, NEW, '--no-color'], { isTTY: true })).stdout).not.toContain('\x1b[');
    // FORCE_COLOR wins over NO_COLOR and the lack of a terminal, as in Node; 0 turns colour off.
    expect((await cli(['diff', OLD, NEW], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toContain('\x1b[32m\x1b[4m');
    expect((await cli(['diff', OLD, NEW], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toContain('\x1b[');
    expect((await cli(['diff', OLD, NEW, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\x1b[');
  });

  it('should print JSON that validates against the published schema and reads back exactly against secdoc tree', async () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/diff.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const r = await cli(['diff', `${EEG}2011-12-22.md`, `${EEG}2012-08-17.md`, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { clauses: ClauseJson[]; summary: Record<string, number> };
    expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    // From the JSON alone: reject every change -> old text; accept every change -> new text.
    const texts = async (path: string) => new Map(flat((JSON.parse((await cli(['tree', path, '--json'])).stdout) as { clauses: TreeClause[] }).clauses).map((c) => [c.id, c.text]));
    const oldTexts = await texts(`${EEG}2011-12-22.md`);
    const newTexts = await texts(`${EEG}2012-08-17.md`);
    const all = flat(out.clauses);
    expect(all.length).toBe(oldTexts.size + newTexts.size - all.filter((c) => c.old && c.new).length);
    for (const c of all) {
      const reject = c.segments.filter((s) => s.op !== 'insert').map((s) => (s.op === 'equal' ? s.old ?? s.text : s.text)).join('');
      const accept = c.segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('');
      if (c.old) expect(reject, c.old.id).toBe(oldTexts.get(c.old.id));
      if (c.new) expect(accept, c.new.id).toBe(newTexts.get(c.new.id));
    }
    const renumbered = all.find((c) => c.old?.id === 'eeg_2009/§20a')!;
    expect(renumbered).toMatchObject({ status: 'renumbered', new: { number: '§ 20b' }, note: 'Formerly § 20a' });
  });

  it('should write an HTML annex body with a table of changes, notes, and marks that do not rely on colour', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-diff-'));
    const file = join(dir, 'redline.html');
    const r = await cli(['diff', OLD, NEW, '--format', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<ins>');
    expect(html).toContain('<del>');
    // Underline and strike-through, not colour alone.
    expect(html).toMatch(/ins \{[^}]*text-decoration: underline/);
    expect(html).toMatch(/del \{[^}]*text-decoration: line-through/);
    expect(html).toContain('Table of changes');
    expect(html).toContain('Renumbered (formerly 3.5), amended');
    // Each changed clause is linked from the table, and the anchor exists.
    const links = [...html.matchAll(/<td class="n"><a href="#([^"]+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(50);
    for (const id of links) expect(html).toContain(`id="${id}"`);
    // Unchanged clauses are there in full, as in a real marked-up annex.
    expect(html).toContain('Nothing in this Agreement shall prevent either party from developing');
    // Source text as markup is tested on text that holds some: test/diff/redline-promises.test.ts.
    // The published annex's page, with a cover naming the files instead of an SEC appendix.
    expect(html).toContain('<p class="kicker">Marked-up comparison</p>');
    expect(html).not.toContain('to the Smart Energy Code');
    // Contents list a reworded heading as it now reads; sub-paragraphs are cited by their path.
    expect(html).toContain('>PAID APPLICATIONS OR PRODUCTS</a>');
    expect(html).not.toContain('TERMSPAID');
    expect(html).toMatch(/<td class="n"><a href="#[^"]+">3\.3\(1\)<\/a><\/td><td>Deleted<\/td>/);
  });

  it('should cite clauses inside an unnumbered division by its heading, and SEC versions by appendix', async () => {
    const eeg = await cli(['diff', `${EEG}2011-12-22.md`, `${EEG}2012-08-17.md`, '--format', 'html']);
    expect(eeg.code, eeg.stderr).toBe(0);
    expect(eeg.stdout).toContain('<html lang="de">');
    expect(eeg.stdout).toMatch(/<td class="n"><a href="#[^"]+">Anlage 1 Gasaufbereitungs-Bonus \(2\)<\/a>/);
    const al = await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'html']);
    expect(al.code, al.stderr).toBe(0);
    expect(al.stdout).toContain('Appendix AL to the Smart Energy Code');
    expect(al.stdout).toContain('<p class="version">Version\u00a020.0</p>');
    expect(al.stdout).toContain('Marked up against version\u00a019.0');
  });

  it('should write the comparison as a PDF or a Word file with tracked changes, only into a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-diff-'));
    const docx = join(dir, 'redline.docx');
    const pdf = join(dir, 'redline.pdf');
    expect((await cli(['diff', OLD, NEW, '--format', 'docx', '--out', docx])).code).toBe(0);
    expect((await cli(['diff', OLD, NEW, '--format', 'pdf', '--out', pdf])).code).toBe(0);
    const document = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!);
    expect(document.match(/<w:ins /g)?.length).toBeGreaterThan(50);
    expect(document.match(/<w:del /g)?.length).toBeGreaterThan(50);
    // The PDF read back: tagged, the comparison's text in it, numbered "Page x of y" to the last page.
    const read = await readPdf(pdf);
    expect(read.tagged).toBe(true);
    expect(read.pages.length).toBeGreaterThan(2);
    expect(read.pages.at(-1)!.replace(/\s+/g, ' ')).toContain(`Page ${read.pages.length} of ${read.pages.length}`);
    expect(read.pages.join(' ').replace(/\s+/g, ' ')).toContain('Nothing in this Agreement shall prevent either party');
    // Two loose files have no designation date: their changes carry none rather than a made-up one.
    expect(document).not.toMatch(/w:date=/);
    expect(strFromU8(unzipSync(readFileSync(docx))['docProps/core.xml']!)).not.toMatch(/dcterms:created/);
    const again = join(dir, 'again.docx');
    expect((await cli(['diff', OLD, NEW, '--format', 'docx', '--out', again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(docx))).toBe(true);
    const refused = await cli(['diff', OLD, NEW, '--format', 'pdf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--format pdf writes a file: give --out FILE');
  });

  it('should give byte-identical output for the same input', async () => {
    for (const format of ['text', 'json', 'html']) {
      const a = await cli(['diff', OLD, NEW, '--format', format]);
      const b = await cli(['diff', OLD, NEW, '--format', format]);
      expect(a.stdout, format).toBe(b.stdout);
    }
  });

  it('should compare versions under documents/ by reference', async () => {
    const r = await cli(['diff', 'J@5.0', 'J@6.0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^13\.8 {2}Inserted$/m);

    // A version's changes are dated as its annex's are: the direction of 9 June 2022.
    const docx = join(mkdtempSync(join(tmpdir(), 'secdoc-diff-')), 'j.docx');
    expect((await cli(['diff', 'J@5.0', 'J@6.0', '--format', 'docx', '--out', docx])).code).toBe(0);
    const dates = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!).match(/w:date="[^"]*"/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set(['w:date="2022-06-09T00:00:00Z"']));
  });

  it('should leave nothing behind when --out cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-diff-'));
    // A folder in the way: the whole file is written beside it, and the rename over it fails.
    mkdirSync(join(dir, 'taken'));
    mkdirSync(join(dir, 'taken', 'inside'));
    const r = await cli(['diff', OLD, NEW, '--format', 'html', '--out', join(dir, 'taken')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'taken')}`);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual(['inside']);
  });

  it('should exit 2 on a bad reference, a missing file or a bad format', async () => {
    expect((await cli(['diff', 'nonsense', NEW])).code).toBe(2);
    expect((await cli(['diff', '/no/such/file.md', NEW])).code).toBe(2);
    expect((await cli(['diff', OLD, NEW, '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['diff', OLD, NEW, '--max-edit', '0'])).code).toBe(2);
  });
});
