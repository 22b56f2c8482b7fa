/**
 * Issue 22, class 5: paragraphs split, merged or reordered inside a clause. Unchanged text is
 * not struck and re-inserted: a split or merge marks only the words that changed and the
 * paragraph break, a paragraph that changed place is marked moved. Real pairs of the corpus
 * first, then a property over a real clause's paragraphs split, merged and reordered.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { blockText, walkClauses } from '../../src/model/text.js';
import type { ClauseChange, ContentChange, DocumentDiff, Segment, TextBlockChange } from '../../src/model/change.js';
import { walkChanges } from '../../src/model/change.js';
import { diffToJson } from '../../src/render/json/diff.js';
import { diffToText } from '../../src/render/text/diff.js';
import { realCorpusDir } from '../helpers.js';
import { expectExact, findChange, invariantProblems, parse, parseFile } from './helpers.js';

const marked = (segs: readonly Segment[], op: 'insert' | 'delete') => segs.filter((s) => s.op === op).map((s) => s.text.trim()).filter(Boolean);
const texts = (c: ClauseChange) => [...c.content, ...c.tail].filter((b): b is TextBlockChange => b.kind === 'text');

function realPair(folder: string, before: string, after: string) {
  const a = parseFile(join(realCorpusDir, folder, before));
  const b = parseFile(join(realCorpusDir, folder, after));
  return { a, b, diff: diffDocuments(a, b) };
}
const byCitation = (d: DocumentDiff, citation: string) => findChange(d, (c) => (c.new ?? c.old)!.citation === citation)!;

describe('split, merged and reordered paragraphs on the real corpus', () => {
  it('should mark only the changed words of a paragraph split in two (Marketplace agreement 2021-08-24 -> 2024-05-17, clause 5.1(iii))', () => {
    const { a, b, diff } = realPair('en-github-site-policy', 'github-marketplace-developer-agreement__2021-08-24.md', 'github-marketplace-developer-agreement__2024-05-17.md');
    expectExact(diff, a, b);
    const c = byCitation(diff, '5.1(iii)');
    expect(c.status).toBe('amended');
    const [first, second] = texts(c);
    expect(texts(c)).toHaveLength(2);
    expect(first).toMatchObject({ status: 'amended' });
    expect(first!.breakBefore).toBeUndefined();
    // The second sentence became its own paragraph: the break is the change, not the sentence.
    expect(second).toMatchObject({ status: 'amended', breakBefore: 'insert', old: null });
    expect(second!.segments.find((s) => s.op === 'equal')!.text).toBe('Developer shall maintain and handle all ');
    expect(marked(second!.segments, 'insert')).toEqual(['Personal Data', 'such Personal Data']);
    expect(marked(second!.segments, 'delete')).toEqual(['account data', 'account data']);
    // Every writer says so: the JSON carries the break, the terminal marks it.
    expect(JSON.stringify(diffToJson(diff))).toContain('"breakBefore":"insert"');
    expect(diffToText(diff, { color: false })).toContain('{+¶+} Developer shall maintain and handle all [-account data-]{+Personal Data+}');
  });

  it('should mark the one reworded phrase of a paragraph split in two (Code de la consommation 2014-03-18 -> 03-19, Article L215-3, 5th alinéa)', () => {
    const { a, b, diff } = realPair('fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md', 'code-de-la-consommation__2014-03-19.md');
    expectExact(diff, a, b);
    const blocks = texts(byCitation(diff, 'Article L215-3'));
    const split = blocks.findIndex((x) => x.breakBefore === 'insert');
    expect(split).toBe(5);
    // Its first half is as it was: only the space where the break now is is marked.
    expect(blocks[split - 1]!.segments.filter((s) => s.op !== 'equal')).toEqual([{ op: 'delete', text: ' ' }]);
    expect(marked(blocks[split]!.segments, 'insert')).toEqual([',', 'ou tout document']);
    expect(blocks.filter((x) => x.status === 'inserted').map((x) => blockText(x.new!))).toEqual(['Les infractions et les manquements sont constatés par procès-verbaux, qui font foi jusqu\'à preuve contraire.']);
  });

  it('should mark a paragraph that moved to the end of its article as moved, with only its reworded words marked (Code de la consommation, Article L214-1)', () => {
    const { diff } = realPair('fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md', 'code-de-la-consommation__2014-03-19.md');
    const blocks = texts(byCitation(diff, 'Article L214-1'));
    const from = blocks.find((x) => x.moved?.side === 'from')!;
    const to = blocks.find((x) => x.moved?.side === 'to')!;
    expect(from.moved).toEqual({ side: 'from', note: 'Moved to paragraph 12' });
    expect(to.moved).toMatchObject({ side: 'to', note: 'Moved from paragraph 10', amended: true });
    expect(to.moved!.side === 'to' && to.moved!.segments[0]).toEqual({ op: 'equal', text: 'Les décrets prévus au présent article sont pris après avis de ' });
    expect(to.moved!.side === 'to' && marked(to.moved!.segments, 'insert')).toEqual(["l'agence mentionnée à l'article L. 1313-1 du code de la santé publique lorsqu'ils"]);
    // Read as segments, it is still a deletion there and an insertion here: each version exact.
    expect([from.status, to.status]).toEqual(['deleted', 'inserted']);
    expect(blocks.indexOf(from)).toBeLessThan(blocks.indexOf(to));
  });
});

/* ---------- generated: a real clause's paragraphs split, merged and reordered ---------- */

const L215_3 = (() => {
  const doc = parseFile(join(realCorpusDir, 'fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md'));
  return [...walkClauses(doc.clauses)].find((c) => /\bL215-3$/.test(c.number ?? ''))!.content.map(blockText);
})();

const docOf = (paragraphs: readonly string[]) => `## 1 General\n\n1.1 ${paragraphs.join('\n\n')}\n\n1.2 The DCC shall report monthly to the Panel.\n`;

type Edit = { kind: 'split'; at: number } | { kind: 'merge'; at: number } | { kind: 'swap'; at: number };

function apply(paragraphs: readonly string[], e: Edit): string[] | null {
  const p = [...paragraphs];
  if (e.kind === 'split') {
    const cut = p[e.at]!.indexOf('. ');
    if (cut < 0) return null;
    p.splice(e.at, 1, p[e.at]!.slice(0, cut + 1), p[e.at]!.slice(cut + 2));
  } else if (e.kind === 'merge') {
    if (e.at + 1 >= p.length) return null;
    p.splice(e.at, 2, `${p[e.at]} ${p[e.at + 1]}`);
  } else {
    if (e.at + 1 >= p.length) return null;
    [p[e.at], p[e.at + 1]] = [p[e.at + 1]!, p[e.at]!];
  }
  return p;
}

describe('split, merged and reordered paragraphs, generated from a real clause (Code de la consommation, Article L215-3)', () => {
  it('should mark only the paragraph break or the move, never strike and re-insert the text, and stay exact', () => {
    expect(L215_3.length).toBeGreaterThanOrEqual(6);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('split' as const), at: fc.nat(L215_3.length - 1) }),
      fc.record({ kind: fc.constant('merge' as const), at: fc.nat(L215_3.length - 2) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(L215_3.length - 2) }),
    );
    fc.assert(
      fc.property(edit, fc.boolean(), (e, showFormatting) => {
        const after = apply(L215_3, e);
        fc.pre(after !== null);
        const a = parse(docOf(L215_3));
        const b = parse(docOf(after!));
        const d = diffDocuments(a, b, { showFormatting });
        expect(invariantProblems(d, a, b)).toEqual([]);
        const c = [...walkChanges(d.clauses)].find((x) => x.new?.number === '1.1')!;
        expect(c.status).toBe('amended');
        const blocks: ContentChange[] = [...c.content, ...c.tail];
        const words = (b: TextBlockChange) => [...marked(b.segments, 'insert'), ...marked(b.segments, 'delete')];
        if (e.kind === 'swap') {
          const moved = blocks.filter((x): x is TextBlockChange => x.kind === 'text' && x.moved !== undefined);
          expect(moved.map((x) => x.moved!.side).sort()).toEqual(['from', 'to']);
          const to = moved.find((x) => x.moved!.side === 'to')!;
          expect(to.moved).toMatchObject({ amended: false });
          expect(blocks.filter((x) => x.status !== 'unchanged' && !(x.kind === 'text' && x.moved))).toEqual([]);
        } else {
          const breaks = blocks.filter((x) => x.kind === 'text' && x.breakBefore);
          expect(breaks.map((x) => x.kind === 'text' && x.breakBefore)).toEqual([e.kind === 'split' ? 'insert' : 'delete']);
          expect(blocks.filter((x) => x.status === 'inserted' || x.status === 'deleted')).toEqual([]);
          // No word changed: at most the space where the break is (shown with formatting, jsdiff
          // may align a full stop on either side of the break).
          if (!showFormatting) expect(blocks.flatMap((x) => (x.kind === 'text' ? words(x) : []))).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('a paragraph holding the character that stands for a paragraph break', () => {
  it('should not be regrouped, and the redline stays exact', () => {
    // U+E000 is what a regrouped text is cut at; a source may hold it too.
    const before = ['The Supplier shall notify \uE000 the DCC. It shall do so within five days.', 'The Panel may extend the period.'];
    const after = ['The Supplier shall notify \uE000 the DCC.', 'It shall do so within five days.', 'The Panel may extend the period.'];
    const a = parse(docOf(before));
    const b = parse(docOf(after));
    const d = diffDocuments(a, b);
    expect(invariantProblems(d, a, b)).toEqual([]);
    const c = [...walkChanges(d.clauses)].find((x) => x.new?.number === '1.1')!;
    expect(texts(c).filter((x) => x.breakBefore)).toEqual([]);
    // The control: the same edit without the character is a split.
    const plain = (ps: string[]) => parse(docOf(ps.map((p) => p.replace('\uE000 ', ''))));
    const control = [...walkChanges(diffDocuments(plain(before), plain(after)).clauses)].find((x) => x.new?.number === '1.1')!;
    expect(texts(control).filter((x) => x.breakBefore).map((x) => x.breakBefore)).toEqual(['insert']);
  });
});
