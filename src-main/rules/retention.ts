import type { Localized } from '../domain/localized.js';

/**
 * Record retention (资料保存): how long an edition's review records must be kept. Daqing art. 36
 * keeps them ten years; the other regulations set no period. The period counts whole calendar
 * years after the year of the edition, so the records of a 2025 edition kept ten years are kept
 * to the end of 2035. Within it, an edition (or its store) is deleted only once a verified archive
 * of it exists.
 */
export interface Retention {
  /** null: the profile sets no period */
  years: number | null;
  /** the last day (YYYY-MM-DD) the records must be kept, null without a period */
  until: string | null;
  /** the article the period comes from, as the profile cites it */
  basis: string | null;
}

export function retentionOf(profile: { retentionYears: number | null; sources: Record<string, string> }, editionYear: number): Retention {
  const years = profile.retentionYears;
  return {
    years,
    until: years === null ? null : `${editionYear + years}-12-31`,
    basis: profile.sources.retentionYears ?? null,
  };
}

/** Whether the period still runs on the given day (YYYY-MM-DD, the reader's calendar). */
export function inRetention(r: Retention, today: string): boolean {
  return r.until !== null && today <= r.until;
}

/** The period as a line of a cover or a refusal. */
export function retentionText(r: Retention): Localized {
  if (r.years === null || r.until === null) {
    return { zh: '本届所用规则未规定资料保存期限', en: 'the rules of this edition set no retention period' };
  }
  // the profiles cite each article as "中文 / English"
  const [zh, en] = r.basis ? [r.basis.split(' / ')[0], r.basis.split(' / ')[1] ?? r.basis] : [undefined, undefined];
  return {
    zh: `保存 ${r.years} 年，至 ${r.until}${zh ? `（${zh}）` : ''}`,
    en: `kept ${r.years} years, until ${r.until}${en ? ` (${en})` : ''}`,
  };
}
