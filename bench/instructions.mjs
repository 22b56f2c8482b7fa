// Instructions per warm redline of the bench pair, counted by callgrind, where wall time on a
// shared machine moves by half. Not run by `npm run bench`; needs valgrind (apt install
// valgrind), and takes about 8 minutes a build on a quiet machine:
//   node bench/instructions.mjs             this checkout's lib/ (run `npm run compile` first)
//   node bench/instructions.mjs COMMIT      that commit too, built in a temporary worktree
//                                           (bench/common.mjs `checkoutBaseline`), and the ratio
// For each build it parses the pair once natively with that build's parser and saves the clause
// trees, then runs 4 and 24 diffs under callgrind and prints the difference per diff: diffs 5 to
// 24, in which V8 has little left to compile, as in the timed runs of the benchmark. (It counted
// diffs 4 to 11 before, which read 40-70 M more per diff, most of it the JIT's.) V8 is made as
// steady as it goes: --single-threaded --predictable, a fixed --random-seed (object hashes, so
// Maps keyed by objects), and a young generation large enough that the timing of its
// collections moves the count little.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import { benchPair, checkoutBaseline, repoRoot } from './common.mjs';

const lib = (root, path) => import(pathToFileURL(join(root, 'lib', path)).href);
const [, , first, ...rest] = process.argv;
if (first === '--run') {
  // Under callgrind: diff the saved trees `runs` times with the build at `root`.
  const [root, oldTrees, newTrees, runs] = rest;
  const { diffDocuments } = await lib(root, 'diff/index.js');
  // JSON keeps the word hashes an older build stored on each clause (an Int32Array) as an object
  // of numbers: make them typed arrays again.
  const load = (path) =>
    JSON.parse(readFileSync(path, 'utf8'), (key, value) => (key === 'words' && value && typeof value === 'object' && !Array.isArray(value) ? Int32Array.from(Object.values(value)) : value));
  const a = load(oldTrees);
  const b = load(newTrees);
  for (let i = 0; i < Number(runs); i++) diffDocuments(a, b);
} else {
  if (!existsSync(join(repoRoot, 'lib/diff/index.js'))) throw new Error('lib/ is not built: run `npm run compile` first');
  const baseline = first === undefined ? null : checkoutBaseline(first);
  const { oldText, newText } = benchPair();
  const trees = mkdtempSync(join(tmpdir(), 'secdoc-instructions-'));
  process.on('exit', () => rmSync(trees, { recursive: true, force: true }));
  /** Instructions per warm redline of the build at `root`; `build`: its trees' file names. */
  const perDiff = async (root, build) => {
    const { parseDocument } = await lib(root, 'parse/index.js');
    const save = (text, side) => {
      const path = join(trees, `${build}-${side}.json`);
      writeFileSync(path, JSON.stringify(parseDocument(text, new VFile({ path: `${side}.md` }))));
      return path;
    };
    const oldPath = save(oldText, 'old');
    const newPath = save(newText, 'new');
    const count = (n) => {
      const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', '--random-seed=1', '--max-semi-space-size=64', fileURLToPath(import.meta.url), '--run', root, oldPath, newPath, String(n)], { encoding: 'utf8' });
      const m = /Collected : (\d+)/.exec(r.stderr ?? '');
      if (!m) throw new Error(`callgrind gave no count (is valgrind installed?)\n${r.stderr ?? r.error}`);
      return Number(m[1]);
    };
    return (count(24) - count(4)) / 20;
  };
  const millions = (n) => `${(n / 1e6).toFixed(0)} M`;
  const current = await perDiff(repoRoot, 'current');
  if (!baseline) console.log(`redline of the bench pair, warm: ${millions(current)} instructions per diff`);
  else {
    const before = await perDiff(baseline.root, 'baseline');
    console.log(`redline of the bench pair, warm, instructions per diff: baseline ${millions(before)}, current ${millions(current)}: ${(current / before).toFixed(3)}x`);
  }
}
