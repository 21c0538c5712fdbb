import type { ApplicantRef } from '../domain/people.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EffectiveRules } from '../profile/effective.js';
import type { PanelSeat, SubmittedSheet } from '../domain/scores.js';
import type { Localized } from '../domain/localized.js';
import { listReasons } from '../domain/reasons.js';
import { PingshenError } from '../domain/errors.js';
import { isOnGrid } from './sheet.js';

/** An applicant who withdrew (撤回申报): named in the results, never ranked. */
export interface WithdrawnApplicant {
  applicant: ApplicantRef;
  at: string;
  reason: string;
}

export interface EditionInput {
  rules: EffectiveRules;
  framework: CriteriaFramework;
  applicants: ApplicantRef[];
  seats: PanelSeat[];
  sheets: SubmittedSheet[];
  /** applicants who withdrew: not ranked, listed with the reason */
  withdrawn?: WithdrawnApplicant[];
}

const seatKey = (applicantId: string, stage: string): string => `${applicantId}\u0000${stage}`;

function sheetProblems(input: EditionInput, sheet: SubmittedSheet, seats: Map<string, PanelSeat>): Localized[] {
  const { framework, rules } = input;
  const who = `${sheet.expertId} → ${sheet.applicantId} (${sheet.stage})`;
  const problems: Localized[] = [];
  if (!rules.stages.some((s) => s.stage === sheet.stage)) {
    problems.push({ zh: `评分表 ${who} 属于不计分的环节`, en: `sheet ${who} is for a stage that is not scored` });
  }
  const seat = seats.get(seatKey(sheet.applicantId, sheet.stage));
  if (!seat || !seat.memberIds.includes(sheet.expertId)) {
    problems.push({ zh: `评分表 ${who} 的专家不在该评审组中`, en: `sheet ${who} comes from an expert not seated on that panel` });
  } else if (seat.recusedIds.includes(sheet.expertId)) {
    problems.push({ zh: `评分表 ${who} 的专家已回避，不能计分`, en: `sheet ${who} comes from a recused expert and cannot count` });
  }
  const codes = new Set<string>();
  for (const cat of framework.categories) {
    for (const item of cat.items) {
      codes.add(item.code);
      const p = sheet.percents[item.code];
      if (p === undefined) {
        problems.push({ zh: `评分表 ${who} 缺少评分项 ${item.code}`, en: `sheet ${who} has no score for item ${item.code}` });
      } else if (!isOnGrid(p, framework.percentStep)) {
        problems.push({
          zh: `评分表 ${who} 的评分项 ${item.code} 为 ${p}%，不在 0–100% 的 ${framework.percentStep}% 步长上`,
          en: `sheet ${who} scores item ${item.code} at ${p}%, off the ${framework.percentStep}% grid from 0 to 100%`,
        });
      }
    }
  }
  for (const code of Object.keys(sheet.percents)) {
    if (!codes.has(code)) {
      problems.push({ zh: `评分表 ${who} 含有准则中没有的评分项 ${code}`, en: `sheet ${who} scores ${code}, which is not an item of the framework` });
    }
  }
  return problems;
}

/**
 * Aggregation trusts nothing it is given: a sheet from a recused or unseated expert, a sheet
 * off the grid or a duplicate would silently change a ranking, so any of them refuses the whole
 * computation with every reason.
 */
export function checkEditionInput(input: EditionInput): void {
  const problems: Localized[] = [];
  const applicantIds = new Set<string>();
  for (const a of input.applicants) {
    if (applicantIds.has(a.id)) problems.push({ zh: `申报单位 ${a.id} 重复`, en: `applicant ${a.id} is listed twice` });
    applicantIds.add(a.id);
  }
  const seats = new Map<string, PanelSeat>();
  for (const seat of input.seats) {
    const key = seatKey(seat.applicantId, seat.stage);
    if (!applicantIds.has(seat.applicantId)) {
      problems.push({ zh: `评审组席位指向未知申报单位 ${seat.applicantId}`, en: `a panel seat refers to unknown applicant ${seat.applicantId}` });
    }
    if (seats.has(key)) {
      problems.push({
        zh: `申报单位 ${seat.applicantId} 在 ${seat.stage} 环节有两个评审组`,
        en: `applicant ${seat.applicantId} has two panels in stage ${seat.stage}`,
      });
    }
    seats.set(key, seat);
  }
  const seen = new Set<string>();
  for (const sheet of input.sheets) {
    const key = `${sheet.expertId}\u0000${sheet.applicantId}\u0000${sheet.stage}`;
    if (seen.has(key)) {
      problems.push({
        zh: `专家 ${sheet.expertId} 对 ${sheet.applicantId}（${sheet.stage}）提交了两份评分表`,
        en: `expert ${sheet.expertId} has two sheets for ${sheet.applicantId} (${sheet.stage})`,
      });
    }
    seen.add(key);
    problems.push(...sheetProblems(input, sheet, seats));
  }
  if (problems.length > 0) {
    const list = listReasons(problems);
    throw new PingshenError(
      'scoring.invalid-input',
      {
        zh: `无法汇总评分：${list.zh}。请先纠正评审组或评分表。`,
        en: `Cannot aggregate the scores: ${list.en}. Correct the panels or score sheets first.`,
      },
      { reasons: problems },
    );
  }
}
