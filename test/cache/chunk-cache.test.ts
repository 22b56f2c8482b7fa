/**
 * The store of parsed chunks (src/corpus/cache.ts `DiskChunkStore`): a source edited in one
 * heading chunk parses that chunk alone, and the document is the one a fresh parse gives, byte
 * for byte, wherever the edit moved the chunks after it. A damaged or foreign chunk entry is a
 * miss, never trusted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { chunkKey, DiskChunkStore, DiskTreeCache, parseCached, parseSource } from '../../src/corpus/cache.js';
import { parseChunk, parseDocument, type ChunkStore, type ParsedChunk } from '../../src/parse/index.js';
import { splitSource } from '../../src/parse/split.js';
import { cli, copyDocuments, documentsDir, realCorpusFiles } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'secdoc-chunk-test-'));

function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** A store on disk that counts what it answered and what was parsed afresh. */
class CountingStore extends DiskChunkStore {
  hits = 0;
  stored = 0;
  override get(text: string): ParsedChunk | null {
    const found = super.get(text);
    if (found) this.hits++;
    return found;
  }
  override set(text: string, chunk: ParsedChunk): void {
    this.stored++;
    super.set(text, chunk);
  }
}

const tmad = join(documentsDir, 'tmad', 'v20.0.md');
const tmadText = readFileSync(tmad, 'utf8');

/** The document and diagnostics of a parse of `text`, through `store` when given. */
function parse(text: string, store: ChunkStore | null = null) {
  const file = new VFile({ path: '/docs/tmad/v20.0.md' });
  const doc = parseDocument(text, file, { requireFrontMatter: true }, store);
  return { doc, messages: file.messages.map((m) => [m.ruleId, m.reason, m.line, m.column]) };
}

describe('parsed chunks: an edit parses only the chunk it touched', () => {
  const chunks = splitSource(tmadText).chunks;

  it('should hold a source of several chunks (else the store is never asked)', () => {
    expect(chunks.length).toBeGreaterThan(3);
  });

  const edits: Array<[string, (text: string) => string]> = [
    ['a word changed in the last chunk', (t) => t.replace(/(\n18\.\d+ [^\n]*?) the /, '$1 the relevant ')],
    ['lines added in the first chunk (every later chunk moves down)', (t) => t.replace('## 1 Introduction\n', '## 1 Introduction\n\nAn added paragraph.\n\nAnd another one,\nover two lines.\n')],
    ['a rule block changed in the middle', (t) => t.replace('kind: restriction', 'kind: restricton')],
  ];

  it.each(edits)('should give the document of a fresh parse after %s, parsing one chunk', (_what, edit) => {
    const store = new CountingStore(fresh());
    parse(tmadText, store);
    expect(store.stored).toBe(chunks.length);
    const edited = edit(tmadText);
    expect(edited).not.toBe(tmadText);
    store.hits = 0;
    store.stored = 0;
    const incremental = parse(edited, store);
    expect(store.stored).toBe(1);
    expect(store.hits).toBe(splitSource(edited).chunks.length - 1);
    expect(incremental).toStrictEqual(parse(edited));
  });

  it('should replay where a chunk nests too deep, at its new place', () => {
    const deep = `${'>'.repeat(70)} quoted\n`;
    const text = tmadText.replace('## 3 Migration Overview\n', `## 3 Migration Overview\n\n${deep}\n`);
    const store = new CountingStore(fresh());
    const first = parse(text, store);
    expect(first.messages.filter((m) => m[0] === 'nesting-too-deep')).toHaveLength(1);
    const moved = text.replace('## 1 Introduction\n', '## 1 Introduction\n\nOne more line.\n');
    store.hits = 0;
    const again = parse(moved, store);
    expect(store.hits).toBeGreaterThan(0);
    expect(again).toStrictEqual(parse(moved));
    expect(again.messages.find((m) => m[0] === 'nesting-too-deep')![2]).toBe((first.messages.find((m) => m[0] === 'nesting-too-deep')![2] as number) + 2);
  });

  it('should keep no chunk of a source that is one chunk (its tree entry holds it whole)', () => {
    const store = new CountingStore(fresh());
    const small = '---\nappendix: ZZ\nversion: "1.0"\n---\n\n## 1 One\n\n1.1 A clause.\n';
    parse(small, store);
    expect(store.stored).toBe(0);
    expect(entries(store.dir)).toEqual([]);
  });

  it('should give the trees of a fresh parse for every file of the real corpus parsed chunk by chunk twice', () => {
    const store = new CountingStore(fresh());
    for (const path of realCorpusFiles().slice(0, 6)) {
      const bytes = readFileSync(path);
      const expected = parseSource(path, bytes, {});
      expect(parseSource(path, bytes, {}, store)).toStrictEqual(expected);
      // The second time every chunk comes from the store.
      expect(parseSource(path, bytes, {}, store)).toStrictEqual(expected);
    }
    expect(store.hits).toBeGreaterThan(0);
  });
});

describe('parsed chunks: damaged and foreign entries are never trusted', () => {
  const text = splitSource(tmadText).chunks[2]!.text;
  const other = splitSource(tmadText).chunks[3]!.text;

  function primed(): { store: DiskChunkStore; entry: string } {
    const store = new DiskChunkStore(fresh());
    store.set(text, parseChunk(text));
    const [entry] = entries(store.dir);
    expect(store.get(text)).toStrictEqual(parseChunk(text));
    return { store, entry: entry! };
  }

  const damage: Array<[string, (entry: Buffer) => Buffer]> = [
    ['truncated to half', (b) => b.subarray(0, b.length >> 1)],
    ['truncated by one byte', (b) => b.subarray(0, b.length - 1)],
    ['emptied', () => Buffer.alloc(0)],
    ['a byte flipped in the payload', (b) => flip(b, b.length - 50)],
    ['a byte flipped in the checksum', (b) => flip(b, 20)],
    ['a byte flipped in the format tag', (b) => flip(b, 3)],
  ];

  it.each(damage)('should ignore an entry %s', (_what, spoil) => {
    const { store, entry } = primed();
    writeFileSync(entry, spoil(readFileSync(entry)));
    expect(store.get(text)).toBeNull();
  });

  it("should ignore an intact entry of another chunk's text moved to this chunk's place", () => {
    const { store, entry } = primed();
    const foreign = new DiskChunkStore(fresh());
    foreign.set(other, parseChunk(other));
    writeFileSync(entry, readFileSync(entries(foreign.dir)[0]!));
    expect(store.get(text)).toBeNull();
  });

  it('should key a chunk on its text alone', () => {
    expect(chunkKey(text)).toBe(chunkKey(`${text}`));
    expect(chunkKey(text)).not.toBe(chunkKey(other));
    expect(chunkKey(text)).not.toBe(chunkKey(`${text} `));
  });

  it('should parse afresh, and give the same tree, when every chunk entry of a source is damaged', () => {
    const dir = fresh();
    const cache = new DiskTreeCache(join(dir, 'trees'), join(dir, 'chunks'));
    const bytes = Buffer.from(tmadText);
    const expected = parseSource(tmad, bytes, {});
    parseCached(tmad, bytes, {}, cache);
    for (const entry of entries(join(dir, 'chunks'))) writeFileSync(entry, flip(readFileSync(entry), 40));
    // An edit misses the tree entry; the chunks are all damaged, so all are parsed again.
    const edited = Buffer.from(tmadText.replace('kind: restriction', 'kind: restricton'));
    expect(parseCached(tmad, edited, {}, cache)).toStrictEqual(parseSource(tmad, edited, {}));
    expect(parseCached(tmad, bytes, {}, new DiskTreeCache(join(dir, 'trees-2'), join(dir, 'chunks')))).toStrictEqual(expected);
  });
});

describe('parsed chunks through the CLI: validate after an edit is a full run', () => {
  function editFile(path: string, from: string | RegExp, to: string): void {
    const before = readFileSync(path, 'utf8');
    const after = before.replace(from, to);
    if (after === before) throw new Error(`${path}: nothing to replace for ${from}`);
    writeFileSync(path, after);
  }

  it('should report a broken rule block at its new line after lines are added above it, as --no-cache does', async () => {
    const dir = copyDocuments();
    const env = { SECDOC_CACHE_DIR: fresh() };
    const path = join(dir, 'tmad', 'v20.0.md');
    // A block late in the file reports a problem; an edit far above it moves it down two lines.
    editFile(path, 'kind: permission', 'kind: permision');
    const before = await cli(['--documents', dir, 'validate'], { env });
    const place = (stderr: string) => /tmad\/v20\.0\.md:(\d+):\d+: error Unexpected kind `permision`/.exec(stderr)?.[1];
    expect(place(before.stderr)).toBeDefined();
    editFile(path, '## 1 Introduction\n', '## 1 Introduction\n\nAn added paragraph.\n');
    const incremental = await cli(['--documents', dir, 'validate', '--json'], { env });
    const full = await cli(['--documents', dir, '--no-cache', 'validate', '--json'], { env });
    expect(incremental).toEqual(full);
    const text = await cli(['--documents', dir, 'validate'], { env });
    expect(Number(place(text.stderr))).toBe(Number(place(before.stderr)) + 2);
  }, 240_000);

  it('should give the output of --no-cache after an edit when every chunk entry is damaged or foreign', async () => {
    const dir = copyDocuments();
    const cacheDir = fresh();
    const env = { SECDOC_CACHE_DIR: cacheDir };
    await cli(['--documents', dir, 'validate'], { env });
    const chunkEntries = entries(join(cacheDir, 'chunks'));
    expect(chunkEntries.length).toBeGreaterThan(5);
    // Half damaged, half replaced by an intact entry of another chunk.
    chunkEntries.forEach((entry, i) => writeFileSync(entry, i % 2 === 0 ? flip(readFileSync(entry), 60) : readFileSync(chunkEntries[(i + 1) % chunkEntries.length]!)));
    editFile(join(dir, 'tmad', 'v20.0.md'), /^(9\.5A [^\n]*?) the /m, '$1 the relevant ');
    const incremental = await cli(['--documents', dir, 'validate', '--json'], { env });
    expect(incremental).toEqual(await cli(['--documents', dir, '--no-cache', 'validate', '--json'], { env }));
  }, 240_000);
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
