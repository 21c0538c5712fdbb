import type { Localized } from '../domain/localized.js';
import { nameList } from '../domain/names.js';
import { byText } from '../domain/order.js';
import type { ApplicantRef } from '../domain/people.js';
import type { EffectiveRules } from '../profile/effective.js';
import type { Flag, StageResult } from '../domain/scores.js';
import { type Stage, STAGE_NAMES } from '../domain/words.js';
import type { TieAtCap } from '../rules/floors-caps.js';
import type { ShortlistOutcome } from '../rules/shortlist.js';

const LEVEL = {
  award: { zh: '市长质量奖', en: 'award' },
  nomination: { zh: '提名奖', en: 'nomination' },
};
const KIND = { unit: { zh: '单位', en: 'units' }, individual: { zh: '个人', en: 'individuals' } };

/**
 * The flags one stage result raises, each saying what the secretariat should do about it. Experts
 * are named as people know them (`nameOf`: code and name), never by their internal id.
 */
export function stageFlags(rules: EffectiveRules, applicant: ApplicantRef, result: StageResult, nameOf: (expertId: string) => Localized): Flag[] {
  const stage = result.stage;
  const where = { zh: `${applicant.code} ${STAGE_NAMES[stage].zh}`, en: `${applicant.code}, ${STAGE_NAMES[stage].en}` };
  const flags: Flag[] = [];
  for (const d of result.disagreements) {
    flags.push({
      code: 'disagreement',
      applicantId: applicant.id,
      stage,
      itemCode: d.itemCode,
      detail: {
        zh: `${where.zh}：评分项 ${d.itemCode} 的专家打分在 ${d.min}%–${d.max}% 之间，相差 ${d.max - d.min} 个百分点，超过 ${rules.disagreement.threshold} 个百分点的阈值；请组长组织合议。`,
        en: `${where.en}: experts scored item ${d.itemCode} between ${d.min}% and ${d.max}%, ${d.max - d.min} points apart, above the ${rules.disagreement.threshold}-point threshold; the panel leader should hold a consensus discussion.`,
      },
    });
  }
  if (result.undersized) {
    const active = result.expertTotals.length + result.missingExpertIds.length;
    flags.push({
      code: 'undersized-panel',
      applicantId: applicant.id,
      stage,
      detail: {
        zh: `${where.zh}：回避后评审组只剩 ${active} 人，少于最少 ${rules.panelSize.min} 人；请增派专家。`,
        en: `${where.en}: after recusals the panel has ${active} experts, fewer than the minimum of ${rules.panelSize.min}; add experts to the panel.`,
      },
    });
  }
  if (result.missingExpertIds.length > 0) {
    // in the order of the experts' codes, as the secretariat lists them
    const names = nameList(result.missingExpertIds.map(nameOf).sort((a, b) => byText(a.zh, b.zh)));
    flags.push({
      code: 'missing-sheets',
      applicantId: applicant.id,
      stage,
      detail: {
        zh: `${where.zh}：尚有 ${result.missingExpertIds.length} 名专家未提交评分表（${names.zh}），该环节得分为暂定。`,
        en: `${where.en}: ${result.missingExpertIds.length === 1 ? 'one expert has' : `${result.missingExpertIds.length} experts have`} not submitted a score sheet (${names.en}); the stage score is provisional.`,
      },
    });
  }
  return flags;
}

/**
 * A disagreement the panel's leader settled in a signed-off consensus, the difference standing:
 * the flag says so, and why, in place of asking for a consensus already held.
 */
export function settledDisagreement(flag: Flag, applicantCode: string, d: { min: number; max: number }, reason: string): Flag {
  const stage = flag.stage ? STAGE_NAMES[flag.stage] : { zh: '', en: '' };
  return {
    ...flag,
    detail: {
      zh: `${applicantCode} ${stage.zh}：评分项 ${flag.itemCode} 的专家打分在 ${d.min}%–${d.max}% 之间，经组长合议保留差异：${reason}`,
      en: `${applicantCode}, ${stage.en}: experts scored item ${flag.itemCode} between ${d.min}% and ${d.max}%; in the panel leader's consensus the difference stands: ${reason}`,
    },
  };
}

export function unseatedFlag(applicant: ApplicantRef, stage: Stage): Flag {
  return {
    code: 'missing-sheets',
    applicantId: applicant.id,
    stage,
    detail: {
      zh: `${applicant.code} ${STAGE_NAMES[stage].zh}：尚未安排评审组，没有得分；请安排评审组。`,
      en: `${applicant.code}, ${STAGE_NAMES[stage].en}: no panel is seated, so there is no score; seat a panel.`,
    },
  };
}

export function shortlistFlags(shortlist: ShortlistOutcome, codeOf: (id: string) => string, stage: Stage): Flag[] {
  if (!shortlist.tieAtCut) return [];
  const codes = shortlist.tiedAtCut.map(codeOf).join('、');
  return shortlist.tiedAtCut.map((id) => ({
    code: 'tie-at-shortlist' as const,
    applicantId: id,
    stage,
    detail: {
      zh: `${codes} 的${STAGE_NAMES[stage].zh}得分同为 ${shortlist.cutScore}，并列于第 ${shortlist.size} 名入围线，已全部列入入围名单（共 ${shortlist.applicantIds.length} 家）；请评委会确认。`,
      en: `${codes.replaceAll('、', ', ')} share the ${STAGE_NAMES[stage].en} score of ${shortlist.cutScore} at the cut of ${shortlist.size}; all are on the shortlist (${shortlist.applicantIds.length} in all); the committee should confirm.`,
    },
  }));
}

export function tieAtCapFlags(ties: TieAtCap[], codeOf: (id: string) => string): Flag[] {
  return ties.flatMap((tie) => {
    const codes = tie.applicantIds.map(codeOf);
    return tie.applicantIds.map((id) => ({
      code: 'tie-at-cap' as const,
      applicantId: id,
      detail: {
        zh: `${codes.join('、')} 完全并列（${KIND[tie.kind].zh}），${LEVEL[tie.level].zh}仅剩 ${tie.placesLeft} 个名额；程序不作取舍，请评委会决定。`,
        en: `${codes.join(', ')} are fully tied (${KIND[tie.kind].en}) with only ${tie.placesLeft} ${LEVEL[tie.level].en} places left; the program does not choose, the committee decides.`,
      },
    }));
  });
}
