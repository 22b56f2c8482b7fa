// @ts-check
/**
 * Mutation testing (issue 28): `npm run mutate` runs scripts/mutate.mjs, which runs Stryker once
 * per folder below with that folder's own incremental file, so a rerun after a change tests only
 * the mutants whose code or covering tests changed. See README "Mutation testing".
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  // `related: false`: per-test coverage already names the tests a mutant needs, and asking vitest
  // for the files related to the mutated one cost time on every mutant.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  // Each mutant runs only the tests that reached its code in the dry run.
  coverageAnalysis: 'perTest',
  incremental: true,
  // Two cores shared by several people's work: one test process (SECDOC_MUTATION_CONCURRENCY raises it).
  concurrency: 1,
  // A mutant that loops (a `<` turned `<=` in a scan) is cut off at twice its tests' normal time plus 20 s.
  timeoutFactor: 2,
  timeoutMS: 20_000,
  // The first run of the tests, which measures coverage, is slow on a loaded machine.
  dryRunTimeoutMinutes: 30,
  // Static mutants (module-level constants) would each rerun every test; they are counted as ignored.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: other folders' sandboxes (runs side by side), reports, build output.
  ignorePatterns: ['/.stryker-tmp', '/reports', '/dist', '/lib-all', '/scratch'],
  cleanTempDir: 'always',
};
