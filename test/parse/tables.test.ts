/**
 * Text that cannot hold a GFM table is parsed without the table construct (`mayHoldTable` in
 * parse/gfm.ts): the tree must be the one the full parser gives, on the real corpus and on
 * generated Markdown built to stress the places a table attempt runs (paragraph lines followed
 * by dashes, lists, quotes, setext underlines, thematic breaks, HTML).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { mayHoldTable, remarkStrikethrough, remarkTablesAndStrikethrough } from '../../src/parse/gfm.js';
import { splitSource } from '../../src/parse/split.js';
import { documentsDir, realCorpusFiles } from '../helpers.js';

const full = unified().use(remarkParse).use(remarkTablesAndStrikethrough).freeze();
const withoutTables = unified().use(remarkParse).use(remarkStrikethrough).freeze();
const parseFull = (text: string) => full.parse(text) as Root;
const hasTable = (root: Root) => {
  let found = false;
  visit(root, 'table', () => {
    found = true;
  });
  return found;
};

/** Lines that put the table construct to work, and some that would make a table with a pipe or colon. */
const line = fc.oneof(
  fc.constantFrom('', 'Text of a clause.', '1. Numbered', '2. Numbered', '(a) item', '- item', '* item', '+ item', '> quoted', '> - quoted item', '   indented', '    code', '---', '- - -', '***', '===', '--', '-', '- -', '## Heading', '<div>', '</div>', '<!-- note -->', '```', '~~struck~~', 'a - b', 'x -- y', '  - nested', 'a:b', ': -', '- :'),
  fc.stringMatching(/^[a-z0-9 .\-*>#=`~()<\/!]{0,12}$/),
);
/** The same, with the characters a delimiter row needs. */
const tableLine = fc.oneof(line, fc.constantFrom('| a | b |', '|---|---|', 'a | b', '--- | ---', ':-', '-:', ':-:', 'a\\|b', '|', '| --- |'));

describe('parsing without the table construct where no table can be', () => {
  it('should give the full parser tree for every chunk of the real corpus and documents/', () => {
    const sec = readdirSync(documentsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(documentsDir, f));
    let cleared = 0;
    for (const path of [...realCorpusFiles(), ...sec]) {
      for (const chunk of splitSource(readFileSync(path, 'utf8')).chunks) {
        if (mayHoldTable(chunk.text)) continue;
        cleared++;
        expect(withoutTables.parse(chunk.text), path).toStrictEqual(parseFull(chunk.text));
      }
    }
    // Most of the corpus: every chunk of the statutes and agreements.
    expect(cleared).toBeGreaterThan(300);
  }, 240_000);

  it('should give the full parser tree for generated Markdown with no pipe and no alignment colon', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        fc.pre(!mayHoldTable(text));
        expect(withoutTables.parse(text)).toStrictEqual(parseFull(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('should never clear text in which the full parser finds a table', () => {
    fc.assert(
      fc.property(fc.array(tableLine, { maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        if (hasTable(parseFull(text))) expect(mayHoldTable(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Tables without a single pipe are cleared neither.
    for (const text of ['a\n:-\nb\n', 'a b\n-:\n', 'a\n:-:\n']) {
      expect(hasTable(parseFull(text)), text).toBe(true);
      expect(mayHoldTable(text), text).toBe(true);
    }
  });
});
