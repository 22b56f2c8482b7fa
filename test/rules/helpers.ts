/** Rule-test helpers: the fixture corpus on disk, a copy of it in memory to break, the CLI over either. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Host } from '../../src/corpus/index.js';
import { run } from '../../src/cli/main.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { repoRoot, type CliResult } from '../helpers.js';

export const fixtureDir = join(repoRoot, 'test/fixtures/rules/corpus');
export const factsDir = join(repoRoot, 'test/fixtures/rules/facts');
/** ajv-formats is CommonJS; NodeNext typing sees its default export as the module object. */
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Ajv2020) => Ajv2020;

export const MEMORY_ROOT = '/mem/documents';

/** Every file of the fixture corpus, by path relative to its root. */
export function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(fixtureDir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(fixtureDir);
  return out;
}

/** A Host over files held in memory under /mem/documents (plus any absolute paths given). */
export function memoryHost(files: Record<string, string>, extra: Record<string, string> = {}): Host {
  const all = new Map<string, string>([...Object.entries(files).map(([k, v]) => [`${MEMORY_ROOT}/${k}`, v] as const), ...Object.entries(extra)]);
  return {
    listFiles: (dir) => [...all.keys()].filter((p) => p.startsWith(`${dir}/`)),
    readFile: (path) => {
      const text = all.get(path);
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return new TextEncoder().encode(text);
    },
    exists: (path) => all.has(path) || [...all.keys()].some((p) => p.startsWith(`${path}/`)),
  };
}

/** Run the CLI in-process; `host` defaults to the real disk. */
export async function secdoc(args: string[], options: { host?: Host; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: options.env ?? {},
    host: options.host ?? nodeHost,
  });
  return { code, stdout, stderr };
}

/** The fixture corpus on disk, through the CLI. */
export function onFixture(args: string[], env?: Record<string, string>): Promise<CliResult> {
  return secdoc(['--documents', fixtureDir, ...args], { env });
}

/** A validator for schemas/rules.schema.json: the whole document, or one of its $defs. */
export function rulesSchema(def?: string): (value: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/rules.schema.json'), 'utf8')) as { $id: string };
  ajv.addSchema(schema);
  const validate = ajv.getSchema(def ? `${schema.$id}#/$defs/${def}` : schema.$id)!;
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, errors: ajv.errorsText(validate.errors) };
  };
}
