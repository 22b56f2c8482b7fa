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

  it('should intersect intervals so a date is inside the result exactly when it is inside both', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    const bound = fc.option(date, { nil: null });
    fc.assert(
      fc.property(bound, bound, bound, bound, date, (f1, u1, f2, u2, d) => {
        const a = { from: f1, until: u1 };
        const b = { from: f2, until: u2 };
        expect(contains(intersect(a, b), d)).toBe(contains(a, d) && contains(b, d));
      }),
    );
  });
});
