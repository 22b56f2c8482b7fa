/**
 * Versions in force over time, on small corpora written here: which version holds on a date,
 * when a later direction supersedes it, when its own text ends it, and what is designated ahead.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Host } from '../../src/corpus/index.js';
import { walkClauses } from '../../src/model/text.js';
import { clauseIntervalIn, designationOf, intervalOf, statusOn, timingsOf, versionInterval, versionIntervals, versionsAt, versionsInForce } from '../../src/time/index.js';

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

describe('time: one version, its clauses, and unusual designations', () => {
  const bb2 = corpus.versions.find((v) => v.meta.appendix === 'BB' && v.meta.version === '2.0')!;

  it('should give one version the interval the whole corpus gives it, and null for a version not held', () => {
    expect(versionInterval(corpus, bb2)).toMatchObject({ appendix: 'BB', version: '2.0', effective: '2022-09-01', until: '2023-03-01', expiry: { date: '2023-03-01' } });
    const elsewhere = corpusOf({ 'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']), 'aa/v1.0.md': version('AA', '1.0', 'first') });
    expect(versionInterval(corpus, elsewhere.versions[0]!)).toBeNull();
  });

  it('should hold a version\'s own expiry as a field like the others: copied with the interval, and open to change by its caller', () => {
    // Read when first asked for (its statement is looked up in the version's text), but listed,
    // spread and cloned as any other field, so a caller handing intervals on loses nothing.
    const interval = versionInterval(corpus, bb2)!;
    expect(Object.keys(interval)).toContain('expiry');
    expect({ ...interval }.expiry).toMatchObject({ kind: 'expiry', date: '2023-03-01' });
    expect(structuredClone(interval).expiry).toMatchObject({ kind: 'expiry', date: '2023-03-01' });
    // The caller owns what it was given: the field can be replaced or removed, as a plain one can.
    Object.defineProperty(interval, 'expiry', { value: null, writable: true });
    expect(interval.expiry).toBeNull();
    const other = versionInterval(corpus, bb2)!;
    expect(delete (other as { expiry?: unknown }).expiry).toBe(true);
    expect('expiry' in other).toBe(false);
  });

  it('should narrow a clause by its own statement and the document\'s', () => {
    const interval = versionInterval(corpus, bb2)!;
    const [c11, c12] = [...walkClauses(bb2.clauses)].filter((c) => c.number === '1.1' || c.number === '1.2');
    expect(clauseIntervalIn(interval, c11!)).toMatchObject({ from: '2022-09-01', until: '2023-03-01' });
    expect(clauseIntervalIn(interval, c12!)).toMatchObject({ from: '2022-09-01', until: '2023-02-01' });
  });

  it('should read a version\'s statements once', () => {
    expect(timingsOf(bb2)).toBe(timingsOf(bb2));
  });

  it('should take the entry for the version when a direction designates two, and the direction\'s date when it lists none', () => {
    const two = corpusOf({
      'directions/both.md': direction('both', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0", effective: 2022-01-01 }', '{ document: AA, version: "2.0", effective: 2022-03-01 }']),
      'directions/bare.md': direction('bare', '2022-05-01', '2022-05-02', []),
      'aa/v1.0.md': version('AA', '1.0', 'both'),
      'aa/v2.0.md': version('AA', '2.0', 'both'),
      'aa/v3.0.md': version('AA', '3.0', 'bare'),
    });
    expect(versionIntervals(two).map((v) => [v.version, v.effective, v.until])).toEqual([
      ['1.0', '2022-01-01', '2022-03-01'],
      ['2.0', '2022-03-01', '2022-05-02'],
      ['3.0', '2022-05-02', null],
    ]);
  });

  it('should chain versions by effective date, not by version number', () => {
    const backwards = corpusOf({
      'directions/late.md': direction('late', '2022-12-01', '2023-01-01', ['{ document: AA, version: "1.0" }']),
      'directions/early.md': direction('early', '2021-12-01', '2022-01-01', ['{ document: AA, version: "2.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'late'),
      'aa/v2.0.md': version('AA', '2.0', 'early'),
    });
    expect(versionIntervals(backwards).map((v) => [v.version, v.effective, v.until])).toEqual([
      ['1.0', '2023-01-01', null],
      ['2.0', '2022-01-01', '2023-01-01'],
    ]);
  });

  it('should end a version at the earliest expiry of the whole document, and never by a commencement', () => {
    const texts = corpusOf({
      'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }', '{ document: BB, version: "1.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'first', '1.1 This Document shall cease to have effect on 1 May 2023.\n\n1.2 This Document shall expire on 1 March 2023.'),
      'bb/v1.0.md': version('BB', '1.0', 'first', '1.1 This Document shall come into force on 1 March 2023.'),
    });
    expect(versionIntervals(texts).map((v) => [v.appendix, v.until, v.expiry?.date ?? null])).toEqual([
      ['AA', '2023-03-01', '2023-03-01'],
      ['BB', null, null],
    ]);
  });

  it('should leave a version superseded, not expired, when its text ends it on or after the next one\'s start', () => {
    const files = (expires: string) =>
      corpusOf({
        'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
        'directions/second.md': direction('second', '2022-05-01', '2022-06-01', ['{ document: AA, version: "2.0" }']),
        'aa/v1.0.md': version('AA', '1.0', 'first', `1.1 This Document shall cease to have effect on ${expires}.`),
        'aa/v2.0.md': version('AA', '2.0', 'second'),
      });
    for (const expires of ['1 June 2022', '1 July 2022']) {
      const [first] = versionIntervals(files(expires));
      expect([first!.until, first!.expiry, statusOn(first!, '2022-06-01')], expires).toEqual(['2022-06-01', null, 'superseded']);
    }
    const [first] = versionIntervals(files('31 May 2022'));
    expect([first!.until, first!.expiry?.date, statusOn(first!, '2022-06-01')]).toEqual(['2022-05-31', '2022-05-31', 'expired']);
  });

  it('should list documents in alphabetical order whatever order their files are in', () => {
    const files = corpusOf({
      'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: ZZ, version: "1.0" }', '{ document: AA, version: "1.0" }']),
      'a.md': version('ZZ', '1.0', 'first'),
      'b.md': version('AA', '1.0', 'first'),
    });
    expect(versionsAt(files, '2022-02-01').map((d) => d.appendix)).toEqual(['AA', 'ZZ']);
  });

  it('should name as expired the version whose end is latest, unless a later version has taken effect since', () => {
    // 2.0 took effect before 1.0 and ended itself first; on 1 April 2023 both have ended.
    const crossed = corpusOf({
      'directions/late.md': direction('late', '2022-12-01', '2023-01-01', ['{ document: AA, version: "1.0" }']),
      'directions/early.md': direction('early', '2021-12-01', '2022-01-01', ['{ document: AA, version: "2.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'late', '1.1 This Document shall cease to have effect on 1 March 2023.'),
      'aa/v2.0.md': version('AA', '2.0', 'early', '1.1 This Document shall cease to have effect on 1 June 2022.'),
    });
    expect(versionsAt(crossed, '2023-04-01').map((d) => [d.inForce?.version ?? null, d.expired?.version ?? null])).toEqual([[null, '1.0']]);
    expect(versionsAt(crossed, '2022-07-01').map((d) => [d.inForce?.version ?? null, d.expired?.version ?? null])).toEqual([[null, '2.0']]);
    // Three ended versions, the latest-ending one in the middle of the files' order.
    const three = corpusOf({
      'directions/a.md': direction('a', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
      'directions/b.md': direction('b', '2022-12-01', '2023-01-01', ['{ document: AA, version: "2.0" }']),
      'directions/c.md': direction('c', '2022-06-15', '2022-07-01', ['{ document: AA, version: "3.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'a', '1.1 This Document shall cease to have effect on 1 June 2022.'),
      'aa/v2.0.md': version('AA', '2.0', 'b', '1.1 This Document shall cease to have effect on 1 March 2023.'),
      'aa/v3.0.md': version('AA', '3.0', 'c', '1.1 This Document shall cease to have effect on 1 September 2022.'),
    });
    expect(versionsAt(three, '2023-04-01').map((d) => [d.inForce?.version ?? null, d.expired?.version ?? null])).toEqual([[null, '2.0']]);
    // 2.0 takes effect after 1.0 has ended, its own text having ended it before it began: 1.0's
    // expiry is history from the day 2.0 takes effect, though nothing is in force.
    const replaced = corpusOf({
      'directions/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']),
      'directions/second.md': direction('second', '2022-05-01', '2022-06-01', ['{ document: AA, version: "2.0" }']),
      'aa/v1.0.md': version('AA', '1.0', 'first', '1.1 This Document shall cease to have effect on 1 March 2022.'),
      'aa/v2.0.md': version('AA', '2.0', 'second', '1.1 This Document shall cease to have effect on 1 February 2022.'),
    });
    const at = (date: string) => versionsAt(replaced, date).map((d) => [d.inForce?.version ?? null, d.expired?.version ?? null]);
    expect(at('2022-05-31')).toEqual([[null, '1.0']]);
    expect(at('2022-06-01')).toEqual([[null, null]]);
  });

  it('should list nothing as designated before its direction is made', () => {
    expect(summary('2021-11-30')).toEqual([
      ['AA', null, null, ''],
      ['BB', null, null, ''],
      ['CC', null, null, ''],
    ]);
  });
});
