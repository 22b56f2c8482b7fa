import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, findDates, findDurations, parseDatePhrase } from '../../src/time/index.js';
import { contains, intersect } from '../../src/time/index.js';

describe('time/dates', () => {
  it('should read dates as the SEC writes them, and skip impossible ones', () => {
    expect(findDates('on 31 December 2022, from 1st July 2022, by 2022-06-10 or 31 June 2022').map((d) => [d.text, d.date])).toEqual([
      ['31 December 2022', '2022-12-31'],
      ['1st July 2022', '2022-07-01'],
      ['2022-06-10', '2022-06-10'],
    ]);
    expect(parseDatePhrase('10 Jun 2022')).toBe('2022-06-10');
    expect(parseDatePhrase('10 June 2022 and 11 June 2022')).toBeNull();
  });

  it('should read durations with their ISO 8601 form, none for working days', () => {
    expect(findDurations('within 14 days, 12 months after, 5 Working Days, fourteen (14) days and three calendar months').map((d) => [d.text, d.unit, d.iso])).toEqual([
      ['14 days', 'day', 'P14D'],
      ['12 months', 'month', 'P12M'],
      ['5 Working Days', 'working-day', null],
      ['fourteen (14) days', 'day', 'P14D'],
      ['three calendar months', 'month', 'P3M'],
    ]);
  });

  it('should add days exactly as the calendar does', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -5000, max: 5000 }), (start, n) => {
        const from = new Date(start * day).toISOString().slice(0, 10);
        expect(addDays(from, n)).toBe(new Date((start + n) * day).toISOString().slice(0, 10));
      }),
    );
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
  });

  it('should hold a date from the first day up to, not including, the end date', () => {
    const interval = { from: '2022-06-10', until: '2022-12-31' };
    const cases: Array<[string, boolean]> = [['2022-06-09', false], ['2022-06-10', true], ['2022-12-30', true], ['2022-12-31', false], ['2023-01-01', false]];
    for (const [d, inside] of cases) expect([d, contains(interval, d)]).toEqual([d, inside]);
    // No end: in force from then on. No start: prospective (designated, no date fixed), never in force.
    expect(contains({ from: '2022-06-10', until: null }, '2999-12-31')).toBe(true);
    expect(contains({ from: null, until: '2022-06-10' }, '2022-01-01')).toBe(false);
    expect(contains({ from: null, until: null }, '2022-06-10')).toBe(false);
  });

  it('should intersect intervals as these hand-worked cases say', () => {
    const cases: Array<[[string | null, string | null], [string | null, string | null], [string | null, string | null]]> = [
      [['2022-01-01', '2022-06-10'], ['2022-06-10', null], ['2022-06-10', '2022-06-10']],
      [['2022-06-10', null], ['2022-01-01', '2022-12-31'], ['2022-06-10', '2022-12-31']],
      [['2022-06-10', '2024-12-31'], ['2022-01-01', '2022-12-31'], ['2022-06-10', '2022-12-31']],
      // A prospective side keeps the result prospective.
      [[null, null], ['2022-06-10', null], [null, null]],
      [['2022-06-10', null], [null, '2022-12-31'], [null, '2022-12-31']],
    ];
    for (const [[f1, u1], [f2, u2], [from, until]] of cases) expect(intersect({ from: f1, until: u1 }, { from: f2, until: u2 })).toMatchObject({ from, until });
  });

  it('should intersect intervals so a date is inside the result exactly when it is inside both', () => {
    // The oracle is written here, not taken from the module: from included, until not; no until is
    // open-ended, no from is prospective (never in force).
    const inside = (i: { from: string | null; until: string | null }, d: string) => i.from !== null && i.from <= d && (i.until === null || d < i.until);
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const bound = fc.option(date, { nil: null });
    fc.assert(
      fc.property(bound, bound, bound, bound, date, (f1, u1, f2, u2, d) => {
        const a = { from: f1, until: u1 };
        const b = { from: f2, until: u2 };
        expect(contains(intersect(a, b), d)).toBe(inside(a, d) && inside(b, d));
        expect(contains(a, d)).toBe(inside(a, d));
      }),
    );
  });
});
