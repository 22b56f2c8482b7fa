/**
 * Rules and facts: a condition that is not JSON Logic fails validate where it is written, and a
 * facts file with duplicate keys, numbers out of range or huge names is refused quickly and clearly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments, repoRoot } from '../helpers.js';
import { expectNoStackTrace, withinCpu } from './helpers.js';

const ORIGINAL = 'condition:\n  "==": [{ var: rp_decommissioning_timetable_approved }, false]';

describe('a rule condition that is not JSON Logic', () => {
  for (const [what, condition, expected] of [
    ['a string', 'condition: cohort == "FOC"', 'a string'],
    ['a bare list', 'condition:\n  - { var: cohort }\n  - FOC', 'a list'],
    ['a number', 'condition: 1', 'a number'],
  ] as const) {
    it(`should fail validate, located, for ${what}`, async () => {
      const docs = copyDocuments();
      const path = join(docs, 'tmad/v20.0.md');
      const text = readFileSync(path, 'utf8').replace(ORIGINAL, condition);
      writeFileSync(path, text);
      const lines = text.split('\n');
      const line = lines.findIndex((l, i) => l.startsWith('condition:') && i > lines.indexOf('id: tmad.rp.decommissioning-approval')) + 1;
      const r = await cli(['--documents', docs, 'validate']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`v20\\.0\\.md:(${line}|${line + 1}):\\d+: error Unexpected condition that is ${expected}, expected one JSON Logic operation such as \`\\{ "==": \\[\\{ "var": "cohort" \\}, "FOC"\\] \\}\` \\[rule-malformed\\]`));
    });
  }
});

describe('facts files', () => {
  const facts = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-facts-'));
    const path = join(dir, 'facts.json');
    writeFileSync(path, text);
    return path;
  };
  const evaluate = async (path: string) => {
    const r = await withinCpu(15_000, () => cli(['--documents', join(repoRoot, 'documents'), 'eval', '--at', '2022-06-10', path]));
    expectNoStackTrace(r.stderr);
    return r;
  };

  it('should refuse a duplicate key, naming both places', async () => {
    const path = facts('{\n  "cohort": "IOC",\n  "installation_status": "Active",\n  "cohort": "FOC"\n}\n');
    const r = await evaluate(path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:4:3: duplicate key "cohort" (first at line 2); a facts file gives each fact once`);
  });

  it('should say a number is out of range instead of "got number null"', async () => {
    const path = facts('{ "failed_migration_attempts": 1e400 }');
    const r = await evaluate(path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fact "failed_migration_attempts" must be an integer, got a number too large to represent');
    expect(r.stderr).not.toContain('null');
  });

  it('should refuse a huge key and a huge value quickly, without echoing them in full', async () => {
    const key = 'k'.repeat(2_000_000);
    const r = await evaluate(facts(`{ "${key}": true }`));
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(2_000);
    expect(r.stderr).toContain('unknown fact "kkkkkkkkkk');
    const v = await evaluate(facts(`{ "cohort": "${'v'.repeat(2_000_000)}" }`));
    expect(v.code).toBe(1);
    expect(v.stderr.length).toBeLessThan(2_000);
    expect(v.stderr).toMatch(/fact "cohort" must be one of .*, got "vvvv+…" \(2000000 characters\)/);
  });
});
