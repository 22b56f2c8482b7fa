/**
 * Numbers in every common style (issue 22, class 2): hyphenated article numbers, ordered lists
 * numbered as a reader sees them, lettered sections' children, and the sequence rules for each.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { headingLabel } from '../../src/parse/labels.js';
import { checkNumbering } from '../../src/check/numbering.js';
import { walkClauses } from '../../src/model/text.js';

function parse(text: string) {
  const file = new VFile({ path: 'numbers.md' });
  const doc = parseDocument(text, file);
  return { doc, file, clauses: [...walkClauses(doc.clauses)] };
}

function sequenceMessages(text: string): string[] {
  const { doc, file } = parse(text);
  checkNumbering(doc, file);
  return file.messages.filter((m) => m.ruleId === 'number-sequence' || m.ruleId === 'duplicate-number').map((m) => `${m.line}: ${m.reason}`);
}

describe('article numbers', () => {
  it.each([
    ['Article 515-14', 'Article 515-14'],
    ['Article L121-36-1 Some heading', 'Article L121-36-1'],
    ['Art. 6-1', 'Art. 6-1'],
    ['Article R*121-1', 'Article R*121-1'],
    ['Art. L. 121-1', 'Art. L. 121-1'],
    ['Article D215-16', 'Article D215-16'],
    ['Art 316e', 'Art 316e'],
    ['Article préliminaire', 'Article préliminaire'],
    ["Article Annexe à l'article R113-1", "Article Annexe à l'article R113-1"],
    ['Article Annexe IV', 'Article Annexe IV'],
  ])('should read %s as an article numbered %s', (heading, number) => {
    expect(headingLabel(heading)).toMatchObject({ number, style: 'article' });
  });

  it.each(['Article 515-', 'Articles 3 et 4', 'Article premier chapitre'])('should leave %s unnumbered', (heading) => {
    expect(headingLabel(heading)).toBeNull();
  });

  it('should accept an inserted article, the next one and the next chapter, and report gaps and disorder', () => {
    const text = ['L121-36', 'L121-36-1', 'L121-36-2', 'L121-37', 'L122-1', 'L122-3', 'L122-3-1', 'L122-2', 'R122-9', '515', '515-1', '516']
      .map((n) => `### Article ${n}\n\nTexte de l'article ${n}.\n`)
      .join('\n');
    expect(sequenceMessages(text)).toEqual([
      '21: Unexpected clause `Article L122-3` after `Article L122-1`, expected `Article L122-2` or `Article L122-1-1` (a gap in the numbering)',
      '29: Unexpected clause `Article L122-2` after `Article L122-3-1`, expected numbers in ascending order',
    ]);
  });
});

describe('ordered lists numbered as a reader sees them', () => {
  it('should number 1., 1., 1. as 1., 2., 3. and keep rising numbers as written, gaps included', () => {
    const { clauses } = parse('## 1 Scope\n\n1.1 Lists:\n\n1. first\n1. second\n1. third\n\n1.2 A statute:\n\n6. sixth\n8. eighth (7 repealed)\n');
    expect(clauses.map((c) => c.id)).toEqual(['numbers/1', 'numbers/1.1', 'numbers/1.1(1)', 'numbers/1.1(2)', 'numbers/1.1(3)', 'numbers/1.2', 'numbers/1.2(6)', 'numbers/1.2(8)']);
    expect(clauses.map((c) => c.number)).toEqual(['1', '1.1', '1.', '2.', '3.', '1.2', '6.', '8.']);
  });

  it('should count from the first marker: 3., 3., 3. reads 3, 4, 5', () => {
    const { clauses } = parse('## 1 Scope\n\n1.1 Lists:\n\n3) a\n3) b\n3) c\n');
    expect(clauses.slice(2).map((c) => c.number)).toEqual(['3)', '4)', '5)']);
  });
});

describe('lettered sections', () => {
  const version = (extra: string) => `# Terms\n\n## J. Jay\n\n### 1. One\n\nText.\n\n### 2. Two\n\n(a) item\n\n${extra}## K. Kay\n\n### 1. Uno\n\nMore.\n`;

  it('should give the children of ## J. ids under J, stable when another section is inserted before K', () => {
    const a = parse(version('')).clauses.map((c) => c.id);
    expect(a).toEqual(['numbers/J', 'numbers/J/1', 'numbers/J/2', 'numbers/J/2(a)', 'numbers/K', 'numbers/K/1']);
    const b = parse(version('## JA. Inserted\n\n### 1. New\n\nNew text.\n\n')).clauses.map((c) => c.id);
    expect(b).toEqual(expect.arrayContaining(a));
  });

  it('should not report 1 in J and 1 in K as one number twice', () => {
    expect(sequenceMessages(version(''))).toEqual([]);
    expect(sequenceMessages('## J. Jay\n\n### 1. One\n\n### 1. Again\n')).toEqual(['5: Unexpected second clause numbered `1`, expected unique numbers (first at line 3)']);
  });
});
