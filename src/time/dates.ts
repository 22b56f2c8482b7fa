/**
 * Dates and durations as the SEC writes them ("31 December 2022", "14 days", "5 Working Days"),
 * and calendar arithmetic on ISO `YYYY-MM-DD` strings. Pure: no clock is read here.
 */
import { isIsoDate } from '../model/sec.js';

export { isIsoDate };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

/** "31 December 2022", "1st July 2022", "31 Dec 2022", or an ISO date in running text. */
const DATE_IN_TEXT = new RegExp(String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})\.?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`, 'g');

export interface DateMention {
  /** As written. */
  text: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  index: number;
}

/** Every real calendar date written in `text`; impossible dates ("31 June 2022") are skipped. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE_IN_TEXT.lastIndex = 0;
  for (let m = DATE_IN_TEXT.exec(text); m; m = DATE_IN_TEXT.exec(text)) {
    const date = m[4] ? `${m[4]}-${m[5]}-${m[6]}` : fromParts(m[1]!, m[2]!, m[3]!);
    if (date && isIsoDate(date)) out.push({ text: m[0], date, index: m.index });
  }
  return out;
}

/** One date phrase ("10 June 2022", "2022-06-10") -> ISO; null if it is not exactly one date. */
export function parseDatePhrase(text: string): string | null {
  const found = findDates(text.trim());
  return found.length === 1 && found[0]!.text === text.trim() ? found[0]!.date : null;
}

function fromParts(day: string, month: string, year: string): string | null {
  const index = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  if (index < 0) return null;
  return `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/* ---------- durations ---------- */

export type DurationUnit = 'day' | 'working-day' | 'week' | 'month' | 'year';

export interface DurationMention {
  text: string;
  amount: number;
  unit: DurationUnit;
  /** ISO 8601 duration (`P14D`, `P12M`); null for working days, which ISO 8601 cannot express. */
  iso: string | null;
  index: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};
const AMOUNT = String.raw`(\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
// "12 months", "fourteen (14) days", "5 Working Days", "three calendar months"
const DURATION_IN_TEXT = new RegExp(
  String.raw`\b${AMOUNT}(?:\s*\(\d+\))?\s+(working\s+days?|business\s+days?|calendar\s+days?|calendar\s+months?|days?|weeks?|months?|years?)\b`,
  'gi',
);

export function findDurations(text: string): DurationMention[] {
  const out: DurationMention[] = [];
  DURATION_IN_TEXT.lastIndex = 0;
  for (let m = DURATION_IN_TEXT.exec(text); m; m = DURATION_IN_TEXT.exec(text)) {
    const raw = m[1]!.toLowerCase();
    const amount = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw]!;
    const word = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const unit: DurationUnit = /working|business/.test(word)
      ? 'working-day'
      : word.includes('day')
        ? 'day'
        : word.includes('week')
          ? 'week'
          : word.includes('month')
            ? 'month'
            : 'year';
    out.push({ text: m[0], amount, unit, iso: isoDuration(amount, unit), index: m.index });
  }
  return out;
}

function isoDuration(amount: number, unit: DurationUnit): string | null {
  switch (unit) {
    case 'day':
      return `P${amount}D`;
    case 'week':
      return `P${amount}W`;
    case 'month':
      return `P${amount}M`;
    case 'year':
      return `P${amount}Y`;
    case 'working-day':
      return null;
  }
}

/** ISO 8601 durations of whole calendar units, as rules write periods: `P14D`, `P12M`, `P1Y6M`. */
export const ISO_DURATION = /^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

/* ---------- calendar arithmetic (proleptic Gregorian, UTC days) ---------- */

/** Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (civil_from_days). */
export function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}
