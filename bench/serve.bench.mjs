// `secdoc serve`: save-to-refreshed-page time for TMAD v20.0 (~70 KB). The server runs as the
// real command in its own process over a scratch copy of documents/. Timed from writing the file
// until a client has heard the reload event AND received the re-rendered page holding the edit:
// an event-stream client fetching the clean and the marked-up page, and Chromium (Playwright)
// showing the edit in its reloaded page. Target (issue 20): under 200 ms. Each row is measured
// twice in the same run: with every check re-run on each save (`--no-cache`, the baseline) and
// with only the checks that read the saved source (the record of checks), with the server's CPU
// time per save beside the wall times.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { checkCorpus } from '../lib/check/index.js';
import { loadCorpus } from '../lib/corpus/index.js';
import { nodeHost } from '../lib/corpus/node-host.js';
import { fmt, repoRoot } from './common.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const TARGET = 200;
const root = mkdtempSync(join(tmpdir(), 'secdoc-serve-bench-'));
cpSync(join(repoRoot, 'documents'), root, { recursive: true });
const source = join(root, 'tmad', 'v20.0.md');
const original = readFileSync(source, 'utf8');
const CLAUSE = '9.4 The DCC shall notify';
if (!original.includes(CLAUSE)) throw new Error(`${source} no longer holds "${CLAUSE}"`);
/** The source with a word that differs on every run, so each save changes the page. */
const edited = (run) => original.replace(CLAUSE, `9.4 The DCC shall (run ${run}) notify`);

// The baseline in this run: loading and validating the whole corpus once.
let baseline = Infinity;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  checkCorpus(loadCorpus(root, nodeHost));
  baseline = Math.min(baseline, performance.now() - t0);
}

/** The server as the real command (`--no-cache` re-runs every check on each save: the baseline). */
async function startServer(flags, statsFile) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(repoRoot, 'bench/child-stats.mjs')).href, join(repoRoot, 'bin', 'secdoc.js'), ...flags, '--documents', root, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SECDOC_BENCH_STATS: statsFile, SECDOC_CACHE_DIR: join(root, '..', `${root.split('/').pop()}-cache`) },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`secdoc serve exited (${code})`)));
  });
  const stop = async () => {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    return JSON.parse(readFileSync(statsFile, 'utf8')).cpuMs;
  };
  return { url, stop };
}

/** The server's CPU time for starting and stopping alone, subtracted from a measured run's. */
async function startupCpu(flags) {
  const statsFile = join(root, '..', `${root.split('/').pop()}-startup.json`);
  const server = await startServer(flags, statsFile);
  await (await fetch(new URL('source/tmad/v20.0.md', server.url))).text();
  return server.stop();
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
};

let run = 0;
const rows = [];

async function measure(name, flags) {
  const statsFile = join(root, '..', `${root.split('/').pop()}-stats.json`);
  const server = await startServer(flags, statsFile);
  const url = server.url;
  const page = (view) => new URL(`source/tmad/v20.0.md${view === 'marked-up' ? '?view=marked-up' : ''}`, url).href;

  /** An event-stream client: `next()` is the next reload event not yet taken; `clear()` drops those heard. */
  async function eventClient() {
    const response = await fetch(new URL('events', url));
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const heard = [];
    const waiting = [];
    (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value);
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const m = /event: reload\ndata: (\d+)/.exec(event);
          if (m) (waiting.shift() ?? ((g) => heard.push(g)))(Number(m[1]));
        }
      }
    })().catch(() => undefined);
    const next = () => (heard.length > 0 ? Promise.resolve(heard.shift()) : new Promise((resolve) => waiting.push(resolve)));
    await next();
    return { next, clear: () => heard.splice(0), close: () => reader.cancel() };
  }

  let saves = 0;
  const events = await eventClient();
  for (const view of ['clean', 'marked-up']) {
    await (await fetch(page(view))).text();
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const marker = `(run ${++run})`;
      await new Promise((resolve) => setTimeout(resolve, 150));
      events.clear();
      const t0 = performance.now();
      writeFileSync(source, edited(run));
      saves++;
      // A reload the server took from a half-written file would not hold the edit: wait for one that does.
      for (let reloads = 1; ; reloads++) {
        await events.next();
        const html = await (await fetch(page(view))).text();
        if (html.includes(marker)) break;
        if (reloads === 5) throw new Error(`the ${view} page never held the edit ${marker}`);
      }
      times.push(performance.now() - t0);
    }
    rows.push({ label: `${name}: event client, ${view} page`, ...stats(times) });
    console.error(`${name}, ${view}: ${times.map((t) => fmt(t, 0)).join(' ')} ms`);
  }
  events.close();

  const chromiumPath = ['/usr/bin/chromium'].find((p) => existsSync(p));
  if (chromiumPath) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const tab = await browser.newPage();
    await tab.goto(page('clean'));
    await tab.locator('html[data-live="connected"]').waitFor({ state: 'attached' });
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const marker = `(run ${++run})`;
      await new Promise((resolve) => setTimeout(resolve, 150));
      const t0 = performance.now();
      writeFileSync(source, edited(run));
      saves++;
      // Polled every animation frame in the page: the reloaded page's clause holds the edit.
      await tab.waitForFunction((m) => document.getElementById('c-9-4')?.textContent?.includes(m) ?? false, marker, { polling: 'raf', timeout: 30_000 });
      times.push(performance.now() - t0);
    }
    rows.push({ label: `${name}: Chromium, clean page shown`, ...stats(times) });
    await browser.close();
  } else console.log('Chromium not found at /usr/bin/chromium: the browser row is skipped (npm run setup:system installs it)');
  const cpuMs = await server.stop();
  const idle = await startupCpu(flags);
  rows.push({ label: `${name}: server CPU per save`, best: NaN, median: (cpuMs - idle) / saves, cpu: true });
}

// The baseline first: every check re-run on each save, as before the record of checks.
await measure('all checks (--no-cache)', ['--no-cache']);
await measure('changed checks only', []);
rmSync(root, { recursive: true, force: true });
for (const suffix of ['-cache', '-stats.json', '-startup.json']) rmSync(`${root}${suffix}`, { recursive: true, force: true });

console.log(`input: ${source.replace(root, 'documents')} (${fmt(statSync(join(repoRoot, 'documents', 'tmad', 'v20.0.md')).size / 1024, 0)} KB), ${RUNS} saves per row`);
console.log(`baseline: load + validate the whole corpus ${fmt(baseline, 0)} ms`);
console.log('save -> refreshed page                                  best    median  x in-process validate   target');
for (const r of rows) {
  if (r.cpu) console.log(`${r.label.padEnd(52)}    -   ${fmt(r.median, 0).padStart(6)} ms CPU`);
  else console.log(`${r.label.padEnd(52)} ${fmt(r.best, 0).padStart(6)} ms ${fmt(r.median, 0).padStart(6)} ms ${fmt(r.median / baseline, 2).padStart(8)}   < ${TARGET} ms: ${r.median < TARGET ? 'OK' : 'MISSED'} (median)`);
}
// Same saves, same pages: the record of checks against re-running all of them.
const ratio = (label) => rows.find((r) => r.label === `changed checks only: ${label}`).median / rows.find((r) => r.label === `all checks (--no-cache): ${label}`).median;
console.log(`changed checks only / all checks: clean page ${fmt(ratio('event client, clean page'), 2)}x, marked-up page ${fmt(ratio('event client, marked-up page'), 2)}x, server CPU per save ${fmt(ratio('server CPU per save'), 2)}x`);
