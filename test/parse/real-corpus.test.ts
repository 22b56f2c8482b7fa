import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { decodeSource, parseDocument } from '../../src/parse/index.js';
import { walkClauses } from '../../src/model/text.js';
import { cli, realCorpusFiles } from '../helpers.js';

interface TreeClause {
  number: string | null;
  children: TreeClause[];
}

function numbers(clauses: TreeClause[]): string[] {
  return clauses.flatMap((c) => [...(c.number ? [c.number] : []), ...numbers(c.children)]);
}

describe('parse: real legal documents', () => {
  const files = realCorpusFiles();

  it('should find the real corpus under test/corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it.each(files.map((f) => [basename(f), f]))('should print the tree of %s and exit 0', async (_name, path) => {
    const result = await cli(['tree', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tree = JSON.parse(result.stdout) as { clauses: TreeClause[]; document: { numbering: string[] } };
    expect(numbers(tree.clauses).length).toBeGreaterThan(20);
    expect(tree.document.numbering.length).toBeGreaterThan(0);
  });

  it('should find § 20a and § 20b in EEG 2009 (2012) and only § 20a before', async () => {
    const after = files.find((f) => f.endsWith('eeg_2009__stand-2012-08-17.md'))!;
    const before = files.find((f) => f.endsWith('eeg_2009__stand-2011-12-22.md'))!;
    const a = numbers((JSON.parse((await cli(['tree', after, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    const b = numbers((JSON.parse((await cli(['tree', before, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    expect(a).toContain('§ 20a');
    expect(a).toContain('§ 20b');
    expect(b).toContain('§ 20a');
    expect(b).not.toContain('§ 20b');
  });

  it('should find clause 3.7 in the 2024 Marketplace agreement, with bold labels and 1A-style numbers elsewhere', async () => {
    const market = files.find((f) => f.endsWith('github-marketplace-developer-agreement__2024-05-17.md'))!;
    const found = numbers((JSON.parse((await cli(['tree', market, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    expect(found).toEqual(expect.arrayContaining(['3.4', '3.5', '3.6', '3.7', '3.8']));
    const sponsors = files.find((f) => f.endsWith('github-sponsors-additional-terms__2026-03-23b-after.md'))!;
    const s = numbers((JSON.parse((await cli(['tree', sponsors, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    expect(s).toEqual(expect.arrayContaining(['1A', '1A.1', '1A.2', '1.2.1']));
  });

  it.each(files.map((f) => [basename(f), f]))('should give %s the same tree parsed whole or in chunks', (_name, path) => {
    const text = decodeSource(readFileSync(path), new VFile({ path }))!;
    const chunked = parseDocument(text, new VFile({ path }));
    const whole = parseDocument(text, new VFile({ path }), { whole: true });
    expect([...walkClauses(chunked.clauses)].length).toBe([...walkClauses(whole.clauses)].length);
    expect(chunked).toEqual(whole);
  });
});
