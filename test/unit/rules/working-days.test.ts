import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctedCalendar, tableDay, tableKnowsYear } from '../../../src-main/catalog/holidays.js';
import {
  addDays,
  countWorkingDays,
  daysBetween,
  isIsoDate,
  isWeekend,
  noticeEnd,
  nthWorkingDay,
  WEEKDAYS,
  within,
  workingDaysAfter,
  type WorkCalendar,
} from '../../../src-main/rules/working-days.js';

/**
 * China's 2026 arrangement around Spring Festival and National Day, by hand: Spring Festival
 * 15–23 February off, Saturdays 14 and 28 February worked; Mid-Autumn Friday 25 September off;
 * National Day 1–7 October off, Sunday 20 September and Saturday 10 October worked.
 */
const REST = new Set(['2026-09-25', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const MAKE_UP = new Set(['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']);
const CHINA_2026: WorkCalendar = { isWorkingDay: (d) => MAKE_UP.has(d) || (!REST.has(d) && !isWeekend(d)) };

describe('working days across National Day 2026', () => {
  it('skips the holiday week and counts the make-up Saturday', () => {
    // Wed 30 Sep is the 1st; 1–7 Oct off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12
    expect(nthWorkingDay(CHINA_2026, '2026-09-30', 1)).toBe('2026-09-30');
    expect(nthWorkingDay(CHINA_2026, '2026-09-30', 2)).toBe('2026-10-08');
    expect(nthWorkingDay(CHINA_2026, '2026-09-30', 4)).toBe('2026-10-10');
    expect(nthWorkingDay(CHINA_2026, '2026-09-30', 5)).toBe('2026-10-12');
    expect(countWorkingDays(CHINA_2026, '2026-10-01', '2026-10-07')).toBe(0);
    // 28, 29, 30 September; 8, 9, 10 October
    expect(countWorkingDays(CHINA_2026, '2026-09-28', '2026-10-11')).toBe(6);
  });

  it('counts the make-up Sunday before the holiday', () => {
    // Fri 18 Sep, Sun 20 Sep (make-up), Mon 21 Sep
    expect(nthWorkingDay(CHINA_2026, '2026-09-18', 2)).toBe('2026-09-20');
    expect(nthWorkingDay(WEEKDAYS, '2026-09-18', 2)).toBe('2026-09-21');
  });

  it('starts a notice published on a holiday on its first working day', () => {
    expect(noticeEnd(CHINA_2026, '2026-10-03', { days: 5, working: true })).toBe('2026-10-13');
    expect(noticeEnd(CHINA_2026, '2026-10-03', { days: 7, working: false })).toBe('2026-10-09');
  });

  it('does not count the day of receipt in a deadline of working days', () => {
    // received Thu 8 Oct: 9, 10 (make-up), 12, 13, 14
    expect(workingDaysAfter(CHINA_2026, '2026-10-08', 5)).toBe('2026-10-14');
    // received on the last day before the holiday: the whole week off passes first
    expect(workingDaysAfter(CHINA_2026, '2026-09-30', 1)).toBe('2026-10-08');
  });
});

describe('working days across Spring Festival 2026', () => {
  it('counts the make-up Saturdays either side of the nine days off', () => {
    // Fri 13, Sat 14 (make-up), then 15–23 off, Tue 24 …
    expect(nthWorkingDay(CHINA_2026, '2026-02-13', 2)).toBe('2026-02-14');
    expect(nthWorkingDay(CHINA_2026, '2026-02-13', 3)).toBe('2026-02-24');
    // Tue 24 … Fri 27, Sat 28 (make-up)
    expect(nthWorkingDay(CHINA_2026, '2026-02-24', 5)).toBe('2026-02-28');
    // Thu 12, Fri 13, Sat 14 (make-up), Tue 24, Wed 25
    expect(noticeEnd(CHINA_2026, '2026-02-12', { days: 5, working: true })).toBe('2026-02-25');
  });
});

describe('the kept holiday table and the secretariat’s corrections', () => {
  it('agrees with the arrangement by hand around Spring Festival and National Day 2026', () => {
    for (const [from, to] of [['2026-02-01', '2026-03-08'], ['2026-09-14', '2026-10-18']] as const) {
      for (let d: string = from; d <= to; d = addDays(d, 1)) expect([d, tableDay(d).working]).toEqual([d, CHINA_2026.isWorkingDay(d)]);
    }
  });

  it('names holidays and make-up days, and knows which years it holds', () => {
    expect(tableDay('2026-10-01')).toEqual({ working: false, holiday: { zh: '国庆节', en: 'National Day' }, makeUp: false });
    expect(tableDay('2026-10-10')).toMatchObject({ working: true, makeUp: true });
    expect(tableKnowsYear(2026)).toBe(true);
    expect(tableKnowsYear(2099)).toBe(false);
  });

  it('lets a correction override the table either way', () => {
    const cal = correctedCalendar(
      new Map([
        ['2099-01-01', false],
        ['2026-10-05', true],
      ]),
    );
    expect(cal.isWorkingDay('2099-01-01')).toBe(false);
    expect(cal.isWorkingDay('2099-01-02')).toBe(true);
    expect(cal.isWorkingDay('2026-10-05')).toBe(true);
    expect(cal.isWorkingDay('2026-10-06')).toBe(false);
  });
});

describe('working-day arithmetic on any calendar', () => {
  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  /** a calendar with rest days drawn at random, no run of rest days longer than three weeks */
  const calendar = fc.array(fc.boolean(), { minLength: 7, maxLength: 21 }).map((pattern): WorkCalendar => {
    const p = pattern.some((w) => w) ? pattern : [true, ...pattern];
    return { isWorkingDay: (d) => p[((daysBetween('2000-01-01', d) % p.length) + p.length) % p.length]! };
  });

  it('counts back the n it added', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), (cal, start, n) => {
        const end = nthWorkingDay(cal, start, n);
        expect(countWorkingDays(cal, start, end)).toBe(n);
        expect(cal.isWorkingDay(end)).toBe(true);
      }),
    );
  });

  it('ends on or after the start, and later for a longer period', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), fc.boolean(), (cal, start, n, working) => {
        const end = noticeEnd(cal, start, { days: n, working });
        expect(daysBetween(start, end)).toBeGreaterThanOrEqual(n - 1);
        expect(daysBetween(end, noticeEnd(cal, start, { days: n + 1, working }))).toBeGreaterThan(0);
        expect(within(end, start, end)).toBe(true);
      }),
    );
  });

  it('puts a deadline after the day it counts from, on a working day', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 20 }), (cal, from, n) => {
        const by = workingDaysAfter(cal, from, n);
        expect(daysBetween(from, by)).toBeGreaterThanOrEqual(n);
        expect(countWorkingDays(cal, addDays(from, 1), by)).toBe(n);
      }),
    );
  });

  it('refuses a period of no days, a calendar with no working day, and a date that does not exist', () => {
    expect(() => nthWorkingDay(WEEKDAYS, '2026-10-01', 0)).toThrow(RangeError);
    expect(() => nthWorkingDay({ isWorkingDay: () => false }, '2026-10-01', 1)).toThrow(/no working day/);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });
});
