/**
 * Deep nesting: 3,000 nested block quotes, a list 2,000 levels deep and emphasis 6,000 deep are
 * a located error (or read flat), in bounded time, never a stack overflow.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { expectNoStackTrace, scratch, withinCpu } from './helpers.js';

async function tree(body: string) {
  const s = scratch();
  const path = join(s.root, 'deep.md');
  writeFileSync(path, `## 1 Deep\n\n1.1 Text.\n\n${body}\n`);
  const r = await withinCpu(30_000, () => cli(['tree', path, '--json']));
  expectNoStackTrace(r.stderr);
  return r;
}

describe('nesting beyond any document', () => {
  it('should report 3,000 nested block quotes where they start', async () => {
    const r = await tree('> '.repeat(3000) + 'deep');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.md:5:1: error Unexpected nesting more than 64 levels deep .*\[nesting-too-deep\]/);
  });

  it('should report a list 2,000 levels deep in bounded time', async () => {
    const r = await tree(Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[nesting-too-deep]');
  });

  it('should read 6,000-deep emphasis without overflowing', async () => {
    const r = await tree(`1.2 ${'*'.repeat(6000)}x${'*'.repeat(6000)}`);
    expect([0, 1]).toContain(r.code);
    const nested = await tree(`1.2 ${'*a _b '.repeat(200)}x${' c_ d*'.repeat(200)}`);
    expect([0, 1]).toContain(nested.code);
  });
});
