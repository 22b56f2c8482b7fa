/**
 * Nothing time-zone, locale or clock dependent reaches a file: the pack built under several TZ and
 * LANG values, or with the clock set to other years, has the same sha256 for every file (the
 * manifest lists them all); `--jobs 0` gives the same files as worker threads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixtureDocuments, scratch, secdoc } from './helpers.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { buildPack } from '../../src/publish/index.js';

function build(env: Record<string, string>, formats: string): Record<string, string> {
  const s = scratch();
  const r = secdoc(['--documents', s.docs, 'build', '--out', s.out, '--formats', formats, '--jobs', '0'], { env });
  expect(r.code, `${JSON.stringify(env)}: ${r.stderr}`).toBe(0);
  const manifest = JSON.parse(readFileSync(join(s.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; sha256: string }> };
  return Object.fromEntries(manifest.artefacts.map((a) => [a.path, a.sha256]));
}

describe('published JSON', () => {
  it('should not depend on how --documents was typed, nor contain a local path', () => {
    const s = scratch();
    const relative = secdoc(['--documents', 'documents', 'build', '--out', 'a', '--formats', 'json'], { cwd: s.root });
    const absolute = secdoc(['--documents', s.docs + '/', 'build', '--out', join(s.root, 'b'), '--formats', 'json'], { cwd: '/' });
    expect([relative.code, absolute.code]).toEqual([0, 0]);
    const a = readFileSync(join(s.root, 'a/manifest.json'), 'utf8');
    expect(readFileSync(join(s.root, 'b/manifest.json'), 'utf8')).toBe(a);
    for (const path of ['AL/v20.0/appendix-AL-v20.0.tree.json', 'AL/v20.0/appendix-AL-v20.0-marked-up-v19.0.diff.json', 'rules/AL@20.0.json']) {
      const text = readFileSync(join(s.root, 'a', path), 'utf8');
      expect(text).not.toContain(s.root);
      expect(text).not.toContain('documents/');
      expect(text).toContain('"tmad/v20.0.md"');
    }
  });
});

describe('a build under other time zones and locales', () => {
  it('should give the same bytes for every Word, HTML and JSON file', () => {
    const reference = build({ TZ: 'UTC', LANG: 'C' }, 'docx,html,json');
    expect(Object.keys(reference).some((p) => p.endsWith('.docx'))).toBe(true);
    for (const env of <Array<Record<string, string>>>[
      { TZ: 'America/New_York', LANG: 'en_US.UTF-8' },
      { TZ: 'Pacific/Kiritimati', LANG: 'da_DK.UTF-8' },
      { TZ: 'Asia/Kolkata', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    ]) {
      expect([env, build(env, 'docx,html,json')]).toEqual([env, reference]);
    }
  }, 180_000);

  it('should give the same PDF east and west of UTC', () => {
    const reference = build({ TZ: 'UTC', LANG: 'C' }, 'pdf');
    expect(build({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' }, 'pdf')).toEqual(reference);
  }, 180_000);
});

describe('a build at another time', () => {
  it('should give the same bytes for every file whatever the clock says (the build reads no clock)', async () => {
    // Date is faked in this process for the JavaScript writers (HTML, JSON, Word and its zip);
    // Typst lays out the PDF in native code, whose clock cannot be faked here: the PDF's dates
    // come from the sources (its CreationDate is the direction's date), checked in pack.test.ts.
    const corpus = loadCorpus(fixtureDocuments, nodeHost);
    const shas = async (now: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
      try {
        expect(new Date().toISOString()).toBe(now);
        const pack = await buildPack(corpus, { formats: ['html', 'json', 'docx'], workers: 0 });
        return Object.fromEntries(pack.manifest.artefacts.map((a) => [a.path, a.sha256]));
      } finally {
        vi.useRealTimers();
      }
    };
    const reference = await shas('2031-03-04T05:06:07.000Z');
    expect(Object.keys(reference).filter((p) => p.endsWith('.docx')).length).toBeGreaterThan(2);
    expect(await shas('1999-12-31T23:59:59.000Z')).toEqual(reference);
  }, 180_000);

  it('should give the same files with --jobs 0 (no worker) as with worker threads, and refuse a bad count', () => {
    const files = (jobs: string) => {
      const s = scratch();
      const r = secdoc(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'pdf,docx', '--jobs', jobs]);
      expect(r.code, r.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(s.out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; sha256: string }> };
      return Object.fromEntries(manifest.artefacts.map((a) => [a.path, a.sha256]));
    };
    const none = files('0');
    expect(Object.keys(none).filter((p) => p.endsWith('.pdf')).length).toBeGreaterThan(2);
    expect(files('2')).toEqual(none);
    for (const bad of ['-1', '1.5', '65', 'many']) {
      const s = scratch();
      const r = secdoc(['--documents', s.docs, 'build', '--out', s.out, '--jobs', bad]);
      expect([bad, r.code, r.stderr.trim()]).toEqual([bad, 2, `secdoc: --jobs ${bad}: expected a whole number from 0 to 64`]);
    }
  }, 300_000);
});
