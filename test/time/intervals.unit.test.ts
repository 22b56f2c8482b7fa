/**
 * Versions in force over time, on small corpora written here: which version holds on a date,
 * when a later direction supersedes it, when its own text ends it, and what is designated ahead.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { designationOf, intervalOf, statusOn, versionIntervals, versionsAt, versionsInForce } from '../../src/time/index.js';

/** A corpus held in memory: file path -> text. */
function corpusOf(files: Record<string, string>) {
  const host: Host = {
    listFiles: () => Object.keys(files).map((name) => `/docs/${name}`),
    readFile: (path) => new TextEncoder().encode(files[path.slice('/docs/'.length)]!),
    exists: (path) => path.slice('/docs/'.length) in files,
  };
  return loadCorpus('/docs', host);
}

const version = (appendix: string, number: string, direction: string, body = '1.1 The DCC shall act.') =>
  `---\nappendix: ${appendix}\nshort_name: ${appendix}AD\ntitle: ${appendix} document\nversion: "${number}"\ndesignated_by: ${direction}\n---\n\n## 1 Intro\n\n${body}\n`;

const direction = (id: string, made: string | null, effective: string | null, designates: string[]) =>
  `---\nkind: direction\nid: ${id}\ntitle: ${id}\n${made ? `made: ${made}\n` : ''}${effective ? `effective: ${effective}\n` : ''}designates:\n${designates.map((d) => `  - ${d}\n`).join('')}---\n\n## 1 Direction\n\n1.1 Directed.\n`;

const corpus = corpusOf({
  'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: BB, version: "1.0" }']),
  'directions/second.md': direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }', '{ document: BB, version: "2.0", effective: 2022-09-01 }']),
  'directions/third.md': direction('third', '2022-11-01', null, ['{ document: AA, version: "3.0" }']),
  'aa/v1.0.md': version('AA', '1.0', 'first'),
  'aa/v2.0.md': version('AA', '2.0', 'second'),
  'aa/v3.0.md': version('AA', '3.0', 'third'),
  'bb/v1.0.md': version('BB', '1.0', 'first'),
  'bb/v2.0.md': version('BB', '2.0', 'second', '1.1 This Document shall cease to have effect on 1 March 2023.\n\n1.2 This Clause shall cease to have effect on 1 February 2023.'),
  'cc/v1.0.md': version('CC', '1.0', 'missing'),
});

const summary = (date: string) =>
  versionsAt(corpus, date).map((d) => [d.appendix, d.inForce?.version ?? null, d.expired?.version ?? null, d.designated.map((v) => v.version).join(' ')]);

describe('time: version intervals', () => {
  it('should run each version from its effective date to the next one, or to the end its own text sets', () => {
    expect(versionIntervals(corpus).map((v) => [v.appendix, v.version, v.designated, v.effective, v.until, v.expiry?.date ?? null])).toEqual([
      ['AA', '1.0', '2021-12-01', '2022-01-01', '2022-06-10', null],
      ['AA', '2.0', '2022-06-09', '2022-06-10', null, null],
      ['AA', '3.0', '2022-11-01', null, null, null],
      ['BB', '1.0', '2021-12-01', '2022-01-01', '2022-09-01', null],
      ['BB', '2.0', '2022-06-09', '2022-09-01', '2023-03-01', '2023-03-01'],
      ['CC', '1.0', null, null, null, null],
    ]);
  });

  it('should take a designation\'s own effective date over its direction\'s, and none without a direction', () => {
    const bb2 = corpus.versions.find((v) => v.meta.appendix === 'BB' && v.meta.version === '2.0')!;
    expect(designationOf(corpus, bb2)).toMatchObject({ effective: '2022-09-01', direction: { meta: { id: 'second' } } });
    const cc = corpus.versions.find((v) => v.meta.appendix === 'CC')!;
    expect(designationOf(corpus, cc)).toEqual({ direction: null, effective: null });
    expect(intervalOf(corpus, bb2)?.until).toBe('2023-03-01');
  });

  it('should name the status on each side of every boundary', () => {
    const [aa1, aa2, aa3, , bb2] = versionIntervals(corpus);
    expect(statusOn(aa1!, '2021-12-31')).toBe('not-yet-in-force');
    expect(statusOn(aa1!, '2022-01-01')).toBe('in-force');
    expect(statusOn(aa1!, '2022-06-09')).toBe('in-force');
    expect(statusOn(aa1!, '2022-06-10')).toBe('superseded');
    expect(statusOn(aa2!, '2030-01-01')).toBe('in-force');
    expect(statusOn(aa3!, '2030-01-01')).toBe('prospective');
    expect(statusOn(bb2!, '2023-02-28')).toBe('in-force');
    expect(statusOn(bb2!, '2023-03-01')).toBe('expired');
  });

  it('should list what is in force, expired and designated ahead on a date', () => {
    expect(summary('2021-12-15')).toEqual([
      ['AA', null, null, '1.0'],
      ['BB', null, null, '1.0'],
      ['CC', null, null, ''],
    ]);
    expect(summary('2022-06-09')).toEqual([
      ['AA', '1.0', null, '2.0'],
      ['BB', '1.0', null, '2.0'],
      ['CC', null, null, ''],
    ]);
    expect(summary('2022-11-01')).toEqual([
      ['AA', '2.0', null, '3.0'],
      ['BB', '2.0', null, ''],
      ['CC', null, null, ''],
    ]);
    expect(summary('2023-03-01')).toEqual([
      ['AA', '2.0', null, '3.0'],
      ['BB', null, '2.0', ''],
      ['CC', null, null, ''],
    ]);
    expect(versionsInForce(corpus, '2022-09-01').map((v) => `${v.appendix} ${v.version}`)).toEqual(['AA 2.0', 'BB 2.0']);
  });

  it('should not report an expiry once a later version has taken effect', () => {
    const later = corpusOf({
      'directions/first.md': direction('first', '2022-01-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
      'directions/second.md': direction('second', '2023-05-01', '2023-06-01', ['{ document: AA, version: "2.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'first', '1.1 This Document shall cease to have effect on 1 March 2023.'),
      'aa/v2.0.md': version('AA', '2.0', 'second'),
    });
    const at = (date: string) => versionsAt(later, date).map((d) => [d.inForce?.version ?? null, d.expired?.version ?? null, d.designated.map((v) => v.version).join(' ')]);
    expect(at('2023-04-01')).toEqual([[null, '1.0', '']]);
    expect(at('2023-05-01')).toEqual([[null, '1.0', '2.0']]);
    expect(at('2023-06-01')).toEqual([['2.0', null, '']]);
  });
});
