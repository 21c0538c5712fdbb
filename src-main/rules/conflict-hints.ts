import type { Localized } from '../domain/localized.js';

/**
 * Conflict suggestions (利益冲突提示) from what the secretariat already holds: every regulation
 * asks for recusal where an interest exists (Hohhot art. 26, Xinyang art. 10, Daqing art. 35), and
 * Daqing art. 35 has the office correct a recusal the expert failed to declare. These are
 * warnings with their reason, never blocks: the clerk confirms each (no conflict) or imposes the
 * recusal. Pure: the service gathers the records, this decides what they suggest.
 */

export type ConflictBasis = 'organisation' | 'credit-code' | 'reviewed-before' | 'declared-before';

export interface HintExpert {
  /** the seat in this edition */
  expertId: string;
  organisation: string | null;
  creditCode: string | null;
}

export interface HintApplicant {
  applicantId: string;
  name: string;
  creditCode: string | null;
}

/** An applicant of an earlier edition, as the expert met it there. */
export interface EarlierMeeting {
  editionName: string;
  year: number;
  applicantName: string;
  creditCode: string | null;
  /** reviewed: seated on its panel; declared: a standing conflict, the expert's or the secretariat's */
  kind: 'reviewed' | 'declared';
  reason: string;
}

export interface ConflictHint {
  expertId: string;
  applicantId: string;
  basis: ConflictBasis;
  reason: Localized;
}

/** Names as people write them: spaces and the width of brackets do not make another organisation. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/** One applicant across editions: by its credit code where both have one, else by its name. */
export function sameApplicant(a: { name: string; creditCode: string | null }, b: { name: string; creditCode: string | null }): boolean {
  if (a.creditCode !== null && b.creditCode !== null) return a.creditCode === b.creditCode;
  return sameName(a.name, b.name);
}

/**
 * What to warn about for one expert and one applicant of the edition held in `year`. Earlier
 * reviews count within `recentYears`; an earlier declared conflict counts whenever it was.
 */
export function conflictHints(
  expert: HintExpert,
  applicant: HintApplicant,
  earlier: readonly EarlierMeeting[],
  edition: { year: number; recentYears: number },
): ConflictHint[] {
  const out: ConflictHint[] = [];
  const hint = (basis: ConflictBasis, reason: Localized) => out.push({ expertId: expert.expertId, applicantId: applicant.applicantId, basis, reason });
  if (expert.creditCode !== null && expert.creditCode === applicant.creditCode) {
    hint('credit-code', {
      zh: `专家所在单位与申报单位的统一社会信用代码相同（${expert.creditCode}）`,
      en: `the expert's organisation has the applicant's unified social credit code (${expert.creditCode})`,
    });
  } else if (expert.organisation !== null && sameName(expert.organisation, applicant.name)) {
    hint('organisation', { zh: `专家工作单位即申报单位（${expert.organisation}）`, en: `the expert works for the applicant (${expert.organisation})` });
  }
  const meetings = earlier.filter((m) => sameApplicant({ name: m.applicantName, creditCode: m.creditCode }, applicant));
  const declared = meetings.find((m) => m.kind === 'declared');
  if (declared) {
    hint('declared-before', {
      zh: `专家在${declared.editionName}中曾申明与该单位有利益冲突：${declared.reason}`,
      en: `the expert declared a conflict with this applicant in ${declared.editionName}: ${declared.reason}`,
    });
  }
  const reviewed = meetings
    .filter((m) => m.kind === 'reviewed' && m.year < edition.year && edition.year - m.year <= edition.recentYears)
    .sort((a, b) => b.year - a.year)[0];
  if (reviewed) {
    hint('reviewed-before', {
      zh: `专家在${reviewed.editionName}（${reviewed.year}年）评审过该单位，在 ${edition.recentYears} 年之内`,
      en: `the expert reviewed this applicant in ${reviewed.editionName} (${reviewed.year}), within ${edition.recentYears} years`,
    });
  }
  return out;
}
