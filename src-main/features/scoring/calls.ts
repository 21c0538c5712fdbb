import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { itemCodeSet } from '../../criteria/items.js';
import type { CriteriaFramework } from '../../criteria/schema.js';
import { refuse } from '../../domain/errors.js';
import { ItemScoreSchema, ScoreSheetSchema, SheetReturnSchema, SheetVersionSchema, type ItemScore, type ScoreSheet } from '../../domain/review.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { StageSchema } from '../../domain/vocabulary.js';
import { isOnGrid } from '../../scoring/sheet.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { meIn, requireAssigned, requireClear } from '../gates.js';
import { getEdition } from '../repo/editions.js';
import { findSheetRow, findSheetRowFor, insertItems, insertSheet, itemsOf, markSubmitted, recordVersion, returnSheet, returnsOfEdition, sheetsOfEdition, toSheet, versionsOfEdition, type SheetRow } from '../repo/sheets.js';
import { itemWriter } from './item-writer.js';

/** Score sheets (评分表): the expert opens, scores item by item, and submits; then it is locked. */

function sheetNotFound(id: string): Error {
  return refuse('sheet.not-found', '找不到该评分表。请从评审任务列表重新打开。', 'No such score sheet. Open it again from your assignments.', { sheetId: id });
}

function locked(): Error {
  return refuse('sheet.locked', '该评分表已提交并锁定，不能再修改。', 'This score sheet has been submitted and is locked; it cannot change.');
}

function load(ctx: Ctx, id: string): { row: SheetRow; framework: CriteriaFramework } {
  const row = findSheetRow(ctx, id);
  if (!row) throw sheetNotFound(id);
  return { row, framework: getEdition(ctx, row.edition_id).framework };
}

const SheetRef = z.strictObject({ sheetId: IdSchema });

export const scoringCalls = {
  /** the expert's sheet for an applicant and stage, made on first opening; refused if conflicted or undeclared */
  'sheets.open': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema, applicantId: IdSchema, stage: StageSchema }),
    output: ScoreSheetSchema,
    run(i, ctx) {
      const me = meIn(ctx, i.editionId);
      requireAssigned(ctx, me, i.editionId, i.applicantId, i.stage);
      requireClear(ctx, me, i.applicantId);
      const framework = getEdition(ctx, i.editionId).framework;
      const existing = findSheetRowFor(ctx, me, i.applicantId, i.stage);
      if (existing) return toSheet(ctx, existing, framework);
      const row: SheetRow = {
        id: randomUUID(),
        edition_id: i.editionId,
        expert_id: me,
        applicant_id: i.applicantId,
        stage: i.stage,
        status: 'draft',
        created_at: ctx.now(),
        submitted_at: null,
        bundle_id: null,
        version: 1,
        return_id: null,
      };
      return ctx.change('sheet.opened', () => {
        insertSheet(ctx, row);
        insertItems(ctx, row.id, [...itemCodeSet(framework)].map((code) => ({ itemCode: code, percent: null, strengths: '', opportunities: '', updatedAt: null })));
        return { result: toSheet(ctx, row, framework), detail: { sheetId: row.id, applicantId: i.applicantId, stage: i.stage } };
      });
    },
  }),

  /** the hot path: typed as the expert types, so kept to plain checks before the framework's */
  'sheets.saveItem': storeCall({
    access: 'expert',
    input: ItemScoreSchema.pick({ itemCode: true, strengths: true, opportunities: true }).extend({
      sheetId: IdSchema,
      percent: z.number().nullable(),
    }),
    output: ItemScoreSchema,
    run(i, ctx): ItemScore {
      const writer = itemWriter(ctx.db, ctx.actor);
      const gate = writer.gate(i.sheetId);
      if (!gate) throw sheetNotFound(i.sheetId);
      if (gate.status === 'submitted') throw locked();
      if (gate.standing !== 'clear') requireClear(ctx, gate.expertId, gate.applicantId);
      const framework = getEdition(ctx, gate.editionId).framework;
      if (!itemCodeSet(framework).has(i.itemCode)) {
        throw refuse('sheet.unknown-item', `评价准则中没有评分项 ${i.itemCode}。`, `The framework has no item ${i.itemCode}.`);
      }
      if (i.percent !== null && !isOnGrid(i.percent, framework.percentStep)) {
        throw refuse(
          'score.off-grid',
          `得分率 ${i.percent}% 无效：应为 0 到 100 之间、以 ${framework.percentStep}% 为步长的整数，如 55。`,
          `A percentage of ${i.percent}% is not allowed: use 0 to 100 in steps of ${framework.percentStep}, e.g. 55.`,
        );
      }
      const at = ctx.now();
      writer.write(i, at);
      return { itemCode: i.itemCode, percent: i.percent, strengths: i.strengths, opportunities: i.opportunities, updatedAt: at };
    },
  }),

  'sheets.missingItems': storeCall({
    access: 'expert',
    input: SheetRef,
    output: z.array(z.string()),
    run(i, ctx) {
      const { row, framework } = load(ctx, i.sheetId);
      return itemsOf(ctx, row.id, framework)
        .filter((item) => item.percent === null)
        .map((item) => item.itemCode);
    },
  }),

  /** refused while items are missing; then locked */
  'sheets.submit': storeCall({
    access: 'expert',
    input: SheetRef,
    output: ScoreSheetSchema,
    run(i, ctx): ScoreSheet {
      const { row, framework } = load(ctx, i.sheetId);
      if (row.status === 'submitted') return toSheet(ctx, row, framework);
      requireAssigned(ctx, row.expert_id, row.edition_id, row.applicant_id, row.stage);
      requireClear(ctx, row.expert_id, row.applicant_id);
      const missing = itemsOf(ctx, row.id, framework).filter((item) => item.percent === null).map((item) => item.itemCode);
      if (missing.length) {
        throw refuse(
          'sheet.incomplete',
          `还有 ${missing.length} 个评分项未打分（${missing.join('、')}），评分表不能提交。`,
          `${missing.length} item(s) have no percentage yet (${missing.join(', ')}); the sheet cannot be submitted.`,
          { missing },
        );
      }
      const at = ctx.now();
      return ctx.change('sheet.submitted', () => {
        markSubmitted(ctx, row.id, at);
        const sheet = toSheet(ctx, { ...row, status: 'submitted', submitted_at: at }, framework);
        recordVersion(ctx, {
          id: row.id,
          editionId: row.edition_id,
          expertId: row.expert_id,
          applicantId: row.applicant_id,
          stage: row.stage,
          version: row.version,
          returnId: row.return_id,
          submittedAt: at,
          items: sheet.items,
          bundleId: null,
          recordedAt: at,
        });
        return { result: sheet, detail: { sheetId: row.id, applicantId: row.applicant_id, stage: row.stage, total: sheet.total } };
      });
    },
  }),

  /**
   * Sends a received sheet back to its expert for correction, with the reason: it stops counting,
   * the expert's next package reopens it, and only the revised version may replace it.
   */
  'sheets.return': storeCall({
    access: 'secretariat',
    input: z.strictObject({ sheetId: IdSchema, reason: textOf(1000) }),
    output: SheetReturnSchema,
    run(i, ctx) {
      const row = findSheetRow(ctx, i.sheetId);
      if (!row) throw sheetNotFound(i.sheetId);
      return returnSheet(ctx, row, i.reason);
    },
  }),

  /** every version of every received sheet, oldest first */
  'sheets.versions': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(SheetVersionSchema),
    run: (i, ctx) => versionsOfEdition(ctx, i.editionId),
  }),

  'sheets.returns': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(SheetReturnSchema),
    run: (i, ctx) => returnsOfEdition(ctx, i.editionId),
  }),

  /** the secretariat's received sheets, with their comments */
  'sheets.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({
      editionId: IdSchema,
      filter: z.strictObject({ applicantId: IdSchema.optional(), stage: StageSchema.optional(), expertId: IdSchema.optional() }).optional(),
    }),
    output: z.array(ScoreSheetSchema),
    run: (i, ctx) => sheetsOfEdition(ctx, i.editionId, i.filter ?? {}),
  }),
};
