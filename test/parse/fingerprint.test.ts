/**
 * Clause fingerprints: the parser's hash of a clause's own content, which the redline trusts to
 * settle an untouched clause. The law: two clauses have the same fingerprint exactly when
 * `sameOwnContent` holds (heading, blocks and formatting; positions and sub-clauses aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { sameOwnContent } from '../../src/model/equal.js';
import { walkClauses } from '../../src/model/text.js';
import type { Clause } from '../../src/model/types.js';
import { documentsDir, realCorpusFiles } from '../helpers.js';

const parse = (text: string, path = 'doc.md') => parseDocument(text, new VFile({ path }));

/** The real corpus, and the SEC documents (which have author keys). */
function sources(): string[] {
  const sec = readdirSync(documentsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return [...realCorpusFiles(), ...sec.map((f) => join(documentsDir, f))];
}

/** The own content as `sameOwnContent` sees it, positions dropped: a reference key. */
function contentKey(c: Clause): string {
  return JSON.stringify({ heading: c.heading, content: c.content, tail: c.tail }, (key, value) => (key === 'position' ? undefined : value));
}

describe('clause fingerprints', () => {
  it('should be the same for the same own content and differ otherwise, over every clause of the real corpus and documents/', () => {
    const byKey = new Map<string, number>();
    const byFingerprint = new Map<number, string>();
    let clauses = 0;
    for (const path of sources()) {
      for (const c of walkClauses(parse(readFileSync(path, 'utf8'), path).clauses)) {
        clauses++;
        const key = contentKey(c);
        expect(Number.isSafeInteger(c.fingerprint)).toBe(true);
        // Same content, same fingerprint ...
        if (byKey.has(key)) expect(c.fingerprint).toBe(byKey.get(key));
        else byKey.set(key, c.fingerprint);
        // ... and one fingerprint, one content.
        if (byFingerprint.has(c.fingerprint)) expect(byFingerprint.get(c.fingerprint)).toBe(key);
        else byFingerprint.set(c.fingerprint, key);
      }
    }
    // Versions of the same documents: many clauses recur unchanged, so both directions are tested.
    expect(clauses).toBeGreaterThan(5000);
    expect(byKey.size).toBeLessThan(0.7 * clauses);
  });

  it('should give the same subtree fingerprint exactly to clauses the same all the way down, and count their clauses and keys', () => {
    const byKey = new Map<string, number>();
    const byFingerprint = new Map<number, string>();
    const subtreeKey = (c: Clause): string => JSON.stringify([contentKey(c), c.number, c.key, c.children.map(subtreeKey)]);
    let clauses = 0;
    let keyed = 0;
    for (const path of sources()) {
      for (const c of walkClauses(parse(readFileSync(path, 'utf8'), path).clauses)) {
        clauses++;
        expect(c.size).toBe([...walkClauses([c])].length);
        expect(c.keyed).toBe([...walkClauses([c])].filter((k) => k.key !== null).length);
        if (c.key !== null) keyed++;
        const key = subtreeKey(c);
        if (byKey.has(key)) expect(c.treeFingerprint).toBe(byKey.get(key));
        else byKey.set(key, c.treeFingerprint);
        if (byFingerprint.has(c.treeFingerprint)) expect(byFingerprint.get(c.treeFingerprint)).toBe(key);
        else byFingerprint.set(c.treeFingerprint, key);
      }
    }
    // Unchanged parts recur from version to version, so both directions are tested.
    expect(byKey.size).toBeLessThan(0.8 * clauses);
    expect(keyed).toBeGreaterThan(10);
  });

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
        expect(a.fingerprint === b.fingerprint).toBe(sameOwnContent(a, b));
      }),
      { numRuns: 400, seed: 20261129 },
    );
    expect(same).toBeGreaterThan(100);
    expect(different).toBeGreaterThan(100);
  });
});
