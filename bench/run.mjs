// Runs every bench/*.bench.mjs in turn (each prints its own figures and ratios).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
let failed = 0;
for (const name of readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !name.includes(only)) continue;
  console.log(`\n=== ${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, name)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
