// Instructions per warm redline of the bench pair, counted by callgrind, where wall time on a
// shared machine moves by half. To compare two builds of the redline (not run by `npm run bench`;
// needs valgrind, takes about 8 minutes):
//   node bench/instructions.mjs
// It parses the pair once natively and saves the clause trees, then runs 4 and 24 diffs under
// callgrind and prints the difference per diff: diffs 5 to 24, in which V8 has little left to
// compile, as in the timed runs of the benchmark. (It counted diffs 4 to 11 before, which read
// 40-70 M more per diff, most of it the JIT's: 274 M against 236 M for one build, 264 M against
// 201 M for the next.) V8 is made as steady as it goes: --single-threaded --predictable, a fixed
// --random-seed (object hashes, so Maps keyed by objects), and a young generation large enough
// that the timing of its collections moves the count little.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';

const [, , mode, oldTrees, newTrees, runs] = process.argv;
if (mode === '--run') {
  // Under callgrind: diff the saved trees `runs` times.
  const { diffDocuments } = await import('../lib/diff/index.js');
  // JSON keeps each clause's word hashes (an Int32Array) as an object of numbers: make them
  // typed arrays again.
  const load = (path) =>
    JSON.parse(readFileSync(path, 'utf8'), (key, value) => (key === 'words' && value && typeof value === 'object' && !Array.isArray(value) ? Int32Array.from(Object.values(value)) : value));
  const a = load(oldTrees);
  const b = load(newTrees);
  for (let i = 0; i < Number(runs); i++) diffDocuments(a, b);
} else {
  const { parseDocument } = await import('../lib/parse/index.js');
  const { benchPair } = await import('./common.mjs');
  const { oldText, newText } = benchPair();
  const dir = mkdtempSync(join(tmpdir(), 'secdoc-instructions-'));
  const save = (text, name) => {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify(parseDocument(text, new VFile({ path: `${name}.md` }))));
    return path;
  };
  const oldPath = save(oldText, 'old');
  const newPath = save(newText, 'new');
  const count = (n) => {
    const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', '--random-seed=1', '--max-semi-space-size=64', fileURLToPath(import.meta.url), '--run', oldPath, newPath, String(n)], { encoding: 'utf8' });
    const m = /Collected : (\d+)/.exec(r.stderr ?? '');
    if (!m) throw new Error(`callgrind gave no count (is valgrind installed?)\n${r.stderr ?? r.error}`);
    return Number(m[1]);
  };
  const perDiff = (count(24) - count(4)) / 20;
  rmSync(dir, { recursive: true, force: true });
  console.log(`redline of the bench pair, warm: ${(perDiff / 1e6).toFixed(0)} M instructions per diff`);
}
