/**
 * The record of facts derived from each source's text (src/corpus/derived.ts): a version's
 * expiry is read from it, so the intervals of every version are known without reading the
 * trees of unchanged ones; a fact is never taken for a source whose bytes changed, and a damaged
 * or foreign record is ignored whole.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckRecord } from '../../src/check/record.js';
import type { ParsedSource, TreeCache } from '../../src/corpus/cache.js';
import { derivedKey, DiskDerivedRecord, type DerivedStore } from '../../src/corpus/derived.js';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { rulesFiles } from '../../src/render/json/rules.js';
import { corpusRules } from '../../src/rules/compile.js';
import { versionIntervals } from '../../src/time/index.js';

const version = (appendix: string, number: string, direction: string, body = '1.1 The DCC shall act.') =>
  `---\nappendix: ${appendix}\nshort_name: ${appendix}AD\ntitle: ${appendix} document\nversion: "${number}"\ndesignated_by: ${direction}\n---\n\n## 1 Intro\n\n${body}\n`;

const direction = (id: string, made: string, effective: string, designates: string[]) =>
  `---\nkind: direction\nid: ${id}\ntitle: ${id}\nmade: ${made}\neffective: ${effective}\ndesignates:\n${designates.map((d) => `  - ${d}\n`).join('')}---\n\n## 1 Direction\n\n1.1 Directed.\n`;

const FILES: Record<string, string> = {
  'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: BB, version: "1.0" }']),
  'directions/second.md': direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }', '{ document: BB, version: "2.0" }']),
  'aa/v1.0.md': version('AA', '1.0', 'first', '1.1 This Document shall cease to have effect on 1 March 2022.'),
  'aa/v2.0.md': version('AA', '2.0', 'second'),
  'bb/v1.0.md': version('BB', '1.0', 'first'),
  'bb/v2.0.md': version('BB', '2.0', 'second', '1.1 The DCC shall act.\n\n1.2 This Document shall cease to have effect on 1 March 2023.\n\n1.3 This Clause shall cease to have effect on 1 February 2023.'),
};

/** A tree cache in memory that counts the trees read from it. */
class CountingCache implements TreeCache {
  private entries = new Map<string, ParsedSource>();
  reads = 0;
  get(key: string): ParsedSource | null {
    const hit = this.entries.get(key) ?? null;
    if (hit) this.reads++;
    return hit;
  }
  set(key: string, value: ParsedSource): void {
    this.entries.set(key, value);
  }
}

class MemoryStore implements DerivedStore {
  facts = new Map<string, unknown>();
  get(key: string): unknown {
    return this.facts.get(key);
  }
  set(key: string, value: unknown): void {
    this.facts.set(key, value);
  }
}

function load(files: Record<string, string>, options: Parameters<typeof loadCorpus>[2] = {}) {
  const host: Host = {
    listFiles: () => Object.keys(files).map((name) => `/docs/${name}`),
    readFile: (path) => new TextEncoder().encode(files[path.slice('/docs/'.length)]!),
    exists: (path) => path.slice('/docs/'.length) in files,
  };
  return loadCorpus('/docs', host, options);
}

const plain = (corpus: ReturnType<typeof load>) =>
  versionIntervals(corpus).map((v) => ({ ...v, document: v.document.path, direction: v.direction?.path ?? null, expiry: v.expiry ? { date: v.expiry.date, line: v.expiry.line, sentence: v.expiry.sentence, source: v.expiry.source.id } : null }));

describe('derived facts: a version expiry without its tree', () => {
  it('should give the intervals of a full reading, reading no tree until an expiry statement itself is asked for', () => {
    const expected = plain(load(FILES));
    const cache = new CountingCache();
    const summaries = new CheckRecord();
    const store = new MemoryStore();
    // The first run parses every source and derives every expiry.
    expect(plain(load(FILES, { cache, summaries, derived: store }))).toEqual(expected);
    expect(store.facts.size).toBe(4);
    const next = load(FILES, { cache, summaries, derived: store });
    cache.reads = 0;
    const intervals = versionIntervals(next);
    expect(intervals.map((v) => v.until)).toEqual(expected.map((v) => v.until));
    expect(cache.reads).toBe(0);
    // The statement itself comes from the tree, read then.
    expect(plain(next)).toEqual(expected);
    expect(cache.reads).toBe(2);
  });

  it('should derive the fact again for a source whose bytes changed', () => {
    const store = new MemoryStore();
    const summaries = new CheckRecord();
    versionIntervals(load(FILES, { summaries, derived: store }));
    const edited = { ...FILES, 'bb/v2.0.md': FILES['bb/v2.0.md']!.replace('1 March 2023', '1 April 2023') };
    const corpus = load(edited, { summaries, derived: store });
    expect(versionIntervals(corpus).find((v) => v.appendix === 'BB' && v.version === '2.0')!.until).toBe('2023-04-01');
    expect(plain(corpus)).toEqual(plain(load(edited)));
  });
});

describe('derived facts: rule blocks without their YAML', () => {
  it('should give the rules and problems of a full reading, reading no rule block of an unchanged version again', () => {
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'rules', 'corpus');
    const expected = load2();
    function load2(derived?: DerivedStore) {
      const corpus = loadCorpus(fixture, nodeHost, derived ? { derived } : {});
      return { rules: JSON.stringify(rulesFiles(corpus)), problems: JSON.stringify(corpusRules(corpus).problems) };
    }
    const store = new MemoryStore();
    expect(load2(store)).toEqual(expected);
    const blocks = [...store.facts.keys()].filter((k) => k.startsWith('rule-blocks\0'));
    expect(blocks.length).toBeGreaterThan(1);
    const written: string[] = [];
    const watched: DerivedStore = { get: (key) => store.get(key), set: (key, value) => (written.push(key), store.set(key, value)) };
    expect(load2(watched)).toEqual(expected);
    expect(written.filter((k) => k.startsWith('rule-blocks\0'))).toEqual([]);
  });
});

describe('derived facts on disk: never trusted when damaged or foreign', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'secdoc-derived-test-'));

  /** A record saved from a run over FILES, then reopened after `damage` of its bytes. */
  function reopened(damage: (bytes: Buffer) => Buffer, { fingerprint = 'code-1', documents = '/docs' } = {}) {
    const cacheDir = folder();
    const record = new DiskDerivedRecord(cacheDir, '/docs', 'code-1');
    versionIntervals(load(FILES, { derived: record }));
    record.save(load(FILES));
    const files = factFiles(record);
    expect(files).toHaveLength(4);
    for (const file of files) writeFileSync(file, damage(readFileSync(file)));
    return new DiskDerivedRecord(cacheDir, documents, fingerprint);
  }
  /** The files a record keeps its facts in. */
  const factFiles = (record: DiskDerivedRecord) =>
    readdirSync(record.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  /** What a record knows of each version's expiry. */
  const factsOf = (record: DiskDerivedRecord) => {
    const corpus = load(FILES);
    return corpus.versions.map((v) => record.get(derivedKey('expiry', v.path, corpus.sourceHashes!.get(v.path)!)));
  };

  it('should read back what it saved', () => {
    expect(factsOf(reopened((b) => b))).toEqual(['2022-03-01', null, null, '2023-03-01']);
  });

  it('should ignore a fact with a flipped byte, a truncated one, an empty one and one of another format', () => {
    const none = [undefined, undefined, undefined, undefined];
    expect(factsOf(reopened((b) => Buffer.from(b.map((x, i) => (i === b.length - 3 ? x ^ 1 : x)))))).toEqual(none);
    expect(factsOf(reopened((b) => b.subarray(0, b.length >> 1)))).toEqual(none);
    expect(factsOf(reopened(() => Buffer.alloc(0)))).toEqual(none);
    expect(factsOf(reopened((b) => Buffer.concat([Buffer.from('SECDOC-DERIVED-0\n'), b.subarray(17)])))).toEqual(none);
  });

  it('should ignore a fact derived by other code or for another folder', () => {
    const none = [undefined, undefined, undefined, undefined];
    expect(factsOf(reopened((b) => b, { fingerprint: 'code-2' }))).toEqual(none);
    const cacheDir = folder();
    const record = new DiskDerivedRecord(cacheDir, '/docs', 'code-1');
    versionIntervals(load(FILES, { derived: record }));
    record.save(load(FILES));
    // Another folder's facts live in another folder, and name their folder inside.
    const other = new DiskDerivedRecord(cacheDir, '/elsewhere', 'code-1');
    for (const file of factFiles(record)) {
      const moved = join(other.dir, relative(record.dir, file));
      mkdirSync(dirname(moved), { recursive: true });
      writeFileSync(moved, readFileSync(file));
    }
    expect(factsOf(new DiskDerivedRecord(cacheDir, '/elsewhere', 'code-1'))).toEqual(none);
  });

  it('should keep no fact of bytes the corpus no longer holds', () => {
    const cacheDir = folder();
    const record = new DiskDerivedRecord(cacheDir, '/docs', 'code-1');
    versionIntervals(load(FILES, { derived: record }));
    const edited = { ...FILES, 'aa/v1.0.md': FILES['aa/v1.0.md']!.replace('1 March 2022', '2 March 2022') };
    record.save(load(edited));
    const corpus = load(FILES);
    const aa1 = corpus.versions[0]!;
    const reread = new DiskDerivedRecord(cacheDir, '/docs', 'code-1');
    expect(reread.get(derivedKey('expiry', aa1.path, corpus.sourceHashes!.get(aa1.path)!))).toBeUndefined();
    expect(factsOf(reread).slice(1)).toEqual([null, null, '2023-03-01']);
  });
});
