import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { PanelInputSchema, PanelSchema } from '../../domain/panels.js';
import { IdSchema } from '../../domain/values.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { storeCall } from '../call.js';
import { panelCorrectionCalls } from './corrections.js';
import { checkNewPanel, flagged } from './new-panel.js';
import { conflictCalls } from './conflicts.js';
import { proposalCalls } from './proposal.js';
import { requireEntries } from './entries.js';
import { assignedPanelId, getPanel, insertAssignment, insertPanel, listPanelRows, type PanelRecord } from '../repo/panels.js';
import { findApplicant } from '../repo/people.js';

/** Panels (评审组): who reviews which applicants in which stage. */

export const panelCalls = {
  ...panelCorrectionCalls,
  ...conflictCalls,
  ...proposalCalls,

  'panels.create': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, panel: PanelInputSchema }),
    output: PanelSchema,
    run({ editionId, panel: i }, ctx) {
      const members = checkNewPanel(ctx, editionId, i, new Set(listPanelRows(ctx, editionId).filter((p) => p.stage === i.stage).map((p) => p.name)));
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
