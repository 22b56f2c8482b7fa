// A/B against an earlier commit, in one run (issue 27: "the warm redline and the whole-process
// `secdoc diff` within 10% of the figures before the change"). Usage:
//
//   npm run bench:ab -- [COMMIT] [--rounds N]      (COMMIT defaults to 38e79a4, before the stage refactor)
//
// The baseline is checked out in a temporary git worktree beside this one, given this checkout's
// node_modules (a symlink: npm ci is not needed) and compiled with tsc; the worktree is removed
// when the script ends, however it ends. Then, round after round, the two alternate (the order
// swapped each round, so neither always runs just after the other):
//   - the warm redline: diffDocuments on the two parsed trees of bench/diff.bench.mjs's pair, each
//     side with its own parser and engine (the redline row of that bench), in child processes
//     that load the two builds in either order, half each;
//   - the whole process `node bin/secdoc.js diff A B --format json` on the largest pair of the
//     real corpus, with no tree cache (parse and redline every time) and as a user runs it (both
//     trees cached, where the commit has the cache; never its output cache, so both sides make
//     the redline every time).
// It prints best and median of each side and the ratios current / baseline: 1.10 is 10% slower.
// On a shared machine only ratios measured in one run mean anything.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { alternate, checkoutBaseline, fmt, largestPair, realCorpus, repoRoot } from './common.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const ROUNDS = Number(option('--rounds', 11));
const WARMUP = 25;
const commit = args[0] ?? '38e79a4';
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds takes a positive whole number');

if (!existsSync(join(repoRoot, 'lib/cli/main.js'))) throw new Error('lib/ is not built: run `npm run compile` first (npm run bench:ab does)');
const { root: baselineRoot, work } = checkoutBaseline(commit);

const sides = [
  { name: 'baseline', root: baselineRoot },
  { name: 'current', root: repoRoot },
];

// --- the warm redline, in child processes that load the two builds in either order ---
// In one process the build loaded second reads slower: the same code loaded twice read 1.10-1.14x
// (median, four runs) for its second copy. So the redline rounds are shared between
// REDLINE_PROCESSES child processes (bench/ab-redline.mjs), half of them loading the baseline
// first and half the current code, and their samples pooled.
const REDLINE_PROCESSES = 4;
const perProcess = Math.ceil((ROUNDS * 3) / REDLINE_PROCESSES);
const redline = [[], []];
for (let p = 0; p < REDLINE_PROCESSES; p++) {
  const order = p % 2 === 0 ? [0, 1] : [1, 0];
  const r = spawnSync(process.execPath, ['--expose-gc', join(repoRoot, 'bench/ab-redline.mjs'), String(WARMUP), String(perProcess), ...order.map((i) => sides[i].root)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the redline child failed (${r.status}): ${r.stderr}`);
  const samples = JSON.parse(r.stdout);
  order.forEach((side, i) => redline[side].push(...samples[i]));
}

// --- the whole process ---
const pair = largestPair();
const outputs = new Map();
const secdocDiff = (side, env) => () => {
  // The trees may be cached, never the output (src/cli/output-cache.ts): the redline is made every time.
  rmSync(join(work, `${side.name}-cache`, 'outputs'), { recursive: true, force: true });
  const out = join(work, `${side.name}.json`);
  const fd = openSync(out, 'w');
  const r = spawnSync(process.execPath, [join(side.root, 'bin/secdoc.js'), 'diff', pair.old, pair.new, '--format', 'json'], {
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, SECDOC_CACHE_DIR: join(work, `${side.name}-cache`), ...env },
    cwd: side.root,
  });
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${side.name} secdoc diff failed (${r.status}): ${r.stderr}`);
  outputs.set(side.name, readFileSync(out));
};
const processRows = [
  // SECDOC_CACHE=0 rather than --no-cache: a commit from before the tree cache knows no such flag.
  { label: 'secdoc diff, no tree cache (process)', env: { SECDOC_CACHE: '0' } },
  { label: 'secdoc diff, as run (tree cache warm where the commit has one)', env: {} },
].map((row) => {
  const runs = sides.map((side) => secdocDiff(side, row.env));
  for (const run of runs) run(); // fills the cache, loads the files into the page cache
  return { ...row, samples: alternate(runs, ROUNDS) };
});
const sameJson = outputs.get('baseline').equals(outputs.get('current'));

const best = (xs) => Math.min(...xs);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [{ label: `warm redline (${REDLINE_PROCESSES} processes, half loading each build first)`, samples: redline }, ...processRows];
console.log(`redline pair: bench/diff.bench.mjs's (EEG 2009, SGB VII, StGBEG); process pair: ${pair.old.replace(`${realCorpus}/`, '')} -> ${pair.new.split('/').pop()} (${fmt(pair.bytes / 1e6)} MB)`);
console.log(`${perProcess * REDLINE_PROCESSES} redline rounds, ${ROUNDS} process rounds, in turn; the diff JSON of the two sides is ${sameJson ? 'byte-identical' : 'DIFFERENT'}`);
console.log('| Row | Baseline best / median | Current best / median | Current / baseline (best / median) |');
console.log('| --- | --- | --- | --- |');
for (const { label, samples } of rows) {
  const [b, c] = samples;
  const ratio = (f) => fmt(f(c) / f(b), 3);
  console.log(`| ${label} | ${fmt(best(b), 1)} / ${fmt(median(b), 1)} ms | ${fmt(best(c), 1)} / ${fmt(median(c), 1)} ms | **${ratio(best)} / ${ratio(median)}** |`);
}
console.log('within 10%: a ratio <= 1.10');
