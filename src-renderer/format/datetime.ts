/**
 * Dates as the reader expects them, whatever the browser's own locale and time zone: Chinese
 * readers get 2026-11-23 14:05 (the form on official forms and in the CLI), English readers
 * 23 Nov 2026, 14:05; 24-hour, in the edition's time zone (its `timeZone` setting, read by
 * hooks/useTimeZone), so that a screen tells the same time as the PDFs and as a colleague's
 * screen in Beijing.
 */

import { DEFAULT_TIME_ZONE } from '../../src-main/domain/time.js';

/** The zone of an edition without a setting of its own (China's), declared once in domain/time.ts. */
export { DEFAULT_TIME_ZONE };

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

// a formatter costs milliseconds to make: one per zone
const zoned = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Parts {
  let format = zoned.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    zoned.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** A stored time (ISO) to the minute, in the reader's language; what is no date shows as it came. */
export function formatDateTime(iso: string, lang: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = partsIn(d, timeZone);
  const time = `${p.hour}:${p.minute}`;
  if (lang.startsWith('en')) return `${Number(p.day)} ${EN_MONTHS[Number(p.month) - 1]} ${p.year}, ${time}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** 2026-12-01 14:05 in the given time zone, whatever the machine's own: the form the watermark carries. */
export function formatMinuteInZone(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 14:05:33, the time of day in the given zone (what "saved at" shows). */
export function formatTimeInZone(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = partsIn(date, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

const ZH_DAY = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD) as the reader writes it: the Chinese year-month-day form, or 1 Jun 2026. */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return day;
  return lang.startsWith('en') ? `${d} ${EN_MONTHS[m - 1]} ${y}` : ZH_DAY.format(new Date(Date.UTC(y, m - 1, d)));
}
