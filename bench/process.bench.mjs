// What a user waits for: `secdoc diff A B --format json` as a whole process (start-up, module
// loading, reading, parsing, the redline, writing the JSON) on the largest pair of the real
// corpus, beside `git diff --no-index --word-diff=porcelain` on the same files. The entries are
// timed in turn, round after round, so a burst of load on this shared machine slows all alike.
//
// Rows: git; secdoc cold (an empty cache, as on a first run); secdoc warm, the same command again
// (its output in the cache: src/cli/output-cache.ts); secdoc with both trees cached but not the
// output (as after an edit elsewhere: the redline and the JSON are made again); secdoc with
// --no-cache; and `node -e 0`, the floor of any Node process. Peak memory and GC pauses come from
// bench/child-stats.mjs, loaded into each secdoc process.
// Targets (issue 25): cold <= 40x git, warm <= 10x git, peak memory <= 150 MB.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, largestPair, realCorpus, repoRoot } from './common.mjs';

const ROUNDS = Number(process.env.SECDOC_BENCH_ROUNDS ?? 5);

const pair = largestPair();
const work = mkdtempSync(join(tmpdir(), 'secdoc-process-bench-'));
const statsFile = join(work, 'stats.json');
const hasTime = existsSync('/usr/bin/time');

/** Run a command with its standard output in a file, as `> file` would; wall ms and stats. */
function run(name, command, args, env = {}) {
  const out = join(work, `${name}.out`);
  const fd = openSync(out, 'w');
  rmSync(statsFile, { force: true });
  const timeFile = join(work, 'time.txt');
  const [cmd, argv] = hasTime && command !== process.execPath ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, ...env }, cwd: repoRoot });
  const ms = performance.now() - t0;
  closeSync(fd);
  // git exits 1 when the files differ.
  if (r.status !== 0 && !(command === 'git' && r.status === 1)) throw new Error(`${name} failed (${r.status}): ${r.stderr}`);
  let stats = null;
  if (existsSync(statsFile)) stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  else if (hasTime && existsSync(timeFile) && command !== process.execPath) {
    const [kb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    stats = { maxRssKb: kb, cpuMs: (user + system) * 1000, gcMs: null };
  }
  return { ms, stats, out };
}

const statsHook = ['--import', pathToFileURL(join(repoRoot, 'bench/child-stats.mjs')).href];
const secdoc = (extra, cacheDir) => (name) =>
  run(name, process.execPath, [...statsHook, join(repoRoot, 'bin/secdoc.js'), ...extra, 'diff', pair.old, pair.new, '--format', 'json'], { SECDOC_BENCH_STATS: statsFile, SECDOC_CACHE_DIR: cacheDir });

const warmCache = join(work, 'warm-cache');
const entries = {
  'node -e 0': (name) => run(name, process.execPath, [...statsHook, '-e', '0'], { SECDOC_BENCH_STATS: statsFile }),
  git: (name) => run(name, 'git', ['diff', '--no-index', '--word-diff=porcelain', pair.old, pair.new]),
  'secdoc cold (empty cache)': (name) => {
    const dir = join(work, 'cold-cache');
    rmSync(dir, { recursive: true, force: true });
    return secdoc([], dir)(name);
  },
  'secdoc warm (output cached)': secdoc([], warmCache),
  'secdoc trees cached, output not': (name) => {
    rmSync(join(warmCache, 'outputs'), { recursive: true, force: true });
    return secdoc([], warmCache)(name);
  },
  'secdoc --no-cache': secdoc(['--no-cache'], join(work, 'unused-cache')),
};

// Fill the warm cache (trees and output), and check every secdoc row prints the same JSON.
entries['secdoc warm (output cached)']('prime');
const results = Object.fromEntries(Object.keys(entries).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(entries)) results[name].push(fn(name.replace(/\W+/g, '-')));
}
const outputs = Object.keys(entries).filter((k) => k.startsWith('secdoc')).map((k) => readFileSync(join(work, `${k.replace(/\W+/g, '-')}.out`)));
if (outputs.some((o) => !o.equals(outputs[0]))) throw new Error('secdoc printed different JSON cold, warm and without the cache');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const row = (name) => {
  const runs = results[name];
  const ms = runs.map((r) => r.ms);
  const peak = Math.max(...runs.map((r) => r.stats?.maxRssKb ?? 0)) / 1024;
  const cpu = median(runs.map((r) => r.stats?.cpuMs ?? NaN));
  const gc = median(runs.map((r) => r.stats?.gcMs ?? NaN));
  return { name, best: Math.min(...ms), median: median(ms), peak, cpu, gc };
};
const rows = Object.keys(entries).map(row);
const git = rows.find((r) => r.name === 'git');

console.log(`pair: ${pair.old.replace(realCorpus + '/', '')} -> ${pair.new.split('/').pop()} (${fmt(pair.bytes / 1e6)} MB), ${ROUNDS} rounds in turn`);
console.log('| Process | Best / median wall | CPU (median) | Main-thread GC (median) | Peak RSS | vs git (best / median) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = r.name === 'git' || r.name.startsWith('node') ? '' : `**${fmt(r.best / git.best, 1)}x / ${fmt(r.median / git.median, 1)}x**`;
  const gc = Number.isNaN(r.gc) ? '' : `${fmt(r.gc, 0)} ms`;
  console.log(`| ${r.name} | ${fmt(r.best, 0)} / ${fmt(r.median, 0)} ms | ${fmt(r.cpu, 0)} ms | ${gc} | ${fmt(r.peak, 0)} MB | ${ratio} |`);
}
const cold = rows.find((r) => r.name.startsWith('secdoc cold'));
const warm = rows.find((r) => r.name.startsWith('secdoc warm'));
const trees = rows.find((r) => r.name.startsWith('secdoc trees cached'));
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const peak = Math.max(...rows.filter((r) => r.name.startsWith('secdoc')).map((r) => r.peak));
console.log(`targets: cold <= 40x git: ${fmt(cold.median / git.median, 1)}x ${verdict(cold.median / git.median <= 40)}; warm <= 10x git: ${fmt(warm.median / git.median, 1)}x ${verdict(warm.median / git.median <= 10)} (trees cached, output not: ${fmt(trees.median / git.median, 1)}x); peak <= 150 MB: ${fmt(peak, 0)} MB ${verdict(peak <= 150)}`);
rmSync(work, { recursive: true, force: true });
