/**
 * Questions over the rules of the fixture corpus (test/fixtures/rules/corpus): the rules in force
 * on a date, evaluated against facts; a clause through its versions; two versions' rules
 * compared. The fixture's dates and changes are read off its files, and every expected answer is
 * written out by hand from them:
 * - AL (TMAD) v19.0 in force from 2022-01-01, v20.0 from 2022-06-10; in v20.0 a new 6.2 moves
 *   the data-issues exclusion (key `exclusion-data-issues`) from 6.2 to 6.3, 3.2 is amended and
 *   drops MOC (MDS) from its rule's cohorts, 5.2 (out of force from 2022-12-31) and 6.4 are new.
 * - J (ETAD) v5.0 from 2022-01-01, v6.0 from 2022-06-10 (adds 1.2), v7.0 designated with no
 *   effective date (adds 1.3).
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { clauseHistory, corpusRules, diffRules, evaluateRules, fieldChanges, knownDocuments, QueryError, selectRules, type Rule } from '../../src/rules/index.js';
import { fixtureDir } from './helpers.js';
import { direction, memoryCorpus, version } from '../memory-corpus.js';

const corpus = loadCorpus(fixtureDir, nodeHost);
const ids = (rules: readonly Rule[]) => rules.map((r) => `${r.document.meta.appendix}@${r.document.meta.version} ${r.id}`);
const AL20 = [
  'AL@20.0 tmad.rp.decommissioning-earliest-date',
  'AL@20.0 tmad.mehrs.referral',
  'AL@20.0 tmad.partial-migration.moc-mds',
  'AL@20.0 tmad.exclusion.failed-attempts',
  'AL@20.0 tmad.exclusion.duplicate-mpxn',
  'AL@20.0 tmad.exclusion.data-issues',
  'AL@20.0 tmad.exclusion.active-to-dormant',
];
const J6 = ['J@6.0 etad.test-assets.maintain', 'J@6.0 etad.test-assets.reuse'];

describe('rules/query: the rules in force', () => {
  it('should choose the versions in force on a date and the rules whose clause is then in force', () => {
    const on = selectRules(corpus, { at: '2022-06-10' });
    expect([on.at, on.document, on.version, on.versions.map((v) => `${v.appendix}@${v.version}`)]).toEqual(['2022-06-10', null, null, ['AL@20.0', 'J@6.0']]);
    expect(ids(on.rules)).toEqual([...AL20, ...J6]);
    // 5.2 ceases to have effect on 31 December 2022: that is its first day out of force.
    expect(ids(selectRules(corpus, { at: '2022-12-30' }).rules)).toContain('AL@20.0 tmad.partial-migration.moc-mds');
    expect(ids(selectRules(corpus, { at: '2022-12-31' }).rules)).toEqual([...AL20.filter((r) => !r.endsWith('moc-mds')), ...J6]);
    expect(ids(selectRules(corpus, { at: '2022-06-09' }).rules)).toEqual([
      'AL@19.0 tmad.rp.decommissioning-earliest-date',
      'AL@19.0 tmad.mehrs.referral',
      'AL@19.0 tmad.exclusion.failed-attempts',
      'AL@19.0 tmad.exclusion.data-issues',
      'J@5.0 etad.test-assets.maintain',
    ]);
    expect(selectRules(corpus, { at: '2021-12-31' })).toMatchObject({ versions: [], rules: [] });
  });

  it('should narrow to one document by letter or short name, or take every rule of DOC@VERSION', () => {
    const tmad = selectRules(corpus, { at: '2022-06-10', doc: 'TMAD' });
    expect([tmad.document, tmad.version, ids(tmad.rules)]).toEqual(['AL', null, AL20]);
    expect(ids(selectRules(corpus, { at: '2022-06-10', doc: 'J' }).rules)).toEqual(J6);
    const version = selectRules(corpus, { doc: 'ETAD@7.0' });
    expect([version.at, version.document, version.version, ids(version.rules)]).toEqual([null, 'J', '7.0', ['J@7.0 etad.test-assets.maintain', 'J@7.0 etad.test-assets.reuse']]);
    // A version and a date: its rules only if it is in force then.
    expect(ids(selectRules(corpus, { doc: 'AL@19.0', at: '2022-06-10' }).rules)).toEqual([]);
    expect(selectRules(corpus, { doc: 'AL@19.0', at: '2022-06-09' }).rules).toHaveLength(4);
    // The versions considered: the one named only while in force; none of a document not yet in force.
    const versionsOf = (options: Parameters<typeof selectRules>[1]) => selectRules(corpus, options).versions.map((v) => `${v.appendix}@${v.version}`);
    expect([versionsOf({ doc: 'AL@19.0', at: '2022-06-10' }), versionsOf({ doc: 'AL@19.0', at: '2022-06-09' }), versionsOf({ doc: 'AL@19.0' })]).toEqual([[], ['AL@19.0'], ['AL@19.0']]);
    expect(versionsOf({ doc: 'AL', at: '2021-12-31' })).toEqual([]);
  });

  it('should refuse a question the corpus cannot answer, saying what it holds', () => {
    const refusal = (options: Parameters<typeof selectRules>[1]) => {
      try {
        selectRules(corpus, options);
      } catch (error) {
        return [error instanceof QueryError, (error as Error).message];
      }
      return null;
    };
    expect(refusal({ at: '2022-06-10', doc: 'XX' })).toEqual([true, 'no document XX (known: AL (TMAD), J (ETAD))']);
    expect(refusal({ doc: 'XX@1.0' })).toEqual([true, 'no document XX@1.0 (known: AL (TMAD), J (ETAD))']);
    expect(refusal({ doc: 'AL@99.0' })).toEqual([true, 'no version 99.0 of AL (held: 19.0, 20.0)']);
    expect(refusal({ doc: 'TMAD' })).toEqual([true, '--doc TMAD needs a date (--at) or a version (AL@VERSION)']);
    expect(refusal({})).toEqual([true, 'a date is needed to choose the versions in force']);
    expect(knownDocuments(memoryCorpus({}).corpus)).toBe('none');
  });
});

describe('rules/query: rules evaluated against facts', () => {
  const results = (facts: Record<string, unknown>) =>
    evaluateRules(selectRules(corpus, { at: '2022-06-10', doc: 'AL' }).rules, facts).map((r) => [r.rule.id, r.applies, r.determined, r.unconditional, r.missing]);

  it('should say which rules apply, which the facts settle, which are unconditional, and the facts left out', () => {
    expect(results({ cohort: 'MOC (MDS)', installation_status: 'Dormant', duplicate_mpxn: true, failed_attempts: 2 })).toEqual([
      ['tmad.rp.decommissioning-earliest-date', false, true, false, []],
      ['tmad.mehrs.referral', true, true, true, []],
      ['tmad.partial-migration.moc-mds', true, true, false, []],
      ['tmad.exclusion.failed-attempts', false, true, false, []],
      ['tmad.exclusion.duplicate-mpxn', true, true, false, []],
      ['tmad.exclusion.data-issues', false, false, false, ['unresolved_data_issue']],
      ['tmad.exclusion.active-to-dormant', false, false, false, ['smso_contract_terminated', 'supplier_statement_given']],
    ]);
    expect(results({ cohort: 'FOC', installation_status: 'Active' }).map(([id, applies, determined]) => [id, applies, determined])).toEqual([
      ['tmad.rp.decommissioning-earliest-date', true, true],
      ['tmad.mehrs.referral', true, true],
      ['tmad.partial-migration.moc-mds', false, true],
      ['tmad.exclusion.failed-attempts', false, false],
      ['tmad.exclusion.duplicate-mpxn', false, true],
      ['tmad.exclusion.data-issues', false, true],
      ['tmad.exclusion.active-to-dormant', false, true],
    ]);
  });

  it('should trace the scope and the condition part by part', () => {
    const [result] = evaluateRules(corpusRules(corpus).rules.filter((r) => r.id === 'tmad.exclusion.active-to-dormant' && r.document.meta.version === '20.0'), { cohort: 'IOC', smso_contract_terminated: true });
    expect(result!.scope.map((s) => [s.text, s.held, s.determined])).toEqual([
      ['cohort in ["IOC", "MOC (Secure)", "MOC (MDS)", "FOC"]', true, true],
      ['installation_status in ["Dormant"]', false, false],
    ]);
    expect([result!.condition!.text, result!.condition!.determined, result!.condition!.parts.map((p) => [p.text, p.held, p.determined])]).toEqual([
      '(smso_contract_terminated == true and supplier_statement_given == true)',
      false,
      [
        ['smso_contract_terminated == true', true, true],
        ['supplier_statement_given == true', false, false],
      ],
    ]);
    const [unconditional] = evaluateRules(corpusRules(corpus).rules.filter((r) => r.id === 'tmad.mehrs.referral').slice(0, 1), {});
    expect([unconditional!.scope, unconditional!.condition, unconditional!.applies, unconditional!.determined]).toEqual([[], null, true, true]);
    // A condition with no scope is a condition all the same.
    const { corpus: small } = memoryCorpus({
      'facts.yaml': 'dormant:\n  type: boolean',
      'd/one.md': direction('one', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
      'aa/v1.md': version('AA', '1.0', 'one', '## 1 Intro\n\n1.1 The DCC shall act.\n\n```rule\nid: aa.dormant\nkind: obligation\nactor: DCC\neffect: The DCC acts.\ncondition:\n  "==": [{ var: dormant }, true]\n```\n'),
    });
    const [conditional] = evaluateRules(corpusRules(small).rules, { dormant: true });
    expect([conditional!.rule.id, conditional!.scope, conditional!.condition?.text, conditional!.unconditional, conditional!.applies]).toEqual(['aa.dormant', [], 'dormant == true', false, true]);
  });
});

describe('rules/history: a clause through its versions', () => {
  const history = (doc: string, query: string, options: { at?: string } = {}) => {
    const h = clauseHistory(corpus, doc, query, options);
    return {
      anchor: [h.appendix, h.anchor.version, h.anchor.clause.number, h.anchor.matchedBy],
      entries: h.entries.map((e) => [e.version.version, e.clause?.number ?? null, e.change, e.textChanged, e.previousNumber, e.rules.map((r) => r.id)]),
    };
  };

  it('should follow a renumbered clause by the redline, whichever way it is asked for', () => {
    const renumbered = [
      ['19.0', '6.2', 'present', false, null, ['tmad.exclusion.data-issues']],
      ['20.0', '6.3', 'renumbered', false, '6.2', ['tmad.exclusion.data-issues']],
    ];
    expect(history('AL', '6.3')).toEqual({ anchor: ['AL', '20.0', '6.3', 'number'], entries: renumbered });
    expect(history('TMAD', 'Clause 6.3')).toEqual({ anchor: ['AL', '20.0', '6.3', 'number'], entries: renumbered });
    expect(history('AL', '#exclusion-data-issues')).toEqual({ anchor: ['AL', '20.0', '6.3', 'key'], entries: renumbered });
    expect(history('AL', '{#exclusion-data-issues}')).toEqual({ anchor: ['AL', '20.0', '6.3', 'key'], entries: renumbered });
    expect(history('AL', 'tmad.exclusion.data-issues')).toEqual({ anchor: ['AL', '20.0', '6.3', 'rule'], entries: renumbered });
    // As of a date in v19.0's time, 6.2 is the data-issues clause; so it is in v19.0 itself.
    expect(history('AL', '6.2', { at: '2022-03-01' })).toEqual({ anchor: ['AL', '19.0', '6.2', 'number'], entries: renumbered });
    expect(history('AL@19.0', '6.2')).toEqual({ anchor: ['AL', '19.0', '6.2', 'number'], entries: renumbered });
  });

  it('should tell a clause added, amended and unchanged, newest first when no date is given', () => {
    expect(history('AL', '6.2').entries).toEqual([
      ['19.0', null, 'absent', false, null, []],
      ['20.0', '6.2', 'added', false, null, ['tmad.exclusion.duplicate-mpxn']],
    ]);
    expect(history('AL', '3.2').entries).toEqual([
      ['19.0', '3.2', 'present', false, null, ['tmad.rp.decommissioning-earliest-date']],
      ['20.0', '3.2', 'amended', true, null, ['tmad.rp.decommissioning-earliest-date']],
    ]);
    expect(history('J', '1.2').entries).toEqual([
      ['5.0', null, 'absent', false, null, []],
      ['6.0', '1.2', 'added', false, null, ['etad.test-assets.reuse']],
      ['7.0', '1.2', 'unchanged', false, null, ['etad.test-assets.reuse']],
    ]);
    expect(history('J', '1.3').entries.map((e) => e.slice(0, 3))).toEqual([
      ['5.0', null, 'absent'],
      ['6.0', null, 'absent'],
      ['7.0', '1.3', 'added'],
    ]);
  });

  it('should give each entry its version\'s dates and the clause\'s own interval', () => {
    const h = clauseHistory(corpus, 'AL', '5.2');
    expect(h.entries.map((e) => [e.version.version, e.version.effective, e.interval && [e.interval.from, e.interval.until]])).toEqual([
      ['19.0', '2022-01-01', null],
      ['20.0', '2022-06-10', ['2022-06-10', '2022-12-31']],
    ]);
  });

  it('should refuse a document, version or clause the corpus does not hold', () => {
    const refusal = (doc: string, query: string) => {
      try {
        clauseHistory(corpus, doc, query);
      } catch (error) {
        return [error instanceof QueryError, (error as Error).message];
      }
      return null;
    };
    expect(refusal('XX', '1.1')).toEqual([true, 'no document XX (known: AL (TMAD), J (ETAD))']);
    expect(refusal('AL@7.0', '1.1')).toEqual([true, 'no version 7.0 of AL (held: 19.0, 20.0)']);
    expect(refusal('AL', '9.9')).toEqual([true, 'no clause, stable key or rule id 9.9 in any version of AL']);
    expect(refusal('AL@19.0', '5.2')).toEqual([true, 'no clause, stable key or rule id 5.2 in AL v19.0']);
  });
});

describe('rules/history: a clause the redline loses, and changes of heading and spacing', () => {
  const rule = (id: string) => `\`\`\`rule\nid: ${id}\nkind: obligation\nactor: DCC\neffect: The DCC acts.\n\`\`\``;
  // AA 1.0, 2.0 and 3.0, in force from 1 January, 1 March and 1 June 2022. 1.1 (key `records`) and
  // 1.2 (rule `aa.review`) are deleted in 2.0 and come back in 3.0 as 1.7 and 1.8, with other
  // words; 1.9 (rule `aa.moved`) is new in 2.0 and deleted in 3.0, where 1.10 carries its rule.
  const { corpus } = memoryCorpus({
    'd/one.md': direction('one', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
    'd/two.md': direction('two', '2022-02-01', '2022-03-01', ['{ document: AA, version: "2.0" }']),
    'd/three.md': direction('three', '2022-05-01', '2022-06-01', ['{ document: AA, version: "3.0" }']),
    'aa/v1.md': version('AA', '1.0', 'one', ['## 1 Intro', '1.1 The DCC shall keep records of each meter. {#records}', '1.2 The Panel shall review the charging statement every year.', rule('aa.review'), '1.3 Alpha beta gamma delta.', '1.4 **Reports.** Epsilon zeta eta.', '1.5 Kappa  lambda mu.', '1.6 Nu xi omicron.'].join('\n\n') + '\n'),
    'aa/v2.md': version('AA', '2.0', 'two', ['## 1 Intro', '1.3 Alpha beta gamma delta.', '1.4 **Returns.** Epsilon zeta eta.', '1.5 Kappa lambda mu.', '1.6 Nuxi omicron.', '1.9 Omega psi chi phi.', rule('aa.moved')].join('\n\n') + '\n', '1.0'),
    'aa/v3.md': version('AA', '3.0', 'three', ['## 1 Intro', '1.3 Alpha beta gamma delta.', '1.4 **Returns.** Epsilon zeta eta.', '1.5 Kappa lambda mu.', '1.6 Nuxi omicron.', '1.7 Records of every meter are held by the DCC. {#records}', '1.8 Statements of charges get a yearly look.', rule('aa.review'), '1.10 Upsilon tau sigma rho.', rule('aa.moved')].join('\n\n') + '\n', '2.0'),
  });
  const entries = (doc: string, query: string, options: { at?: string } = {}) => {
    const h = clauseHistory(corpus, doc, query, options);
    return [[h.anchor.version, h.anchor.clause.number, h.anchor.matchedBy], ...h.entries.map((e) => [e.version.version, e.clause?.number ?? null, e.change, e.textChanged])];
  };

  it('should pick a deleted clause up again by its stable key or its rule id, whichever way it is followed', () => {
    const records = [
      ['1.0', '1.1', 'present', false],
      ['2.0', null, 'removed', false],
      ['3.0', '1.7', 'added', false],
    ];
    expect(entries('AA@1.0', '1.1')).toEqual([['1.0', '1.1', 'number'], ...records]);
    expect(entries('AA', '1.7')).toEqual([['3.0', '1.7', 'number'], ...records]);
    const review = [
      ['1.0', '1.2', 'present', false],
      ['2.0', null, 'removed', false],
      ['3.0', '1.8', 'added', false],
    ];
    expect(entries('AA@1.0', 'aa.review')).toEqual([['1.0', '1.2', 'rule'], ...review]);
    expect(entries('AA', 'aa.review')).toEqual([['3.0', '1.8', 'rule'], ...review]);
  });

  it('should believe the redline where it deleted or inserted the clause, even when its rule id is found elsewhere', () => {
    const moved = [
      ['1.0', null, 'absent', false],
      ['2.0', '1.9', 'added', false],
      ['3.0', null, 'removed', false],
    ];
    expect(entries('AA@2.0', '1.9')).toEqual([['2.0', '1.9', 'number'], ...moved]);
    expect(entries('AA', '1.10')).toEqual([
      ['3.0', '1.10', 'number'],
      ['1.0', null, 'absent', false],
      ['2.0', null, 'absent', false],
      ['3.0', '1.10', 'added', false],
    ]);
  });

  it('should follow a clause with neither key nor rule by the redline alone, both ways', () => {
    const alpha = [
      ['1.0', '1.3', 'present', false],
      ['2.0', '1.3', 'unchanged', false],
      ['3.0', '1.3', 'unchanged', false],
    ];
    expect(entries('AA@1.0', '1.3')).toEqual([['1.0', '1.3', 'number'], ...alpha]);
    expect(entries('AA', '1.3')).toEqual([['3.0', '1.3', 'number'], ...alpha]);
    // No version is in force yet: the newest holding it.
    expect(entries('AA', '1.3', { at: '2021-06-01' })).toEqual([['3.0', '1.3', 'number'], ...alpha]);
  });

  it('should count a changed heading and words run together as a change, and spacing not', () => {
    expect(entries('AA', '1.4').slice(1, 3)).toEqual([
      ['1.0', '1.4', 'present', false],
      ['2.0', '1.4', 'amended', true],
    ]);
    expect(entries('AA', '1.5').slice(1, 3)).toEqual([
      ['1.0', '1.5', 'present', false],
      ['2.0', '1.5', 'unchanged', false],
    ]);
    expect(entries('AA', '1.6').slice(1, 3)).toEqual([
      ['1.0', '1.6', 'present', false],
      ['2.0', '1.6', 'amended', true],
    ]);
  });

  it('should take a query with spaces after it, and strip only a leading `Clause ` and a key\'s own `{#` and `}`', () => {
    expect(entries('AA', 'Clause 1.3 ')[0]).toEqual(['3.0', '1.3', 'number']);
    expect(entries('AA', '{#records}')[0]).toEqual(['3.0', '1.7', 'key']);
    for (const query of ['rec#ords', 'rec}ords', '1.3Clause ']) {
      expect(() => clauseHistory(corpus, 'AA', query)).toThrow(`no clause, stable key or rule id ${query} in any version of AA`);
    }
  });
});

describe('rules/history: as of a date', () => {
  const anchor = (doc: string, query: string, at: string) => {
    const h = clauseHistory(corpus, doc, query, { at });
    return [h.appendix, h.anchor.version, h.anchor.clause.number];
  };

  it('should read a number in the version of that document then in force, else in the newest holding it', () => {
    // 6.2 names the duplicate-MPXN clause from 10 June 2022, the data-issues clause before.
    expect(anchor('AL', '6.2', '2022-06-10')).toEqual(['AL', '20.0', '6.2']);
    expect(anchor('J', '1.2', '2022-06-10')).toEqual(['J', '6.0', '1.2']);
    // 6.4 is not in v19.0, in force on 1 March 2022.
    expect(anchor('AL', '6.4', '2022-03-01')).toEqual(['AL', '20.0', '6.4']);
  });
});

describe('rules/diff: two versions\' rules compared', () => {
  const rulesOf = (appendix: string, version: string) => corpusRules(corpus).rules.filter((r) => r.document.meta.appendix === appendix && r.document.meta.version === version);

  it('should match rules by id, sorted, with the fields that changed', () => {
    const diff = diffRules(rulesOf('AL', '19.0'), rulesOf('AL', '20.0'));
    expect([diff.added.map((r) => r.id), diff.removed.map((r) => r.id), diff.unchanged.map((r) => r.id)]).toEqual([
      ['tmad.exclusion.active-to-dormant', 'tmad.exclusion.duplicate-mpxn', 'tmad.partial-migration.moc-mds'],
      [],
      ['tmad.exclusion.failed-attempts', 'tmad.mehrs.referral'],
    ]);
    expect(diff.changed.map((c) => [c.id, c.old.document.meta.version, c.new.document.meta.version, c.changes])).toEqual([
      ['tmad.exclusion.data-issues', '19.0', '20.0', [{ field: 'clause', old: '6.2', new: '6.3' }]],
      ['tmad.rp.decommissioning-earliest-date', '19.0', '20.0', [{ field: 'applies_to.cohorts', added: [], removed: ['MOC (MDS)'] }]],
    ]);
    const back = diffRules(rulesOf('AL', '20.0'), rulesOf('AL', '19.0'));
    expect([back.added, back.removed.map((r) => r.id)]).toEqual([[], ['tmad.exclusion.active-to-dormant', 'tmad.exclusion.duplicate-mpxn', 'tmad.partial-migration.moc-mds']]);
  });

  it('should sort added, removed, changed and unchanged rules by id, whatever their order in the version', () => {
    const [base] = rulesOf('AL', '20.0') as [Rule];
    const withId = (id: string, effect = base.effect) => ({ ...base, id, effect });
    const diff = diffRules([withId('b'), withId('z'), withId('y'), withId('x', 'old')], [withId('b'), withId('a'), withId('c'), withId('y'), withId('x', 'new'), withId('w', 'old')]);
    expect([diff.added, diff.removed, diff.changed.map((c) => c.new), diff.unchanged].map((list) => list.map((r) => r.id))).toEqual([['a', 'c', 'w'], ['z'], ['x'], ['b', 'y']]);
  });

  it('should name each field that changed: scalars, scope lists, the condition (not its key order) and the clause', () => {
    const [base] = rulesOf('AL', '20.0').filter((r) => r.id === 'tmad.exclusion.active-to-dormant') as [Rule];
    const changed: Rule = {
      ...base,
      kind: 'obligation',
      actor: 'Panel',
      effect: 'Other.',
      period: 'P1D',
      from: 'notice',
      appliesTo: { cohorts: ['IOC', 'XOC'], parties: ['Supplier'] },
      condition: { and: [{ '==': [{ var: 'smso_contract_terminated' }, true] }] },
      clause: { ...base.clause, number: null, id: 'AL/annex' },
    };
    expect(fieldChanges(base, changed)).toEqual([
      { field: 'kind', old: 'exclusion-category', new: 'obligation' },
      { field: 'actor', old: 'DCC', new: 'Panel' },
      { field: 'effect', old: base.effect, new: 'Other.' },
      { field: 'period', old: null, new: 'P1D' },
      { field: 'from', old: null, new: 'notice' },
      { field: 'applies_to.cohorts', added: ['XOC'], removed: ['MOC (Secure)', 'MOC (MDS)', 'FOC'] },
      { field: 'applies_to.installation_types', added: [], removed: ['Dormant'] },
      { field: 'applies_to.parties', added: ['Supplier'], removed: [] },
      { field: 'condition', old: base.condition, new: changed.condition },
      { field: 'clause', old: '6.4', new: 'AL/annex' },
    ]);
    // Scope categories are compared in name order, whatever order each rule lists them in.
    expect(fieldChanges({ ...base, appliesTo: { parties: ['A'], cohorts: ['IOC'] } }, { ...base, appliesTo: { parties: ['B'], cohorts: ['FOC'] } }).map((c) => c.field)).toEqual(['applies_to.cohorts', 'applies_to.parties']);
    const reordered = JSON.parse(JSON.stringify(base.condition), (_key, value: unknown) => value) as Rule['condition'];
    expect(fieldChanges(base, { ...base, condition: reordered, appliesTo: { installation_types: ['Dormant'], cohorts: [...base.appliesTo.cohorts!].reverse() } })).toEqual([]);
  });
});
