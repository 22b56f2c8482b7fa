/** Stage 3 of the redline, `markWords`, fed a hand-made block comparison: word marks, statuses from them, counts. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { markWords } from '../../src/diff/mark.js';
import type { BlockComparison, ClauseComparison, TextBlockComparison } from '../../src/diff/compare.js';
import type { ClausePair } from '../../src/diff/pair.js';
import { plainRuns } from '../../src/diff/tokens.js';
import { DEFAULT_DIFF_OPTIONS, type Segment } from '../../src/model/change.js';
import type { Block } from '../../src/model/types.js';

const doc = (text: string) => parseDocument(text, new VFile({ path: 'doc.md' }));
const paragraph = (text: string): Extract<Block, { type: 'paragraph' }> => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const ops = (segments: readonly Segment[]) => segments.map((s) => `${s.op}:${s.text}`);

function comparison(oldText: string, newText: string, fields: Partial<ClauseComparison> = {}): BlockComparison {
  const o = doc('1.1 Old.\n');
  const n = doc('1.1 New.\n');
  const pair: ClausePair = { old: o.clauses[0]!, new: n.clauses[0]!, basis: 'number', similarity: 0.8, sameContent: false, sameParent: true, identicalBelow: 0, children: [] };
  const text: TextBlockComparison = { kind: 'text', old: paragraph(oldText), new: paragraph(newText), same: false, oldRuns: plainRuns(oldText), newRuns: plainRuns(newText) };
  const clause: ClauseComparison = { kind: 'compared', pair, renumbered: false, moved: false, heading: null, content: [text], tail: [], children: [], ...fields };
  return { old: o, new: n, preamble: [], sections: [], clauses: [clause], identicalTables: new Map() };
}

describe('markWords', () => {
  it('should mark the changed words of a compared text, amend the clause and count it', () => {
    const d = markWords(comparison('The monthly report is due.', 'The quarterly report is due.'), { ...DEFAULT_DIFF_OPTIONS });
    const c = d.clauses[0]!;
    expect(c.status).toBe('amended');
    expect(ops(c.content[0]!.kind === 'text' ? c.content[0]!.segments : [])).toEqual(['equal:The ', 'delete:monthly', 'insert:quarterly', 'equal: report is due.']);
    expect(d.summary).toMatchObject({ amended: 1, changed: 1, unchanged: 0, replacedWhole: 0 });
    // Plain data: what JSON writes is what the objects hold.
    expect(JSON.parse(JSON.stringify(d.clauses[0]!.content))).toEqual(JSON.parse(JSON.stringify(c.content)));
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });

  it('should leave a text whose only change is its wrapping unchanged, unless formatting is shown', () => {
    const wrapped = comparison('The report is\ndue.', 'The report is due.', { renumbered: true });
    expect(markWords(wrapped, { ...DEFAULT_DIFF_OPTIONS }).clauses[0]).toMatchObject({ status: 'renumbered', amended: false });
    expect(markWords(wrapped, { ...DEFAULT_DIFF_OPTIONS, showFormatting: true }).clauses[0]).toMatchObject({ status: 'renumbered', amended: true });
  });

  it('should return the count of word diffs replaced whole past the edit bound', () => {
    const many = (w: string) => Array.from({ length: 30 }, (_, i) => `${w}${i}`).join(' ');
    const d = markWords(comparison(many('old'), many('new')), { ...DEFAULT_DIFF_OPTIONS, maxEditLength: 5 });
    expect(d.summary.replacedWhole).toBe(1);
    expect(ops(d.clauses[0]!.content[0]!.kind === 'text' ? d.clauses[0]!.content[0]!.segments : [])).toEqual([`delete:${many('old')}`, `insert:${many('new')}`]);
  });

  it('should give every sub-clause of a pair the same all the way down as unchanged with its twin, and count it', () => {
    const text = '## 1 Part\n\n1.1 First text.\n\n(a) A lettered item.\n\n1.2 Second text.\n';
    const o = doc(text);
    const n = doc(text);
    const pair: ClausePair = { old: o.clauses[0]!, new: n.clauses[0]!, basis: 'number', similarity: 1, sameContent: true, sameParent: true, identicalBelow: 3, children: [] };
    const clause: ClauseComparison = { kind: 'untouched', pair, renumbered: false, moved: false, heading: null, content: [], tail: [], children: [] };
    const d = markWords({ old: o, new: n, preamble: [], sections: [], clauses: [clause], identicalTables: new Map() }, { ...DEFAULT_DIFF_OPTIONS });
    const below = d.clauses[0]!.children;
    expect(below.map((k) => [k.status, k.old?.number, k.new?.number, k.match, k.similarity, k.new?.parent?.number])).toEqual([
      ['unchanged', '1.1', '1.1', 'number', 1, '1'],
      ['unchanged', '1.2', '1.2', 'number', 1, '1'],
    ]);
    expect(below[0]!.children.map((k) => k.new?.clause)).toEqual([n.clauses[0]!.children[0]!.children[0]]);
    expect(ops(below[1]!.content[0]!.kind === 'text' ? below[1]!.content[0]!.segments : [])).toEqual(['equal:Second text.']);
    expect(d.summary).toMatchObject({ unchanged: 4, changed: 0 });
    expect(d.clauses[0]!.subtreeChanged).toBe(false);
  });
});

