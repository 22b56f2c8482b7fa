/**
 * Dates and durations as the SEC writes them, and calendar arithmetic. Every expected value is
 * written by hand; the day numbers were read off GNU `date -u -d D +%s` / 86400.
 */
import { describe, expect, it } from 'vitest';
import { ISO_DURATION, addDays, findDates, findDurations, parseDatePhrase } from '../../src/time/index.js';
import { dayNumber, fromDayNumber } from '../../src/time/dates.js';

const DAY_NUMBERS: Array<[string, number]> = [
  ['1970-01-01', 0],
  ['1969-12-31', -1],
  ['2000-02-29', 11016],
  ['2000-03-01', 11017],
  ['1900-03-01', -25508],
  ['2022-06-10', 19153],
  ['1600-01-01', -135140],
  ['0001-01-01', -719162],
  ['2024-12-31', 20088],
];

describe('time/dates: day numbers', () => {
  it.each(DAY_NUMBERS)('should number %s as day %i since 1970-01-01, and back', (date, days) => {
    expect(dayNumber(date)).toBe(days);
    expect(fromDayNumber(days)).toBe(date);
  });

  it('should step over month ends, leap days and century years as the Gregorian calendar does', () => {
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-25', 10)).toBe('2024-01-04');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2022-06-10', 0)).toBe('2022-06-10');
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(addDays('2022-04-30', 1)).toBe('2022-05-01');
    expect(addDays('2022-10-31', 1)).toBe('2022-11-01');
  });
});

describe('time/dates: dates in text', () => {
  it('should read every month, full or short, with or without an ordinal, a full stop or a comma', () => {
    const written: Array<[string, string]> = [
      ['1 January 2022', '2022-01-01'],
      ['2nd Feb 2022', '2022-02-02'],
      ['3rd March 2022', '2022-03-03'],
      ['4th Apr. 2022', '2022-04-04'],
      ['5 May 2022', '2022-05-05'],
      ['6 Jun 2022', '2022-06-06'],
      ['7 July 2022', '2022-07-07'],
      ['08 Aug 2022', '2022-08-08'],
      ['9 Sept 2022', '2022-09-09'],
      ['10 October, 2022', '2022-10-10'],
      ['11th November 2022', '2022-11-11'],
      ['31 Dec 2022', '2022-12-31'],
      ['21st  September   2022', '2022-09-21'],
    ];
    for (const [text, date] of written) expect(findDates(text), text).toEqual([{ text, date, index: 0 }]);
  });

  it('should give each date in running text as written, where it starts, in order', () => {
    const text = 'Made on 9 June 2022, effective 2022-06-10; reviewed by 1st July 2023.';
    expect(findDates(text)).toEqual([
      { text: '9 June 2022', date: '2022-06-09', index: 8 },
      { text: '2022-06-10', date: '2022-06-10', index: 31 },
      { text: '1st July 2023', date: '2023-07-01', index: 55 },
    ]);
    // A second call starts from the beginning again.
    expect(findDates(text)).toHaveLength(3);
  });

  it('should skip impossible dates and words that only look like dates', () => {
    expect(findDates('31 June 2022')).toEqual([]);
    expect(findDates('29 February 2023')).toEqual([]);
    expect(findDates('29 February 2024')).toEqual([{ text: '29 February 2024', date: '2024-02-29', index: 0 }]);
    expect(findDates('2022-13-01 and 2022-02-30')).toEqual([]);
    expect(findDates('A10 June 2022')).toEqual([]);
    expect(findDates('10 Juneteenth 2022')).toEqual([]);
    expect(findDates('10 June 20223')).toEqual([]);
    expect(findDates('123 June 2022')).toEqual([]);
    expect(findDates('10 Mayday 2022')).toEqual([]);
  });

  it('should parse a phrase that is exactly one date, and nothing else', () => {
    expect(parseDatePhrase('10 June 2022')).toBe('2022-06-10');
    expect(parseDatePhrase('  2022-06-10 \n')).toBe('2022-06-10');
    expect(parseDatePhrase('on 10 June 2022')).toBeNull();
    expect(parseDatePhrase('10 June 2022 onwards')).toBeNull();
    expect(parseDatePhrase('10 June 2022 or 11 June 2022')).toBeNull();
    expect(parseDatePhrase('31 June 2022')).toBeNull();
    expect(parseDatePhrase('')).toBeNull();
  });
});

describe('time/dates: durations', () => {
  it('should read the amount in digits or words, and the unit, with its ISO 8601 form', () => {
    const cases: Array<[string, number, string, string | null]> = [
      ['14 days', 14, 'day', 'P14D'],
      ['1 day', 1, 'day', 'P1D'],
      ['fourteen (14) days', 14, 'day', 'P14D'],
      ['ninety  days', 90, 'day', 'P90D'],
      ['5 Working Days', 5, 'working-day', null],
      ['10 business day', 10, 'working-day', null],
      ['2 calendar days', 2, 'day', 'P2D'],
      ['three calendar months', 3, 'month', 'P3M'],
      ['12 months', 12, 'month', 'P12M'],
      ['one week', 1, 'week', 'P1W'],
      ['Two Weeks', 2, 'week', 'P2W'],
      ['2 years', 2, 'year', 'P2Y'],
      ['sixty year', 60, 'year', 'P60Y'],
    ];
    for (const [text, amount, unit, iso] of cases) expect(findDurations(text), text).toEqual([{ text, amount, unit, iso, index: 0 }]);
  });

  it('should find every duration in a sentence, where each starts, and none inside other words', () => {
    expect(findDurations('within 5 Working Days, and no later than 30 days after; 12monthly reports')).toEqual([
      { text: '5 Working Days', amount: 5, unit: 'working-day', iso: null, index: 7 },
      { text: '30 days', amount: 30, unit: 'day', iso: 'P30D', index: 41 },
    ]);
    expect(findDurations('someone days')).toEqual([]);
    expect(findDurations('14 daysx')).toEqual([]);
  });

  it('should accept only ISO 8601 durations of whole calendar units', () => {
    for (const ok of ['P14D', 'P12M', 'P1Y6M', 'P2W', 'P1Y2M3W4D']) expect(ISO_DURATION.test(ok), ok).toBe(true);
    for (const bad of ['P', 'PT1H', 'P1M2Y', 'xP1D', 'P1D ', '14D', 'P1.5D', 'PD']) expect(ISO_DURATION.test(bad), bad).toBe(false);
  });
});
