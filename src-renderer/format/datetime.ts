/**
 * Dates as the reader expects them, whatever the browser's own locale: Chinese readers get
 * 2026-11-23 14:05 (the form on official forms and in the CLI), English readers 23 Nov 2026, 14:05.
 * Always the local time of this machine, 24-hour.
 */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

export function formatDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  if (lang.startsWith('en')) return `${d.getDate()} ${EN_MONTHS[d.getMonth()]} ${d.getFullYear()}, ${time}`;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`;
}

/**
 * 2026-12-01 14:05 in the given time zone, whatever the machine's own: the form the watermark
 * carries, so a screenshot tells the same time in Beijing and on a laptop set to another zone.
 */
const zoned = new Map<string, Intl.DateTimeFormat>();

export function formatMinuteInZone(date: Date, timeZone: string): string {
  // a formatter costs milliseconds to make: one per zone
  let format = zoned.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zoned.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
