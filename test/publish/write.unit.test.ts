/**
 * Writing a pack is fail-safe: every file goes into a fresh folder beside the output, which then
 * replaces the output whole; a failure at any point leaves the previous output as it was and no
 * temporary folder behind. Packs of a few files made here, in a temporary directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Artefact, Pack } from '../../src/publish/index.js';
import { reusedArtefact } from '../../src/publish/incremental.js';
import { OutDirError } from '../../src/publish/out-dir.js';
import { removalWarning, writePack } from '../../src/publish/write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'secdoc-write-'));
const describeFile = (path: string): Omit<Artefact, 'bytes'> => ({ path, kind: 'clean', format: 'html', document: 'AL', version: '1.0', against: null, annex: null, direction: null });

/** A pack of `files` (path -> text), its manifest listing each as the publisher would. */
function packOf(files: Record<string, string>, extra: Artefact[] = []): Pack {
  const artefacts = [...Object.entries(files).map(([path, text]) => ({ ...describeFile(path), bytes: new TextEncoder().encode(text) })), ...extra];
  const entries = artefacts.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.byteLength, sha256: 'x' }));
  return { artefacts, manifest: { 'secdoc-api-version': [1, 0], artefacts: entries }, inputs: { version: 2, artefacts: {} }, made: [] };
}

/** Every file under `dir` with its text. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}

/** An output folder holding a first pack, beside nothing else. */
function published(): { root: string; out: string; before: Record<string, string> } {
  const root = scratch();
  const out = join(root, 'dist');
  expect(writePack(out, packOf({ 'old.html': 'old', 'AL/a.html': 'first' }))).toEqual({ warnings: [] });
  return { root, out, before: contents(out) };
}

describe('publish: writing a pack', () => {
  it('should write every file and a manifest into a new folder, making its parents', () => {
    const out = join(scratch(), 'deep', 'er', 'dist');
    const pack = packOf({ 'AL/v1/a.html': '<p>a</p>', 'index.html': 'i' });
    expect(writePack(out, pack)).toEqual({ warnings: [] });
    expect(contents(out)).toEqual({ 'AL/v1/a.html': '<p>a</p>', 'index.html': 'i', 'manifest.json': JSON.stringify(pack.manifest, null, 2) + '\n' });
    expect(readdirSync(join(out, '..'))).toEqual(['dist']);
  });

  it('should replace a previous pack whole, leaving nothing beside it', () => {
    const { root, out } = published();
    expect(writePack(out, packOf({ 'AL/a.html': 'second' }))).toEqual({ warnings: [] });
    expect(contents(out)).toMatchObject({ 'AL/a.html': 'second' });
    expect(existsSync(join(out, 'old.html'))).toBe(false);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should put the old pack back when the new one cannot be moved into place', () => {
    const { root, out, before } = published();
    // The error is the failed move's, not a later clean-up's.
    expect(() => writePack(out, packOf({ 'AL/a.html': 'second' }), { beforeSwap: (temp) => rmSync(temp, { recursive: true }) })).toThrow(/^ENOENT: no such file or directory, rename /);
    expect(contents(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should leave the old pack and no temporary folder when writing fails before the swap', () => {
    const { root, out, before } = published();
    let seen = '';
    expect(() =>
      writePack(out, packOf({ 'AL/a.html': 'second' }), {
        beforeSwap: (temp) => {
          seen = temp;
          expect(contents(temp)).toMatchObject({ 'AL/a.html': 'second' });
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(seen).toMatch(/\/\.dist\.building-\d+-[0-9a-f]{8}$/);
    expect(contents(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should refuse a file path that leaves the pack, writing nothing', () => {
    const { root, out, before } = published();
    expect(() => writePack(out, packOf({ 'AL/a.html': 'x', '../escaped.html': 'x' }))).toThrow('artefact path escapes the output folder: ../escaped.html');
    // Not even the pack's folder itself.
    expect(() => writePack(out, packOf({ '.': 'x' }))).toThrow('artefact path escapes the output folder: .');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should refuse an empty pack and a folder secdoc did not write, leaving it as it is', () => {
    const { out, before } = published();
    expect(() => writePack(out, packOf({}))).toThrow('the pack is empty');
    expect(contents(out)).toEqual(before);
    const mine = join(scratch(), 'thesis');
    mkdirSync(mine);
    writeFileSync(join(mine, 'chapter1.docx'), 'mine');
    expect(() => writePack(mine, packOf({ 'a.html': 'x' }))).toThrow(OutDirError);
    expect(contents(mine)).toEqual({ 'chapter1.docx': 'mine' });
    expect(readdirSync(join(mine, '..'))).toEqual(['thesis']);
  });

  it('should leave the old pack in place, and remove the new one, when the old one cannot step aside', () => {
    const { root, out, before } = published();
    let temp = '';
    // Something already stands where the old pack would step aside to.
    expect(() =>
      writePack(out, packOf({ 'AL/a.html': 'second' }), {
        beforeSwap: (t) => {
          temp = t;
          mkdirSync(join(`${t}-previous`, 'occupied'), { recursive: true });
        },
      }),
    ).toThrow(/^(ENOTEMPTY|EEXIST): .*, rename /);
    expect(contents(out)).toEqual(before);
    expect(existsSync(temp)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['dist', `${temp.slice(root.length + 1)}-previous`].sort());
  });

  it('should publish the new pack and warn when the old one cannot be removed', () => {
    const { root, out } = published();
    let old = '';
    const result = writePack(out, packOf({ 'AL/a.html': 'second' }), {
      removeOld: (path) => {
        old = path;
        throw new Error('busy');
      },
    });
    expect(old).toMatch(/\/\.dist\.building-\d+-[0-9a-f]{8}-previous$/);
    expect(result).toEqual({ warnings: [`the new pack is published in ${out}, but could not remove the previous pack at ${old} (busy); the next build removes it`] });
    expect(removalWarning(out, old, new Error('busy'))).toBe(result.warnings[0]);
    expect(contents(out)).toMatchObject({ 'AL/a.html': 'second' });
    expect(contents(old)).toMatchObject({ 'old.html': 'old', 'AL/a.html': 'first' });
    expect(readdirSync(root).sort()).toEqual(['dist', old.slice(root.length + 1)].sort());
  });

  it('should remove the previous pack by default once the new one is in place', () => {
    const { root, out } = published();
    let removed = '';
    writePack(out, packOf({ 'b.html': 'b' }), { removeOld: (path) => (removed = path) });
    expect(existsSync(removed)).toBe(true);
    rmSync(removed, { recursive: true });
    writePack(out, packOf({ 'c.html': 'c' }));
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should remove an abandoned build\'s folder beside the output before writing', () => {
    const { root, out } = published();
    mkdirSync(join(root, '.dist.building-4194304-0123abcd'));
    writePack(out, packOf({ 'b.html': 'b' }));
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('should link a file taken from the previous pack rather than write it, and refuse a protected folder', () => {
    const { root, out } = published();
    const previous = join(out, 'AL/a.html');
    const reused = reusedArtefact(describeFile('AL/a.html'), { file: previous, sha256: 'x', size: 5 });
    const before = statSync(previous).ino;
    writePack(out, packOf({ 'b.html': 'b' }, [reused]));
    expect(statSync(join(out, 'AL/a.html')).ino).toBe(before);
    expect(readFileSync(join(out, 'AL/a.html'), 'utf8')).toBe('first');
    expect(() => writePack(out, packOf({ 'b.html': 'b' }), { protectedDirs: [join(out, 'documents')] })).toThrow(OutDirError);
    expect(readdirSync(root)).toEqual(['dist']);
  });
});
