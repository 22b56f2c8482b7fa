import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskTreeCache, parseSource } from '../../src/corpus/cache.js';
// The workers run the compiled parser (`npm test` compiles lib/ first), so this is lib's module.
import { parseSources, parseThreads } from '../../lib/corpus/parallel.js';
// lib's, as parseSources is: the digests it took are in lib's digest module.
import { digestOf } from '../../lib/model/digest.js';
import { walkClauses } from '../../src/model/text.js';
import type { ClauseDocument } from '../../src/model/types.js';
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
    const parallel = parseSources(sources, {}, null, { threads: 2, minBytes: 0 });
    expect(parallel).toHaveLength(serial.length);
    parallel.forEach((result, i) => expect(result, sources[i]!.path).toStrictEqual(serial[i]));
  }, 240_000);

  it('should store what the workers parse in the cache, and read it back equal', () => {
    const cache = new DiskTreeCache(mkdtempSync(join(tmpdir(), 'secdoc-parallel-cache-')));
    parseSources(german, {}, cache, { threads: 2, minBytes: 0 });
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
    const again = parseSources(german, {}, counting, { threads: 2, minBytes: 0 });
    expect(hits).toBe(german.length);
    again.forEach((result, i) => expect(result, german[i]!.path).toStrictEqual(german[i]!.serial));
  }, 240_000);

  it('should digest in the workers when asked, each digest taken for the copy of its tree in this thread', () => {
    const digests = (doc: ClauseDocument) => [...walkClauses(doc.clauses)].map((c) => digestOf(doc).clauses.get(c));
    const parallel = parseSources(german, {}, null, { threads: 2, minBytes: 0, digests: true });
    let taken = 0;
    parallel.forEach((result, i) => {
      const { digest, ...tree } = result;
      expect(digest?.clauseCount, german[i]!.path).toBe(digestOf(german[i]!.serial.doc!).clauseCount);
      expect(tree, german[i]!.path).toStrictEqual(german[i]!.serial);
      // Equal to a fresh digesting of the serial parse ...
      expect(digests(result.doc!), german[i]!.path).toStrictEqual(digests(structuredClone(german[i]!.serial.doc!)));
      // ... and, for a document a worker parsed, taken from its packed digest (the words are views of it), not made again.
      const worded = [...digestOf(result.doc!).clauses.values()].find((d) => d.words.length > 0)!;
      if (worded.words.buffer === digest!.words.buffer) taken++;
    });
    expect(taken).toBeGreaterThan(0);
  }, 240_000);

  it('should report a file that is not Markdown text as a serial parse does', () => {
    const broken = [...german, { path: '/nowhere/binary.md', bytes: new Uint8Array([0, 1, 2, 0]) }];
    const parallel = parseSources(broken, {}, null, { threads: 2, minBytes: 0 });
    expect(parallel.at(-1)).toStrictEqual(parseSource('/nowhere/binary.md', new Uint8Array([0, 1, 2, 0]), {}));
    expect(parallel.at(-1)!.doc).toBeNull();
  }, 240_000);
});
