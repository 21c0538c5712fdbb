import type { ApplicantRef } from '../../domain/people.js';
import { computeEditionResults, type EditionResults } from '../../scoring/results.js';
import type { Flag, PanelSeat, SubmittedSheet } from '../../domain/scores.js';
import { STAGE_NAMES } from '../../domain/vocabulary.js';
import type { Declaration, OwedWork } from '../../domain/review.js';
import type { SecretariatService } from '../api.js';
import type { Ctx } from '../context.js';
import { expertsWithBundle } from '../repo/bundles.js';
import { declarationsOfEdition, findDeclaration, upsertDeclaration } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { editionSeats } from '../repo/panels.js';
import { getApplicant, getExpert, listApplicantRows, listExpertRows } from '../repo/people.js';
import { findSheetRowFor, sheetRowsOfEdition, submittedPercentsOfEdition, toSheet } from '../repo/sheets.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { IdSchema } from '../../domain/values.js';
import { ImposeRecusalSchema, SheetFilterSchema } from '../schemas.js';
import { rulesOf } from '../../profile/edition.js';
import { standings } from '../../rules/recusal.js';

type ResultMethods = Pick<SecretariatService, 'owedWork' | 'imposeRecusal' | 'recusalRegister' | 'listSheets' | 'results'>;

const editionIdOf = (id: unknown): string => parseInput(IdSchema, id, { zh: '届次编号', en: 'edition id' });

export function resultMethods(ctx: Ctx): ResultMethods {
  return {
    results(editionId) {
      const id = editionIdOf(editionId);
      const edition = getEdition(ctx, id);
      const rules = rulesOf(edition);
      const standingOf = standings(declarationsOfEdition(ctx, id));
      const isRecused = (expertId: string, applicantId: string): boolean => standingOf(expertId, applicantId) === 'conflicted';
      const applicants: ApplicantRef[] = listApplicantRows(ctx, id).map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry }));
      const codeOf = new Map(applicants.map((a) => [a.id, a.code]));
      const seats: PanelSeat[] = editionSeats(ctx, id).map((s) => ({
        ...s,
        recusedIds: s.memberIds.filter((m) => isRecused(m, s.applicantId)),
      }));
      const sheets: SubmittedSheet[] = [];
      const excluded: Flag[] = [];
      const percents = submittedPercentsOfEdition(ctx, id);
      for (const row of sheetRowsOfEdition(ctx, id, { status: 'submitted' })) {
        if (isRecused(row.expert_id, row.applicant_id)) {
          const code = codeOf.get(row.applicant_id) ?? row.applicant_id;
          const expert = getExpert(ctx, row.expert_id);
          excluded.push({
            code: 'recused-sheet-excluded',
            applicantId: row.applicant_id,
            stage: row.stage,
            detail: {
              zh: `专家 ${expert.code} 已被要求回避 ${code}，其${STAGE_NAMES[row.stage].zh}评分表不计入汇总`,
              en: `expert ${expert.code} was recused from ${code}; their ${STAGE_NAMES[row.stage].en} sheet is left out of the aggregation`,
            },
          });
          continue;
        }
        sheets.push({ expertId: row.expert_id, applicantId: row.applicant_id, stage: row.stage, percents: percents.get(row.id) ?? {} });
      }
      const results: EditionResults = computeEditionResults({ rules, framework: edition.framework, applicants, seats, sheets });
      return { ...results, flags: [...results.flags, ...excluded] };
    },

    owedWork(editionId) {
      const id = editionIdOf(editionId);
      const declarations = declarationsOfEdition(ctx, id);
      const standingOf = standings(declarations);
      const declared = new Set(declarations.filter((d) => d.source === 'expert').map((d) => `${d.expertId}\u0000${d.applicantId}`));
      const withBundle = expertsWithBundle(ctx, id);
      const names = new Map(listExpertRows(ctx, id).map((e) => [e.id, e.name]));
      const owed: OwedWork[] = [];
      for (const seat of editionSeats(ctx, id)) {
        for (const expertId of seat.memberIds) {
          if (standingOf(expertId, seat.applicantId) === 'conflicted') continue;
          const base = { expertId, expertName: names.get(expertId) ?? expertId, applicantId: seat.applicantId, stage: seat.stage };
          if (!withBundle.has(expertId)) owed.push({ ...base, state: 'no-bundle' });
          else if (!declared.has(`${expertId}\u0000${seat.applicantId}`)) owed.push({ ...base, state: 'undeclared' });
          else if (findSheetRowFor(ctx, expertId, seat.applicantId, seat.stage)?.status !== 'submitted') owed.push({ ...base, state: 'not-submitted' });
        }
      }
      return owed;
    },

    imposeRecusal(input) {
      const i = parseInput(ImposeRecusalSchema, input, { zh: '回避决定', en: 'recusal' });
      const expert = getExpert(ctx, i.expertId);
      const applicant = getApplicant(ctx, i.applicantId);
      if (expert.editionId !== applicant.editionId) {
        throw refuse('recusal.other-edition', '该专家与该申报单位不属于同一届次。', 'The expert and the applicant belong to different editions.');
      }
      const existing = findDeclaration(ctx, expert.id, applicant.id, 'secretariat');
      if (existing) return existing;
      const hadSheets = sheetRowsOfEdition(ctx, expert.editionId, { expertId: expert.id, applicantId: applicant.id, status: 'submitted' }).length;
      const declaration: Declaration = {
        expertId: expert.id,
        applicantId: applicant.id,
        conflict: true,
        reason: i.reason,
        declaredAt: ctx.now(),
        source: 'secretariat',
      };
      return ctx.change('recusal.imposed', () => {
        upsertDeclaration(ctx, declaration);
        return {
          result: declaration,
          detail: { expertId: expert.id, applicantId: applicant.id, reason: i.reason, acceptedSheetsExcluded: hadSheets },
        };
      });
    },

    recusalRegister: (editionId) => declarationsOfEdition(ctx, editionIdOf(editionId)),

    listSheets(editionId, filter) {
      const id = editionIdOf(editionId);
      const f = parseInput(SheetFilterSchema, filter, { zh: '评分表筛选条件', en: 'sheet filter' });
      const edition = getEdition(ctx, id);
      return sheetRowsOfEdition(ctx, id, f ?? {}).map((r) => toSheet(ctx, r, edition.framework));
    },
  };
}
