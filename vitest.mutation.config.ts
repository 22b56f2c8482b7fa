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
    // As in vitest.config.ts: the corpus needs the parser handed to it from the sources.
    setupFiles: ['./test/setup.ts'],
    // Each mutant reruns a few tests; re-importing the parser and unified for every test file each
    // time cost most of a mutant's run. The tests listed keep no global state (no mocks, no env).
    // A folder whose code caches work for the process asks for fresh modules (scripts/mutate.mjs).
    isolate: process.env.SECDOC_MUTATION_ISOLATE === '1',
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
