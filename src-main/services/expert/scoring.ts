import { randomUUID } from 'node:crypto';
import { itemCodeSet } from '../../criteria/items.js';
import type { z } from 'zod';
import type { CriteriaFramework } from '../../criteria/schema.js';
import { isOnGrid } from '../../scoring/sheet.js';
import type { ExpertService } from '../api.js';
import type { ItemScore, ScoreSheet } from '../../domain/review.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { findSheetRow, findSheetRowFor, insertItems, insertSheet, itemsOf, markSubmitted, toSheet, type SheetRow } from '../repo/sheets.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { IdSchema } from '../../domain/values.js';
import { OpenSheetSchema, SaveItemSchema } from '../schemas.js';
import { meIn, requireAssigned, requireClear } from './me.js';

type ScoringMethods = Pick<ExpertService, 'openSheet' | 'saveItem' | 'missingItems' | 'submitSheet'>;

function sheetNotFound(id: string): Error {
  return refuse('sheet.not-found', `找不到该评分表（${id}）。请从评审任务列表重新打开。`, `No such score sheet (${id}). Open it again from your assignments.`);
}

function locked(): Error {
  return refuse('sheet.locked', '该评分表已提交并锁定，不能再修改。', 'This score sheet has been submitted and is locked; it cannot change.');
}

/** What saveItem needs to decide, in one read: the sheet and whether its applicant is clear. */
interface SaveGate {
  status: SheetRow['status'];
  edition_id: string;
  expert_id: string;
  applicant_id: string;
  declared: number;
  conflict: number | null;
}

const GATE_SQL = `
  SELECT s.status, s.edition_id, s.expert_id, s.applicant_id,
         (SELECT count(*) FROM declarations d WHERE d.expert_id = s.expert_id AND d.applicant_id = s.applicant_id) AS declared,
         (SELECT max(conflict) FROM declarations d WHERE d.expert_id = s.expert_id AND d.applicant_id = s.applicant_id) AS conflict
  FROM score_sheets s WHERE s.id = ?`;

const SAVE_SQL = `
  UPDATE item_scores SET percent = ?, strengths = ?, opportunities = ?, updated_at = ?
  WHERE sheet_id = ? AND item_code = ?`;

export function scoringMethods(ctx: Ctx): ScoringMethods {
  const load = (id: string): { row: SheetRow; framework: CriteriaFramework } => {
    const row = findSheetRow(ctx, id);
    if (!row) throw sheetNotFound(id);
    return { row, framework: getEdition(ctx, row.edition_id).framework };
  };

  // the hot path: one cached statement to check, one to write, the audit entry in the same transaction
  const save = ctx.db.transaction((i: z.output<typeof SaveItemSchema>, at: string) => {
    ctx.stmt(SAVE_SQL).run(i.percent, i.strengths, i.opportunities, at, i.sheetId, i.itemCode);
    ctx.audit('sheet.item-saved', { sheetId: i.sheetId, itemCode: i.itemCode, percent: i.percent });
  });

  return {
    openSheet(input) {
      const i = parseInput(OpenSheetSchema, input, { zh: '评分表', en: 'score sheet' });
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
      };
      return ctx.change('sheet.opened', () => {
        insertSheet(ctx, row);
        insertItems(ctx, row.id, [...itemCodeSet(framework)].map((code) => ({ itemCode: code, percent: null, strengths: '', opportunities: '', updatedAt: null })));
        return { result: toSheet(ctx, row, framework), detail: { sheetId: row.id, applicantId: i.applicantId, stage: i.stage } };
      });
    },

    saveItem(input) {
      const i = parseInput(SaveItemSchema, input, { zh: '评分项', en: 'item score' });
      const gate = ctx.stmt(GATE_SQL).get(i.sheetId) as SaveGate | undefined;
      if (!gate) throw sheetNotFound(i.sheetId);
      if (gate.status === 'submitted') throw locked();
      if (gate.declared === 0 || gate.conflict !== 0) requireClear(ctx, gate.expert_id, gate.applicant_id);
      const framework = getEdition(ctx, gate.edition_id).framework;
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
      save(i, at);
      return { itemCode: i.itemCode, percent: i.percent, strengths: i.strengths, opportunities: i.opportunities, updatedAt: at };
    },

    missingItems(sheetId) {
      const { row, framework } = load(parseInput(IdSchema, sheetId, { zh: '评分表编号', en: 'sheet id' }));
      return itemsOf(ctx, row.id, framework)
        .filter((item: ItemScore) => item.percent === null)
        .map((item) => item.itemCode);
    },

    submitSheet(sheetId): ScoreSheet {
      const { row, framework } = load(parseInput(IdSchema, sheetId, { zh: '评分表编号', en: 'sheet id' }));
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
        return { result: sheet, detail: { sheetId: row.id, applicantId: row.applicant_id, stage: row.stage, total: sheet.total } };
      });
    },
  };
}
