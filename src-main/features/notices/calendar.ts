import { correctedCalendar, tableDay, tableKnowsYear } from '../../catalog/holidays.js';
import type { CalendarCorrection, CalendarDayView } from '../../domain/notices.js';
import { dayIn } from '../../domain/time.js';
import { addDays, daysBetween, type IsoDate, type WorkCalendar } from '../../rules/working-days.js';
import type { Ctx } from '../context.js';
import { calendarCorrections } from '../repo/notices.js';

/** The working-day calendar the notices count in: the holiday table with the secretariat's corrections over it. */
export function storeCalendar(ctx: Ctx): { calendar: WorkCalendar; corrections: CalendarCorrection[] } {
  const corrections = calendarCorrections(ctx);
  return { calendar: correctedCalendar(new Map(corrections.map((c) => [c.date, c.working]))), corrections };
}

export function dayView(date: IsoDate, correction: CalendarCorrection | undefined): CalendarDayView {
  const facts = tableDay(date);
  return {
    date,
    working: correction?.working ?? facts.working,
    holiday: facts.holiday?.zh ?? null,
    makeUp: facts.makeUp,
    correction: correction ?? null,
  };
}

/** The days of a year a person checks: holidays, make-up working days and the corrected ones. */
export function notableDays(year: number, corrections: CalendarCorrection[]): CalendarDayView[] {
  const byDate = new Map(corrections.map((c) => [c.date, c]));
  const out: CalendarDayView[] = [];
  const last = `${year}-12-31`;
  for (let d = `${year}-01-01`; daysBetween(d, last) >= 0; d = addDays(d, 1)) {
    const v = dayView(d, byDate.get(d));
    if (v.holiday !== null || v.makeUp || v.correction) out.push(v);
  }
  return out;
}

/** Years in [start, end] that neither the holiday table nor any correction speaks for. */
export function uncoveredYears(start: IsoDate, end: IsoDate, corrections: CalendarCorrection[]): number[] {
  const corrected = new Set(corrections.map((c) => Number(c.date.slice(0, 4))));
  const out: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) if (!tableKnowsYear(y) && !corrected.has(y)) out.push(y);
  return out;
}

/** Today's date where the edition is (its time zone), as the notice periods are read. */
export function today(ctx: Ctx, timeZone: string): IsoDate {
  return dayIn(ctx.now(), timeZone);
}
