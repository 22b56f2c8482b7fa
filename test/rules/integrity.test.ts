import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/index.js';
import { fixtureFiles, MEMORY_ROOT, memoryHost, secdoc } from './helpers.js';

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  ruleId: string;
}

/** Validate the fixture corpus after `edit` changed one file; the rule diagnostics it gives. */
async function validateWith(file: string, edit: (text: string) => string): Promise<{ code: number; rules: Diagnostic[] }> {
  const files = fixtureFiles();
  const before = files[file]!;
  files[file] = edit(before);
  expect(files[file], 'the edit must change the file').not.toBe(before);
  const result = await secdoc(['--documents', MEMORY_ROOT, 'validate', '--json'], { host: memoryHost(files) });
  const json = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  return { code: result.code, rules: json.diagnostics.filter((d) => d.ruleId.startsWith('rule-')) };
}

describe('validate: rule integrity', () => {
  it('should pass the fixture corpus as it is', async () => {
    const result = await secdoc(['--documents', MEMORY_ROOT, 'validate', '--json'], { host: memoryHost(fixtureFiles()) });
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, errors: 0 });
    expect(result.code).toBe(0);
  });

  it('should report two rules with one id in a version, at the second', async () => {
    const { code, rules } = await validateWith('tmad/v20.0.md', (t) => t.replace('id: tmad.exclusion.duplicate-mpxn', 'id: tmad.exclusion.failed-attempts'));
    expect(code).toBe(1);
    expect(rules).toEqual([
      expect.objectContaining({ ruleId: 'rule-duplicate-id', file: `${MEMORY_ROOT}/tmad/v20.0.md`, line: 94, message: expect.stringContaining('second rule `tmad.exclusion.failed-attempts` in AL v20.0 (first at line 80, Clause 6.1)') }),
    ]);
  });

  it('should report a condition naming an undeclared fact, suggesting the declared one', async () => {
    const { rules } = await validateWith('tmad/v20.0.md', (t) => t.replace('{ var: duplicate_mpxn }', '{ var: duplicate_mpxns }'));
    expect(rules).toEqual([expect.objectContaining({ ruleId: 'rule-unknown-fact', line: 102, message: expect.stringContaining('fact `duplicate_mpxns` in the condition, expected a fact declared in facts.yaml (did you mean `duplicate_mpxn`?)') })]);
  });

  it('should report a value no declared fact allows, in a condition or in applies_to', async () => {
    const { rules } = await validateWith('tmad/v20.0.md', (t) =>
      t.replace('cohorts: [MOC (MDS)]', 'cohorts: [MOC MDS]').replace('"==": [{ var: duplicate_mpxn }, true]', '"==": [{ var: duplicate_mpxn }, "yes"]'),
    );
    expect(rules.map((r) => [r.ruleId, r.message])).toEqual([
      ['rule-unknown-fact', expect.stringContaining('Unexpected "MOC MDS" for fact `cohort` in applies_to.cohorts, expected one of "IOC", "MOC (Secure)", "MOC (MDS)", "FOC" (did you mean `MOC (MDS)`?)')],
      ['rule-unknown-fact', expect.stringContaining('Unexpected "yes" for fact `duplicate_mpxn` in the condition, expected a boolean')],
    ]);
  });

  it('should report a rule naming a clause that does not exist', async () => {
    const { rules } = await validateWith('tmad/v20.0.md', (t) => t.replace('id: tmad.mehrs.referral\n', 'id: tmad.mehrs.referral\nclause: 8.9\n'));
    expect(rules).toEqual([expect.objectContaining({ ruleId: 'rule-clause-missing', message: expect.stringContaining('`clause: 8.9` in rule `tmad.mehrs.referral`: AL v20.0 has no Clause 8.9') })]);
  });

  it('should report a rule left on the old number of a renumbered clause', async () => {
    // 6.2 (data issues) became 6.3 in v20.0 when 6.2 (duplicate MPxNs) was inserted.
    const { rules } = await validateWith('tmad/v20.0.md', (t) => t.replace('id: tmad.exclusion.data-issues\n', 'id: tmad.exclusion.data-issues\nclause: 6.2\n'));
    expect(rules).toEqual([
      expect.objectContaining({
        ruleId: 'rule-not-followed',
        line: 107,
        message: expect.stringContaining('rule `tmad.exclusion.data-issues` that names Clause 6.2: the clause it implemented in v19.0 (Clause 6.2) is Clause 6.3 in v20.0'),
      }),
    ]);
  });

  it('should accept a rule that follows its renumbered clause by an explicit clause', async () => {
    const files = fixtureFiles();
    // Move the block to the end of the document and point it back with `clause:`.
    const text = files['tmad/v20.0.md']!;
    const start = text.indexOf('```rule\nid: tmad.exclusion.data-issues');
    const block = text.slice(start, text.indexOf('```\n', start + 3) + 4);
    files['tmad/v20.0.md'] = text.replace(block, '') + '\n' + block.replace('id: tmad.exclusion.data-issues\n', 'id: tmad.exclusion.data-issues\nclause: 6.3\n');
    const result = await secdoc(['--documents', MEMORY_ROOT, 'rules', '--doc', 'AL@20.0', '--json'], { host: memoryHost(files) });
    expect(result.stderr).toBe('');
    const rule = (JSON.parse(result.stdout) as { rules: Array<{ id: string; provenance: { clause: { number: string }; clause_override: string } }> }).rules.find((r) => r.id === 'tmad.exclusion.data-issues')!;
    expect(rule.provenance).toMatchObject({ clause: { number: '6.3' }, clause_override: '6.3' });
  });

  it('should report malformed rule blocks at the line of the bad field', async () => {
    const { rules } = await validateWith('tmad/v20.0.md', (t) =>
      t
        .replace('kind: permission', 'kind: permision')
        .replace('effect: The DCC may migrate the electricity meter alone.', 'efect: The DCC may migrate the electricity meter alone.')
        .replace('period: P14D', 'period: 14 days')
        .replace('"==": [{ var: duplicate_mpxn }, true]', 'equals: [{ var: duplicate_mpxn }, true]'),
    );
    expect(rules.map((r) => [r.line, r.message.replace(/,? expected .*/, '')])).toEqual([
      [57, 'Unexpected period `14 days`'],
      [67, 'Missing field `effect` in a rule'],
      [69, 'Unexpected kind `permision`'],
      [73, 'Unexpected field `efect` in a rule'],
      [102, 'Unexpected JSON Logic operation `equals`'],
    ]);
    expect(rules.every((r) => r.ruleId === 'rule-malformed')).toBe(true);
  });

  it('should stop the rule commands, printing the problem, while a rule is broken', async () => {
    const files = fixtureFiles();
    files['tmad/v20.0.md'] = files['tmad/v20.0.md']!.replace('{ var: duplicate_mpxn }', '{ var: duplicate_mpxns }');
    const host = memoryHost(files);
    const rules = await secdoc(['--documents', MEMORY_ROOT, 'rules', '--at', '2022-06-10'], { host });
    expect(rules.code).toBe(1);
    expect(rules.stderr).toMatch(/tmad\/v20\.0\.md:102:\d+: error Unexpected fact `duplicate_mpxns`.*\[rule-unknown-fact\]/);
    // Dates alone do not depend on rules.
    expect((await secdoc(['--documents', MEMORY_ROOT, 'at', '2022-06-10'], { host })).code).toBe(0);
  });

  it('should show the same rule diagnostics through validate, the rule commands and the library', async () => {
    const files = fixtureFiles();
    files['tmad/v20.0.md'] = files['tmad/v20.0.md']!
      .replace('{ var: duplicate_mpxn }', '{ var: duplicate_mpxns }')
      .replace('kind: permission', 'kind: permision')
      .replace('id: tmad.exclusion.data-issues\n', 'id: tmad.exclusion.data-issues\nclause: 6.2\n');
    const host = memoryHost(files);
    const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`;
    const library = loadCorpus(MEMORY_ROOT, { host }).diagnostics.filter((d) => d.ruleId.startsWith('rule-')).map(line);
    expect(library.map((l) => l.replace(/^.*\[(.*)\]$/, '$1')).sort()).toEqual(['rule-malformed', 'rule-not-followed', 'rule-unknown-fact']);
    const validated = JSON.parse((await secdoc(['--documents', MEMORY_ROOT, 'validate', '--json'], { host })).stdout) as { diagnostics: Diagnostic[] };
    expect(validated.diagnostics.filter((d) => d.ruleId.startsWith('rule-')).map(line)).toEqual(library);
    for (const command of [['rules', '--at', '2022-06-10'], ['eval', '--at', '2022-06-10', '/mem/facts.json'], ['history', 'AL', '6.3', '--at', '2022-06-10']]) {
      const result = await secdoc(['--documents', MEMORY_ROOT, ...command], { host: memoryHost(files, { '/mem/facts.json': '{}' }) });
      expect(result.code, command.join(' ')).toBe(1);
      expect(result.stderr.split('\n').filter((l) => /\[rule-/.test(l)), command.join(' ')).toEqual(library);
    }
  });
});
