/**
 * Nothing time-zone or locale dependent reaches a file: the pack built under several TZ and LANG
 * values has the same sha256 for every file (the manifest lists them all).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, secdoc } from './helpers.js';

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
