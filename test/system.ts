/**
 * The system tier: tests that need a program `npm install` cannot provide (Chromium, LibreOffice, poppler).
 * With the programs on PATH they run like any other test. Without them the suite is skipped, and
 * its name says which program it needs (test/system-reporter.ts prints the install command once).
 * Under CI a missing program is a failure naming it, never a skip: CI must run every test.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

/** The command that installs every system program the tests use (scripts/setup-system.sh). */
export const SETUP_COMMAND = 'npm run setup:system';

/** The marker a skipped suite's name ends with; the reporter finds skipped system tests by it. */
export const NEEDS = /\(needs ([^)]+)\)$/;

/** The Debian package that provides each program, for the failure message. */
const PACKAGE = { chromium: 'chromium', soffice: 'libreoffice-writer-nogui', pdftoppm: 'poppler-utils', pdffonts: 'poppler-utils' } as const;
export type SystemProgram = keyof typeof PACKAGE;

/** The program's path on PATH, or null: what a shell would run for `name`. */
export function findProgram(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return null;
}

const inCi = (): boolean => {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
};

/**
 * A `describe` whose tests need system programs. `body` gets the programs' paths. Without them:
 * skipped, named `<title> (needs chromium)`; under CI, one failing test that names them.
 */
export function describeSystem(title: string, programs: readonly SystemProgram[], body: (paths: Record<SystemProgram, string>) => void): void {
  const found = Object.fromEntries(programs.map((p) => [p, findProgram(p)])) as Record<SystemProgram, string | null>;
  const missing = programs.filter((p) => found[p] === null);
  if (missing.length === 0) {
    describe(title, () => body(found as Record<SystemProgram, string>));
    return;
  }
  const names = missing.join(', ');
  if (inCi()) {
    describe(title, () => {
      it(`needs ${names}`, () => {
        const packages = [...new Set(missing.map((p) => PACKAGE[p]))].join(' ');
        throw new Error(`${names} not found on PATH. CI runs every system test: install ${packages} (${SETUP_COMMAND}).`);
      });
    });
    return;
  }
  // Skipped suites run neither hooks nor tests, but their tests are still listed by name.
  const byName = Object.fromEntries(programs.map((p) => [p, found[p] ?? p])) as Record<SystemProgram, string>;
  describe.skip(`${title} (needs ${names})`, () => body(byName));
}

/** One test that needs system programs, inside an ordinary suite (whose hooks still run): as `describeSystem`. */
export function itSystem(title: string, programs: readonly SystemProgram[], body: (paths: Record<SystemProgram, string>) => unknown, timeout?: number): void {
  describeSystem(title, programs, (paths) => {
    it(title, () => body(paths), timeout);
  });
}
