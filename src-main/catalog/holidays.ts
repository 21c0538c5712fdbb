// the package's main file is CommonJS, whose names Node's ESM loader cannot see: its default export holds them all
import chineseDays from 'chinese-days';
import { isWeekend, type IsoDate, type WorkCalendar } from '../rules/working-days.js';

const { getDayDetail, getHolidaysInRange, isWorkday } = chineseDays;

/**
 * China's public holidays and make-up working days (调休) as the State Council publishes them
 * each year, from the kept table in the `chinese-days` package (2004 onwards, up to the last year
 * it was released for). A year it does not hold reads as Monday to Friday, so the secretariat
 * corrects its days by hand until the package is updated; a correction always wins.
 */

export interface DayFacts {
  working: boolean;
  /** 国庆节 / National Day, when the table names one */
  holiday: { zh: string; en: string } | null;
  /** a weekend day worked in exchange for a holiday */
  makeUp: boolean;
}

export function tableDay(date: IsoDate): DayFacts {
  const working = isWorkday(date);
  const parts = getDayDetail(date).name.split(',');
  const holiday = parts.length >= 2 ? { en: parts[0]!, zh: parts[1]! } : null;
  return { working, holiday, makeUp: working && isWeekend(date) };
}

const known = new Map<number, boolean>();

/** Whether the table holds the year's holidays (every year has some on a weekday: 元旦, 春节, 国庆). */
export function tableKnowsYear(year: number): boolean {
  let k = known.get(year);
  if (k === undefined) {
    k = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    known.set(year, k);
  }
  return k;
}

/** The table's calendar with the secretariat's corrections (date → working) over it. */
export function correctedCalendar(corrections: ReadonlyMap<IsoDate, boolean>): WorkCalendar {
  return { isWorkingDay: (date) => corrections.get(date) ?? isWorkday(date) };
}
