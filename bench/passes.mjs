// How plain passes over the clause trees grow from 1x to 4x the bench pair, beside the redline
// itself: the floor under the redline's growth on this machine (not run by `npm run bench`):
//   npm run compile && node --expose-gc bench/passes.mjs
// Each pass does the same work per clause at every size, so on an ideal machine it would grow
// 4x. Where it grows more, the trees a pass reads no longer stay in the processor's caches.
import { VFile } from 'vfile';
import { parseDocument } from '../lib/parse/index.js';
import { diffDocuments } from '../lib/diff/index.js';
import { sameOwnContent } from '../lib/model/equal.js';
import { benchPair, time, fmt } from './common.mjs';

const { oldText, newText } = benchPair();
const repeat = (text, k) => Array.from({ length: k }, () => text).join('\n\n');
const parse = (text) => parseDocument(text, new VFile({ path: 'pair.md' }));

/** Read two fields of every clause. */
function walk(doc) {
  let sum = 0;
  const visit = (clauses) => {
    for (const c of clauses) {
      sum += (c.number?.length ?? 0) + c.content.length;
      visit(c.children);
    }
  };
  visit(doc.clauses);
  return sum;
}

/** Make one small object per clause, as an alignment does. */
function objects(doc) {
  const out = [];
  const visit = (clauses, parent) => {
    for (const c of clauses) {
      const node = { clause: c, parent, children: [], partner: null, index: out.length };
      out.push(node);
      visit(c.children, node);
    }
  };
  visit(doc.clauses, null);
  return out.length;
}

/** Compare two parses of the same text clause by clause, content and formatting. */
function compare(a, b) {
  let same = 0;
  const visit = (xs, ys) => {
    for (let i = 0; i < xs.length && i < ys.length; i++) {
      if (sameOwnContent(xs[i], ys[i])) same++;
      visit(xs[i].children, ys[i].children);
    }
  };
  visit(a.clauses, b.clauses);
  return same;
}

const sizes = [1, 4].map((k) => ({ k, old: parse(repeat(oldText, k)), copy: parse(repeat(oldText, k)), new: parse(repeat(newText, k)) }));
const rows = [
  ['read two fields of every clause', (s) => walk(s.old) + walk(s.new)],
  ['make one object per clause', (s) => objects(s.old) + objects(s.new)],
  ['compare a parse with a second parse', (s) => compare(s.old, s.copy)],
  ['the redline (diffDocuments)', (s) => diffDocuments(s.old, s.new).summary.changed],
];
console.log('pass                                      1x ms     4x ms   growth');
for (const [name, pass] of rows) {
  globalThis.gc?.();
  const [one, four] = sizes.map((s) => time(() => pass(s), s.k === 1 ? 25 : 9, s.k === 1 ? 5 : 1, 'minor').ms);
  console.log(`${name.padEnd(38)} ${fmt(one).padStart(9)} ${fmt(four).padStart(9)} ${fmt(four / one).padStart(7)}x`);
}
