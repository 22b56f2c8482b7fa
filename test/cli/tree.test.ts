import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cli, repoRoot, testCacheDir } from '../helpers.js';

interface TreeClause {
  id: string;
  number: string | null;
  children: TreeClause[];
}

async function numbersOf(ref: string): Promise<string[]> {
  const r = await cli(['tree', ref, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const flat = (cs: TreeClause[]): string[] => cs.flatMap((c) => [c.number ?? '', ...flat(c.children)]);
  return flat((JSON.parse(r.stdout) as { clauses: TreeClause[] }).clauses);
}

describe('secdoc tree', () => {
  it('should hold 7.2, 18.12 and 18.13 in AL@20.0, and 7.2 but not 18.13 in AL@19.0', async () => {
    expect(await numbersOf('AL@20.0')).toEqual(expect.arrayContaining(['7.2', '18.12', '18.13']));
    const v19 = await numbersOf('AL@19.0');
    expect(v19).toContain('7.2');
    expect(v19).not.toContain('18.13');
  });

  it('should hold 13.8 in J@6.0 but not in J@5.0', async () => {
    expect(await numbersOf('J@6.0')).toContain('13.8');
    expect(await numbersOf('J@5.0')).not.toContain('13.8');
  });

  it('should accept short names, lower case and v-prefixed versions', async () => {
    const a = await cli(['tree', 'AL@20.0', '--json']);
    const b = await cli(['tree', 'tmad@v20', '--json']);
    const c = await cli(['tree', 'TMAD@20.0', '--json']);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('should give path ids unique in the document', async () => {
    const r = await cli(['tree', 'AL@20.0', '--json']);
    const ids: string[] = [];
    const walk = (cs: TreeClause[]) => cs.forEach((c) => (ids.push(c.id), walk(c.children)));
    walk((JSON.parse(r.stdout) as { clauses: TreeClause[] }).clauses);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('AL/18.12');
    expect(ids.some((id) => /^AL\/\d+\.\d+[A-Z]?\([a-z]\)$/.test(id))).toBe(true);
  });

  it('should print JSON that validates against the published schema', async () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/tree.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const ref of ['AL@19.0', 'AL@20.0', 'AK@10.0', 'J@6.0']) {
      const out = JSON.parse((await cli(['tree', ref, '--json'])).stdout) as unknown;
      expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('should print an indented outline without --json', async () => {
    const r = await cli(['tree', 'J@6.0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+13\.8\s+\S/m);
  });

  it.each([
    [['tree', 'XX@1.0'], /no document XX@1\.0/],
    [['tree', 'not a ref'], /not a document reference/],
    [['tree', 'missing/file.md'], /file not found/],
    [['frobnicate'], /unknown command/],
    [['tree'], /missing required argument/],
  ])('should exit 2 on usage errors: %s', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('should print the version and help', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate/);
    expect(help.stdout).toMatch(/tree/);
  });
});

describe('the secdoc process', () => {
  it('should stop quietly with exit 0 when its reader closes the pipe early (`| head`)', async () => {
    // Runs the compiled CLI (`npm test` compiles lib/ first) with a reader that takes one chunk.
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/secdoc.js'), 'tree', 'AL@20.0', '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SECDOC_CACHE_DIR: testCacheDir } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([0, '']);
  }, 30_000);
});
