import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskTreeCache, parseSource } from '../../src/corpus/cache.js';
// The workers run the compiled parser (`npm test` compiles lib/ first), so this is lib's module.
import { parseSources, parseThreads } from '../../lib/corpus/parallel.js';
import { realCorpusFiles } from '../helpers.js';

describe('parsing in worker threads', () => {
  // The German statutes and the English agreements: 1.5 MB in 13 files. (Workers start at 4 MB
  // on their own; the tests make them start at any size.)
  const sources = realCorpusFiles()
    .filter((path) => !path.includes('fr-etalab'))
    .map((path) => ({ path, bytes: readFileSync(path) }));
  const serial = sources.map(({ path, bytes }) => parseSource(path, bytes, {}));
  const german = sources.flatMap((s, i) => (s.path.includes('de-bundestag') ? [{ ...s, serial: serial[i]! }] : []));

  it('should find the compiled worker, so the parallel path is the one tested', () => {
    expect(parseThreads({ SECDOC_PARSE_THREADS: '2' })).toBe(2);
  });

  it('should give every document exactly as a serial parse does, in input order', () => {
    const parallel = parseSources(sources, {}, null, 2, 0);
    expect(parallel).toHaveLength(serial.length);
    parallel.forEach((result, i) => expect(result, sources[i]!.path).toStrictEqual(serial[i]));
  }, 240_000);

  it('should store what the workers parse in the cache, and read it back equal', () => {
    const cache = new DiskTreeCache(mkdtempSync(join(tmpdir(), 'secdoc-parallel-cache-')));
    parseSources(german, {}, cache, 2, 0);
    let hits = 0;
    const counting = {
      get: (key: string) => {
        const found = cache.get(key);
        if (found) hits++;
        return found;
      },
      set: () => {
        throw new Error('every tree should have been cached');
      },
    };
    const again = parseSources(german, {}, counting, 2, 0);
    expect(hits).toBe(german.length);
    again.forEach((result, i) => expect(result, german[i]!.path).toStrictEqual(german[i]!.serial));
  }, 240_000);

  it('should report a file that is not Markdown text as a serial parse does', () => {
    const broken = [...german, { path: '/nowhere/binary.md', bytes: new Uint8Array([0, 1, 2, 0]) }];
    const parallel = parseSources(broken, {}, null, 2, 0);
    expect(parallel.at(-1)).toStrictEqual(parseSource('/nowhere/binary.md', new Uint8Array([0, 1, 2, 0]), {}));
    expect(parallel.at(-1)!.doc).toBeNull();
  }, 240_000);
});
