/**
 * Edges of src/diff/regroup.ts its other tests leave open: a split exactly at `REGROUP_FLOOR`,
 * the order among splits and merges equally alike that share a paragraph, and words whose hashes
 * agree in one half only where a merged paragraph kept its old text. Every expected grouping and
 * similarity is worked out by hand from the texts written here.
 */
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/text.js';
import { wordHashes } from '../../src/model/words.js';
import { matchMovesAcross, regroupBlocks } from '../../src/diff/regroup.js';
import { blockKey as key, P, sameKind, shownGroups as shown } from './helpers.js';

const regroup = (olds: string[], news: string[]) => {
  const o = olds.map(P);
  const n = news.map(P);
  return shown(regroupBlocks(o, n, key, sameKind), o, n);
};

describe('regroupBlocks: a split at the floor', () => {
  it('should take a paragraph split into pieces exactly 0.6 alike to it, more than either piece alone', () => {
    // Words: 6 old, 6 + 6 new, the 6 old ones shared: 2*6/18. Word pairs: 5 old, 5 + 5 new, 4
    // shared (alpha-bravo, bravo-charlie, delta-echo, echo-foxtrot): 2*4/15. Mean (10 + 8) / 30 = 0.6.
    // Alone, each piece shares 3 words (2*3/12) and 2 pairs (2*2/10): 0.45.
    expect(regroup(['Alpha bravo charlie delta echo foxtrot.'], ['Alpha bravo charlie one two three.', 'Delta echo foxtrot four five six.'])).toEqual(['regrouped 0>0+1']);
  });
});

describe('regroupBlocks: groups equally alike that share a paragraph', () => {
  it('should take, of a split and a merge equally alike, the one that starts first in the old text', () => {
    const P1 = 'The DCC shall publish the Migration Schedule on its website.';
    const P2 = 'Each Supplier Party shall provide any information that is requested.';
    const Q1 = 'Panel members may attend all the meetings remotely where required.';
    const Q2 = 'The Secretariat shall circulate the minutes within five working days.';
    // Ten words each: P1 P2 merged into new 2 and "Q1 Q2" split into new 0 and 1 are equally
    // alike, and cross. The merge starts at old 0, the split at old 2: the merge is taken.
    expect(regroup([P1, P2, `${Q1} ${Q2}`], [Q1, Q2, `${P1} ${P2}`])).toEqual(['pair ->0', 'pair ->1', 'regrouped 0+1>2', 'pair 2>-']);
  });

  it('should take, of a split and a merge equally alike that start at the same old paragraph, the one that starts first in the new text', () => {
    // Old 0 (alpha x3, bravo x4) and old 1 merged into new 0, or old 0 split into new 1 and 2.
    // Merge: words 9 against 6, 6 shared (alpha 4, bravo, charlie): 12/15; pairs 6 + 1 against 5,
    // 3 shared (alpha-bravo, bravo-alpha, alpha-charlie): 6/12; 0.65. Split: words 7 against 4 + 4,
    // 6 shared (alpha 2, bravo 4): 12/15; pairs 6 against 3 + 3, 3 shared (alpha-bravo,
    // bravo-alpha, bravo-bravo): 6/12; 0.65. The merge's new text comes first.
    expect(regroup(['alpha bravo alpha bravo alpha bravo bravo', 'alpha charlie'], ['alpha alpha alpha bravo alpha charlie', 'alpha bravo charlie bravo', 'bravo bravo bravo alpha'])).toEqual([
      'regrouped 0+1>0',
      'pair ->1',
      'pair ->2',
    ]);
  });
});

describe('matchMovesAcross: words whose hashes agree in one half', () => {
  // Two pairs of words found by search: each pair's hashes agree in one of their two halves only.
  const FIRST_HALF = ['btguemy', 'xzwhkad'] as const;
  const SECOND_HALF = ['cdwsclx', 'dwhcmov'] as const;

  it('should hold the hashes the tests below rely on', () => {
    const [a, b] = [wordHashes(FIRST_HALF[0]), wordHashes(FIRST_HALF[1])];
    expect([a[0] === b[0], a[1] === b[1]]).toEqual([true, false]);
    const [c, d] = [wordHashes(SECOND_HALF[0]), wordHashes(SECOND_HALF[1])];
    expect([c[0] === d[0], c[1] === d[1]]).toEqual([false, true]);
  });

  it('should read a paragraph that took in a deleted one at its start as gained at its start, its words told apart from the deleted one\'s by both halves of their hashes', () => {
    for (const [kept, moved] of [FIRST_HALF, SECOND_HALF]) {
      const deleted = P(`${Array(8).fill(moved).join(' ')}.`);
      const old = P(`${Array(8).fill(kept).join(' ')}.`);
      // Its old eight words end it: gained at its start, whatever the first half or the second says alone.
      expect(matchMovesAcross([{ clause: 0, block: deleted }], [{ kind: 'merge', clause: 1, old, new: P(`${blockText(deleted)} ${blockText(old)}`) }])).toEqual([{ from: 0, to: 0, at: 'start' }]);
    }
  });
});
