/**
 * System programs some tests drive (Chromium). Absent, such a test is skipped with the way to
 * install it; under CI=true it fails instead, so CI never passes by skipping.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemProgram {
  /** The executable found, or null. */
  path: string | null;
  /** Why the tests that need it are skipped, when it is absent. */
  reason: string;
}

export function systemProgram(name: string, candidates: readonly string[]): SystemProgram {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  const path = [...candidates, ...onPath].find((p) => existsSync(p)) ?? null;
  const reason = `${name} is not installed (looked for ${candidates.join(', ')} and ${name} on PATH); \`npm run setup:system\` installs it`;
  if (path === null && process.env.CI === 'true') throw new Error(`${reason}. Under CI=true a missing system program fails the run instead of skipping.`);
  return { path, reason };
}

export const chromiumProgram = () => systemProgram('chromium', ['/usr/bin/chromium']);
