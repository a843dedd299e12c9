/**
 * Dates as scenarios write them: read to day numbers without a clock, and quotes held back until
 * the round in which they could have been said.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayRange, quoteAvailableIn } from '../src/engine/scenario/dates.ts';
import type { Quote } from '../src/engine/scenario/schema.ts';
import { geneva, genevaWith, type JsonObject } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY = 86_400_000;

/** The day number by the platform's calendar, for comparison only (the module reads no Date). */
const utcDay = (year: number, month: number, day: number) => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / DAY;
};
const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('dayNumber', () => {
  it('counts days from 1 January 1970', () => {
    expect(dayNumber('1 January 1970')).toBe(0);
    expect(dayNumber('2 January 1970')).toBe(1);
    expect(dayNumber('31 December 1969')).toBe(-1);
    expect(dayNumber('10 January 2022')).toBe(19002);
    expect(dayNumber('29 February 2000')).toBe(11016);
  });

  it('reads the same day written in every supported way', () => {
    const expected = dayNumber('10 January 2022');
    for (const text of [
      'January 10, 2022',
      'January 10 2022',
      '2022-01-10',
      '10 Jan 2022',
      '10 Jan. 2022',
      'Jan 10, 2022',
      '10th January 2022',
      '  10   January 2022 ',
      '10 JANUARY 2022',
      '10 january, 2022',
    ]) {
      expect(dayNumber(text), text).toBe(expected);
    }
  });

  it('reads a month as its first day and a year as 1 January', () => {
    expect(dayNumber('January 2022')).toBe(dayNumber('1 January 2022'));
    expect(dayNumber('Feb 2022')).toBe(dayNumber('1 February 2022'));
    expect(dayNumber('2022-02')).toBe(dayNumber('1 February 2022'));
    expect(dayNumber('Sept 1987')).toBe(dayNumber('1 September 1987'));
    expect(dayNumber('1987')).toBe(dayNumber('1 January 1987'));
  });

  it('gives null for what it cannot read, and for days that do not exist', () => {
    for (const text of [
      '',
      '   ',
      'Early 1987',
      'January–February 2022',
      '18–20 February 2022',
      'the day after tomorrow',
      '31 February 2022',
      '29 February 2023',
      '31 April 2022',
      '0 January 2022',
      '2022-13-01',
      '2022-00',
      '10 Janvier 2022',
      '10 Ja 2022',
      '87',
      '10/01/2022',
    ]) {
      expect(dayNumber(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('agrees with the calendar for any day of years 1000–9999 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const exists = new Date(utcDay(year, month, day) * DAY).getUTCDate() === day;
          const name = MONTH_NAMES[month - 1]!;
          const written = [`${day} ${name} ${year}`, `${name} ${day}, ${year}`, `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`];
          for (const text of written) {
            expect(dayNumber(text), text).toBe(exists ? utcDay(year, month, day) : null);
          }
        },
      ),
      fuzzRuns(500),
    );
  });

  it('a month runs from its first to its last day, a year from 1 January to 31 December (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const name = MONTH_NAMES[month - 1]!;
        const range = dayRange(`${name} ${year}`)!;
        expect(range.first).toBe(utcDay(year, month, 1));
        expect(range.last).toBe(utcDay(year, month + 1, 1) - 1);
        expect(dayRange(String(year).padStart(4, '0'))).toEqual({ first: utcDay(year, 1, 1), last: utcDay(year, 12, 31) });
      }),
    );
  });
});

describe('quoteAvailableIn', () => {
  // Geneva's rounds: 10, 12 and 13 January, 26 January, 17 February 2022.
  const quote = (date: string): Quote => ({ ...geneva.quotes[0]!, date });
  const rounds = geneva.rounds.map((_, index) => index);
  const availableIn = (date: string, scenario = geneva) => rounds.filter((index) => quoteAvailableIn(scenario, quote(date), index));

  it('holds a quote back until the round on or after its date', () => {
    expect(geneva.rounds.map((round) => round.date)).toEqual([
      '10 January 2022',
      '12 January 2022',
      '13 January 2022',
      '26 January 2022',
      '17 February 2022',
    ]);
    expect(availableIn('17 December 2021')).toEqual([0, 1, 2, 3, 4]);
    expect(availableIn('10 January 2022')).toEqual([0, 1, 2, 3, 4]);
    expect(availableIn('11 January 2022')).toEqual([1, 2, 3, 4]);
    expect(availableIn('13 January 2022')).toEqual([2, 3, 4]);
    expect(availableIn('1 February 2022')).toEqual([4]);
    expect(availableIn('17 February 2022')).toEqual([4]);
    expect(availableIn('18 February 2022')).toEqual([]);
  });

  it('a quote dated by month or year is available once that month or year has begun', () => {
    expect(availableIn('January 2022')).toEqual([0, 1, 2, 3, 4]);
    expect(availableIn('February 2022')).toEqual([4]);
    expect(availableIn('2022')).toEqual([0, 1, 2, 3, 4]);
    expect(availableIn('March 2022')).toEqual([]);
  });

  it('a round dated by month takes any quote of that month', () => {
    const monthly = genevaWith((doc) => ((doc.rounds as JsonObject[])[4]!.date = 'February 2022'));
    expect(availableIn('15 February 2022', monthly)).toEqual([4]);
    expect(availableIn('28 February 2022', monthly)).toEqual([4]);
    expect(availableIn('1 March 2022', monthly)).toEqual([]);
  });

  it('an unreadable date on either side never holds a quote back', () => {
    expect(availableIn('Early 2022')).toEqual([0, 1, 2, 3, 4]);
    const vague = genevaWith((doc) => ((doc.rounds as JsonObject[])[0]!.date = 'Early in the year'));
    expect(availableIn('1 February 2022', vague)).toEqual([0, 4]);
  });

  it('a round that does not exist holds nothing back', () => {
    expect(quoteAvailableIn(geneva, quote('1 March 2022'), 99)).toBe(true);
    expect(quoteAvailableIn(geneva, quote('1 March 2022'), -1)).toBe(true);
  });

  it('every bundled Geneva quote is available in its own round or earlier, and never before its date', () => {
    for (const item of geneva.quotes) {
      const first = rounds.find((index) => quoteAvailableIn(geneva, item, index));
      expect(first, item.id).toBeDefined();
      for (const index of rounds) {
        const roundDay = dayNumber(geneva.rounds[index]!.date)!;
        expect(quoteAvailableIn(geneva, item, index), `${item.id} in round ${index}`).toBe(dayNumber(item.date)! <= roundDay);
      }
    }
  });

  it('once available, a quote stays available in every later round (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 19_050 }), (day) => {
        const date = new Date(day * DAY);
        const text = `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
        const available = rounds.map((index) => quoteAvailableIn(geneva, quote(text), index));
        const first = available.indexOf(true);
        if (first >= 0) expect(available.slice(first).every(Boolean)).toBe(true);
        expect(available.every((value, index) => value === day <= dayNumber(geneva.rounds[index]!.date)!)).toBe(true);
      }),
    );
  });
});
