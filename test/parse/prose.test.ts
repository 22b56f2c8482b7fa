/**
 * The prose reader (src/parse/prose.ts) against remark: every chunk of every source in the
 * repository, and generated chunks built from lines where Markdown starts, parse to the same
 * nodes, positions and diagnostics places either way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk } from '../../src/parse/index.js';
import { readProse } from '../../src/parse/prose.js';
import { splitSource } from '../../src/parse/split.js';
import { documentsDir, realCorpusFiles, repoRoot } from '../helpers.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** How many of `text`'s characters the prose reader leaves to remark. */
function leftToRemark(text: string): number {
  return (readProse(text) ?? [{ markdown: text }]).reduce((sum, piece) => sum + ('markdown' in piece ? piece.markdown.length : 0), 0);
}

describe('prose reader: the same nodes as remark', () => {
  const files = [...realCorpusFiles(), ...markdownFiles(documentsDir), ...markdownFiles(join(repoRoot, 'test/fixtures'))];

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s', (_name, path) => {
    for (const chunk of splitSource(readFileSync(path, 'utf8')).chunks) {
      expect(parseChunk(chunk.text)).toStrictEqual(parseChunk(chunk.text, false));
    }
  });

  it('should read most of a statute itself', () => {
    // Without this the test above would pass with a reader that hands everything to remark.
    const path = realCorpusFiles().find((f) => f.endsWith('code-de-la-consommation__2014-03-19.md'))!;
    const chunks = splitSource(readFileSync(path, 'utf8')).chunks;
    const left = chunks.reduce((sum, chunk) => sum + leftToRemark(chunk.text), 0);
    const all = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
    expect(left / all).toBeLessThan(0.1);
  });

  // What the generated chunks below found wrong in a first version, and what SEC sources hold.
  it.each([
    ['a lone carriage return, a line ending for remark', 'Article\r un\n\nArticle'],
    ['a byte order mark starting a line, which remark drops at the start of its text', 'Article\n\n\uFEFF1. un\n\n## Titre'],
    ['a lazy line after a list item, then a blank line', '- Article\n</pre>\n\nArticle'],
    ['an unclosed fence holding the blank lines at the end', 'Le texte\n\n```\n'],
    ['a numbered paragraph, which is not a list', '1.1 The Party shall\n\n1.2 The DCC shall'],
    ['an ordered list, which is', '1. The Party shall\n\n2) The DCC shall'],
    ['a rule block with blank lines in it, then prose', '2.1 Text\n\n```rule\nid: a\n\nwhen: b\n```\n\n2.2 More text\n\n- an item'],
    ['a fence after a line of HTML, which is the HTML block\'s', '<div>\n```\n\nLe texte\n\n```\n\nfin'],
    ['a fence in a list item', '- a\n  ```\n\nb\n```\n\nc'],
    ['a backtick fence whose info has a backtick, which is not a fence', '```x`\n\ntext\n\n```\n\nmore'],
    ['a loose list continued past a table', '- a\n\n| x |\n| - |\n\n- b'],
  ])('should read %s as remark does', (_name, text) => {
    expect(parseChunk(text)).toStrictEqual(parseChunk(text, false));
  });

  /** What `readProse` hands to remark, as [first line, text]; null when remark reads it all. */
  function stretches(text: string): Array<[number, string]> | null {
    return readProse(text)?.flatMap((piece) => ('markdown' in piece ? [[piece.line, piece.markdown] as [number, string]] : [])) ?? null;
  }

  // The same trees either way does not show how much the reader keeps: these pin what goes to remark.
  it.each([
    ['nothing, for headings, paragraphs and loose and tight lists', '## Titre\nLe texte\nsuite\n\n- a\nlazy\n- b\n\n- c\n\nfin', []],
    ['a block with a construct, and the blank line after it', 'P\n\n*x*\n\nQ', [[2, '*x*\n']]],
    ['the list before a block of Markdown, item by item', 'P\n\n- a\n\n- b\n\n*x*\n\nQ', [[2, '- a\n\n- b\n\n*x*\n']]],
    ['the list after it', 'P\n\n*x*\n\n- a\n\n- b\n\nQ', [[2, '*x*\n\n- a\n\n- b\n']]],
    ['a list under a heading, not the list the heading closed', '- a\n\n## H\n- b\n\n*x*', [[2, '## H\n- b\n\n*x*']]],
    ['a list begun under a heading, with its block', 'P\n\n## H\n- a\n\n*x*\n\nQ', [[2, '## H\n- a\n\n*x*\n']]],
    ['not a paragraph before it', 'P\n\n- a\nlazy\n\nQ\n\n*x*', [[7, '*x*']]],
    ['a fence to its closing fence, blank lines and all', 'P\n\n```rule\nx\n\ny\n```\n\nQ', [[2, '```rule\nx\n\ny\n```\n']]],
    ['a longer fence, closed only by as many', 'P\n\n~~~~\n~~~\n\n~~~~\nQ\n\nR', [[2, '~~~~\n~~~\n\n~~~~\nQ\n']]],
    ['an unclosed fence to the end', 'P\n\n```\nx\n\nQ', [[2, '```\nx\n\nQ']]],
    ['from a fence after HTML to the end', 'P\n\n<div>\n```\n\nQ\n\nR', [[2, '<div>\n```\n\nQ\n\nR']]],
    ['from an indented fence to the end', 'P\n\n  ```\n\nQ', [[2, '  ```\n\nQ']]],
    ['from an HTML comment to the end', 'P\n\n<!-- x -->\n\nQ', [[2, '<!-- x -->\n\nQ']]],
    ['a list item after a paragraph line', 'P\n- a\n\nQ', [[0, 'P\n- a\n']]],
    ['an ordered list, not a numbered paragraph', '1. a\n\n1.1 b\n\n2) c', [[0, '1. a\n'], [4, '2) c']]],
    ['an ATX heading with a closing sequence or none', '## a ##\n\n#\n\n## b', [[0, '## a ##\n\n#\n']]],
    ['a line with a space at either end', ' a\n\nb \n\nc', [[0, ' a\n\nb \n']]],
    ['a tilde fence with a backtick in its info, to its close', 'P\n\n~~~ a`b\nx\n\ny\n~~~\n\nQ', [[2, '~~~ a`b\nx\n\ny\n~~~\n']]],
    ['a fence after a paragraph line, to its close', 'P\n```\nx\n\ny\n```\n\nQ', [[0, 'P\n```\nx\n\ny\n```\n']]],
    ['a fence after a line with HTML in it, to its close', 'a <b>x</b>\n```\nx\n\ny\n```\n\nQ', [[0, 'a <b>x</b>\n```\nx\n\ny\n```\n']]],
    ['a list item after a paragraph under a heading', '## H\nP\n- a\n\nQ', [[0, '## H\nP\n- a\n']]],
  ] as Array<[string, string, Array<[number, string]>]>)('should hand remark %s', (_name, text, expected) => {
    expect(stretches(text)).toEqual(expected);
    expect(parseChunk(text)).toStrictEqual(parseChunk(text, false));
  });

  it('should give the pieces in order, none of them empty', () => {
    const kinds = (text: string) => readProse(text)!.map((piece) => ('markdown' in piece ? 'markdown' : `${piece.nodes.length} nodes`));
    expect(kinds('*x*\n\nP')).toEqual(['markdown', '1 nodes']);
    expect(kinds('P\n\n## H\n\n*x*')).toEqual(['2 nodes', 'markdown']);
    expect(kinds('*x*')).toEqual(['markdown']);
  });

  it('should hand remark the whole of a chunk with a definition, a carriage return or a byte order mark', () => {
    for (const text of ['P\n\n[a]: /u', 'P\r\n\nQ', '\uFEFFP']) expect(stretches(text)).toBeNull();
    expect(stretches('P\n\n[a] b')).toEqual([[2, '[a] b']]);
  });

  // Lines that are prose, and lines where each construct the reader must leave alone starts.
  const words = fc.constantFrom('Article', 'L. 111-1', 'élément', 'Straße', 'the Party', '42', '2012', 'a', '😀', ' ', '  ', '!', '.', ':', '-', '#', '=', '+', '*', '_', '`', '~', '<b>', '&amp;', '\\', '[x]', '|', '\t', '\u00a0', ')', '\uFEFF');
  const prose = fc.array(words, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ').replace(/^ +| +$/g, ''));
  const line = fc.oneof(
    { weight: 6, arbitrary: prose },
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: prose.map((p) => `- ${p}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), prose).map(([n, p]) => `${'#'.repeat(n)} ${p}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('* item', '+ item', '1. item', '2) item', '> quote', '    code', '  - nested', '-', '- ', '---', '===', '***', '```', '~~~ js', '````', '``` a`b', '~~~~', '  ```', '```rule', '<!-- note', '-->', '<div>', '<pre>', '</pre>', '[a]: /u', 'a | b', '--- | ---', ' text', 'text ', 'text  ', '## ', '#x', '- # h', '-  two', '- 1. x', '\u00a0lead', '1.5 metres', '| a |'),
    },
  );
  const chunk = fc.array(line, { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n'));

  it('should parse generated chunks as remark does', () => {
    fc.assert(
      fc.property(chunk, (text) => {
        expect(parseChunk(text)).toStrictEqual(parseChunk(text, false));
      }),
      { numRuns: 3000 },
    );
  });

  it('should read generated prose itself', () => {
    // Headings, paragraphs and lists of plain words, the blocks a statute is made of.
    const text = fc.constantFrom('Le texte', 'Article 2', 'un mot', 'Straße 😀');
    const paragraph = fc.array(text, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
    const item = fc.tuple(text, fc.array(text, { maxLength: 2 })).map(([first, lazy]) => [`- ${first}`, ...lazy].join('\n'));
    const list = fc.tuple(fc.array(item, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([items, loose]) => items.join(loose ? '\n\n' : '\n'));
    const heading = text.map((t) => `### ${t}`);
    const plain = fc.array(fc.oneof(paragraph, list, heading), { minLength: 1, maxLength: 6 }).map((b) => b.join('\n\n'));
    fc.assert(fc.property(plain, (source) => leftToRemark(source) === 0 && JSON.stringify(parseChunk(source)) === JSON.stringify(parseChunk(source, false))));
  });
});
