/**
 * Drafting the next re-designation through the CLI: `new`, `renumber`, `rename-term` and a hand
 * edit make TMAD v21.0, `validate` passes, and the new direction's Annexes A and B are built with
 * 9.4 -> 9.3 shown as renumbered. Then each rewriting command on its own: what it changes, what it
 * leaves alone, its dry run, and its refusals.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments } from '../helpers.js';

const NEW_TMAD = ['new', 'TMAD', '--direction', 'direction-2022-10-20', '--made', '2022-10-20', '--effective', '2022-11-01'];

function edit(path: string, change: (text: string) => string): void {
  const text = readFileSync(path, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`fixture did not change ${path}`);
  writeFileSync(path, changed);
}

/** A copy of documents/ with TMAD v21.0 started by `new`. */
async function drafted(): Promise<{ dir: string; v21: string }> {
  const dir = copyDocuments();
  const made = await cli(['--documents', dir, ...NEW_TMAD]);
  expect(made.code).toBe(0);
  return { dir, v21: join(dir, 'tmad', 'v21.0.md') };
}

describe('drafting TMAD v21.0', () => {
  it('should make a valid v21.0 and build Annexes A and B, with 9.4 -> 9.3 marked as renumbered', async () => {
    const { dir, v21 } = await drafted();
    // By hand: delete 9.3 and amend 7.2.
    edit(v21, (t) => t.replace(/^9\.3 Each Supplier Party[^\n]*\n\n/m, '').replace('shall not be earlier than 12 months after', 'shall not be earlier than 9 months after'));
    const renumbered = await cli(['--documents', dir, 'renumber', 'AL@21.0', '9.4', '9.3']);
    expect(renumbered.stdout).toBe(`${v21}: renumbered 9.4 -> 9.3, 9.5 -> 9.4, 9.5A -> 9.4A, 9.6 -> 9.5, 9.7 -> 9.6; updated 4 references and 0 rules\n`);
    const renamed = await cli(['--documents', dir, 'rename-term', 'AL@21.0', 'Unresolved Data Issue', 'Unresolved Data Problem']);
    expect(renamed.code).toBe(0);
    // Until the version-history row is described, validate warns on it (and passes).
    const draft = await cli(['--documents', dir, 'validate']);
    expect(draft.code).toBe(0);
    expect(draft.stderr).toMatch(/tmad\/v21\.0\.md:\d+:3: warning .*\[history-unfilled\]/);
    edit(v21, (t) => t.replace('TO FILL IN: describe the changes made by this version.', 'Re-designated with effect from 1 November 2022: Clause 9.3 removed and the clauses after it renumbered; Clause 7.2 amended.'));
    const clean = await cli(['--documents', dir, 'validate']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toMatch(/tmad\/v21\.0\.md|2022-10-20\.md| error /);
    expect(clean.stderr).toMatch(/7 document versions, 3 directions: 0 errors/);

    // The text: references follow the renumbering; the earlier history rows do not change.
    const text = readFileSync(v21, 'utf8');
    expect(text).toContain('9.4 A Supplier Party may, within 20 Working Days after receiving a notification under Clause 9.3,');
    expect(text).toContain('in Clause 9.4A.');
    expect(text).toContain('| Unresolved Data Problem | means');
    expect(text).toContain('steps to resolve data issues before exclusion (Clause 9.5A);'); // v20.0's history row, as written

    const out = mkdtempSync(join(tmpdir(), 'secdoc-annex-'));
    const build = await cli(['--documents', dir, 'build', '--only', 'direction-2022-10-20', '--formats', 'html', '--out', out]);
    expect(build.stderr).not.toMatch(/ error /);
    expect(build.code).toBe(0);
    const annexes = readdirSync(join(out, 'directions', 'direction-2022-10-20')).sort();
    expect(annexes).toEqual(['annex-A-appendix-AL-v21.0-marked-up-v20.0.html', 'annex-B-appendix-AL-v21.0.html', 'direction.html']);
    const annexA = readFileSync(join(out, 'directions', 'direction-2022-10-20', annexes[0]!), 'utf8');
    expect(annexA).toMatch(/<span class="n"><del>9\.4<\/del><ins>9\.3<\/ins><\/span>The DCC shall notify the Responsible Supplier[^<]*<span class="note">\[Formerly[\s\u00a0]9\.4\]<\/span>/);
    expect(annexA).toContain('<td>Renumbered (formerly 9.4), text unchanged</td>');
    expect(annexA).toMatch(/<del>9\.3<\/del><\/span><del>Each Supplier Party shall provide/);
    const annexB = readFileSync(join(out, 'directions', 'direction-2022-10-20', annexes[1]!), 'utf8');
    expect(annexB).not.toContain('<del>');

    const history = await cli(['--documents', dir, 'history', 'AL', '9.3', '--at', '2022-11-02']);
    expect(history.stdout).toMatch(/21\.0 +in-force +Clause 9\.3: renumbered from 9\.4/);
  });
});

describe('secdoc renumber', () => {
  it('should print the change as a unified diff and write nothing with --dry-run', async () => {
    const { dir, v21 } = await drafted();
    edit(v21, (t) => t.replace(/^9\.3 Each Supplier Party[^\n]*\n\n/m, ''));
    const before = readFileSync(v21, 'utf8');
    const r = await cli(['--documents', dir, 'renumber', 'AL@21.0', '9.4', '9.3', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- ${v21}\n+++ ${v21}\n`);
    expect(r.stdout).toContain('\n-9.4 The DCC shall notify');
    expect(r.stdout).toContain('\n+9.3 The DCC shall notify');
    expect(r.stdout).toContain('+9.4 A Supplier Party may, within 20 Working Days after receiving a notification under Clause 9.3,');
    expect(readFileSync(v21, 'utf8')).toBe(before);
  });

  it('should re-letter paragraphs and the references to them, leaving every other line as it was', async () => {
    const { dir, v21 } = await drafted();
    edit(v21, (t) => t.replace(/^\(c\) the arrangements that apply to Dormant Meters;\n\n/m, '').replace(/^(1\.1 .*)$/m, '$1 The Migration process is described in Clause 1.2(d).'));
    const before = readFileSync(v21, 'utf8');
    const r = await cli(['--documents', dir, 'renumber', 'AL@21.0', '1.2(d)', '1.2(c)']);
    expect(r.stdout).toContain('renumbered (d) -> (c), (e) -> (d), (f) -> (e); updated 1 reference and 0 rules');
    const after = readFileSync(v21, 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed.map((l) => l.slice(0, 20))).toEqual(['1.1 **Document Purpo', '(c) the Migration pr', '(d) the process for ', '(e) the Exclusion Ca']);
    expect(after).toContain('described in Clause 1.2(c).');
    const validate = await cli(['--documents', dir, 'validate']);
    expect(validate.stderr).not.toMatch(/ error /);
  });

  it('should refuse a number that would clash, or that is of another kind', async () => {
    const { dir } = await drafted();
    const clash = await cli(['--documents', dir, 'renumber', 'AL@21.0', '9.4', '9.3']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('would clash with the clause already numbered 9.3');
    const other = await cli(['--documents', dir, 'renumber', 'AL@21.0', '9.4', '8.3']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('expected 8.3 to be a number of the same kind and level as 9.4');
    const missing = await cli(['--documents', dir, 'renumber', 'AL@21.0', '99.1', '99.2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no clause 99.1 in AL');
  });

  it('should update a rule that names a renumbered clause', async () => {
    const { dir, v21 } = await drafted();
    edit(v21, (t) => t.replace(/^9\.3 Each Supplier Party[^\n]*\n\n/m, '').replace(/^(9\.7 .*)$/m, '$1\n\n```rule\nid: tmad.exclusion.notice\nkind: obligation\nactor: DCC\nclause: 9.4\neffect: The DCC notifies the Responsible Supplier.\n```'));
    const r = await cli(['--documents', dir, 'renumber', 'AL@21.0', '9.4', '9.3']);
    expect(r.stdout).toContain('updated 4 references and 1 rule');
    expect(readFileSync(v21, 'utf8')).toContain('clause: 9.3\n');
  });
});

describe('secdoc rename-term', () => {
  it('should rename the definition and every use, plurals and wrapped lines included, and not the history table', async () => {
    const { dir, v21 } = await drafted();
    edit(v21, (t) => t.replace('there is an Unresolved Data Issue, including', 'there is an Unresolved\nData Issue, including'));
    const r = await cli(['--documents', dir, 'rename-term', 'AL@21.0', 'Unresolved Data Issue', 'Unresolved Data Problem', '--dry-run']);
    expect(r.stdout).toContain('+| Unresolved Data Problem | means');
    expect(r.stdout).toContain('+18.12 **Unresolved Data Problems.** A Dormant Meter in respect of which there is an Unresolved');
    expect(r.stdout).toContain('+Data Problem, including where:');
    // (The terms check reads a term on one line; the rest of this test keeps it so.)
    edit(v21, (t) => t.replace('there is an Unresolved\nData Issue, including', 'there is an Unresolved Data Issue, including'));
    const written = await cli(['--documents', dir, 'rename-term', 'AL@21.0', 'Unresolved Data Issue', 'Unresolved Data Problem']);
    expect(written.stdout).toBe(`${v21}: renamed \`Unresolved Data Issue\` to \`Unresolved Data Problem\` in its definition and 2 uses\n`);
    expect(readFileSync(v21, 'utf8')).not.toContain('Unresolved Data Issue');
    const validate = await cli(['--documents', dir, 'validate']);
    expect(validate.stderr).not.toMatch(/ error /);
  });

  it('should refuse a term that is not defined, naming the one meant', async () => {
    const { dir } = await drafted();
    const r = await cli(['--documents', dir, 'rename-term', 'AL@21.0', 'unresolved data issue', 'X Y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no term `unresolved data issue` in the definitions of AL (did you mean `Unresolved Data Issue`?)');
  });
});
