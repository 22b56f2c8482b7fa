/**
 * `secdoc fmt`: normalising through remark-stringify changes no clause tree and is idempotent, on
 * every document and every file of the real corpus.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/edit/format.js';
import { parseDocument } from '../../src/parse/index.js';
import { treeToJson } from '../../src/render/json/tree.js';
import { cli, copyDocuments, realCorpusFiles } from '../helpers.js';

/** The clause tree as JSON without where things sit: formatting may move text, never change it. */
function tree(text: string, path: string): string {
  return JSON.stringify(treeToJson(parseDocument(text, new VFile({ path }))), (key, value: unknown) => (key === 'line' || key === 'column' ? undefined : value));
}

describe('secdoc fmt', () => {
  it('should leave every document with the same clause tree, and a second run should change nothing', async () => {
    const dir = copyDocuments();
    const before = await cli(['--documents', dir, 'tree', 'AL@20.0', '--json']);
    // A source written loosely: other bullets, emphasis markers and table padding.
    const v20 = join(dir, 'tmad', 'v20.0.md');
    const loose = readFileSync(v20, 'utf8').replace('| --- | --- | --- |', '|:--|--|--|').replace('**Document Purpose.**', '__Document Purpose.__');
    writeFileSync(v20, loose);
    const first = await cli(['--documents', dir, 'fmt']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`formatted ${v20}\n`);
    expect(first.stdout).toMatch(/\n8 files, 1 formatted\n$/);
    expect(readFileSync(v20, 'utf8')).toContain('| Version | Date | Description |\n| :--- | --- | --- |\n');
    expect(readFileSync(v20, 'utf8')).toContain('1.1 **Document Purpose.**');
    const after = await cli(['--documents', dir, 'tree', 'AL@20.0', '--json']);
    // The tree JSON carries the Version History table, whose first column the loose source aligned left.
    const expected = JSON.parse(before.stdout) as { sections: Array<{ content: Array<{ align: Array<string | null> }> }> };
    expected.sections[0]!.content[0]!.align[0] = 'left';
    expect(after.stdout).toBe(JSON.stringify(expected, null, 2) + '\n');
    const second = await cli(['--documents', dir, 'fmt', '--check']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('8 files, 0 to format\n');
  });

  it('should keep front matter as written and report files that would change with --check', async () => {
    const dir = copyDocuments();
    const path = join(dir, 'etad', 'v6.0.md');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('## 1 ', '##   1 '));
    const check = await cli(['--documents', dir, 'fmt', '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`would format ${path}\n8 files, 1 to format\n`);
    await cli(['fmt', path]);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('should change no clause tree of a document and be idempotent', () => {
    const dir = copyDocuments();
    for (const relative of ['tmad/v19.0.md', 'tmad/v20.0.md', 'svtad/v9.0.md', 'svtad/v10.0.md', 'etad/v5.0.md', 'etad/v6.0.md', 'directions/2022-06-09.md', 'directions/baseline.md']) {
      const path = join(dir, relative);
      const text = readFileSync(path, 'utf8');
      const once = formatSource(text);
      expect(tree(once, path), relative).toBe(tree(text, path));
      expect(formatSource(once), relative).toBe(once);
    }
  });

  for (const path of realCorpusFiles()) {
    const name = path.split('/').pop()!;
    it(`should change no clause tree of ${name} and be idempotent`, () => {
      const text = readFileSync(path, 'utf8');
      const once = formatSource(text);
      expect(tree(once, path)).toBe(tree(text, path));
      expect(formatSource(once)).toBe(once);
    }, 240_000);
  }
});
