import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { LocalizedSchema, type Localized } from '../../domain/localized.js';
import { PanelSchema } from '../../domain/panels.js';
import { EntityIdSchema, IdSchema, textOf } from '../../domain/values.js';
import { IndustrySchema, StageSchema } from '../../domain/vocabulary.js';
import { STAGE_NAMES, type Industry, type Stage } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { proposePanels } from '../../rules/panel-proposal.js';
import { standings } from '../../rules/recusal.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { ConflictSuggestionSchema, suggestionsOf } from './conflicts.js';
import { entriesOf, requireEntries } from './entries.js';
import { checkNewPanel, flagged } from './new-panel.js';
import { declarationsOfEdition } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { assignedPanelId, getPanel, insertAssignment, insertPanel, listPanelRows, seatsOfExpert, type PanelRecord } from '../repo/panels.js';
import { listApplicantRows, listExpertRows } from '../repo/people.js';
import { poolStatesOfEdition } from '../repo/pool.js';

/**
 * Panels the app proposes for a stage (issue 13, part 3): for the applicants not yet assigned in
 * it and the edition's active experts, avoiding every standing recusal and every conflict
 * suggestion the clerk has not cleared, with each expert's load the applicants they already
 * review in the edition, every stage counted, so the stage evens out what the others left uneven.
 * The proposal changes nothing; the clerk edits it and applies it, all or nothing, and sees what
 * suggestions the applied panels still carry.
 */

const INDUSTRY_WORDS: Record<Industry, Localized> = { 1: { zh: '一产业', en: 'primary industry' }, 2: { zh: '二产业', en: 'secondary industry' }, 3: { zh: '三产业', en: 'tertiary industry' } };

const ProposedPanelSchema = z.strictObject({
  name: textOf(100),
  industry: IndustrySchema.nullable(),
  memberIds: z.array(EntityIdSchema),
  leaderId: EntityIdSchema,
  applicantIds: z.array(EntityIdSchema),
});

export const PanelProposalSchema = z.strictObject({
  stage: StageSchema,
  size: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  byIndustry: z.boolean(),
  panels: z.array(ProposedPanelSchema),
  unplaced: z.array(z.strictObject({ applicantId: EntityIdSchema, reason: LocalizedSchema })),
  reserve: z.array(EntityIdSchema),
  /** pairs the proposal kept apart: standing recusals and open suggestions */
  avoided: z.number().int(),
  /** each active expert's applicant reviews already held in the edition, every stage counted: what the proposal evens out */
  loads: z.record(z.string(), z.number().int().min(0)),
});
export type PanelProposal = z.infer<typeof PanelProposalSchema>;

/** 材料评审第1组, or 二产业现场评审第1组 where panels are formed by industry; never a name the stage already has. */
function panelNames(ctx: Ctx, editionId: string, stage: Stage, industries: (Industry | null)[]): string[] {
  const taken = new Set(listPanelRows(ctx, editionId).filter((p) => p.stage === stage).map((p) => p.name));
  const counters = new Map<string, number>();
  return industries.map((industry) => {
    const prefix = `${industry === null ? '' : INDUSTRY_WORDS[industry].zh}${STAGE_NAMES[stage].zh}`;
    let n = counters.get(prefix) ?? 0;
    let name: string;
    do name = `${prefix}第${++n}组`;
    while (taken.has(name));
    counters.set(prefix, n);
    taken.add(name);
    return name;
  });
}

function propose(ctx: Ctx, editionId: string, stage: Stage, panels: number | undefined): PanelProposal {
  const edition = getEdition(ctx, editionId);
  const rules = rulesOf(edition);
  if (!rules.stages.some((s) => s.stage === stage)) {
    const s = STAGE_NAMES[stage];
    throw refuse('panel.stage-not-scored', `本届评审规则中${s.zh}不是评分环节，不能为其组建评审组。`, `The ${s.en} is not a scored stage under this edition's rules, so it takes no panel.`);
  }
  const eligible = new Set(entriesOf(ctx, editionId, stage).filter((e) => e.eligible).map((e) => e.applicantId));
  const applicants = listApplicantRows(ctx, editionId).filter((a) => eligible.has(a.id) && assignedPanelId(ctx, a.id, stage) === undefined);
  const states = poolStatesOfEdition(ctx, editionId);
  const experts = listExpertRows(ctx, editionId).filter((e) => !e.withdrawn && (states.get(e.id) ?? 'active') === 'active');
  const standing = standings(declarationsOfEdition(ctx, editionId));
  const pairs = experts.flatMap((e) => applicants.map((a) => ({ expertId: e.id, applicantId: a.id })));
  const conflicts = [
    ...pairs.filter((p) => standing(p.expertId, p.applicantId) === 'conflicted'),
    ...suggestionsOf(ctx, editionId, pairs).filter((s) => s.state === 'open'),
  ];
  const loads = new Map(experts.map((e) => [e.id, seatsOfExpert(ctx, e.id).length]));
  const result = proposePanels({
    experts: experts.map((e) => ({ id: e.id, industry: e.industry, load: loads.get(e.id)! })),
    applicants: applicants.map((a) => ({ id: a.id, industry: a.industry })),
    conflicts,
    size: rules.panelSize,
    byIndustry: rules.panelForming.byIndustry,
    panels,
  });
  const names = panelNames(ctx, editionId, stage, result.panels.map((p) => p.industry));
  return {
    stage,
    size: rules.panelSize,
    byIndustry: rules.panelForming.byIndustry,
    panels: result.panels.map((p, k) => ({ name: names[k]!, ...p })),
    unplaced: result.unplaced.map((u) => ({
      applicantId: u.applicantId,
      reason:
        u.why === 'conflicts'
          ? { zh: '每个评审组都有与其存在利益冲突或冲突提示的专家', en: 'every panel has an expert with a conflict or a conflict suggestion for it' }
          : { zh: '没有足够的专家为其产业组建评审组', en: 'too few experts to form a panel for its industry' },
    })),
    reserve: result.reserve,
    avoided: new Set(conflicts.map((c) => `${c.expertId}\u0000${c.applicantId}`)).size,
    loads: Object.fromEntries(loads),
  };
}

export const proposalCalls = {
  /** proposes panels for a stage without changing anything; `panels` asks for that many */
  'panels.propose': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, stage: StageSchema, panels: z.number().int().min(1).max(200).optional() }),
    output: PanelProposalSchema,
    run: (i, ctx) => propose(ctx, i.editionId, i.stage, i.panels),
  }),

  /**
   * creates the panels of a (possibly edited) proposal and assigns their applicants, all or
   * nothing; answers with the panels and the conflict suggestions they still carry
   */
  'panels.applyProposal': storeCall({
    access: 'secretariat',
    input: z.strictObject({
      editionId: IdSchema,
      stage: StageSchema,
      panels: z
        .array(z.strictObject({ name: textOf(100), memberIds: z.array(IdSchema).min(1).max(100), leaderId: IdSchema.nullable(), applicantIds: z.array(IdSchema).max(10_000) }))
        .min(1)
        .max(200),
    }),
    output: z.strictObject({ panels: z.array(PanelSchema), suggestions: z.array(ConflictSuggestionSchema) }),
    run(i, ctx) {
      const taken = new Set(listPanelRows(ctx, i.editionId).filter((p) => p.stage === i.stage).map((p) => p.name));
      const applicants = new Map(listApplicantRows(ctx, i.editionId).map((a) => [a.id, a]));
      const seen = new Set<string>();
      const records: PanelRecord[] = i.panels.map((p) => {
        const memberIds = checkNewPanel(ctx, i.editionId, { stage: i.stage, name: p.name, memberIds: p.memberIds, leaderId: p.leaderId }, taken);
        taken.add(p.name);
        for (const applicantId of p.applicantIds) {
          const a = applicants.get(applicantId);
          if (!a) throw refuse('applicant.not-found', '所选申报单位中有一家不属于本届。请刷新后重新选择。', 'One of the chosen applicants is not in this edition. Refresh and choose again.', { applicantId });
          if (seen.has(applicantId) || assignedPanelId(ctx, applicantId, i.stage) !== undefined) {
            const s = STAGE_NAMES[i.stage];
            throw refuse('assignment.taken', `申报单位 ${a.code} 在${s.zh}已分配给另一评审组：每个环节只能由一个评审组评审。`, `Applicant ${a.code} is already assigned to another panel in the ${s.en}: one panel per applicant and stage.`);
          }
          seen.add(applicantId);
        }
        return { id: randomUUID(), editionId: i.editionId, stage: i.stage, name: p.name, leaderId: p.leaderId, memberIds: memberIds.sort(), applicantIds: [...p.applicantIds], substitutes: [] };
      });
      requireEntries(ctx, i.editionId, i.stage, [...seen]);
      return ctx.change('panels.proposal-applied', () => {
        for (const r of records) {
          insertPanel(ctx, r);
          for (const applicantId of r.applicantIds) insertAssignment(ctx, applicantId, i.stage, r.id);
        }
        const pairs = records.flatMap((r) => r.memberIds.flatMap((expertId) => r.applicantIds.map((applicantId) => ({ expertId, applicantId }))));
        return {
          result: { panels: records.map((r) => flagged(ctx, getPanel(ctx, r.id))), suggestions: suggestionsOf(ctx, i.editionId, pairs).filter((s) => s.state === 'open') },
          detail: { editionId: i.editionId, stage: i.stage, panels: records.map((r) => ({ panelId: r.id, name: r.name, memberIds: r.memberIds, leaderId: r.leaderId, applicantIds: r.applicantIds })) },
        };
      });
    },
  }),
};
