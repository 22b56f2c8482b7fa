/**
 * The measures the alignment reads without building texts: text lengths and word counts from the
 * clause tree, and word ids from hashes taken while a text is read. Each must agree exactly with
 * the texts it stands for.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { clauseText, clauseTextLength, walkClauses } from '../../src/model/text.js';
import { WordIds } from '../../src/diff/similarity.js';
import { wordHashes } from '../../src/model/words.js';
import { digestOf } from '../../src/model/digest.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import type { Clause, ClauseDocument } from '../../src/model/types.js';
import { documentsDir, realCorpusFiles } from '../helpers.js';

const WORDS = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => text.toLowerCase().match(WORDS) ?? [];

/**
 * The two hashes of each word by their definition, not by the folding tables `wordHashes` reads:
 * the words the WORDS pattern finds in the lower-cased text, each hashed by 32-bit FNV-1a over its
 * UTF-16 units (offset 0x811c9dc5, prime 16777619) and by h = (h + unit) * 0x9e3779b1 from 0.
 */
function referenceWordHashes(text: string): number[] {
  return wordsOf(text).flatMap((word) => {
    let fnv = 0x811c9dc5 | 0;
    let poly = 0;
    for (let i = 0; i < word.length; i++) {
      fnv = Math.imul(fnv ^ word.charCodeAt(i), 16777619);
      poly = Math.imul(poly + word.charCodeAt(i), 0x9e3779b1 | 0);
    }
    return [fnv, poly];
  });
}

/** Every clause tree of the real corpus and of documents/ (versions and directions). */
function documents(): ClauseDocument[] {
  const corpus = realCorpusFiles().map((path) => parseDocument(readFileSync(path, 'utf8'), new VFile({ path })));
  const sec = loadCorpus(documentsDir, nodeHost);
  return [...corpus, ...sec.versions, ...sec.directions];
}

/** Text with letters of several scripts, marks, digits, punctuation, spaces and astral letters. */
const text = fc
  .array(fc.constantFrom('a', 'Z', 'ß', 'İ', 'é', 'Ω', 'Σ', 'Ж', '٣', '中', '𝐀', '😀', '\u0301', '-', ' ', '\n', '„', '“', '1', '§'), { maxLength: 40 })
  .map((cs) => cs.join(''));

/** The length of the heading and text of every clause below `c`, each pair joined by one
 * character, counted once per clause (a deep code's root has megabytes below it). */
const belowLengths = new Map<Clause, number>();
function belowLength(c: Clause): number {
  let n = belowLengths.get(c);
  if (n === undefined) {
    n = 0;
    for (const k of c.children) n += (k.heading || clauseText(k) ? (k.heading ?? '').length + 1 + clauseText(k).length : 0) + belowLength(k);
    belowLengths.set(c, n);
  }
  return n;
}

describe('similarity measures', () => {
  it("should give the length of every clause text, and of all the text below it, of every corpus and SEC document without building them, as the digest of each document holds them", () => {
    let clauses = 0;
    for (const doc of documents()) {
      const digest = digestOf(doc);
      for (const c of walkClauses(doc.clauses)) {
        const d = digest.clauses.get(c)!;
        expect(clauseTextLength(c), `${doc.path} ${c.id}`).toBe(clauseText(c).length);
        expect(d.textLength, `${doc.path} ${c.id}`).toBe(clauseText(c).length);
        // The heading and text of every clause below, each pair joined by one character.
        expect(d.textBelow, `${doc.path} ${c.id}`).toBe(belowLength(c));
        // The words hashed are those of the heading and text, one hash pair each.
        const sig = c.heading || clauseText(c) ? `${c.heading ?? ''}\u0001${clauseText(c)}` : '';
        expect([...d.words], `${doc.path} ${c.id}`).toEqual(referenceWordHashes(sig));
        expect(d.words.length / 2, `${doc.path} ${c.id}`).toBe(wordsOf(sig).length);
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(5000);
  }, 180_000);

  it('should hash words as FNV-1a does (published values) and as their definition says, on generated text', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c and of "foobar" 0xbf9cf968 (the FNV reference test vectors).
    expect([...wordHashes('A, FooBar!')]).toEqual([0xe40c292c | 0, -217768943, 0xbf9cf968 | 0, -1976305175]);
    fc.assert(
      fc.property(text, (t) => {
        expect([...wordHashes(t)]).toEqual(referenceWordHashes(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('should count and bag exactly the words the WORDS pattern finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        const bags = new WordIds().bag(t);
        expect(wordHashes(t).length / 2).toBe(wordsOf(t).length);
        expect(bags.words).toBe(wordsOf(t).length);
        expect(bags.ids.length - bags.words).toBe(Math.max(wordsOf(t).length - 1, 0));
      }),
      { numRuns: 2000 },
    );
  });

  it('should lower-case a word as toLowerCase does, final sigma and dotted capital I included', () => {
    const ids = new WordIds();
    const id = (t: string) => { const b = ids.bag(t); return [...b.ids.subarray(0, b.words)]; };
    expect(id('ΟΔΟΣ ΟΔΟΣ')).toEqual(id('οδος οδος'));
    expect(id('ΟΔΟΣ')).not.toEqual(id('οδοσ'));
    expect(id('İstanbul')).toEqual(id('i̇stanbul'));
    expect(id('Straße STRASSE')).toEqual(id('straße strasse'));
    expect(wordHashes('ΟΔΟΣ İstanbul').length / 2).toBe(wordsOf('ΟΔΟΣ İstanbul').length);
  });

  it('should give two words one id exactly when they are the same lower-cased, on the fast and the code-point path alike', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ids = new WordIds();
        // An astral letter sends a text to the path that reads code points.
        const slow = ids.bag(`${a} 𝐀`);
        const fast = ids.bag(b);
        const words = [...wordsOf(`${a} 𝐀`), ...wordsOf(b)];
        const got = [...slow.ids.subarray(0, slow.words), ...fast.ids.subarray(0, fast.words)];
        for (let i = 0; i < words.length; i++) {
          for (let j = 0; j < words.length; j++) expect(got[i] === got[j], `${words[i]} ${words[j]}`).toBe(words[i] === words[j]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
