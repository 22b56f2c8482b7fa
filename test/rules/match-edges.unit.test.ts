/**
 * Clause matching at its edges: a sub-paragraph follows only a twin of its own label style, so
 * a lettered `(i)` is not taken for a numeral `(i)`. Every expected pairing written by hand.
 */
import { describe, expect, it } from 'vitest';
import { matchClauses } from '../../src/rules/index.js';
import type { Clause } from '../../src/model/types.js';
import { direction, memoryCorpus, version } from '../memory-corpus.js';

const D = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: AA, version: "2.0" }']);

describe('rules/match: sub-paragraphs by label and style', () => {
  it('should not pair a lettered (i) with a numeral (i)', () => {
    const v1 = '## 1 Intro\n\n1.1 The DCC shall:\n\n(h) keep records; and\n\n(i) report each failure.\n';
    const v2 = '## 1 Intro\n\n1.1 The DCC shall:\n\n(i) report each failure; and\n\n(ii) keep records.\n';
    const { corpus } = memoryCorpus({ 'd/first.md': D, 'aa/v1.md': version('AA', '1.0', 'first', v1), 'aa/v2.md': version('AA', '2.0', 'first', v2, '1.0') });
    const [before, after] = ['1.0', '2.0'].map((v) => corpus.versions.find((d) => d.meta.version === v)!);
    const label = (c: Clause) => `${c.number}:${c.style}`;
    const subParagraphs = (doc: typeof before) => doc!.clauses[0]!.children[0]!.children.map(label);
    expect([subParagraphs(before), subParagraphs(after)]).toEqual([
      ['(h):paren-alpha', '(i):paren-alpha'],
      ['(i):paren-roman', '(ii):paren-roman'],
    ]);
    expect([...matchClauses(before!, after!)].map(([a, b]) => `${label(a)}>${label(b)}`).sort()).toEqual(['1.1:decimal>1.1:decimal', '1:decimal>1:decimal']);
  });
});
