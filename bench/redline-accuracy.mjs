// Redline accuracy on the real corpus (issue 22): for every pair of consecutive versions in
// test/corpus (each folder's meta.json `pairs`) and documents/ (each document's versions in
// order), how many clauses the redline pairs (amended, renumbered, moved), how many of those
// share few words (word similarity under each threshold below, so pairs made on a number or a
// heading alone show up), and the counts of renumbered, moved, inserted and deleted clauses.
//
// Deterministic: the same build gives byte-identical JSON. Run after `npm run compile`:
//   node bench/redline-accuracy.mjs              JSON on stdout
//   node bench/redline-accuracy.mjs --list 0.33  also the low pairs under 0.33, one a line, on stderr
//
// The similarity here is the measure's own, independent of the engine's: the Dice coefficient
// of the two clauses' word multisets (heading and whole text, sub-clauses included, lowercased),
// so figures stay comparable however the engine's scoring changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { parseDocument } from '../lib/parse/index.js';
import { diffDocuments } from '../lib/diff/index.js';
import { walkChanges } from '../lib/model/change.js';
import { clauseText, walkClauses } from '../lib/model/text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const THRESHOLDS = [0.1, 0.2, 0.25, 0.33];

/** Every pair: the corpus's listed pairs, then each document under documents/ version by version. */
function listPairs() {
  const pairs = [];
  const corpus = join(root, 'test/corpus');
  for (const folder of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const meta = JSON.parse(readFileSync(join(corpus, folder, 'meta.json'), 'utf8'));
    for (const p of meta.pairs) pairs.push({ name: `${folder}/${p.before} -> ${p.after}`, before: join(corpus, folder, p.before), after: join(corpus, folder, p.after) });
  }
  const docs = join(root, 'documents');
  for (const folder of readdirSync(docs, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'directions').map((d) => d.name).sort()) {
    const versions = readdirSync(join(docs, folder))
      .filter((f) => /^v[\d.]+\.md$/.test(f))
      .sort((a, b) => versionOf(a) - versionOf(b));
    for (let i = 1; i < versions.length; i++) pairs.push({ name: `documents/${folder}/${versions[i - 1]} -> ${versions[i]}`, before: join(docs, folder, versions[i - 1]), after: join(docs, folder, versions[i]) });
  }
  return pairs;
}

function versionOf(file) {
  return Number.parseFloat(file.slice(1));
}

function parse(path) {
  return parseDocument(readFileSync(path, 'utf8'), new VFile({ path }));
}

/** Heading and whole text, sub-clauses included. */
function wholeText(clause) {
  const parts = [clause.heading ?? '', clauseText(clause)];
  for (const c of walkClauses(clause.children)) parts.push(c.heading ?? '', clauseText(c));
  return parts.join(' ');
}

function words(text) {
  const m = new Map();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function dice(a, b) {
  let total = 0;
  let common = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  return total === 0 ? 1 : (2 * common) / total;
}

function measure(pair) {
  const diff = diffDocuments(parse(pair.before), parse(pair.after));
  const counts = { paired: 0, amended: 0, renumbered: 0, moved: 0, inserted: 0, deleted: 0 };
  const under = Object.fromEntries(THRESHOLDS.map((t) => [t, 0]));
  const low = [];
  const paragraphs = { split: 0, merged: 0, moved: 0, inserted: 0, deleted: 0, movedItems: 0, movedAcross: 0 };
  for (const c of walkChanges(diff.clauses)) {
    if (c.status === 'inserted' || c.status === 'deleted') {
      counts[c.status]++;
      continue;
    }
    countParagraphs(c, paragraphs);
    if (c.status === 'unchanged') continue;
    counts.paired++;
    counts[c.status]++;
    const sim = dice(words(wholeText(c.old.clause)), words(wholeText(c.new.clause)));
    for (const t of THRESHOLDS) if (sim < t) under[t]++;
    low.push({ old: c.old.id, new: c.new.id, status: c.status, similarity: Math.round(sim * 1000) / 1000 });
  }
  return { name: pair.name, ...counts, under, paragraphs, low: low.filter((l) => l.similarity < THRESHOLDS[THRESHOLDS.length - 1]) };
}

/**
 * Inside a paired clause, its own paragraphs (blocks) split, merged or moved (issue 22, class 5),
 * and those still inserted or deleted whole; a moved paragraph counted once, where it stands;
 * and the items of a list re-sorted that moved (`movedItems`), likewise; and paragraphs moved to
 * another clause (`movedAcross`, counted where they stand: inserted whole there, their note naming
 * a clause rather than a paragraph, or merged into a paragraph there, `movedIn`).
 */
function countParagraphs(c, paragraphs) {
  for (const b of [...c.content, ...c.tail]) {
    if (b.kind !== 'text') continue;
    if (b.items) paragraphs.movedItems += b.items.filter((i) => i.moved?.side === 'to').length;
    if (b.breakBefore === 'insert') paragraphs.split++;
    else if (b.breakBefore === 'delete') paragraphs.merged++;
    else if (b.movedIn) paragraphs.movedAcross++;
    else if (b.moved?.side === 'to' && !/^Moved from (?:paragraph|item) \d+$/.test(b.moved.note)) paragraphs.movedAcross++;
    else if (b.moved) paragraphs.moved += b.moved.side === 'to' ? 1 : 0;
    else if (b.status === 'inserted' || b.status === 'deleted') paragraphs[b.status]++;
  }
}

const listAt = process.argv.includes('--list') ? Number(process.argv[process.argv.indexOf('--list') + 1]) : null;
const results = listPairs().map(measure);
const total = { paired: 0, amended: 0, renumbered: 0, moved: 0, inserted: 0, deleted: 0, under: Object.fromEntries(THRESHOLDS.map((t) => [t, 0])), paragraphs: { split: 0, merged: 0, moved: 0, inserted: 0, deleted: 0, movedItems: 0, movedAcross: 0 } };
for (const r of results) {
  for (const k of Object.keys(total.paragraphs)) total.paragraphs[k] += r.paragraphs[k];
  for (const k of ['paired', 'amended', 'renumbered', 'moved', 'inserted', 'deleted']) total[k] += r[k];
  for (const t of THRESHOLDS) total.under[t] += r.under[t];
  if (listAt !== null) for (const l of r.low) if (l.similarity < listAt) console.error(`${r.name}\t${l.status}\t${l.similarity}\t${l.old} -> ${l.new}`);
}
const share = Object.fromEntries(THRESHOLDS.map((t) => [t, total.paired ? Math.round((1e4 * total.under[t]) / total.paired) / 1e4 : 0]));
const out = {
  measure: 'Dice of word multisets (heading and whole text, sub-clauses included); under[t] = paired clauses (amended, renumbered, moved) with similarity < t; paragraphs = blocks of paired clauses split, merged, moved, or inserted/deleted whole, list items moved, and paragraphs moved to another clause (counted where they stand)',
  pairs: results.map(({ low: _low, ...r }) => r),
  total: { ...total, shareUnder: share },
};
console.log(JSON.stringify(out, null, 2));
