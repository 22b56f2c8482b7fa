// The SEC at scale: a generated corpus of 39 documents x 6 versions (bench/sec-corpus.mjs, about
// 23 MB) in a temporary folder, timed as a user runs secdoc on it, each in a new process:
// - cold `validate` (empty tree cache), beside the same with --no-cache in the same run;
// - `validate` after editing one source (every other tree cached);
// - `build --formats html,json` after editing one source, into the pack a first build made
//   (only that document's files and its direction's annexes are made again), beside a clean build.
// Targets (issue 25): cold validate < 30 s; after one edit, validate < 1 s and build < 3 s.
// Peak memory and CPU come from bench/child-stats.mjs. SECDOC_SEC_ROUNDS sets the edit rounds (2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, repoRoot } from './common.mjs';
import { generateSecCorpus } from './sec-corpus.mjs';

const ROUNDS = Number(process.env.SECDOC_SEC_ROUNDS ?? 2);
const work = mkdtempSync(join(tmpdir(), 'secdoc-sec-bench-'));
const corpus = generateSecCorpus(join(work, 'documents'));
const statsFile = join(work, 'stats.json');
const cache = join(work, 'cache');
const out = join(work, 'dist');

function secdoc(args, env = {}) {
  rmSync(statsFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(repoRoot, 'bench/child-stats.mjs')).href, join(repoRoot, 'bin/secdoc.js'), '--documents', corpus.dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, SECDOC_BENCH_STATS: statsFile, SECDOC_CACHE_DIR: cache, ...env },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`secdoc ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) : {};
  return { ms, cpuMs: stats.cpuMs, rssMb: stats.maxRssKb / 1024, stdout: r.stdout };
}

const show = (name, r, extra = '') => console.log(`| ${name} | ${fmt(r.ms / 1000, 1)} s | ${fmt(r.cpuMs / 1000, 1)} s | ${fmt(r.rssMb, 0)} MB | ${extra} |`);

console.log(`corpus: ${corpus.versions} versions of ${corpus.documents.length} documents, ${fmt(corpus.bytes / 1e6, 1)} MB, 6 directions`);
console.log('| Run | Wall | CPU | Peak RSS | Note |');
console.log('| --- | --- | --- | --- | --- |');
show('validate --no-cache', secdoc(['--no-cache', 'validate']));
const cold = secdoc(['validate']);
show('validate, cold (empty cache; target < 30 s)', cold);
show('validate, warm (nothing edited)', secdoc(['validate']));
show('build --formats html,json, first (fills the pack)', secdoc(['build', '--out', out, '--formats', 'html,json']));

// Each round edits the latest version of one document: a word of one clause.
const edited = [];
for (let round = 0; round < ROUNDS; round++) {
  const doc = corpus.documents[(round * 7) % corpus.documents.length];
  const path = doc.files.at(-1);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(/^(\d+\.\d+ [^\n]*?) the /m, '$1 the relevant ');
  if (changed === text) throw new Error(`no clause to edit in ${path}`);
  writeFileSync(path, changed);
  edited.push(doc.letter);
  show(`validate after editing ${doc.letter} v6.0 (target < 1 s)`, secdoc(['validate']));
  const build = secdoc(['build', '--out', out, '--formats', 'html,json'], {});
  show(`build after editing ${doc.letter} v6.0 (target < 3 s)`, build);
}
const clean = secdoc(['--no-cache', 'build', '--out', join(work, 'clean'), '--formats', 'html,json']);
show('build --no-cache (clean, same sources)', clean);
// The incremental pack must be the clean one, file for file.
const manifest = (dir) => readFileSync(join(dir, 'manifest.json'), 'utf8');
if (manifest(out) !== manifest(join(work, 'clean'))) throw new Error('the incremental build differs from the clean build');
console.log(`incremental pack identical to the clean build (manifest with every file's SHA-256); edited: ${edited.join(', ')}`);
rmSync(work, { recursive: true, force: true });
