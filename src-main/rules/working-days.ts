/**
 * Working-day arithmetic for public notices and objection deadlines. Dates are calendar dates
 * (YYYY-MM-DD, no time, no zone); which of them are working days is the calendar's business, a
 * value handed in, so the same arithmetic runs on China's calendar with the secretariat's
 * corrections in the app and on any calendar a test makes up.
 */

/** A calendar date as 2026-10-01. */
export type IsoDate = string;

export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether the text is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from a to b: 0 for the same date, negative when b comes first. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday */
export function weekday(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;

/** A calendar without holidays: Monday to Friday. */
export const WEEKDAYS: WorkCalendar = { isWorkingDay: (d) => !isWeekend(d) };

/**
 * No calendar China keeps has a run of rest days this long (the longest, Spring Festival with
 * its weekends, is under two weeks); a calendar with none is a mistake, not a long wait.
 */
const LONGEST_REST = 60;

/** The n-th working day counting from `start` itself (n ≥ 1): the last day of an n-working-day period that starts there. */
export function nthWorkingDay(cal: WorkCalendar, start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a period counts at least one day, not ${n}`);
  let date = start;
  let counted = 0;
  let rest = 0;
  for (;;) {
    if (cal.isWorkingDay(date)) {
      counted++;
      rest = 0;
      if (counted === n) return date;
    } else if (++rest > LONGEST_REST) {
      throw new RangeError(`no working day in the ${LONGEST_REST} days after ${addDays(date, -LONGEST_REST)}`);
    }
    date = addDays(date, 1);
  }
}

/** Working days from `from` to `to`, both included; 0 when `to` comes first. */
export function countWorkingDays(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; daysBetween(d, to) >= 0; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

export interface NoticeLength {
  days: number;
  /** counted in working days (工作日) rather than calendar days (日 / 天) */
  working: boolean;
}

/**
 * The last day of a notice published on `start`: its n-th day, or its n-th working day. A notice
 * published on a rest day runs from that day, and its first working day is the next one.
 */
export function noticeEnd(cal: WorkCalendar, start: IsoDate, length: NoticeLength): IsoDate {
  return length.working ? nthWorkingDay(cal, start, length.days) : addDays(start, length.days - 1);
}

/**
 * "自收到之日起 n 个工作日内": the day of receipt is not counted (the usual reading of a period
 * that starts on an event), so the deadline is the n-th working day after it.
 */
export function workingDaysAfter(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  return nthWorkingDay(cal, addDays(date, 1), n);
}

/** Whether `date` falls within [start, end], both included. */
export function within(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return daysBetween(start, date) >= 0 && daysBetween(date, end) >= 0;
}
