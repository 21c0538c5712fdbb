import type { ReportLang } from './types.js';

/**
 * Numbers and dates as a reader checks them. Times are shown in China Standard Time (UTC+8,
 * no daylight saving) whatever the machine's zone, so a printed page reads the same everywhere.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function cstParts(at: Date | string): { y: number; m: number; d: number; hh: string; mm: string } {
  const t = new Date(new Date(at).getTime() + CST_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: String(t.getUTCHours()).padStart(2, '0'),
    mm: String(t.getUTCMinutes()).padStart(2, '0'),
  };
}

/** 2026年11月23日 / 2026-11-23 */
export function formatDate(at: Date | string, lang: ReportLang): string {
  const p = cstParts(at);
  if (lang === 'zh') return `${p.y}年${p.m}月${p.d}日`;
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** 2026年11月23日 14:05 / 2026-11-23 14:05 */
export function formatDateTime(at: Date | string, lang: ReportLang): string {
  const p = cstParts(at);
  return `${formatDate(at, lang)} ${p.hh}:${p.mm}`;
}

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
