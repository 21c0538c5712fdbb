import { z } from 'zod';
import { toCenti, toPoints } from '../domain/centi.js';
import type { ApplicantRef } from '../domain/people.js';
import { byText } from '../domain/order.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import { StageSchema } from '../domain/vocabulary.js';
import { cite, type Reasons } from './cite.js';

/**
 * The shortlist (入围名单) after a stage: only the top applicants go on to the later stages
 * (Wuxi art. 11(3): 20 after the material review). Some regulations fix the size, others leave
 * it to the edition.
 */

/** size: fixed by the regulation, or 'edition' = set per edition; null = no shortlist */
export const ShortlistProfile = z
  .strictObject({ afterStage: StageSchema, size: z.union([z.number().int().min(1), z.literal('edition')]) })
  .nullable();
export type ShortlistProfile = z.infer<typeof ShortlistProfile>;

export const ShortlistSizeSetting = z.number().int().min(1);

export const ShortlistEffective = z.strictObject({ afterStage: StageSchema, size: z.number().int().min(1) }).nullable();
export type ShortlistEffective = z.infer<typeof ShortlistEffective>;

/** The shortlist must follow a scored stage that has a later scored stage. */
export function checkShortlist(shortlist: ShortlistProfile, stages: readonly Stage[]): Reasons {
  if (!shortlist) return [];
  const at = stages.indexOf(shortlist.afterStage);
  if (at >= 0 && at < stages.length - 1) return [];
  return [
    {
      zh: `入围名单须在某个评分环节之后、且其后还有评分环节（实际在${STAGE_NAMES[shortlist.afterStage].zh}之后）`,
      en: `the shortlist must follow a scored stage that has a later scored stage (found after ${STAGE_NAMES[shortlist.afterStage].en})`,
    },
  ];
}

export function resolveShortlist(
  profile: { shortlist: ShortlistProfile; sources: Record<string, string> },
  given: number | undefined,
  reasons: Reasons,
): ShortlistEffective {
  if (!profile.shortlist) {
    if (given !== undefined) {
      reasons.push({
        zh: '本办法没有材料评审后的入围名单，不能设置入围数量',
        en: 'this regulation has no shortlist after the material review, so no shortlist size can be set',
      });
    }
    return null;
  }
  const { afterStage, size } = profile.shortlist;
  if (size !== 'edition') {
    if (given !== undefined && given !== size) {
      const source = cite(profile.sources, 'shortlist');
      reasons.push({
        zh: `入围数量由办法规定为 ${size}，不能改为 ${given}${source.zh}`,
        en: `the shortlist size is fixed at ${size} by the regulation and cannot be set to ${given}${source.en}`,
      });
    }
    return { afterStage, size };
  }
  if (given === undefined) {
    reasons.push({
      zh: '办法未规定进入现场评审的数量，须在本届设置中填写入围数量',
      en: 'the regulation leaves the shortlist size open; set it for this edition',
    });
    return { afterStage, size: 1 };
  }
  return { afterStage, size: given };
}

export interface ShortlistOutcome {
  applicantIds: string[];
  size: number;
  tieAtCut: boolean;
  /** the applicants sharing the score at the cut, when that group made the list longer than size */
  tiedAtCut: string[];
  cutScore: number | null;
}

/**
 * The top `size` applicants by panel score in the shortlist stage. Applicants tied at the cut
 * are all kept and reported, because the committee, not the order of a list, decides between
 * them.
 */
export function shortlistAfter(
  shortlist: ShortlistEffective,
  applicants: ApplicantRef[],
  scoreOf: (applicantId: string, stage: Stage) => number | null,
): ShortlistOutcome | null {
  if (!shortlist) return null;
  const { afterStage, size } = shortlist;
  const scored = applicants
    .map((a) => ({ a, score: scoreOf(a.id, afterStage) }))
    .filter((x): x is { a: ApplicantRef; score: number } => x.score !== null)
    .map((x) => ({ ...x, centi: toCenti(x.score) }))
    .sort((x, y) => y.centi - x.centi || byText(x.a.code, y.a.code) || byText(x.a.id, y.a.id));

  const last = scored[Math.min(size, scored.length) - 1];
  const included = last ? scored.filter((x) => x.centi >= last.centi) : [];
  const tieAtCut = included.length > size;
  return {
    applicantIds: included.map((x) => x.a.id),
    size,
    tieAtCut,
    tiedAtCut: tieAtCut && last ? included.filter((x) => x.centi === last.centi).map((x) => x.a.id) : [],
    cutScore: last ? toPoints(last.centi) : null,
  };
}
