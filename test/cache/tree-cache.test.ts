import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, cacheKey, DiskTreeCache, parseCached, parseSource, type ParsedSource } from '../../src/corpus/cache.js';
import { cli, documentsDir, realCorpusFiles, repoRoot } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'secdoc-cache-test-'));

/** Every entry file under a cache folder. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** A cache that says whether its last read was a hit, so a test knows which path it took. */
class CountingCache extends DiskTreeCache {
  hits = 0;
  misses = 0;
  override get(key: string): ParsedSource | null {
    const found = super.get(key);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }
}

const documentSources = readdirSync(documentsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(documentsDir, f));
const sources = [...realCorpusFiles(), ...documentSources];

describe('tree cache: a cached tree is the tree a fresh parse gives', () => {
  const cache = new CountingCache(fresh());

  it.each(sources.map((f) => [basename(f), f]))('should give %s back from the cache deep-equal to its parse', (_name, path) => {
    const bytes = readFileSync(path);
    const options = { requireFrontMatter: path.startsWith(documentsDir) };
    const parsed = parseCached(path, bytes, options, cache);
    expect(cache.misses).toBeGreaterThan(0);
    const hitsBefore = cache.hits;
    const cached = parseCached(path, bytes, options, cache);
    expect(cache.hits).toBe(hitsBefore + 1);
    expect(parsed.doc).not.toBeNull();
    // Typed arrays, shared constants and prototypes included: strict equality, field by field.
    expect(cached).toStrictEqual(parsed);
  });

  it('should replay the diagnostics of a parse on a hit, with the same positions and severities', () => {
    const path = join(fresh(), 'loose.md');
    const bytes = new TextEncoder().encode('---\nappendix: [\n---\n# Title\n\n1. One clause.\n');
    const dir = fresh();
    const first = parseCached(path, bytes, { requireFrontMatter: true }, new DiskTreeCache(dir));
    expect(first.messages.length).toBeGreaterThan(0);
    const second = parseCached(path, bytes, { requireFrontMatter: true }, new DiskTreeCache(dir));
    expect(second).toStrictEqual(first);
  });
});

describe('tree cache: damaged and foreign entries are never trusted', () => {
  const path = realCorpusFiles().find((f) => f.endsWith('stgbeg__stand-2012-12-20.md'))!;
  const other = realCorpusFiles().find((f) => f.endsWith('stgbeg__stand-2010-12-22.md'))!;
  const bytes = readFileSync(path);
  const expected = parseSource(path, bytes, {});

  /** A cache holding one good entry for `path`, and that entry's file. */
  function primed(): { cache: CountingCache; entry: string } {
    const cache = new CountingCache(fresh());
    parseCached(path, bytes, {}, cache);
    const [entry] = entries(cache.dir);
    expect(entry).toBeDefined();
    return { cache, entry: entry! };
  }

  const damage: Array<[string, (entry: Buffer) => Buffer]> = [
    ['truncated to half', (b) => b.subarray(0, b.length >> 1)],
    ['truncated by one byte', (b) => b.subarray(0, b.length - 1)],
    ['truncated inside the header', (b) => b.subarray(0, 10)],
    ['emptied', () => Buffer.alloc(0)],
    ['a byte flipped in the payload', (b) => flip(b, b.length - 100)],
    ['a byte flipped in the checksum', (b) => flip(b, 20)],
    ['a byte flipped in the format tag', (b) => flip(b, 3)],
    ['replaced by text', () => Buffer.from('not a cache entry\n')],
  ];

  it.each(damage)('should ignore an entry %s, parse afresh and store a good entry again', (_what, spoil) => {
    const { cache, entry } = primed();
    writeFileSync(entry, spoil(readFileSync(entry)));
    expect(cache.get(cacheKey(path, bytes, {}))).toBeNull();
    const again = parseCached(path, bytes, {}, cache);
    expect(again).toStrictEqual(expected);
    // The fresh parse replaced the damaged entry.
    expect(cache.get(cacheKey(path, bytes, {}))).toStrictEqual(expected);
  });

  it('should ignore an intact entry stored under another key (another file, version or option)', () => {
    const { cache, entry } = primed();
    // A well-formed entry of another document, moved to this key's place: its checksum holds.
    const foreign = new CountingCache(fresh());
    parseCached(other, readFileSync(other), {}, foreign);
    writeFileSync(entry, readFileSync(entries(foreign.dir)[0]!));
    expect(cache.get(cacheKey(path, bytes, {}))).toBeNull();
    expect(parseCached(path, bytes, {}, cache)).toStrictEqual(expected);
  });

  it('should key an entry on the bytes, the path and every parse option', () => {
    const base = cacheKey(path, bytes, {});
    expect(cacheKey(path, bytes, {})).toBe(base);
    expect(cacheKey(path, flip(Buffer.from(bytes), 500), {})).not.toBe(base);
    expect(cacheKey(`${path}.copy.md`, bytes, {})).not.toBe(base);
    expect(cacheKey(path, bytes, { requireFrontMatter: true })).not.toBe(base);
    expect(cacheKey(path, bytes, { whole: true })).not.toBe(base);
  });

  it('should treat an unreadable or unwritable cache folder as no cache', () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, 'not a folder');
    const cache = new DiskTreeCache(file);
    expect(parseCached(path, bytes, {}, cache)).toStrictEqual(expected);
    expect(cache.get(cacheKey(path, bytes, {}))).toBeNull();
  });
});

describe('tree cache: through the CLI', () => {
  const french = realCorpusFiles().filter((f) => f.includes('code-civil'));

  it('should print the same redline cold, warm and with --no-cache, and store the trees', async () => {
    const dir = fresh();
    const env = { SECDOC_CACHE_DIR: dir };
    const cold = await cli(['diff', french[0]!, french[1]!, '--format', 'json'], { env });
    expect(cold.code).toBe(0);
    expect(entries(join(dir, 'trees'))).toHaveLength(2);
    // Beside them, each heading chunk of the two files (shared chunks once).
    expect(entries(join(dir, 'chunks')).length).toBeGreaterThan(10);
    const warm = await cli(['diff', french[0]!, french[1]!, '--format', 'json'], { env });
    expect(warm.stdout).toBe(cold.stdout);
    const none = await cli(['--no-cache', 'diff', french[0]!, french[1]!, '--format', 'json'], { env: { SECDOC_CACHE_DIR: fresh() } });
    expect(none.stdout).toBe(cold.stdout);
  }, 240_000);

  it("should keep a compared document's digest in its entry, add it to an entry made without, and never trust one that does not fit", async () => {
    const dir = fresh();
    // The CLI keeps its trees in trees/ of the cache folder.
    const trees = new DiskTreeCache(join(dir, 'trees'));
    const [oldPath, newPath] = [french[0]!, french[1]!];
    const keyOf = (path: string) => cacheKey(path, readFileSync(path), {});
    const expected = (await cli(['--no-cache', 'diff', oldPath, newPath, '--format', 'json'], { env: { SECDOC_CACHE_DIR: fresh() } })).stdout;
    // The old version's tree cached by a command that does not compare (no digest) ...
    parseCached(oldPath, readFileSync(oldPath), {}, trees);
    expect(trees.get(keyOf(oldPath))!.digest).toBeUndefined();
    const first = await cli(['diff', oldPath, newPath, '--format', 'json'], { env: { SECDOC_CACHE_DIR: dir } });
    expect(first.stdout).toBe(expected);
    // ... is stored again with its digest; the new version's, parsed by the diff, has one too.
    for (const path of [oldPath, newPath]) expect(trees.get(keyOf(path))!.digest?.clauseCount).toBeGreaterThan(100);
    // A well-formed entry holding the other version's digest (the same shape): the tree is used, the digest made afresh.
    const entry = trees.get(keyOf(oldPath))!;
    trees.set(keyOf(oldPath), { ...entry, digest: trees.get(keyOf(newPath))!.digest! });
    // The same diff again would be printed from the output cache: without it, the trees are read.
    rmSync(join(dir, 'outputs'), { recursive: true, force: true });
    const foreign = await cli(['diff', oldPath, newPath, '--format', 'json'], { env: { SECDOC_CACHE_DIR: dir } });
    expect(foreign.stdout).toBe(expected);
    expect(trees.get(keyOf(oldPath))!.digest).toStrictEqual(entry.digest);
  }, 240_000);

  it('should neither read nor write the cache with --no-cache or SECDOC_CACHE=0', async () => {
    for (const [args, extra] of [[['--no-cache'], {}], [[], { SECDOC_CACHE: '0' }]] as const) {
      const dir = fresh();
      const result = await cli([...args, '--documents', documentsDir, 'validate'], { env: { SECDOC_CACHE_DIR: dir, ...extra } });
      expect(result.code).toBe(0);
      expect(entries(dir)).toEqual([]);
    }
  }, 240_000);

  it('should validate documents/ the same from a warm cache as from none', async () => {
    const env = { SECDOC_CACHE_DIR: fresh() };
    const none = await cli(['--no-cache', '--documents', documentsDir, 'validate', '--json'], { env });
    const cold = await cli(['--documents', documentsDir, 'validate', '--json'], { env });
    const warm = await cli(['--documents', documentsDir, 'validate', '--json'], { env });
    expect(cold.stdout).toBe(none.stdout);
    expect(warm.stdout).toBe(none.stdout);
    // The trees, one per source (the record of checks sits beside them in checks/).
    expect(entries(join(env.SECDOC_CACHE_DIR, 'trees')).length).toBe(documentSources.length);
  }, 240_000);
});

describe('tree cache: where it lives', () => {
  it('should use SECDOC_CACHE_DIR when set', () => {
    expect(cacheDir({ SECDOC_CACHE_DIR: '/tmp/somewhere' }, '/')).toBe('/tmp/somewhere');
  });

  it('should use node_modules/.cache/secdoc of the nearest package, as Babel, ESLint and Prettier do', () => {
    const project = fresh();
    writeFileSync(join(project, 'package.json'), '{}');
    mkdirSync(join(project, 'node_modules'));
    mkdirSync(join(project, 'docs', 'deep'), { recursive: true });
    expect(cacheDir({}, join(project, 'docs', 'deep'))).toBe(join(project, 'node_modules', '.cache', 'secdoc'));
    expect(cacheDir({}, repoRoot)).toBe(join(repoRoot, 'node_modules', '.cache', 'secdoc'));
  });

  it('should fall back to $XDG_CACHE_HOME/secdoc outside a package', () => {
    const loose = fresh();
    expect(cacheDir({ XDG_CACHE_HOME: '/tmp/xdg' }, loose)).toBe('/tmp/xdg/secdoc');
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
