import type { CriteriaFramework } from '../criteria/schema.js';
import { byText } from '../domain/order.js';
import { namer } from '../domain/names.js';
import type { ApplicantRef, ExpertRef, Withdrawal } from '../domain/people.js';
import type { Localized } from '../domain/localized.js';
import type { Declaration } from '../domain/review.js';
import type { Flag, PanelSeat, SubmittedSheet } from '../domain/scores.js';
import { STAGE_NAMES, type AwardLevel, type Stage } from '../domain/words.js';
import type { EffectiveRules } from '../profile/effective.js';
import type { UpheldObjection } from '../rules/objections.js';
import { standings } from '../rules/recusal.js';
import { settledDisagreement } from './flags.js';
import { computeEditionResults, type EditionResults } from './results.js';

/**
 * What an edition's results are computed from, as records: whether a secretariat's store holds
 * them or an archive carries them (its registers and the experts' signed bundles), the same
 * records give the same results, because both go through this one function.
 */
export interface EditionRecords {
  rules: EffectiveRules;
  framework: CriteriaFramework;
  /**
   * every applicant, those who withdrew with when and why, those found ineligible, and those an
   * upheld objection to the accepted list took out of the review: none of them is ranked. `levels`:
   * the award levels the eligibility check lets it be placed at, absent where the edition does
   * not use the check
   */
  applicants: (ApplicantRef & { withdrawn: Withdrawal; ineligible?: Ineligibility; objection?: UpheldObjection; levels?: AwardLevel[] })[];
  /** to name an expert in a flag, by code and name */
  experts: ExpertRef[];
  /** who sits on the panel that reviews each applicant in each stage */
  seats: Omit<PanelSeat, 'recusedIds'>[];
  /** both sources, lifted ones included (a lifted recusal no longer recuses) */
  declarations: Declaration[];
  /** every sheet received that counts: submitted, and its version not returned to its expert */
  sheets: SubmittedSheet[];
  /** differences between the experts a panel leader let stand in a signed-off consensus */
  settled: SettledDifference[];
}

/** Found ineligible in the eligibility check (资格审核): out of the results, whatever was scored. */
export interface Ineligibility {
  at: string;
  reasons: Localized[];
  note: string | null;
}

export interface SettledDifference {
  applicantId: string;
  stage: Stage;
  itemCode: string;
  reason: string;
}

const sheetOrder = (code: (id: string) => string) => (a: SubmittedSheet, b: SubmittedSheet) =>
  byText(code(a.applicantId), code(b.applicantId)) || byText(a.stage, b.stage) || byText(a.expertId, b.expertId);

/**
 * Every sheet of a seated expert who is not recused, aggregated under the edition's rules. A
 * sheet whose expert was recused after it arrived is left out, with a flag saying so; a sheet from
 * an expert no longer on the applicant's panel stays in the history, not in the score.
 */
export function resultsFromRecords(r: EditionRecords): EditionResults {
  const standingOf = standings(r.declarations);
  const isRecused = (expertId: string, applicantId: string): boolean => standingOf(expertId, applicantId) === 'conflicted';
  const ref = (a: EditionRecords['applicants'][number]): ApplicantRef => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry });
  const out = new Set(r.applicants.filter((a) => a.ineligible || a.objection).map((a) => a.id));
  const applicants = r.applicants.filter((a) => !a.withdrawn && !out.has(a.id)).map(ref);
  const withdrawn = r.applicants.flatMap((a) => (a.withdrawn ? [{ applicant: ref(a), at: a.withdrawn.at, reason: a.withdrawn.reason }] : []));
  const codeOfApplicant = new Map(applicants.map((a) => [a.id, a.code]));
  const expertName = namer(r.experts);
  const applicantCode = (id: string): string => codeOfApplicant.get(id) ?? id;
  const seats: PanelSeat[] = r.seats.filter((s) => !out.has(s.applicantId)).map((s) => ({ ...s, recusedIds: s.memberIds.filter((m) => isRecused(m, s.applicantId)) }));
  const seated = new Set(seats.flatMap((s) => s.memberIds.map((m) => seatKey(m, s.applicantId, s.stage))));
  const sheets: SubmittedSheet[] = [];
  const excluded: Flag[] = [];
  for (const sheet of [...r.sheets].sort(sheetOrder(applicantCode))) {
    if (out.has(sheet.applicantId) || !seated.has(seatKey(sheet.expertId, sheet.applicantId, sheet.stage))) continue;
    if (isRecused(sheet.expertId, sheet.applicantId)) {
      const code = applicantCode(sheet.applicantId);
      const who = expertName(sheet.expertId);
      excluded.push({
        code: 'recused-sheet-excluded',
        applicantId: sheet.applicantId,
        stage: sheet.stage,
        detail: {
          zh: `专家 ${who.zh} 已被要求回避 ${code}，其${STAGE_NAMES[sheet.stage].zh}评分表不计入汇总。`,
          en: `Expert ${who.en} was recused from ${code}; their ${STAGE_NAMES[sheet.stage].en} sheet is left out of the aggregation.`,
        },
      });
      continue;
    }
    sheets.push(sheet);
  }
  const eligibleLevels = new Map(r.applicants.flatMap((a) => (a.levels ? [[a.id, a.levels] as const] : [])));
  const results = computeEditionResults({ rules: r.rules, framework: r.framework, applicants, experts: r.experts, seats, sheets, withdrawn, eligibleLevels });
  // a difference the leader let stand is flagged with its reason
  const stands = new Map(r.settled.map((d) => [`${d.applicantId}\u0000${d.stage}\u0000${d.itemCode}`, d.reason]));
  const flags = results.flags.map((f) => {
    const reason = f.code === 'disagreement' ? stands.get(`${f.applicantId}\u0000${f.stage}\u0000${f.itemCode}`) : undefined;
    const d = reason === undefined ? undefined : results.stageResults.find((x) => x.applicantId === f.applicantId && x.stage === f.stage)?.disagreements.find((x) => x.itemCode === f.itemCode);
    return reason !== undefined && d ? settledDisagreement(f, codeOfApplicant.get(f.applicantId!) ?? '', d, reason) : f;
  });
  return { ...results, flags: [...flags, ...excluded] };
}

function seatKey(expertId: string, applicantId: string, stage: Stage): string {
  return `${expertId}\u0000${applicantId}\u0000${stage}`;
}
