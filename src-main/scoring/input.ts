import type { ApplicantRef, ExpertRef } from '../domain/people.js';
import { namer } from '../domain/names.js';
import { STAGE_NAMES } from '../domain/words.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EffectiveRules } from '../profile/effective.js';
import type { EligibleLevels } from '../rules/floors-caps.js';
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
  /** every expert a seat or sheet names: flags and refusals name them by code and name */
  experts: ExpertRef[];
  seats: PanelSeat[];
  sheets: SubmittedSheet[];
  /** applicants who withdrew: not ranked, listed with the reason */
  withdrawn?: WithdrawnApplicant[];
  /** the award levels the eligibility check lets each applicant be placed at; one not named may be placed at any */
  eligibleLevels?: EligibleLevels;
}

const seatKey = (applicantId: string, stage: string): string => `${applicantId}\u0000${stage}`;

/** How the refusals name things: people and applicants by code and name, never by id. */
interface Names {
  expert(id: string): Localized;
  applicant(id: string): Localized;
}

const UNKNOWN_APPLICANT: Localized = { zh: '本届没有的申报单位', en: 'an applicant not in this edition' };

function namesOf(input: EditionInput): Names {
  const codes = new Map(input.applicants.map((a) => [a.id, a.code]));
  return {
    expert: namer(input.experts),
    applicant(id) {
      const code = codes.get(id);
      return code === undefined ? UNKNOWN_APPLICANT : { zh: code, en: code };
    },
  };
}

/** How a refusal names a sheet: built only for a sheet that has a problem. */
function sheetWords(names: Names, sheet: SubmittedSheet): Localized {
  const expert = names.expert(sheet.expertId);
  const applicant = names.applicant(sheet.applicantId);
  const stage = STAGE_NAMES[sheet.stage];
  return { zh: `${expert.zh} 对 ${applicant.zh} 的${stage.zh}评分表`, en: `${expert.en}'s ${stage.en} sheet for ${applicant.en}` };
}

function sheetProblems(input: EditionInput, names: Names, sheet: SubmittedSheet, seats: Map<string, PanelSeat>, itemCodes: ReadonlySet<string>): Localized[] {
  const { framework, rules } = input;
  const problems: Localized[] = [];
  let words: Localized | undefined;
  const w = (): Localized => (words ??= sheetWords(names, sheet));
  if (!rules.stages.some((s) => s.stage === sheet.stage)) {
    problems.push({ zh: `${w().zh}属于不计分的环节`, en: `${w().en} is for a stage that is not scored` });
  }
  const seat = seats.get(seatKey(sheet.applicantId, sheet.stage));
  if (!seat || !seat.memberIds.includes(sheet.expertId)) {
    problems.push({ zh: `${w().zh}来自不在该评审组中的专家`, en: `${w().en} comes from an expert not seated on that panel` });
  } else if (seat.recusedIds.includes(sheet.expertId)) {
    problems.push({ zh: `${w().zh}的专家已回避，不能计分`, en: `${w().en} comes from a recused expert and cannot count` });
  }
  for (const cat of framework.categories) {
    for (const item of cat.items) {
      const p = sheet.percents[item.code];
      if (p === undefined) {
        problems.push({ zh: `${w().zh}缺少评分项 ${item.code}`, en: `${w().en} has no score for item ${item.code}` });
      } else if (!isOnGrid(p, framework.percentStep)) {
        problems.push({
          zh: `${w().zh}的评分项 ${item.code} 为 ${p}%，不在 0–100% 的 ${framework.percentStep}% 步长上`,
          en: `${w().en} scores item ${item.code} at ${p}%, off the ${framework.percentStep}% grid from 0 to 100%`,
        });
      }
    }
  }
  for (const code of Object.keys(sheet.percents)) {
    if (!itemCodes.has(code)) {
      problems.push({ zh: `${w().zh}含有准则中没有的评分项 ${code}`, en: `${w().en} scores ${code}, which is not an item of the framework` });
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
  const names = namesOf(input);
  const applicantIds = new Set<string>();
  for (const a of input.applicants) {
    if (applicantIds.has(a.id)) problems.push({ zh: `申报单位 ${a.code} 重复`, en: `applicant ${a.code} is listed twice` });
    applicantIds.add(a.id);
  }
  const seats = new Map<string, PanelSeat>();
  for (const seat of input.seats) {
    const key = seatKey(seat.applicantId, seat.stage);
    if (!applicantIds.has(seat.applicantId)) {
      problems.push({ zh: `${STAGE_NAMES[seat.stage].zh}的一个评审组指向本届没有的申报单位`, en: `a ${STAGE_NAMES[seat.stage].en} panel names an applicant who is not in this edition` });
    }
    if (seats.has(key)) {
      const code = names.applicant(seat.applicantId);
      problems.push({
        zh: `申报单位 ${code.zh} 在${STAGE_NAMES[seat.stage].zh}有两个评审组`,
        en: `applicant ${code.en} has two panels in the ${STAGE_NAMES[seat.stage].en}`,
      });
    }
    seats.set(key, seat);
  }
  const itemCodes = new Set(input.framework.categories.flatMap((cat) => cat.items.map((item) => item.code)));
  const seen = new Set<string>();
  for (const sheet of input.sheets) {
    const key = `${sheet.expertId}\u0000${sheet.applicantId}\u0000${sheet.stage}`;
    if (seen.has(key)) {
      const expert = names.expert(sheet.expertId);
      const applicant = names.applicant(sheet.applicantId);
      const stage = STAGE_NAMES[sheet.stage];
      problems.push({
        zh: `${expert.zh} 对 ${applicant.zh} 的${stage.zh}提交了两份评分表`,
        en: `${expert.en} has two sheets for the ${stage.en} of ${applicant.en}`,
      });
    }
    seen.add(key);
    problems.push(...sheetProblems(input, names, sheet, seats, itemCodes));
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
