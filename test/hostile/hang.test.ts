/**
 * Inputs that used to hang validate: a long run of Capitalised words (the defined-terms check was
 * cubic in its length) and a long paragraph full of references and undefined terms (each position
 * was found by rescanning the text from its start). Both must now finish in linear time; the
 * growth is measured by bench/hostile.bench.mjs, and here the time is bounded.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { documentsWith, withinCpu } from './helpers.js';

const FRONT = '---\nappendix: AL\nshort_name: TMAD\ntitle: Hang\nversion: "1.0"\ndesignated_by: none\n---\n\n## 1 Hang\n\n';

async function validateWithin(body: string, ms: number) {
  const s = documentsWith({ 'tmad/v1.0.md': FRONT + body }, { bare: true });
  return withinCpu(ms, () => cli(['--documents', s.docs, 'validate']));
}

describe('validate in bounded time', () => {
  it('should split a run of 2,000 Capitalised words and report it where it starts', async () => {
    const run = Array.from({ length: 2000 }, (_, i) => `Alpha${String.fromCharCode(97 + (i % 26))}`).join(' ');
    const r = await validateWithin(`1.1 The DCC shall ${run}.\n`, 15_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/v1\.0\.md:11:19: error Unexpected undefined term `Alphaa Alphab Alphac/);
  }, 60_000);

  it('should place thousands of diagnostics in one long paragraph without rescanning it', async () => {
    const sentence = 'The DCC shall notify the Requesting Party under Clause 9.9 and Clause 1.1 on each Working Day.\n';
    const r = await validateWithin(`1.1 ${sentence.repeat(12_000)}`, 30_000);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(12_000);
    const file = lines[0]!.split(':')[0]!;
    expect(lines).toContain(`${file}:${11 + 11_999}:49: error Unexpected reference to Clause 9.9, which does not exist in this version [xref-unresolved]`);
  }, 60_000);
});
