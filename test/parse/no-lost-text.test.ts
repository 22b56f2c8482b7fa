/**
 * No lost text (issue 22): every word of every real document's body, and of generated documents,
 * reaches the tree JSON that `secdoc tree --json` prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { treeToJson } from '../../src/render/json/tree.js';
import { cli, documentsDir, realCorpusFiles, repoRoot } from '../helpers.js';
import { bodyWords, lostWords } from './coverage.js';

function documentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

type Tree = Parameters<typeof lostWords>[1];

describe('no lost text: every word of the body is in the tree JSON', () => {
  const files = [...realCorpusFiles(), ...documentFiles(documentsDir)];

  it('should cover the real corpus and every document', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s', async (_name, path) => {
    const r = await cli(['tree', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const source = readFileSync(path, 'utf8');
    expect(bodyWords(source).size).toBeGreaterThan(50);
    expect(lostWords(source, JSON.parse(r.stdout) as Tree)).toEqual([]);
  });

  it('should give EEG 2009 § 20a (3) 1.-4. their dates and text', async () => {
    const path = realCorpusFiles().find((f) => basename(f) === 'eeg_2009__stand-2012-08-17.md')!;
    const tree = JSON.parse((await cli(['tree', path, '--json'])).stdout) as { clauses: Array<{ id: string; text: string; children: unknown[] }> };
    const texts = new Map<string, string>();
    const walk = (cs: Array<{ id: string; text: string; children: unknown[] }>) => cs.forEach((c) => (texts.set(c.id, c.text), walk(c.children as typeof cs)));
    walk(tree.clauses);
    expect(texts.get('eeg_2009/§20a(3)(1)')).toMatch(/^31\. Oktober 2012 die Summe der installierten Leistung/);
    expect(texts.get('eeg_2009/§20a(3)(2)')).toMatch(/^31\. Januar 2013 die Summe/);
    expect(texts.get('eeg_2009/§20a(3)(3)')).toMatch(/^30\. April 2013 die Summe/);
    expect(texts.get('eeg_2009/§20a(3)(4)')).toMatch(/^31\. Juli 2013 und danach/);
  });

  it('should carry an agreement\'s opening paragraph and AL\'s Version History table', async () => {
    const market = realCorpusFiles().find((f) => basename(f) === 'github-marketplace-developer-agreement__2024-05-17.md')!;
    const tree = JSON.parse((await cli(['tree', market, '--json'])).stdout) as { preamble: unknown[]; document: { heading: string | null } };
    expect(tree.preamble.length).toBeGreaterThan(0);
    const al = JSON.parse((await cli(['tree', 'AL@20.0', '--json'])).stdout) as { sections: Array<{ heading: string; line: number; content: Array<{ type: string; rows?: unknown[] }> }> };
    expect(al.sections.map((s) => s.heading)).toEqual(['Version History']);
    expect(al.sections[0]!.line).toBe(11);
    expect(al.sections[0]!.content[0]).toMatchObject({ type: 'table' });
    expect(al.sections[0]!.content[0]!.rows).toHaveLength(5);
  });
});

/* ---------- generated documents ---------- */

const word = fc.stringMatching(/^[a-zäöüéß]{2,9}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
/** What may open a list item or paragraph and read as Markdown markup or a label. */
const opener = fc.constantFrom('31. ', '1) ', '- ', '* ', '+ ', '> ', '# ', '(a) ', '(iv) ', 'a) ', 'aa) ', '§ 5 ', 'Art. 6-1 ', 'Article L121-36-1 ', '12.3 ', '**1.2** ', '', '1. 2. ', '2012-08-17 ', '    ');
const paragraph = fc.tuple(opener, sentence).map(([o, s]) => `${o}${s}`);
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('', '1 ', '§ 3 ', 'Article 515-14 ', 'Article R*121-1 ', 'J. ', 'Art. 4 ', '2.1 '), sentence).map(([d, l, s]) => `${'#'.repeat(d)} ${l}${s}`);
const listItem = fc.tuple(fc.constantFrom('1.', '2.', '1)', '-', '(a)'), paragraph, fc.option(paragraph)).map(([m, p, q]) => `${m} ${p}${q ? `\n\n   ${q}` : ''}`);
const list = fc.array(listItem, { minLength: 1, maxLength: 4 }).map((items) => items.join('\n'));
const table = fc.array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 3 }).map((rows) => ['| A | B |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
const block = fc.oneof(paragraph, heading, list, table, sentence.map((s) => `## Version History\n\n${s}`));
const documentText = fc.array(block, { minLength: 1, maxLength: 12 }).map((blocks) => blocks.join('\n\n') + '\n');

describe('no lost text: generated documents', () => {
  it('should keep every word of a generated body in its tree JSON', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = parseDocument(text, new VFile({ path: 'generated.md' }));
        expect(lostWords(text, treeToJson(doc) as unknown as Tree)).toEqual([]);
      }),
      { seed: 22, numRuns: 300 },
    );
  });
});
