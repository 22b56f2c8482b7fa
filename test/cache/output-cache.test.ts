/**
 * The output cache (src/cli/output-cache.ts): `secdoc diff A B` as JSON or text, run again on the
 * same files with the same flags, prints the bytes the first run printed without parsing or
 * comparing. Everything the output is made from keys it (either file's bytes, its path, each
 * flag), a damaged or foreign entry is a miss that the fresh output replaces, and an output that
 * came with diagnostics, or that depends on more than the two files, is never stored.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputCache } from '../../src/cli/output-cache.js';
import { run as runCli } from '../../src/cli/main.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { cli, documentsDir, realCorpusDir } from '../helpers.js';

const fresh = (what = 'cache') => mkdtempSync(join(tmpdir(), `secdoc-output-${what}-`));

/** Writable copies of two versions of a German statute (StGBEG 2010 and 2012): 0.5 MB of redline JSON. */
function pair(): { dir: string; old: string; new: string } {
  const dir = fresh('pair');
  const copy = (stand: string, name: string) => writeFileSync(join(dir, name), readFileSync(join(realCorpusDir, 'de-bundestag-gesetze', `stgbeg__stand-${stand}.md`)));
  copy('2010-12-22', 'old.md');
  copy('2012-12-20', 'new.md');
  return { dir, old: join(dir, 'old.md'), new: join(dir, 'new.md') };
}

/** The outputs stored in the cache folder `cacheDir`, by key. */
function stored(cacheDir: string): string[] {
  const dir = join(cacheDir, 'outputs');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

const run = (cacheDir: string, args: string[]) => cli(args, { env: { SECDOC_CACHE_DIR: cacheDir } });
const uncached = (args: string[]) => cli(['--no-cache', ...args]);

describe('output cache: the same diff again is printed from the cache', () => {
  it('should print the bytes of the first run, the ones --no-cache prints, and read them from the cache', async () => {
    const { old, new: neu } = pair();
    const cache = fresh();
    const args = ['diff', old, neu, '--format', 'json'];
    const first = await run(cache, args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe((await uncached(args)).stdout);
    expect(JSON.parse(first.stdout).summary.changed).toBeGreaterThan(0);
    const [key] = stored(cache);
    expect(stored(cache)).toHaveLength(1);

    const second = await run(cache, args);
    expect(second).toEqual(first);

    // A sealed entry planted under the key is what the next run prints: it reads the cache.
    const writer = new OutputCache(join(cache, 'outputs')).writer(key!);
    writer.write(Buffer.from('planted\n'));
    writer.commit();
    expect((await run(cache, args)).stdout).toBe('planted\n');
  });

  it('should answer --out with the bytes it prints, and the text format too', async () => {
    const { dir, old, new: neu } = pair();
    const cache = fresh();
    const json = await run(cache, ['diff', old, neu, '--format', 'json']);
    const out = join(dir, 'out', 'redline.json');
    expect((await run(cache, ['diff', old, neu, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(json.stdout);
    expect(stored(cache)).toHaveLength(1);

    // Stored from a run that wrote a file, answered on standard output.
    const cache2 = fresh();
    const out2 = join(dir, 'first.json');
    await run(cache2, ['diff', old, neu, '--out', out2]);
    expect(readFileSync(out2, 'utf8')).toBe(json.stdout);
    const [key2] = stored(cache2);
    expect(new OutputCache(join(cache2, 'outputs')).get(key2!)?.toString('utf8')).toBe(json.stdout);
    expect((await run(cache2, ['diff', old, neu, '--format', 'json'])).stdout).toBe(json.stdout);
    await run(cache2, ['diff', old, neu, '--format', 'text', '--out', join(dir, 'first.txt')]);
    expect((await run(cache2, ['diff', old, neu, '--format', 'text', '--out', join(dir, 'second.txt')])).code).toBe(0);
    expect(readFileSync(join(dir, 'second.txt'), 'utf8')).toBe(readFileSync(join(dir, 'first.txt'), 'utf8'));
    expect(readFileSync(join(dir, 'first.txt'), 'utf8')).toContain('[-');

    const text = await uncached(['diff', old, neu]);
    expect(text.stdout).toContain('[-');
    expect((await run(cache, ['diff', old, neu])).stdout).toBe(text.stdout);
    expect((await run(cache, ['diff', old, neu])).stdout).toBe(text.stdout);
    expect(stored(cache)).toHaveLength(2);
  });
});

describe('output cache: never an answer it was not made for', () => {
  it('should make the output afresh after an edit to either file, or with another flag or path', async () => {
    const { dir, old, new: neu } = pair();
    const cache = fresh();
    const before = await run(cache, ['diff', old, neu, '--format', 'json']);

    writeFileSync(neu, readFileSync(neu, 'utf8').replace(/\bGesetzes\b/, 'Rechtes'));
    const edited = await run(cache, ['diff', old, neu, '--format', 'json']);
    expect(edited.stdout).not.toBe(before.stdout);
    expect(edited.stdout).toBe((await uncached(['diff', old, neu, '--format', 'json'])).stdout);

    writeFileSync(old, readFileSync(old, 'utf8').replace(/\bGesetzes\b/, 'Rechtes'));
    expect((await run(cache, ['diff', old, neu, '--format', 'json'])).stdout).toBe((await uncached(['diff', old, neu, '--format', 'json'])).stdout);

    for (const flags of [['--show-formatting'], ['--max-edit', '3'], ['--full'], ['--format', 'text', '--no-color']]) {
      const args = ['diff', old, neu, '--format', 'json', ...flags];
      expect((await run(cache, args)).stdout, flags.join(' ')).toBe((await uncached(args)).stdout);
    }
    // The same bytes under another name (as long): the JSON names each file by its path.
    const renamed = join(dir, 'two.md');
    writeFileSync(renamed, readFileSync(neu));
    const other = await run(cache, ['diff', old, renamed, '--format', 'json']);
    expect(JSON.parse(other.stdout).new.path).toBe(renamed);
    expect(stored(cache).length).toBeGreaterThanOrEqual(6);
  });

  it('should store the output of the bytes it keyed, when a file changes while the diff runs', async () => {
    const { old, new: neu } = pair();
    const cache = fresh();
    const args = ['diff', old, neu, '--format', 'json'];
    const before = (await uncached(args)).stdout;
    // The new file is edited between its first read (the key) and any later one.
    const edited = readFileSync(neu, 'utf8').replace(/\bGesetzes\b/, 'Rechtes');
    let reads = 0;
    let stdout = '';
    const code = await runCli(args, {
      stdout: (t) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
      stderr: () => {},
      isTTY: false,
      env: { SECDOC_CACHE_DIR: cache },
      host: { ...nodeHost, readFile: (path) => (path === neu && reads++ > 0 ? Buffer.from(edited) : nodeHost.readFile(path)) },
    });
    expect(code).toBe(0);
    expect(stdout).toBe(before);
    expect((await run(cache, args)).stdout).toBe(before);
  });

  it('should take a damaged, truncated or foreign entry for a miss, and store the fresh output over it', async () => {
    const { old, new: neu } = pair();
    const args = ['diff', old, neu, '--format', 'json'];
    const expected = (await uncached(args)).stdout;
    const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
      ['a byte of the output flipped', (b) => Buffer.concat([b.subarray(0, b.length - 10), Buffer.from([b[b.length - 10]! ^ 1]), b.subarray(b.length - 9)])],
      ['cut short', (b) => b.subarray(0, b.length >> 1)],
      ['the checksum zeroed', (b) => Buffer.concat([b.subarray(0, 16), Buffer.alloc(32), b.subarray(48)])],
      ['another kind of sealed file', (b) => Buffer.concat([Buffer.from('SECDOC-TREE-1\n'), b.subarray(16)])],
      ['empty', () => Buffer.alloc(0)],
    ];
    for (const [what, damage] of damages) {
      const cache = fresh();
      await run(cache, args);
      const [key] = stored(cache);
      const path = join(cache, 'outputs', key!);
      writeFileSync(path, damage(readFileSync(path)));
      expect((await run(cache, args)).stdout, what).toBe(expected);
      // Stored afresh: the entry reads whole again.
      expect(new OutputCache(join(cache, 'outputs')).get(key!)?.toString('utf8'), what).toBe(expected);
    }
  });

  it('should store nothing with --no-cache, for a version REF, an annex format, or an output that came with diagnostics', async () => {
    const { dir, old, new: neu } = pair();
    const cache = fresh();
    await run(cache, ['--no-cache', 'diff', old, neu, '--format', 'json']);
    await cli(['diff', old, neu, '--format', 'json'], { env: { SECDOC_CACHE_DIR: cache, SECDOC_CACHE: '0' } });
    await run(cache, ['--documents', documentsDir, 'diff', 'AL@19.0', 'AL@20.0', '--format', 'json']);
    await run(cache, ['diff', old, neu, '--out', join(dir, 'annex.html')]);
    // An --out that cannot be written: the usage error, and nothing stored (not even a temporary file).
    writeFileSync(join(dir, 'a-file'), '');
    const unwritable = await run(cache, ['diff', old, neu, '--out', join(dir, 'a-file', 'redline.json')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('cannot write');
    expect(stored(cache)).toEqual([]);

    // A bidirectional control is a warning: the redline is printed, and the warning every time.
    const warned = join(dir, 'warned.md');
    writeFileSync(warned, readFileSync(neu, 'utf8').replace(/\bGesetzes\b/, 'Gese\u202etzes'));
    const args = ['diff', old, warned, '--format', 'json'];
    const first = await run(cache, args);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/warned\.md:\d+:\d+: warning .*\[char-bidi\]/);
    expect(stored(cache)).toEqual([]);
    expect(await run(cache, args)).toEqual(first);
  });
});

describe('output cache: the folder keeps the most recently used outputs', () => {
  const put = (cache: OutputCache, key: string, bytes: number) => {
    const writer = cache.writer(key);
    writer.write(Buffer.alloc(bytes, key));
    writer.commit();
  };
  /** Set an entry's last use `seconds` ago. */
  const age = (dir: string, name: string, seconds: number) => {
    const when = new Date(Date.now() - seconds * 1000);
    utimesSync(join(dir, name), when, when);
  };

  it('should drop the least recently used entries past its size, never the newest, and a hit counts as a use', () => {
    const dir = join(fresh(), 'outputs');
    const cache = new OutputCache(dir, 2500);
    put(cache, 'a', 1000);
    put(cache, 'b', 1000);
    age(dir, 'a', 30);
    age(dir, 'b', 20);
    expect(cache.get('a')?.length).toBe(1000); // a is now the most recently used
    put(cache, 'c', 1000);
    expect(readdirSync(dir).sort()).toEqual(['a', 'c']);
    put(cache, 'd', 5000);
    expect(readdirSync(dir)).toEqual(['d']);
    expect(cache.get('d')?.length).toBe(5000);
  });

  it('should remove a temporary file a stopped run left, once it is a minute old, and nothing else', () => {
    const dir = join(fresh(), 'outputs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.123.abc.tmp'), 'half');
    writeFileSync(join(dir, 'y.456.def.tmp'), 'being written');
    age(dir, 'x.123.abc.tmp', 120);
    put(new OutputCache(dir), 'k', 10);
    expect(readdirSync(dir).sort()).toEqual(['k', 'y.456.def.tmp']);
    expect(statSync(join(dir, 'k')).size).toBeGreaterThan(10);
  });

  it('should store nothing when a writer is aborted or its folder cannot be made', () => {
    const root = fresh();
    const dir = join(root, 'outputs');
    const cache = new OutputCache(dir);
    const writer = cache.writer('k');
    writer.write(Buffer.from('half'));
    writer.abort();
    writer.commit();
    expect(cache.get('k')).toBeNull();
    expect(readdirSync(dir)).toEqual([]);

    writeFileSync(join(root, 'file'), '');
    const blocked = new OutputCache(join(root, 'file', 'outputs'));
    const w = blocked.writer('k');
    w.write(Buffer.from('x'));
    w.commit();
    expect(blocked.get('k')).toBeNull();
  });
});
