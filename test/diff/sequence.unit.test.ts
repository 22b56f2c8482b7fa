/**
 * The sequence pairing every stage of the redline shares (src/diff/sequence.ts): the order of
 * the calls for equal runs and gaps, the pairing of keyed items, where a deleted item is put back,
 * and the longest increasing run. Every expected call list and pairing is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { increasingRun, pairSequences, placeDeleted, walkSequences, walkTrimmed } from '../../src/diff/sequence.js';

/** The calls a walk makes, in order: `=i,j` for an equal pair, `gap i0-i1 j0-j1` for a gap. */
function callsOf(walk: (equal: (i: number, j: number) => void, gap: (i0: number, i1: number, j0: number, j1: number) => void) => void): string[] {
  const calls: string[] = [];
  walk(
    (i, j) => calls.push(`=${i},${j}`),
    (i0, i1, j0, j1) => calls.push(`gap ${i0}-${i1} ${j0}-${j1}`),
  );
  return calls;
}

const chars = (s: string) => [...s];
const sameChar = (o: string, n: string) => o === n;

describe('walkSequences', () => {
  it('should give each gap before and after each run of equal items, empty gaps included', () => {
    expect(callsOf((eq, gap) => walkSequences(chars('abc'), chars('axc'), undefined, eq, gap))).toEqual([
      'gap 0-0 0-0',
      '=0,0',
      'gap 1-2 1-2',
      '=2,2',
      'gap 3-3 3-3',
    ]);
  });

  it('should count removed and added items separately, so a gap can hold more old items than new', () => {
    expect(callsOf((eq, gap) => walkSequences(chars('abcde'), chars('xae'), undefined, eq, gap))).toEqual([
      'gap 0-0 0-1',
      '=0,1',
      'gap 1-4 2-2',
      '=4,2',
      'gap 5-5 3-3',
    ]);
    expect(callsOf((eq, gap) => walkSequences(chars('ab'), chars('ab'), undefined, eq, gap))).toEqual(['gap 0-0 0-0', '=0,0', '=1,1', 'gap 2-2 2-2']);
  });

  it('should compare items with the comparator given', () => {
    const caseless = (o: string, n: string) => o.toLowerCase() === n.toLowerCase();
    expect(callsOf((eq, gap) => walkSequences(chars('aBc'), chars('AbC'), caseless, eq, gap))).toEqual(['gap 0-0 0-0', '=0,0', '=1,1', '=2,2', 'gap 3-3 3-3']);
  });

  it('should give both sequences whole as one gap past the edit bound, even with an item in common between', () => {
    // 1,100 different items on each side of one common item: 4,400 edits, past the bound of 2,000.
    const side = (prefix: string) => Array.from({ length: 1100 }, (_, i) => `${prefix}${i}`);
    const old = [...side('a'), 'common', ...side('b')];
    const nu = [...side('c'), 'common', ...side('d')];
    expect(callsOf((eq, gap) => walkSequences(old, nu, undefined, eq, gap))).toEqual(['gap 0-2201 0-2201']);
  });
});

describe('walkTrimmed', () => {
  it('should take the common head and tail in order and walk only what lies between', () => {
    expect(callsOf((eq, gap) => walkTrimmed(chars('abcde'), chars('axde'), sameChar, eq, gap))).toEqual(['=0,0', 'gap 1-3 1-2', '=3,2', '=4,3']);
  });

  it('should give the gap between head and tail when one side has nothing there', () => {
    expect(callsOf((eq, gap) => walkTrimmed(chars('ab'), chars('axb'), sameChar, eq, gap))).toEqual(['=0,0', 'gap 1-1 1-2', '=1,2']);
    expect(callsOf((eq, gap) => walkTrimmed(chars('axyb'), chars('ab'), sameChar, eq, gap))).toEqual(['=0,0', 'gap 1-3 1-1', '=3,1']);
    expect(callsOf((eq, gap) => walkTrimmed(chars('ab'), chars('ab'), sameChar, eq, gap))).toEqual(['=0,0', '=1,1', 'gap 2-2 2-2']);
    expect(callsOf((eq, gap) => walkTrimmed([], chars('ab'), sameChar, eq, gap))).toEqual(['gap 0-0 0-2']);
  });

  it('should not count an item twice when the sequences differ only in length (head and tail overlap)', () => {
    // "aa" against "aaa": the head takes both old items, so no tail is left to take.
    expect(callsOf((eq, gap) => walkTrimmed(chars('aa'), chars('aaa'), sameChar, eq, gap))).toEqual(['=0,0', '=1,1', 'gap 2-2 2-3']);
    expect(callsOf((eq, gap) => walkTrimmed(chars('aaa'), chars('aa'), sameChar, eq, gap))).toEqual(['=0,0', '=1,1', 'gap 2-3 2-2']);
  });

  it('should walk the middle with its equal runs, at their places in the whole sequences', () => {
    expect(callsOf((eq, gap) => walkTrimmed(chars('abxcyd'), chars('apcqd'), sameChar, eq, gap))).toEqual([
      '=0,0',
      'gap 1-3 1-2',
      '=3,2',
      'gap 4-5 3-4',
      '=5,4',
    ]);
  });
});

describe('pairSequences', () => {
  const key = (s: string) => s.split(':')[0]!;
  const show = (pairs: Array<{ old: string | null; new: string | null }>) => pairs.map((p) => `${p.old ?? '-'}>${p.new ?? '-'}`);

  it('should pair equal keys in order, and in a gap pair each old item with the next new item it fits', () => {
    // Fits when the text after the key is the same. In the gap, 2:b takes 7:b (5:x and 6:c pass
    // by as inserted), so 3:c finds nothing after it and is left deleted.
    const fits = (o: string, n: string) => o.split(':')[1] === n.split(':')[1];
    expect(show(pairSequences(['1:a', '2:b', '3:c', '4:d'], ['1:a', '5:x', '6:c', '7:b', '4:d'], key, fits))).toEqual([
      '1:a>1:a',
      '->5:x',
      '->6:c',
      '2:b>7:b',
      '3:c>-',
      '4:d>4:d',
    ]);
    expect(show(pairSequences(['1:a', '2:b', '3:c', '4:d'], ['1:a', '5:x', '6:b', '7:c', '8:y', '4:d'], key, fits))).toEqual([
      '1:a>1:a',
      '->5:x',
      '2:b>6:b',
      '3:c>7:c',
      '->8:y',
      '4:d>4:d',
    ]);
  });

  it('should never pair an old item with a new item before the last one taken', () => {
    const fits = (o: string, n: string) => o.split(':')[1] === n.split(':')[1];
    // 2:b would fit 8:b, but 3:c was already paired with the later 9:c.
    expect(show(pairSequences(['3:c', '2:b'], ['8:b', '9:c'], key, fits))).toEqual(['->8:b', '3:c>9:c', '2:b>-']);
    expect(show(pairSequences(['2:b', '3:c'], ['8:b', '9:c'], key, fits))).toEqual(['2:b>8:b', '3:c>9:c']);
  });

  it('should list every item once when nothing fits', () => {
    expect(show(pairSequences(['1:a', '2:b'], ['3:c'], key, () => false))).toEqual(['1:a>-', '2:b>-', '->3:c']);
    expect(show(pairSequences([], ['3:c'], key, () => true))).toEqual(['->3:c']);
    // Equal keys pair whatever `fits` says.
    expect(show(pairSequences(['1:a', '2:b'], ['1:x', '2:y'], key, () => false))).toEqual(['1:a>1:x', '2:b>2:y']);
  });
});

describe('placeDeleted', () => {
  it('should put each unpaired old item right after the new place of the nearest earlier paired one, or first', () => {
    const olds = [
      { placed: 'gone0', partnerNew: null },
      { placed: null, partnerNew: 1 },
      { placed: 'gone2', partnerNew: null },
      { placed: 'gone3', partnerNew: null },
      { placed: null, partnerNew: 0 },
      { placed: 'gone5', partnerNew: null },
    ] as const;
    expect(placeDeleted(['n0', 'n1', 'n2'], olds)).toEqual(['gone0', 'n0', 'gone5', 'n1', 'gone2', 'gone3', 'n2']);
  });

  it('should keep the new items alone when nothing was deleted', () => {
    expect(placeDeleted(['n0', 'n1'], [{ placed: null, partnerNew: 1 }])).toEqual(['n0', 'n1']);
    expect(placeDeleted([], [{ placed: 'gone', partnerNew: null }])).toEqual(['gone']);
  });
});

describe('increasingRun', () => {
  const items = (orders: number[]) => orders.map((order, i) => ({ key: `k${i}`, order }));

  it('should give the longest run of strictly increasing order, as keys in order', () => {
    expect(increasingRun(items([3, 1, 2, 5, 4, 6]))).toEqual(['k1', 'k2', 'k4', 'k5']);
    expect(increasingRun(items([5, 4, 3, 2, 1]))).toEqual(['k4']);
    expect(increasingRun(items([1, 2, 3]))).toEqual(['k0', 'k1', 'k2']);
    expect(increasingRun([])).toEqual([]);
  });

  it('should not count equal orders as increasing', () => {
    expect(increasingRun(items([2, 2, 2]))).toEqual(['k2']);
    expect(increasingRun(items([1, 3, 3, 4]))).toEqual(['k0', 'k2', 'k3']);
  });

  it('should replace a tail in the middle of the run found so far, by binary search', () => {
    // 25..29 replace 30..70 one by one from the middle: 10, 20, 25, ..., 29, 31 (8) beats 10..70 (7).
    expect(increasingRun(items([10, 20, 30, 40, 50, 60, 70, 25, 26, 27, 28, 29, 31]))).toEqual(['k0', 'k1', 'k7', 'k8', 'k9', 'k10', 'k11', 'k12']);
    expect(increasingRun(items([10, 20, 30, 40, 50, 60, 70, 25, 26]))).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  });
});
