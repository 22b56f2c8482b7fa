/**
 * The annex pack built from documents/ (the June 2022 re-designation): what the issue requires
 * the policy team to be able to publish, checked on the files themselves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, documentsDir, repoRoot, testCacheDir } from '../helpers.js';
import { readPdf } from '../pdf.js';
import { itSystem } from '../system.js';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { walkClauses, clauseText } from '../../src/model/text.js';
import type { ManifestEntry } from '../../src/publish/index.js';

type Entry = ManifestEntry;

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { artefacts: Entry[] };

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

const documentXml = (path: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the annex pack from documents/', () => {
  const root = mkdtempSync(join(tmpdir(), 'secdoc-pack-'));
  const first = join(root, 'first');
  const second = join(root, 'second');
  let manifest: { artefacts: Entry[] };
  const annex = (letter: string, format: string) => manifest.artefacts.find((a) => a.annex === letter && a.format === format && a.path.startsWith('directions/'))!;

  beforeAll(async () => {
    const a = await cli(['build', '--out', first]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['build', '--out', second]);
    expect(b.code, b.stderr).toBe(0);
    manifest = read(first);
  }, 120_000);

  it('should list Annexes A to F of the direction, each in HTML, PDF and Word', () => {
    const expected = [
      ['A', 'AL', '20.0', '19.0'],
      ['B', 'AL', '20.0', null],
      ['C', 'AK', '10.0', '9.0'],
      ['D', 'AK', '10.0', null],
      ['E', 'J', '6.0', '5.0'],
      ['F', 'J', '6.0', null],
    ] as const;
    for (const [letter, document, version, against] of expected) {
      for (const format of ['html', 'pdf', 'docx']) {
        expect(annex(letter, format), `Annex ${letter} ${format}`).toMatchObject({ document, version, against, kind: against ? 'marked-up' : 'clean', direction: 'direction-2022-06-09' });
      }
    }
    expect(manifest.artefacts.filter((a) => a.path.startsWith('directions/') && a.kind !== 'direction')).toHaveLength(18);
  });

  it("should publish each direction's own text beside its annexes, its annex list linking to them", async () => {
    const folder = 'directions/direction-2022-06-09/';
    const html = readFileSync(join(first, `${folder}direction.html`), 'utf8');
    for (const letter of ['A', 'B', 'C', 'D', 'E', 'F']) expect(html).toContain(`href="${annex(letter, 'html').path.slice(folder.length)}"`);
    expect(html).toMatch(/with effect from 10[\s\u00a0]June/i);
    const pdf = join(first, `${folder}direction.pdf`);
    expect((await readPdf(pdf)).pages.join('\n')).toContain('Annexes');
    // The PDF's annex list links to the annex PDFs beside it.
    expect(readFileSync(pdf, 'latin1')).toContain(`(${annex('A', 'pdf').path.slice(folder.length)})`);
  });

  // pdffonts (poppler-utils) lists a PDF's fonts and whether each is embedded.
  itSystem('should ship the one typeface, Arimo, with its licence, and embed only it (and a monospace) in every PDF', ['pdffonts'], ({ pdffonts }) => {
    expect(manifest.artefacts.filter((a) => a.kind === 'font').map((a) => a.path).sort()).toEqual(['fonts/Arimo_400Regular.ttf', 'fonts/Arimo_400Regular_Italic.ttf', 'fonts/Arimo_700Bold.ttf', 'fonts/Arimo_700Bold_Italic.ttf', 'fonts/OFL.txt']);
    expect(readFileSync(join(first, 'fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    for (const a of manifest.artefacts.filter((x) => x.format === 'pdf')) {
      const fonts = execFileSync(pdffonts, [join(first, a.path)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length, a.path).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line, a.path).toMatch(/^[A-Z]{6}\+(?:Arimo-(?:Regular|Bold|Italic|BoldItalic)|DejaVuSansMono\S*)\s/);
        expect(line, a.path).toMatch(/\byes\s+yes\s+yes\b/);
      }
    }
    expect(readFileSync(join(first, annex('A', 'html').path), 'utf8')).toContain('url("../../fonts/Arimo_400Regular.ttf")');
  });

  it("should publish each direction annex as the very file of the version it is, laid out once", () => {
    for (const a of manifest.artefacts.filter((x) => x.path.startsWith('directions/') && x.kind !== 'direction')) {
      const twin = manifest.artefacts.filter((x) => !x.path.startsWith('directions/') && x.sha256 === a.sha256);
      expect(twin.map((x) => [x.document, x.version, x.against, x.format, x.annex]), a.path).toEqual([[a.document, a.version, a.against, a.format, a.annex]]);
    }
  });

  it('should publish a clean annex per version and a marked-up annex per version that replaces another', () => {
    const corpus = loadCorpus(documentsDir, nodeHost);
    for (const v of corpus.versions) {
      const own = manifest.artefacts.filter((a) => a.path.startsWith(`${v.meta.appendix}/v${v.meta.version}/`));
      expect(own.filter((a) => a.kind === 'clean').map((a) => a.format).sort()).toEqual(['docx', 'html', 'json', 'pdf']);
      expect(own.filter((a) => a.kind === 'marked-up').map((a) => `${a.format}:${a.against}`).sort()).toEqual(v.meta.replaces ? ['docx', 'html', 'json', 'pdf'].map((f) => `${f}:${v.meta.replaces}`) : []);
    }
    expect(manifest.artefacts.find((a) => a.path === 'index.html')?.kind).toBe('index');
  });

  it('should give byte-identical files when built twice', () => {
    expect(files(second)).toEqual(files(first));
    expect(read(second)).toEqual(manifest);
    for (const path of files(first)) expect(readFileSync(join(second, path)).equals(readFileSync(join(first, path))), path).toBe(true);
  });

  it('should give the same files from the compiled CLI, rendering in worker threads in another process', () => {
    // `npm test` compiles lib/ first; bin/secdoc.js runs it with one worker per core.
    const third = join(root, 'third');
    execFileSync(process.execPath, [join(repoRoot, 'bin/secdoc.js'), 'build', '--out', third, '--jobs', '2'], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, SECDOC_CACHE_DIR: testCacheDir } });
    expect(read(third), 'the compiled CLI differs: is lib/ stale? (npm run compile)').toEqual(manifest);
  }, 120_000);

  it("should show Annex A's cover with v20.0 and 19.0 and clause 18.13's text in the tagged PDF", async () => {
    const pdf = await readPdf(join(first, annex('A', 'pdf').path));
    const cover = pdf.pages[0]!;
    expect(cover).toContain('Annex A');
    expect(cover).toContain('Version 20.0');
    expect(cover).not.toContain('Version v20.0');
    expect(cover).toContain('19.0');
    expect(cover).toContain('10 June 2022');
    expect(cover).toContain('9 June 2022');
    const doc = findVersion(loadCorpus(documentsDir, nodeHost), 'AL', '20.0')!;
    const c1813 = [...walkClauses(doc.clauses)].find((c) => c.number === '18.13')!;
    const words = squash(clauseText(c1813)).split(' ').slice(0, 8).join(' ');
    expect(squash(pdf.pages.join(' '))).toContain(words);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info.CreationDate).toMatch(/^D:2022/);
  });

  it('should carry tracked changes in the marked-up Word annexes only, with author, date and unique ids', () => {
    const a = documentXml(join(first, annex('A', 'docx').path));
    expect(a).toMatch(/<w:ins w:id="\d+" w:author="[^"]+" w:date="2022-06-09T00:00:00Z">/);
    expect(a).toMatch(/<w:del w:id="\d+" w:author="[^"]+" w:date="2022-06-09T00:00:00Z">/);
    expect(a).toContain('<w:delText');
    const ids = [...a.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const letter of ['B', 'D', 'F']) {
      const clean = documentXml(join(first, annex(letter, 'docx').path));
      expect(clean, `Annex ${letter}`).not.toMatch(/<w:(ins|del)\b/);
    }
    for (const letter of ['C', 'E']) expect(documentXml(join(first, annex(letter, 'docx').path))).toMatch(/<w:ins\b/);
  });

  it('should list every annex and version on the index page, with links that resolve', () => {
    const html = readFileSync(join(first, 'index.html'), 'utf8');
    // Every file but the index itself and the fonts, which the pages load.
    for (const a of manifest.artefacts.filter((x) => x.kind !== 'index' && x.kind !== 'font')) expect(html, a.path).toContain(`href="${a.path}"`);
    // Dates never wrap: their spaces are non-breaking.
    expect(html).toContain('From 10\u00a0June\u00a02022');
    expect(html).toMatch(/1\u00a0January\u00a02022 until 10\u00a0June\u00a02022/);
  });
});
