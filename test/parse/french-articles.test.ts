/**
 * Article numbers in every common style (issue 22): the French codes number their articles
 * `Article 515-14`, `Article L121-36-1`, `Article R*314-1`, and an inserted article takes a
 * hyphenated suffix rather than renumbering. Each must be a numbered clause, and the redline must
 * show the articles a law inserted where they stand.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, realCorpusFiles } from '../helpers.js';

interface TreeClause {
  number: string | null;
  style: string;
  heading: string | null;
  line: number;
  children: TreeClause[];
}

const french = realCorpusFiles().filter((f) => f.includes('fr-etalab-codes'));
const ARTICLE_HEADING = /^#{1,6}[ \t]+(Article[ \t].*?)[ \t]*$/;

describe('French codes: every Article heading is a numbered clause', () => {
  it('should find the four French files', () => {
    expect(french).toHaveLength(4);
  });

  it.each(french.map((f) => [basename(f), f]))('%s', async (_name, path) => {
    const headings = new Map<number, string>();
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = ARTICLE_HEADING.exec(line);
        if (m) headings.set(i + 1, m[1]!);
      });
    const r = await cli(['tree', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const byLine = new Map<number, TreeClause>();
    const walk = (cs: TreeClause[]) => cs.forEach((c) => (byLine.set(c.line, c), walk(c.children)));
    walk((JSON.parse(r.stdout) as { clauses: TreeClause[] }).clauses);

    expect(headings.size).toBeGreaterThan(800);
    const unnumbered: string[] = [];
    for (const [line, text] of headings) {
      const clause = byLine.get(line);
      // The number is the heading's whole label: `Article L121-36-1`, `Article Annexe à l'article R113-1`.
      if (clause?.style !== 'article' || clause.number === null || !text.startsWith(clause.number) || /\d-$/.test(clause.number)) unnumbered.push(`${line}: ${text}`);
      else if (/\d/.test(text.split(/\s+/)[1] ?? '')) expect(text.split(/\s+/).slice(0, 2).join(' ')).toBe(clause.number);
    }
    expect(unnumbered).toEqual([]);
  });

  it('should read hyphenated, series-lettered and decree numbers in full', async () => {
    const conso = french.find((f) => basename(f) === 'code-de-la-consommation__2014-03-19.md')!;
    const numbers: string[] = [];
    const walk = (cs: TreeClause[]) => cs.forEach((c) => (c.number && numbers.push(c.number), walk(c.children)));
    walk((JSON.parse((await cli(['tree', conso, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    expect(numbers).toEqual(expect.arrayContaining(['Article L121-36-1', 'Article L121-84-10-1', 'Article R*314-1', 'Article D215-16', 'Article préliminaire', "Article Annexe à l'article R113-1", 'Article Annexe II']));
    const civil = french.find((f) => basename(f) === 'code-civil__2015-02-18.md')!;
    const civilNumbers: string[] = [];
    const walkCivil = (cs: TreeClause[]) => cs.forEach((c) => (c.number && civilNumbers.push(c.number), walkCivil(c.children)));
    walkCivil((JSON.parse((await cli(['tree', civil, '--json'])).stdout) as { clauses: TreeClause[] }).clauses);
    expect(civilNumbers).toEqual(expect.arrayContaining(['Article 515-13', 'Article 515-14', 'Article 516']));
  });
});

interface DiffClause {
  status: string;
  old: { number: string | null } | null;
  new: { number: string | null; id: string } | null;
  children: DiffClause[];
}

describe('French codes: the Code de la consommation 2014 pair shows its new articles inserted where they stand', () => {
  it('should mark each new hyphenated article inserted, right after the article it follows', async () => {
    const before = french.find((f) => basename(f) === 'code-de-la-consommation__2014-03-18.md')!;
    const after = french.find((f) => basename(f) === 'code-de-la-consommation__2014-03-19.md')!;
    const r = await cli(['diff', before, after, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const diff = JSON.parse(r.stdout) as { clauses: DiffClause[] };
    /** Each numbered entry with a new side, with the numbered entries beside it among its siblings. */
    const placed = new Map<string, { status: string; previous: string | null; next: string | null }>();
    const walk = (cs: DiffClause[]) => {
      const present = cs.filter((c) => c.new?.number);
      present.forEach((c, i) => {
        if (c.new!.number) placed.set(c.new!.number, { status: c.status, previous: present[i - 1]?.new!.number ?? null, next: present[i + 1]?.new!.number ?? null });
      });
      cs.forEach((c) => walk(c.children));
    };
    walk(diff.clauses);
    const expected: Array<[string, string, string | null]> = [
      ['Article L121-36-1', 'Article L121-36', 'Article L121-37'],
      ['Article L121-84-10-1', 'Article L121-84-10', 'Article L121-84-11'],
      ['Article L141-1-1', 'Article L141-1', 'Article L141-1-2'],
      ['Article L141-1-2', 'Article L141-1-1', 'Article L141-2'],
      ['Article L211-16-1', 'Article L211-16', 'Article L211-17'],
      ['Article L312-32-1', 'Article L312-32', 'Article L312-33'],
      ['Article L111-5', 'Article L111-3', null],
    ];
    for (const [number, previous, next] of expected) {
      expect(placed.get(number), number).toEqual({ status: 'inserted', previous, next });
    }
    // The articles around them were there before: they are not inserted.
    for (const [, previous, next] of expected) {
      for (const n of [previous, next]) if (n && !expected.some(([e]) => e === n)) expect(placed.get(n)?.status, n).not.toBe('inserted');
    }
  });
});
