/**
 * Clause-level commencement and expiry read from the text: each wording the module documents,
 * with the date it gives written by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { walkClauses } from '../../src/model/text.js';
import type { Block } from '../../src/model/types.js';
import { ancestry, clauseInterval, clauseKeys, clauseTimings, contains, intersect, isEmpty, sentences } from '../../src/time/clauses.js';

const doc = (...paragraphs: string[]) =>
  parseDocument(`---\nappendix: AL\nshort_name: TMAD\ntitle: T\nversion: "20.0"\ndesignated_by: d\n---\n\n${['## 1 Intro', ...paragraphs].join('\n\n')}`, new VFile({ path: 'x.md' }));

const clause = (d: ReturnType<typeof doc>, number: string) => [...walkClauses(d.clauses)].find((c) => c.number === number)!;

/** kind, scope, date and target numbers of each statement in one clause's text. */
const timingsOf = (text: string) =>
  clauseTimings(doc(text, '1.2 Second.', '1.3 Third.', '1.4 Fourth.')).map((t) => [t.kind, t.scope, t.date, t.targets.map((c) => c.number).join(' ')]);

describe('time/clauses: the wordings of expiry and commencement', () => {
  it.each([
    ['1.1 This Clause shall cease to apply on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause shall cease to be in force on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause shall cease to be in effect on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause will expire on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause is to lapse on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause shall no longer apply from 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause shall no longer have effect on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause ceases to have effect on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause cease to apply on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause expires on 31 December 2022.', 'expiry', '2022-12-31'],
    ['1.1 This Clause expire at the end of 31 December 2022.', 'expiry', '2023-01-01'],
    ['1.1 This Clause shall expire after 31 December 2022.', 'expiry', '2023-01-01'],
    ['1.1 This Clause shall remain in force until 31 December 2022.', 'expiry', '2023-01-01'],
    ['1.1 This Clause will remain in effect up to and including 31 December 2022.', 'expiry', '2023-01-01'],
    ['1.1 This Clause shall have effect until 31 December 2022.', 'expiry', '2023-01-01'],
    ['1.1 This Clause shall come into force on 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause will come into effect from 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause shall take effect with effect from 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause shall have effect from 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause will apply only from 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause comes into force on 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause come into effect on 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause takes effect on 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause take effect on 1 July 2022.', 'commencement', '2022-07-01'],
    ['1.1 This Clause shall apply after 30 June 2022.', 'commencement', '2022-07-01'],
    ['1.1 THIS CLAUSE SHALL  CEASE  TO  APPLY  ON  31 December 2022.', 'expiry', '2022-12-31'],
  ])('%s', (text, kind, date) => {
    expect(timingsOf(text)).toEqual([[kind, 'clause', date, '1.1']]);
  });

  it('should take the date of a defined date given in brackets or with "which is", and no date further on', () => {
    expect(timingsOf('1.1 This Clause shall expire on the Migration End Date (31 December 2022).')).toEqual([['expiry', 'clause', '2022-12-31', '1.1']]);
    expect(timingsOf('1.1 This Clause shall expire on the End Date, which is 31 December 2022.')).toEqual([['expiry', 'clause', '2022-12-31', '1.1']]);
    expect(timingsOf('1.1 This Clause shall expire on the end date, being 31 December 2022.')).toEqual([]);
    expect(timingsOf('1.1 This Clause shall expire on notice given by 31 December 2022.')).toEqual([]);
    expect(timingsOf('1.1 This Clause shall expire on a date the Panel sets.')).toEqual([]);
  });

  it('should read what the statement is about: listed clauses, ranges, this provision or the document', () => {
    expect(timingsOf('1.1 Clauses 1.2, 1.3 and 1.4 shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.2 1.3 1.4']]);
    expect(timingsOf('1.1 Clauses 1.2 to 1.4 shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.2 1.3 1.4']]);
    expect(timingsOf('1.1 Clause 1.3. shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.3']]);
    expect(timingsOf('1.1 Clause 9.9 shall cease to have effect on 1 January 2023.')).toEqual([]);
    expect(timingsOf('1.1 This paragraph shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.1']]);
    expect(timingsOf('1.1 This provision shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.1']]);
    expect(timingsOf('1.1 This subparagraph shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.1']]);
    expect(timingsOf('1.1 This sub-paragraph shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.1']]);
    expect(timingsOf('1.1 This Document shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'document', '2023-01-01', '']]);
    expect(timingsOf('1.1 This Appendix shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'document', '2023-01-01', '']]);
    expect(timingsOf('1.1 This Approach Document shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'document', '2023-01-01', '']]);
    expect(timingsOf('1.1 This Transition TMAD shall cease to have effect on 1 January 2023.')).toEqual([['expiry', 'document', '2023-01-01', '']]);
    expect(timingsOf('1.1 The Party shall cease to apply on 1 January 2023.')).toEqual([]);
    expect(timingsOf('1.1 This Documentation shall cease to have effect on 1 January 2023.')).toEqual([]);
    expect(timingsOf('1.1 Within this Clause the DCC shall cease to apply on 1 January 2023.')).toEqual([['expiry', 'clause', '2023-01-01', '1.1']]);
  });

  it('should apply a range only to clauses at the level of its ends', () => {
    const d = doc('1.1 Clauses 1.2 to 1.3 shall cease to have effect on 1 January 2023.', '1.2 A.', '(a) first', '1.3 B.', '1.4 C.');
    expect(clauseTimings(d).map((t) => t.targets.map((c) => c.number))).toEqual([['1.2', '1.3']]);
  });

  it('should narrow a sub-paragraph\'s statement to its provision, and keep the sentence, source and line', () => {
    const d = doc('1.1 The DCC shall act.', '(a) first; and', '(b) This paragraph shall cease to apply on 1 January 2023.');
    const [timing, ...rest] = clauseTimings(d);
    expect(rest).toEqual([]);
    expect(timing!.targets.map((c) => c.number)).toEqual(['1.1']);
    expect(timing!.source.number).toBe('(b)');
    expect(timing!.sentence).toBe('This paragraph shall cease to apply on 1 January 2023.');
    expect(timing!.line).toBe(15);
  });

  it('should count the line a later sentence of a paragraph starts on', () => {
    const d = doc('1.1 The DCC shall report. It shall publish.\nThis Clause shall cease to apply on\n1 January 2023. Then more;\nthis Clause shall take effect on 1 July 2022.');
    expect(clauseTimings(d).map((t) => [t.kind, t.line, t.sentence])).toEqual([
      ['expiry', 12, 'This Clause shall cease to apply on 1 January 2023.'],
      // A lower-case word after ";" does not start a new sentence.
      ['commencement', 13, 'Then more; this Clause shall take effect on 1 July 2022.'],
    ]);
  });
});

describe('time/clauses: keys and ancestry', () => {
  it('should key clauses by path and by number, the first holder keeping a name', () => {
    const d = doc('1.1 First.', '(a) sub', '1.2 Second.', '(a) sub two');
    const keys = clauseKeys(d);
    expect(keys.get('1.1')).toBe(clause(d, '1.1'));
    expect(keys.get('(a)')).toBe(clause(d, '1.1').children[0]);
    expect(keys.get('1.2(a)')).toBe(clause(d, '1.2').children[0]);
  });

  it('should give the clause and its ancestors outermost first, or null outside the tree', () => {
    const d = doc('1.1 First.', '(a) sub');
    const sub = clause(d, '1.1').children[0]!;
    expect(ancestry(d.clauses, sub)?.map((c) => c.number)).toEqual(['1', '1.1', '(a)']);
    expect(ancestry(doc('1.1 Other.').clauses, sub)).toBeNull();
  });
});

describe('time/clauses: intervals', () => {
  it('should intersect: the later start, the earlier end, prospective if either is', () => {
    expect(intersect({ from: '2022-01-01', until: '2023-01-01' }, { from: '2022-06-10', until: '2022-12-01' })).toEqual({ from: '2022-06-10', until: '2022-12-01' });
    expect(intersect({ from: '2022-06-10', until: '2022-12-01' }, { from: '2022-01-01', until: '2023-01-01' })).toEqual({ from: '2022-06-10', until: '2022-12-01' });
    expect(intersect({ from: '2022-01-01', until: null }, { from: '2021-01-01', until: '2023-01-01' })).toEqual({ from: '2022-01-01', until: '2023-01-01' });
    expect(intersect({ from: '2022-01-01', until: '2023-01-01' }, { from: '2021-01-01', until: null })).toEqual({ from: '2022-01-01', until: '2023-01-01' });
    expect(intersect({ from: null, until: null }, { from: '2021-01-01', until: null })).toEqual({ from: null, until: null });
    expect(intersect({ from: '2021-01-01', until: null }, { from: null, until: null })).toEqual({ from: null, until: null });
  });

  it('should hold a date from its start up to, not including, its end; never for a prospective one', () => {
    const interval = { from: '2022-06-10', until: '2023-01-01' };
    expect(contains(interval, '2022-06-09')).toBe(false);
    expect(contains(interval, '2022-06-10')).toBe(true);
    expect(contains(interval, '2022-12-31')).toBe(true);
    expect(contains(interval, '2023-01-01')).toBe(false);
    expect(contains({ from: '2022-06-10', until: null }, '2099-01-01')).toBe(true);
    expect(contains({ from: null, until: null }, '2022-06-10')).toBe(false);
  });

  it('should call an interval empty only when it ends on or before it starts', () => {
    expect(isEmpty({ from: '2022-06-10', until: '2022-06-10' })).toBe(true);
    expect(isEmpty({ from: '2022-06-10', until: '2022-06-01' })).toBe(true);
    expect(isEmpty({ from: '2022-06-10', until: '2022-06-11' })).toBe(false);
    expect(isEmpty({ from: null, until: '2022-06-01' })).toBe(false);
    expect(isEmpty({ from: '2022-06-10', until: null })).toBe(false);
  });

  it('should narrow a clause by statements on itself, an ancestor and the document, not on a sibling', () => {
    const d = doc(
      '1.1 This Document shall cease to have effect on 1 March 2023.',
      '1.2 This Clause shall come into effect on 1 July 2022.',
      '(a) This paragraph shall expire on 1 February 2023.',
      '1.3 This Clause shall expire on 1 January 2023.',
    );
    const version = { from: '2022-06-10', until: '2024-01-01' };
    const sub = clause(d, '1.2').children[0]!;
    const narrowed = clauseInterval(d, sub, version);
    expect([narrowed.from, narrowed.until]).toEqual(['2022-07-01', '2023-02-01']);
    expect(narrowed.narrowedBy.map((t) => t.source.number)).toEqual(['1.1', '1.2', '(a)']);
    expect(clauseInterval(d, clause(d, '1.3'), version)).toMatchObject({ from: '2022-06-10', until: '2023-01-01' });
    expect(clauseInterval(d, clause(d, '1.1'), version)).toMatchObject({ from: '2022-06-10', until: '2023-03-01' });
  });
});

/** A source with its own front matter (no short name, another short name, or a direction). */
const source = (frontMatter: string, body: string) => parseDocument(`---\n${frontMatter}\n---\n\n${body}`, new VFile({ path: 'x.md' }));

/** The numbers of the clauses each statement of a document narrows. */
const targetsIn = (d: ReturnType<typeof doc>) => clauseTimings(d).map((t) => t.targets.map((c) => c.number));

describe('time/clauses: the clauses a statement names', () => {
  it('should find a numbered sub-paragraph, and a number followed by the text\'s own bracket or full stop', () => {
    const paragraphs = ['1.2 A.', '(a) x', '(i) y', '(b) z', '1.3 B.'];
    expect(targetsIn(doc('1.1 Clause 1.2(a) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['(a)']]);
    expect(targetsIn(doc('1.1 The duties (under Clause 1.3) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['1.3']]);
    expect(targetsIn(doc('1.1 The duties (under Clause 1.2(a)) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['(a)']]);
    expect(targetsIn(doc('1.1 The duties (under Clauses 1.2 to 1.3) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['1.2', '1.3']]);
    expect(targetsIn(doc('1.1 The duties (Clauses 1.2 to 1.3.) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['1.2', '1.3']]);
    // (i) sits at the depth of (a) and (b) but is a roman item, not one of the lettered run.
    expect(targetsIn(doc('1.1 Clauses 1.2(a) to 1.2(b) shall cease to have effect on 1 May 2023.', ...paragraphs))).toEqual([['(a)', '(b)']]);
  });

  it('should read a list written without spaces, and leave out a deeper clause inside a range', () => {
    expect(targetsIn(doc('1.1 Clauses 1.2,1.3 shall cease to have effect on 1 May 2023.', '1.2 A.', '1.3 B.'))).toEqual([['1.2', '1.3']]);
    expect(targetsIn(doc('1.1 Clauses 1.2 to 1.3 shall cease to have effect on 1 May 2023.', '1.2 A.', '1.2.1 Deeper.', '1.3 B.'))).toEqual([['1.2', '1.3']]);
  });

  it('should narrow nothing by name for a statement about the whole document', () => {
    const [timing] = clauseTimings(doc('1.1 This Document shall cease to have effect on 1 May 2023.'));
    expect(timing!.scope).toBe('document');
    expect(timing!.targets).toEqual([]);
  });

  it('should know the document by its short name, a version without one, and a direction', () => {
    const body = (subject: string) => `## 1 Intro\n\n1.1 ${subject} shall cease to have effect on 1 May 2023.`;
    const scopes = (d: ReturnType<typeof source>) => clauseTimings(d).map((t) => t.scope);
    expect(scopes(source('appendix: AL\nshort_name: S.AD\ntitle: T\nversion: "1.0"\ndesignated_by: d', body('This S.AD')))).toEqual(['document']);
    expect(scopes(source('appendix: AL\ntitle: T\nversion: "1.0"\ndesignated_by: d', body('This Document')))).toEqual(['document']);
    expect(scopes(source('appendix: AL\ntitle: T\nversion: "1.0"\ndesignated_by: d', body('This TMAD')))).toEqual([]);
    expect(scopes(source('kind: direction\nid: d\ntitle: D\nmade: 2022-06-09\neffective: 2022-06-10\ndesignates: []', body('This Document')))).toEqual(['document']);
  });

  it('should narrow a statement in a paragraph of a statute section or an article to the section or article', () => {
    const statute = source('appendix: AL\ntitle: T\nversion: "1.0"\ndesignated_by: d', '## Abschnitt 1\n\n### § 1 Zweck\n\n(1) This Clause shall cease to have effect on 1 May 2023.');
    expect(targetsIn(statute)).toEqual([['§ 1']]);
    const code = source('appendix: AL\ntitle: T\nversion: "1.0"\ndesignated_by: d', '## Chapter 1\n\n### Article 1\n\n(1) This Clause shall cease to have effect on 1 May 2023.');
    expect(targetsIn(code)).toEqual([['Article 1']]);
  });

  it('should narrow a clause held outside the document by the statements given that name it', () => {
    const other = doc('1.1 This Clause shall cease to have effect on 1 May 2023.');
    const here = doc('1.1 Plain.');
    const interval = clauseInterval(here, clause(other, '1.1'), { from: '2022-01-01', until: null }, clauseTimings(other));
    expect([interval.from, interval.until]).toEqual(['2022-01-01', '2023-05-01']);
  });
});

describe('time/clauses: sentences', () => {
  it('should split at a full stop or semicolon before a capital or bracket, collapse spaces and count lines', () => {
    const d = doc('1.1 First one.  Second one;\n(a) not a clause here; third.\nFourth  one.');
    expect(sentences(clause(d, '1.1').content[0]!)).toEqual([
      { text: 'First one.', line: 11 },
      { text: 'Second one;', line: 11 },
      { text: '(a) not a clause here; third.', line: 12 },
      { text: 'Fourth one.', line: 13 },
    ]);
  });

  it('should give no sentence for a block with no text, with or without a position', () => {
    expect(sentences({ type: 'paragraph', children: [] } as Block)).toEqual([]);
    expect(sentences({ type: 'paragraph', children: [{ type: 'text', value: ' \n ' }] } as Block)).toEqual([]);
  });
});
