// Shared benchmark helpers: inputs from the real corpus and a best-of-N timer.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const realCorpus = resolve(repoRoot, 'test/corpus');

export function readCorpus(folder, pattern) {
  const dir = join(realCorpus, folder);
  return readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * The redline's bench pair, front matter dropped: the earlier version of each statute (EEG 2009,
 * SGB VII, StGBEG) joined as the old text, the later one as the new.
 */
export function benchPair() {
  const files = readCorpus('de-bundestag-gesetze', /\.md$/);
  const pick = (re) => files.filter((f) => re.test(f.name)).map((f) => f.text.replace(/^---[\s\S]*?\n---\n/, '')).join('\n\n');
  return {
    oldText: pick(/^(eeg_2009__stand-2011|sgb_7__stand-2012-07|stgbeg__stand-2010)/),
    newText: pick(/^(eeg_2009__stand-2012|sgb_7__stand-2012-12|stgbeg__stand-2012)/),
  };
}

/** The pair of consecutive versions of one document with the most bytes between them. */
export function largestPair() {
  let best = null;
  for (const folder of readdirSync(realCorpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = join(realCorpus, folder.name);
    const byDocument = new Map();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
      const doc = name.split('__')[0];
      byDocument.set(doc, [...(byDocument.get(doc) ?? []), join(dir, name)]);
    }
    for (const versions of byDocument.values()) {
      for (let i = 1; i < versions.length; i++) {
        const bytes = statSync(versions[i - 1]).size + statSync(versions[i]).size;
        if (!best || bytes > best.bytes) best = { old: versions[i - 1], new: versions[i], bytes };
      }
    }
  }
  return best;
}

/**
 * Best wall time of `runs` calls, in ms (best-of filters noise from the other core), after
 * `warmup` untimed calls (so the JIT has compiled the code an editor or a server runs hot).
 *
 * Each run starts after a forced GC (`gc`: 'full' or 'minor'). A one-shot job such as a parse
 * gets a full one, so no run pays for the last run's old garbage. A hot function that runs on
 * every save (the warm redline) gets a minor one. The run after a forced full GC is slower for
 * reasons that are V8's, not the code's: the redline pair, best of 9, took 57 ms after a full GC,
 * 39 ms after a minor GC and 39 ms with no GC at all. An editor does not force one per save.
 */
export function time(fn, runs = 3, warmup = 0, gc = 'full') {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  let window = null;
  let result;
  for (let i = 0; i < runs; i++) {
    // The last run's result is garbage to this run: held, a scavenge inside this run would copy
    // it again, a cost of the harness and not of the code timed.
    result = undefined;
    globalThis.gc?.(gc === 'minor' ? { type: 'minor' } : undefined);
    const t0 = performance.now();
    result = fn();
    const t1 = performance.now();
    if (t1 - t0 < best) {
      best = t1 - t0;
      window = { start: t0, end: t1 };
    }
  }
  return { ms: best, result, window };
}

/**
 * The best wall time of each entry (`{ ms, window }`), timed in turn: one run of each per round,
 * each run after `warmup` untimed runs of the same entry and a minor GC. A burst of load on this
 * shared machine then slows every entry alike; timed in blocks, one entry alone could meet it
 * (one run read the 4x redline at 100.9 ms while its 2x row read 28.2 ms). The entries return
 * nothing, so no run holds another's result while it runs.
 */
export function timeInTurn(entries, rounds, warmup = 0) {
  const best = entries.map(() => ({ ms: Infinity, window: null }));
  for (let r = 0; r < rounds; r++) {
    entries.forEach((fn, i) => {
      const t = time(fn, 1, warmup, 'minor');
      if (t.ms < best[i].ms) best[i] = { ms: t.ms, window: t.window };
    });
  }
  return best;
}

/** Every GC pause so far, as [start, duration] on `performance.now()`'s clock. */
const pauses = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push([e.startTime, e.duration]);
}).observe({ entryTypes: ['gc'] });

/** The GC pauses inside a timed run (`time(...).window`), once the observer has been told of them. */
export async function gcWithin(window) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return pauses.filter(([start]) => start >= window.start && start < window.end).reduce((ms, [, d]) => ms + d, 0);
}

export const mb = (text) => Buffer.byteLength(text) / 1e6;
export const fmt = (n, d = 2) => n.toFixed(d);

/**
 * An earlier commit, checked out in a temporary git worktree beside this one, given this
 * checkout's node_modules (a symlink: no npm ci) and compiled with tsc, to measure against in the
 * same run. The worktree and `work` (a temporary folder holding it, for the caller's files too)
 * are removed when the process exits, however it exits. Prints which two builds are compared.
 */
export function checkoutBaseline(commit) {
  const git = (...a) => execFileSync('git', a, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const resolved = git('rev-parse', '--verify', `${commit}^{commit}`);
  const work = mkdtempSync(join(tmpdir(), 'secdoc-baseline-'));
  const root = join(work, 'baseline');
  let added = false;
  process.on('exit', () => {
    if (added) spawnSync('git', ['worktree', 'remove', '--force', root], { cwd: repoRoot, stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: repoRoot, stdio: 'ignore' });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
  console.log(`baseline ${resolved.slice(0, 10)} (${git('log', '-1', '--format=%s', resolved).slice(0, 70)})`);
  console.log(`current  ${git('rev-parse', '--short=10', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : ''}`);
  git('worktree', 'add', '--detach', '--quiet', root, resolved);
  added = true;
  symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(root, 'node_modules'), 'dir');
  const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc failed on the baseline:\n${tsc.stdout}${tsc.stderr}`);
  return { root, work };
}

/** Each entry's wall times, `rounds` runs of each, in turn, the order reversed every other round. */
export function alternate(entries, rounds, before = () => {}) {
  const samples = entries.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? entries.map((_, i) => i) : entries.map((_, i) => entries.length - 1 - i);
    for (const i of order) {
      before();
      const t0 = performance.now();
      entries[i]();
      samples[i].push(performance.now() - t0);
    }
  }
  return samples;
}
