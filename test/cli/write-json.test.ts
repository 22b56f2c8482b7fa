import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/output.js';
import { diffDocuments } from '../../src/diff/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { diffToJson } from '../../src/render/json/diff.js';
import { VFile } from 'vfile';
import { realCorpusFiles } from '../helpers.js';

/** What writeJson writes, and the pieces it wrote it in. */
function written(value: unknown, depth?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t), depth);
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('writeJson: JSON.stringify(value, null, 2) in pieces', () => {
  const awkward = {
    empty: { array: [], object: {} },
    gone: undefined,
    fn: () => 1,
    list: [1, undefined, () => 2, Symbol('s'), null, 'two\nlines "quoted" \u2028 é 🙂', [[[]]], { a: [{}] }],
    nested: { a: { b: { c: { d: { e: { f: { g: [1, { h: 'deep' }] } } } } } } },
    date: new Date(Date.UTC(2022, 5, 10)),
    numbers: [0, -0, 1.5e300, Number.NaN, Number.POSITIVE_INFINITY],
    withJson: { toJSON: () => ({ replaced: [1, 2] }) },
    onlyGone: { x: undefined },
  };

  for (const depth of [0, 1, 2, 3, 6, 20]) {
    it(`should write exactly what JSON.stringify does, descending ${depth} levels itself`, () => {
      expect(written(awkward, depth).text).toBe(JSON.stringify(awkward, null, 2) + '\n');
      expect(written([], depth).text).toBe('[]\n');
      expect(written({}, depth).text).toBe('{}\n');
      expect(written('text', depth).text).toBe('"text"\n');
    });
  }

  it('should write the JSON of a real redline byte for byte, in many pieces', () => {
    const files = realCorpusFiles().filter((p) => p.includes('eeg_2009'));
    const [a, b] = files.map((path) => parseDocument(readFileSync(path, 'utf8'), new VFile({ path })));
    const json = diffToJson(diffDocuments(a!, b!));
    const expected = JSON.stringify(json, null, 2) + '\n';
    const { text, pieces } = written(json);
    expect(text).toBe(expected);
    // About 64 kB a piece: never the whole text at once.
    expect(pieces).toBeGreaterThan(expected.length / 100_000);
  });
});
