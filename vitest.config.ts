import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one worker per core keeps CLI and render tests from starving each other.
    maxWorkers: 2,
    // The second reporter lists system tests skipped for a missing program, with the install command.
    reporters: ['default', './test/system-reporter.ts'],
  },
});
