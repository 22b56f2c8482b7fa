import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments, validateWith, where } from '../helpers.js';

describe('secdoc validate', () => {
  it('should pass the documents as committed', async () => {
    const result = await cli(['validate']);
    expect(result.stderr).not.toMatch(/ error /);
    expect(result.code).toBe(0);
    // No warnings either: a warning on the committed documents is one every author learns to skip.
    expect(result.stderr).not.toMatch(/ warning /);
    expect(result.stderr).toMatch(/6 document versions, 2 directions: 0 errors, 0 warnings/);
  });

  it('should report a duplicate clause number at the second clause', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^7\.3 /m, '7.2 '));
    expect(r.code).toBe(1);
    const lines = r.text.split('\n');
    const second = lines.findIndex((l, i) => l.startsWith('7.2 ') && lines.slice(0, i).some((x) => x.startsWith('7.2 ')));
    expect(r.stderr).toContain(`${r.path}:${second + 1}:1: error Unexpected second clause numbered \`7.2\``);
    expect(r.stderr).toMatch(/error Unexpected second clause numbered `7\.2`.*\[duplicate-number\]/);
  });

  it('should report a cross-reference to a missing clause at the reference', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^(7\.1 .*)$/m, '$1 See Clause 99.9 for more.'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, 'Clause 99.9')}: error Unexpected reference to Clause 99.9`);
    expect(r.stderr).toContain('[xref-unresolved]');
  });

  it('should report malformed front matter at its line', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^version: .*$/m, 'version: [20.0'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${escape(r.path)}:\\d+:\\d+: error Malformed front matter.*\\[front-matter-malformed\\]`));
  });

  it('should report a field of the wrong form at the field', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^version: .*$/m, 'version: twenty'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, 'twenty')}: error Unexpected version \`twenty\``);
  });

  it('should report missing front matter', async () => {
    const r = await validateWith('etad/v6.0.md', (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:1:1: error Missing YAML front matter`);
  });

  it('should report an unknown appendix letter', async () => {
    const r = await validateWith('etad/v6.0.md', (t) => t.replace(/^appendix: .*$/m, 'appendix: ZZ'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, 'ZZ')}: error Unknown appendix \`ZZ\``);
  });

  it('should report a version chain that skips a version', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^replaces: .*$/m, 'replaces: "18.0"'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '"18.0"')}: error Unexpected \`replaces: "18.0"\`: AL v18.0 is not held`);
    expect(r.stderr).toContain('[version-chain]');
  });

  it('should report a fork when two versions replace the same one', async () => {
    const dir = copyDocuments();
    const text = readFileSync(join(dir, 'tmad/v20.0.md'), 'utf8').replace(/^version: .*$/m, 'version: "20.1"');
    writeFileSync(join(dir, 'tmad/v20.1.md'), text);
    const r = await cli(['--documents', dir, 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Unexpected fork: AL v20\.\d and v20\.\d both replace v19\.0 \[version-chain\]/);
  });

  it('should report a direction that designates a version not held', async () => {
    const r = await validateWith('directions/2022-06-09.md', (t) => t.replace(/(designates:[\s\S]*?version: )"20\.0"/, '$1"21.0"'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '"21.0"')}: error Unexpected designation of AL v21.0`);
  });

  it('should report dates that contradict each other', async () => {
    const r = await validateWith('directions/2022-06-09.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2022-06-01'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '2022-06-01')}: error Unexpected effective date 2022-06-01 before the direction was made (2022-06-09) [date-conflict]`);
  });

  it('should report an undefined capitalised term at its place (the unused-term warning: test/check/validate-promises.test.ts)', async () => {
    const r = await validateWith('etad/v6.0.md', (t) => t.replace(/^(\d+\.\d+ .*)$/m, '$1 The Widget Compliance Register applies.'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, 'Widget Compliance Register')}: error Unexpected undefined term \`Widget Compliance Register\``);
  });

  it.each([
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '1:1: error Unexpected binary data', 'binary-file'],
    ['a file that is not UTF-8', Buffer.from('---\nappendix: AL\n---\n\nCaf\xe9 au lait\n', 'latin1'), '5:4: error Unexpected bytes that are not UTF-8', 'not-utf8'],
    ['an empty file', Buffer.alloc(0), '1:1: error Unexpected empty file', 'empty-file'],
  ])('should report %s clearly, without a stack trace', async (_name, bytes, message, rule) => {
    const dir = copyDocuments();
    const path = join(dir, 'tmad', 'v21.0.md');
    writeFileSync(path, bytes);
    const r = await cli(['--documents', dir, 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:${message}`);
    expect(r.stderr).toContain(`[${rule}]`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('should print diagnostics as JSON with --json', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => t.replace(/^(7\.1 .*)$/m, '$1 See Clause 99.9.'));
    const out = JSON.parse(r.stdout === '' ? (await cli(['--documents', r.dir, 'validate', '--json'])).stdout : r.stdout) as { ok: boolean; diagnostics: Array<{ ruleId: string; line: number }> };
    expect(out.ok).toBe(false);
    expect(out.diagnostics.map((d) => d.ruleId)).toContain('xref-unresolved');
  });

  it('should report a load error once and still check the rest of that file and the other files', async () => {
    const dir = copyDocuments();
    const edit = (relative: string, change: (text: string) => string) => {
      const path = join(dir, relative);
      const text = change(readFileSync(path, 'utf8'));
      writeFileSync(path, text);
      return { path, text };
    };
    // A control character no published format can hold is an error of loading AL; a reference to
    // a missing clause elsewhere in AL and one in AK are errors the checks still find.
    const al = edit('tmad/v20.0.md', (t) => t.replace(/^(7\.1 .*)$/m, '$1 Bell\u0007.').replace(/^(7\.6 .*)$/m, '$1 See Clause 99.9.'));
    const ak = edit('svtad/v10.0.md', (t) => t.replace(/^(9\.1 .*)$/m, '$1 See Clause 88.8.'));
    const r = await cli(['--documents', dir, 'validate']);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => / error /.test(l));
    expect(errors.filter((l) => l.includes('[char-invalid]'))).toEqual([expect.stringContaining(`${al.path}:${where(al.text, '\u0007')}: error`)]);
    expect(errors).toContainEqual(expect.stringContaining(`${al.path}:${where(al.text, 'Clause 99.9')}: error Unexpected reference to Clause 99.9`));
    expect(errors).toContainEqual(expect.stringContaining(`${ak.path}:${where(ak.text, 'Clause 88.8')}: error Unexpected reference to Clause 88.8`));
    expect(errors).toHaveLength(3);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
