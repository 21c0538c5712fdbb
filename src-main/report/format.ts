/**
 * Numbers and dates as a reader checks them. Dates are read in the edition's time zone
 * (ReportEdition.timeZone, China's by default) whatever the machine's, by domain/time.ts, which
 * the command line and the screens share: a printed page says the same hour as the screen.
 */
export { formatDate, formatDateTime } from '../domain/time.js';

/** Scores always with two decimals, so columns line up and 27.5 reads as 27.50 everywhere. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** An expert's percent is an integer; a mean of percents gets one decimal. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? `${value}%` : `${value.toFixed(1)}%`;
}

/** points × percent, computed in hundredths of a point so that sums stay exact */
export function itemCentiScore(points: number, percent: number): number {
  return Math.round(points * percent);
}

export function centiToScore(centi: number): number {
  return centi / 100;
}

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
