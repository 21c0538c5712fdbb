import { z } from 'zod';
import type { Stage } from '../domain/words.js';

/**
 * Where an edition stands: the regulations' steps in order (资格审核 → 材料评审 → 入围 → 现场评审 →
 * 陈述答辩 → 综合评分 → 评委会审议 → 公示 → 结果), each done or not from the facts the store holds.
 * A step the edition's rules do not have (no shortlist, no defence stage) is not applicable; the
 * first applicable step not done is the current one, which is what the secretariat does next.
 * Steps are judged each on its own facts, so work done out of order shows as done where it is.
 */
export const EDITION_STEPS = ['eligibility', 'material', 'shortlist', 'site', 'defence', 'totals', 'committee', 'notice', 'result'] as const;
export type EditionStep = (typeof EDITION_STEPS)[number];

/** skipped: the edition went on without the step (eligibility, in editions begun before it existed) */
export const STEP_STATES = ['done', 'current', 'waiting', 'skipped', 'not-applicable'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** one scored stage: applicants it has to score, those with a panel, those whose every sheet is in */
export interface StageFacts {
  due: number;
  assigned: number;
  complete: number;
}

export interface EditionFacts {
  /** applicants not withdrawn */
  applicants: number;
  eligibility: {
    /** whether the edition checks eligibility at all: editions begun before the step had none */
    inUse: boolean;
    incomplete: number;
    eligible: number;
    ineligible: number;
  };
  /** the edition's scored stages, in order */
  stages: readonly Stage[];
  stageProgress: Partial<Record<Stage, StageFacts>>;
  /** null: the rules have no shortlist */
  shortlist: { afterStage: Stage; size: number; listed: number; tieAtCut: boolean; confirmed: boolean } | null;
  totals: { ranked: number; unranked: number };
  committee: { decided: boolean; awards: number; nominations: number };
  /** from/to: the notice's first and last day (YYYY-MM-DD), null before it is issued */
  notice: { issued: boolean; ended: boolean; objectionsOpen: number; from: string | null; to: string | null };
  result: { published: boolean; listed: number };
}

export const StepStatusSchema = z.strictObject({
  step: z.enum(EDITION_STEPS),
  state: z.enum(STEP_STATES),
  /** the figures the step is judged by, in display order */
  counts: z.array(z.strictObject({ key: z.string(), value: z.number().int() })),
  /** something the secretariat must settle before the step can be done, even with every count in */
  blocked: z.enum(['tie-at-cut', 'objections-open']).nullable(),
  /** the days the step runs over (the notice), YYYY-MM-DD */
  period: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
});
export type StepStatus = z.infer<typeof StepStatusSchema>;

type Judged = Omit<StepStatus, 'state' | 'period'> & { applicable: boolean; skipped: boolean; done: boolean };

const SCORED: Record<'material' | 'site' | 'defence', Stage> = { material: 'material', site: 'site', defence: 'defence' };

function stageStep(f: EditionFacts, stage: Stage): Judged {
  const p = f.stageProgress[stage] ?? { due: 0, assigned: 0, complete: 0 };
  return {
    step: stage,
    applicable: f.stages.includes(stage),
    skipped: false,
    done: p.due > 0 && p.complete >= p.due,
    counts: [
      { key: 'due', value: p.due },
      { key: 'assigned', value: p.assigned },
      { key: 'complete', value: p.complete },
    ],
    blocked: null,
  };
}

function judged(f: EditionFacts, step: EditionStep): Judged {
  switch (step) {
    case 'eligibility': {
      const e = f.eligibility;
      const received = Math.max(0, f.applicants - e.incomplete - e.eligible - e.ineligible);
      return {
        step,
        applicable: true,
        skipped: !e.inUse && anyScoring(f),
        done: f.applicants > 0 && received === 0 && e.incomplete === 0,
        counts: [
          { key: 'received', value: received },
          { key: 'incomplete', value: e.incomplete },
          { key: 'eligible', value: e.eligible },
          { key: 'ineligible', value: e.ineligible },
        ],
        blocked: null,
      };
    }
    case 'material':
    case 'site':
    case 'defence':
      return stageStep(f, SCORED[step]);
    case 'shortlist': {
      const s = f.shortlist;
      return {
        step,
        applicable: s !== null,
        skipped: false,
        done: s !== null && s.confirmed && !s.tieAtCut,
        counts: s ? [{ key: 'size', value: s.size }, { key: 'listed', value: s.listed }] : [],
        blocked: s?.tieAtCut && !s.confirmed ? 'tie-at-cut' : null,
      };
    }
    case 'totals':
      return {
        step,
        applicable: true,
        skipped: false,
        done: f.totals.ranked > 0 && f.totals.unranked === 0,
        counts: [
          { key: 'ranked', value: f.totals.ranked },
          { key: 'unranked', value: f.totals.unranked },
        ],
        blocked: null,
      };
    case 'committee':
      return {
        step,
        applicable: true,
        skipped: false,
        done: f.committee.decided,
        counts: [
          { key: 'awards', value: f.committee.awards },
          { key: 'nominations', value: f.committee.nominations },
        ],
        blocked: null,
      };
    case 'notice':
      return {
        step,
        applicable: true,
        skipped: false,
        done: f.notice.issued && f.notice.ended && f.notice.objectionsOpen === 0,
        counts: [{ key: 'objectionsOpen', value: f.notice.objectionsOpen }],
        blocked: f.notice.ended && f.notice.objectionsOpen > 0 ? 'objections-open' : null,
      };
    case 'result':
      return { step, applicable: true, skipped: false, done: f.result.published, counts: [{ key: 'listed', value: f.result.listed }], blocked: null };
  }
}

function anyScoring(f: EditionFacts): boolean {
  return Object.values(f.stageProgress).some((p) => p.assigned > 0);
}

/** Every step with its state; exactly one is current until the result is published. */
export function editionSteps(f: EditionFacts): StepStatus[] {
  let current = false;
  return EDITION_STEPS.map((step) => {
    const { applicable, skipped, done, ...rest } = judged(f, step);
    let state: StepState;
    if (!applicable) state = 'not-applicable';
    else if (done) state = 'done';
    else if (skipped) state = 'skipped';
    else if (!current) {
      current = true;
      state = 'current';
    } else state = 'waiting';
    const period = step === 'notice' && f.notice.from && f.notice.to ? { from: f.notice.from, to: f.notice.to } : null;
    return { ...rest, state, period };
  });
}
