/**
 * Golden redlines: the JSON that `secdoc diff A B --format json` prints, with and without
 * --show-formatting, for every pair the real corpus lists (test/corpus/*\/meta.json) and the three
 * re-designations under documents/, must stay byte-identical. Written before the redline was
 * split into stages (issue 27) and kept, so a refactor of the engine cannot change an output byte
 * unnoticed; a change meant to alter the redline regenerates the goldens on purpose:
 *
 *     SECDOC_UPDATE_GOLDEN=1 npx vitest run test/diff/golden.test.ts
 *
 * The documents/ pairs are held as the whole JSON (gzipped, so a failure can show where the bytes
 * part); the corpus pairs, up to 6 MB of JSON each, as the sha256 of the bytes. The paths are
 * given relative to the repository, as vitest runs there, because the JSON names them as given.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli, realCorpusDir, repoRoot } from '../helpers.js';

const goldenDir = join(repoRoot, 'test', 'fixtures', 'diff-golden');
const digestsFile = join(goldenDir, 'digests.json');
const update = process.env.SECDOC_UPDATE_GOLDEN === '1';

interface Pair {
  name: string;
  old: string;
  new: string;
  /** Held whole (gzipped) as well as by digest. */
  whole: boolean;
}

const pairs: Pair[] = [
  { name: 'AL-19.0-20.0', old: 'AL@19.0', new: 'AL@20.0', whole: true },
  { name: 'AK-9.0-10.0', old: 'AK@9.0', new: 'AK@10.0', whole: true },
  { name: 'J-5.0-6.0', old: 'J@5.0', new: 'J@6.0', whole: true },
];
for (const folder of readdirSync(realCorpusDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const meta = JSON.parse(readFileSync(join(realCorpusDir, folder, 'meta.json'), 'utf8')) as { pairs: Array<{ before: string; after: string }> };
  for (const p of meta.pairs) {
    const at = (f: string) => `test/corpus/${folder}/${f}`;
    pairs.push({ name: `${p.before.replace(/\.md$/, '')}--${p.after.replace(/\.md$/, '')}`, old: at(p.before), new: at(p.after), whole: false });
  }
}

const variants = [
  { suffix: '', flags: [] as string[] },
  { suffix: '.show-formatting', flags: ['--show-formatting'] },
];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const digests: Record<string, string> = update ? {} : (JSON.parse(readFileSync(digestsFile, 'utf8')) as Record<string, string>);

describe('redline goldens: the diff JSON of every real pair is byte-identical', () => {
  it('should cover the ten corpus pairs and the three re-designations', () => {
    expect(pairs.length).toBe(13);
  });

  for (const pair of pairs) {
    for (const variant of variants) {
      const key = pair.name + variant.suffix;
      it(`${key}`, async () => {
        const r = await cli(['--documents', 'documents', 'diff', pair.old, pair.new, '--format', 'json', ...variant.flags]);
        expect(r.code, r.stderr).toBe(0);
        const wholeFile = join(goldenDir, `${key}.json.gz`);
        if (update) {
          mkdirSync(goldenDir, { recursive: true });
          digests[key] = sha256(r.stdout);
          if (pair.whole) writeFileSync(wholeFile, gzipSync(r.stdout, { level: 9 }));
          writeFileSync(digestsFile, JSON.stringify(Object.fromEntries(Object.entries(digests).sort()), null, 1) + '\n');
          return;
        }
        if (pair.whole) expect(r.stdout).toBe(gunzipSync(readFileSync(wholeFile)).toString('utf8'));
        const actual = sha256(r.stdout);
        if (actual !== digests[key]) {
          // Leave the bytes where a person can compare them with the old build's.
          const out = join(tmpdir(), `secdoc-golden-${key}.json`);
          writeFileSync(out, r.stdout);
          expect.fail(`${key}: sha256 ${actual}, expected ${digests[key]}; the output is in ${out}`);
        }
      });
    }
  }
});
