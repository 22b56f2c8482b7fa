/**
 * The stage arrows of the README's layout are enforced by dependency-cruiser
 * (`.dependency-cruiser.cjs`, `npm run lint:deps`, run by CI before the tests): the real tree
 * passes, and a tree with one wrong import per kind of arrow (test/fixtures/layout) fails with
 * each rule named.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const require = createRequire(import.meta.url);
const depcruise = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = join(repoRoot, '.dependency-cruiser.cjs');

interface CruiseResult {
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

/** The violations found under `cwd`/src, and the exit status CI sees (the default reporter's: non-zero on an error). */
function cruise(cwd: string): { status: number | null; result: CruiseResult } {
  const run = (...extra: string[]) => spawnSync(process.execPath, [depcruise, 'src', '--config', config, ...extra], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: run().status, result: JSON.parse(run('--output-type', 'json').stdout) as CruiseResult };
}

describe('the layout lint (dependency-cruiser)', () => {
  it('should pass on src/', () => {
    const { status, result } = cruise(repoRoot);
    expect(result.summary.violations).toEqual([]);
    expect(status).toBe(0);
  });

  it('should fail on each wrong import of the fixture, naming the rule', () => {
    const { status, result } = cruise(join(repoRoot, 'test', 'fixtures', 'layout'));
    expect(status).not.toBe(0);
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual([
      'model-imports-only-earlier-stages: src/model/types.ts -> src/diff/index.ts',
      'no-command-imports-another: src/cli/commands/a.ts -> src/cli/commands/b.ts',
      'redline-stages-flow-forward: src/diff/compare.ts -> src/diff/mark.ts',
      'redline-stages-hand-over-data-only: src/diff/compare.ts -> src/diff/mark.ts',
      'render-html-imports-only-earlier-stages: src/render/html/page.ts -> src/diff/compare.ts',
    ]);
  });

  it('should be what `npm run lint:deps` runs', () => {
    const scripts = (require(join(repoRoot, 'package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['lint:deps']).toBe('depcruise src --config .dependency-cruiser.cjs');
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8').split('\n').filter((line) => line.includes('npm run lint:deps'))).toHaveLength(1);
  });
});
