import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtJson, EvalJson, HistoryJson, RuleDiffJson, RulesJson } from '../../src/index.js';
import { factsDir, fixtureFiles, MEMORY_ROOT, memoryHost, onFixture, rulesSchema, secdoc } from './helpers.js';
import { guardedTest } from '../../src/rules/index.js';

const validRules = rulesSchema();
const ids = (json: RulesJson) => json.rules.map((r) => r.id);

describe('secdoc at', () => {
  it('should give each document the version in force on the day before and the day of a re-designation', async () => {
    const before = await onFixture(['at', '2022-06-09']);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^ {2}AL 19\.0 +TMAD +from 2022-01-01 until 2022-06-10 \(not included\)/m);
    expect(before.stdout).toMatch(/^ {2}J 5\.0 +ETAD/m);
    // Designated on the 9th, in force from the 10th: the two dates are kept apart.
    expect(before.stdout).toMatch(/AL 20\.0 +TMAD +designated 2022-06-09 by direction-2022-06-09, takes effect 2022-06-10/);
    const after = await onFixture(['at', '2022-06-10']);
    expect(after.stdout).toMatch(/^ {2}AL 20\.0 /m);
    expect(after.stdout).toMatch(/^ {2}J 6\.0 /m);
    expect(after.stdout).not.toMatch(/19\.0|J 5\.0/);
  });

  it('should show a version designated with no effective date as prospective, never in force', async () => {
    const result = await onFixture(['at', '2030-01-01', '--json']);
    const json = JSON.parse(result.stdout) as AtJson;
    expect(rulesSchema('at')(json)).toEqual({ valid: true, errors: 'No errors' });
    const etad = json.documents.find((d) => d.document === 'J')!;
    expect(etad.in_force?.version).toBe('6.0');
    expect(etad.designated).toEqual([expect.objectContaining({ version: '7.0', effective: null, designated: '2022-08-01', status: 'prospective' })]);
  });

  it('should end a version on the date its own text says it ceases to have effect', async () => {
    const json = JSON.parse((await onFixture(['at', '2024-12-31', '--json'])).stdout) as AtJson;
    const tmad = json.documents.find((d) => d.document === 'AL')!;
    expect(tmad.in_force).toBeNull();
    expect(tmad.expired).toMatchObject({ version: '20.0', until: '2024-12-31', status: 'expired' });
    const last = JSON.parse((await onFixture(['at', '2024-12-30', '--json'])).stdout) as AtJson;
    expect(last.documents.find((d) => d.document === 'AL')!.in_force).toMatchObject({ version: '20.0', until: '2024-12-31', expiry: { kind: 'expiry', scope: 'document', clause: 'AL/1.2' } });
  });

  it('should reject a date that is not a real YYYY-MM-DD date with a usage error', async () => {
    for (const bad of ['2022-6-10', '2022-02-30', 'tomorrow']) {
      const result = await onFixture(['at', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`not a date: ${bad}`);
    }
  });
});

describe('secdoc rules', () => {
  it('should list the rules in force on a date, each valid against the published schema', async () => {
    const after = JSON.parse((await onFixture(['rules', '--at', '2022-06-10', '--json'])).stdout) as RulesJson;
    const before = JSON.parse((await onFixture(['rules', '--at', '2022-06-09', '--json'])).stdout) as RulesJson;
    expect(validRules(after)).toEqual({ valid: true, errors: 'No errors' });
    expect(validRules(before)).toEqual({ valid: true, errors: 'No errors' });
    expect(ids(after)).toEqual(expect.arrayContaining(['tmad.exclusion.active-to-dormant', 'etad.test-assets.reuse']));
    expect(ids(before)).not.toContain('tmad.exclusion.active-to-dormant');
    expect(ids(before)).not.toContain('etad.test-assets.reuse');
    expect(after.versions.map((v) => `${v.document}@${v.version}`)).toEqual(['AL@20.0', 'J@6.0']);
  });

  it('should give every rule its provenance and interval in force', async () => {
    const json = JSON.parse((await onFixture(['rules', '--at', '2022-06-10', '--doc', 'TMAD', '--json'])).stdout) as RulesJson;
    const rule = json.rules.find((r) => r.id === 'tmad.exclusion.active-to-dormant')!;
    expect(rule.provenance).toEqual({
      document: 'AL',
      short_name: 'TMAD',
      version: '20.0',
      clause: { id: 'AL/6.4', number: '6.4', key: null, heading: 'Active to Dormant' },
      clause_override: null,
      source: { file: 'tmad/v20.0.md', line: 120, clause_line: 118 },
    });
    expect(rule.in_force).toEqual({ from: '2022-06-10', until: '2024-12-31', narrowed_by: [expect.objectContaining({ kind: 'expiry', scope: 'document' })] });
    // The scope tests AND the condition, guarded so a missing fact gives "undetermined".
    expect(rule.applies_if).toEqual(
      guardedTest({
        and: [
          { in: [{ var: 'cohort' }, ['IOC', 'MOC (Secure)', 'MOC (MDS)', 'FOC']] },
          { in: [{ var: 'installation_status' }, ['Dormant']] },
          { and: [{ '==': [{ var: 'smso_contract_terminated' }, true] }, { '==': [{ var: 'supplier_statement_given' }, true] }] },
        ],
      }),
    );
    expect(rule.facts).toEqual(['cohort', 'installation_status', 'smso_contract_terminated', 'supplier_statement_given']);
  });

  it('should drop a rule on the date its clause ceases to have effect', async () => {
    const during = JSON.parse((await onFixture(['rules', '--at', '2022-12-30', '--json'])).stdout) as RulesJson;
    const after = JSON.parse((await onFixture(['rules', '--at', '2022-12-31', '--json'])).stdout) as RulesJson;
    const partial = during.rules.find((r) => r.id === 'tmad.partial-migration.moc-mds')!;
    expect(partial.in_force).toMatchObject({ from: '2022-06-10', until: '2022-12-31' });
    expect(partial.in_force.narrowed_by.map((n) => n.text)).toContain('This Clause 5.2 shall cease to have effect on 31 December 2022.');
    expect(ids(after)).not.toContain('tmad.partial-migration.moc-mds');
    expect(ids(after)).toContain('tmad.exclusion.active-to-dormant');
  });

  it('should print every rule of one version, with what the text gives, for --doc DOC@VERSION', async () => {
    const result = await onFixture(['rules', '--doc', 'AL@20.0', '--json']);
    const json = JSON.parse(result.stdout) as RulesJson;
    expect(validRules(json)).toEqual({ valid: true, errors: 'No errors' });
    expect(json.query).toEqual({ at: null, document: 'AL', version: '20.0' });
    expect(json.rules).toHaveLength(7);
    const derived = json.derived!;
    expect(derived.terms).toEqual([expect.objectContaining({ term: 'Dormant Meter', clause: { id: 'AL/2.1', number: '2.1' } })]);
    expect(derived.obligations).toContainEqual(expect.objectContaining({ clause: { id: 'AL/3.2', number: '3.2' }, modal: 'shall not', modality: 'prohibition', actor: 'DCC' }));
    expect(derived.obligations).toContainEqual(expect.objectContaining({ clause: { id: 'AL/4.1', number: '4.1' }, modal: 'may', modality: 'permission', actor: 'Supplier Party' }));
    expect(derived.durations).toContainEqual(expect.objectContaining({ text: '12 months', iso: 'P12M', unit: 'month' }));
    expect(derived.durations).toContainEqual(expect.objectContaining({ text: '14 days', iso: 'P14D', clause: { id: 'AL/4.1', number: '4.1' } }));
    expect(derived.dates).toContainEqual(expect.objectContaining({ text: '31 December 2022', date: '2022-12-31', clause: { id: 'AL/5.2', number: '5.2' } }));
    expect(derived.xrefs).toContainEqual(expect.objectContaining({ from: { id: 'AL/5.2', number: '5.2' }, scope: 'clause', to: '5.2', resolved: true }));
  });

  it('should print the rules in force as text, with a narrowed interval shown beside its rule', async () => {
    const result = await onFixture(['rules', '--at', '2022-06-10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Rules in force on 2022-06-10 \(AL 20\.0, J 6\.0\): 9$/m);
    expect(result.stdout).toMatch(/Clause 5\.2 +tmad\.partial-migration\.moc-mds +permission, DCC +\[from 2022-06-10 until 2022-12-31 \(not included\)\]/);
  });

  it('should take today from SECDOC_TODAY when no date is given', async () => {
    const result = await onFixture(['rules', '--json'], { SECDOC_TODAY: '2022-06-09' });
    expect((JSON.parse(result.stdout) as RulesJson).query.at).toBe('2022-06-09');
  });

  it('should answer usage errors for an unknown document and a bad date', async () => {
    expect((await onFixture(['rules', '--at', '2022-06-10', '--doc', 'XYZ'])).code).toBe(2);
    expect((await onFixture(['rules', '--doc', 'AL@99.0'])).stderr).toContain('no version 99.0 of AL');
    expect((await onFixture(['rules', '--at', '10/06/2022'])).code).toBe(2);
  });
});

describe('secdoc rules --diff', () => {
  it('should list rules added, removed and changed by id, with field-level changes', async () => {
    const result = await onFixture(['rules', '--diff', 'AL@19.0', 'AL@20.0', '--json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as RuleDiffJson;
    expect(rulesSchema('diff')(diff)).toEqual({ valid: true, errors: 'No errors' });
    expect(diff.added.map((r) => r.id)).toEqual(['tmad.exclusion.active-to-dormant', 'tmad.exclusion.duplicate-mpxn', 'tmad.partial-migration.moc-mds']);
    expect(diff.removed).toEqual([]);
    const changed = Object.fromEntries(diff.changed.map((c) => [c.id, c.changes]));
    expect(changed['tmad.rp.decommissioning-earliest-date']).toEqual([{ field: 'applies_to.cohorts', added: [], removed: ['MOC (MDS)'] }]);
    expect(changed['tmad.exclusion.data-issues']).toEqual([{ field: 'clause', old: '6.2', new: '6.3' }]);
    expect(diff.unchanged).toEqual(['tmad.exclusion.failed-attempts', 'tmad.mehrs.referral']);
  });

  it('should find nothing between a version and itself', async () => {
    const diff = JSON.parse((await onFixture(['rules', '--diff', 'AL@20.0', 'TMAD@v20', '--json'])).stdout) as RuleDiffJson;
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
    expect(diff.unchanged).toHaveLength(7);
  });

  it('should print a changeset as text', async () => {
    const result = await onFixture(['rules', '--diff', 'AL@19.0', 'AL@20.0']);
    expect(result.stdout).toContain('Rules AL 19.0 -> AL 20.0: 3 added, 0 removed, 2 changed, 2 unchanged');
    expect(result.stdout).toContain('+ tmad.exclusion.active-to-dormant  (exclusion-category, Clause 6.4)');
    expect(result.stdout).toMatch(/~ tmad\.rp\.decommissioning-earliest-date .*\n {4}applies_to\.cohorts: -MOC \(MDS\)/);
  });

  it('should need exactly two versions', async () => {
    const result = await onFixture(['rules', '--diff', 'AL@19.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--diff takes two versions');
  });
});

describe('secdoc history', () => {
  it('should follow a renumbered clause by its stable key, with dates and status', async () => {
    const result = await onFixture(['history', 'AL', 'exclusion-data-issues', '--at', '2022-06-10', '--json']);
    const h = JSON.parse(result.stdout) as HistoryJson;
    expect(rulesSchema('history')(h)).toEqual({ valid: true, errors: 'No errors' });
    expect(h.anchor).toEqual({ version: '20.0', clause: { id: 'AL/6.3', number: '6.3' }, matched_by: 'key' });
    expect(h.entries.map((e) => [e.version.version, e.clause?.number, e.change, e.status, e.version.designated, e.version.effective])).toEqual([
      ['19.0', '6.2', 'present', 'superseded', '2022-01-01', '2022-01-01'],
      ['20.0', '6.3', 'renumbered', 'in-force', '2022-06-09', '2022-06-10'],
    ]);
    expect(h.entries[1]!.previous_number).toBe('6.2');
  });

  it('should find a clause by rule id, and by its number in an older version', async () => {
    const byRule = JSON.parse((await onFixture(['history', 'TMAD', 'tmad.exclusion.data-issues', '--at', '2022-06-10', '--json'])).stdout) as HistoryJson;
    expect(byRule.anchor.matched_by).toBe('rule');
    const byOld = JSON.parse((await onFixture(['history', 'AL@19.0', '6.2', '--at', '2022-06-10', '--json'])).stdout) as HistoryJson;
    expect(byOld.entries.map((e) => e.clause?.number)).toEqual(['6.2', '6.3']);
    // 6.2 in v20.0 is another clause: a new one.
    const byNew = JSON.parse((await onFixture(['history', 'AL', '6.2', '--at', '2022-06-10', '--json'])).stdout) as HistoryJson;
    expect(byNew.entries.map((e) => e.change)).toEqual(['absent', 'added']);
  });

  it('should show a clause expired by its own text while its version stays in force', async () => {
    const result = await onFixture(['history', 'AL', '5.2', '--at', '2023-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}20\.0 +expired +Clause 5\.2: added$/m);
    expect(result.stdout).toContain('designated 2022-06-09; clause in force from 2022-06-10 until 2022-12-31 (not included); rules: tmad.partial-migration.moc-mds');
  });

  it('should answer a usage error for a clause held nowhere', async () => {
    const result = await onFixture(['history', 'AL', '99.9', '--at', '2022-06-10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no clause, stable key or rule id 99.9');
  });
});

describe('secdoc eval', () => {
  const facts = (name: string) => join(factsDir, name);

  it('should return the Active-to-Dormant exclusion on the day it takes effect and not the day before', async () => {
    const after = JSON.parse((await onFixture(['eval', '--at', '2022-06-10', facts('dormant-moc-mds.json'), '--json'])).stdout) as EvalJson;
    const before = JSON.parse((await onFixture(['eval', '--at', '2022-06-09', facts('dormant-moc-mds.json'), '--json'])).stdout) as EvalJson;
    expect(rulesSchema('eval')(after)).toEqual({ valid: true, errors: 'No errors' });
    expect(after.applies).toContain('tmad.exclusion.active-to-dormant');
    expect(before.applies).not.toContain('tmad.exclusion.active-to-dormant');
    // The 7.2 restriction no longer covers MOC (MDS) from v20.0.
    expect(before.applies).toContain('tmad.rp.decommissioning-earliest-date');
    expect(after.applies).not.toContain('tmad.rp.decommissioning-earliest-date');
  });

  it('should trace which parts of each condition held, naming the clause', async () => {
    const json = JSON.parse((await onFixture(['eval', '--at', '2022-06-10', facts('dormant-moc-mds.json'), '--json'])).stdout) as EvalJson;
    const a2d = json.results.find((r) => r.rule === 'tmad.exclusion.active-to-dormant')!;
    expect(a2d.clause).toEqual({ id: 'AL/6.4', number: '6.4' });
    expect(a2d.scope.map((s) => [s.text, s.held])).toEqual([
      ['cohort in ["IOC", "MOC (Secure)", "MOC (MDS)", "FOC"]', true],
      ['installation_status in ["Dormant"]', true],
    ]);
    expect(a2d.condition!.parts.map((p) => [p.text, p.held, p.facts])).toEqual([
      ['smso_contract_terminated == true', true, { smso_contract_terminated: true }],
      ['supplier_statement_given == true', true, { supplier_statement_given: true }],
    ]);
    const data = json.results.find((r) => r.rule === 'tmad.exclusion.data-issues')!;
    // The facts leave out what the rule reads: JSON Logic says false, but nothing is settled.
    expect(data).toMatchObject({ applies: false, determined: false, missing: ['unresolved_data_issue'] });
    expect(json.undetermined).toEqual(['tmad.exclusion.data-issues']);
    expect(json.results.find((r) => r.rule === 'etad.test-assets.reuse')).toMatchObject({ applies: true, unconditional: true });
  });

  it('should settle a rule by the facts it has when the missing ones cannot change the answer', async () => {
    const host = memoryHost(fixtureFiles(), { '/mem/active.json': JSON.stringify({ cohort: 'IOC', installation_status: 'Active' }) });
    const json = JSON.parse((await secdoc(['--documents', MEMORY_ROOT, 'eval', '--at', '2022-06-10', '/mem/active.json', '--json'], { host })).stdout) as EvalJson;
    // Not Dormant settles the exclusion, though the contract and statement facts are missing.
    expect(json.results.find((r) => r.rule === 'tmad.exclusion.active-to-dormant')).toMatchObject({
      applies: false,
      determined: true,
      missing: ['smso_contract_terminated', 'supplier_statement_given'],
    });
    expect(json.undetermined).toEqual(['tmad.exclusion.failed-attempts']);
    // Unconditional rules apply too; the text output lists them apart.
    expect(json.applies).toEqual(['tmad.rp.decommissioning-earliest-date', 'tmad.mehrs.referral', 'etad.test-assets.maintain', 'etad.test-assets.reuse']);
  });

  it('should print the trace as text', async () => {
    const result = await onFixture(['eval', '--at', '2022-06-10', facts('dormant-moc-mds.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('APPLIES  tmad.exclusion.active-to-dormant  (exclusion-category, AL 20.0 Clause 6.4)');
    expect(result.stdout).toMatch(/held +smso_contract_terminated == true +\[smso_contract_terminated = true\]/);
    expect(result.stdout).toMatch(/Undetermined: the facts leave out what these need \(1\):\n {2}tmad\.exclusion\.data-issues +\(AL 20\.0 Clause 6\.3\) needs unresolved_data_issue\n +unknown +unresolved_data_issue == true/);
    expect(result.stdout).toMatch(/tmad\.exclusion\.failed-attempts .*\n +failed +failed_attempts >= 5 +\[failed_attempts = 2\]/);
  });

  it('should exit 1 naming a misspelt fact, and suggest the declared one', async () => {
    const result = await onFixture(['eval', '--at', '2022-06-10', facts('misspelt.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown fact "instalation_status" (did you mean "installation_status"?)');
  });

  it('should exit 1 naming a fact of the wrong type', async () => {
    const result = await onFixture(['eval', '--at', '2022-06-10', facts('wrong-type.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fact "failed_attempts" must be an integer, got string "five"');
  });

  it('should answer a usage error for a missing facts file and a bad date', async () => {
    expect((await onFixture(['eval', '--at', '2022-06-10', facts('nope.json')])).code).toBe(2);
    expect((await onFixture(['eval', '--at', '2022-06-31', facts('dormant-moc-mds.json')])).code).toBe(2);
  });
});
