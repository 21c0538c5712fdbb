import type { Localized } from '../domain/localized.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import type { ShortlistEffective } from './shortlist.js';

/**
 * Who may enter a stage (and so be assigned to its panels): everyone, unless a shortlist
 * (入围名单) after an earlier stage stands between — then only the shortlisted, and only once
 * that earlier stage has produced a panel score for every applicant, since before that the
 * shortlist is not decided. A shortlist as large as the field gates nothing.
 */
export type StageEntry = { applicantId: string; eligible: true } | { applicantId: string; eligible: false; reason: Localized };

export interface StageEntryInput {
  stages: readonly Stage[];
  shortlist: ShortlistEffective;
  stage: Stage;
  /** the applicants still in the edition (not withdrawn) */
  applicantIds: readonly string[];
  /** has a panel score in the shortlist's stage */
  scored: (applicantId: string) => boolean;
  shortlisted: ReadonlySet<string>;
}

export function stageEntries(input: StageEntryInput): StageEntry[] {
  const { shortlist, stage, applicantIds } = input;
  const open = (): StageEntry[] => applicantIds.map((applicantId) => ({ applicantId, eligible: true }));
  if (!shortlist || input.stages.indexOf(stage) <= input.stages.indexOf(shortlist.afterStage)) return open();
  if (shortlist.size >= applicantIds.length) return open();
  const after = STAGE_NAMES[shortlist.afterStage];
  const unscored = applicantIds.filter((id) => !input.scored(id)).length;
  if (unscored > 0) {
    const reason = {
      zh: `${after.zh}尚未完成（${unscored} 家单位尚无评审组得分），入围名单未定`,
      en: `the ${after.en} is not finished (${unscored} applicant(s) have no panel score yet), so the shortlist is not decided`,
    };
    return applicantIds.map((applicantId) => ({ applicantId, eligible: false, reason }));
  }
  return applicantIds.map((applicantId) =>
    input.shortlisted.has(applicantId)
      ? { applicantId, eligible: true }
      : { applicantId, eligible: false, reason: { zh: `未进入${after.zh}后的入围名单`, en: `not on the shortlist after the ${after.en}` } },
  );
}
