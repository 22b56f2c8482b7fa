/**
 * A service need not run secdoc: it evaluates each rule's `applies_if` with the JSON Logic
 * library of its own language. Two independent implementations from npm must therefore give
 * secdoc's answer for every rule of every version, over every example facts file and over each
 * of those files with one fact removed (where implementations used to disagree).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { describe, expect, it } from 'vitest';
import { loadCorpus, UNDETERMINED, type RuleJson } from '../../src/index.js';
import { documentsDir, repoRoot } from '../helpers.js';

const examplesDir = join(repoRoot, 'examples', 'facts');
const sec = loadCorpus(documentsDir);
const engine = new LogicEngine();

const rules: RuleJson[] = sec.corpus.versions.flatMap((v) => sec.rules(`${v.meta.appendix}@${v.meta.version}`).rules);

/** Each example facts file, and the same file with each fact in turn left out. */
function factSets(): Array<{ name: string; facts: Record<string, unknown> }> {
  const out: Array<{ name: string; facts: Record<string, unknown> }> = [];
  for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()) {
    const { $comment: _comment, ...facts } = JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Record<string, unknown>;
    out.push({ name: file, facts });
    for (const left of Object.keys(facts)) {
      const { [left]: _gone, ...rest } = facts;
      out.push({ name: `${file} without ${left}`, facts: rest });
    }
  }
  return out;
}

describe('applies_if under two JSON Logic implementations', () => {
  it('should give the same answer in json-logic-js and json-logic-engine, with and without each fact', () => {
    const sets = factSets();
    expect(rules.length).toBeGreaterThan(20);
    expect(sets.length).toBeGreaterThan(40);
    const seen = new Map<unknown, number>();
    const disagreements: string[] = [];
    for (const rule of rules) {
      for (const { name, facts } of sets) {
        const a = jsonLogic.apply(rule.applies_if as never, facts) as unknown;
        const b = engine.run(rule.applies_if as never, facts) as unknown;
        if (a !== b) disagreements.push(`${rule.provenance.document}@${rule.provenance.version} ${rule.id} on ${name}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
        seen.set(a, (seen.get(a) ?? 0) + 1);
      }
    }
    expect(disagreements).toEqual([]);
    // Every answer is one of the three, and each occurs, so agreement is not on a constant.
    expect([...seen.keys()].sort()).toEqual([false, true, UNDETERMINED].sort());
  });

  it('should disagree without the guards, so the test above can fail', () => {
    // The unguarded comparison a rule condition holds: absent fact, different answers.
    const bare = { '==': [{ var: 'firmware_upgrade_failed' }, false] };
    expect(jsonLogic.apply(bare as never, {})).not.toBe(engine.run(bare as never, {}));
    const guarded = rules.find((r) => r.facts.includes('firmware_upgrade_failed'))!.applies_if;
    expect(jsonLogic.apply(guarded as never, {})).toBe(engine.run(guarded as never, {}));
  });

  it("should give secdoc eval's answer: applies when true, undetermined when a needed fact is missing", () => {
    for (const { facts } of factSets().filter((s) => !s.name.startsWith('misspelt'))) {
      const result = sec.evaluate('2022-06-10', facts);
      for (const r of result.results) {
        const rule = rules.find((x) => x.id === r.rule && x.provenance.document === r.document && x.provenance.version === r.version)!;
        const answer = engine.run(rule.applies_if as never, facts) as unknown;
        expect([r.rule, r.applies, r.determined]).toEqual([r.rule, answer === true, answer !== UNDETERMINED]);
        expect([r.rule, result.undetermined.includes(r.rule)]).toEqual([r.rule, answer === UNDETERMINED]);
      }
    }
  });
});
