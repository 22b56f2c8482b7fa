import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus loads the parser on first use by `require`, which needs compiled modules: the
    // setup hands it the TypeScript ones.
    setupFiles: ['./test/setup.ts'],
    // The real corpus is 5.8 MB with the French codes; tests that parse every clause of it took
    // over 60 s on this 2-core machine under load (load average 30).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two cores: one worker per core keeps CLI and render tests from starving each other.
    maxWorkers: 2,
    // The second reporter lists system tests skipped for a missing program, with the install command.
    reporters: ['default', './test/system-reporter.ts'],
  },
});
