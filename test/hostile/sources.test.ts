/**
 * Odd sources and odd paths: nothing in a source is silently lost, every path problem is a usage
 * error (exit 2) with a message, and no file name can forge a diagnostic line.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { reportInternalError } from '../../src/cli/main.js';
import { documentsWith, expectNoStackTrace, scratch } from './helpers.js';

const tmad20 = (docs: string) => join(docs, 'tmad/v20.0.md');

describe('text after an HTML comment on the same line', () => {
  it('should keep the clause `<!-- reviewed --> 1.7 The DCC shall ...` in the tree, at its own line', async () => {
    const s = scratch();
    writeFileSync(join(s.root, 'loose.md'), '## 1 Introduction\n\n1.1 First.\n\n<!-- reviewed --> 1.2 The DCC shall publish it.\n\n<!-- a --> <!-- b -->\n1.3 Third.\n');
    const r = await cli(['tree', join(s.root, 'loose.md'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const tree = JSON.parse(r.stdout) as { clauses: Array<{ children: Array<{ number: string; text: string; line: number; column: number }> }> };
    const kids = tree.clauses[0]!.children;
    expect(kids.map((c) => c.number)).toEqual(['1.1', '1.2', '1.3']);
    expect(kids[1]).toMatchObject({ text: 'The DCC shall publish it.', line: 5, column: 19 });
  });

  it('should check a clause after a comment like any other (validate sees it)', async () => {
    const s = scratch();
    const text = readFileSync(tmad20(s.docs), 'utf8').replace('3.3 The DCC shall publish', '<!-- reviewed --> 3.3 The DCC shall publish a Bogus Thing and');
    writeFileSync(tmad20(s.docs), text);
    const r = await cli(['--documents', s.docs, 'validate']);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:\d+: error Unexpected undefined term `Bogus Thing`/);
  });
});

describe('paths that are not what they should be', () => {
  it('should exit 2 when --documents names a file', async () => {
    const s = scratch();
    const r = await cli(['--documents', tmad20(s.docs), 'validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a folder/);
    expectNoStackTrace(r.stderr);
  });

  it('should exit 2 when a REF names a folder', async () => {
    const s = scratch();
    const r = await cli(['tree', join(s.docs, 'tmad') + '/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a folder/);
    const d = await cli(['diff', join(s.docs, 'tmad.md'), tmad20(s.docs)]);
    expect(d.code).toBe(2);
  });

  it('should exit 2 naming an unreadable source (a dangling link) instead of crashing', async () => {
    const s = scratch();
    symlinkSync(join(s.root, 'gone.md'), join(s.docs, 'tmad', 'v21.0.md'));
    const r = await cli(['--documents', s.docs, 'validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('v21.0.md');
    expectNoStackTrace(r.stderr);
  });

  it('should follow a symlinked source file and folder instead of skipping them', async () => {
    const s = scratch();
    const elsewhere = join(s.root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'v20.0.md'), readFileSync(tmad20(s.docs), 'utf8').replace('3.3 The DCC', '3.2 The DCC'));
    writeFileSync(tmad20(s.docs), '');
    const { rmSync } = await import('node:fs');
    rmSync(tmad20(s.docs));
    symlinkSync(join(elsewhere, 'v20.0.md'), tmad20(s.docs));
    const r = await cli(['--documents', s.docs, 'validate']);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:1: error Unexpected second clause numbered `3\.2`/);
    // A linked folder, and a loop back to an ancestor that must not hang.
    symlinkSync(s.docs, join(s.docs, 'tmad', 'loop'));
    const again = await cli(['--documents', s.docs, 'validate']);
    expect(again.stderr.match(/second clause numbered `3\.2`/g)).toHaveLength(1);
  });

  it('should escape control characters in a file name so it cannot forge a diagnostic line', () => {
    const line = formatDiagnostic({ file: 'a.md:1:1: error fake [x]\nb.md', line: 2, column: 3, severity: 'error', message: 'real\nsecond', ruleId: 'empty-file' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('a.md:1:1: error fake [x]\\nb.md:2:3: error real\\nsecond [empty-file]');
  });

  it('should print an escaped name for a real file whose name holds a newline', async () => {
    const s = documentsWith({ 'tmad/evil\nx.md:1:1: error forged [binary-file].md': '' });
    const r = await cli(['--documents', s.docs, 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('forged'))).toEqual([expect.stringMatching(/evil\\nx\.md.*\[empty-file\]$/)]);
  });
});

describe('an internal error', () => {
  it('should print one short line and a hint, and the stack only with SECDOC_DEBUG=1', () => {
    let out = '';
    const error = new TypeError("Cannot read properties of undefined (reading 'x')");
    reportInternalError(error, {}, (t) => (out += t));
    expect(out).toBe("secdoc: internal error: TypeError: Cannot read properties of undefined (reading 'x') (set SECDOC_DEBUG=1 to see where)\n");
    out = '';
    reportInternalError(error, { SECDOC_DEBUG: '1' }, (t) => (out += t));
    expect(out).toContain('    at ');
  });
});
