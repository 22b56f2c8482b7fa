/**
 * Paragraphs split, merged and moved inside a clause, list items reordered, and paragraphs moved
 * across clauses (src/diff/regroup.ts), on blocks written here: each expected grouping is worked
 * out by hand from the texts (which paragraph holds which words).
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/types.js';
import { PARAGRAPH_BREAK } from '../../src/diff/tokens.js';
import { matchMovesAcross, regroupBlocks, regroupItems, samePlaceReordered, withoutLabel, type AcrossTarget } from '../../src/diff/regroup.js';
import { blockKey as key, P, sameKind, shownGroups as shown } from './helpers.js';

const TABLE = (cell: string): Block => ({ type: 'table', align: [null], header: [{ children: [{ type: 'text', value: 'Term' }] }], rows: [[{ children: [{ type: 'text', value: cell } ]}]] } as unknown as Block);
const LIST = (...items: string[]): Extract<Block, { type: 'list' }> => ({ type: 'list', ordered: false, items: items.map((t) => [P(t)]) });

const regroup = (olds: Block[], news: Block[], splitAndMerge = true) => shown(regroupBlocks(olds, news, key, sameKind, splitAndMerge), olds, news);

// Paragraphs of distinct words, so that each is alike only to itself.
const A = 'The DCC shall publish the Migration Schedule on its website before the first cohort begins.';
const A2 = 'The DCC shall publish the Migration Schedule on its website before the second cohort begins.';
const B = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
const B2 = 'Each Supplier Party shall provide all information reasonably requested for that purpose.';
const C = 'Panel members may attend meetings remotely where circumstances require it.';
const D = 'Notices under this Section must be given in writing to every affected Party.';

describe('withoutLabel', () => {
  it('should drop the number a paragraph or item carries at its start, in each of its forms', () => {
    for (const labelled of ['(a) Text here', '(iv) Text here', '(12) Text here', '(12b) Text here', '(AB) Text here', '(aa) Text here', 'a) Text here', '1. Text here', '12a) Text here', '2° Text here', 'iv. Text here', '  (b)   Text here', '(xviii) Text here']) {
      expect(withoutLabel(labelled), labelled).toBe('Text here');
    }
  });

  it('should keep a text whose start is no label, or a label not followed by a space', () => {
    for (const plain of ['Text here', '(a)Text here', '1.1 Text here', '1234. Text here', '(abc) Text here', '(ABC) Text here', '(1234) Text here', 'abc. Text here', '(a Text here', 'a Text here', '(ivxlcdm) Text here', 'The (a) label inside']) {
      expect(withoutLabel(plain), plain).toBe(plain);
    }
  });
});

describe('regroupBlocks: splits and merges', () => {
  it('should give a paragraph split in two as one regrouped group', () => {
    const olds = [P(`${A} ${B}`)];
    const news = [P(A), P(B)];
    expect(regroup(olds, news)).toEqual(['regrouped 0>0+1']);
  });

  it('should give two paragraphs merged into one as one regrouped group', () => {
    const olds = [P(A), P(B)];
    const news = [P(`${A} ${B}`)];
    expect(regroup(olds, news)).toEqual(['regrouped 0+1>0']);
  });

  it('should regroup a split among paragraphs kept, with only the pieces in the group', () => {
    const olds = [P(C), P(`${A} ${B}`), P(D)];
    const news = [P(C), P(A), P(B2), P(D)];
    expect(regroup(olds, news)).toEqual(['pair 0>0', 'regrouped 1>1+2', 'pair 2>3']);
  });

  it('should regroup a split whose second piece gained a word', () => {
    expect(regroup([P(`${A} ${B}`)], [P(A), P(`${B} Always.`)])).toEqual(['regrouped 0>0+1']);
    expect(regroup([P(A), P(`${B} Always.`)], [P(`${A} ${B}`)])).toEqual(['regrouped 0+1>0']);
  });

  it('should regroup up to four pieces, and no more', () => {
    const pieces = [A, B, C, D];
    expect(regroup([P(pieces.join(' '))], pieces.map(P))).toEqual(['regrouped 0>0+1+2+3']);
    // A fifth piece of two words: the best group is the first four; the fifth is left over, inserted.
    const five = [...pieces, 'Short end.'];
    expect(regroup([P(five.join(' '))], five.map(P))).toEqual(['regrouped 0>0+1+2+3', 'pair ->4']);
  });

  it('should not take a paragraph rewritten around one sentence it kept for a split', () => {
    // The old paragraph is far more than A: A alone is as alike as any group with it.
    const olds = [P(`${A} ${C} ${D}`)];
    const news = [P(A), P(B)];
    expect(regroup(olds, news)).toEqual(['pair 0>0', 'pair ->1']);
  });

  it('should not regroup when asked not to, nor a text holding the paragraph break character, nor a table', () => {
    expect(regroup([P(`${A} ${B}`)], [P(A), P(B)], false)).toEqual(['pair 0>0', 'pair ->1']);
    expect(regroup([P(`${A}${PARAGRAPH_BREAK}${B}`)], [P(A), P(B)])).toEqual(['pair 0>0', 'pair ->1']);
    expect(regroup([P(`${A} ${B}`)], [P(A), P(B), P(C)].map((p, k) => (k === 1 ? TABLE(B) : p)))).toEqual(['pair 0>0', 'pair ->1', 'pair ->2']);
  });

  it('should pair what is left of a gap by kind, in order', () => {
    expect(regroup([TABLE('x'), P(C)], [P(D), TABLE('y')])).toEqual(['pair ->0', 'pair 0>1', 'pair 1>-']);
    expect(regroup([], [P(A)])).toEqual(['pair ->0']);
    expect(regroup([P(A)], [])).toEqual(['pair 0>-']);
  });
});

describe('regroupBlocks: moves inside a clause', () => {
  it('should mark a paragraph that went from the start to the end moved, at both ends', () => {
    const olds = [P(A), P(B), P(C), P(D)];
    const news = [P(B), P(C), P(D), P(A2)];
    expect(regroup(olds, news)).toEqual(['moved from 0>3', 'pair 1>0', 'pair 2>1', 'pair 3>2', 'moved to 0>3']);
  });

  it('should mark, of two reworded paragraphs that changed places, the one off the longest run in order moved', () => {
    const olds = [P(A), P(B)];
    const news = [P(B2), P(A2)];
    expect(regroup(olds, news)).toEqual(['moved from 0>1', 'pair 1>0', 'moved to 0>1']);
  });

  it('should pair in order, with no move, two reworded paragraphs that kept their places', () => {
    expect(regroup([P(A), P(B)], [P(A2), P(B2)])).toEqual(['pair 0>0', 'pair 1>1']);
  });

  it('should not take a block unlike anything for a move, nor a table', () => {
    const olds = [P(A), P(B), P(C)];
    const news = [P(B), P(C), P(D)];
    expect(regroup(olds, news)).toEqual(['pair 0>-', 'pair 1>0', 'pair 2>1', 'pair ->2']);
    const tables = [TABLE('alpha beta gamma delta'), P(B), P(C)];
    const moved = [P(B), P(C), TABLE('alpha beta gamma delta epsilon')];
    expect(regroup(tables, moved)).toEqual(['pair 0>-', 'pair 1>0', 'pair 2>1', 'pair ->2']);
  });

  it('should not mark a move when the new block is more alike to another old one', () => {
    // Old A and A2 both went; the new A2 is A2 word for word, so only A2 can be its counterpart,
    // and A, whose best match is taken by a closer block, is not moved.
    const olds = [P(A), P(B), P(C), P(A2)];
    const news = [P(B), P(C), P(D), P(A2)];
    expect(regroup(olds, news)).toEqual(['pair 0>-', 'pair 1>0', 'pair 2>1', 'pair ->2', 'pair 3>3']);
  });
});

describe('regroupBlocks: what may and may not move', () => {
  // Two long paragraphs, so that a run holding them is far from a short one.
  const LONG1 = 'The Secretary of State may direct the DCC to suspend the migration of any cohort at any time by notice in writing to the Panel and to every Supplier Party affected by that cohort.';
  const LONG2 = 'Any dispute arising under this Section shall be referred to the Authority for determination, and the determination of the Authority shall be final and binding on every Party to it.';

  it('should not move a table into a paragraph, nor a paragraph into a table, however alike their words', () => {
    expect(regroup([TABLE(A), P(B), P(C)], [P(B), P(C), P(A)])).toEqual(['pair 0>-', 'pair 1>0', 'pair 2>1', 'pair ->2']);
    expect(regroup([P(A), P(B), P(C)], [P(B), P(C), TABLE(A)])).toEqual(['pair 0>-', 'pair 1>0', 'pair 2>1', 'pair ->2']);
  });

  it('should move only the old block most alike to the new one, and none when two are as alike', () => {
    // A2 differs from A3 in one word, A in two: only A2 moved.
    const A3 = A2.replace('website', 'portal');
    expect(regroup([P(A), P(A2), P(B), P(C)], [P(B), P(C), P(A3)])).toEqual(['pair 0>-', 'moved from 1>2', 'pair 2>0', 'pair 3>1', 'moved to 1>2']);
    // Two copies of A: neither is the one that moved.
    expect(regroup([P(A), P(A), P(B), P(C)], [P(B), P(C), P(A2)])).toEqual(['pair 0>-', 'pair 1>-', 'pair 2>0', 'pair 3>1', 'pair ->2']);
  });

  it('should split a paragraph whose pieces stand in order in one gap, with the next block reworded after it', () => {
    // The merged paragraph is most alike to A and C to C2, in order: no anchor is set, and the split is found.
    expect(regroup([P(`${A} ${B}`), P(C)], [P(A), P(B), P(C.replace('remotely', 'online'))])).toEqual(['regrouped 0>0+1', 'pair 1>2']);
  });

  it('should merge only the blocks of the gap, with the paragraphs kept before it left out', () => {
    expect(regroup([P(LONG1), P(LONG2), P(A), P(B)], [P(LONG1), P(LONG2), P(`${A} ${B}`)])).toEqual(['pair 0>0', 'pair 1>1', 'regrouped 2+3>2']);
    expect(regroup([P(LONG1), P(LONG2), P(`${A} ${B}`)], [P(LONG1), P(LONG2), P(A), P(B)])).toEqual(['pair 0>0', 'pair 1>1', 'regrouped 2>2+3']);
  });
});

describe('regroupItems', () => {
  it('should give the items of a list reordered, the one that moved at both ends, with their indexes', () => {
    const groups = regroupItems(LIST(A, B, C, D), LIST(B, C, D, A2), key)!;
    expect(groups.map((g) => `${g.group.kind}${g.group.kind === 'moved' ? ` ${g.group.side}` : ''} ${g.old ?? '-'}>${g.new ?? '-'}`)).toEqual([
      'moved from 0>-',
      'pair 1>0',
      'pair 2>1',
      'pair 3>2',
      'moved to ->3',
    ]);
  });

  it('should give null when no item moved, and never regroup items', () => {
    expect(regroupItems(LIST(A, B), LIST(A2, B), key)).toBeNull();
    expect(regroupItems(LIST(`${A} ${B}`, C), LIST(A, B, C), key)).toBeNull();
    const inserted = regroupItems(LIST(A, B, C), LIST(B, D, C, A), key)!;
    expect(inserted.map((g) => `${g.group.kind} ${g.old ?? '-'}>${g.new ?? '-'}`)).toEqual(['moved 0>-', 'pair 1>0', 'pair ->1', 'pair 2>2', 'moved ->3']);
  });
});

describe('samePlaceReordered', () => {
  it('should say so when two blocks differ in place and one is word for word another one', () => {
    expect(samePlaceReordered([P(A), P(B), P(C)], [P(B), P(A2), P(C)], key)).toBe(true);
    expect(samePlaceReordered([P(A), P(B)], [P(B), P(A)], key)).toBe(true);
  });

  it('should say no for one block changed, for blocks reworded in place, and for blocks the same', () => {
    expect(samePlaceReordered([P(A), P(B)], [P(A2), P(B)], key)).toBe(false);
    expect(samePlaceReordered([P(A), P(B)], [P(A2), P(B2)], key)).toBe(false);
    expect(samePlaceReordered([P(A), P(B)], [P(A), P(B)], key)).toBe(false);
    expect(samePlaceReordered([], [], key)).toBe(false);
  });
});

describe('matchMovesAcross', () => {
  // Fifteen words, past the eight a moved text needs.
  const LONG = 'The Authority may at any time require the DCC to provide a report on its compliance with this Condition.';
  const LONG2 = 'The Authority may at any time require the DCC to provide a written report on its compliance with this Condition.';
  const OTHER = 'Every Supplier Party shall keep records of each Smart Metering System it installs for six years.';

  it('should find a paragraph deleted from one clause and inserted whole in another, nearly word for word', () => {
    const deleted = [{ clause: 0, block: P(LONG) }];
    const targets: AcrossTarget[] = [{ kind: 'whole', clause: 1, block: P(OTHER) }, { kind: 'whole', clause: 2, block: P(LONG2) }];
    expect(matchMovesAcross(deleted, targets)).toEqual([{ from: 0, to: 1, at: 'whole' }]);
  });

  it('should not find a move inside the same clause, nor for a text of fewer than eight words', () => {
    expect(matchMovesAcross([{ clause: 2, block: P(LONG) }], [{ kind: 'whole', clause: 2, block: P(LONG2) }])).toEqual([]);
    expect(matchMovesAcross([{ clause: 0, block: P('Not used in this version.') }], [{ kind: 'whole', clause: 1, block: P('Not used in this version.') }])).toEqual([]);
    // Seven words deleted and the same seven words plus one inserted: the deleted text is too short.
    const seven = 'Each Party shall bear its own costs.';
    expect(matchMovesAcross([{ clause: 0, block: P(seven) }], [{ kind: 'whole', clause: 1, block: P(`${seven} Always.`) }])).toEqual([]);
  });

  it('should find a paragraph merged into the start or the end of another clause\'s paragraph', () => {
    const kept = 'Payments shall be made within thirty days of the date of the invoice issued by the DCC.';
    const deleted = [{ clause: 0, block: P(LONG) }];
    const atEnd: AcrossTarget = { kind: 'merge', clause: 3, old: P(kept), new: P(`${kept} ${LONG}`) };
    expect(matchMovesAcross(deleted, [atEnd])).toEqual([{ from: 0, to: 0, at: 'end' }]);
    const atStart: AcrossTarget = { kind: 'merge', clause: 3, old: P(kept), new: P(`${LONG} ${kept}`) };
    expect(matchMovesAcross(deleted, [atStart])).toEqual([{ from: 0, to: 0, at: 'start' }]);
    // Neither end kept: not a merge.
    const rewritten: AcrossTarget = { kind: 'merge', clause: 3, old: P(kept), new: P(`${LONG} ${OTHER}`) };
    expect(matchMovesAcross(deleted, [rewritten])).toEqual([]);
    // A list deleted never reads as the start or end of a paragraph.
    expect(matchMovesAcross([{ clause: 0, block: LIST(LONG) }], [atEnd])).toEqual([]);
  });

  it('should take a text of exactly eight words, and a target of seven words for none', () => {
    const eight = 'Each Party shall bear its own legal costs.';
    expect(matchMovesAcross([{ clause: 0, block: P(eight) }], [{ kind: 'whole', clause: 1, block: P(eight) }])).toEqual([{ from: 0, to: 0, at: 'whole' }]);
    // Seven of its eight words, in order: alike enough (words 2*7/15, pairs 2*6/13), but too short a target.
    expect(matchMovesAcross([{ clause: 0, block: P(eight) }], [{ kind: 'whole', clause: 1, block: P('Each Party shall bear its own costs.') }])).toEqual([]);
  });

  it('should find no move to a text inserted in another clause that is not alike, nor a merge that gained other words', () => {
    expect(matchMovesAcross([{ clause: 0, block: P(LONG) }], [{ kind: 'whole', clause: 1, block: P(OTHER) }])).toEqual([]);
    const kept = 'Payments shall be made within thirty days of the date of the invoice issued by the DCC.';
    const gainedOther: AcrossTarget = { kind: 'merge', clause: 3, old: P(kept), new: P(`${kept} ${OTHER}`) };
    expect(matchMovesAcross([{ clause: 0, block: P(LONG) }], [gainedOther])).toEqual([]);
    // Merged into a paragraph of its own clause: not a move across clauses.
    const sameClause: AcrossTarget = { kind: 'merge', clause: 0, old: P(kept), new: P(`${kept} ${LONG}`) };
    expect(matchMovesAcross([{ clause: 0, block: P(LONG) }], [sameClause])).toEqual([]);
  });

  it('should list the moves by deleted text, though the more alike is taken first', () => {
    // The second deleted text is found word for word, the first with a word added: listed first all the same.
    const deleted = [{ clause: 0, block: P(LONG) }, { clause: 0, block: P(OTHER) }];
    const targets: AcrossTarget[] = [{ kind: 'whole', clause: 1, block: P(LONG2) }, { kind: 'whole', clause: 2, block: P(OTHER) }];
    expect(matchMovesAcross(deleted, targets)).toEqual([{ from: 0, to: 0, at: 'whole' }, { from: 1, to: 1, at: 'whole' }]);
    // Two copies deleted, one target: the first copy takes it.
    expect(matchMovesAcross([{ clause: 0, block: P(LONG) }, { clause: 2, block: P(LONG) }], [{ kind: 'whole', clause: 1, block: P(LONG) }])).toEqual([{ from: 0, to: 0, at: 'whole' }]);
  });

  it('should take each deleted text and each target once, most alike first, listed by deleted text', () => {
    const deleted = [{ clause: 0, block: P(LONG2) }, { clause: 0, block: P(LONG) }];
    const targets: AcrossTarget[] = [{ kind: 'whole', clause: 1, block: P(LONG) }];
    // LONG is the target word for word (1); LONG2 is less alike, and the target is taken.
    expect(matchMovesAcross(deleted, targets)).toEqual([{ from: 1, to: 0, at: 'whole' }]);
    const two: AcrossTarget[] = [{ kind: 'whole', clause: 1, block: P(LONG2) }, { kind: 'whole', clause: 2, block: P(LONG) }];
    expect(matchMovesAcross(deleted, two)).toEqual([{ from: 0, to: 0, at: 'whole' }, { from: 1, to: 1, at: 'whole' }]);
  });
});

describe('regroupBlocks: splits beside blocks that kept their place among moves', () => {
  // Three sentences of eight words each: their paragraph is less than 0.6 alike to any one of them.
  const X = 'Alpha bravo charlie delta echo foxtrot golf hotel.';
  const Y = 'India juliet kilo lima mike november oscar papa.';
  const Z = 'Quebec romeo sierra tango uniform victor whiskey xray.';
  const XYZ = `${X} ${Y} ${Z}`;
  const C2 = C.replace('remotely', 'online');

  it('should split a paragraph that stands just before a block kept in place, in either text', () => {
    // A kept its place (anchor 2>3); the split's pieces end where A2 starts, and B moved past it.
    expect(regroup([P(XYZ), P(B), P(A)], [P(X), P(Y), P(Z), P(A2), P(B2)])).toEqual(['regrouped 0>0+1+2', 'moved from 1>4', 'pair 2>3', 'moved to 1>4']);
    // B kept its place (anchor 2>3); the paragraph split ends where B stands in the old text.
    expect(regroup([P(A), P(XYZ), P(B)], [P(X), P(Y), P(Z), P(B2), P(A2)])).toEqual(['moved from 0>4', 'regrouped 1>0+1+2', 'pair 2>3', 'moved to 0>4']);
  });

  it('should split a paragraph that stands just after a block kept in place, in either text', () => {
    // A kept its place (anchor 1>0): the paragraph starts right after it in the old text.
    expect(regroup([P(B), P(A), P(XYZ)], [P(A2), P(B2), P(X), P(Y), P(Z)])).toEqual(['moved from 0>1', 'pair 1>0', 'moved to 0>1', 'regrouped 2>2+3+4']);
    // A and B kept their places (anchors 1>0, 2>1): the pieces start right after B2 in the new text.
    expect(regroup([P(C), P(A), P(B), P(XYZ)], [P(A2), P(B2), P(X), P(Y), P(Z), P(C2)])).toEqual(['moved from 0>5', 'pair 1>0', 'pair 2>1', 'regrouped 3>2+3+4', 'moved to 0>5']);
  });

  it('should not split a paragraph across a block kept in place: before it in one text, after it in the other', () => {
    // A kept its place (anchor 2>0): the paragraph is before A in the old text, its pieces after A2 in the new.
    expect(regroup([P(B), P(XYZ), P(A)], [P(A2), P(X), P(Y), P(Z), P(B2)])).toEqual(['moved from 0>4', 'pair 1>-', 'pair 2>0', 'pair ->1', 'pair ->2', 'pair ->3', 'moved to 0>4']);
    expect(regroup([P(B), P(XYZ), P(A)], [P(A2), P(B2), P(X), P(Y), P(Z)])).toEqual(['moved from 0>1', 'pair 1>-', 'pair 2>0', 'moved to 0>1', 'pair ->2', 'pair ->3', 'pair ->4']);
    // A and C kept their places (anchors 0>4, 1>5): the paragraph is after them in the old text, its pieces before them in the new.
    expect(regroup([P(A), P(C), P(XYZ), P(B)], [P(B2), P(X), P(Y), P(Z), P(A2), P(C2)])).toEqual(['moved to 3>0', 'pair ->1', 'pair ->2', 'pair ->3', 'pair 0>4', 'pair 1>5', 'pair 2>-', 'moved from 3>0']);
    // The same with the paragraph right after the first block of the gap, A, kept in place (anchors 0>4, 2>5).
    expect(regroup([P(A), P(XYZ), P(C), P(B)], [P(B2), P(X), P(Y), P(Z), P(A2), P(C2)])).toEqual(['moved to 3>0', 'pair ->1', 'pair ->2', 'pair ->3', 'pair 0>4', 'pair 1>-', 'pair 2>5', 'moved from 3>0']);
  });

  it('should take two splits of one gap, the more alike first, and give them in order', () => {
    // Both paragraphs split; the second word for word, the first with a word changed (less alike, so taken second).
    expect(regroup([P(`${A} ${B}`), P(`${C} ${D}`)], [P(A2), P(B), P(C), P(D)])).toEqual(['regrouped 0>0+1', 'regrouped 1>2+3']);
  });
});

describe('regroupBlocks: the floor of a move', () => {
  it('should take a block exactly 0.6 alike for the same block moved', () => {
    // The same eleven words (1), of whose ten word pairs two are kept (0.2): 0.6, the floor.
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo'.split(' ');
    const reordered = [10, 9, 8, 7, 6, 5, 4, 2, 3, 0, 1].map((k) => words[k]).join(' ');
    expect(regroup([P(words.join(' ')), P(B), P(C)], [P(B), P(C), P(reordered)])).toEqual(['moved from 0>2', 'pair 1>0', 'pair 2>1', 'moved to 0>2']);
  });
});

describe('matchMovesAcross: where a merged paragraph kept its old text', () => {
  const LONG = 'The Authority may at any time require the DCC to provide a report on its compliance with this Condition.';
  const OTHER = 'Every Supplier Party shall keep records of each Smart Metering System it installs for six years.';
  const merged = (old: string, now: string): AcrossTarget => ({ kind: 'merge', clause: 3, old: P(old), new: P(now) });
  const moveOf = (target: AcrossTarget, deleted = [{ clause: 0, block: P(LONG) as Block }]) => matchMovesAcross(deleted as Array<{ clause: number; block: Extract<Block, { type: 'paragraph' }> }>, [target]);

  it('should read a paragraph whose old words begin it, and end it only in part, as gained at its end', () => {
    // `Payments due.` begins the new text; its last word alone ends it too, but the kept start is longer.
    expect(moveOf(merged('Payments due.', `Payments due. ${LONG} Payments due.`))).toEqual([{ from: 0, to: 0, at: 'end' }]);
    // Two words kept at the start, one at the end: at the end (the end's words are counted only past the start's).
    expect(moveOf(merged('Payments are due.', `Payments are ${LONG} are due.`))).toEqual([{ from: 0, to: 0, at: 'end' }]);
  });

  it('should take half of the old words kept at one end as enough, and as many kept at both ends as gained at the start', () => {
    // Two of four words kept at the start: half, enough.
    expect(moveOf(merged('Payments are due monthly.', `Payments are ${LONG}`))).toEqual([{ from: 0, to: 0, at: 'end' }]);
    // Two words kept at each end: at the start.
    expect(moveOf(merged('Payments are due monthly.', `Payments are ${LONG} due monthly.`))).toEqual([{ from: 0, to: 0, at: 'start' }]);
  });

  it('should look at a paragraph that gained as many words as the shortest deleted paragraph holds, however long the others', () => {
    const longer = `${OTHER} It shall make those records available to the Authority on request and without charge.`;
    expect(moveOf(merged('Payments are due.', `Payments are due. ${LONG}`), [{ clause: 0, block: P(LONG) }, { clause: 0, block: P(longer) }])).toEqual([{ from: 0, to: 0, at: 'end' }]);
  });

  it('should never read a deleted list as merged into a paragraph, beside a deleted paragraph', () => {
    expect(moveOf(merged('Payments are due.', `Payments are due. ${LONG}`), [{ clause: 0, block: P(OTHER) }, { clause: 0, block: LIST(LONG) }])).toEqual([]);
  });

  it('should need the paragraph to have gained four fifths of the words of the deleted one, counting those it lost', () => {
    // Ten words deleted; the paragraph kept four of its six words and took in the ten: it gained 14 - 6 = 8, four fifths.
    const ten = 'Each meter shall be read at least once every quarter.';
    expect(moveOf(merged('Payments are due monthly in arrears.', `Payments are due monthly ${ten}`), [{ clause: 0, block: P(ten) }])).toEqual([{ from: 0, to: 0, at: 'end' }]);
    // Kept four of its seven words: it gained 14 - 7 = 7, short of 8, though every deleted word is there; an eight-word
    // paragraph deleted beside it (unlike anything) lets the paragraph be looked at.
    const eight = 'Notices must be given in writing to everyone.';
    expect(moveOf(merged('Payments are due monthly in full arrears.', `Payments are due monthly ${ten}`), [{ clause: 0, block: P(ten) }, { clause: 0, block: P(eight) }])).toEqual([]);
  });

  it('should take a text exactly four fifths alike, inserted whole or merged, for the same text moved', () => {
    // The same eleven words (1), of whose ten word pairs six are kept (0.6): 0.8, the floor.
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo'.split(' ');
    const reordered = [9, 10, 7, 8, 5, 6, 3, 4, 0, 1, 2].map((k) => words[k]).join(' ');
    const deleted = [{ clause: 0, block: P(words.join(' ')) }];
    expect(matchMovesAcross(deleted, [{ kind: 'whole', clause: 1, block: P(reordered) }])).toEqual([{ from: 0, to: 0, at: 'whole' }]);
    expect(matchMovesAcross(deleted, [merged('Payments are due.', `Payments are due. ${reordered}`)])).toEqual([{ from: 0, to: 0, at: 'end' }]);
  });
});

describe('regroupBlocks: what a split must be', () => {
  const X = 'Alpha bravo charlie delta echo foxtrot golf hotel.';
  const Y = 'India juliet kilo lima mike november oscar papa.';
  const Z = 'Quebec romeo sierra tango uniform victor whiskey xray.';

  it('should not split a paragraph into pieces less than 0.6 alike to it, though more alike than either piece', () => {
    // Two of its three sentences, three words in each changed: 10 of 24 words, far under 0.6.
    const pieces = [P('Alpha bravo yankee delta zulu foxtrot apple hotel.'), P('India juliet mango lima peach november pear papa.')];
    expect(regroup([P(`${X} ${Y} ${Z}`)], pieces)).toEqual(['pair 0>0', 'pair ->1']);
  });

  it('should weigh a split only against the pieces that could be one: not a table, however alike', () => {
    // The table holds the old paragraph word for word, more alike than the reworded pieces; it is no piece.
    const X2 = 'Alpha bravo yankee delta zulu foxtrot golf hotel.';
    expect(regroup([P(`${X} ${Y}`)], [P(X2), P(Y), TABLE(`${X} ${Y}`)])).toEqual(['regrouped 0>0+1', 'pair ->2']);
  });

  it('should not split a paragraph into a piece and a paragraph of no words, which is no more alike than the piece', () => {
    expect(regroup([P(X.replace('golf', 'apple'))], [P(X), P('* — *')])).toEqual(['pair 0>0', 'pair ->1']);
  });

  it('should not merge paragraphs into a table', () => {
    expect(regroup([P(X), P(Y)], [TABLE(`${X} ${Y}`)])).toEqual(['pair 0>-', 'pair 1>-', 'pair ->0']);
  });
});

describe('regroupBlocks: pairing in order around blocks kept in place', () => {
  const X = 'Alpha bravo charlie delta echo foxtrot golf hotel.';
  const Y = 'India juliet kilo lima mike november oscar papa.';
  const Z = 'Quebec romeo sierra tango uniform victor whiskey xray.';

  it('should pair no block before a split with the split\'s pieces, though a block kept in place follows it', () => {
    // B moved to the end; A kept its place (anchor 3>3) right after the split paragraph; D has nothing to pair with.
    expect(regroup([P(B), P(D), P(`${X} ${Y} ${Z}`), P(A)], [P(X), P(Y), P(Z), P(A2), P(B2)])).toEqual(['moved from 0>4', 'pair 1>-', 'regrouped 2>0+1+2', 'pair 3>3', 'moved to 0>4']);
  });

  it('should pair a block kept in place with its counterpart, not with a block before it that fits', () => {
    // A kept its place (anchor 1>1), B moved; D, new, stands before A2 and is inserted.
    expect(regroup([P(B), P(A)], [P(D), P(A2), P(B2)])).toEqual(['moved from 0>2', 'pair ->0', 'pair 1>1', 'moved to 0>2']);
  });

  it('should pair past a block that does not fit in a gap after a block kept equal', () => {
    expect(regroup([P(C), P(A)], [P(C), TABLE('x'), P(A2)])).toEqual(['pair 0>0', 'pair ->1', 'pair 1>2']);
  });
});

describe('regroupItems and samePlaceReordered, more', () => {
  it('should pair an item reworded in place while another item moved', () => {
    const C2 = C.replace('remotely', 'online');
    const groups = regroupItems(LIST(A, B, C), LIST(B, C2, A2), key)!;
    expect(groups.map((g) => `${g.group.kind} ${g.old ?? '-'}>${g.new ?? '-'}`)).toEqual(['moved 0>-', 'pair 1>0', 'pair 2>1', 'moved ->2']);
  });

  it('should never take an item for two items merged, even when another item moved', () => {
    // The second item holds the first three new ones word for word (each under 0.6 alike to it, so none moved); D moved to the end.
    const X = 'Alpha bravo charlie delta echo foxtrot golf hotel.';
    const Y = 'India juliet kilo lima mike november oscar papa.';
    const Z = 'Quebec romeo sierra tango uniform victor whiskey xray.';
    const groups = regroupItems(LIST(D, `${X} ${Y} ${Z}`, C), LIST(X, Y, Z, C, D), key)!;
    expect(groups.map((g) => `${g.group.kind} ${g.old ?? '-'}>${g.new ?? '-'}`)).toEqual(['moved 0>-', 'pair 1>0', 'pair ->1', 'pair ->2', 'pair 2>3', 'moved ->4']);
  });

  it('should not call one block whose formatting alone changed a reordering', () => {
    const emphasised: Block = { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: A }] }] };
    expect(samePlaceReordered([P(A), P(B)], [emphasised, P(B)], key)).toBe(false);
  });
});

describe('regroupBlocks: a split may not take the counterpart of a block kept in place', () => {
  it('should not split a paragraph into pieces of which one is the new text of a block kept in place before it', () => {
    // A kept its place as A2 (anchor 1>0), B moved. The paragraph after A reads as A2 and X joined, but A2
    // is A's: the split would start at the anchor's new block, so it is not taken, and the paragraph pairs with X.
    const X = 'Alpha bravo charlie delta echo foxtrot golf hotel.';
    expect(regroup([P(B), P(A), P(`${A2} ${X}`)], [P(A2), P(X), P(B2)])).toEqual(['moved from 0>2', 'pair 1>0', 'pair 2>1', 'moved to 0>2']);
  });
});
