/**
 * The annex of changes made after the review packages went out (issue 9): each one with when it
 * was made and what it changed, in the words the secretariat's audit log keeps.
 */
import type { Correction } from '../domain/corrections.js';
import { formatDateTime } from './format.js';
import { td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import type { Content, ReportLang } from './types.js';

export function correctionsTable(title: string, corrections: readonly Correction[], lang: ReportLang, timeZone: string): Content {
  const body: Content[][] = [
    [th(tr(lang, M.common.time)), th(tr(lang, M.corrections.change))],
    ...corrections.map((c) => [td(formatDateTime(c.at, lang, timeZone)), td(tr(lang, c.text))]),
  ];
  return titledTable(title, 'h2', [78, '*'], body, { rowsMayBreak: true });
}
