/**
 * Word marks inside one pair of texts (src/diff/words.ts), on runs written here: the fast path for
 * identical runs, the bound on an edit, texts cut at anchors, the clean-up for reading, links and
 * references, and blocks marked whole. Every expected segment is written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/types.js';
import type { Segment } from '../../src/model/change.js';
import { PLAIN_STYLE, plainRuns, TermIndex, Tokenizer, TokenKeys, type StyledRun } from '../../src/diff/tokens.js';
import { blockSegments, wholeSegments, WordDiff } from '../../src/diff/words.js';

const words = (maxEditLength = 1000, exact = false) => new WordDiff(new Tokenizer({ exact, keys: new TokenKeys(), terms: new TermIndex([]) }), maxEditLength);
const segs = (ss: readonly Segment[]) => ss.map((s) => `${s.op}:${s.text}`);
const diff = (o: string, n: string, maxEditLength = 1000) => words(maxEditLength).diff(plainRuns(o), plainRuns(n));
const bold = (text: string): StyledRun => ({ text, style: { bold: true }, styleKey: 'b', atomic: false });
const link = (text: string, href = 'https://x.org'): StyledRun => ({ text, style: { href }, styleKey: `h${href}\u0001`, atomic: false });
const ref = (text: string, target: string): StyledRun => ({ text, style: { xref: { scope: 'clause', target } }, styleKey: `xclause:${target}\u0001`, atomic: true });

describe('WordDiff.diff', () => {
  it('should give identical runs as one unchanged segment each, with their formatting', () => {
    const runs = [...plainRuns('The report is '), bold('due'), ...plainRuns(' monthly.')];
    expect(words().diff(runs, runs)).toEqual({ segments: [{ op: 'equal', text: 'The report is ' }, { op: 'equal', text: 'due', bold: true }, { op: 'equal', text: ' monthly.' }], changed: false, replacedWhole: false });
  });

  it('should mark a replaced word without the space after it, and keep the old text of a re-wrapped line', () => {
    const r = diff('The DCC shall send the monthly report\nto the Panel.', 'The DCC shall send the quarterly report to the Panel.');
    expect([r.changed, r.replacedWhole]).toEqual([true, false]);
    expect(r.segments).toEqual([
      { op: 'equal', text: 'The DCC shall send the ' },
      { op: 'delete', text: 'monthly' },
      { op: 'insert', text: 'quarterly' },
      { op: 'equal', text: ' report to the Panel.', old: ' report\nto the Panel.' },
    ]);
    const spaced = diff('The report is\ndue.', 'The report is due.');
    expect([spaced.changed, spaced.segments]).toEqual([false, [{ op: 'equal', text: 'The report is due.', old: 'The report is\ndue.' }]]);
  });

  it('should replace the changed middle whole past the bound, and mark it word by word within it', () => {
    const o = 'The DCC shall publish by notice.';
    const n = 'The DCC shall report monthly by written notice.';
    expect(diff(o, n, 3)).toEqual({ segments: [{ op: 'equal', text: 'The DCC shall ' }, { op: 'delete', text: 'publish by' }, { op: 'insert', text: 'report monthly by written' }, { op: 'equal', text: ' notice.' }], changed: true, replacedWhole: true });
    expect(diff(o, n, 4).replacedWhole).toBe(false);
  });

  it('should diff a long text piece by piece at the words found once on each side, each piece within the bound', () => {
    // 80 words each side, eight of them changed far apart: whole, the 16 one-sided words pass a bound of 5.
    const base = Array.from({ length: 80 }, (_, k) => `w${k}`);
    const changed = base.map((w, k) => (k % 10 === 5 ? `v${k}` : w));
    const r = diff(base.join(' '), changed.join(' '), 5);
    expect(r.replacedWhole).toBe(false);
    expect(r.segments.filter((s) => s.op !== 'equal').map((s) => `${s.op}:${s.text}`)).toEqual([5, 15, 25, 35, 45, 55, 65, 75].flatMap((k) => [`delete:w${k}`, `insert:v${k}`]));
  });

  it('should fold a short equality between two changes into them, but keep a paragraph break unmarked', () => {
    expect(segs(diff('The meter shall be read by the DCC monthly.', 'The supplier must inform the customer quarterly.').segments)).toEqual([
      'equal:The ', 'delete:meter shall be read by the DCC monthly', 'insert:supplier must inform the customer quarterly', 'equal:.',
    ]);
    // `two` is no longer than the changes around it: folded, unless a paragraph break follows it.
    expect(segs(diff('one two three four', 'five two seven four').segments)).toEqual(['delete:one two three', 'insert:five two seven', 'equal: four']);
    expect(segs(diff('one two\n\nthree four', 'five two\n\nseven four').segments)).toEqual(['delete:one', 'insert:five', 'equal: two\n\n', 'delete:three', 'insert:seven', 'equal: four']);
  });

  it('should give the space after a link back to plain text, on both sides of a change', () => {
    const r = words().diff([...plainRuns('See '), link('the old guide '), ...plainRuns('now.')], [...plainRuns('See '), link('the new guide '), ...plainRuns('now.')]);
    expect(r.segments).toEqual([
      { op: 'equal', text: 'See ' },
      { op: 'equal', text: 'the', href: 'https://x.org' },
      { op: 'equal', text: ' ' },
      { op: 'delete', text: 'old', href: 'https://x.org' },
      { op: 'insert', text: 'new', href: 'https://x.org' },
      { op: 'equal', text: ' ' },
      { op: 'equal', text: 'guide', href: 'https://x.org' },
      { op: 'equal', text: ' now.' },
    ]);
  });

  it('should mark a reference whose number changed at the number, the words before it unmarked', () => {
    const r = words().diff([...plainRuns('under '), ref('Clause 10.2', '10.2'), ...plainRuns('.')], [...plainRuns('under '), ref('Clause 10.3', '10.3'), ...plainRuns('.')]);
    expect(r.segments).toEqual([
      { op: 'equal', text: 'under ' },
      { op: 'equal', text: 'Clause ', xref: { scope: 'clause', target: '10.3' } },
      { op: 'delete', text: '10.2', xref: { scope: 'clause', target: '10.2' } },
      { op: 'insert', text: '10.3', xref: { scope: 'clause', target: '10.3' } },
      { op: 'equal', text: '.' },
    ]);
    const nbsp = words().diff([ref('§\u00a020a', '20a')], [ref('§\u00a020b', '20b')]);
    expect(segs(nbsp.segments)).toEqual(['equal:§\u00a0', 'delete:20a', 'insert:20b']);
    // Nothing in common but whole words: marked whole.
    expect(segs(words().diff([ref('Clause 10', '10')], [ref('Section 10', 's10')]).segments)).toEqual(['delete:Clause 10', 'insert:Section 10']);
  });

  it('should compare formatting only when asked', () => {
    const o = plainRuns('The report is due.');
    const n = [...plainRuns('The report is '), bold('due'), ...plainRuns('.')];
    expect(words().diff(o, n).changed).toBe(false);
    expect(segs(words(1000, true).diff(o, n).segments)).toEqual(['equal:The report is ', 'delete:due', 'insert:due', 'equal:.']);
  });
});

describe('blockSegments and wholeSegments', () => {
  const T = (value: string) => ({ type: 'text' as const, value });
  it('should mark a block whole, plain text as one segment, formatting and references as their own', () => {
    const para: Block = { type: 'paragraph', children: [T('See '), { type: 'xref', scope: 'clause', target: '2', children: [T('Clause 2')] }, T('.')] };
    expect(blockSegments('delete', para)).toEqual([{ op: 'delete', text: 'See ' }, { op: 'delete', text: 'Clause 2', xref: { scope: 'clause', target: '2' } }, { op: 'delete', text: '.' }]);
    expect(blockSegments('equal', { type: 'paragraph', children: [T('a '), { type: 'strong', children: [T('b')] }] })).toEqual([{ op: 'equal', text: 'a ' }, { op: 'equal', text: 'b', bold: true }]);
    expect(blockSegments('insert', { type: 'code', lang: null, value: 'x = 1' })).toEqual([{ op: 'insert', text: 'x = 1', code: true }]);
    expect(blockSegments('insert', { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [T('one')] }], [{ type: 'paragraph', children: [T('two')] }]] })).toEqual([{ op: 'insert', text: 'one\ntwo' }]);
    expect(blockSegments('delete', { type: 'rule' })).toEqual([]);
  });

  it('should mark runs whole, one segment a run, plain ones without a style', () => {
    expect(wholeSegments('insert', [...plainRuns('a '), bold('b')])).toEqual([{ op: 'insert', text: 'a ' }, { op: 'insert', text: 'b', bold: true }]);
    expect(wholeSegments('delete', [{ text: 'x', style: PLAIN_STYLE, styleKey: '', atomic: false }])[0]).toStrictEqual({ op: 'delete', text: 'x' });
  });
});
