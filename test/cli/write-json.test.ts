import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/output.js';
import { diffDocuments } from '../../src/diff/index.js';
import { parseDocument } from '../../src/parse/index.js';
import { diffToJson } from '../../src/render/json/diff.js';
import { VFile } from 'vfile';
import { realCorpusFiles } from '../helpers.js';

/** What writeJson writes, and the pieces it wrote it in. */
function written(value: unknown): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t));
  return { text: pieces.join(''), pieces };
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

  it('should write exactly what JSON.stringify does', () => {
    expect(written(awkward).text).toBe(JSON.stringify(awkward, null, 2) + '\n');
    expect(written([]).text).toBe('[]\n');
    expect(written({}).text).toBe('{}\n');
    expect(written('text').text).toBe('"text"\n');
  });

  it('should never cut a piece between the halves of a surrogate pair', () => {
    // Emoji (two UTF-16 units each) across every piece boundary, at either parity.
    for (const lead of ['', 'x']) {
      const value = { text: lead + '🙂'.repeat(100_000) };
      const { text, pieces } = written(value);
      expect(text).toBe(JSON.stringify(value, null, 2) + '\n');
      expect(pieces.length).toBeGreaterThan(2);
      // Each piece encodes alone to what it is: no lone surrogate, no replacement character.
      for (const piece of pieces) expect(Buffer.from(piece).toString()).toBe(piece);
    }
  });

  it('should write the JSON of a real redline byte for byte, in many pieces', () => {
    const files = realCorpusFiles().filter((p) => p.includes('eeg_2009'));
    const [a, b] = files.map((path) => parseDocument(readFileSync(path, 'utf8'), new VFile({ path })));
    const json = diffToJson(diffDocuments(a!, b!));
    const expected = JSON.stringify(json, null, 2) + '\n';
    const { text, pieces } = written(json);
    expect(text).toBe(expected);
    // About 64 kB a piece: never the whole text encoded at once.
    expect(pieces.length).toBeGreaterThan(expected.length / 100_000);
  });
});
