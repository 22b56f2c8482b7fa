import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCorpus, rulesFiles } from '../../src/index.js';
import { repoRoot } from '../helpers.js';
import { fixtureDir, rulesSchema } from './helpers.js';

const factsSchema = () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/facts.schema.json'), 'utf8')) as object);
};

describe('schemas', () => {
  it('should accept the fact declarations of the fixture and of documents/, and reject malformed ones', () => {
    const validate = factsSchema();
    for (const path of [join(fixtureDir, 'facts.yaml'), join(repoRoot, 'documents/facts.yaml')]) {
      expect([path, validate(parseYaml(readFileSync(path, 'utf8')))]).toEqual([path, true]);
    }
    expect(validate({ cohort: { type: 'text' } })).toBe(false);
    expect(validate({ Cohort: { type: 'string' } })).toBe(false);
    expect(validate({ cohort: { type: 'string', enum: [] } })).toBe(false);
    expect(validate({ cohort: { type: 'string', typo: 1 } })).toBe(false);
  });

  it('should accept every published rule file, and reject one that breaks the contract', () => {
    const validate = rulesSchema();
    const files = rulesFiles(loadCorpus(fixtureDir).corpus);
    expect(files.map((f) => f.path)).toEqual(['rules/AL@19.0.json', 'rules/AL@20.0.json', 'rules/J@5.0.json', 'rules/J@6.0.json', 'rules/J@7.0.json', 'rules/facts-file.schema.json']);
    for (const f of files.filter((x) => !x.path.endsWith('schema.json'))) expect([f.path, validate(f.value)]).toEqual([f.path, { valid: true, errors: 'No errors' }]);
    const one = structuredClone(files[1]!.value) as { rules: Array<Record<string, unknown>> };
    one.rules[0]!.kind = 'duty';
    expect(validate(one).valid).toBe(false);
    delete one.rules[0]!.provenance;
    one.rules[0]!.kind = 'obligation';
    expect(validate(one).errors).toContain("must have required property 'provenance'");
  });

  it('should give the same rule file twice (deterministic output)', () => {
    const a = JSON.stringify(rulesFiles(loadCorpus(fixtureDir).corpus));
    const b = JSON.stringify(rulesFiles(loadCorpus(fixtureDir).corpus));
    expect(a).toBe(b);
  });
});
