/**
 * `build --out` replaces only a folder secdoc owns: absent, empty, or a pack it wrote (its
 * manifest says so). Anything else is a usage error naming the folder, and nothing is touched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { buildPack, writePack } from '../../src/publish/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { documentsWith, expectNoStackTrace, scratch, secdoc, snapshot } from './helpers.js';

/** A project folder as a user has it: sources, a README and a .git folder; cwd two levels down. */
function project() {
  const s = scratch();
  const cwd = join(s.root, 'repo', 'work');
  mkdirSync(join(cwd, '.git'), { recursive: true });
  writeFileSync(join(cwd, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(cwd, 'README.md'), '# mine\n');
  renameSync(s.docs, join(cwd, 'documents'));
  writeFileSync(join(s.root, 'repo', 'notes.txt'), 'keep me\n');
  return { ...s, cwd, docs: join(cwd, 'documents') };
}

describe('build --out refuses to replace a folder it does not own', () => {
  for (const out of ['.', '', '..', 'documents', 'documents/tmad']) {
    it(`should exit 2 naming the folder for --out ${JSON.stringify(out)}, and delete nothing`, () => {
      const p = project();
      const before = snapshot(p.root);
      const r = secdoc(['build', '--out', out, '--formats', 'json'], { cwd: p.cwd });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/--out/);
      expect(r.stderr).toContain(out === '' ? p.cwd : out);
      expectNoStackTrace(r.stderr);
      expect(snapshot(p.root)).toEqual(before);
    });
  }

  it('should refuse a folder holding other files, and a file', async () => {
    const s = scratch();
    mkdirSync(s.out);
    writeFileSync(join(s.out, 'thesis.tex'), 'years of work');
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(s.out);
    expect(readFileSync(join(s.out, 'thesis.tex'), 'utf8')).toBe('years of work');
    const file = join(s.root, 'file.txt');
    writeFileSync(file, 'x');
    const f = await cli(['--documents', s.docs, 'build', '--out', file, '--formats', 'json']);
    expect(f.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('should refuse a pack folder that also holds a file the pack does not list', async () => {
    const s = scratch();
    expect((await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json'])).code).toBe(0);
    writeFileSync(join(s.out, 'mine.txt'), 'not secdoc');
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(s.out, 'mine.txt'), 'utf8')).toBe('not secdoc');
  });

  it('should replace an empty folder and a pack it wrote, and the library refuses the same folders', async () => {
    const s = scratch();
    mkdirSync(s.out);
    expect((await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json'])).code).toBe(0);
    const again = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json,html']);
    expect(again.code, again.stderr).toBe(0);
    const pack = await buildPack(loadCorpus(s.docs, nodeHost), { formats: ['json'] });
    expect(() => writePack(s.docs, pack)).toThrow(/not a folder secdoc wrote/);
  });

  it('should refuse an empty documents folder instead of publishing an empty pack over the old one', async () => {
    const s = scratch();
    expect((await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json'])).code).toBe(0);
    const before = snapshot(s.out);
    const empty = documentsWith({}, { bare: true });
    const r = await cli(['--documents', empty.docs, 'build', '--out', s.out, '--formats', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no documents/);
    expect(snapshot(s.out)).toEqual(before);
  });

  it('should create the pack folder with the ordinary mode (0755 under umask 022), not 0700', async () => {
    const s = scratch();
    const r = secdoc(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((statSync(s.out).mode & 0o777).toString(8)).toBe((0o777 & ~process.umask()).toString(8));
  });
});

describe('temporary folders of an interrupted build', () => {
  it("should be removed by the next build, and only secdoc's own", async () => {
    const s = scratch();
    expect((await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json'])).code).toBe(0);
    // What a kill -9 leaves: a half-written folder and a stepped-aside old pack, of a dead process.
    const dead = 2 ** 22 + 17;
    mkdirSync(join(s.root, `.dist.building-${dead}-0a1b2c3d`, 'AL'), { recursive: true });
    mkdirSync(join(s.root, `.dist.building-${dead}-4e5f6a7b-previous`, 'AL'), { recursive: true });
    // Not secdoc's: a live process's folder, and look-alikes.
    mkdirSync(join(s.root, `.dist.building-${process.pid}-0a1b2c3d`));
    mkdirSync(join(s.root, '.dist.building-mine'));
    writeFileSync(join(s.root, `.dist.building-${dead}-99999999`), 'a file');
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(s.root).sort()).toEqual([`.dist.building-${dead}-99999999`, `.dist.building-${process.pid}-0a1b2c3d`, '.dist.building-mine', 'dist', 'documents'].sort());
  });

  it('should say the new pack is in place when only removing the old one failed', async () => {
    const s = scratch();
    expect((await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'json'])).code).toBe(0);
    const corpus = loadCorpus(s.docs, nodeHost);
    const pack = await buildPack(corpus, { formats: ['json', 'html'] });
    const result = writePack(s.out, pack, { removeOld: () => { throw new Error('EBUSY: resource busy'); } });
    expect(existsSync(join(s.out, 'index.html'))).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/published.*could not remove the previous pack.*EBUSY/);
  });
});
