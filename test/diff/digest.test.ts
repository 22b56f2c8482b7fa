/**
 * Clause fingerprints: a document digest's hash of a clause's own content (`model/digest.ts`),
 * which the redline trusts to settle an untouched clause. The law: two clauses have the same fingerprint exactly when
 * `sameOwnContent` holds (heading, blocks and formatting; positions and sub-clauses aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { ownContentFingerprint, sameOwnContent } from '../../src/model/equal.js';
import { adoptDigest, digestOf, packDigest, type ClauseDigest, type PackedDigest } from '../../src/model/digest.js';
import { walkClauses } from '../../src/model/text.js';
import type { Clause, ClauseDocument } from '../../src/model/types.js';
import { documentsDir, realCorpusFiles } from '../helpers.js';

// The whole-corpus tests below parse every real document: on a loaded 2-core machine, over a minute.
const parse = (text: string, path = 'doc.md') => parseDocument(text, new VFile({ path }));

/** Every clause of a source file with its digest. */
function* digested(path: string): Generator<[Clause, ClauseDigest]> {
  const doc = parse(readFileSync(path, 'utf8'), path);
  const digest = digestOf(doc);
  for (const c of walkClauses(doc.clauses)) yield [c, digest.clauses.get(c)!];
}

/** The real corpus, and the SEC documents (which have author keys). */
function sources(): string[] {
  const sec = readdirSync(documentsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return [...realCorpusFiles(), ...sec.map((f) => join(documentsDir, f))];
}

/** The own content as `sameOwnContent` sees it, positions dropped: a reference key. */
function contentKey(c: Clause): string {
  return JSON.stringify({ heading: c.heading, content: c.content, tail: c.tail }, (key, value) => (key === 'position' ? undefined : value));
}

describe('document digests: clause fingerprints and counts', () => {
  it('should be computed once per document, and not stored on its clauses', () => {
    const doc = parse('## 1 Scope\n\n1.1 Text of the clause.\n');
    expect(digestOf(doc)).toBe(digestOf(doc));
    expect(digestOf(doc).clauseCount).toBe(2);
    expect(Object.keys(doc.clauses[0]!).sort()).toEqual(['annotations', 'children', 'content', 'depth', 'heading', 'id', 'key', 'number', 'position', 'style', 'tail', 'type']);
  });

  it('should be the same for the same own content and differ otherwise, over every clause of the real corpus and documents/', () => {
    const byKey = new Map<string, number>();
    const byFingerprint = new Map<number, string>();
    let clauses = 0;
    for (const path of sources()) {
      for (const [c, { fingerprint }] of digested(path)) {
        clauses++;
        const key = contentKey(c);
        expect(Number.isSafeInteger(fingerprint)).toBe(true);
        // Same content, same fingerprint ...
        if (byKey.has(key)) expect(fingerprint).toBe(byKey.get(key));
        else byKey.set(key, fingerprint);
        // ... and one fingerprint, one content.
        if (byFingerprint.has(fingerprint)) expect(byFingerprint.get(fingerprint)).toBe(key);
        else byFingerprint.set(fingerprint, key);
      }
    }
    // Versions of the same documents: many clauses recur unchanged, so both directions are tested.
    expect(clauses).toBeGreaterThan(5000);
    expect(byKey.size).toBeLessThan(0.7 * clauses);
  }, 180_000);

  it('should give the same subtree fingerprint exactly to clauses the same all the way down, and count their clauses, keys and tables', () => {
    const byKey = new Map<string, number>();
    const byFingerprint = new Map<number, string>();
    const subtreeKey = (c: Clause): string => JSON.stringify([contentKey(c), c.number, c.key, c.children.map(subtreeKey)]);
    let clauses = 0;
    let keyed = 0;
    let tabled = 0;
    for (const path of sources()) {
      for (const [c, d] of digested(path)) {
        clauses++;
        expect(d.size).toBe([...walkClauses([c])].length);
        expect(d.keyed).toBe([...walkClauses([c])].filter((k) => k.key !== null).length);
        expect(d.tables).toBe([...walkClauses([c])].reduce((n, k) => n + [...k.content, ...k.tail].filter((b) => b.type === 'table').length, 0));
        if (d.tables > 0) tabled++;
        if (c.key !== null) keyed++;
        const key = subtreeKey(c);
        if (byKey.has(key)) expect(d.treeFingerprint).toBe(byKey.get(key));
        else byKey.set(key, d.treeFingerprint);
        if (byFingerprint.has(d.treeFingerprint)) expect(byFingerprint.get(d.treeFingerprint)).toBe(key);
        else byFingerprint.set(d.treeFingerprint, key);
      }
    }
    // Unchanged parts recur from version to version, so both directions are tested.
    expect(byKey.size).toBeLessThan(0.8 * clauses);
    expect(keyed).toBeGreaterThan(10);
    expect(tabled).toBeGreaterThan(10);
  }, 180_000);

  it('should agree with sameOwnContent on generated clauses that differ by a word, formatting or structure', () => {
    // A small alphabet, so two generated clauses are often the same and often differ by one mark.
    const inline = fc.constantFrom('a', 'b', 'a b', '*a*', '**a**', '`a`', '~~a~~', '[a](x)', '[a](y)', 'Clause 3.2', 'a  \nb');
    const body = fc.record({
      heading: fc.constantFrom('', '### 1 Scope\n\n', '### 1 Scope.\n\n', '### 1 Aim\n\n'),
      text: fc.array(inline, { minLength: 1, maxLength: 3 }),
      after: fc.constantFrom('', '\n\n- a\n- b', '\n\n1. a\n2. b', '\n\n> a', '\n\n| K | V |\n|---|---|\n| a | b |', '\n\n| K | V |\n|:--|---|\n| a | b |', '\n\n```\na\n```'),
    });
    const clauseOf = (b: { heading: string; text: string[]; after: string }): Clause => {
      const doc = parse(b.heading ? `${b.heading}${b.text.join(' ')}${b.after}\n` : `1.1 ${b.text.join(' ')}${b.after}\n`);
      const first = [...walkClauses(doc.clauses)].at(-1);
      if (!first) throw new Error('no clause parsed');
      return first;
    };
    // The second clause: the first again, the first with its last piece of text replaced (often
    // a change of formatting only), or another clause altogether.
    const pair = body.chain((x) =>
      fc.tuple(
        fc.constant(x),
        fc.oneof(
          fc.constant(x),
          inline.map((t) => ({ ...x, text: [...x.text.slice(0, -1), t] })),
          body,
        ),
      ),
    );
    let same = 0;
    let different = 0;
    fc.assert(
      fc.property(pair, ([x, y]) => {
        const a = clauseOf(x);
        const b = clauseOf(y);
        if (sameOwnContent(a, b)) same++;
        else different++;
        expect(ownContentFingerprint(a) === ownContentFingerprint(b)).toBe(sameOwnContent(a, b));
      }),
      { numRuns: 400, seed: 20261129 },
    );
    expect(same).toBeGreaterThan(100);
    expect(different).toBeGreaterThan(100);
  });
});

describe('document digests packed for the tree cache', () => {
  // A German statute, an English agreement and a SEC document (author keys).
  const paths = [
    realCorpusFiles().find((f) => f.endsWith('stgbeg__stand-2012-12-20.md'))!,
    realCorpusFiles().find((f) => f.includes('en-github-site-policy'))!,
    ...readdirSync(documentsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).slice(0, 1).map((f) => join(documentsDir, f)),
  ];

  /** Every clause's digest in document order, and the totals: what a redline reads. */
  const readable = (doc: ClauseDocument) => {
    const d = digestOf(doc);
    return { clauses: [...walkClauses(doc.clauses)].map((c) => d.clauses.get(c)), clauseCount: d.clauseCount, textLength: d.textLength };
  };

  it.each(paths.map((p) => [p.split('/').pop()!, p]))('should give %s the digest a fresh digesting gives, once unpacked onto a copy of the tree', (_name, path) => {
    const doc = parse(readFileSync(path, 'utf8'), path);
    const packed = packDigest(doc);
    // As the cache gives it back: the tree and the packed digest, both through V8's serialisation.
    const cached = structuredClone({ doc, packed });
    expect(adoptDigest(cached.doc, cached.packed)).toBe(true);
    const adopted = readable(cached.doc);
    expect(adopted.clauses.every(Boolean)).toBe(true);
    expect(adopted).toStrictEqual(readable(structuredClone(doc)));
  });

  it('should refuse a digest that does not fit the tree, and digest that tree afresh', () => {
    const one = parse('## 1 Scope\n\n1.1 Text of the clause.\n\n1.2 Another clause.\n');
    const other = parse('## 1 Scope\n\n1.1 Text of the clause.\n');
    // The same shape, another text: another version of the document.
    const sameShape = parse('## 1 Scope\n\n1.1 Text of the clause,\nnow over two lines.\n\n1.2 Another clause.\n');
    const packed = packDigest(one);
    const spoiled: Array<[string, PackedDigest]> = [
      ['another document', packDigest(other)],
      ['another version of the same shape', packDigest(sameShape)],
      ['a clause missing', { ...packed, wordEnds: packed.wordEnds.subarray(1), clauseCount: packed.clauseCount - 1 }],
      ['numbers cut short', { ...packed, numbers: packed.numbers.subarray(1) }],
      ['words cut short', { ...packed, words: packed.words.subarray(1) }],
      ['word ends out of order', { ...packed, wordEnds: Int32Array.from(packed.wordEnds).reverse() }],
      ['numbers of another type', { ...packed, numbers: Array.from(packed.numbers) as unknown as Float64Array }],
    ];
    for (const [what, digest] of spoiled) {
      const copy = structuredClone(one);
      expect(adoptDigest(copy, digest), what).toBe(false);
      expect(readable(copy), what).toStrictEqual(readable(structuredClone(one)));
    }
  });
});
