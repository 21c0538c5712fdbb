import type { Localized } from './localized.js';

/**
 * Times as a reader of one edition reads them: in the edition's time zone (by default China's,
 * Asia/Shanghai), never in the zone of whatever machine prints or shows them, so a page, a
 * screen and the command line say the same hour. Free of zod, so the renderer can use it too.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type Lang = 'zh' | 'en';

/** The zone an edition's dates are read in: its setting, else China's. */
export function editionTimeZone(settings: { timeZone?: string | undefined }): string {
  return settings.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Whether the runtime knows an IANA zone name such as Asia/Shanghai or Asia/Urumqi. */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const parts = format(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: "today" for an edition. */
export function dayIn(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/** 2026年11月23日 / 2026-11-23: as GB/T 9704-2012 dates a document (Arabic numerals, no padding in Chinese). */
export function formatDate(at: Date | string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  if (lang === 'zh') return `${p.year}年${p.month}月${p.day}日`;
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/** 2026年11月23日 14:05 / 2026-11-23 14:05 */
export function formatDateTime(at: Date | string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  return `${formatDate(at, lang, timeZone)} ${two(p.hour)}:${two(p.minute)}`;
}

/** 2026-11-23 14:05 in either language: the compact form of tables and the command line. */
export function formatStamp(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The zone as a note names it: 北京时间 for China's zone, else the zone's name. */
export function timeZoneName(timeZone: string = DEFAULT_TIME_ZONE): Localized {
  if (timeZone === DEFAULT_TIME_ZONE) return { zh: '北京时间', en: 'China Standard Time (UTC+8)' };
  return { zh: `${timeZone} 时间`, en: `${timeZone} time` };
}
