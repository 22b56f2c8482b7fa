/** The must-shows, on the real sources under documents/. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtJson, EvalJson, RuleDiffJson, RulesJson } from '../../src/index.js';
import { loadCorpus } from '../../src/index.js';
import { cli, documentsDir, repoRoot } from '../helpers.js';
import { rulesSchema } from './helpers.js';

const example = (name: string) => join(repoRoot, 'examples/facts', name);
const json = async <T>(args: string[]): Promise<T> => {
  const result = await cli(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
};
const inForce = (at: AtJson) => Object.fromEntries(at.documents.map((d) => [d.document, d.in_force?.version ?? null]));

describe('documents/: rules and effective dates', () => {
  it('should validate with no rule problems', async () => {
    const result = await cli(['validate', '--json']);
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: Array<{ ruleId: string; message: string }> }).diagnostics;
    expect(diagnostics.filter((d) => d.ruleId.startsWith('rule-'))).toEqual([]);
  });

  it('should give AL 19.0, AK 9.0, J 5.0 on 2022-06-09 and AL 20.0, AK 10.0, J 6.0 on 2022-06-10', async () => {
    expect(inForce(await json<AtJson>(['at', '2022-06-09', '--json']))).toEqual({ AK: '9.0', AL: '19.0', J: '5.0' });
    expect(inForce(await json<AtJson>(['at', '2022-06-10', '--json']))).toEqual({ AK: '10.0', AL: '20.0', J: '6.0' });
    const text = (await cli(['at', '2022-06-09'])).stdout;
    for (const v of ['AL 19.0', 'AK 9.0', 'J 5.0']) expect(text).toMatch(new RegExp(`^ {2}${v.replace('.', '\\.')} `, 'm'));
  });

  it('should include the Active-to-Dormant exclusion and ETAD 13.8 on 2022-06-10 and neither the day before, valid against the schema', async () => {
    const after = await json<RulesJson>(['rules', '--at', '2022-06-10', '--json']);
    const before = await json<RulesJson>(['rules', '--at', '2022-06-09', '--json']);
    const validate = rulesSchema();
    expect(validate(after)).toEqual({ valid: true, errors: 'No errors' });
    expect(validate(before)).toEqual({ valid: true, errors: 'No errors' });
    const find = (r: RulesJson, doc: string, clause: string) => r.rules.filter((x) => x.provenance.document === doc && x.provenance.clause.number === clause);
    const a2d = after.rules.find((r) => r.id === 'tmad.exclusion.active-to-dormant');
    expect(a2d).toMatchObject({ kind: 'exclusion-category', provenance: { document: 'AL', version: '20.0', clause: { number: '18.15' } }, in_force: { from: '2022-06-10' } });
    expect(find(after, 'J', '13.8')).toHaveLength(1);
    expect(before.rules.map((r) => r.id)).not.toContain('tmad.exclusion.active-to-dormant');
    expect(find(before, 'J', '13.8')).toEqual([]);
  });

  it('should return the exclusion for a Dormant MOC (MDS) installation on 2022-06-10 and not on 2022-06-09', async () => {
    const after = await json<EvalJson>(['eval', '--at', '2022-06-10', example('dormant-moc-mds.json'), '--json']);
    const before = await json<EvalJson>(['eval', '--at', '2022-06-09', example('dormant-moc-mds.json'), '--json']);
    expect(rulesSchema('eval')(after)).toEqual({ valid: true, errors: 'No errors' });
    expect(after.applies).toContain('tmad.exclusion.active-to-dormant');
    expect(before.applies).not.toContain('tmad.exclusion.active-to-dormant');
    expect(before.results.map((r) => r.rule)).not.toContain('tmad.exclusion.active-to-dormant');
    // No other exclusion category applies to this installation on either date.
    const exclusions = (e: EvalJson) => e.results.filter((r) => r.kind === 'exclusion-category' && r.applies && r.determined).map((r) => r.rule);
    expect(exclusions(after)).toEqual(['tmad.exclusion.active-to-dormant']);
    expect(exclusions(before)).toEqual([]);
  });

  it('should exit 1 naming the misspelt field of the example', async () => {
    const result = await cli(['eval', '--at', '2022-06-10', example('misspelt-field.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown fact "instalation_status" (did you mean "installation_status"?)');
  });

  it('should answer the other examples as their comments say', async () => {
    const applying = async (name: string, at: string) =>
      (await json<EvalJson>(['eval', '--at', at, example(name), '--json'])).results.filter((r) => r.applies && r.determined && !r.unconditional && r.document === 'AL').map((r) => r.rule);
    expect(await applying('ioc-active-gas-han-errors.json', '2022-06-10')).toEqual(expect.arrayContaining(['tmad.partial-migration.gas-han-errors', 'tmad.exclusion.gas-han-errors']));
    const mds = await applying('moc-mds-firmware-failure.json', '2022-06-10');
    // 18.14(a) excepts an MOC (MDS) installation of which a Partial Migration under 10.2 was carried out.
    expect(mds).toContain('tmad.partial-migration.moc-mds');
    expect(mds).not.toContain('tmad.exclusion.firmware-upgrade-failure');
    expect(await applying('moc-mds-firmware-failure.json', '2022-06-09')).not.toEqual(expect.arrayContaining(['tmad.partial-migration.moc-mds']));
  });

  it('should list the new exclusion rules as added and the 7.2 rule as changed from AL 19.0 to AL 20.0', async () => {
    const diff = await json<RuleDiffJson>(['rules', '--diff', 'AL@19.0', 'AL@20.0', '--json']);
    expect(rulesSchema('diff')(diff)).toEqual({ valid: true, errors: 'No errors' });
    const added = diff.added.filter((r) => r.kind === 'exclusion-category').map((r) => r.provenance.clause.id);
    expect(added.sort()).toEqual(['AL/18.12', 'AL/18.13', 'AL/18.14(a)', 'AL/18.14(b)', 'AL/18.14(c)', 'AL/18.15']);
    const rp = diff.changed.find((c) => c.new.provenance.clause.number === '7.2')!;
    expect(rp).toBeDefined();
    // The carve-out names MOC (MDS) in the new condition and not in the old.
    const changed = rp.changes.find((c) => c.field === 'condition' || c.field === 'applies_to.cohorts')!;
    expect(JSON.stringify('new' in changed ? changed.new : changed.removed)).toContain('MOC (MDS)');
    expect(JSON.stringify('old' in changed ? changed.old : [])).not.toContain('MOC (MDS)');
  });

  it('should give the same answers through the library as through the CLI, and those answers the ones written here', async () => {
    const lib = loadCorpus(documentsDir);
    // The library and the CLI share their code, so agreeing is not enough: the answers are checked by hand too.
    expect(inForce(lib.versionsAt('2022-06-09'))).toEqual({ AK: '9.0', AL: '19.0', J: '5.0' });
    expect(inForce(lib.versionsAt('2022-06-10'))).toEqual({ AK: '10.0', AL: '20.0', J: '6.0' });
    const ids = lib.rulesAt('2022-06-10').rules.map((r) => r.id);
    expect(ids).toContain('tmad.exclusion.active-to-dormant');
    expect(lib.rulesAt('2022-06-09').rules.map((r) => r.id)).not.toContain('tmad.exclusion.active-to-dormant');
    expect(lib.rulesAt('2022-06-10')).toEqual(await json<RulesJson>(['rules', '--at', '2022-06-10', '--json']));
    expect(lib.versionsAt('2022-06-09')).toEqual(await json<AtJson>(['at', '2022-06-09', '--json']));
  });
});
