// The warm redline of bench/ab.mjs, for one child process: `node --expose-gc bench/ab-redline.mjs
// WARMUP ROUNDS ROOT...` loads each compiled checkout ROOT in the order given, parses
// bench/diff.bench.mjs's pair with each, warms each redline up, then times ROUNDS rounds in turn
// (a minor GC before each, as bench/diff.bench.mjs does). Prints the samples, one list per ROOT.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import { alternate, benchPair } from './common.mjs';

const [warmup, rounds, ...roots] = process.argv.slice(2);
const { oldText, newText } = benchPair();
const redlines = [];
for (const root of roots) {
  const lib = (path) => import(pathToFileURL(join(root, 'lib', path)).href);
  const { parseDocument } = await lib('parse/index.js');
  const { diffDocuments } = await lib('diff/index.js');
  const a = parseDocument(oldText, new VFile({ path: 'old.md' }));
  const b = parseDocument(newText, new VFile({ path: 'new.md' }));
  const redline = () => void diffDocuments(a, b);
  for (let i = 0; i < Number(warmup); i++) redline();
  redlines.push(redline);
}
console.log(JSON.stringify(alternate(redlines, Number(rounds), () => globalThis.gc?.({ type: 'minor' }))));
