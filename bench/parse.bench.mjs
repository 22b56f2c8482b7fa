// Clause-tree parsing vs bare remark-parse on the same real statute text, at 1x, 2x and 4x.
// Targets (issue 2): tree at 4x <= 4.5x the time at 1x; at 1x <= 1.5x bare remark.
import { VFile } from 'vfile';
import { parseDocument, parseMarkdown } from '../lib/parse/index.js';
import { readCorpus, time, mb, fmt } from './common.mjs';

// 1x: the two SGB VII and two EEG 2009 versions, one after another: 1.1 MB of real statute text.
const base = readCorpus('de-bundestag-gesetze', /^(sgb_7|eeg_2009)__/).map((f) => f.text.replace(/^---[\s\S]*?\n---\n/, '')).join('\n\n');
const sizes = [1, 2, 4];
const rows = [];
for (const k of sizes) {
  const text = Array.from({ length: k }, () => base).join('\n\n');
  const tree = time(() => parseDocument(text, new VFile({ path: 'bench.md' })), k === 4 ? 2 : 3);
  const clauses = tree.result.clauses.length;
  const bare = k === 1 ? time(() => parseMarkdown(text), 3) : null;
  rows.push({ k, size: mb(text), tree: tree.ms, bare: bare?.ms ?? null, clauses });
}
const one = rows[0];
console.log('input: SGB VII + EEG 2009 (4 real versions), repeated k times');
console.log('size      clause tree            remark-parse + GFM tables (whole)');
for (const r of rows) {
  const line = `${r.k}x ${fmt(r.size)} MB  ${fmt(r.tree, 0).padStart(6)} ms ${fmt(r.size / (r.tree / 1000)).padStart(5)} MB/s`;
  console.log(r.bare === null ? line : `${line}   ${fmt(r.bare, 0).padStart(6)} ms ${fmt(r.size / (r.bare / 1000)).padStart(5)} MB/s`);
}
const growth = rows[2].tree / one.tree;
const vsBare = one.tree / one.bare;
console.log(`growth: 4x size -> ${fmt(growth)}x time (target <= 4.5)  ${growth <= 4.5 ? 'OK' : 'MISSED'}`);
console.log(`at 1x: clause tree / bare remark = ${fmt(vsBare)} (target <= 1.5)  ${vsBare <= 1.5 ? 'OK' : 'MISSED'}`);
