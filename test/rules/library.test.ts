import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogicEngine } from 'json-logic-engine';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FactsError, loadCorpus, QueryError, ruleAnswer, UNDETERMINED, type EvalJson } from '../../src/index.js';
import { factsDir, fixtureDir, fixtureFiles, MEMORY_ROOT, memoryHost, onFixture, secdoc } from './helpers.js';

const library = loadCorpus(fixtureDir);
/** A JSON Logic implementation secdoc does not use: the answer another service would get. */
const engine = new LogicEngine();
const facts = (name: string) => JSON.parse(readFileSync(join(factsDir, name), 'utf8')) as Record<string, unknown>;

describe('library API', () => {
  it('should give the same answers as the CLI for versions, rules, evaluation, history and changesets', async () => {
    const same = async (args: string[], answer: unknown) => expect(answer).toEqual(JSON.parse((await onFixture([...args, '--json'])).stdout));
    await same(['at', '2022-06-09'], library.versionsAt('2022-06-09'));
    await same(['rules', '--at', '2022-06-10'], library.rulesAt('2022-06-10'));
    await same(['rules', '--at', '2022-06-10', '--doc', 'J'], library.rulesAt('2022-06-10', { doc: 'J' }));
    await same(['rules', '--doc', 'AL@20.0'], library.rules('AL@20.0'));
    await same(['eval', '--at', '2022-06-10', join(factsDir, 'dormant-moc-mds.json')], library.evaluate('2022-06-10', facts('dormant-moc-mds.json')));
    await same(['history', 'AL', '6.3', '--at', '2022-06-10'], library.history('AL', '6.3', { at: '2022-06-10' }));
    await same(['rules', '--diff', 'AL@19.0', 'AL@20.0'], library.ruleChanges('AL@19.0', 'AL@20.0'));
  });

  it('should report no problems for a clean corpus', () => {
    expect(library.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should give each rule a JSON Logic test that a standard library, secdoc and the CLI evaluate alike', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['2022-06-10', facts('dormant-moc-mds.json')],
      ['2022-06-09', facts('dormant-moc-mds.json')],
      ['2022-06-10', { cohort: 'IOC', installation_status: 'Active', failed_attempts: 7 }],
      ['2022-06-10', { cohort: 'FOC', installation_status: 'Dormant', duplicate_mpxn: true, unresolved_data_issue: true }],
    ];
    const seen = { applies: 0, not: 0, open: 0 };
    for (const [at, f] of cases) {
      const host = memoryHost(fixtureFiles(), { '/mem/facts.json': JSON.stringify(f) });
      const cli = JSON.parse((await secdoc(['--documents', MEMORY_ROOT, 'eval', '--at', at, '/mem/facts.json', '--json'], { host })).stdout) as EvalJson;
      for (const rule of library.rulesAt(at).rules) {
        // json-logic-engine, not json-logic-js (which secdoc wraps): what another service would run.
        const direct = engine.run(rule.applies_if as never, f) as unknown;
        expect([rule.id, ruleAnswer(rule.applies_if, f)]).toEqual([rule.id, direct]);
        const result = cli.results.find((r) => r.rule === rule.id)!;
        expect([rule.id, result.applies, result.determined]).toEqual([rule.id, direct === true, direct !== UNDETERMINED]);
        seen[direct === true ? 'applies' : direct === false ? 'not' : 'open']++;
      }
    }
    // All three answers occur, so agreement is not agreement on a constant.
    expect(seen.applies).toBeGreaterThan(4);
    expect(seen.not).toBeGreaterThan(4);
    expect(seen.open).toBeGreaterThan(0);
  });

  it('should refuse facts that name an undeclared fact, with the problem per fact', () => {
    expect(() => library.evaluate('2022-06-10', facts('misspelt.json'))).toThrow(FactsError);
    try {
      library.evaluate('2022-06-10', facts('misspelt.json'));
    } catch (error) {
      expect((error as FactsError).problems).toEqual([{ fact: 'instalation_status', message: expect.stringContaining('did you mean "installation_status"') }]);
    }
  });

  it('should throw a QueryError for a bad date or an unknown version', () => {
    expect(() => library.versionsAt('2022-02-30')).toThrow(QueryError);
    expect(() => library.rules('AL@99.0')).toThrow(QueryError);
    expect(() => library.history('AL', '6.3', { at: 'today' })).toThrow(QueryError);
  });

  it('should publish a facts-file schema that accepts and rejects what eval does', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const validate = ajv.compile(library.factsSchema());
    for (const name of ['dormant-moc-mds.json', 'misspelt.json', 'wrong-type.json']) {
      let evalAccepts = true;
      try {
        library.evaluate('2022-06-10', facts(name));
      } catch {
        evalAccepts = false;
      }
      expect([name, validate(facts(name))]).toEqual([name, evalAccepts]);
    }
    expect(validate({ cohort: 'MOC MDS' })).toBe(false);
  });
});
