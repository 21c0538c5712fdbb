import { namer } from '../../domain/names.js';
import type { ApplicantRef, ExpertRef } from '../../domain/people.js';
import type { Flag, PanelSeat, SubmittedSheet } from '../../domain/scores.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { standings } from '../../rules/recusal.js';
import { settledDisagreement } from '../../scoring/flags.js';
import { computeEditionResults, type EditionResults } from '../../scoring/results.js';
import type { Ctx } from '../context.js';
import { declarationsOfEdition } from './declarations.js';
import { getEdition } from './editions.js';
import { standingRecords } from './panel-work.js';
import { editionSeats } from './panels.js';
import { listApplicantRows, listExpertRows } from './people.js';
import { sheetRowsOfEdition, submittedPercentsOfEdition } from './sheets.js';

/**
 * An edition's results from what the store holds: every submitted sheet of a seated expert who
 * is not recused, aggregated under the edition's rules. A sheet whose expert was recused after
 * it arrived is left out, with a flag saying so.
 */
export function editionResults(ctx: Ctx, id: string): EditionResults {
  const edition = getEdition(ctx, id);
  const rules = rulesOf(edition);
  const standingOf = standings(declarationsOfEdition(ctx, id));
  const isRecused = (expertId: string, applicantId: string): boolean => standingOf(expertId, applicantId) === 'conflicted';
  const rows = listApplicantRows(ctx, id);
  const ref = (a: (typeof rows)[number]): ApplicantRef => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry });
  const applicants = rows.filter((a) => !a.withdrawn).map(ref);
  const withdrawn = rows.flatMap((a) => (a.withdrawn ? [{ applicant: ref(a), at: a.withdrawn.at, reason: a.withdrawn.reason }] : []));
  const codeOf = new Map(applicants.map((a) => [a.id, a.code]));
  const experts: ExpertRef[] = listExpertRows(ctx, id).map((e) => ({ id: e.id, code: e.code, name: e.name }));
  const expertName = namer(experts);
  const seats: PanelSeat[] = editionSeats(ctx, id).map((s) => ({
    ...s,
    recusedIds: s.memberIds.filter((m) => isRecused(m, s.applicantId)),
  }));
  const sheets: SubmittedSheet[] = [];
  const excluded: Flag[] = [];
  const percents = submittedPercentsOfEdition(ctx, id);
  const seated = new Set(seats.flatMap((s) => s.memberIds.map((m) => `${m}\u0000${s.applicantId}\u0000${s.stage}`)));
  for (const row of sheetRowsOfEdition(ctx, id, { counted: true })) {
    // a sheet from an expert no longer on the applicant's panel stays in the history, not in the score
    if (!seated.has(`${row.expert_id}\u0000${row.applicant_id}\u0000${row.stage}`)) continue;
    if (isRecused(row.expert_id, row.applicant_id)) {
      const code = codeOf.get(row.applicant_id) ?? row.applicant_id;
      const who = expertName(row.expert_id);
      excluded.push({
        code: 'recused-sheet-excluded',
        applicantId: row.applicant_id,
        stage: row.stage,
        detail: {
          zh: `专家 ${who.zh} 已被要求回避 ${code}，其${STAGE_NAMES[row.stage].zh}评分表不计入汇总。`,
          en: `Expert ${who.en} was recused from ${code}; their ${STAGE_NAMES[row.stage].en} sheet is left out of the aggregation.`,
        },
      });
      continue;
    }
    sheets.push({ expertId: row.expert_id, applicantId: row.applicant_id, stage: row.stage, percents: percents.get(row.id) ?? {} });
  }
  const results: EditionResults = computeEditionResults({ rules, framework: edition.framework, applicants, experts, seats, sheets, withdrawn });
  // a difference the leader let stand in a signed-off consensus is flagged with its reason
  const stands = new Map(
    standingRecords(ctx, id).flatMap((r) => (r.record?.flagged ?? []).filter((f) => f.resolution === 'stands').map((f) => [`${r.applicantId}\u0000${r.stage}\u0000${f.itemCode}`, f.reason])),
  );
  const flags = results.flags.map((f) => {
    const reason = f.code === 'disagreement' ? stands.get(`${f.applicantId}\u0000${f.stage}\u0000${f.itemCode}`) : undefined;
    const d = reason === undefined ? undefined : results.stageResults.find((r) => r.applicantId === f.applicantId && r.stage === f.stage)?.disagreements.find((x) => x.itemCode === f.itemCode);
    return reason !== undefined && d ? settledDisagreement(f, codeOf.get(f.applicantId!) ?? '', d, reason) : f;
  });
  return { ...results, flags: [...flags, ...excluded] };
}
