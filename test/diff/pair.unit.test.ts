/**
 * Stage 1 of the redline (src/diff/pair.ts) on small documents written here: author keys, the
 * ordered alignment and its gaps, moves across the document, parents paired by where their
 * children went, the last sweep by number, and the pairs' fields and redline order. Every
 * expected pairing is worked out by hand from the rules in pair.ts's header.
 */
import { describe, expect, it } from 'vitest';
import { P1, P2, P3, P4, P5, P6, pairing, pairOfOld, pairsOf, sentence, words } from './pairing.js';

describe('pairClauses: author keys', () => {
  it('should pair two clauses by their key wherever they stand, at similarity 1 when their text is the same', () => {
    const p = pairOfOld(`## 1 Part\n\n1.1 ${P1}\n\n1.2 ${P2} {#deliveries}\n`, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n2.2 ${P2} {#deliveries}\n`, '1.2');
    expect([p.new?.number, p.basis, p.similarity, p.sameParent]).toEqual(['2.2', 'key', 1, false]);
  });

  it('should pair by key text that shares no word, at the similarity of the two texts', () => {
    // "alpha beta gamma delta" and "alpha beta gamma epsilon": words 2*3/8, word pairs 2*2/6, mean 17/24.
    const p = pairOfOld('1.1 Alpha beta gamma delta. {#k}\n\n1.2 Other.\n', '1.1 Other.\n\n1.2 Alpha beta gamma epsilon. {#k}\n', '1.1');
    expect([p.new?.number, p.basis]).toEqual(['1.2', 'key']);
    expect(p.similarity).toBeCloseTo(17 / 24, 10);
    // Unrelated texts pair by key all the same, below every threshold.
    const q = pairOfOld(`1.1 ${P1} {#k}\n`, `1.1 ${P2} {#k}\n`, '1.1');
    expect([q.new?.number, q.basis, q.similarity! < 0.2]).toEqual(['1.1', 'key', true]);
  });

  it('should pair no clause by a key two clauses share on one side', () => {
    expect(pairsOf(`1.1 ${P1} {#k}\n\n1.2 ${P2} {#k}\n`, `1.1 ${P3} {#k}\n`)).toEqual(['1.1>-', '1.2>-', '->1.1']);
    expect(pairsOf(`1.1 ${P3} {#k}\n`, `1.1 ${P1} {#k}\n\n1.2 ${P2} {#k}\n`)).toEqual(['1.1>-', '->1.1', '->1.2']);
  });
});

describe('pairClauses: parents by where their children went', () => {
  // Old 1.2 (a heading too short to pair by text) moved with its three sub-clauses to Part 2.
  const OLD = `## 1 Part\n\n1.1 ${P1}\n\n### 1.2 Deliveries\n\n(a) ${P2}\n\n(b) ${P3}\n\n(c) ${P4}\n\n## 2 Other\n\n2.1 ${P5}\n`;

  it('should pair a new clause with the old clause most of its sub-clauses came from', () => {
    const NEW = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n### 2.2 Obligations\n\n(a) ${P2}\n\n(b) ${P3}\n\n(c) ${P4}\n`;
    expect(pairsOf(OLD, NEW)).toEqual(['1>1 number', '  1.1>1.1 number', '2>2 number', '  2.1>2.1 number', '  1.2>2.2 content', '    (a)>(a) number', '    (b)>(b) number', '    (c)>(c) number']);
    const p = pairOfOld(OLD, NEW, '1.2');
    expect([p.sameParent, p.sameContent, p.children.map((c) => c.sameParent)]).toEqual([false, false, [true, true, true]]);
  });

  it('should pair it with the earlier of two old clauses its sub-clauses came from in equal numbers', () => {
    const old = `## 1 Part\n\n### 1.1 Deliveries\n\n(a) ${P1}\n\n(b) ${P2}\n\n### 1.2 Reports\n\n(a) ${P3}\n\n(b) ${P4}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const moved = `## 1 Part\n\n## 2 Other\n\n2.1 ${P5}\n\n### 2.2 Obligations\n\n(a) ${P3}\n\n(b) ${P4}\n\n(c) ${P1}\n\n(d) ${P2}\n`;
    expect(pairOfOld(old, moved, '1.1').new?.number).toBe('2.2');
    expect(pairOfOld(old, moved, '1.2').new).toBeNull();
  });

  it('should not pair a new clause with an old one that gave it fewer than half its sub-clauses, elsewhere', () => {
    const NEW = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n### 2.2 Obligations\n\n(a) ${P2}\n\n(b) A wholly new first duty of every party here.\n\n(c) Another new duty on the Secretariat alone now.\n\n(d) ${P6}\n`;
    expect(pairOfOld(OLD, NEW, '1.2').new).toBeNull();
  });
});

describe('pairClauses: numbers and the ordered alignment', () => {
  it('should see `§ 20` and `§20` as one number, spaces aside', () => {
    const p = pairOfOld('### §  20 Pflichten\n\n(1) Der Betreiber hat die Angaben zu übermitteln.\n', '### §20 Pflichten\n\n(1) Der Betreiber hat die Angaben elektronisch zu übermitteln.\n', '§ 20');
    expect([p.new?.number, p.basis, p.sameContent, p.children.map((c) => `${c.old?.number}>${c.new?.number} ${c.basis}`)]).toEqual(['§20', 'number', true, ['(1)>(1) number']]);
  });

  it('should pair two clauses without heading or text in order by their number alone', () => {
    // 1.2 and 1.2 are one clause whatever their sub-clauses say; 1.2 and 1.3 are not.
    const old = `1.1 ${P1}\n\n1.2\n\n(a) ${P2}\n`;
    expect(pairsOf(old, `1.1 ${P1}\n\n1.2\n\n(a) ${P3}\n`)).toEqual(['1.1>1.1 number', '1.2>1.2 number', '  (a)>-', '  ->(a)']);
    expect(pairOfOld(old, `1.1 ${P1}\n\n1.2\n\n(a) ${P3}\n`, '1.2')).toMatchObject({ similarity: 1, sameContent: true });
    expect(pairsOf(old, `1.1 ${P1}\n\n1.3\n\n(a) ${P3}\n`)).toEqual(['1.1>1.1 number', '1.2>-', '  (a)>-', '->1.3', '  ->(a)']);
    // A clause without text and one with text are not the same text, whatever their numbers.
    expect(pairsOf(old, `1.1 ${P1}\n\n1.2 ${P3}\n`)).toEqual(['1.1>1.1 number', '1.2>-', '  (a)>-', '->1.2']);
  });

  it('should pair the unchanged clauses of a gap in order, and an amended one with its old self by number', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${P2}\n\n1.3 ${P3}\n`;
    const p = pairing(old, `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${P2.replace('any', 'all')}\n\n1.3 ${P3}\n`).clauses[0]!;
    expect(p.children.map((c) => [c.old?.number, c.new?.number, c.basis, c.sameContent, c.similarity === 1])).toEqual([
      ['1.1', '1.1', 'number', true, true],
      ['1.2', '1.2', 'number', false, false],
      ['1.3', '1.3', 'number', true, true],
    ]);
  });
});

describe('pairClauses: moves across the document', () => {
  // 15 characters of text: a `sig` of 16 with the character that joins it to the (absent) heading.
  const SHORT_15 = 'Fifteen chars!!';
  const SHORT_14 = 'Fourteen char!';

  it('should pair a clause moved to another part unchanged, once its text is 15 characters or more', () => {
    const moved = (t: string) => [`## 1 Part\n\n1.1 ${P1}\n\n1.2 ${t}\n\n## 2 Other\n\n2.1 ${P2}\n`, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P2}\n\n2.2 ${t}\n`] as const;
    expect(pairOfOld(...moved(SHORT_15), '1.2')).toMatchObject({ new: { number: '2.2' }, basis: 'content', similarity: 1, sameParent: false });
    expect(pairOfOld(...moved(SHORT_14), '1.2').new).toBeNull();
  });

  it('should pair no copy of a short text that stands twice on one side', () => {
    const twice = `## 1 Part\n\n1.1 ${P1}\n\n1.2 Reserved for later use.\n\n1.3 Reserved for later use.\n\n## 2 Other\n\n2.1 ${P2}\n`;
    expect(pairsOf(twice, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P2}\n\n2.2 Reserved for later use.\n`)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.2>-', '  1.3>-', '2>2 number', '  2.1>2.1 number', '  ->2.2']);
  });

  it('should pair a clause moved and reworded when its text is still 60% alike, and 40 characters long', () => {
    const reworded = P2.replace('reasonably requested for that purpose', 'requested by the DCC');
    const moved = (o: string, n: string) => [`## 1 Part\n\n1.1 ${P1}\n\n1.2 ${o}\n\n## 2 Other\n\n2.1 ${P3}\n`, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n2.2 ${n}\n`] as const;
    const p = pairOfOld(...moved(P2, reworded), '1.2');
    expect([p.new?.number, p.basis, p.sameContent]).toEqual(['2.2', 'content', false]);
    // Words 2*8/23, word pairs 2*6/21 ("each supplier party shall provide any information" and "information requested").
    expect(p.similarity).toBeCloseTo((16 / 23 + 12 / 21) / 2, 10);
  });
  it('should pair a clause moved with its words reordered at a similarity of 0.6 exactly, two word pairs of ten kept', () => {
    // The same eleven words (Dice 1), two of ten word pairs kept ("alpha beta", "gamma delta": Dice 0.2).
    const o = 'Alpha beta gamma delta epsilon zeta theta iota kappa lambda omicron.';
    const n = 'Kappa alpha beta zeta iota gamma delta omicron epsilon lambda theta.';
    const p = pairOfOld(`## 1 Part\n\n1.1 ${P1}\n\n1.2 ${o}\n\n## 2 Other\n\n2.1 ${P3}\n`, `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P3}\n\n2.2 ${n}\n`, '1.2');
    expect([p.new?.number, p.basis, p.similarity]).toEqual(['2.2', 'content', 0.6]);
  });
});

describe('pairClauses: the last sweep by number', () => {
  it('should pair an old and a new clause with the same number under paired parents when their texts are at least 20% alike', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 The Panel shall meet every month in London to review the reports.\n`;
    const p = pairOfOld(old, `## 1 Part\n\n1.1 ${P1}\n\n1.2 The Panel shall meet each quarter at a place it chooses.\n`, '1.2');
    expect([p.new?.number, p.basis, p.sameParent]).toEqual(['1.2', 'number', true]);
    // Words "the panel shall meet" 2*4/(12+11); word pairs "the panel", "panel shall", "shall meet" 2*3/(11+10).
    expect(p.similarity).toBeCloseTo((8 / 23 + 6 / 21) / 2, 10);
  });

  it('should not pair by number where two clauses share that number on one side', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 The Panel shall meet every month in London to review the reports.\n`;
    const twice = `## 1 Part\n\n1.1 ${P1}\n\n1.2 The Panel shall meet each quarter at a place it chooses.\n\n1.2 The Panel shall meet again where the Chair so decides.\n`;
    expect(pairOfOld(old, twice, '1.2').new).toBeNull();
    expect(pairOfOld(twice, old, '1.2').new).toBeNull();
  });

  it('should not pair by number a clause already paired with another', () => {
    // Old 1.2 is new 1.1, amended; old 1.1 and new 1.2 share a number with those, and a quarter of their words.
    const x = sentence(words(1));
    const amended = sentence([...words(1).slice(0, 9), 'changed']);
    const quarter = sentence([...words(1).slice(0, 3), ...words(3).slice(3)]);
    expect(pairsOf(`1.0 ${P1}\n\n1.1 ${P5}\n\n1.2 ${x}\n`, `1.0 ${P1}\n\n1.1 ${amended}\n\n1.2 ${quarter}\n`)).toEqual(['1.0>1.0 number', '1.1>-', '1.2>1.1 content', '->1.2']);
    expect(pairsOf(`1.0 ${P1}\n\n1.1 ${quarter}\n\n1.2 ${x}\n`, `1.0 ${P1}\n\n1.1 ${amended}\n\n1.3 ${P4}\n`)).toEqual(['1.0>1.0 number', '1.1>-', '1.2>1.1 content', '->1.3']);
  });

  it('should pair by number at a similarity of 0.2 exactly', () => {
    // One word against nine, one in common: words 2*1/10 (a one-word text compares by words alone).
    const p = pairOfOld(`## 1 Part\n\n1.1 ${P1}\n\n1.2 Alpha.\n`, `## 1 Part\n\n1.1 ${P1}\n\n1.2 Alpha beta gamma delta epsilon zeta eta theta iota.\n`, '1.2');
    expect([p.new?.number, p.basis, p.similarity]).toEqual(['1.2', 'number', 0.2]);
  });
});

/** Words 6 of 10 kept, the last four replaced: words 2*6/20, word pairs 2*5/18, similarity 0.578. */
const SIXTY_PERCENT = (0.6 + 10 / 18) / 2;
const sixOfTen = (i: number | string) => [...words(i).slice(0, 6), ...words(`${i}z`).slice(6)];

describe('pairClauses: gaps between unchanged clauses', () => {
  it('should pair two clauses of a gap by content at the similarity threshold or above, whatever their numbers', () => {
    const old = `1.1 ${P1}\n\n1.2 ${sentence(words(1))}\n\n1.3 ${sentence(words(2))}\n`;
    const neu = `1.1 ${P1}\n\n1.2 ${sentence(words(3))}\n\n1.3 ${sentence(sixOfTen(1))}\n`;
    const p = pairOfOld(old, neu, '1.2');
    expect([p.new?.number, p.basis]).toEqual(['1.3', 'content']);
    expect(p.similarity).toBeCloseTo(SIXTY_PERCENT, 10);
    // Below the threshold asked for, and below what a move needs: a deletion and an insertion.
    expect(pairsOf(old, neu, 0.6)).toEqual(['1.1>1.1 number', '1.2>-', '1.3>-', '->1.2', '->1.3']);
  });

  it('should pair two clauses of a gap whose headings are alike when their texts are 20% alike', () => {
    // Texts: words 2*3/20, word pairs 2*2/18 (0.261). Headings "reports to the panel" and
    // "monthly reports to the panel": words 2*4/9, word pairs 2*3/7.
    const old = (h: string) => `1.1 ${P1}\n\n### 1.2 ${h}\n\n${sentence(words(1))}\n`;
    const neu = (h: string) => `1.1 ${P1}\n\n### 1.2 Membership\n\n${sentence(words(2))}\n\n### 1.3 ${h}\n\n${sentence([...words(1).slice(0, 3), ...words(3).slice(3)])}\n`;
    expect(pairOfOld(old('Reports to the Panel'), neu('Monthly reports to the Panel'), '1.2')).toMatchObject({ new: { number: '1.3' }, basis: 'content' });
    expect(pairOfOld(old('Reports to the Panel'), neu('reports  to the  PANEL'), '1.2')).toMatchObject({ new: { number: '1.3' }, basis: 'content' });
    // "reports to the panel" and "yearly reports on costs": words 2*1/9, no word pair in common.
    expect(pairOfOld(old('Reports to the Panel'), neu('Yearly reports on costs'), '1.2').new).toBeNull();
    // No heading on one side: the texts alone decide.
    expect(pairOfOld(`1.1 ${P1}\n\n1.2 ${sentence(words(1))}\n`, neu('Reports to the Panel'), '1.2').new).toBeNull();
  });

  /** `size` clauses under one part, every one amended, so the whole part is one gap. */
  function largeGap(size: number): [string, string] {
    const clause = (k: number, text: string) => `1.${k} ${text}`;
    const old = Array.from({ length: size }, (_, i) => clause(i + 1, sentence(words(i + 1))));
    const neu = Array.from({ length: size }, (_, i) => clause(i + 1, sentence([...words(i + 1).slice(0, 9), `w${i + 1}new`])));
    // Old 1.3 went, reworded, to the last place; what stood there and at 1.3 is new.
    neu[2] = clause(3, sentence(words('fresh')));
    neu[size - 1] = clause(size, sentence(sixOfTen(3)));
    return [`## 1 Part\n\n${old.join('\n\n')}\n`, `## 1 Part\n\n${neu.join('\n\n')}\n`];
  }

  it('should compare every clause of a gap with every other up to 64 by 64 clauses, and only clauses of the same number above', () => {
    const [old64, new64] = largeGap(64);
    expect(pairOfOld(old64, new64, '1.3')).toMatchObject({ new: { number: '1.64' }, basis: 'content' });
    expect(pairOfOld(old64, new64, '1.64').new).toBeNull();
    expect(pairOfOld(old64, new64, '1.10')).toMatchObject({ new: { number: '1.10' }, basis: 'number' });
    const [old65, new65] = largeGap(65);
    expect(pairOfOld(old65, new65, '1.3').new).toBeNull();
    expect(pairOfOld(old65, new65, '1.10')).toMatchObject({ new: { number: '1.10' }, basis: 'number' });
  });
});

describe('pairClauses: the similarity of clauses with sub-clauses', () => {
  it('should compare two clauses with sub-clauses by their whole text, each clause\'s words and word pairs on their own', () => {
    // Old: "alpha beta", (a) "gamma delta", (b) "epsilon zeta"; new: "alpha omega", (a) the same,
    // (b) "eta theta". Words 2*3/12 (alpha, gamma, delta), word pairs 2*1/6 (gamma delta): no pair
    // across two clauses' texts.
    const p = pairOfOld('1.1 Alpha beta. {#k}\n\n(a) gamma delta;\n\n(b) epsilon zeta.\n', '1.1 Alpha omega. {#k}\n\n(a) gamma delta;\n\n(b) eta theta.\n', '1.1');
    expect(p.basis).toBe('key');
    expect(p.similarity).toBeCloseTo((6 / 12 + 2 / 6) / 2, 10);
    // The shared sub-clause with two of three words: words 2*4/14, word pairs 2*2/8.
    const q = pairOfOld('1.1 Alpha beta. {#k}\n\n(a) gamma delta kappa;\n\n(b) epsilon zeta.\n', '1.1 Alpha omega. {#k}\n\n(a) gamma delta kappa;\n\n(b) eta theta.\n', '1.1');
    expect(q.similarity).toBeCloseTo((8 / 14 + 4 / 8) / 2, 10);
  });

  it('should count a sub-clause without heading or text as no words, and by its number', () => {
    // (b) has neither heading nor text: the same number on both sides is the same content, of no words.
    const p = pairOfOld('1.1 Alpha beta. {#k}\n\n(a) gamma delta;\n\n(b)\n\n(i) zeta eta.\n', '1.1 Alpha omega. {#k}\n\n(a) gamma delta;\n\n(b)\n\n(i) zeta theta.\n', '1.1');
    // Words: alpha beta gamma delta zeta eta / alpha omega gamma delta zeta theta, 2*4/12; word pairs 2*1/6.
    expect(p.similarity).toBeCloseTo((8 / 12 + 2 / 6) / 2, 10);
  });
});

describe('pairClauses: redline order', () => {
  it('should list a deleted clause with only its sub-clauses not shown elsewhere, and a clause moved away only where it went', () => {
    const old = `## 1 Part\n\n1.1 ${P1}\n\n1.2 ${P4}\n\n### 1.3 Deliveries\n\n(a) ${P2}\n\n(b) ${P3}\n\n## 2 Other\n\n2.1 ${P5}\n`;
    const neu = `## 1 Part\n\n1.1 ${P1}\n\n## 2 Other\n\n2.1 ${P5}\n\n2.2 ${P2}\n\n2.3 ${P4}\n`;
    expect(pairsOf(old, neu)).toEqual(['1>1 number', '  1.1>1.1 number', '  1.3>-', '    (b)>-', '2>2 number', '  2.1>2.1 number', '  (a)>2.2 content', '  1.2>2.3 content']);
  });

  it('should place a deleted clause after the clause it followed in the old document, wherever that one went', () => {
    const old = `1.1 ${P1}\n\n1.2 ${P2}\n\n1.3 ${P3}\n\n1.4 ${P4}\n\n1.5 ${P5}\n`;
    // 1.4 moved up to be 1.2, and 1.5, deleted, follows it there; 1.2, deleted, follows 1.1.
    const neu = `1.1 ${P1}\n\n1.2 ${P4}\n\n1.3 ${P3}\n`;
    expect(pairsOf(old, neu)).toEqual(['1.1>1.1 number', '1.2>-', '1.4>1.2 content', '1.5>-', '1.3>1.3 number']);
  });
});

describe('pairClauses: what the ordered alignment takes as the same text', () => {
  it('should keep copies of one text in their order, whatever their numbers and formatting', () => {
    // The two copies pair in order (1.1 with 1.2, 1.2 with 1.3), not the same-numbered ones first.
    expect(pairsOf(`1.1 ${P2}\n\n1.2 ${P2}\n`, `1.1 ${P1}\n\n1.2 ${P2}\n\n1.3 ${P2}\n`)).toEqual(['->1.1', '1.1>1.2 content', '1.2>1.3 content']);
    // Emphasis changes the content, not the text: still the same text in order.
    const emphasised = P2.replace('any information', '*any information*');
    expect(pairsOf(`1.1 ${P2}\n\n1.2 ${P2}\n`, `1.1 ${P1}\n\n1.2 ${emphasised}\n\n1.3 ${emphasised}\n`)).toEqual(['->1.1', '1.1>1.2 content', '1.2>1.3 content']);
  });

  it('should tell apart two texts of the same length, with or without a heading', () => {
    const p = pairOfOld(`1.1 ${P1}\n\n1.2 Alpha text here.\n\n1.3 ${P3}\n`, `1.1 ${P1}\n\n1.2 Gamma text here.\n\n1.3 ${P3}\n`, '1.2');
    // Words 2*2/6, word pairs 2*1/4.
    expect([p.new?.number, p.basis, p.similarity]).toEqual(['1.2', 'number', (4 / 6 + 2 / 4) / 2]);
    const q = pairOfOld(`1.1 ${P1}\n\n### 1.2 Scope\n\n${P2}\n\n1.3 ${P3}\n`, `1.1 ${P1}\n\n### 1.2 Terms\n\n${P2}\n\n1.3 ${P3}\n`, '1.2');
    // Heading and text as one run of words: 12 of 13 words, 11 of 12 word pairs.
    expect([q.new?.number, q.sameContent]).toEqual(['1.2', false]);
    expect(q.similarity).toBeCloseTo((24 / 26 + 22 / 24) / 2, 10);
  });

  it('should pair two clauses without a number as content, not as the same number', () => {
    const p = pairOfOld('## Teil 1 - Erzeugung\n\nDer Betreiber hat die Angaben zu übermitteln.\n', '## Teil 1 - Erzeugung\n\nDer Betreiber hat die Angaben elektronisch zu übermitteln.\n', null);
    expect([p.new?.heading, p.basis]).toEqual(['Teil 1 - Erzeugung', 'content']);
  });
});

describe('pairClauses: parts the same all the way down', () => {
  it('should not pair a clause inside a part left unchanged with a copy of it elsewhere', () => {
    // Part 2 is the same all the way down; new Part 1 holds a copy of 2.1, which is an insertion.
    const pairs = pairing(`## 2 Rules\n\n2.1 ${P2}\n`, `## 1 Intro\n\n1.1 ${P2}\n\n## 2 Rules\n\n2.1 ${P2}\n`).clauses;
    expect(pairs.map((p) => [p.old?.number ?? null, p.new?.number ?? null, p.identicalBelow, p.children.map((c) => `${c.old?.number ?? '-'}>${c.new?.number}`)])).toEqual([
      [null, '1', 0, ['->1.1']],
      ['2', '2', 1, []],
    ]);
  });

  it('should give a clause on one side only no basis, similarity or shared content or parent', () => {
    const pairs = pairing(`1.1 ${P1}\n\n1.2 ${P2}\n\n(a) ${P3}\n`, `1.1 ${P1}\n\n1.3 ${P4}\n\n(a) ${P5}\n`).clauses;
    const oneSided = { basis: null, similarity: null, sameContent: false, sameParent: false, identicalBelow: 0 };
    expect(pairs.slice(1)).toMatchObject([
      { old: { number: '1.2' }, new: null, ...oneSided, children: [{ old: { number: '(a)' }, new: null, ...oneSided, children: [] }] },
      { old: null, new: { number: '1.3' }, ...oneSided, children: [{ old: null, new: { number: '(a)' }, ...oneSided, children: [] }] },
    ]);
  });
});

describe('pairClauses: large parts', () => {
  /** Part 1 "Alpha", its own text `own`, with twenty clauses 1.1-1.20 of over a thousand characters each, each with (a) and (b). */
  function largePart(own: string, amendedA = -1) {
    const long = (i: number, x: string) => sentence(Array.from({ length: 80 }, (_, k) => `w${i}${x}${k}`));
    const texts: string[] = [];
    const clauses = Array.from({ length: 20 }, (_, k) => {
      const i = k + 1;
      const a = i === amendedA ? long(i, 'a').replace(`w${i}a7 `, `w${i}q7 `) : long(i, 'a');
      const t = [sentence(words(i)), a, long(i, 'b')];
      texts.push(...t);
      return `1.${i} ${t[0]}\n\n(a) ${t[1]}\n\n(b) ${t[2]}`;
    });
    // What the digest adds up below the part: each clause's text and the character that joins it to its (absent) heading.
    const below = texts.reduce((sum, t) => sum + t.length + 1, 0);
    return { text: `## 1 Alpha\n\n${own}\n\n${clauses.join('\n\n')}\n`, below };
  }

  it('should pair two large parts by number and heading, and measure them by the sub-clauses kept word for word', () => {
    const old = largePart('Stand: 2011.');
    const neu = largePart('Stand: 2012.', 5);
    expect(old.below).toBeGreaterThan(20_000);
    const p = pairing(old.text, neu.text).clauses[0]!;
    expect([p.basis, p.sameContent]).toEqual(['number', false]);
    // Own words "alpha stand 2011" and "alpha stand 2012": words 2*2/6, word pairs 2*1/4, over
    // 2 * 18 characters (heading, joining character, text). Kept: of each side's 60 sub-clauses
    // all but 1.5(a).
    const own = (4 / 6 + 2 / 4) / 2;
    const expected = (own * 36 + (118 / 120) * (old.below + neu.below)) / (36 + old.below + neu.below);
    expect(p.similarity).toBeCloseTo(expected, 12);
    expect(p.children[4]!.children.map((c) => [c.similarity === 1, c.identicalBelow, c.sameContent])).toEqual([
      [false, 0, false],
      [true, 0, true],
    ]);
  });

  it('should count a sub-clause of a large part moved to another part as not kept', () => {
    const old = largePart('Stand: 2011.');
    const neu = largePart('Stand: 2012.', 5);
    // 1.20 with its (a) and (b) moves, unchanged, to the end of Part 2.
    const moved = neu.text.split('\n\n1.20 ');
    const beta = `## 2 Beta\n\n2.1 ${P5}\n`;
    const p = pairing(`${old.text}\n${beta}`, `${moved[0]}\n\n${beta}\n2.2 ${moved[1]}`).clauses;
    expect(p.map((x) => [x.old?.number, x.new?.number, x.basis])).toEqual([
      ['1', '1', 'number'],
      ['2', '2', 'number'],
    ]);
    expect(p[1]!.children.map((c) => `${c.old?.number}>${c.new?.number} ${c.similarity}`)).toEqual(['2.1>2.1 1', '1.20>2.2 1']);
    // Kept: all but 1.5(a) and the three moved on the old side (56 of 60), all but 1.5(a) on the new (56 of 57).
    const movedBelow = moved[1]!.split('\n\n').map((t) => t.replace(/^\((a|b)\) /, '').trim()).reduce((sum, t) => sum + t.length + 1, 0);
    const own = (4 / 6 + 2 / 4) / 2;
    const expected = (own * 36 + (112 / 117) * (old.below + neu.below - movedBelow)) / (36 + old.below + neu.below - movedBelow);
    expect(p[0]!.similarity).toBeCloseTo(expected, 12);
    // The same moved by its key, under its old number: the same all the way down, paired whole.
    const keyed = (t: string) => t.replace(/^(1\.20 .*?\.)$/m, '$1 {#k20}');
    const byKey = pairing(keyed(`${old.text}\n${beta}`), keyed(`${moved[0]}\n\n${beta}\n1.20 ${moved[1]}`)).clauses;
    expect(byKey[1]!.children.map((c) => `${c.old?.number}>${c.new?.number} ${c.basis} ${c.identicalBelow}`)).toEqual(['2.1>2.1 number 0', '1.20>1.20 key 2']);
    expect(byKey[0]!.similarity).toBeCloseTo(expected, 12);
    // The same moved to a part before it.
    const before = pairing(`${old.text}\n${beta}`, `## 0 Vorwort\n\n0.1 ${moved[1]}\n${moved[0]}\n\n${beta}`).clauses;
    expect(before.map((x) => `${x.old?.number ?? '-'}>${x.new?.number}`)).toEqual(['->0', '1>1', '2>2']);
    expect(before[0]!.children.map((c) => `${c.old?.number}>${c.new?.number}`)).toEqual(['1.20>0.1']);
    expect(before[1]!.similarity).toBeCloseTo(expected, 12);
  });

  it('should compare two large parts whose heading changed by the share of sub-clauses the same on both sides', () => {
    const old = largePart('Stand: 2011.');
    const neu = largePart('Stand: 2012.', 5);
    const p = pairing(old.text, neu.text.replace('## 1 Alpha', '## 1 Gamma')).clauses[0]!;
    expect(p.basis).toBe('number');
    // Own words "alpha stand 2011" and "gamma stand 2012": words 2*1/6, no word pair in common.
    // Sub-clause contents: 59 of 60 on each side the same (Dice 118/120).
    const expected = ((2 / 6 / 2) * 36 + (118 / 120) * (old.below + neu.below)) / (36 + old.below + neu.below);
    expect(p.similarity).toBeCloseTo(expected, 12);
  });
});

describe('pairClauses: a clause once paired stays paired', () => {
  it('should not pair again a clause paired by key when its siblings are aligned', () => {
    // New 1.2 is old 1.2 by key; old 1.3, whose text new 1.2 now holds, is deleted.
    expect(pairsOf(`1.1 ${P1}\n\n1.2 ${P2} {#k}\n\n1.3 ${P3}\n`, `1.1 ${P1}\n\n1.2 ${P3} {#k}\n`)).toEqual(['1.1>1.1 number', '1.2>1.2 key', '1.3>-']);
  });

  it('should pair copies alike to one another in document order', () => {
    const a = sentence(words(1));
    const amended = sentence([...words(1).slice(0, 9), 'changed']);
    expect(pairsOf(`1.0 ${P1}\n\n1.1 ${a}\n\n1.2 ${a}\n`, `1.0 ${P1}\n\n1.3 ${amended}\n\n1.4 ${amended}\n`)).toEqual(['1.0>1.0 number', '1.1>1.3 content', '1.2>1.4 content']);
    expect(pairsOf(`1.0 ${P1}\n\n1.1 ${a}\n\n1.2 ${a}\n\n1.3 ${P3}\n`, `1.0 ${P1}\n\n1.4 ${amended}\n\n1.5 ${amended}\n\n1.6 ${amended}\n`)).toEqual(['1.0>1.0 number', '1.1>1.4 content', '1.2>1.5 content', '1.3>-', '->1.6']);
  });

  it('should take the best candidates of a gap first, not the first compared', () => {
    // Old 1.1 is 60% alike new 1.1, but 90% alike new 1.2; old 1.2 is 90% alike new 1.1.
    const x = words(1);
    const y = [...words(1).slice(0, 6), ...words(2).slice(6)];
    const amend = (ws: string[]) => sentence([...ws.slice(0, 9), 'changed']);
    expect(pairsOf(`1.0 ${P1}\n\n1.1 ${sentence(x)}\n\n1.2 ${sentence(y)}\n`, `1.0 ${P1}\n\n1.1 ${amend(y)}\n\n1.2 ${amend(x)}\n`)).toEqual(['1.0>1.0 number', '1.2>1.1 content', '1.1>1.2 content']);
  });
});
