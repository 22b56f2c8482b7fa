/**
 * The publisher in-process on the small publish fixture (Appendix AL 19.0 and 20.0, a direction
 * whose Annex A is 20.0 marked up against 19.0 and Annex B is 20.0 clean): which files a pack
 * holds, how they are described, the index page's links, `--only`, failures, and an incremental
 * build that takes unchanged files from the previous pack and is byte for byte a clean build.
 * Expected paths and texts are written by hand.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { buildPack, readPreviousPack, renderPool, UnknownSelectionError, writeBuildRecord, writePack, type Artefact, type Pack, type PackOptions, type RenderPool } from '../../src/publish/index.js';
import { inForceText } from '../../src/publish/plan.js';
import { producers } from '../../src/publish/producers.js';
import { repoRoot } from '../helpers.js';

const fixture = join(repoRoot, 'test/fixtures/publish/documents');
const D = 'directions/direction-2022-06-09';
const A = 'annex-A-appendix-AL-v20.0-marked-up-v19.0';
const B = 'annex-B-appendix-AL-v20.0';
const FONTS = ['fonts/Arimo_400Regular.ttf', 'fonts/Arimo_400Regular_Italic.ttf', 'fonts/Arimo_700Bold.ttf', 'fonts/Arimo_700Bold_Italic.ttf', 'fonts/OFL.txt'];
const SCHEMAS = ['schemas/diff.schema.json', 'schemas/facts.schema.json', 'schemas/rules.schema.json', 'schemas/tree.schema.json'];

const build = (options: PackOptions = {}, documents = fixture) => buildPack(loadCorpus(documents, nodeHost), { workers: 0, ...options });
const text = (pack: Pack, path: string) => new TextDecoder().decode(pack.artefacts.find((a) => a.path === path)!.bytes);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('publish: what a pack holds', () => {
  it('should list each file in the manifest with its size and SHA-256, in path order', async () => {
    const pack = await build({ formats: ['json'], producers });
    expect(pack.manifest['secdoc-api-version']).toEqual([1, 0]);
    expect(pack.manifest.artefacts.map((a) => a.path)).toEqual([
      'AL/v19.0/appendix-AL-v19.0.tree.json',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
      'AL/v20.0/appendix-AL-v20.0.tree.json',
      'rules/AL@19.0.json',
      'rules/AL@20.0.json',
      'rules/facts-file.schema.json',
      ...SCHEMAS,
    ]);
    for (const entry of pack.manifest.artefacts) {
      const bytes = pack.artefacts.find((a) => a.path === entry.path)!.bytes;
      expect(entry).toMatchObject({ bytes: bytes.byteLength, sha256: sha(bytes) });
    }
    // The redline as data names its sides by their paths in the documents folder.
    const diff = JSON.parse(text(pack, 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json')) as { old: { path: string }; new: { path: string } };
    expect([diff.old.path, diff.new.path]).toEqual(['tmad/v19.0.md', 'tmad/v20.0.md']);
    expect(text(pack, 'AL/v20.0/appendix-AL-v20.0.tree.json').endsWith('}\n')).toBe(true);
  });

  it('should link from the index page only to files the build made', async () => {
    const pack = await build({ formats: ['html', 'json'], producers });
    const index = text(pack, 'index.html');
    for (const href of ['AL/v19.0/appendix-AL-v19.0.html', 'AL/v19.0/appendix-AL-v19.0.tree.json', 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json', `${D}/direction.html`, `${D}/${A}.html`, `${D}/${B}.html`, 'rules/AL@20.0.json']) {
      expect(index, href).toContain(`href="${href}"`);
    }
    // The other files are listed as they are, except the fonts the pages load.
    expect(index).toContain('href="schemas/tree.schema.json"');
    for (const missing of ['.pdf"', '.docx"', 'fonts/OFL.txt"']) expect(index, missing).not.toContain(missing);
    // Dates are tied with no-break spaces; compared here with plain ones.
    const htmlOnly = text(await build({ formats: ['html'] }), 'index.html').replace(/\u00a0/g, ' ');
    expect(htmlOnly).not.toMatch(/\.(tree|diff)\.json"/);
    expect(htmlOnly).toContain('<h3 id="direction-direction-2022-06-09">Direction to re-designate the SMETS1 TMAD</h3>\n<p>Made 9 June 2022; effective 10 June 2022.</p>');
    expect(htmlOnly).toContain(`<tr><td>A</td><td>SMETS1 TMAD marked up against version 19.0</td><td>Marked up: v20.0 against v19.0</td><td class="formats"><a href="${D}/${A}.html">HTML</a> </td></tr>`);
    expect(htmlOnly).toContain(`<tr><td>B</td><td>SMETS1 TMAD version 20.0</td><td>Clean: v20.0</td><td class="formats"><a href="${D}/${B}.html">HTML</a> </td></tr>`);
    expect(htmlOnly).toContain('<h3 id="appendix-AL">Appendix AL: SMETS1 Transition and Migration Approach Document (TMAD)</h3>');
    expect(htmlOnly).toContain('<tr><td>19.0</td><td>1 November 2021</td><td>2 November 2021 until 10 June 2022</td><td class="formats"><a href="AL/v19.0/appendix-AL-v19.0.html">HTML</a> </td><td class="formats"></td></tr>');
    expect(htmlOnly).toContain('<tr><td>20.0</td><td>9 June 2022</td><td>From 10 June 2022</td><td class="formats"><a href="AL/v20.0/appendix-AL-v20.0.html">HTML</a> </td><td class="formats"><span>against v19.0:</span> <a href="AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html">HTML</a> </td></tr>');
  });

  it('should report each file as it is made, counting up to the whole pack', async () => {
    const seen: Array<[string, number, number]> = [];
    const times = new Map<string, number>();
    const pack = await build({ formats: ['html', 'json'], producers, onArtefact: (a, done, total, ms) => {
      times.set(a.path, ms);
      seen.push([a.path, done, total]);
    } });
    // An annex laid out once takes its time at its first place; its copy in the direction's folder took none.
    expect(times.get('AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html')).toBeGreaterThan(0);
    expect(times.get(`${D}/${A}.html`)).toBe(0);
    for (const path of ['index.html', 'AL/v19.0/appendix-AL-v19.0.tree.json', `${D}/direction.html`, 'rules/AL@20.0.json']) expect(times.get(path), path).toBeGreaterThan(0);
    expect(seen.map(([, done]) => done)).toEqual(pack.artefacts.map((_, i) => i + 1));
    expect(new Set(seen.map(([, , total]) => total))).toEqual(new Set([pack.artefacts.length]));
    expect(seen.map(([path]) => path).sort()).toEqual(pack.artefacts.map((a) => a.path));
  });

  it('should publish only the document or the direction asked for, and name the known ones for an unknown name', async () => {
    const byLetter = await build({ formats: ['json'], only: 'AL' });
    expect(byLetter.artefacts.map((a) => a.path)).toEqual(['AL/v19.0/appendix-AL-v19.0.tree.json', 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json', 'AL/v20.0/appendix-AL-v20.0.tree.json']);
    const byDirection = await build({ formats: ['html'], only: 'direction-2022-06-09' });
    expect(byDirection.artefacts.filter((a) => a.path.startsWith(D)).map((a) => a.path)).toEqual([`${D}/${A}.html`, `${D}/${B}.html`, `${D}/direction.html`]);
    await expect(build({ only: 'ZZ' })).rejects.toThrow(UnknownSelectionError);
    await expect(build({ only: 'ZZ' })).rejects.toThrow('--only ZZ: no such document or direction (known: AL, baseline, direction-2022-06-09)');
  });

  it('should fail on a producer\'s failure, and on two files for one path', async () => {
    await expect(build({ formats: ['json'], producers: [{ name: 'broken', produce: () => { throw new Error('rules stage failed'); } }] })).rejects.toThrow('rules stage failed');
    const twice = (path: string) => ({ name: 'twice', produce: () => [{ path, kind: 'extra', format: 'json', document: null, version: null, against: null, annex: null, direction: null, bytes: new Uint8Array(1) }] });
    await expect(build({ formats: ['json'], producers: [twice('AL/v19.0/appendix-AL-v19.0.tree.json')] })).rejects.toThrow('two artefacts would be written to AL/v19.0/appendix-AL-v19.0.tree.json');
    await expect(build({ formats: ['json'], producers: [twice('manifest.json')] })).rejects.toThrow('two artefacts would be written to manifest.json');
  });

  it('should fail, not wait for ever, when a producer fails while Word files wait in the queue, with its own pool or the caller\'s', async () => {
    const broken = { name: 'broken', produce: () => { throw new Error('rules stage failed'); } };
    // A build left waiting would settle this way instead (the queue is served only after the producers).
    const stuck = () => new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000));
    await expect(Promise.race([build({ formats: ['docx'], producers: [broken] }), stuck()])).rejects.toThrow('rules stage failed');
    const pool = renderPool(0);
    await expect(Promise.race([build({ formats: ['docx'], producers: [broken], pool }), stuck()])).rejects.toThrow('rules stage failed');
    await pool.close();
  });

  it('should add the fonts to a pack with HTML, and the rules and schemas to one with JSON, each only then', async () => {
    const html = await build({ formats: ['html'], producers, only: 'AL' });
    const extras = (pack: Pack) => pack.artefacts.filter((a) => !a.path.startsWith('AL/') && !a.path.startsWith('directions/') && a.path !== 'index.html').map((a) => `${a.kind} ${a.format} ${a.path}`);
    expect(extras(html)).toEqual([...FONTS.slice(0, 4).map((p) => `font ttf ${p}`), 'font txt fonts/OFL.txt']);
    const font = html.artefacts.find((a) => a.path === FONTS[0])!.bytes;
    expect([...font.slice(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(text(html, 'fonts/OFL.txt')).toContain('SIL OPEN FONT LICENSE');
    expect(extras(await build({ formats: ['docx'], producers, only: 'AL' }))).toEqual([]);
    const json = await build({ formats: ['json'], producers, only: 'AL' });
    expect(extras(json)).toEqual(['rules json rules/AL@19.0.json', 'rules json rules/AL@20.0.json', 'schema json rules/facts-file.schema.json', ...SCHEMAS.map((p) => `schema json ${p}`)]);
    expect(text(json, 'schemas/tree.schema.json')).toBe(readFileSync(join(repoRoot, 'schemas/tree.schema.json'), 'utf8'));
    // Pretty-printed with two spaces, ending in a newline.
    const rules = text(json, 'rules/AL@20.0.json');
    expect(rules).toBe(JSON.stringify(JSON.parse(rules), null, 2) + '\n');
    expect(rules).toContain('\n  "');
  });

  it('should print the redline in black throughout when asked for the print variant, and name the author asked for', async () => {
    const colour = await build({ formats: ['html'], only: 'AL' });
    const black = await build({ formats: ['html', 'docx'], only: 'AL', ink: 'black', author: 'Panel Secretariat' });
    const path = 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0';
    // The page's own class (the stylesheet names both inks).
    expect(text(colour, `${path}.html`)).toContain('<body class="annex marked-up ink-colour">');
    expect(text(black, `${path}.html`)).toContain('<body class="annex marked-up ink-black">');
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(black.artefacts.find((a) => a.path === `${path}.docx`)!.bytes)['word/document.xml']!);
    expect(xml).toContain('w:author="Panel Secretariat"');
    expect(xml).not.toContain('w:author="secdoc"');
    // A direction's annex names the direction on every page's footer.
    const zip = unzipSync(black.artefacts.find((a) => a.path === `${D}/${B}.docx`)!.bytes);
    const footers = Object.entries(zip).filter(([name]) => name.startsWith('word/footer')).map(([, bytes]) => strFromU8(bytes)).join('');
    expect(footers).toContain('Annex B to the direction of 9');
  });

  it('should mark up an annex against the version its direction names, beside the redline against the version replaced', async () => {
    const documents = join(mkdtempSync(join(tmpdir(), 'secdoc-pack-')), 'documents');
    cpSync(fixture, documents, { recursive: true });
    const v19 = readFileSync(join(documents, 'tmad', 'v19.0.md'), 'utf8');
    writeFileSync(join(documents, 'tmad', 'v18.0.md'), v19.replace('version: "19.0"', 'version: "18.0"').replace('sets out the approach', 'sets out the bygone approach'));
    writeFileSync(join(documents, 'directions', 'older.md'), '---\nkind: direction\nid: older\ntitle: Older\nmade: 2022-07-01\nannexes:\n  - { letter: A, document: AL, version: "20.0", against: "18.0" }\n---\n\n# Older\n');
    const pack = await build({ formats: ['html'] }, documents);
    const against18 = text(pack, 'directions/older/annex-A-appendix-AL-v20.0-marked-up-v18.0.html');
    const against19 = text(pack, 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html');
    expect(against18).toMatch(/<del>bygone ?<\/del>/);
    expect(against19).not.toContain('bygone');
  });

  it('should make each annex once per format and place it in its version\'s folder and its direction\'s, described by kind, version and annex', async () => {
    const pack = await build({ formats: ['html', 'docx'] });
    expect(pack.artefacts.map((a) => `${a.kind} ${a.format} ${a.path} ${a.document} ${a.version} ${a.against} ${a.annex} ${a.direction}`)).toEqual([
      'clean docx AL/v19.0/appendix-AL-v19.0.docx AL 19.0 null null null',
      'clean html AL/v19.0/appendix-AL-v19.0.html AL 19.0 null null null',
      'marked-up docx AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.docx AL 20.0 19.0 A direction-2022-06-09',
      'marked-up html AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html AL 20.0 19.0 A direction-2022-06-09',
      'clean docx AL/v20.0/appendix-AL-v20.0.docx AL 20.0 null B direction-2022-06-09',
      'clean html AL/v20.0/appendix-AL-v20.0.html AL 20.0 null B direction-2022-06-09',
      `marked-up docx ${D}/${A}.docx AL 20.0 19.0 A direction-2022-06-09`,
      `marked-up html ${D}/${A}.html AL 20.0 19.0 A direction-2022-06-09`,
      `clean docx ${D}/${B}.docx AL 20.0 null B direction-2022-06-09`,
      `clean html ${D}/${B}.html AL 20.0 null B direction-2022-06-09`,
      `direction html ${D}/direction.html null null null null direction-2022-06-09`,
      'index html index.html null null null null null',
    ]);
    // An annex a direction publishes is the version's own file, byte for byte.
    expect(text(pack, `${D}/${B}.html`)).toBe(text(pack, 'AL/v20.0/appendix-AL-v20.0.html'));
    expect(sha(pack.artefacts.find((a) => a.path === `${D}/${A}.docx`)!.bytes)).toBe(sha(pack.artefacts.find((a) => a.path === 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.docx')!.bytes));
    expect(text(pack, 'AL/v20.0/appendix-AL-v20.0.html')).toContain('url("../../fonts/');
    expect(pack.made).toEqual(pack.artefacts.map((a) => a.path));
  });

  it('should lay out PDFs of the annexes and of the direction, each annex once for both its places', async () => {
    const totals = new Set<number>();
    const pack = await build({ formats: ['pdf'], onArtefact: (_a, _done, total) => totals.add(total) });
    expect(pack.artefacts.map((a) => `${a.kind} ${a.path}`)).toEqual([
      'clean AL/v19.0/appendix-AL-v19.0.pdf',
      'marked-up AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.pdf',
      'clean AL/v20.0/appendix-AL-v20.0.pdf',
      `marked-up ${D}/${A}.pdf`,
      `clean ${D}/${B}.pdf`,
      `direction ${D}/direction.pdf`,
    ]);
    for (const a of pack.artefacts) expect(new TextDecoder().decode(a.bytes.slice(0, 5)), a.path).toBe('%PDF-');
    expect(sha(pack.artefacts[3]!.bytes)).toBe(sha(pack.artefacts[1]!.bytes));
    // The direction's PDF links each annex's PDF beside it.
    expect(new TextDecoder('latin1').decode(pack.artefacts[5]!.bytes)).toContain(`/URI (${A}.pdf)`);
    expect(totals).toEqual(new Set([6]));
  });
});

describe('publish: directions on the index page and their own pages', () => {
  const SIGNED = `---
kind: direction
id: signed_2022
title: A signed direction
made: 2022-07-01
addressees: The Panel & Parties
signatory:
  name: A. Person
  position: Director
  authority: (for the Secretary of State)
annexes:
  - { letter: A, document: AL, version: "20.0", against: "19.0" }
---

# Signed
`;
  const UNDATED = `---
kind: direction
id: undated
title: An undated direction
effective: 2022-08-01
signatory:
  name: B. Person
  position: Head
annexes:
  - { letter: B, document: AL, version: "19.0" }
---

# Undated
`;

  it('should say who signed a direction and to whom, when it was made and takes effect, and title untitled annexes by their document', async () => {
    const documents = join(mkdtempSync(join(tmpdir(), 'secdoc-pack-')), 'documents');
    cpSync(fixture, documents, { recursive: true });
    writeFileSync(join(documents, 'directions', 'signed.md'), SIGNED);
    writeFileSync(join(documents, 'directions', 'undated.md'), UNDATED);
    const pack = await build({ formats: ['html'] }, documents);
    const index = text(pack, 'index.html').replace(/\u00a0/g, ' ');
    expect(index).toContain(
      '<section aria-labelledby="direction-signed-2022">\n<h3 id="direction-signed-2022">A signed direction</h3>\n<p>Made 1 July 2022; no effective date fixed yet.</p>\n' +
        '<p>To: The Panel &amp; Parties.</p>\n<p>Signed by A. Person, Director (for the Secretary of State).</p>\n' +
        '<p class="formats">The direction: <a href="directions/signed_2022/direction.html">HTML</a> </p>\n',
    );
    expect(index).toContain('<tr><td>A</td><td>SMETS1 Transition and Migration Approach Document v20.0</td><td>Marked up: v20.0 against v19.0</td><td class="formats"><a href="directions/signed_2022/annex-A-appendix-AL-v20.0-marked-up-v19.0.html">HTML</a> </td></tr>');
    expect(index).toContain('<h3 id="direction-undated">An undated direction</h3>\n<p>Made on a date not recorded; effective 1 August 2022.</p>\n<p>Signed by B. Person, Head.</p>\n<p class="formats">');
    expect(index).toContain('<tr><td>B</td><td>SMETS1 Transition and Migration Approach Document v19.0</td><td>Clean: v19.0</td>');
    // The baseline has no annexes: no page, no entry.
    expect(index).not.toContain('direction-baseline');
    expect(pack.artefacts.some((a) => a.path.startsWith('directions/baseline/'))).toBe(false);
    const page = text(pack, 'directions/signed_2022/direction.html').replace(/\u00a0/g, ' ');
    expect(page).toContain('Appendix AL version 20.0, marked up against version 19.0');
    expect(page).toContain('href="annex-A-appendix-AL-v20.0-marked-up-v19.0.html"');
    expect(text(pack, 'directions/undated/direction.html').replace(/\u00a0/g, ' ')).toContain('Appendix AL version 19.0');
  });
});

describe('publish: an incremental build', () => {
  /** A copy of the fixture, a pack of it written to `out`, and its record. */
  async function first(formats: PackOptions['formats'] = ['html', 'json', 'docx'], options: PackOptions = {}, extra: Record<string, string> = {}) {
    const root = mkdtempSync(join(tmpdir(), 'secdoc-pack-'));
    const documents = join(root, 'documents');
    cpSync(fixture, documents, { recursive: true });
    for (const [path, text] of Object.entries(extra)) {
      mkdirSync(join(documents, path, '..'), { recursive: true });
      writeFileSync(join(documents, path), text);
    }
    const out = join(root, 'dist');
    const record = join(root, 'record.json');
    const pack = await build({ formats, producers, ...options }, documents);
    writePack(out, pack);
    writeBuildRecord(record, out, pack);
    return { documents, out, record, pack, formats };
  }
  const again = (s: Awaited<ReturnType<typeof first>>) => build({ formats: s.formats, producers, previous: readPreviousPack(s.out, s.record) }, s.documents);
  const bytesOf = (pack: Pack) => Object.fromEntries(pack.artefacts.map((a) => [a.path, sha(a.bytes)]));

  it('should take every annex and data file from the previous pack when nothing changed, and write the same pack', async () => {
    const s = await first(['html', 'json']);
    const next = await again(s);
    expect(next.made).toEqual([`${D}/direction.html`, ...FONTS, 'index.html', 'rules/facts-file.schema.json', ...SCHEMAS]);
    expect(bytesOf(next)).toEqual(bytesOf(s.pack));
    expect(next.manifest).toEqual(s.pack.manifest);
    expect(next.inputs).toEqual(s.pack.inputs);
  });

  it('should make afresh only the edited version\'s files, its direction\'s annexes of it and the pack-wide ones, and be a clean build byte for byte', async () => {
    const s = await first();
    const source = join(s.documents, 'tmad', 'v20.0.md');
    const edited = readFileSync(source, 'utf8').replace(/^(1\.1 \S+)/m, '$1 newly');
    expect(edited).not.toBe(readFileSync(source, 'utf8'));
    writeFileSync(source, edited);
    const next = await again(s);
    expect(next.made.filter((p) => !p.startsWith('fonts/') && !p.startsWith('schemas/'))).toEqual([
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.docx',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html',
      'AL/v20.0/appendix-AL-v20.0.docx',
      'AL/v20.0/appendix-AL-v20.0.html',
      'AL/v20.0/appendix-AL-v20.0.tree.json',
      `${D}/${A}.docx`,
      `${D}/${A}.html`,
      `${D}/${B}.docx`,
      `${D}/${B}.html`,
      `${D}/direction.html`,
      'index.html',
      'rules/AL@20.0.json',
      'rules/facts-file.schema.json',
    ]);
    const clean = await build({ formats: s.formats, producers }, s.documents);
    expect(bytesOf(next)).toEqual(bytesOf(clean));
    expect(next.manifest).toEqual(clean.manifest);
  });

  const ZZ = { 'zz/v1.0.md': '---\nappendix: ZZ\ntitle: Another document\nversion: "1.0"\ndesignated_by: baseline\n---\n\n# Another document\n\n## 1 Only\n\n1.1 Text.\n' };
  const ZZ_FILES = ['ZZ/v1.0/appendix-ZZ-v1.0.html', 'ZZ/v1.0/appendix-ZZ-v1.0.tree.json', 'rules/ZZ@1.0.json'];
  const AL_FILES = [
    'AL/v19.0/appendix-AL-v19.0.html',
    'AL/v19.0/appendix-AL-v19.0.tree.json',
    'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
    'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html',
    'AL/v20.0/appendix-AL-v20.0.html',
    'AL/v20.0/appendix-AL-v20.0.tree.json',
    `${D}/${A}.html`,
    `${D}/${B}.html`,
    'rules/AL@19.0.json',
    'rules/AL@20.0.json',
  ];
  const edit = (path: string, from: string | RegExp, to: string) => {
    const text = readFileSync(path, 'utf8');
    expect(text.replace(from, to)).not.toBe(text);
    writeFileSync(path, text.replace(from, to));
  };

  it('should remake every file of a document one of whose versions\' front matter changed, and no other document\'s', async () => {
    const s = await first(['html', 'json'], {}, ZZ);
    expect(ZZ_FILES.every((p) => s.pack.made.includes(p))).toBe(true);
    edit(join(s.documents, 'tmad', 'v19.0.md'), 'classification: DCC Public', 'classification: DCC Controlled');
    const next = await again(s);
    for (const path of AL_FILES) expect(next.made, path).toContain(path);
    for (const path of ZZ_FILES) expect(next.made, path).not.toContain(path);
  });

  it('should remake every document\'s files when a direction or a side file changes', async () => {
    const s = await first(['html', 'json'], {}, ZZ);
    edit(join(s.documents, 'directions', 'baseline.md'), 'The versions held', 'The versions first held');
    const afterDirection = await again(s);
    for (const path of [...AL_FILES, ...ZZ_FILES]) expect(afterDirection.made, path).toContain(path);
    const t = await first(['html', 'json'], {}, ZZ);
    writeFileSync(join(t.documents, 'facts.yaml'), 'cohort:\n  type: string\n  description: The migration cohort.\n');
    const afterFacts = await again(t);
    for (const path of [...AL_FILES, ...ZZ_FILES]) expect(afterFacts.made, path).toContain(path);
  });

  it('should remake the annexes, and not the documents\' trees or rules, for another author or ink', async () => {
    for (const options of [{ author: 'Panel Secretariat' }, { ink: 'black' as const }]) {
      const s = await first(['html', 'json']);
      const next = await build({ formats: s.formats, producers, previous: readPreviousPack(s.out, s.record), ...options }, s.documents);
      const annexes = s.pack.artefacts.filter((a) => a.format === 'html' && (a.kind === 'clean' || a.kind === 'marked-up')).map((a) => a.path);
      expect(annexes).toHaveLength(5);
      expect(next.made.filter((p) => annexes.includes(p))).toEqual(annexes);
      expect(next.made).not.toContain('AL/v19.0/appendix-AL-v19.0.tree.json');
      expect(next.made).not.toContain('rules/AL@19.0.json');
    }
  });

  it('should make a file afresh whose copy in the previous pack was damaged', async () => {
    const s = await first(['html', 'json']);
    const path = 'AL/v19.0/appendix-AL-v19.0.html';
    const file = join(s.out, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<html', '<HTML'));
    const next = await again(s);
    expect(next.made).toContain(path);
    expect(next.made).not.toContain('AL/v19.0/appendix-AL-v19.0.tree.json');
    expect(bytesOf(next)).toEqual(bytesOf(s.pack));
  });

  it('should make everything afresh from a corpus that does not know its sources\' hashes', async () => {
    const s = await first(['json']);
    const corpus = { ...loadCorpus(s.documents, nodeHost), sourceHashes: undefined };
    const next = await buildPack(corpus, { formats: ['json'], producers, workers: 0, previous: readPreviousPack(s.out, s.record) });
    expect(next.made).toEqual(s.pack.artefacts.map((a) => a.path));
    expect(next.inputs.artefacts).toEqual({});
  });

  it('should make everything afresh with no record, or a record of another folder', async () => {
    const s = await first(['json']);
    const everything = s.pack.artefacts.map((a) => a.path);
    expect((await build({ formats: ['json'], producers, previous: readPreviousPack(s.out, join(s.out, '..', 'none.json')) }, s.documents)).made).toEqual(everything);
    expect((await build({ formats: ['json'], producers, previous: readPreviousPack(join(s.out, '..', 'other'), s.record) }, s.documents)).made).toEqual(everything);
  });

  it('should take the data files from the previous pack when the next build asks for more formats', async () => {
    const s = await first(['json']);
    const next = await build({ formats: ['html', 'json'], producers, previous: readPreviousPack(s.out, s.record) }, s.documents);
    expect(next.made.filter((p) => p.endsWith('.json') && !p.startsWith('schemas/'))).toEqual(['rules/facts-file.schema.json']);
    // And the HTML files when Word files are asked for too.
    const t = await first(['html']);
    const docx = await build({ formats: ['html', 'docx'], previous: readPreviousPack(t.out, t.record) }, t.documents);
    expect(docx.made.filter((p) => p.endsWith('.html'))).toEqual([`${D}/direction.html`, 'index.html']);
  });

  it('should remake the annexes when one author or ink gives way to another', async () => {
    for (const [before, after] of [[{ author: 'Panel Secretariat' }, { author: 'DCC' }], [{ ink: 'black' as const }, { ink: 'colour' as const }]]) {
      const s = await first(['html'], before);
      const next = await build({ formats: s.formats, previous: readPreviousPack(s.out, s.record), ...after }, s.documents);
      expect(next.made.filter((p) => p.startsWith('AL/')), JSON.stringify(after)).toEqual(['AL/v19.0/appendix-AL-v19.0.html', 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html', 'AL/v20.0/appendix-AL-v20.0.html']);
    }
  });

  it('should make an annex afresh at both its places when the copy at either was damaged, and take its other formats as they are', async () => {
    const s = await first(['html', 'docx']);
    const file = join(s.out, `${D}/${B}.html`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<html', '<HTML'));
    const next = await again(s);
    // Annex B is Appendix AL 20.0 clean: its HTML at both places is made again, its Word file at neither.
    expect(next.made.filter((p) => p.includes('v20.0') && !p.includes('marked-up'))).toEqual(['AL/v20.0/appendix-AL-v20.0.html', `${D}/${B}.html`]);
    expect(bytesOf(next)).toEqual(bytesOf(s.pack));
  });
});

describe('publish: when a version is in force', () => {
  const long = (iso: string) => `<${iso}>`;
  it('should say from when, from when until when, or prospective', () => {
    expect(inForceText(undefined, long)).toBe('Prospective: no effective date fixed');
    expect(inForceText({ effective: null, until: null } as never, long)).toBe('Prospective: no effective date fixed');
    expect(inForceText({ effective: '2022-06-10', until: null } as never, long)).toBe('From <2022-06-10>');
    expect(inForceText({ effective: '2021-11-02', until: '2022-06-10' } as never, long)).toBe('<2021-11-02> until <2022-06-10>');
  });
});

describe('publish: what each file says, and how the pack is made', () => {
  /** A copy of the fixture with `extra` files written into it. */
  const corpusWith = (extra: Record<string, string>) => {
    const documents = join(mkdtempSync(join(tmpdir(), 'secdoc-pack-')), 'documents');
    cpSync(fixture, documents, { recursive: true });
    for (const [path, text] of Object.entries(extra)) {
      mkdirSync(join(documents, path, '..'), { recursive: true });
      writeFileSync(join(documents, path), text);
    }
    return documents;
  };
  const file = (path: string): Artefact => ({ path, kind: 'extra', format: 'txt', document: null, version: null, against: null, annex: null, direction: null, bytes: new Uint8Array([1]) });
  /**
   * Appendix AL 18.0 (held, replacing none), a document ZZ designated by a direction not held, and
   * a direction whose Annex A is AL 19.0 marked up against 18.0 (19.0 replaces none held) and whose
   * Annex B is AL 21.0, not held.
   */
  const ODD = () => {
    const documents = corpusWith({
      'zz/v1.0.md': '---\nappendix: ZZ\ntitle: Another document\nversion: "1.0"\ndesignated_by: nowhere\n---\n\n# Another document\n\n## 1 Only\n\n1.1 Text.\n',
      'directions/older.md': '---\nkind: direction\nid: older--2022\ntitle: Older\nmade: 2022-07-01\nannexes:\n  - { letter: A, document: AL, version: "19.0", against: "18.0" }\n  - { letter: B, document: AL, version: "21.0" }\n---\n\n# Older\n',
    });
    const v19 = readFileSync(join(documents, 'tmad', 'v19.0.md'), 'utf8');
    writeFileSync(join(documents, 'tmad', 'v18.0.md'), v19.replace('version: "19.0"', 'version: "18.0"').replace('sets out the approach', 'sets out the bygone approach'));
    return documents;
  };
  const plain = (pack: Pack, path: string) => text(pack, path).replace(/\u00a0/g, ' ');

  it('should say on each annex\'s cover which annex it is, who designated it when, from when it is in force, and what it is marked up against', async () => {
    const pack = await build({ formats: ['html'] });
    const v19 = plain(pack, 'AL/v19.0/appendix-AL-v19.0.html');
    expect(v19).toContain('<p class="kicker">Appendix AL</p>');
    expect(v19).toContain('<dt>Designation date</dt><dd>1 November 2021</dd>\n<dt>Effective date</dt><dd>2 November 2021</dd>\n<dt>Designated by</dt><dd>Versions in force when this record begins (1 November 2021)</dd>\n<dt>Classification</dt>');
    for (const path of ['AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html', `${D}/${A}.html`]) {
      const a = plain(pack, path);
      expect(a, path).toContain('<p class="kicker">Annex A</p>');
      expect(a, path).toContain('<p class="annex-title">SMETS1 TMAD marked up against version 19.0</p>');
      expect(a, path).toContain('<dt>Designation date</dt><dd>9 June 2022</dd>\n<dt>Effective date</dt><dd>10 June 2022</dd>\n<dt>Designated by</dt><dd>Direction to re-designate the SMETS1 TMAD (9 June 2022)</dd>\n<dt>Compared with</dt><dd>AL v19.0, the version this one replaces</dd>');
    }
    const b = plain(pack, `${D}/${B}.html`);
    expect(b).toContain('<p class="kicker">Annex B</p>');
    expect(b).toContain('<p class="annex-title">SMETS1 TMAD version 20.0</p>');
    expect(b).toContain('<dt>Designation date</dt><dd>9 June 2022</dd>\n<dt>Effective date</dt><dd>10 June 2022</dd>\n<dt>Designated by</dt><dd>Direction to re-designate the SMETS1 TMAD (9 June 2022)</dd>\n<dt>Classification</dt>');
    // The direction's page links each annex under the annex's own title.
    expect(plain(pack, `${D}/direction.html`)).toContain(`<tr><td>Annex A</td><td><a href="${A}.html">SMETS1 TMAD marked up against version 19.0</a></td></tr>\n<tr><td>Annex B</td><td><a href="${B}.html">SMETS1 TMAD version 20.0</a></td></tr>`);
  });

  it('should describe each JSON file in the manifest, name each tree\'s source as the documents folder does, and record inputs in path order', async () => {
    const pack = await build({ formats: ['json'] });
    expect(pack.manifest.artefacts.map(({ bytes: _bytes, sha256: _sha, ...entry }) => entry)).toEqual([
      { path: 'AL/v19.0/appendix-AL-v19.0.tree.json', kind: 'clean', format: 'json', document: 'AL', version: '19.0', against: null, annex: null, direction: null },
      { path: 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json', kind: 'marked-up', format: 'json', document: 'AL', version: '20.0', against: '19.0', annex: 'A', direction: 'direction-2022-06-09' },
      { path: 'AL/v20.0/appendix-AL-v20.0.tree.json', kind: 'clean', format: 'json', document: 'AL', version: '20.0', against: null, annex: null, direction: null },
    ]);
    expect((JSON.parse(text(pack, 'AL/v20.0/appendix-AL-v20.0.tree.json')) as { document: { path: string } }).document.path).toBe('tmad/v20.0.md');
    expect(text(pack, 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json').endsWith('}\n')).toBe(true);
    // Made in another order (HTML, then JSON, then Word), recorded in the order of their paths.
    const mixed = await build({ formats: ['html', 'docx', 'json'] });
    expect(Object.keys(mixed.inputs.artefacts)).toEqual([
      'AL/v19.0/appendix-AL-v19.0.docx',
      'AL/v19.0/appendix-AL-v19.0.html',
      'AL/v19.0/appendix-AL-v19.0.tree.json',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.docx',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.html',
      'AL/v20.0/appendix-AL-v20.0.docx',
      'AL/v20.0/appendix-AL-v20.0.html',
      'AL/v20.0/appendix-AL-v20.0.tree.json',
      `${D}/${A}.docx`,
      `${D}/${A}.html`,
      `${D}/${B}.docx`,
      `${D}/${B}.html`,
    ]);
  });

  it('should time each file by its own making, a producer\'s files sharing its time, and count every file of the pack', async () => {
    const spin = 30;
    // Three files made in one go that takes at least `spin` ms.
    const slow = { name: 'slow', produce: () => {
      const until = performance.now() + spin;
      while (performance.now() < until);
      return ['a', 'b', 'c'].map((n) => file(`slow/${n}.txt`));
    } };
    const seen = new Map<string, { ms: number; total: number }>();
    const started = performance.now();
    const pack = await build({ formats: ['html', 'docx', 'json'], producers: [...producers, slow], onArtefact: (a, _done, total, ms) => seen.set(a.path, { ms, total }) });
    const wall = performance.now() - started;
    // Five places of annexes in two formats, two trees and a redline, three rules files, four
    // schemas, five font files, the three slow files, the direction's page and the index.
    expect(pack.artefacts).toHaveLength(10 + 3 + 3 + 4 + 5 + 3 + 1 + 1);
    for (const [path, { ms, total }] of seen) {
      expect(total, path).toBe(30);
      expect(ms, path).toBeLessThanOrEqual(wall);
    }
    const shares = ['a', 'b', 'c'].map((n) => seen.get(`slow/${n}.txt`)!.ms);
    expect(new Set(shares).size).toBe(1);
    expect(shares[0]! * 3).toBeGreaterThanOrEqual(spin);
    expect(shares[0]! * 3).toBeLessThan(spin * 3);
  });

  it('should publish a direction\'s page only with the document or the direction asked for, and each version\'s redline as data only beside its own marked-up annex', async () => {
    const documents = ODD();
    const zz = await build({ formats: ['html', 'json'], only: 'ZZ' }, documents);
    expect(zz.artefacts.map((a) => a.path)).toEqual(['ZZ/v1.0/appendix-ZZ-v1.0.html', 'ZZ/v1.0/appendix-ZZ-v1.0.tree.json', 'index.html']);
    const al = await build({ formats: ['json'], only: 'AL' }, documents);
    expect(al.artefacts.map((a) => a.path)).toEqual([
      'AL/v18.0/appendix-AL-v18.0.tree.json',
      'AL/v19.0/appendix-AL-v19.0.tree.json',
      'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json',
      'AL/v20.0/appendix-AL-v20.0.tree.json',
    ]);
    const older = await build({ formats: ['html'], only: 'older--2022' }, documents);
    expect(older.artefacts.map((a) => a.path).filter((p) => p.startsWith('directions/'))).toEqual(['directions/older--2022/annex-A-appendix-AL-v19.0-marked-up-v18.0.html', 'directions/older--2022/direction.html']);
  });

  it('should list on the index page and the direction\'s page only the annexes held, and a version\'s redline only against the version it replaces', async () => {
    const pack = await build({ formats: ['html', 'json'], producers }, ODD());
    const index = plain(pack, 'index.html');
    expect(index).toContain('<title>Smart Energy Code: published annexes</title>');
    expect(index).toContain('<h1>Smart Energy Code: published annexes</h1>\n<p>Clean and marked-up text of each document version held, the annexes of each direction, and the dates each version is in force. Dates come from the directions.</p>');
    // The pages' fonts are in the pack's own fonts folder.
    expect(index).toContain('url("fonts/Arimo_400Regular.ttf")');
    const older = index.slice(index.indexOf('<section aria-labelledby="direction-older-2022">'));
    expect(older.slice(0, older.indexOf('</section>'))).toContain(
      '<tbody>\n<tr><td>A</td><td>SMETS1 Transition and Migration Approach Document v19.0</td><td>Marked up: v19.0 against v18.0</td><td class="formats"><a href="directions/older--2022/annex-A-appendix-AL-v19.0-marked-up-v18.0.html">HTML</a> </td></tr>\n</tbody>',
    );
    // 19.0 replaces no version held: no redline in its row, though a direction marks it up against 18.0.
    expect(index).toContain('<tr><td>19.0</td><td>1 November 2021</td><td>2 November 2021 until 10 June 2022</td><td class="formats"><a href="AL/v19.0/appendix-AL-v19.0.html">HTML</a> <a href="AL/v19.0/appendix-AL-v19.0.tree.json">JSON</a> </td><td class="formats"></td></tr>');
    // Each document's section holds its own versions only; ZZ's one version was designated by a direction not held.
    const tbody = '<table>\n<thead><tr><th scope="col">Version</th><th scope="col">Designated</th><th scope="col">In force</th><th scope="col">Clean</th><th scope="col">Marked up</th></tr></thead>\n<tbody>\n';
    expect(index).toContain(`<h3 id="appendix-AL">Appendix AL: SMETS1 Transition and Migration Approach Document (TMAD)</h3>\n${tbody}<tr><td>18.0</td>`);
    expect(index).toContain(`<h3 id="appendix-ZZ">Appendix ZZ: Another document</h3>\n${tbody}<tr><td>1.0</td><td>Not recorded</td><td>Prospective: no effective date fixed</td><td class="formats"><a href="ZZ/v1.0/appendix-ZZ-v1.0.html">HTML</a> <a href="ZZ/v1.0/appendix-ZZ-v1.0.tree.json">JSON</a> </td><td class="formats"></td></tr>\n</tbody>`);
    expect(index).toContain('<h2>Other files</h2>\n<ul>\n<li><a href="rules/AL@18.0.json">rules/AL@18.0.json</a></li>\n<li><a href="rules/AL@19.0.json">rules/AL@19.0.json</a></li>\n<li><a href="rules/AL@20.0.json">rules/AL@20.0.json</a></li>\n<li><a href="rules/ZZ@1.0.json">rules/ZZ@1.0.json</a></li>\n<li><a href="rules/facts-file.schema.json">rules/facts-file.schema.json</a></li>\n<li><a href="schemas/diff.schema.json">schemas/diff.schema.json</a></li>\n<li><a href="schemas/facts.schema.json">schemas/facts.schema.json</a></li>\n<li><a href="schemas/rules.schema.json">schemas/rules.schema.json</a></li>\n<li><a href="schemas/tree.schema.json">schemas/tree.schema.json</a></li>\n</ul>');
    const page = plain(pack, 'directions/older--2022/direction.html');
    expect(page).toContain('<tr><td>Annex A</td><td><a href="annex-A-appendix-AL-v19.0-marked-up-v18.0.html">Appendix AL version 19.0, marked up against version 18.0</a></td></tr>\n<tr><td>Annex B</td><td>Appendix AL version 21.0</td></tr>');
  });

  it('should queue PDFs and Word files before the producers run, PDFs first and the longest annex first, and leave a pool it was given open', async () => {
    const log: string[] = [];
    const own = renderPool(0);
    let closed = 0;
    const pool: RenderPool = {
      render: (view, format) => {
        log.push(`${format} ${view.header}`);
        return own.render(view, format);
      },
      drain: () => own.drain(),
      close: async () => {
        closed++;
      },
    };
    const pack = await build({ formats: ['pdf', 'docx'], pool, producers: [{ name: 'marker', produce: () => (log.push('producers'), []) }] });
    expect(log).toEqual([
      'pdf Appendix AL: TMAD v20.0 (marked up against v19.0)',
      'pdf Appendix AL: TMAD v20.0',
      'pdf Appendix AL: TMAD v19.0',
      'docx Appendix AL: TMAD v20.0 (marked up against v19.0)',
      'docx Appendix AL: TMAD v20.0',
      'docx Appendix AL: TMAD v19.0',
      'producers',
      'pdf Direction to re-designate the SMETS1 TMAD',
    ]);
    expect(closed).toBe(0);
    expect(pack.artefacts.map((a) => a.path)).toContain(`${D}/direction.pdf`);
    await own.close();
  });
  it('should write the author and the ink asked for on a direction\'s own page, in HTML and PDF', async () => {
    // A direction whose only annex is of a document not held: its page is the pack's only PDF.
    const documents = corpusWith({ 'directions/later.md': '---\nkind: direction\nid: later\ntitle: Later\nmade: 2022-08-01\nannexes:\n  - { letter: A, document: QQ, version: "1.0" }\n---\n\n# Later\n' });
    const pack = await build({ formats: ['html', 'pdf'], only: 'later', author: 'Panel Secretariat', ink: 'black' }, documents);
    expect(pack.artefacts.map((a) => a.path)).toEqual(['directions/later/direction.html', 'directions/later/direction.pdf', 'index.html']);
    expect(text(pack, 'directions/later/direction.html')).toContain('<body class="annex clean ink-black">');
    expect(text(pack, 'directions/later/direction.html')).toContain('url("../../fonts/Arimo_400Regular.ttf")');
    expect(new TextDecoder('latin1').decode(pack.artefacts[1]!.bytes)).toContain('/Author (Panel Secretariat)');
    expect(pack.manifest.artefacts.map((a) => `${a.kind} ${a.format} ${a.direction}`)).toEqual(['direction html later', 'direction pdf later', 'index html null']);
  });

  it('should fail the build when a direction\'s PDF cannot be laid out', async () => {
    const own = renderPool(0);
    const pool: RenderPool = {
      render: (view, format) => (view.header.startsWith('Direction') ? Promise.reject(new Error('no room for the signature')) : own.render(view, format)),
      drain: () => own.drain(),
      close: () => own.close(),
    };
    await expect(build({ formats: ['pdf'], only: 'direction-2022-06-09', pool })).rejects.toThrow('no room for the signature');
    await own.close();
  });

  it('should time the directions\' pages each by its share of the time they took, their times together no more than the build\'s', async () => {
    // Three long directions and nothing else to lay out: their pages are most of the build's work.
    const documents = join(mkdtempSync(join(tmpdir(), 'secdoc-pack-')), 'documents');
    mkdirSync(join(documents, 'directions'), { recursive: true });
    const body = Array.from({ length: 40 }, (_, i) => `${i + 1}. The Secretary of State directs that paragraph ${i + 1} of the annex applies to every party from the date of this direction.`).join('\n\n');
    for (const id of ['first', 'second', 'third']) {
      writeFileSync(join(documents, 'directions', `${id}.md`), `---\nkind: direction\nid: ${id}\ntitle: The ${id} direction\nmade: 2022-08-01\nannexes:\n  - { letter: A, document: QQ, version: "1.0" }\n---\n\n# The ${id} direction\n\n${body}\n`);
    }
    const corpus = loadCorpus(documents, nodeHost);
    const times = new Map<string, number>();
    const started = performance.now();
    const pack = await buildPack(corpus, { formats: ['html'], workers: 0, onArtefact: (a, _done, _total, ms) => times.set(a.path, ms) });
    const wall = performance.now() - started;
    expect(pack.artefacts.map((a) => a.path)).toEqual(['directions/first/direction.html', 'directions/second/direction.html', 'directions/third/direction.html', 'index.html']);
    const pages = ['first', 'second', 'third'].map((id) => times.get(`directions/${id}/direction.html`)!);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toBeGreaterThan(0);
    // One thread made every file: their own times cannot add up to more than the whole build.
    expect([...times.values()].reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(wall);
  });
});
