import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { PanelInputSchema, PanelSchema, type Panel } from '../../domain/panels.js';
import { IdSchema } from '../../domain/values.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { sizeFlag } from '../../rules/panel-size.js';
import { storeCall } from '../call.js';
import { panelCorrectionCalls } from './corrections.js';
import { requireEntries } from './entries.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { assignedPanelId, getPanel, insertAssignment, insertPanel, listPanelRows, type PanelRecord } from '../repo/panels.js';
import { findApplicant, findExpert } from '../repo/people.js';

/** Panels (评审组): who reviews which applicants in which stage. */

const flagged = (ctx: Ctx, p: PanelRecord): Panel => ({ ...p, sizeFlag: sizeFlag(rulesOf(getEdition(ctx, p.editionId)).panelSize, p.memberIds.length) });

export const panelCalls = {
  ...panelCorrectionCalls,

  'panels.create': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, panel: PanelInputSchema }),
    output: PanelSchema,
    run({ editionId, panel: i }, ctx) {
      const edition = getEdition(ctx, editionId);
      const stage = STAGE_NAMES[i.stage];
      if (!rulesOf(edition).stages.some((s) => s.stage === i.stage)) {
        throw refuse(
          'panel.stage-not-scored',
          `本届评审规则中${stage.zh}不是评分环节，不能为其组建评审组。`,
          `The ${stage.en} is not a scored stage under this edition's rules, so it takes no panel.`,
        );
      }
      const members = [...new Set(i.memberIds)];
      if (members.length !== i.memberIds.length) {
        throw refuse('panel.duplicate-member', '同一位专家在成员名单中出现了两次。', 'The same expert is listed twice among the members.');
      }
      for (const memberId of members) {
        const expert = findExpert(ctx, memberId);
        if (expert?.editionId !== editionId) {
          throw refuse('expert.not-found', '所选成员中有一位不是本届的评审专家。请刷新专家名单后重新选择。', 'One of the chosen members is not an expert of this edition. Refresh the expert list and choose again.', { memberId });
        }
        if (expert.withdrawn) throw refuse('expert.withdrawn', `专家 ${expert.code} 已退出本届评审，不能加入评审组。`, `Expert ${expert.code} has withdrawn from this edition and cannot join a panel.`);
      }
      if (i.leaderId !== null && !members.includes(i.leaderId)) {
        throw refuse(
          'panel.leader-not-member',
          '组长必须是评审组成员：请先把组长加入成员名单。',
          'The leader must be a member of the panel: add the leader to the members.',
        );
      }
      if (listPanelRows(ctx, editionId).some((p) => p.stage === i.stage && p.name === i.name)) {
        throw refuse('panel.name-taken', `${stage.zh}已有名为“${i.name}”的评审组。`, `The ${stage.en} already has a panel named "${i.name}".`);
      }
      const panel: PanelRecord = {
        id: randomUUID(),
        editionId,
        stage: i.stage,
        name: i.name,
        leaderId: i.leaderId,
        memberIds: members.sort(),
        applicantIds: [],
        substitutes: [],
      };
      return ctx.change('panel.created', () => {
        insertPanel(ctx, panel);
        return { result: flagged(ctx, panel), detail: { editionId, panelId: panel.id, stage: panel.stage, memberIds: members, leaderId: i.leaderId } };
      });
    },
  }),

  'panels.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(PanelSchema),
    run: (i, ctx) => listPanelRows(ctx, i.editionId).map((p) => flagged(ctx, p)),
  }),

  /** one panel per applicant and stage */
  'panels.assign': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, applicantIds: z.array(IdSchema).min(1).max(10_000) }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const stage = STAGE_NAMES[panel.stage];
      const added: string[] = [];
      for (const applicantId of new Set(i.applicantIds)) {
        const applicant = findApplicant(ctx, applicantId);
        if (applicant?.editionId !== panel.editionId) {
          throw refuse('applicant.not-found', '所选申报单位中有一家不属于本届。请刷新申报单位名单后重新选择。', 'One of the chosen applicants is not in this edition. Refresh the applicant list and choose again.', { applicantId });
        }
        const current = assignedPanelId(ctx, applicantId, panel.stage);
        if (current === panel.id) continue;
        if (current !== undefined) {
          throw refuse(
            'assignment.taken',
            `申报单位 ${applicant.code} 在${stage.zh}已分配给另一评审组：每个环节只能由一个评审组评审。`,
            `Applicant ${applicant.code} is already assigned to another panel in the ${stage.en}: one panel per applicant and stage.`,
          );
        }
        added.push(applicantId);
      }
      requireEntries(ctx, panel.editionId, panel.stage, added);
      return ctx.change('panel.assigned', () => {
        for (const applicantId of added) insertAssignment(ctx, applicantId, panel.stage, panel.id);
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, stage: panel.stage, applicantIds: added } };
      });
    },
  }),
};
