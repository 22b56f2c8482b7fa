// Redline engine (issue 3) on a real statute pair, against two baselines measured in the same run:
//   (a) jsdiff diffWordsWithSpace over the two whole texts (target: secdoc >= 50x faster), and
//   (b) git diff --no-index --word-diff=porcelain on the same two files (target: secdoc no slower).
// Then growth over 1x, 2x and 4x the input (target: 4x the size in <= 4.5x the time).
// "secdoc diff" is diffDocuments on the two clause trees (what an editor holding parsed trees runs
// on every save, so it is timed warm: the first calls are not timed); parse + diff from text is
// printed beside it for the whole picture, and so are the diff with its JSON written (unchanged
// blocks make their segments only when read) and a save that changes one word, against git on
// the same two files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { diffWordsWithSpace } from 'diff';
import { parseDocument } from '../lib/parse/index.js';
import { diffDocuments } from '../lib/diff/index.js';
import { diffToJson } from '../lib/render/json/diff.js';
import { benchPair, gcWithin, time, timeInTurn, mb, fmt } from './common.mjs';

const { oldText, newText } = benchPair();
const parse = (text, path) => parseDocument(text, new VFile({ path }));
const repeat = (text, k) => Array.from({ length: k }, () => text).join('\n\n');

console.log(`input: EEG 2009, SGB VII and StGBEG, earlier and later versions: ${fmt(mb(oldText))} MB + ${fmt(mb(newText))} MB = ${fmt(mb(oldText) + mb(newText))} MB pair`);

const A = parse(oldText, 'old.md');
const B = parse(newText, 'new.md');
// Best of many short runs: on a shared 2-core machine a best-of-9 varied by 1.7x between runs.
// 25 untimed runs first: after 5, this row read 17.1-21.8 ms in four full runs while the same
// redline re-timed in the growth rows below read 14.9-16.1 ms (the JIT was not done with it).
// secdoc and git are timed in blocks, not in turn: a redline run just after a git process has
// started is slower (in turn 0.95x-1.00x git, in blocks 0.89x-0.93x, in one process).
const WARMUP = 25;
const secdoc = time(() => diffDocuments(A, B), 25, WARMUP, 'minor');
const s = secdoc.result.summary;
console.log(`  clauses: ${s.changed} changed (${s.amended} amended, ${s.inserted} inserted, ${s.deleted} deleted, ${s.renumbered} renumbered, ${s.moved} moved), ${s.unchanged} unchanged`);
const endToEnd = time(() => diffDocuments(parse(oldText, 'old.md'), parse(newText, 'new.md')), 3);

// (b) git, on the same texts written to files; best of 15 (process start included, as a user sees it).
const dir = mkdtempSync(join(tmpdir(), 'secdoc-bench-'));
const oldFile = join(dir, 'old.md');
const newFile = join(dir, 'new.md');
writeFileSync(oldFile, oldText);
writeFileSync(newFile, newText);
const gitDiff = (a, b) =>
  time(() => {
    const r = spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], { maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`git diff failed: ${r.stderr}`);
    return r.stdout.length;
  }, 15);
const git = gitDiff(oldFile, newFile);

// What a save usually is: one word changed in the new version.
const at = newText.indexOf(' Anlage ', newText.length >> 1);
const savedText = `${newText.slice(0, at)} Anhang ${newText.slice(at + ' Anlage '.length)}`;
const savedFile = join(dir, 'saved.md');
writeFileSync(savedFile, savedText);
const saved = parse(savedText, 'saved.md');
const oneWord = time(() => diffDocuments(B, saved), 25, WARMUP, 'minor');
if (oneWord.result.summary.amended !== 1) throw new Error('the one-word edit should amend exactly one clause');
const gitOneWord = gitDiff(newFile, savedFile);
rmSync(dir, { recursive: true, force: true });

// Unchanged blocks make their segments when read; JSON reads them all.
const withJson = time(() => JSON.stringify(diffToJson(diffDocuments(A, B))).length, 7, 2, 'minor');

// (a) jsdiff over the whole texts: one run (it takes tens of seconds). Only its time is kept: its
// result (hundreds of thousands of change objects) would stay in the heap through the growth
// rows below, and every major GC there would have to mark it.
const whole = time(() => Boolean(diffWordsWithSpace(oldText, newText, { timeout: 600_000 })), 1);
if (!whole.result) console.log('  jsdiff gave up after 600 s; its time below is a lower bound');

const vsJsdiff = whole.ms / secdoc.ms;
const vsGit = secdoc.ms / git.ms;
console.log('');
console.log(`secdoc diff (clause trees)        ${fmt(secdoc.ms, 1).padStart(9)} ms`);
console.log(`secdoc parse + diff (from text)   ${fmt(endToEnd.ms, 1).padStart(9)} ms`);
console.log(`(a) jsdiff diffWordsWithSpace     ${fmt(whole.ms, 1).padStart(9)} ms   secdoc diff is ${fmt(vsJsdiff, 0)}x faster (target >= 50)  ${vsJsdiff >= 50 ? 'OK' : 'MISSED'}`);
console.log(`(b) git diff --word-diff          ${fmt(git.ms, 1).padStart(9)} ms   secdoc diff / git = ${fmt(vsGit)} (target <= 1)  ${vsGit <= 1 ? 'OK' : 'MISSED'}`);
console.log(`    parse + diff / git = ${fmt(endToEnd.ms / git.ms)}`);
console.log(`secdoc diff + JSON of every clause ${fmt(withJson.ms, 1).padStart(8)} ms   / git = ${fmt(withJson.ms / git.ms)}`);
console.log(`one word changed: secdoc diff ${fmt(oneWord.ms, 1)} ms, git diff --word-diff ${fmt(gitOneWord.ms, 1)} ms   secdoc / git = ${fmt(oneWord.ms / gitOneWord.ms)}`);

// Growth: the same pair repeated k times.
console.log('');
console.log('growth (secdoc diff on the pair repeated k times):');
// The sizes are timed in turn (`timeInTurn`), 40 rounds, each timed run after an untimed run of
// the same size, so the processor's caches hold that size's trees, as in a block of its runs.
// The 1x row is timed again here, so all three sizes run with the same heap. The rounds start
// after a full GC, so the garbage of parsing is not collected inside a timed run.
const rows = [1, 2, 4].map((k) => ({
  k,
  a: k === 1 ? A : parse(repeat(oldText, k), 'old.md'),
  b: k === 1 ? B : parse(repeat(newText, k), 'new.md'),
  size: mb(oldText) * k + mb(newText) * k,
}));
globalThis.gc?.();
const best = timeInTurn(rows.map((row) => () => void diffDocuments(row.a, row.b)), 40, 1);
rows.forEach((row, i) => Object.assign(row, best[i]));
for (const row of rows) {
  // What of the best run was GC: the young generation holds about 16 MB, so a 1x run (about
  // 6 MB allocated) has no scavenge of its own and a 4x run (about 22 MB) has one.
  row.gcMs = await gcWithin(row.window);
  console.log(`  ${row.k}x ${fmt(row.size).padStart(5)} MB  ${fmt(row.ms, 1).padStart(8)} ms   of which GC pauses ${fmt(row.gcMs, 1)} ms`);
}
const growth = rows[2].ms / rows[0].ms;
const growthOutsideGc = (rows[2].ms - rows[2].gcMs) / (rows[0].ms - rows[0].gcMs);
console.log(`growth: 4x size -> ${fmt(growth)}x time (target <= 4.5)  ${growth <= 4.5 ? 'OK' : 'MISSED'}   (outside GC pauses ${fmt(growthOutsideGc)}x)`);
