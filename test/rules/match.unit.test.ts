/**
 * Which clause of one version is which of the next (used to see whether a rule followed its
 * clause), evidence strongest first: the stable key, shared rule ids, the same text, the same
 * number with similar text or the same heading, similar text, and last the same number under
 * the same parent; sub-paragraphs follow by label. Also the redline's correspondence, and the
 * modal verbs read from a sentence. Every expected pairing written by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { deriveFromText, matchClauses, obligationsIn } from '../../src/rules/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { correspondence, redlineOf } from '../../src/rules/correspondence.js';
import type { Clause, ClauseDocument } from '../../src/model/types.js';
import { walkClauses } from '../../src/model/text.js';
import { direction, memoryCorpus, version } from '../memory-corpus.js';

const D = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: AA, version: "2.0" }']);

/** The two versions of AA whose bodies are given. */
function pair(before: string[], after: string[]): [ClauseDocument, ClauseDocument] {
  const { corpus } = memoryCorpus({ 'd/first.md': D, 'aa/v1.md': version('AA', '1.0', 'first', `${before.join('\n\n')}\n`), 'aa/v2.md': version('AA', '2.0', 'first', `${after.join('\n\n')}\n`, '1.0') });
  const byVersion = (v: string) => corpus.versions.find((d) => d.meta.version === v)!;
  return [byVersion('1.0'), byVersion('2.0')];
}

const name = (c: Clause) => c.number ?? c.heading ?? c.id;
const pairs = (map: Map<Clause, Clause>) => [...map].map(([a, b]) => `${name(a)}>${name(b)}`).sort();

describe('rules/match: which clause is which', () => {
  it('should pair clauses by stable key before anything else', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall keep records of each meter. {#records}'], ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '1.2 Records are kept by the DCC for every meter. {#records}']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.2', '1>1']);
  });

  it('should pair clauses sharing a rule id when asked, before their text', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall keep records.', '1.2 The DCC shall publish them.'], ['## 1 Intro', '1.1 The DCC shall keep records.', '1.2 The DCC shall publish them.']);
    const rulesOf = { old: (c: Clause) => (c.number === '1.1' ? ['aa.records'] : []), new: (c: Clause) => (c.number === '1.2' ? ['aa.records'] : []) };
    // The old 1.2's partner by text and number is taken, and the new 1.1's text is not similar enough.
    expect(pairs(matchClauses(a, b, { rulesOf }))).toEqual(['1.1>1.2', '1>1']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.1', '1.2>1.2', '1>1']);
  });

  it('should pair moved clauses by their text, whatever their numbers', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall keep records.', '1.2 The Panel shall review them.'], ['## 1 Intro', '1.1 The Panel shall review them.', '1.2 The DCC shall keep records.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.2', '1.2>1.1', '1>1']);
  });

  it('should keep a number whose text changed a little, or whose heading is the same', () => {
    const [a, b] = pair(
      ['## 1 Intro', '1.1 The DCC shall keep records of each meter.', '1.2 **Reports.** Alpha beta gamma.', '1.3 Apples pears plums.'],
      ['## 1 Intro', '1.1 The DCC shall keep records of every meter.', '1.2 **Reports.** Delta epsilon zeta.', '1.3 Apples pears cherries.'],
    );
    // 1.3: two of four words shared (one half), enough under the same number.
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.1', '1.2>1.2', '1.3>1.3', '1>1']);
  });

  it('should pair similar text across numbers, the most similar first, so a near copy does not take another\'s partner', () => {
    const [a, b] = pair(
      ['## 1 Intro', '1.1 The DCC shall keep records of each meter for two years.', '1.2 The DCC shall keep records of each meter for five years and publish them.'],
      [
        '## 1 Intro',
        '1.1 Something wholly unrelated comes first now.',
        '1.2 The DCC shall keep records of each meter for five years and publish them monthly.',
        '1.3 The DCC shall keep records of each meter for two years only.',
      ],
    );
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.3', '1.2>1.2', '1>1']);
  });

  it('should pair what is left by number, only where the parent did not move elsewhere', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 Alpha beta gamma delta.', '## 2 Later', '2.1 Epsilon zeta eta theta.'], ['## 1 Intro', '1.1 Iota kappa lambda mu.', '## 2 Later', '2.1 Nu xi omicron pi.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.1', '1>1', '2.1>2.1', '2>2']);
    // Clause 2 is now numbered 1 (same heading): its old 2.1 does not pair with the new 2.1, under
    // another parent; the old 1.1, whose parent paired with nothing, pairs with the new 1.1.
    const [c, d] = pair(['## 1 Intro', '1.1 Alpha beta gamma delta.', '## 2 Later', '2.1 Epsilon zeta eta theta.'], ['## 1 Later', '1.1 Nu xi omicron pi.', '## 2 Other', '2.1 Rho sigma tau upsilon.']);
    expect(pairs(matchClauses(c, d))).toEqual(['1.1>1.1', '2>1']);
  });

  it('should pair sub-paragraphs by label under paired provisions, at every depth', () => {
    const [a, b] = pair(
      ['## 1 Intro', '1.1 The DCC shall:', '(a) keep records;', '(i) of meters;', '(b) publish them.'],
      ['## 1 Intro', '1.1 The DCC shall:', '(a) keep full records;', '(i) of every meter;', '(c) report them.'],
    );
    expect(pairs(matchClauses(a, b))).toEqual(['(a)>(a)', '(i)>(i)', '1.1>1.1', '1>1']);
  });
});

describe('rules/match: each kind of evidence, where it decides', () => {
  it('should take headed provisions of every style (section, article, lettered heading) as clauses to pair, and sub-paragraphs only by label', () => {
    for (const [before, after, expected] of [
      [['## § 1 Umfang', 'Dieses Gesetz gilt für alle Zähler.'], ['## § 2 Umfang', 'Dieses Gesetz gilt für alle Zähler.'], ['§ 1>§ 2']],
      [['## Article 1 Scope', 'This Code applies to every meter.'], ['## Article 2 Scope', 'This Code applies to every meter.'], ['Article 1>Article 2']],
      [['## A. Scope', 'This Code applies to every meter.'], ['## B. Scope', 'This Code applies to every meter.'], ['A>B']],
    ] as const) {
      const [a, b] = pair([...before], [...after]);
      expect(pairs(matchClauses(a, b))).toEqual(expected);
    }
    // Sub-paragraphs whose texts swapped keep their labels; a sub-paragraph whose text became a
    // clause of its own, or a clause that became a sub-paragraph, pairs with nothing.
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall:', '(a) keep records;', '(b) publish them.'], ['## 1 Intro', '1.1 The DCC shall:', '(a) publish them.', '(b) keep records;']);
    expect(pairs(matchClauses(a, b))).toEqual(['(a)>(a)', '(b)>(b)', '1.1>1.1', '1>1']);
    const [c, d] = pair(['## 1 Intro', '1.1 The DCC shall:', '(a) publish the records.'], ['## 1 Intro', '1.1 The DCC shall:', '1.2 Publish the records.']);
    expect(pairs(matchClauses(c, d))).toEqual(['1.1>1.1', '1>1']);
    const [e, f] = pair(['## 1 Intro', '1.1 The DCC shall act.', '1.2 The Panel shall review.'], ['## 1 Intro', '1.1 The DCC shall act:', '(a) The Panel shall review.']);
    expect(pairs(matchClauses(e, f))).toEqual(['1.1>1.1', '1>1']);
  });

  it('should pair the same text, spaces aside, before the same number', () => {
    // The new 1.1 is similar enough to keep the number, but the new 1.2 is the same text.
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall keep  records of meters.'], ['## 1 Intro', '1.1 The DCC shall keep records of meters monthly.', '1.2 The DCC shall keep records of meters.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.2', '1>1']);
    // Words run together are not the same text.
    const [c, d] = pair(['## 1 Intro', '1.1 The DCC shall keep records of meters.'], ['## 1 Intro', '1.1 The DCC shall keep records of meters monthly.', '1.2 The DCC shall keep records ofmeters.']);
    expect(pairs(matchClauses(c, d))).toEqual(['1.1>1.1', '1>1']);
  });

  it('should not take two clauses without text for the same text, but pair them by number', () => {
    const [a, b] = pair(['## 1 Intro', '1.1', '1.2'], ['## 1 Intro', '1.2']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.2>1.2', '1>1']);
  });

  it('should pair two clauses without a word, and never one without a word with one that has words', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 —'], ['## 1 Intro', '1.2 …']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.2', '1>1']);
    const [c, d] = pair(['## 1 Intro', '1.1 —'], ['## 1 Intro', '1.2 The DCC shall act.']);
    expect(pairs(matchClauses(c, d))).toEqual(['1>1']);
    const [e, f] = pair(['## 1 Intro', '1.1 The DCC shall act.'], ['## 1 Intro', '1.2 —']);
    expect(pairs(matchClauses(e, f))).toEqual(['1>1']);
  });

  it('should keep a number when half the words are shared, or the heading is the same, before a closer text elsewhere', () => {
    // 4 of 8 words shared with the new 1.1 (one half), 5 of 7 with the new 1.2.
    const [a, b] = pair(['## 1 Intro', '1.1 Alpha beta gamma delta epsilon zeta.'], ['## 1 Intro', '1.1 Alpha beta gamma delta eta theta.', '1.2 Alpha beta gamma delta epsilon iota.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.1', '1>1']);
    const [c, d] = pair(['## 1 Intro', '1.2 **Reports.** Alpha beta gamma delta epsilon.'], ['## 1 Intro', '1.2 **Reports.** Zeta eta theta.', '1.3 **Returns.** Alpha beta gamma delta epsilon.']);
    expect(pairs(matchClauses(c, d))).toEqual(['1.2>1.2', '1>1']);
    // No heading on either side, or another heading, is not the same heading.
    const [e, f] = pair(['## 1 Intro', '1.1 Alpha beta gamma delta epsilon.'], ['## 1 Intro', '1.1 Zeta eta theta.', '1.2 Alpha beta gamma delta epsilon iota.']);
    expect(pairs(matchClauses(e, f))).toEqual(['1.1>1.2', '1>1']);
    const [g, h] = pair(['## 1 Intro', '1.1 **Reports.** Alpha beta gamma delta epsilon.'], ['## 1 Intro', '1.1 **Other.** Zeta eta.', '1.2 **Reports.** Alpha beta gamma delta epsilon iota.']);
    expect(pairs(matchClauses(g, h))).toEqual(['1.1>1.2', '1>1']);
  });

  it('should pair similar text from three in five words shared, the most similar pairs first, each clause once', () => {
    // 3 of 5 words: 0.6, just enough.
    const [a, b] = pair(['## 1 Intro', '1.1 Alpha beta gamma delta.'], ['## 1 Intro', '1.2 Alpha beta gamma epsilon.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.2', '1>1']);
    // Shared words: old 1.1 with 1.3 7/10, with 1.4 7/9, with 1.5 6/10; old 1.2 with 1.3 8/9,
    // with 1.4 6/10, with 1.5 6/10. Best first: 1.2>1.3, then 1.1>1.4; 1.5 is left.
    const [c, d] = pair(
      ['## 1 Intro', '1.1 Alpha beta gamma delta epsilon zeta eta theta.', '1.2 Alpha beta gamma delta epsilon zeta eta iota.'],
      ['## 1 Intro', '1.3 Alpha beta gamma delta epsilon zeta eta iota kappa.', '1.4 Alpha beta gamma delta epsilon zeta theta lambda.', '1.5 Alpha beta gamma delta epsilon zeta nu xi.'],
    );
    expect(pairs(matchClauses(c, d))).toEqual(['1.1>1.4', '1.2>1.3', '1>1']);
  });

  it('should pair what is left by number at the top level, but not a top-level clause with a nested one', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 Alpha beta gamma.'], ['## 1 Other', '1.1 Delta epsilon zeta.']);
    expect(pairs(matchClauses(a, b))).toEqual(['1.1>1.1', '1>1']);
    const [c, d] = pair(['1.1 Alpha beta gamma.'], ['## 1 Intro', '1.1 Delta epsilon zeta.']);
    expect(pairs(matchClauses(c, d))).toEqual([]);
    const [e, f] = pair(['## 1 Intro', '1.1 Delta epsilon zeta.'], ['1.1 Alpha beta gamma.']);
    expect(pairs(matchClauses(e, f))).toEqual([]);
  });
});

describe('rules/correspondence: the redline\'s alignment', () => {
  it('should map each old clause to its new self and back, leaving out the deleted and the inserted, once per pair', () => {
    const [a, b] = pair(['## 1 Intro', '1.1 The DCC shall keep records.', '1.2 The Panel shall review them.', '1.3 Old text to be deleted entirely.'], ['## 1 Intro', '1.1 The DCC shall keep records.', '1.2 A new clause is inserted here.', '1.3 The Panel shall review them.']);
    const c = correspondence(a, b);
    expect(pairs(c.forward)).toEqual(['1.1>1.1', '1.2>1.3', '1>1']);
    expect(pairs(c.backward)).toEqual(['1.1>1.1', '1.2>1.3', '1>1'].map((p) => p.split('>').reverse().join('>')).sort());
    const deleted = [...c.change.keys()].find((k) => k.number === '1.3' && !c.forward.has(k) && !c.backward.has(k));
    expect(deleted && c.change.get(deleted)?.new).toBeFalsy();
    // Every clause of either side has its change: the deleted old 1.3 and the inserted new 1.2 too.
    const side = (doc: ClauseDocument, number: string) => [...walkClauses(doc.clauses)].find((k) => k.number === number)!;
    const oldDeleted = c.change.get(side(a, '1.3'));
    const newInserted = c.change.get(side(b, '1.2'));
    expect([oldDeleted?.old?.clause.number, oldDeleted?.new, newInserted?.old, newInserted?.new?.clause.number]).toEqual(['1.3', null, null, '1.2']);
    expect([...walkClauses(a.clauses), ...walkClauses(b.clauses)].every((k) => c.change.has(k))).toBe(true);
    expect(correspondence(a, b)).toBe(c);
    expect(redlineOf(a, b)).toBe(redlineOf(a, b));
    expect(correspondence(b, a)).not.toBe(c);
  });
});

describe('rules/extract: modal verbs and who they bind', () => {
  const read = (sentence: string) => obligationsIn(sentence).map((o) => [o.modal, o.modality, o.actor]);

  it('should read each modal with its modality and the Capitalised subject right before it, past adverbs', () => {
    expect(read('The DCC shall promptly and reasonably notify.')).toEqual([['shall', 'obligation', 'DCC']]);
    expect(read('The DCC also shall act.')).toEqual([['shall', 'obligation', 'DCC']]);
    expect(read('Each Supplier Party must not refuse.')).toEqual([['must not', 'prohibition', 'Supplier Party']]);
    expect(read('The Secretary of State may not decide.')).toEqual([['may not', 'prohibition', 'Secretary of State']]);
    expect(read("The DCC's Service Desk shall answer.")).toEqual([['shall', 'obligation', "DCC's Service Desk"]]);
    expect(read('The MOC (MDS) Requesting Party may stop.')).toEqual([['may', 'permission', 'MOC (MDS) Requesting Party']]);
  });

  it('should share the subject of a first modal with one joined to it, and find a subject earlier in the sentence', () => {
    expect(read('The Panel shall decide and may publish.')).toEqual([
      ['shall', 'obligation', 'Panel'],
      ['may', 'permission', 'Panel'],
    ]);
    expect(read('Where the DCC determines that a test failed, it shall notify.')).toEqual([['shall', 'obligation', 'DCC']]);
    expect(read('If notified, they must act.')).toEqual([['must', 'obligation', null]]);
  });

  it('should not read definitions, statements of effect or "as the case may be" as duties', () => {
    for (const s of [
      'Test Data shall mean the data.',
      'Test Data shall have the meaning given.',
      'This Clause shall be construed as one.',
      'This Clause shall be interpreted widely.',
      'Costs shall include fees.',
      'This Clause shall cease to have effect on 1 May 2022.',
      'This Clause shall have effect from 1 May 2022.',
      'This Clause shall come into force on 1 May 2022.',
      'This Clause shall take effect on 1 May 2022.',
      'The Panel or the DCC, as the case may be.',
    ]) {
      expect([s, read(s)]).toEqual([s, []]);
    }
    // Only the "may" of "as the case may be" is passed over.
    expect(read('The DCC may, as the case may be, act.')).toEqual([['may', 'permission', 'DCC']]);
  });

  it('should not take a reference to a provision for an actor', () => {
    expect(read('Clause 8.5 shall apply.')).toEqual([['shall', 'obligation', null]]);
    expect(read('Under Section H14 the Panel shall act.')).toEqual([['shall', 'obligation', 'Panel']]);
    for (const s of ['Section H14 shall apply.', 'Sections H14 and H15 shall apply.', 'Clauses 8.5 and 8.6 shall apply.', 'Paragraph 3 shall apply.', 'Paragraphs 3 and 4 shall apply.', 'Appendix B shall apply.', 'Appendices A and B shall apply.']) {
      expect([s, read(s)]).toEqual([s, [['shall', 'obligation', null]]]);
    }
  });

  it('should find a subject earlier in the sentence past openers and determiners, joined by "of" or "and", without a possessive', () => {
    const actors = (sentence: string) => obligationsIn(sentence).map((o) => o.actor);
    expect(actors('Where the Secretary of State determines that a test failed, it shall notify.')).toEqual(['Secretary of State']);
    expect(actors('Where Ofgem and Citizens Advice agree, they shall publish.')).toEqual(['Ofgem and Citizens Advice']);
    expect(actors("Where the Panel's decision is final, it shall publish it.")).toEqual(['Panel']);
    // Right before the modal: a subject at the start, joined by "and", or after a lower-case "of".
    expect(actors('Ofgem shall decide.')).toEqual(['Ofgem']);
    expect(actors('Ofgem and Citizens Advice shall publish.')).toEqual(['Ofgem and Citizens Advice']);
    expect(actors('The rules of Ofgem shall apply.')).toEqual(['Ofgem']);
    // The subject right before the modal wins over one earlier, past an adverb; each modal its own.
    expect(actors('Where the Panel agrees, the DCC also shall act.')).toEqual(['DCC']);
    expect(actors('The Panel shall decide and the DCC shall act.')).toEqual(['Panel', 'DCC']);
  });

  it('should pass over "as the case may be" however spaced, and only at the end of what comes before the modal', () => {
    expect(read('The Panel or the DCC, as  the  case  may be.')).toEqual([]);
    expect(read('The Panel or the DCC, as the case  may be.')).toEqual([]);
    expect(read('As the case requires, the DCC may act.')).toEqual([['may', 'permission', 'DCC']]);
  });
});

describe('rules/extract: what the text of a version says', () => {
  const derive = (body: string) => deriveFromText(parseDocument(`---\nappendix: AK\ntitle: T\nversion: "10.0"\ndesignated_by: d\n---\n\n${body}`, new VFile({ path: 'x.md' })));
  // Front matter is lines 1-6; the body starts on line 8.
  const body = [
    '## 1 Definitions',
    '1.1 In this Document:',
    '| Term | Meaning |\n| --- | --- |\n| Test Window | means the period that must end within 10 Working Days. |',
    '## 2 Duties',
    '2.1 The DCC shall, by 1 July 2022, test each DMC within 5 Working Days of Clause 2.2, and see Clause 9.9, Section H14 and Appendix B.',
    '2.2 The Panel:',
    '(a) shall meet every 3 months; and',
    '(b) may decide.',
    '| When | Duty |\n| --- | --- |\n| 2 weeks | The Secretary of State must report. |',
  ].join('\n\n');

  it('should list the defined terms with their meaning, clause and line', () => {
    expect(derive(body).terms).toEqual([{ term: 'Test Window', definition: 'means the period that must end within 10 Working Days.', clause: { id: 'AK/1.1', number: '1.1' }, line: 14 }]);
  });

  it('should place a reference on its own line, not its clause\'s first', () => {
    expect(derive('## 1 Duties\n\n1.1 The DCC shall act.\n\nSee Clause 1.1 for more.\n').xrefs.map((x) => [x.from.number, x.to, x.line])).toEqual([['1.1', '1.1', 12]]);
  });

  it('should list the references, resolving only those to clauses', () => {
    expect(derive(body).xrefs.map((x) => [x.from.number, x.scope, x.to, x.text, x.resolved, x.line])).toEqual([
      ['2.1', 'clause', '2.2', 'Clause 2.2', true, 18],
      ['2.1', 'clause', '9.9', 'Clause 9.9', false, 18],
      ['2.1', 'section', 'H14', 'Section H14', null, 18],
      ['2.1', 'appendix', 'B', 'Appendix B', null, 18],
    ]);
  });

  it('should give a sub-paragraph\'s duty to the actor its stem names, and read nothing as a duty in a definitions table', () => {
    expect(derive(body).obligations.map((o) => [o.clause.number, o.modal, o.actor, o.line])).toEqual([
      ['2.1', 'shall', 'DCC', 18],
      ['2.2', 'must', 'Secretary of State', 26],
      ['(a)', 'shall', 'Panel', 22],
      ['(b)', 'may', 'Panel', 24],
    ]);
  });

  it('should list durations and dates with their clause and line', () => {
    const derived = derive(body);
    expect(derived.durations.map((d) => [d.clause.number, d.text, d.amount, d.unit, d.iso, d.line])).toEqual([
      // A table's sentences are placed at the table.
      ['1.1', '10 Working Days', 10, 'working-day', null, 12],
      ['2.1', '5 Working Days', 5, 'working-day', null, 18],
      ['2.2', '2 weeks', 2, 'week', 'P2W', 26],
      ['(a)', '3 months', 3, 'month', 'P3M', 22],
    ]);
    expect(derived.dates.map((d) => [d.clause.number, d.text, d.date, d.line])).toEqual([['2.1', '1 July 2022', '2022-07-01', 18]]);
  });
});
