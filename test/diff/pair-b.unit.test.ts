/**
 * Stage 1 of the redline (src/diff/pair.ts), its later steps, on small documents written here:
 * the rounds of moves and parents, the last sweep by number, the gaps between unchanged clauses,
 * large parts paired by heading, the search for moved text through rare word pairs, and parents
 * paired by where their children went. Every expected pairing is worked out by hand from the
 * rules in pair.ts's header and the comments of the steps.
 */
import { describe, expect, it } from 'vitest';
import { P1, P2, P3, P4, P5, P6, pairing, pairOfOld, pairsOf, sentence, textOf, words } from './pairing.js';

/** Ten words, the last one changed: words 2*9/20, word pairs 2*8/18, about 0.89 alike. */
const amend = (i: number | string) => sentence([...words(i).slice(0, 9), `w${i}changed`]);

describe('pairClauses: rounds of moves and parents', () => {
  /**
   * `levels` clauses one inside the other (1.1, 1.1.1, ...), each with a short text of its own
   * that is different on the two sides, above one provision `leaf`; under Part 1 in the old
   * document and under Part 2, as 2.2, in the new one.
   */
  function chain(levels: number, oldLeaf: string, newLeaf: string): [string, string] {
    const clauses = (root: string, tag: string, leaf: string) => {
      const out: string[] = [];
      let number = root;
      for (let d = 0; d < levels; d++) {
        number += '.1';
        out.push(`${number} ${tag} ${d}.`);
      }
      out.push(`${number}.1 ${leaf}`);
      return out.join('\n\n');
    };
    return [
      `## 1 Part\n\n${clauses('1', 'Old', oldLeaf)}\n\n## 2 Other\n\n2.1 ${P5}\n`,
      `## 1 Part\n\n## 2 Other\n\n2.1 ${P5}\n\n${clauses('2', 'New', newLeaf).replace(/^2\.1(?=\.| )/gm, '2.2')}\n`,
    ];
  }

  // The provision pairs as a move in the first round, its parent by where it went in the same
  // round, and each clause above in a round of its own: four rounds reach four levels, the
  // fifth level stays a deletion and an insertion.
  const CLIMBED = ['1>1 number', '  1.1>-', '2>2 number', '  2.1>2.1 number', '  ->2.2', '    1.1.1>2.2.1 content', '      1.1.1.1>2.2.1.1 content', '        1.1.1.1.1>2.2.1.1.1 content', '          1.1.1.1.1.1>2.2.1.1.1.1 content', '            1.1.1.1.1.1.1>2.2.1.1.1.1.1 content'];

  it('should pair the parents of a clause moved unchanged one level per round, up to four levels', () => {
    expect(pairsOf(...chain(5, P1, P1))).toEqual(CLIMBED);
  });

  it('should pair the parents of a clause moved and reworded one level per round, up to four levels', () => {
    expect(pairsOf(...chain(5, sentence(words(1)), amend(1)))).toEqual(CLIMBED);
  });

  it('should pair every parent of a moved clause two levels deep', () => {
    expect(pairsOf(...chain(2, P1, P1))).toEqual(['1>1 number', '2>2 number', '  2.1>2.1 number', '  1.1>2.2 content', '    1.1.1>2.2.1 content', '      1.1.1.1>2.2.1.1 content']);
  });
});

describe('pairClauses: the last sweep by number', () => {
  it('should align the sub-clauses of two clauses paired by number in the sweep by their text', () => {
    // Own texts share three words of ten (words 2*3/20, word pairs 2*2/18: 0.26); with the
    // sub-clauses, below the threshold of 0.5 and above 0.2: 1.2 pairs with 1.2 in the sweep.
    // Its sub-clauses are relettered: the same text pairs in order, whatever the letter.
    const own = (i: number) => sentence([...words(7).slice(0, 3), ...words(i).slice(3)]);
    const doc = (text: string, subs: string) => `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${text}\n\n${subs}\n`;
    expect(pairsOf(doc(own(8), '(a) Alpha one.\n\n(b) Beta two.'), doc(own(9), '(a) Gamma three.\n\n(b) Alpha one.\n\n(c) Beta two.'))).toEqual([
      '1>1 number',
      '  1.1>1.1 number',
      '  1.2>1.2 number',
      '    ->(a)',
      '    (a)>(b) content',
      '    (b)>(c) content',
    ]);
  });
});

describe('pairClauses: gaps between unchanged clauses', () => {
  it('should compare a clause only with the clauses of its own gap, between the same unchanged neighbours', () => {
    // Old 1.4 and new 1.2 are 0.578 alike (six words of ten kept: words 2*6/20, word pairs 2*5/18),
    // above the threshold but in different gaps (1.3 stands between them), and below what a move
    // needs: a deletion and an insertion.
    const sixOfTen = sentence([...words(2).slice(0, 6), ...words('2z').slice(6)]);
    const old = `1.1 ${P1}\n\n1.2 ${sentence(words(1))}\n\n1.3 ${P3}\n\n1.4 ${sentence(words(2))}\n`;
    const neu = `1.1 ${P1}\n\n1.2 ${sixOfTen}\n\n1.3 ${P3}\n\n1.4 ${sentence(words(3))}\n`;
    expect(pairsOf(old, neu)).toEqual(['1.1>1.1 number', '1.2>-', '->1.2', '1.3>1.3 number', '1.4>-', '->1.4']);
    // The same two clauses in one gap pair.
    expect(pairsOf(`1.1 ${P1}\n\n1.2 ${sentence(words(2))}\n`, `1.1 ${P1}\n\n1.2 ${sentence(words(3))}\n\n1.3 ${sixOfTen}\n`)).toEqual(['1.1>1.1 number', '->1.2', '1.2>1.3 content']);
  });

  it('should pair two clauses of a gap whose similarity is the threshold exactly', () => {
    // The same eleven words (Dice 1), two of ten word pairs kept ("al be", "ga de": Dice 0.2):
    // 0.6. Short texts (33 characters), which no search across the document takes.
    const o = 'Al be ga de ep ze th io ka la om.';
    const n = 'Ka al be ze io ga de om ep la th.';
    expect(pairsOf(`1.1 ${P1}\n\n1.2 ${o}\n`, `1.1 ${P1}\n\n1.2 ${P3}\n\n1.3 ${n}\n`, 0.6)).toEqual(['1.1>1.1 number', '->1.2', '1.2>1.3 content']);
    expect(pairsOf(`1.1 ${P1}\n\n1.2 ${o}\n`, `1.1 ${P1}\n\n1.2 ${P3}\n\n1.3 ${n}\n`, 0.61)).toEqual(['1.1>1.1 number', '1.2>-', '->1.2', '->1.3']);
  });

  it('should pair two clauses of a gap whose headings are 0.6 alike exactly, their texts 20% alike or more', () => {
    // Headings: the eleven words above reordered, 0.6 alike. Heading and text as one run of
    // words share the eleven words and two word pairs: 0.386, below the threshold asked for.
    const ho = 'Al be ga de ep ze th io ka la om';
    const hn = 'Ka al be ze io ga de om ep la th';
    const old = `1.1 ${P1}\n\n### 1.2 ${ho}\n\n${sentence(words(1).slice(0, 6))}\n`;
    const neu = `1.1 ${P1}\n\n1.2 ${P3}\n\n### 1.3 ${hn}\n\n${sentence(words(2).slice(0, 6))}\n`;
    expect(pairsOf(old, neu, 0.9)).toEqual(['1.1>1.1 number', '->1.2', '1.2>1.3 content']);
  });

  it('should not pair two clauses with the same number and heading whose texts are less than 20% alike', () => {
    // Thirty words each, none in common; sub-clauses likewise: only the heading is shared.
    const long = (i: number) => sentence([...words(i), ...words(`${i}x`), ...words(`${i}y`)]);
    const doc = (a: number, b: number) => `1.1 ${P1}\n\n### 1.2 Reports to the Panel\n\n${long(a)}\n\n(a) ${long(b)}\n`;
    expect(pairsOf(doc(1, 2), doc(3, 4))).toEqual(['1.1>1.1 number', '1.2>-', '  (a)>-', '->1.2', '  ->(a)']);
  });
  it('should pair two clauses of a gap whose headings are alike when their texts are 20% alike exactly', () => {
    // "Alpha" against "Alpha" and eight more words: one word of ten in common (a one-word text
    // compares by words alone), 0.2; the headings are the same.
    const old = `1.1 ${P1}\n\n### 1.2 Alpha\n`;
    const neu = `1.1 ${P1}\n\n1.2 ${P3}\n\n### 1.3 Alpha\n\nBeta gamma delta epsilon zeta eta theta iota.\n`;
    expect(pairsOf(old, neu)).toEqual(['1.1>1.1 number', '->1.2', '1.2>1.3 content']);
  });
});

describe('pairClauses: the best candidates of a gap', () => {
  const w = words(1);
  // Old 1.2 against: its last two words changed (words 2*8/20, word pairs 2*7/18: 0.789); a
  // middle word changed (words 2*9/20, word pairs 2*7/18: 0.839).
  const LAST_TWO = sentence([...w.slice(0, 8), 'w1y', 'w1z']);
  const MIDDLE = sentence([...w.slice(0, 4), 'w1q', ...w.slice(5)]);

  it('should keep an amended clause at its number over a text of another number less than 0.1 more alike', () => {
    expect(pairsOf(`1.1 ${P1}\n\n1.2 ${sentence(w)}\n`, `1.1 ${P1}\n\n1.2 ${LAST_TWO}\n\n1.3 ${MIDDLE}\n`)).toEqual(['1.1>1.1 number', '1.2>1.2 number', '->1.3']);
  });

  it('should prefer the clause that kept the heading to a text more alike under another heading', () => {
    // Heading and text as one run of words: old 1.2 and new 1.3 (another heading, the same
    // text) 0.79 alike; new 1.4 (the same heading, six words of ten kept) 0.70, and 0.6 more
    // for the heading.
    const six = sentence([...w.slice(0, 6), 'w1u', 'w1v', 'w1y', 'w1z']);
    const old = `1.1 ${P1}\n\n### 1.2 Reports to the Panel\n\n${sentence(w)}\n`;
    const neu = `1.1 ${P1}\n\n### 1.3 Membership\n\n${sentence(w)}\n\n### 1.4 Reports to the Panel\n\n${six}\n`;
    expect(pairsOf(old, neu)).toEqual(['1.1>1.1 number', '->1.3', '1.2>1.4 content']);
  });
});

describe('pairClauses: moves across the document', () => {
  const moved = (o: string, n: string) => pairsOf(`## 1 Part\n\n1.1 ${P1}\n\n1.2 ${o}\n\n## 2 Other\n\n2.1 ${P2}\n`, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P2}\n\n2.2 ${n}\n`);
  // 39 and 38 characters; words 2*4/12, word pairs 2*3/10: 0.633 alike.
  const IN_PERSON = 'Members attend every meeting in person.';
  const BY_PHONES = 'Members attend every meeting by phones.';
  const BY_PHONE = 'Members attend every meeting by phone.';

  it('should pair a clause moved and reworded when both texts are 39 characters or more (40 with the join)', () => {
    expect(moved(IN_PERSON, BY_PHONES)).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content']);
  });

  it('should not pair a clause moved and reworded when one of the texts is shorter than 39 characters', () => {
    const apart = ['1>1 number', '  1.1>1.1 number', '  1.2>-', '2>2 number', '  2.1>2.1 number', '  ->2.2'];
    expect(moved(IN_PERSON, BY_PHONE)).toEqual(apart);
    expect(moved(BY_PHONE, IN_PERSON)).toEqual(apart);
  });

  it('should pair a clause moved with a word changed for another of the same length, its first and last words kept', () => {
    const middle = sentence([...words(1).slice(0, 4), 'w1q', ...words(1).slice(5)]);
    expect(moved(sentence(words(1)), middle)).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content']);
  });

  it('should pair no copy of a short text that stands twice on the new side', () => {
    const once = `## 1 Part\n\n1.1 ${P1}\n\n1.2 Reserved for later use.\n\n## 2 Other\n\n2.1 ${P2}\n`;
    const twice = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P2}\n\n2.2 Reserved for later use.\n\n2.3 Reserved for later use.\n`;
    expect(pairsOf(once, twice)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '2>2 number', '  2.1>2.1 number', '  ->2.2', '  ->2.3']);
  });
});


/**
 * A part `number` with heading "Alpha", its own text `own`, and twenty provisions of `each`
 * characters below, whose words come from `tag`: `20 * (each + 1)` characters below (each text
 * and the character that joins it to its absent heading).
 */
function part(number: string, own: string, tag: string, each: number, heading = 'Alpha'): string {
  const subs = Array.from({ length: 20 }, (_, k) => `${number}.${k + 1} ${textOf(`${tag}${k}`, each)}`);
  return `## ${number} ${heading}\n\n${own}\n\n${subs.join('\n\n')}\n`;
}

describe('pairClauses: large parts paired by heading and number', () => {
  /** Top-level pairs as `old>new basis`, and how many sub-clauses each lists. */
  const top = (a: string, b: string) => pairing(a, b).clauses.map((p) => `${p.old?.number ?? '-'}>${p.new?.number ?? '-'}${p.basis ? ` ${p.basis}` : ''} ${p.children.length}`);

  it('should pair two parts of more than 20,000 characters below with the same number and heading, whatever their text', () => {
    expect(textOf('x', 1000)).toHaveLength(1000);
    // Every provision replaced: nothing in common but the number and heading, "Alpha".
    const p = pairing(part('1', 'Stand: 2011.', 'old', 1000), part('1', 'Stand: 2012.', 'new', 1000)).clauses;
    expect(p.map((x) => [x.old?.number, x.new?.number, x.basis])).toEqual([['1', '1', 'number']]);
    // Their sub-clauses, none kept, are deletions and insertions.
    expect(p[0]!.children.filter((c) => c.old && c.new)).toEqual([]);
    expect(p[0]!.children).toHaveLength(40);
  });

  it('should compare a part grown above 20,000 characters with its old self by its text', () => {
    // Old: ten provisions of 1,000 characters; new: the same ten, and ten more. Words and word
    // pairs: half of the new text is the old text, about 0.67 alike.
    const subs = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `1.${from + k + 1} ${textOf(`p${from + k}`, 1000)}`).join('\n\n');
    const p = pairing(`## 1 Alpha\n\nStand: 2011.\n\n${subs(0, 10)}\n`, `## 1 Alpha\n\nStand: 2012.\n\n${subs(0, 10)}\n\n${subs(10, 20)}\n`).clauses;
    expect(p.map((x) => `${x.old?.number ?? '-'}>${x.new?.number ?? '-'} ${x.basis}`)).toEqual(['1>1 number']);
    expect(p[0]!.similarity).toBeGreaterThan(0.6);
    expect(p[0]!.similarity).toBeLessThan(0.7);
  });

  it('should not pair by heading two parts of 20,000 characters below exactly', () => {
    expect(top(part('1', 'Stand: 2011.', 'old', 999), part('1', 'Stand: 2012.', 'new', 999))).toEqual(['1>- 20', '->1 20']);
  });

  it('should not pair by heading two large parts with the same heading and different numbers', () => {
    expect(top(part('1', 'Stand: 2011.', 'old', 1000), part('2', 'Stand: 2012.', 'new', 1000))).toEqual(['1>- 20', '->2 20']);
  });

  it('should pair the first of two old large parts with the same number and heading', () => {
    const old = `${part('1', 'Stand: 2010.', 'first', 1000)}\n${part('1', 'Stand: 2011.', 'second', 1000)}`;
    expect(top(old, part('1', 'Stand: 2012.', 'new', 1000))).toEqual(['1>1 number 40', '1>- 20']);
  });
});

describe('pairClauses: parents by where their children went', () => {
  /** Old Part 1 holds 1.1 "Deliveries" and 1.2 "Reports" with sub-clauses `a` and `b`; new 2.2 "Obligations" holds `c`. */
  const OLD = (a: string, b: string) => `## 1 Part\n\n### 1.1 Deliveries\n\n${a}\n\n### 1.2 Reports\n\n${b}\n\n## 2 Other\n\n2.1 ${P5}\n`;
  const NEW = (c: string) => `## 1 Part\n\n## 2 Other\n\n2.1 ${P5}\n\n### 2.2 Obligations\n\n${c}\n`;

  it('should pair a new clause with the old clause most of its sub-clauses came from, whichever comes first', () => {
    // Two of three from 1.2, listed first; one from 1.1, listed last.
    expect(pairsOf(OLD(`(a) ${P1}`, `(a) ${P2}\n\n(b) ${P3}`), NEW(`(a) ${P2}\n\n(b) ${P3}\n\n(c) ${P1}`))).toEqual([
      '1>1 number',
      '  1.1>-',
      '2>2 number',
      '  2.1>2.1 number',
      '  1.2>2.2 content',
      '    (a)>(a) number',
      '    (b)>(b) number',
      '    (a)>(c) content',
    ]);
  });

  it('should pair it with the earlier old clause when two gave it as many sub-clauses, the earlier listed first', () => {
    expect(pairsOf(OLD(`(a) ${P1}\n\n(b) ${P4}`, `(a) ${P2}\n\n(b) ${P3}`), NEW(`(a) ${P1}\n\n(b) ${P4}\n\n(c) ${P2}\n\n(d) ${P3}`))).toEqual([
      '1>1 number',
      '  1.2>-',
      '2>2 number',
      '  2.1>2.1 number',
      '  1.1>2.2 content',
      '    (a)>(a) number',
      '    (b)>(b) number',
      '    (a)>(c) content',
      '    (b)>(d) content',
    ]);
  });

  it('should not pair again a clause already paired by its own text, wherever its sub-clauses came from', () => {
    // Old 1.2 (thirty words) moved to 2.2 with its last word changed; 2.2's sub-clauses came from 1.3.
    const long = sentence([...words(1), ...words('1x'), ...words('1y')]);
    const changed = sentence([...words(1), ...words('1x'), ...words('1y').slice(0, 9), 'changed']);
    const subs = '(a) Alpha beta gamma delta.\n\n(b) Epsilon zeta eta theta.';
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${long}\n\n### 1.3 Reports\n\n${subs}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${changed}\n\n${subs}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.3>-', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content', '    (a)>(a) number', '    (b)>(b) number']);
  });

  // Thirty words each, none shared with any other text here.
  const long = (i: number) => sentence([...words(i), ...words(`${i}x`), ...words(`${i}y`)]);

  it('should pair a clause that kept its number and parent with the old clause some of its sub-clauses came from, however little alike', () => {
    // One sub-clause of four kept, four of thirty words added: under 20% alike, too little for
    // the last sweep, but the same number under the same parent.
    const old = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Deliveries\n\n(a) ${P2}\n\n(b) ${P3}\n\n(c) ${P4}\n\n(d) ${P6}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Obligations\n\n(a) ${P2}\n\n(b) ${long(1)}\n\n(c) ${long(2)}\n\n(d) ${long(3)}\n\n(e) ${long(4)}\n`;
    const p = pairing(old, neu).clauses[0]!.children[1]!;
    expect([p.old?.number, p.new?.number, p.basis, p.similarity! < 0.2]).toEqual(['1.2', '1.2', 'number', true]);
    expect(p.children.map((c) => `${c.old?.number ?? '-'}>${c.new?.number ?? '-'}`)).toEqual(['(a)>(a)', '(b)>-', '(c)>-', '(d)>-', '->(b)', '->(c)', '->(d)', '->(e)']);
  });

  it('should not pair a clause with the same number under another parent that got one of its two sub-clauses of four', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Deliveries\n\n(a) ${P2}\n\n(b) ${P3}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n### 1.2 Obligations\n\n(a) ${P2}\n\n(b) ${long(1)}\n\n(c) ${long(2)}\n\n(d) ${long(3)}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '    (b)>-', '2>2 number', '  2.1>2.1 number', '  ->1.2', '    (a)>(a) number', '    ->(b)', '    ->(c)', '    ->(d)']);
  });
});

describe('pairClauses: the search for moved text through rare word pairs', () => {
  // X moved from Part 1 to Part 2 as Y, its last word changed: 12 of 13 words, 11 of 12 word
  // pairs, 0.92 alike. Nine of X's twelve word pairs are those of C, which `copies` clauses of
  // Part 3 hold as well; A, before X, shares with Y one word pair ("wxb wyc") and no word pair with X.
  const C = words('c');
  const A = sentence([...words('a'), 'wxb', 'wyc']);
  const X = sentence([...C, 'wxa', 'wxb', 'wxc']);
  const Y = sentence([...C, 'wxa', 'wxb', 'wyc']);
  const moved = (copies: number) =>
    pairsOf(
      `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${A}\n\n1.3 ${X}\n\n## 2 Other\n\n2.1 ${P5}\n`,
      `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${Y}\n\n## 3 Copies\n\n${Array.from({ length: copies }, (_, k) => `3.${k + 1} ${sentence(C)}`).join('\n\n')}\n`,
    ).filter((line) => !line.includes('->3'));

  it('should find a moved clause through word pairs that 64 new clauses hold', () => {
    // C's word pairs: 63 copies and Y.
    expect(moved(63)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '2>2 number', '  2.1>2.1 number', '  1.3>2.2 content']);
  });

  it('should not find it through word pairs that 65 new clauses hold, when the rest are fewer than a fifth of its own', () => {
    // C's pairs are too common to suggest anything; X and Y share two other pairs, and X has
    // twelve: fewer than max(2, 12/5).
    expect(moved(64)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '  1.3>-', '2>2 number', '  2.1>2.1 number', '  ->2.2']);
  });
});

describe('pairClauses: copies of one text moved', () => {
  // Forty characters of text; copies of it with two long sub-clauses (thirty words each, none
  // in common) are 0.24 alike in their whole text (words 2*10/80, word pairs 2*9/76), with a two-word sub-clause 0.93.
  const X = sentence(words(5));
  const long = (i: number) => sentence([...words(i), ...words(`${i}x`), ...words(`${i}y`)]);
  const HEAVY = `(a) ${long(1)}\n\n(b) ${long(2)}`;
  const LIGHT = '(a) Alpha beta.';

  it('should weigh the sub-clauses of each old copy of a moved text', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${X}\n\n${HEAVY}\n\n1.3 ${X}\n\n${LIGHT}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${X}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '    (a)>-', '    (b)>-', '2>2 number', '  2.1>2.1 number', '  1.3>2.2 content', '    (a)>-']);
  });

  it('should weigh the sub-clauses of each new copy of a moved text', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${X}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${X}\n\n${HEAVY}\n\n2.3 ${X}\n\n${LIGHT}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  ->2.2', '    ->(a)', '    ->(b)', '  1.2>2.3 content', '    ->(a)']);
  });
});

describe('pairClauses: gaps too large to compare every pair', () => {
  it('should pair the clauses of the same number in a gap of 66 by 65 clauses before any move is sought', () => {
    // Every clause of Part 1 amended (its last word changed: 0.89 alike), old 1.66 gone, and old
    // 1.5's text, unchanged, copied into Part 2 as 2.2: 1.5 stays 1.5, 2.2 is new.
    const old = Array.from({ length: 66 }, (_, i) => `1.${i + 1} ${sentence(words(i + 1))}`);
    const neu = Array.from({ length: 65 }, (_, i) => `1.${i + 1} ${amend(i + 1)}`);
    const a = `## 1 Part\n\n${old.join('\n\n')}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const b = `## 1 Part\n\n${neu.join('\n\n')}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${sentence(words(5))}\n`;
    expect(pairOfOld(a, b, '1.5')).toMatchObject({ new: { number: '1.5' }, basis: 'number' });
    expect(pairOfOld(a, b, '1.66')).toMatchObject({ new: null });
    expect(pairsOf(a, b).slice(-3)).toEqual(['2>2 number', '  2.1>2.1 number', '  ->2.2']);
  });
  it('should compare every pair of a gap of 64 by 63 clauses left once two large parts pair by heading', () => {
    // 65 by 64 clauses, 1.65 a large part on each side (its own text changed): it pairs by
    // heading, and the 64 by 63 left compare pairwise. Old 1.3 went, reworded (six words of ten
    // kept, 0.578 alike: above the threshold, below a move's), to new 1.63; new 1.3 is new.
    const sixOfTen = sentence([...words(3).slice(0, 6), ...words('3z').slice(6)]);
    const large = (own: string) => `### 1.65 Alpha\n\n${own}\n\n${Array.from({ length: 20 }, (_, k) => `1.65.${k + 1} ${textOf(`big${k}`, 1000)}`).join('\n\n')}`;
    const old = Array.from({ length: 64 }, (_, i) => `1.${i + 1} ${sentence(words(i + 1))}`);
    const neu = Array.from({ length: 63 }, (_, i) => `1.${i + 1} ${amend(i + 1)}`);
    neu[2] = `1.3 ${sentence(words('fresh'))}`;
    neu[62] = `1.63 ${sixOfTen}`;
    const a = `## 1 Part\n\n${old.join('\n\n')}\n\n${large('Stand: 2011.')}\n`;
    const b = `## 1 Part\n\n${neu.join('\n\n')}\n\n${large('Stand: 2012.')}\n`;
    expect(pairOfOld(a, b, '1.3')).toMatchObject({ new: { number: '1.63' }, basis: 'content' });
    expect(pairOfOld(a, b, '1.65')).toMatchObject({ new: { number: '1.65' }, basis: 'number' });
  });
});

