/** `secdoc new`: the next version's source and its direction, valid at once apart from the row to fill in. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments } from '../helpers.js';

const NEW_TMAD = ['new', 'TMAD', '--direction', 'direction-2022-10-20', '--made', '2022-10-20', '--effective', '2022-11-01'];

describe('secdoc new', () => {
  it('should write the next version and a new direction that validate accepts, warning only on the row to fill in', async () => {
    const dir = copyDocuments();
    const made = await cli(['--documents', dir, ...NEW_TMAD]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const previous = readFileSync(join(dir, 'tmad', 'v20.0.md'), 'utf8');
    const next = readFileSync(join(dir, 'tmad', 'v21.0.md'), 'utf8');
    // Only the front matter's three fields and one row differ from the version it replaces.
    const changed = next.split('\n').filter((l) => !previous.split('\n').includes(l));
    expect(changed).toEqual(['version: "21.0"', 'replaces: "20.0"', 'designated_by: direction-2022-10-20', '| 21.0 | 1 November 2022 | TO FILL IN: describe the changes made by this version. |']);
    const direction = readFileSync(join(dir, 'directions', '2022-10-20.md'), 'utf8');
    expect(direction).toContain('  - { letter: A, document: AL, version: "21.0", against: "20.0", title: "SEC Appendix AL – SMETS1 Transition Migration Approach Document v.21.0 – (marked up against v.20.0)" }');
    expect(direction).toContain('  - { letter: B, document: AL, version: "21.0", title: "SEC Appendix AL – SMETS1 Transition Migration Approach Document v.21.0" }');

    const validate = await cli(['--documents', dir, 'validate']);
    expect(validate.code).toBe(0);
    const row = next.split('\n').findIndex((l) => l.startsWith('| 21.0 |')) + 1;
    expect(validate.stderr).toContain(`${join(dir, 'tmad', 'v21.0.md')}:${row}:3: warning Unexpected placeholder in the version-history row for 21.0, expected a description of the changes this version makes [history-unfilled]`);
    expect(validate.stderr).toMatch(/0 errors/);
    const at = await cli(['--documents', dir, 'at', '2022-10-25']);
    expect(at.stdout).toMatch(/AL 21\.0 +TMAD +designated 2022-10-20 by direction-2022-10-20, takes effect 2022-11-01/);
  });

  it('should extend an existing direction with the next annex letters', async () => {
    const dir = copyDocuments();
    await cli(['--documents', dir, ...NEW_TMAD]);
    const r = await cli(['--documents', dir, 'new', 'AK', '--direction', 'direction-2022-10-20', '--made', '2022-10-20', '--effective', '2022-12-01']);
    expect(r.code).toBe(0);
    const direction = readFileSync(join(dir, 'directions', '2022-10-20.md'), 'utf8');
    expect(direction).toContain('  - { document: AK, version: "11.0", effective: 2022-12-01 }');
    expect(direction).toContain('  - { letter: C, document: AK, version: "11.0", against: "10.0", title: "SEC Appendix AK – SVTAD for SMETS1 Services v.11.0 (marked up against v.10.0)" }');
    expect(direction).toContain('  - { letter: D, document: AK, version: "11.0", title: "SEC Appendix AK – SVTAD for SMETS1 Services v.11.0" }');
    expect(direction).toMatch(/\n1\.3 With effect from 1 December 2022, the SEC Variation Testing Approach Document for SMETS1 Services \(Appendix AK\) is re-designated as version 11\.0, in the form set out in Annex D\. Annex C shows version 11\.0 marked up against version 10\.0\.\n$/);
    const validate = await cli(['--documents', dir, 'validate']);
    expect(validate.stderr).toMatch(/0 errors/);
    expect(validate.code).toBe(0);
  });

  it('should refuse what cannot be right, as usage errors', async () => {
    const dir = copyDocuments();
    const early = await cli(['--documents', dir, 'new', 'TMAD', '--direction', 'd-1', '--made', '2022-05-01', '--effective', '2022-05-02']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('expected a date after AL v20.0 took effect (2022-06-10)');
    const old = await cli(['--documents', dir, 'new', 'TMAD', '--from', '19.0', ...NEW_TMAD.slice(2)]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('AL v19.0 is already replaced by v20.0');
    const badDate = await cli(['--documents', dir, 'new', 'TMAD', '--direction', 'd-1', '--made', '2022-13-01', '--effective', '2022-12-02']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--made 2022-13-01: expected a date as YYYY-MM-DD');
  });
});
