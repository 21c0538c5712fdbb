import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { PanelSchema } from '../../domain/panels.js';
import type { Expert } from '../../domain/people.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { StageSchema } from '../../domain/vocabulary.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { standing } from '../../rules/recusal.js';
import { sizeFlag } from '../../rules/panel-size.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { declarationsOfPair } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import {
  assignedPanelId,
  deleteAssignment,
  deleteMember,
  deletePanel,
  deleteSubstitute,
  getPanel,
  insertMember,
  insertSubstitute,
  listPanelRows,
  moveAssignment,
  renamePanel,
  setPanelLeader,
  type PanelRecord,
} from '../repo/panels.js';
import { getApplicant, getExpert } from '../repo/people.js';
import { entriesOf, StageEntrySchema } from './entries.js';

/**
 * Repairs to panels after they were formed: members added, removed or replaced, another leader,
 * an applicant unassigned or moved to another panel of its stage, and a substitute expert seated
 * for one applicant where recusals left the panel short. A member who leaves keeps their sheets
 * on record, but those no longer count; everyone affected learns it from their next package.
 */

const flagged = (ctx: Ctx, p: PanelRecord) => ({ ...p, sizeFlag: sizeFlag(rulesOf(getEdition(ctx, p.editionId)).panelSize, p.memberIds.length) });

function expertOf(ctx: Ctx, panel: PanelRecord, expertId: string): Expert {
  const e = getExpert(ctx, expertId);
  if (e.editionId !== panel.editionId) throw refuse('expert.not-found', `专家 ${e.code} 不是本届的评审专家。`, `Expert ${e.code} is not an expert of this edition.`);
  return e;
}

function joinable(ctx: Ctx, panel: PanelRecord, expertId: string): Expert {
  const e = expertOf(ctx, panel, expertId);
  if (e.withdrawn) throw refuse('expert.withdrawn', `专家 ${e.code} 已退出本届评审，不能加入评审组。`, `Expert ${e.code} has withdrawn from this edition and cannot join a panel.`);
  if (panel.memberIds.includes(e.id)) throw refuse('panel.already-member', `专家 ${e.code} 已是${panel.name}的成员。`, `Expert ${e.code} is already a member of ${panel.name}.`);
  return e;
}

function member(ctx: Ctx, panel: PanelRecord, expertId: string): Expert {
  const e = expertOf(ctx, panel, expertId);
  if (!panel.memberIds.includes(e.id)) throw refuse('panel.not-member', `专家 ${e.code} 不是${panel.name}的成员。`, `Expert ${e.code} is not a member of ${panel.name}.`);
  return e;
}

const Reason = textOf(1000);

export const panelCorrectionCalls = {
  /** which applicants may be assigned in a stage, and why the others may not */
  'panels.entries': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, stage: StageSchema }),
    output: z.array(StageEntrySchema),
    run: (i, ctx) => entriesOf(ctx, i.editionId, i.stage),
  }),

  'panels.update': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, name: textOf(100).optional(), leaderId: IdSchema.nullable().optional(), reason: Reason.optional() }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const stage = STAGE_NAMES[panel.stage];
      if (i.name !== undefined && i.name !== panel.name && listPanelRows(ctx, panel.editionId).some((p) => p.stage === panel.stage && p.name === i.name)) {
        throw refuse('panel.name-taken', `${stage.zh}已有名为“${i.name}”的评审组。`, `The ${stage.en} already has a panel named "${i.name}".`);
      }
      if (i.leaderId) member(ctx, panel, i.leaderId);
      return ctx.change('panel.updated', () => {
        if (i.name !== undefined) renamePanel(ctx, panel.id, i.name);
        if (i.leaderId !== undefined) setPanelLeader(ctx, panel.id, i.leaderId);
        return {
          result: flagged(ctx, getPanel(ctx, panel.id)),
          detail: { panelId: panel.id, name: [panel.name, i.name ?? panel.name], leaderId: [panel.leaderId, i.leaderId === undefined ? panel.leaderId : i.leaderId], reason: i.reason ?? null },
        };
      });
    },
  }),

  'panels.addMember': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, expertId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const e = joinable(ctx, panel, i.expertId);
      return ctx.change('panel.member-added', () => {
        // seated as a member, the expert no longer needs a substitute seat on this panel
        for (const s of panel.substitutes.filter((x) => x.expertId === e.id)) deleteSubstitute(ctx, s.applicantId, panel.stage, e.id);
        insertMember(ctx, panel.id, e.id);
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, expertId: e.id, code: e.code, reason: i.reason } };
      });
    },
  }),

  'panels.removeMember': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, expertId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const e = member(ctx, panel, i.expertId);
      if (panel.leaderId === e.id) {
        throw refuse('panel.leader-leaving', `专家 ${e.code} 是${panel.name}的组长：请先指定另一位组长，或改用“替换成员”。`, `Expert ${e.code} leads ${panel.name}: name another leader first, or replace the member instead.`);
      }
      if (panel.memberIds.length === 1) {
        throw refuse('panel.last-member', `${panel.name}只剩这一位成员：评审组不能没有成员。`, `${panel.name} has no other member: a panel cannot be left empty.`);
      }
      return ctx.change('panel.member-removed', () => {
        deleteMember(ctx, panel.id, e.id);
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, expertId: e.id, code: e.code, reason: i.reason } };
      });
    },
  }),

  /** the replacement takes the member's place, and leads the panel if the member did */
  'panels.replaceMember': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, expertId: IdSchema, byExpertId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const out = member(ctx, panel, i.expertId);
      const by = joinable(ctx, panel, i.byExpertId);
      return ctx.change('panel.member-replaced', () => {
        for (const s of panel.substitutes.filter((x) => x.expertId === by.id)) deleteSubstitute(ctx, s.applicantId, panel.stage, by.id);
        insertMember(ctx, panel.id, by.id);
        if (panel.leaderId === out.id) setPanelLeader(ctx, panel.id, by.id);
        deleteMember(ctx, panel.id, out.id);
        return {
          result: flagged(ctx, getPanel(ctx, panel.id)),
          detail: { panelId: panel.id, expertId: out.id, code: out.code, byExpertId: by.id, byCode: by.code, leader: panel.leaderId === out.id, reason: i.reason },
        };
      });
    },
  }),

  'panels.unassign': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, applicantIds: z.array(IdSchema).min(1).max(10_000), reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const ids = [...new Set(i.applicantIds)];
      for (const id of ids) {
        if (!panel.applicantIds.includes(id)) {
          const a = getApplicant(ctx, id);
          throw refuse('assignment.not-found', `${a.code} 没有分配给${panel.name}。`, `${a.code} is not assigned to ${panel.name}.`);
        }
      }
      return ctx.change('panel.unassigned', () => {
        for (const id of ids) deleteAssignment(ctx, id, panel.stage);
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, stage: panel.stage, applicantIds: ids, reason: i.reason } };
      });
    },
  }),

  /** to another panel of the same stage: an applicant has one panel per stage */
  'panels.move': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, toPanelId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const to = getPanel(ctx, i.toPanelId);
      const a = getApplicant(ctx, i.applicantId);
      const stage = STAGE_NAMES[to.stage];
      const from = assignedPanelId(ctx, a.id, to.stage);
      if (from === undefined) {
        throw refuse('assignment.not-found', `${a.code} 在${stage.zh}尚未分配：请直接分配给${to.name}。`, `${a.code} has no panel in the ${stage.en} yet: assign it to ${to.name} instead.`);
      }
      if (from === to.id) return flagged(ctx, to);
      return ctx.change('panel.moved', () => {
        moveAssignment(ctx, a.id, to.stage, to.id);
        return { result: flagged(ctx, getPanel(ctx, to.id)), detail: { applicantId: a.id, stage: to.stage, fromPanelId: from, toPanelId: to.id, reason: i.reason } };
      });
    },
  }),

  /** seats an expert on the panel for one applicant only (增派专家) */
  'panels.addSubstitute': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, applicantId: IdSchema, expertId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const a = getApplicant(ctx, i.applicantId);
      if (!panel.applicantIds.includes(a.id)) throw refuse('assignment.not-found', `${a.code} 没有分配给${panel.name}。`, `${a.code} is not assigned to ${panel.name}.`);
      const e = joinable(ctx, panel, i.expertId);
      if (panel.substitutes.some((s) => s.applicantId === a.id && s.expertId === e.id)) {
        throw refuse('panel.already-substitute', `专家 ${e.code} 已为 ${a.code} 增派到${panel.name}。`, `Expert ${e.code} is already added to ${panel.name} for ${a.code}.`);
      }
      if (standing(declarationsOfPair(ctx, e.id, a.id)) === 'conflicted') {
        throw refuse('recusal.conflicted', `专家 ${e.code} 与 ${a.code} 存在利益冲突（已回避），不能为其增派。`, `Expert ${e.code} is recused from ${a.code} and cannot be added for it.`);
      }
      const addedAt = ctx.now();
      return ctx.change('panel.substitute-added', () => {
        insertSubstitute(ctx, { panelId: panel.id, stage: panel.stage, applicantId: a.id, expertId: e.id, reason: i.reason, addedAt });
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, stage: panel.stage, applicantId: a.id, expertId: e.id, code: e.code, reason: i.reason } };
      });
    },
  }),

  'panels.removeSubstitute': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, applicantId: IdSchema, expertId: IdSchema, reason: Reason }),
    output: PanelSchema,
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      if (!panel.substitutes.some((s) => s.applicantId === i.applicantId && s.expertId === i.expertId)) {
        throw refuse('panel.not-substitute', '该专家没有为此申报单位增派到这个评审组。', 'This expert was not added to this panel for this applicant.');
      }
      return ctx.change('panel.substitute-removed', () => {
        deleteSubstitute(ctx, i.applicantId, panel.stage, i.expertId);
        return { result: flagged(ctx, getPanel(ctx, panel.id)), detail: { panelId: panel.id, applicantId: i.applicantId, expertId: i.expertId, reason: i.reason } };
      });
    },
  }),

  /** a panel formed in error; one with applicants must give them up first */
  'panels.remove': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, reason: Reason }),
    output: z.strictObject({ removed: PanelSchema }),
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      if (panel.applicantIds.length > 0) {
        throw refuse('panel.has-applicants', `${panel.name}仍有 ${panel.applicantIds.length} 家申报单位：请先取消分配或移到其他评审组。`, `${panel.name} still has ${panel.applicantIds.length} applicant(s): unassign them or move them to another panel first.`);
      }
      return ctx.change('panel.removed', () => {
        deletePanel(ctx, panel.id);
        return { result: { removed: flagged(ctx, panel) }, detail: { panelId: panel.id, name: panel.name, stage: panel.stage, reason: i.reason } };
      });
    },
  }),
};
