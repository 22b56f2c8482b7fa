/**
 * Generated hostile input (fast-check, fixed seed, bounded runs): Unicode from every plane,
 * controls, bidi marks and unpaired surrogates, inside generated Markdown nesting, fed to validate,
 * tree, diff and build. Each succeeds or fails with a located diagnostic and exit 1 or 2, in
 * bounded time, with no stack trace, and build touches nothing outside --out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { expectNoStackTrace, scratch, snapshot, withinCpu } from './helpers.js';

const hostileChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u200e', '\u202e', '\u2066', '\ufeff', '\uffff', '\ud800', '\udfff', '\u{10ffff}', '中', '<script>', '*', '_', '`', '[', '](', '<!--', '-->', '---', '\n', '\n\n'),
);
const text = fc.array(hostileChar, { maxLength: 40 }).map((parts) => parts.join(''));
const prefix = fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '    ', '(a) ', '## ', '**', '_');
const line = fc.tuple(fc.array(prefix, { maxLength: 12 }), text).map(([p, t]) => p.join('') + t);
const body = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
const frontMatter = fc.constantFrom(
  '---\nappendix: AL\nshort_name: TMAD\ntitle: Hostile\nversion: "20.0"\nreplaces: "19.0"\ndesignated_by: direction-2022-06-09\n---\n',
  '---\nappendix: AL\ntitle: *nope\nversion: "20.0"\n---\n',
  '',
);

const LOCATED = /:\d+:\d+: (error|warning) .* \[[a-z0-9-]+\]$/m;

function expectHonest(r: { code: number; stderr: string }, what: string): void {
  expect([0, 1, 2], `${what}: ${r.stderr.slice(0, 500)}`).toContain(r.code);
  expectNoStackTrace(r.stderr);
  if (r.code === 1) expect(r.stderr, what).toMatch(LOCATED);
  if (r.code === 2) expect(r.stderr, what).toMatch(/^secdoc: /m);
}

describe('generated hostile sources', () => {
  it('should never crash, hang or touch anything outside --out', async () => {
    await fc.assert(
      fc.asyncProperty(frontMatter, body, async (fm, generated) => {
        const s = scratch();
        const source = `${fm}\n# Hostile\n\n## 1 General\n\n1.1 ${generated}\n\n1.2 The DCC shall act.\n`;
        mkdirSync(join(s.docs, 'tmad'), { recursive: true });
        writeFileSync(join(s.docs, 'tmad/v20.0.md'), source);
        const loose = join(s.root, 'loose.md');
        writeFileSync(loose, source);
        await withinCpu(60_000, async () => {
          expectHonest(await cli(['--documents', s.docs, 'validate']), 'validate');
          expectHonest(await cli(['tree', loose, '--json']), 'tree');
          expectHonest(await cli(['diff', join(s.docs, 'tmad/v19.0.md'), loose, '--format', 'json']), 'diff');
          const before = snapshot(s.docs);
          expectHonest(await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'html,json,docx', '--jobs', '0']), 'build');
          expect(snapshot(s.docs)).toEqual(before);
        });
      }),
      { seed: 20261206, numRuns: 25, interruptAfterTimeLimit: 240_000 },
    );
  }, 300_000);
});
