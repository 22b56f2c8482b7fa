/**
 * The one folder a build deletes, guarded: `--out` may be replaced only when it is absent, empty,
 * or a pack secdoc wrote (its manifest lists everything in it), and never when it is or holds the
 * documents or the working folder. Abandoned temporary folders of killed builds are removed; a
 * live build's and anything else are left. Folders are made here, in a temporary directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertReplaceable, makeTempDir, OutDirError, previousDir, removeAbandoned } from '../../src/publish/out-dir.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'secdoc-outdir-'));
const manifest = (artefacts: unknown, version: unknown = [1, 0]) => JSON.stringify({ 'secdoc-api-version': version, artefacts });

/** A folder holding `files` (path -> text). */
function folder(files: Record<string, string>): string {
  const dir = join(scratch(), 'dist');
  mkdirSync(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The message assertReplaceable refuses `dir` with, or null when it may be replaced. */
function refusal(dir: string, protectedDirs?: string[]): string | null {
  try {
    assertReplaceable(dir, protectedDirs);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(OutDirError);
    return (error as Error).message;
  }
}

const SUFFIX = '; not a folder secdoc wrote, so it is left as it is (give an empty or new folder)';

describe('publish: which output folder a build may replace', () => {
  it('should allow a folder that does not exist, an empty one, and a pack whose manifest lists all it holds', () => {
    expect(refusal(join(scratch(), 'new'))).toBeNull();
    expect(refusal(folder({}))).toBeNull();
    expect(refusal(folder({ 'manifest.json': manifest([{ path: 'AL/v1/a.html' }, { path: 'index.html' }]), 'AL/v1/a.html': 'x', 'index.html': 'x' }))).toBeNull();
  });

  it('should refuse the root of the file system and a file, naming the folder as given', () => {
    expect(refusal('/')).toBe(`--out /: it is the root of the file system${SUFFIX}`);
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'mine');
    expect(refusal(file)).toBe(`--out ${file}: it is a file${SUFFIX}`);
  });

  it('should refuse a folder that is or holds a protected folder, and allow one beside or inside it', () => {
    const root = scratch();
    const out = join(root, 'dist');
    expect(refusal(out, [out])).toBe(`--out ${out}: it holds ${out}${SUFFIX}`);
    expect(refusal(out, [join(out, 'documents')])).toBe(`--out ${out}: it holds ${join(out, 'documents')}${SUFFIX}`);
    // A name that merely starts with two dots is inside, not above.
    expect(refusal(out, [join(out, '..documents')])).toBe(`--out ${out}: it holds ${join(out, '..documents')}${SUFFIX}`);
    expect(refusal(out, [root])).toBeNull();
    expect(refusal(out, [join(root, 'documents')])).toBeNull();
    expect(refusal(out, ['/elsewhere/documents'])).toBeNull();
    const cwd = process.cwd();
    expect(refusal('.', ['.'])).toBe(`--out .: it holds the working folder${SUFFIX}`);
    expect(refusal('', ['.'])).toBe(`--out ${cwd}: it holds the working folder${SUFFIX}`);
  });

  it('should refuse a folder holding files and no secdoc manifest', () => {
    const expected = (dir: string) => `--out ${dir}: it holds files and no secdoc manifest.json${SUFFIX}`;
    for (const text of ['not json', 'null', '"a string"', '[]', manifest([], '1.0'), manifest('all'), manifest([{ path: 3 }]), manifest([null]), JSON.stringify({ artefacts: [] })]) {
      const dir = folder({ 'manifest.json': text, 'a.html': 'x' });
      expect(refusal(dir), text).toBe(expected(dir));
    }
    const bare = folder({ 'thesis.docx': 'mine' });
    expect(refusal(bare)).toBe(expected(bare));
    // With no protected folders named, the working folder is refused for what it holds, nothing else.
    expect(refusal(process.cwd())).toBe(expected(process.cwd()));
  });

  it('should refuse a pack holding what its manifest does not list, naming three and counting the rest', () => {
    const one = folder({ 'manifest.json': manifest([{ path: 'a.html' }]), 'a.html': 'x', 'mine.txt': 'x' });
    expect(refusal(one)).toBe(`--out ${one}: it holds \`mine.txt\`, which its manifest.json does not list${SUFFIX}`);
    const files: Record<string, string> = { 'manifest.json': manifest([{ path: 'a.html' }]), 'a.html': 'x' };
    for (const name of ['p', 'q', 'r', 's', 't']) files[name] = 'x';
    const five = folder(files);
    expect(refusal(five)).toBe(`--out ${five}: it holds \`p\`, \`q\`, \`r\` and 2 more, which its manifest.json does not list${SUFFIX}`);
    const three: Record<string, string> = { 'manifest.json': manifest([]), p: 'x', q: 'x', r: 'x' };
    const exactlyThree = folder(three);
    expect(refusal(exactlyThree)).toBe(`--out ${exactlyThree}: it holds \`p\`, \`q\`, \`r\`, which its manifest.json does not list${SUFFIX}`);
  });
});

describe('publish: temporary folders', () => {
  it('should make a fresh folder beside the output, named after it and this process, and name where the old pack steps aside', () => {
    const root = scratch();
    const out = join(root, 'dist');
    const a = makeTempDir(out);
    const b = makeTempDir(out);
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^${root}/\\.dist\\.building-${process.pid}-[0-9a-f]{8}$`));
    expect(statSync(a).isDirectory()).toBe(true);
    expect(readdirSync(a)).toEqual([]);
    expect(previousDir(a)).toBe(`${a}-previous`);
  });

  it('should remove the folders of builds whose process is gone, and leave live builds, files and other names alone', () => {
    const root = scratch();
    const out = join(root, 'dist.v2');
    const dead = 4194304; // above any process id Linux hands out
    const names = {
      dead: `.dist.v2.building-${dead}-0123abcd`,
      deadPrevious: `.dist.v2.building-${dead}-0123abcd-previous`,
      live: `.dist.v2.building-${process.pid}-0123abcd`,
      init: '.dist.v2.building-1-0123abcd',
      file: `.dist.v2.building-${dead}-89abcdef`,
      otherOut: `.distXv2.building-${dead}-0123abcd`,
      shortHex: `.dist.v2.building-${dead}-0123abc`,
      prefixed: `x.dist.v2.building-${dead}-0123abcd`,
      suffixed: `.dist.v2.building-${dead}-0123abcd-old`,
    };
    for (const [kind, name] of Object.entries(names)) {
      if (kind === 'file') writeFileSync(join(root, name), 'x');
      else mkdirSync(join(root, name));
    }
    expect(removeAbandoned(out).sort()).toEqual([join(root, names.dead), join(root, names.deadPrevious)].sort());
    expect(readdirSync(root).sort()).toEqual(Object.entries(names).filter(([kind]) => !kind.startsWith('dead')).map(([, name]) => name).sort());
  });

  it('should find nothing to remove when the output\'s parent does not exist', () => {
    const missing = join(scratch(), 'no', 'dist');
    expect(removeAbandoned(missing)).toEqual([]);
    expect(existsSync(join(missing, '..'))).toBe(false);
  });
});
