/**
 * Checks across versions and the label checks settled by context: each breaks a copy of
 * documents/ the way an author drafting the next version might, and expects the rule id at the
 * file, line and column of the problem.
 */
import { describe, expect, it } from 'vitest';
import { cli, validateWith, where } from '../helpers.js';

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture text not found: ${from}`);
  return out;
}

/** AL v20.0 with 9.3 deleted and 9.4-9.7 moved up to 9.3-9.6, references to 9.5A updated, others not. */
function deleteNinePointThree(t: string): string {
  let s = replaceOnce(t, /^9\.3 Each Supplier Party[^\n]*\n\n/m, '');
  s = replaceOnce(s, /^9\.4 /m, '9.3 ');
  s = replaceOnce(s, /^9\.5 /m, '9.4 ');
  s = replaceOnce(s, /^9\.5A /m, '9.4A ');
  s = s.replaceAll('Clause 9.5A', 'Clause 9.4A');
  s = replaceOnce(s, /^9\.6 /m, '9.5 ');
  return replaceOnce(s, /^9\.7 /m, '9.6 ');
}

describe('checks across versions', () => {
  it('should report a reference left on a number renumbering gave to another clause, with the number it meant', async () => {
    const r = await validateWith('tmad/v20.0.md', deleteNinePointThree);
    expect(r.code).toBe(1);
    // The new 9.4 (formerly 9.5) still says "a notification under Clause 9.4", meaning the old 9.4, now 9.3.
    expect(r.stderr).toContain(
      `${r.path}:${where(r.text, 'Clause 9.4,')}: error Unexpected reference to Clause 9.4: in AL v19.0 Clause 9.4 named the clause that is now 9.3, expected Clause 9.3 [renumbered-reference]`,
    );
    expect(r.stderr).not.toMatch(/tmad\/v20\.0\.md:4\d\d:\d+: warning.*renumbered-reference-new/);
  });

  it('should warn on a new reference to a number that named another clause in the replaced version', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) =>
      replaceOnce(deleteNinePointThree(t), /^9\.6 (.*)$/m, '9.6 $1\n\n9.7 The DCC shall keep a record of each notification given under Clause 9.4.'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${r.path}:${where(r.text, 'Clause 9.4.')}: warning Unexpected new reference to Clause 9.4: in AL v19.0 Clause 9.4 named the clause that is now 9.3, expected a check that it means the clause now numbered 9.4 [renumbered-reference-new]`,
    );
  });

  it('should warn on a new reference to a number an insertion moved, unless the new text cites the insertion', async () => {
    // AL v20.0 inserted 10.2, so the old 10.3 is now 10.4: a new clause that says only "Clause 10.4" may mean either.
    const alone = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^(7\.9 .*)$/m, '$1\n\n7.10 The DCC shall report each GSME treated under Clause 10.4.'));
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain(
      `${alone.path}:${where(alone.text, 'Clause 10.4.')}: warning Unexpected new reference to Clause 10.4: in AL v19.0 Clause 10.4 named the clause that is now 10.5, expected a check that it means the clause now numbered 10.4 [renumbered-reference-new]`,
    );
    // Citing the inserted 10.2 beside it shows the author wrote in the new numbering, as AL 18.14(a) does.
    const beside = await validateWith('tmad/v20.0.md', (t) =>
      replaceOnce(t, /^(7\.9 .*)$/m, '$1\n\n7.10 The DCC shall report each Partial Migration under Clause 10.2 and each GSME treated under Clause 10.4.'),
    );
    expect(beside.stderr).not.toContain('[renumbered-reference-new]');
    expect(beside.code).toBe(0);
  });

  it('should accept references updated with the renumbering', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => deleteNinePointThree(t).replace('notification under Clause 9.4,', 'notification under Clause 9.3,'));
    expect(r.stderr).not.toMatch(/ error |tmad\/v20\.0\.md:4\d\d:\d+: warning/);
    expect(r.code).toBe(0);
  });

  it('should report an earlier version-history row rewritten at the row', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, 'Partial Migration for the IOC cohort', 'Partial Migration for the IOC and FOC cohorts'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '18.0 |')}: error Unexpected change to the version-history row for 18.0, expected it as in v19.0: \`18.0 | 4 November 2021 | Re-designated by the Secretary of State: Partial Migration for the IOC cohort and associated reporting.\` [history-rewritten]`);
  });

  it('should report a version-history row dropped', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^\| 16\.0 .*\n/m, ''));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '| Version |')}: error Unexpected version history without the row for 16.0`);
    expect(r.stderr).toContain('[history-rewritten]');
  });

  it('should report a version whose own expiry comes before it takes effect', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, 'being 31 December 2022, save', 'being 31 May 2022, save'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${r.path}:${where(r.text, '1.3 **Expiry')}: error Unexpected expiry: AL v20.0 ceases to have effect from 2022-05-31 (Clause 1.3) but takes effect on 2022-06-10 (direction \`direction-2022-06-09\`), so it is never in force; expected an expiry after 2022-06-10 [never-in-force]`,
    );
    const at = await cli(['--documents', r.dir, 'at', '2022-06-10']);
    expect(at.stdout).not.toMatch(/AL\s+v20\.0\s+in force/);
  });

  it('should resolve a direction\'s references against the versions it designates', async () => {
    const r = await validateWith('directions/2022-06-09.md', (t) =>
      replaceOnce(t, 'This direction does not decide any Requesting Party Decommissioning Timetable.', 'This direction does not decide any Requesting Party Decommissioning Timetable, nor change Clauses 18.12 to 18.15 and Clause 18.99.'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/Clause 18\.12,/);
    expect(r.stderr).toContain(
      `${r.path}:${where(r.text, 'Clause 18.99')}: error Unexpected reference to Clause 18.99, which does not exist in this direction or in the versions it designates (AL v20.0, AK v10.0, J v6.0) [xref-unresolved]`,
    );
  });
});

describe('numbers and labels settled by context', () => {
  it('should read (d) after (a), (b) as a letter with (c) missing, not as Roman 500', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^\(c\) the arrangements that apply to Dormant Meters;\n\n/m, ''));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '(d) the Migration process')}: error Unexpected clause \`(d)\` after \`(b)\`, expected the next number (a gap in the numbering): \`(c)\` is missing [number-sequence]`);
    const tree = await cli(['--documents', r.dir, 'tree', 'AL@20.0', '--json']);
    const clauses = (JSON.parse(tree.stdout) as { clauses: Array<{ number: string; children: Array<{ number: string; children: Array<{ number: string; style: string }> }> }> }).clauses;
    const scope = clauses[0]!.children.find((c) => c.number === '1.2')!;
    expect(scope.children.map((c) => c.number)).toEqual(['(a)', '(b)', '(d)', '(e)', '(f)']);
  });

  it('should report a skipped suffix (18.12 then 18.12B)', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^9\.5A /m, '9.5B ').replaceAll('Clause 9.5A', 'Clause 9.5B'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '9.5B Before')}: error Unexpected clause \`9.5B\` after \`9.5\`, expected \`9.5A\` first (a skipped suffix) [number-suffix]`);
  });

  it('should report a suffix in lower case (18.12a)', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^9\.5A /m, '9.5a '));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '9.5a Before')}: error Unexpected lower-case suffix in \`9.5a\`, expected \`9.5A\` (it is read as text of the clause before, not as a clause) [number-suffix]`);
  });

  it('should report two clauses with one {#key} at the second', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, /^(10\.4 .*)$/m, '$1 {#partial-migration-notice}'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, '10.4 A GSME')}: error Unexpected second clause with key \`{#partial-migration-notice}\`, expected unique keys (first at line ${where(r.text, '10.3 Where the DCC').split(':')[0]}, Clause 10.3) [duplicate-key]`);
  });

  it('should check a term that begins with an acronym like any other', async () => {
    const r = await validateWith('tmad/v20.0.md', (t) => replaceOnce(t, 'to maximise the number of SMETS1 Installations', 'to maximise the number of SMETS1 Meter Points'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${r.path}:${where(r.text, 'SMETS1 Meter Points')}: error Unexpected undefined term \`SMETS1 Meter Points\``);
  });
});
