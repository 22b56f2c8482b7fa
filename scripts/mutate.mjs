#!/usr/bin/env node
/**
 * Mutation testing, one folder at a time (issue 28): `npm run mutate [-- folder...]`.
 * Each folder has its own incremental file (test/mutation/incremental/<folder>.json, committed),
 * so a rerun tests only the mutants whose code or covering tests changed, and running one folder
 * never discards another's results. Reports go to reports/mutation/<folder>/ (not committed).
 */
import { Stryker } from '@stryker-mutator/core';

/** The modules whose behaviour the README promises, by the name the score table uses, with the
 * in-process tests that exercise them (see vitest.mutation.config.ts). */
const FOLDERS = {
  time: { mutate: ['src/time/**/*.ts'], tests: ['test/time/*.test.ts'] },
  rules: { mutate: ['src/rules/**/*.ts'], tests: ['test/rules/{extract,schema,three-valued}.test.ts', 'test/rules/*.unit.test.ts'] },
  check: { mutate: ['src/check/**/*.ts'], tests: ['test/check/*.unit.test.ts'] },
  // Packs of a few files and the small publish fixture, built in-process: failsafe.test.ts and
  // incremental.test.ts build whole packs through the CLI (15-30 s a mutant), in their beforeAll.
  // With what the caches count as secdoc itself (corpus/fingerprint.ts), which incremental builds key by.
  publish: { mutate: ['src/publish/**/*.ts', 'src/corpus/fingerprint.ts'], tests: ['test/publish/*.unit.test.ts', 'test/cache/fingerprint.unit.test.ts'] },
  // The writers' escaping and redline marks: all of the HTML writer (runs, CSS strings, templates'
  // helpers), and the Word writer's runs, tracked changes, bookmarks and notes (its page layout is
  // the visual tests' to check).
  // The HTML writer compiles its templates once per process: with modules kept loaded between
  // mutants (vitest.mutation.config.ts), a mutant in that code would never run, so each test file
  // loads the modules afresh here. The Word writer's lines are tested by small documents written
  // in test/render/docx-*.unit.test.ts (a fraction of a second each), not by
  // test/publish/docx.test.ts, whose three whole annexes cost about 30 s a mutant.
  writers: { mutate: ['src/render/html/index.ts', 'src/render/docx/index.ts:73-145'], tests: ['test/render/*.unit.test.ts'], isolate: true },
  // The prose reader against remark (the rest of the parser is remark's and the tree builder's).
  parse: { mutate: ['src/parse/prose.ts'], tests: ['test/parse/prose.test.ts'] },
  diff: { mutate: ['src/diff/**/*.ts'], tests: ['test/diff/{compare,engine,mark,pair,similarity}.test.ts', 'test/diff/*.unit.test.ts'] },
};

// `folder` runs the whole folder; `folder=file,file` only those files of it (a first pass on a big folder).
const asked = process.argv.slice(2).map((arg) => arg.split('='));
const unknown = asked.map(([name]) => name).filter((name) => !(name in FOLDERS));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; choose from ${Object.keys(FOLDERS).join(', ')}`);
  process.exit(2);
}

/** Stryker's mutation score: detected over all valid mutants (ignored and broken ones left out). */
function score(results) {
  const count = (status) => results.filter((mutant) => mutant.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  return { killed, timeout, survived, noCoverage, ignored: count('Ignored'), percent: valid === 0 ? 100 : (100 * (killed + timeout)) / valid };
}

const rows = [];
for (const [name, only] of asked.length > 0 ? asked : Object.keys(FOLDERS).map((name) => [name])) {
  const started = Date.now();
  // Read by vitest.mutation.config.ts in each test process Stryker starts.
  process.env.SECDOC_MUTATION_TESTS = JSON.stringify(FOLDERS[name].tests);
  process.env.SECDOC_MUTATION_ISOLATE = FOLDERS[name].isolate ? '1' : '0';
  const results = await new Stryker({
    mutate: only ? only.split(',') : FOLDERS[name].mutate,
    incrementalFile: `test/mutation/incremental/${name}.json`,
    htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
    jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
    // Its own sandbox folder, so two folders may be run side by side.
    tempDirName: `.stryker-tmp/${name}`,
    ...(process.env.SECDOC_MUTATION_CONCURRENCY ? { concurrency: Number(process.env.SECDOC_MUTATION_CONCURRENCY) } : {}),
    // SECDOC_MUTATION_FORCE=1 retests every mutant (after a change to how the tests run, which the incremental file cannot see).
    ...(process.env.SECDOC_MUTATION_FORCE === '1' ? { force: true } : {}),
  }).runMutationTest();
  rows.push({ name, seconds: Math.round((Date.now() - started) / 1000), ...score(results) });
}

console.log('\n| Folder | Score | Killed | Timeout | Survived | No coverage | Ignored (static) | Seconds |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.name} | ${row.percent.toFixed(1)}% | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.ignored} | ${row.seconds} |`);
}
