/**
 * More of stage 1 of the redline (src/diff/pair.ts) on small documents written here: how the
 * ordered alignment treats clauses without text, how two clauses with sub-clauses are measured,
 * that no two comparisons are mixed up, and the rounds of moves across the document. Every
 * expected pairing and similarity is worked out by hand from the rules in pair.ts's header.
 */
import { describe, expect, it } from 'vitest';
import { findPair, P1, P2, P3, pairing, pairOfOld, pairsOf as pairsShown, sentence, textOf, words } from './pairing.js';

/** The pairs written out, `()` for a clause without a number. */
const pairsOf = (a: string, b: string, similarityThreshold = 0.5) => pairsShown(a, b, similarityThreshold, '()');

/** The pair of the old clause with author key `key` (depth first). */
const pairOfKey = (a: string, b: string, key: string) => findPair(pairing(a, b).clauses, (old) => old.key === key);

/** Nine of ten words kept, the last replaced: words 2*9/20, word pairs 2*8/18. */
const amended = (i: number | string) => sentence([...words(i).slice(0, 9), `w${i}new`]);

describe('pairClauses: clauses without text in the ordered alignment', () => {
  // A thematic break (`---`) is content without text: 1.2 below holds one, and no text.
  it('should take two clauses without text as the same in order when their numbers are the same, whatever their content', () => {
    const old = `1.1 ${P1}\n\n1.2\n\n---\n\n(a) ${P2}\n`;
    // Same number: one clause, its sub-clause replaced (a deletion and an insertion below it).
    expect(pairsOf(old, `1.1 ${P1}\n\n1.2\n\n(a) ${P3}\n`)).toEqual(['1.1>1.1 number', '1.2>1.2 number', '  (a)>-', '  ->(a)']);
    expect(pairsOf(`1.1 ${P1}\n\n1.2\n\n(a) ${P3}\n`, old)).toEqual(['1.1>1.1 number', '1.2>1.2 number', '  (a)>-', '  ->(a)']);
    // Another number: nothing says they are one clause.
    expect(pairsOf(old, `1.1 ${P1}\n\n1.3\n\n(a) ${P3}\n`)).toEqual(['1.1>1.1 number', '1.2>-', '  (a)>-', '->1.3', '  ->(a)']);
  });

  it('should pair a clause that lost its number with its old self in order, as content, not as the same number', () => {
    const numbered = `## 1 Part\n\n### 1.2 Deliveries\n\n${P2}\n`;
    const unnumbered = `## 1 Part\n\n### Deliveries\n\n${P2}\n`;
    expect(pairsOf(numbered, unnumbered)).toEqual(['1>1 number', '  1.2>() content']);
    expect(pairsOf(unnumbered, numbered)).toEqual(['1>1 number', '  ()>1.2 content']);
  });

  it('should take two empty headings without a number as the same in order, as two clauses without a number', () => {
    // `###` alone is a clause with an empty heading and no number; the old one holds a break.
    const old = `## 1 Part\n\n###\n\n---\n\n1.1 ${P2}\n`;
    const neu = `## 1 Part\n\n###\n\n1.1 ${P3}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  ()>() content', '    1.1>-', '    ->1.1']);
    expect(pairsOf(neu, old)).toEqual(['1>1 number', '  ()>() content', '    1.1>-', '    ->1.1']);
  });
});

describe('pairClauses: the whole text of clauses with sub-clauses', () => {
  it('should compare a clause with sub-clauses and one without by their whole texts, either way round', () => {
    // "alpha beta" with (a) "gamma delta", against "alpha beta gamma delta": the same four words
    // (words 1); word pairs 2*2/5 ("alpha beta", "gamma delta"; no pair across two clauses).
    const split = '1.1 Alpha beta. {#k}\n\n(a) gamma delta;\n';
    const whole = '1.1 Alpha beta gamma delta. {#k}\n';
    expect(pairOfKey(split, whole, 'k').similarity).toBeCloseTo((1 + 4 / 5) / 2, 10);
    expect(pairOfKey(whole, split, 'k').similarity).toBeCloseTo((1 + 4 / 5) / 2, 10);
  });

  it('should count every sub-clause only one side holds, whichever side saw its content first', () => {
    // Old 1.1's own text "Alpha beta." is new 1.2's: compared first (keys pair in document
    // order), it is known before old 1.2's sub-clause (b), which new 1.2 does not have.
    const old = '1.1 Alpha beta. {#k1}\n\n(a) gamma delta;\n\n1.2 Zeta eta. {#k2}\n\n(a) gamma delta;\n\n(b) epsilon theta.\n';
    const neu = '1.1 Alpha omega. {#k1}\n\n(a) gamma delta;\n\n1.2 Alpha beta. {#k2}\n\n(a) gamma delta;\n';
    // 1.2: "zeta eta", "gamma delta", "epsilon theta" against "alpha beta", "gamma delta":
    // words 2*2/10, word pairs 2*1/5.
    expect(pairOfKey(old, neu, 'k2').similarity).toBeCloseTo((4 / 10 + 2 / 5) / 2, 10);
  });

  it('should count a sub-clause with a heading and no text, or only a table after its own sub-clauses, by its words', () => {
    // 1.1 "scope" against "terms"; the part "alpha beta" against "alpha omega"; (a) the same.
    // Words 2*3/10 (alpha, gamma, delta), word pairs 2*1/4 (gamma delta).
    const headed = (part: string, h: string) => `## 1 ${part} {#k}\n\n### 1.1 ${h}\n\n(a) gamma delta;\n`;
    expect(pairOfKey(headed('Alpha beta', 'Scope'), headed('Alpha omega', 'Terms'), 'k').similarity).toBeCloseTo((6 / 10 + 2 / 4) / 2, 10);
    // The same with a one-cell table after 1.1's sub-clause (its tail), "kappa" against "lambda".
    const tabled = (part: string, cell: string) => `## 1 ${part} {#k}\n\n1.1\n\n(a) gamma delta;\n\n| ${cell} |\n|---|\n`;
    expect(pairOfKey(tabled('Alpha beta', 'Kappa'), tabled('Alpha omega', 'Lambda'), 'k').similarity).toBeCloseTo((6 / 10 + 2 / 4) / 2, 10);
  });

  it('should pair by key at similarity 1 a clause whose own text is the same, its sub-clauses changed', () => {
    const p = pairOfKey('1.1 Alpha beta. {#k}\n\n(a) gamma delta;\n', '1.1 Alpha beta. {#k}\n\n(a) epsilon zeta;\n', 'k');
    expect([p.basis, p.similarity, p.children.map((c) => `${c.old?.number ?? '-'}>${c.new?.number ?? '-'}`)]).toEqual(['key', 1, ['(a)>-', '->(a)']]);
  });
});

describe('pairClauses: every comparison of a gap on its own', () => {
  it('should pair only the two clauses of a gap whose texts are alike, however many old clauses the gap holds', () => {
    // Five old clauses against three new: only old 1.1 has a counterpart (new 1.2, amended).
    const old = [1, 2, 3, 4, 5].map((i) => `1.${i} ${sentence(words(i))}`).join('\n\n');
    const neu = `1.1 ${sentence(words(6))}\n\n1.2 ${amended(1)}\n\n1.3 ${sentence(words(7))}\n`;
    expect(pairsOf(old, neu)).toEqual(['->1.1', '1.1>1.2 content', '1.2>-', '1.3>-', '1.4>-', '1.5>-', '->1.3']);
  });

  it('should pair only the two clauses of a gap whose texts are alike, the old one first and the new one last', () => {
    const neu = `1.1 ${sentence(words(6))}\n\n1.2 ${sentence(words(7))}\n\n1.3 ${amended(1)}\n`;
    expect(pairsOf(`1.1 ${sentence(words(1))}\n\n1.2 ${sentence(words(2))}\n`, neu)).toEqual(['->1.1', '->1.2', '1.1>1.3 content', '1.2>-']);
  });
});

describe('pairClauses: rounds of moves across the document', () => {
  it('should pair across the document, in the next round, a copy left alone once another copy paired in order', () => {
    // "Reserved for later use." stands twice on each side: no copy pairs by its text at first.
    // 1.2 pairs with its old self (its (a) went there, and it kept its number and parent), its
    // (c) then pairs in order, and the copy left on each side, old 2.2 and new 3.1, is one clause.
    const D = 'Reserved for later use.';
    const old = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Deliveries\n\n(a) ${sentence(words(1))}\n\n(b) ${sentence([...words(2), ...words(3)])}\n\n(c) ${D}\n\n## 2 Other\n\n2.1 ${P3}\n\n2.2 ${D}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Reports\n\n(a) ${amended(1)}\n\n(b) ${sentence([...words(4), ...words(5)])}\n\n(c) ${D}\n\n## 2 Other\n\n2.1 ${P3}\n\n## 3 Annex\n\n3.1 ${D}\n`;
    expect(pairsOf(old, neu)).toEqual([
      '1>1 number',
      '  1.1>1.1 number',
      '  1.2>1.2 number',
      '    (a)>(a) number',
      '    (b)>-',
      '    ->(b)',
      '    (c)>(c) number',
      '2>2 number',
      '  2.1>2.1 number',
      '->3',
      '  2.2>3.1 content',
    ]);
  });
});

describe('pairClauses: moves equally alike', () => {
  it('should take equally alike moves in document order, the old clause first, then the new', () => {
    // Old 1.2 and 1.4 are one text C, 1.3 another, D. New 2.2 is C with its first word replaced,
    // 2.3 C with its last replaced, and D is 2.3 with its first replaced: C-2.2, C-2.3 and D-2.3
    // are equally alike (words 2*9/20, word pairs 2*8/18), D-2.2 less.
    const c = words(1);
    const e = ['wEa', ...c.slice(1)];
    const f = [...c.slice(0, 9), 'wFj'];
    const d = ['wDa', ...f.slice(1)];
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${sentence(c)}\n\n1.3 ${sentence(d)}\n\n1.4 ${sentence(c)}\n\n## 2 Other\n\n2.1 ${P3}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n2.2 ${sentence(e)}\n\n2.3 ${sentence(f)}\n`;
    // 1.2 takes the first of its two, 2.2; 1.3 the one left alike, 2.3; 1.4 none.
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.4>-', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content', '  1.3>2.3 content']);
  });
});

describe('pairClauses: a clause moved with its sub-clauses', () => {
  it('should show each sub-clause of a clause moved unchanged once, where it pairs', () => {
    // "Deliveries" (no number) with (a) and (b) moves unchanged to Part 2; a copy of (a)'s text
    // also stands first in the new document, as 0.1. Old (a) pairs with the first of its two
    // equal copies, 0.1, and the (a) below "Deliveries" is shown inserted: no old clause is shown twice.
    const a = sentence(words(1));
    const b = sentence(words(2));
    const moved = `### Deliveries\n\n${P2}\n\n(a) ${a}\n\n(b) ${b}`;
    const old = `## 1 Part\n\n1.1 ${P1}\n\n${moved}\n\n## 2 Other\n\n2.1 ${P3}\n`;
    const neu = `## 0 Intro\n\n0.1 ${a}\n\n## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n${moved}\n`;
    expect(pairsOf(old, neu)).toEqual([
      '->0',
      '  (a)>0.1 content',
      '1>1 number',
      '  1.1>1.1 number',
      '2>2 number',
      '  2.1>2.1 number',
      '  ()>() content',
      '    ->(a)',
      '    (b)>(b) number',
    ]);
  });
});

describe('pairClauses: keys shared on one side', () => {
  it('should list the sub-clauses of a clause paired by key, unchanged below, when a key below it stands twice on one side', () => {
    // 1.1 and its (a) are the same on both sides; (a)'s key also names 1.0 on one side, so only
    // 1.1 pairs by key, and its (a) pairs with its twin by the ordered alignment.
    const one = `1.1 ${P1} {#k1}\n\n(a) ${P2} {#k2}\n`;
    const twice = `1.0 ${P3} {#k2}\n\n${one}`;
    const shown = (a: string, b: string) => pairing(a, b).clauses.map((p) => [p.old?.number ?? '-', p.new?.number ?? '-', p.basis, p.identicalBelow, p.children.map((c) => `${c.old?.number}>${c.new?.number} ${c.basis}`)]);
    expect(shown(one, twice)).toEqual([
      ['-', '1.0', null, 0, []],
      ['1.1', '1.1', 'key', 0, ['(a)>(a) number']],
    ]);
    expect(shown(twice, one)).toEqual([
      ['1.0', '-', null, 0, []],
      ['1.1', '1.1', 'key', 0, ['(a)>(a) number']],
    ]);
  });
});

describe('pairClauses: the index of word pairs that finds moves', () => {
  // Eleven words; the new text has the same words (Dice 1) and only the last two of its ten word
  // pairs from the old ("iota kappa", "kappa lambda": Dice 0.2): a similarity of 0.6 exactly.
  const OLD = 'Alpha beta gamma delta epsilon zeta theta iota kappa lambda omicron.';
  const NEW = 'Omicron zeta beta theta delta alpha epsilon gamma iota kappa lambda.';

  const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${OLD}\n\n## 2 Other\n\n2.1 ${P3}\n`;
  const part2 = (...clauses: string[]) => `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n${clauses.map((c, i) => `2.${i + 2} ${c}`).join('\n\n')}\n`;

  it('should find a moved clause among several new clauses by the word pairs it shares with one of them', () => {
    // New 2.2 holds "iota kappa" too, and no other word of the old text.
    const neu = part2(`${sentence(words(1))} Iota kappa.`, NEW, sentence(words(2)));
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  ->2.2', '  1.2>2.3 content', '  ->2.4']);
    // The same as the last new clause, and as the first.
    expect(pairsOf(old, part2(sentence(words(1)), NEW))).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  ->2.2', '  1.2>2.3 content']);
    expect(pairsOf(old, part2(NEW, sentence(words(1))))).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content', '  ->2.3']);
  });

  it('should not pair a moved clause by word pairs more than 64 new clauses hold', () => {
    // Old 1.2 is a stock phrase and two words of its own; each new clause the phrase and two others
    // (words 2*10/24, word pairs 2*9/22: 0.83 alike). Its last two words stand in a new clause
    // after them, as a word pair no other holds.
    const phrase = words('p');
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${sentence([...phrase, 'wold1', 'wold2'])}\n\n## 2 Other\n\n2.1 ${P3}\n`;
    const stock = (count: number) => Array.from({ length: count }, (_, i) => sentence([...phrase, `wt${i}x`, `wt${i}y`]));
    const last = sentence([...words('u'), 'wold1', 'wold2']);
    // 64 of them: the phrase still suggests a move, and the first of the equally alike pairs.
    expect(pairOfOld(old, part2(...stock(64), last), '1.2').new?.number).toBe('2.2');
    // 65: no word pair of the phrase suggests anything, and one pair shared is not enough.
    expect(pairOfOld(old, part2(...stock(65), last), '1.2').new).toBeNull();
  });
});

describe('pairClauses: large parts compared by the sub-clauses kept word for word', () => {
  /** 80 words no other text here has: a sub-clause of some 600 characters. */
  const long = (i: number) => sentence(Array.from({ length: 80 }, (_, k) => `w${i}x${k}`));
  /** What the digest adds up below a part: each sub-clause's text and the character that joins it to its (absent) heading; 0 for one without text. */
  const textBelow = (texts: string[]) => texts.reduce((sum, t) => sum + (t ? t.length + 1 : 0), 0);
  const RESERVED = 'Reserved for later use.';

  it('should measure a part renamed against two old parts by the share of sub-clause contents both hold, each counted once', () => {
    // Old Part 1, all its own; old Part 2, 2.1-2.45; new Part 2 renamed "Gamma": 2.39 and 2.40
    // replaced (by old 1.1, moved, and a new text), one of two copies of a text kept, the
    // sub-clause without text 2.43 renumbered 2.44, 2.45 kept.
    const part1 = Array.from({ length: 40 }, (_, k) => `1.${k + 1} ${long(101 + k)}`);
    const kept = Array.from({ length: 38 }, (_, k) => `2.${k + 1} ${long(k + 1)}`);
    const old = [
      `## 1 Alpha\n\nStand: 2011.`,
      ...part1,
      `## 2 Beta\n\nStand: 2011.`,
      ...kept,
      `2.39 ${long(39)}`,
      `2.40 ${long(40)}`,
      `2.41 ${RESERVED}`,
      `2.42 ${RESERVED}`,
      `2.43\n\n(a) ${long(43)}`,
      `2.45\n\n(a) ${long(45)}`,
    ].join('\n\n');
    const neu = [`## 2 Gamma\n\nStand: 2011.`, ...kept, `2.39 ${long(101)}`, `2.40 ${long(200)}`, `2.41 ${RESERVED}`, `2.44\n\n(a) ${long(43)}`, `2.45\n\n(a) ${long(45)}`].join('\n\n');
    const oldBelow = textBelow([...Array.from({ length: 40 }, (_, k) => long(k + 1)), RESERVED, RESERVED, '', long(43), '', long(45)]);
    const newBelow = textBelow([...Array.from({ length: 38 }, (_, k) => long(k + 1)), long(101), long(200), RESERVED, '', long(43), '', long(45)]);
    expect(oldBelow + newBelow).toBeGreaterThan(40_000);
    const p = pairOfOld(`${old}\n`, `${neu}\n`, '2');
    expect([p.new?.heading, p.basis]).toEqual(['Gamma', 'number']);
    // Sub-clause contents: old 46 (2.41's twice), new 45; in common 2.1-2.38, one copy of 2.41,
    // 2.44's (a) and 2.45 with its (a): 42. Own words "beta stand 2011" and "gamma stand 2011":
    // words 2*2/6, word pairs 2*1/4, over 17 + 18 characters (heading, joining character, text).
    const own = (4 / 6 + 2 / 4) / 2;
    expect(p.similarity).toBeCloseTo((own * 35 + (84 / 91) * (oldBelow + newBelow)) / (35 + oldBelow + newBelow), 12);
  });

  /** `count` words of six characters (`x00001`...), `last` for the last one, as a sentence: 7 characters a word. */
  const run = (count: number, last = `x${String(count).padStart(5, '0')}`) => sentence([...Array.from({ length: count - 1 }, (_, k) => `x${String(k + 1).padStart(5, '0')}`), last]);

  it('should compare two clauses by their whole text up to 40 000 characters below both, and by the sub-clauses kept above', () => {
    // (a) 2857 words, 19 999 characters, its last word changed: 20 000 below each with the joining character.
    const clause = (own: string, last?: string) => `1.1 ${own} {#k}\n\n(a) ${run(2857, last)}\n`;
    expect(run(2857)).toHaveLength(19_999);
    const W = 2857;
    // Whole texts: words "alpha beta" + W against "alpha beta gamma" + W, W + 1 in common;
    // word pairs W against W + 1, W - 1 in common (no pair across two clauses).
    const whole = ((2 * (W + 1)) / (2 * W + 5) + (2 * (W - 1)) / (2 * W + 1)) / 2;
    expect(pairOfKey(clause('Alpha beta.'), clause('Alpha beta gamma.', 'y00000'), 'k').similarity).toBeCloseTo(whole, 12);
    // One character more: the own words ("alpha beta" against "alpha beta gamma": words 2*2/5,
    // word pairs 2*1/3) over 12 + 18 characters, and no sub-clause kept, over 40 001.
    const own = (4 / 5 + 2 / 3) / 2;
    expect(pairOfKey(clause('Alpha beta.'), clause('Alpha beta gamma.', 'y000000'), 'k').similarity).toBeCloseTo((own * 30) / (30 + 40_001), 12);
  });

  it('should compare a clause with more than 40 000 characters below it and one without sub-clauses by their whole text', () => {
    // 5715 words in (a), 40 005 characters; the new clause holds them in its own text.
    const W = 5715;
    const split = `1.1 Alpha beta. {#k}\n\n(a) ${run(W)}\n`;
    const folded = `1.1 Alpha beta ${run(W)} {#k}\n`;
    // The same words; word pairs W (no pair across two clauses) against W + 1, all W in common.
    expect(pairOfKey(split, folded, 'k').similarity).toBeCloseTo((1 + (2 * W) / (2 * W + 1)) / 2, 12);
  });
});

describe('pairClauses: a large part whose sub-clause moved out, just past its end', () => {
  it('should not count a sub-clause as kept in the other part when it went to the clause right after that part', () => {
    // Part 1 (over 20,000 characters below) loses 1.21 and is paired by heading; 1.21 becomes
    // a part of its own. Where that new part stands, right after part 1 or at the end, cannot
    // change how much of part 1 was kept.
    const subs = Array.from({ length: 20 }, (_, k) => `1.${k + 1} ${textOf(`x${k}`, 1100)}`).join('\n\n');
    const moved = 'The moved provision keeps every word of its text when it becomes a part of its own.';
    const old = `## 1 Alpha\n\nOwn text.\n\n${subs}\n\n1.21 ${moved}\n\n## 3 Gamma\n\nOther text here.\n`;
    const justAfter = `## 1 Alpha\n\nOwn text changed.\n\n${subs}\n\n## 2\n\n${moved}\n\n## 3 Gamma\n\nOther text here.\n`;
    const atTheEnd = `## 1 Alpha\n\nOwn text changed.\n\n${subs}\n\n## 3 Gamma\n\nOther text here.\n\n## 4\n\n${moved}\n`;
    const top = (neu: string) => pairing(old, neu).clauses.map((p) => `${p.old?.number ?? '-'}>${p.new?.number ?? '-'} ${p.basis}`);
    expect(top(justAfter)).toEqual(['1>1 number', '1.21>2 content', '3>3 number']);
    expect(top(atTheEnd)).toEqual(['1>1 number', '3>3 number', '1.21>4 content']);
    const part1 = (neu: string) => pairOfOld(old, neu, '1').similarity;
    expect(part1(justAfter)).toBeLessThan(1);
    expect(part1(justAfter)).toBe(part1(atTheEnd));
  });
});
