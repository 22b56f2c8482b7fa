/**
 * The test set Stryker runs against each mutant (stryker.config.mjs). Only tests that run the
 * sources in this process: a test that spawns `node bin/secdoc.js` runs the compiled lib/, which
 * Stryker never mutates, and its per-test coverage would be empty. Browser, LibreOffice, Typst
 * and whole-corpus tests are left out too: on a shared 2-core machine each takes minutes, and
 * Stryker reruns a test for every mutant it covers.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // scripts/mutate.mjs names the tests that exercise the folder being mutated.
    include: JSON.parse(process.env.SECDOC_MUTATION_TESTS ?? '["test/**/*.unit.test.ts"]') as string[],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
