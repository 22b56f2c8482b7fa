/**
 * What README's `validate` section promises it checks, one broken copy of documents/ per case.
 * The checks run in-process over an in-memory copy (no glyph probe, which has its own tests in
 * test/hostile/characters.test.ts); each expected diagnostic is written out whole, with its place.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments, documentsDir, where } from '../helpers.js';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { checkCorpus } from '../../src/check/index.js';
import { collect } from '../../src/diagnostics/index.js';

const ROOT = '/mem/documents';

/** documents/ as committed, by path relative to it. */
const committed: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(documentsDir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(documentsDir);
  return out;
})();

/** Change one file's text; the change must apply, or the test would check nothing. */
function edit(text: string, from: RegExp | string, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture text not found: ${String(from)}`);
  return changed;
}

/** Every diagnostic of documents/ with `files` changed (a null text removes the file), as `file:line:col: severity message [rule]`. */
function validate(files: Record<string, string | null>): string[] {
  const all = new Map(Object.entries({ ...committed, ...files }).filter((e): e is [string, string] => e[1] !== null).map(([k, v]) => [`${ROOT}/${k}`, v]));
  const host: Host = {
    listFiles: (dir) => [...all.keys()].filter((p) => p.startsWith(`${dir}/`)),
    readFile: (path) => new TextEncoder().encode(all.get(path) ?? ''),
    exists: (path) => all.has(path) || [...all.keys()].some((p) => p.startsWith(`${path}/`)),
  };
  const corpus = loadCorpus(ROOT, host);
  checkCorpus(corpus);
  return collect(corpus.files).map((d) => `${d.file.slice(ROOT.length + 1)}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`);
}

const only = (diagnostics: string[], rule: string) => diagnostics.filter((d) => d.endsWith(`[${rule}]`));
const etad = committed['etad/v6.0.md']!;
const tmad = committed['tmad/v20.0.md']!;

/** The two warnings documents/ carries as committed: new references to numbers that named another clause before. */
/** The committed documents validate clean: no error, no warning. */
const COMMITTED_WARNINGS: string[] = [];

describe('validate: the documents as committed', () => {
  it('should report no error and no warning, so every diagnostic below comes from its one change', () => {
    expect(validate({})).toEqual(COMMITTED_WARNINGS);
  });
});

describe('validate: clause numbers (ascending, no gaps, under the right parent)', () => {
  it('should report a gap in decimal numbers (4.7 then 4.9) at the clause after it', () => {
    const text = edit(etad, /^4\.8 /m, '4.9 ');
    expect(only(validate({ 'etad/v6.0.md': text }), 'number-sequence')).toEqual([
      `etad/v6.0.md:${where(text, '4.9 A Testing')}: error Unexpected clause \`4.9\` after \`4.7\`, expected the next number (a gap in the numbering) [number-sequence]`,
    ]);
  });

  it('should report numbers that go down (4.9 then 4.8)', () => {
    const text = edit(etad, /^4\.7 /m, '4.9 ');
    expect(only(validate({ 'etad/v6.0.md': text }), 'number-sequence')).toEqual([
      `etad/v6.0.md:${where(text, '4.9 The DCC')}: error Unexpected clause \`4.9\` after \`4.6\`, expected the next number (a gap in the numbering) [number-sequence]`,
      `etad/v6.0.md:${where(text, '4.8 A Testing')}: error Unexpected clause \`4.8\` after \`4.9\`, expected numbers in ascending order [number-sequence]`,
    ]);
  });

  it('should report a letter skipped in a list, naming the missing one', () => {
    const text = edit(etad, '(d) Clause 14 governs', '(e) Clause 14 governs');
    expect(only(validate({ 'etad/v6.0.md': text }), 'number-sequence')).toEqual([
      `etad/v6.0.md:${where(text, '(e) Clause 14')}: error Unexpected clause \`(e)\` after \`(c)\`, expected the next number (a gap in the numbering): \`(d)\` is missing [number-sequence]`,
    ]);
  });

  it('should report a provision under the wrong clause (5.9 inside Clause 4)', () => {
    const text = edit(etad, /^4\.8 /m, '5.9 ');
    expect(only(validate({ 'etad/v6.0.md': text }), 'number-sequence')).toContain(
      `etad/v6.0.md:${where(text, '5.9 A Testing')}: error Unexpected clause \`5.9\` inside clause \`4\`, expected a number starting \`4.\` [number-sequence]`,
    );
  });
});

describe('validate: cross-references', () => {
  it("should check references after a clause's sub-paragraphs (a table there belongs to the clause, after them)", () => {
    const text = edit(etad, '(d) Clause 14 governs reporting and the review of this Document.\n', '(d) Clause 14 governs reporting and the review of this Document.\n\n| Clauses | Read with |\n| --- | --- |\n| 1 to 4 | Clause 99.9 |\n');
    expect(only(validate({ 'etad/v6.0.md': text }), 'xref-unresolved')).toEqual([
      `etad/v6.0.md:${where(text, 'Clause 99.9')}: error Unexpected reference to Clause 99.9, which does not exist in this version [xref-unresolved]`,
    ]);
  });
});

describe('validate: defined terms', () => {
  it('should warn on a term defined locally and never used, at its definition', () => {
    const text = edit(etad, '| Test Data |', '| Widget Register | means the register of widgets. |\n| Test Data |');
    expect(only(validate({ 'etad/v6.0.md': text }), 'term-unused')).toEqual([
      `etad/v6.0.md:${where(text, 'Widget Register')}: warning Unexpected unused defined term \`Widget Register\`, expected it to be used in the text or removed [term-unused]`,
    ]);
  });
});

describe('validate: versions and directions', () => {
  it('should report a second file for one version', () => {
    const d = validate({ 'etad/v6.0-copy.md': etad });
    expect(only(d, 'duplicate-version')).toEqual([
      `etad/v6.0.md:${where(etad, '"6.0"')}: error Unexpected second file for J v6.0, expected one file per version (also in ${ROOT}/etad/v6.0-copy.md) [duplicate-version]`,
    ]);
  });

  it('should report a version chain that loops', () => {
    const old = edit(committed['tmad/v19.0.md']!, /^version: "19\.0"$/m, 'version: "19.0"\nreplaces: "20.0"');
    expect(only(validate({ 'tmad/v19.0.md': old }), 'version-chain')).toEqual([
      `tmad/v19.0.md:${where(old, '"20.0"')}: error Unexpected \`replaces: "20.0"\` in AL v19.0, expected an earlier version (the chain would loop) [version-chain]`,
    ]);
  });

  it('should report a direction that does not exist', () => {
    const text = edit(tmad, 'designated_by: direction-2022-06-09', 'designated_by: direction-2099-01-01');
    expect(only(validate({ 'tmad/v20.0.md': text }), 'direction-unknown')).toEqual([
      `tmad/v20.0.md:${where(text, 'direction-2099')}: error Unexpected direction \`direction-2099-01-01\`, expected the id of a direction under documents/ [direction-unknown]`,
    ]);
  });

  it('should report an annex that names a version not held', () => {
    const direction = edit(committed['directions/2022-06-09.md']!, '{ letter: B, document: AL, version: "20.0"', '{ letter: B, document: AL, version: "21.0"');
    expect(only(validate({ 'directions/2022-06-09.md': direction }), 'direction-unknown-version')).toEqual([
      `directions/2022-06-09.md:${where(direction, '"21.0"')}: error Unexpected annex B: AL v21.0 is not held under documents/ [direction-unknown-version]`,
    ]);
  });

  it("should report an effective date that does not come after the previous version's", () => {
    const baseline = edit(committed['directions/baseline.md']!, 'effective: 2022-01-01', 'effective: 2022-07-01');
    const conflicts = only(validate({ 'directions/baseline.md': baseline }), 'date-conflict');
    expect(conflicts).toContain(
      `tmad/v20.0.md:${where(tmad, 'direction-2022-06-09')}: error Unexpected effective date 2022-06-10 for AL v20.0, expected it after v19.0's (2022-07-01) [date-conflict]`,
    );
    expect(conflicts.filter((c) => c.includes("expected it after v"))).toHaveLength(3);
  });

  it('should report a version-history row whose date the direction does not give', () => {
    const text = edit(tmad, '| 20.0 | 10 June 2022 |', '| 20.0 | 11 June 2022 |');
    expect(only(validate({ 'tmad/v20.0.md': text }), 'date-conflict')).toEqual([
      `tmad/v20.0.md:${where(text, '11 June 2022')}: error Unexpected version-history date 11 June 2022 for v20.0, expected the date its direction gives (effective 2022-06-10, made 2022-06-09) [date-conflict]`,
    ]);
    // Either date the direction gives is accepted: the day it was made as well as the effective date.
    expect(only(validate({ 'tmad/v20.0.md': edit(tmad, '| 20.0 | 10 June 2022 |', '| 20.0 | 9 June 2022 |') }), 'date-conflict')).toEqual([]);
  });
});

describe('validate --json', () => {
  it('should count errors and warnings, matching the diagnostics it lists', async () => {
    const dir = copyDocuments();
    const path = join(dir, 'etad/v6.0.md');
    writeFileSync(path, edit(edit(etad, /^4\.8 /m, '4.9 '), '| Test Data |', '| Widget Register | means the register of widgets. |\n| Test Data |'));
    const r = await cli(['--documents', dir, 'validate', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; errors: number; warnings: number; diagnostics: Array<{ file: string; line: number; column: number; severity: string; message: string; ruleId: string }> };
    expect(out.ok).toBe(false);
    expect([out.errors, out.warnings]).toEqual([1, 1 + COMMITTED_WARNINGS.length]);
    expect(out.diagnostics.filter((d) => d.file === path).map((d) => [d.severity, d.ruleId])).toEqual([
      ['warning', 'term-unused'],
      ['error', 'number-sequence'],
    ]);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(out.errors);
    expect(out.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(out.warnings);
    const clean = JSON.parse((await cli(['validate', '--json'])).stdout) as { ok: boolean; errors: number; warnings: number; diagnostics: unknown[] };
    expect([clean.ok, clean.errors, clean.warnings, clean.diagnostics.length]).toEqual([true, 0, COMMITTED_WARNINGS.length, COMMITTED_WARNINGS.length]);
  });
});
