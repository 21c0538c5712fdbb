import { z } from 'zod';
import type { Localized } from '../domain/localized.js';
import type { NoticeKind, ObjectionState } from '../domain/words.js';

/**
 * Objections (异议) to a public notice: who may object, when, the deadlines, and the steps an
 * objection goes through. Daqing arts. 20–24, Xinyang arts. 22–24, Jinan art. 17.
 */
export const ObjectionsProfile = z.strictObject({
  /** anonymous objections are not accepted (Daqing art. 21, Xinyang art. 23) */
  realName: z.boolean(),
  /**
   * 'notice': only an objection received within the notice period is taken (Xinyang art. 23 and
   * Jinan art. 17 speak of objections to the notice); 'any': the regulation sets no window
   * (Daqing art. 20: an objection to the award at any time), so only a date before the notice is
   * refused
   */
  window: z.enum(['notice', 'any']),
  /** working days after receipt to decide whether to accept it (Daqing art. 22, Xinyang art. 24: 5); null where none is set */
  acceptWithin: z.number().int().min(1).nullable(),
  /** working days after acceptance to conclude the investigation; null where none is set */
  concludeWithin: z.number().int().min(1).nullable(),
});
export type ObjectionsProfile = z.infer<typeof ObjectionsProfile>;

/** For a profile stored before objections were data: real name, within the notice, no deadlines. */
export const DEFAULT_OBJECTIONS: ObjectionsProfile = { realName: true, window: 'notice', acceptWithin: null, concludeWithin: null };

export const OBJECTION_STEPS = ['accept', 'decline', 'uphold', 'reject'] as const;
export type ObjectionStep = (typeof OBJECTION_STEPS)[number];

/**
 * received → accepted (受理) or not accepted (不予受理, with the reason); accepted → after the
 * investigation, upheld (异议成立) or rejected (异议不成立). The last three are final.
 */
const MACHINE: Record<ObjectionState, Partial<Record<ObjectionStep, ObjectionState>>> = {
  received: { accept: 'accepted', decline: 'not-accepted' },
  accepted: { uphold: 'upheld', reject: 'rejected' },
  'not-accepted': {},
  upheld: {},
  rejected: {},
};

/** The state a step leads to, or null where the step does not apply in that state. */
export function nextObjectionState(state: ObjectionState, step: ObjectionStep): ObjectionState | null {
  return MACHINE[state][step] ?? null;
}

export const isFinal = (state: ObjectionState): boolean => Object.keys(MACHINE[state]).length === 0;

/** The steps open in a state. */
export const stepsFrom = (state: ObjectionState): ObjectionStep[] => OBJECTION_STEPS.filter((s) => MACHINE[state][s] !== undefined);

/** An upheld objection takes its applicant off the list, with no one moving up (Xinyang art. 22). */
export const removesApplicant = (state: ObjectionState): boolean => state === 'upheld';

/**
 * An upheld objection to the accepted list (受理名单) takes its applicant out of the review: only
 * those the notice leaves without objection go to the panels (Xinyang art. 18), and one whose
 * objection is found unfounded goes on (art. 24). What it had already been given stays on record.
 */
export const removesFromReview = (o: { noticeKind: NoticeKind; state: ObjectionState }): boolean => o.noticeKind === 'accepted-list' && removesApplicant(o.state);

/** An objection that took its applicant out of the review, as the results and an archive carry it. */
export interface UpheldObjection {
  /** its number in the edition's register */
  number: number;
  decidedOn: string;
  /** what the investigation found */
  finding: string;
}

/** Why the applicant is out, for wherever it is shown: the objection, when it was upheld, and the finding. */
export function outOfReviewReason(o: UpheldObjection): Localized {
  return {
    zh: `受理名单公示第${o.number}号异议经调查成立（${o.decidedOn}），已退出评审：${o.finding}`,
    en: `objection no. ${o.number} to the accepted list was upheld on ${o.decidedOn}, so it is out of the review: ${o.finding}`,
  };
}

/** Per applicant, the first objection that took it out of the review (by register number). */
export function removedFromReview<O extends { applicantId: string; number: number; noticeKind: NoticeKind; state: ObjectionState }>(objections: readonly O[]): Map<string, O> {
  const out = new Map<string, O>();
  for (const o of [...objections].sort((a, b) => a.number - b.number)) if (removesFromReview(o) && !out.has(o.applicantId)) out.set(o.applicantId, o);
  return out;
}

export type ReceiptProblem = 'anonymous' | 'before-notice' | 'after-notice';

/**
 * Why an objection cannot be registered, or null: an objector without a name where the
 * regulation asks for one; a date outside the window it allows.
 */
export function receiptProblem(
  rules: ObjectionsProfile,
  objection: { objectorName: string | null; receivedOn: string },
  notice: { start: string; end: string },
): ReceiptProblem | null {
  if (rules.realName && (objection.objectorName ?? '').trim() === '') return 'anonymous';
  if (objection.receivedOn < notice.start) return 'before-notice';
  if (rules.window === 'notice' && objection.receivedOn > notice.end) return 'after-notice';
  return null;
}
