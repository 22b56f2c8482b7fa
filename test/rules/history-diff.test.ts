/**
 * `history` reads the redline's alignment, so it says what `diff` says about a clause; `--at`
 * reads a number as of the date; answers on a date name what is coming and when.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments } from '../helpers.js';

/** AL v20.0 with 1.2(c) deleted and (d)-(f) re-lettered (c)-(e). */
function reletteredCopy(): string {
  const dir = copyDocuments();
  const path = join(dir, 'tmad', 'v20.0.md');
  const text = readFileSync(path, 'utf8');
  const changed = text
    .replace(/^\(c\) the arrangements that apply to Dormant Meters;\n\n/m, '')
    .replace(/^\(d\) the Migration process/m, '(c) the Migration process')
    .replace(/^\(e\) the process for decommissioning/m, '(d) the process for decommissioning')
    .replace(/^\(f\) the Exclusion Categories/m, '(e) the Exclusion Categories');
  if (changed === text) throw new Error('fixture did not change');
  writeFileSync(path, changed);
  return dir;
}

describe('history and diff agree', () => {
  it('should call a re-lettered paragraph renumbered, as the diff does, and the deleted one removed', async () => {
    const dir = reletteredCopy();
    const diff = await cli(['--documents', dir, 'diff', 'AL@19.0', 'AL@20.0', '--format', 'json']);
    const changes: Array<{ status: string; old: { number: string } | null; new: { number: string } | null }> = [];
    const walk = (list: Array<{ children: unknown[] } & (typeof changes)[number]>) => {
      for (const c of list) {
        changes.push(c);
        walk(c.children as never);
      }
    };
    walk((JSON.parse(diff.stdout) as { clauses: never }).clauses);
    const c = changes.find((x) => x.new?.number === '(c)' && x.old?.number === '(d)');
    expect(c?.status).toBe('renumbered');

    const history = await cli(['--documents', dir, 'history', 'AL@20.0', '1.2(c)', '--at', '2022-07-01']);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/19\.0 +superseded +Clause \(d\): present/);
    expect(history.stdout).toMatch(/20\.0 +in-force +Clause \(c\): renumbered from \(d\)/);

    const removed = await cli(['--documents', dir, 'history', 'AL@19.0', '1.2(c)', '--at', '2022-07-01']);
    expect(removed.stdout).toMatch(/20\.0 +- +removed in this version/);
  });

  it('should read a clause number as of --at', async () => {
    const before = await cli(['history', 'AL', '10.3', '--at', '2022-03-01']);
    expect(before.stdout).toContain('found by number as Clause 10.3 in AL 19.0');
    expect(before.stdout).toMatch(/20\.0 +not-yet-in-force +Clause 10\.4: renumbered from 10\.3/);
    const after = await cli(['history', 'AL', '10.3', '--at', '2022-07-01']);
    expect(after.stdout).toContain('found by number as Clause 10.3 in AL 20.0');
    expect(after.stdout).toMatch(/20\.0 +in-force +Clause 10\.3: renumbered from 10\.2/);
  });
});

describe('answers on a date say what is coming and whether an end date is included', () => {
  it('should name the next version and its effective date in at, rules and eval', async () => {
    const at = await cli(['at', '2022-06-01']);
    expect(at.stdout).toMatch(/AL 19\.0 +TMAD +from 2022-01-01 until 2022-06-10 \(not included\)/);
    expect(at.stdout).toContain('Coming after 2022-06-01:\n');
    expect(at.stdout).toContain('  AL 20.0 takes effect from 2022-06-10 (designated 2022-06-09 by direction-2022-06-09)');
    const rules = await cli(['rules', '--at', '2022-06-01', '--doc', 'TMAD']);
    expect(rules.stdout).toContain('Coming after 2022-06-01 (not counted above):\n  AL 20.0 takes effect from 2022-06-10 (designated 2022-06-09 by direction-2022-06-09)\n');
    expect(rules.stdout).not.toContain('AK 10.0 takes effect');
    const evaluated = await cli(['eval', '--at', '2022-06-09', 'examples/facts/dormant-moc-mds.json']);
    expect(evaluated.stdout).toContain('Coming after 2022-06-09 (its rules are not evaluated above):');
    const later = await cli(['eval', '--at', '2022-07-01', 'examples/facts/dormant-moc-mds.json']);
    expect(later.stdout).not.toContain('Coming after');
  });
});
