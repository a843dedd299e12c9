/**
 * Dates as scenarios write them ("10 January 2022", "January 10, 2022", "2022-01-10", "January 2022",
 * "1987"), read as day numbers: days since 1 January 1970, counted arithmetically so that the
 * result never depends on a clock, a time zone or the host's calendar settings.
 *
 * A date may name a day, a month or a year. `dayRange` gives its first and last day; `dayNumber`
 * gives the first. A quote may be used in a round when it could have been said by then: its first
 * day is on or before the round's last day (so a quote of 15 February fits a round dated
 * "February 2022"). Whatever cannot be read is no reason to hold a quote back.
 */
import type { Quote, Scenario } from './schema.ts';

export interface DayRange {
  /** The first day the date covers, in days since 1 January 1970. */
  first: number;
  /** The last day it covers (the same as `first` for a single day). */
  last: number;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** A month by its English name or a common abbreviation ("Jan", "Sept", "Dec."), or null. */
function monthOf(word: string): number | null {
  const name = word.toLowerCase().replace(/\.$/, '');
  if (name.length < 3) return null;
  if (name === 'sept') return 9;
  for (const [full, number] of Object.entries(MONTHS)) {
    if (full === name || (name.length === 3 && full.startsWith(name))) return number;
  }
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days from 1 January 1970 to a day of the proleptic Gregorian calendar (negative before it).
 * The "days from civil" algorithm: years are counted from 1 March, so the leap day falls last.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** A valid day, as a one-day range, or null. */
function day(year: number, month: number, dayOfMonth: number): DayRange | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
  const number = daysFromCivil(year, month, dayOfMonth);
  return { first: number, last: number };
}

function month(year: number, monthNumber: number): DayRange | null {
  if (monthNumber < 1 || monthNumber > 12) return null;
  return { first: daysFromCivil(year, monthNumber, 1), last: daysFromCivil(year, monthNumber, daysInMonth(year, monthNumber)) };
}

const YEAR = '(\\d{4})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const NAME = '([A-Za-z]+\\.?)';

const FORMATS: { pattern: RegExp; read: (parts: string[]) => DayRange | null }[] = [
  // 2022-01-10, 2022-01
  { pattern: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`), read: ([y, m, d]) => day(Number(y), Number(m), Number(d)) },
  { pattern: new RegExp(`^${YEAR}-(\\d{2})$`), read: ([y, m]) => month(Number(y), Number(m)) },
  // 10 January 2022, 10 Jan. 2022, 10 January, 2022
  {
    pattern: new RegExp(`^${DAY}\\s+${NAME},?\\s+${YEAR}$`),
    read: ([d, name, y]) => {
      const m = monthOf(name!);
      return m === null ? null : day(Number(y), m, Number(d));
    },
  },
  // January 10, 2022, Jan 10 2022
  {
    pattern: new RegExp(`^${NAME}\\s+${DAY},?\\s+${YEAR}$`),
    read: ([name, d, y]) => {
      const m = monthOf(name!);
      return m === null ? null : day(Number(y), m, Number(d));
    },
  },
  // January 2022
  {
    pattern: new RegExp(`^${NAME},?\\s+${YEAR}$`),
    read: ([name, y]) => {
      const m = monthOf(name!);
      return m === null ? null : month(Number(y), m);
    },
  },
  // 1987
  { pattern: new RegExp(`^${YEAR}$`), read: ([y]) => ({ first: daysFromCivil(Number(y), 1, 1), last: daysFromCivil(Number(y), 12, 31) }) },
];

/** The days a written date covers, or null when it cannot be read. */
export function dayRange(text: string): DayRange | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  for (const format of FORMATS) {
    const match = format.pattern.exec(trimmed);
    if (match) return format.read(match.slice(1));
  }
  return null;
}

/**
 * The day a written date names, in days since 1 January 1970: for a month or a year, its first
 * day. Null when the text cannot be read ("Early 1987", "31 February 2022", "").
 */
export function dayNumber(text: string): number | null {
  return dayRange(text)?.first ?? null;
}

/**
 * Whether the AI may use a quote in a round: the quote was said on or before the round's date
 * (for dates naming a month or a year, it could have been: its first day is on or before the
 * round's last day). True when either date cannot be read or there is no such round.
 */
export function quoteAvailableIn(scenario: Scenario, quote: Quote, roundIndex: number): boolean {
  const round = scenario.rounds[roundIndex];
  if (!round) return true;
  const said = dayRange(quote.date);
  const held = dayRange(round.date);
  if (said === null || held === null) return true;
  return said.first <= held.last;
}
