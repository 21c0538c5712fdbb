import type { Localized } from './localized.js';

/**
 * The review's enumerations as plain lists, with the words a person reads for each value. Free
 * of zod, so that what only names things (the command line's help, the renderer) loads nothing
 * else; vocabulary.ts builds the schemas from these same lists.
 */

export const STAGES = ['material', 'site', 'defence'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, Localized> = {
  material: { zh: '材料评审', en: 'material review' },
  site: { zh: '现场评审', en: 'site review' },
  defence: { zh: '陈述答辩', en: 'defence' },
};

export const ROLES = ['secretariat', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, Localized> = {
  secretariat: { zh: '秘书处', en: 'secretariat' },
  expert: { zh: '评审专家', en: 'expert' },
};

/** Units are listed before individuals (Jinan awards them separately, art. 2). */
export const KIND_ORDER = ['unit', 'individual'] as const;
export type ApplicantKind = (typeof KIND_ORDER)[number];

/** as the plural a rule names them by: "does not admit individuals" */
export const KIND_NAMES: Record<ApplicantKind, Localized> = {
  unit: { zh: '单位', en: 'organisations' },
  individual: { zh: '个人', en: 'individuals' },
};

/** 一产业 / 二产业 / 三产业 */
export const INDUSTRIES = [1, 2, 3] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** An expert's standing in the secretariat's pool (专家库): only an active one is drawn into an edition. */
export const POOL_STATES = ['active', 'suspended', 'removed'] as const;
export type PoolState = (typeof POOL_STATES)[number];

export const POOL_STATE_NAMES: Record<PoolState, Localized> = {
  active: { zh: '在库', en: 'active' },
  suspended: { zh: '暂停', en: 'suspended' },
  removed: { zh: '除名', en: 'removed' },
};

/**
 * The two award levels (市长质量奖 / 提名奖): the places on a proposed award list (拟奖名单), and
 * what eligibility conditions and re-application bars may differ by (Hohhot arts. 11, 12).
 */
export const AWARD_LEVELS = ['award', 'nomination'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

export const AWARD_LEVEL_NAMES: Record<AwardLevel, Localized> = {
  award: { zh: '市长质量奖', en: 'award' },
  nomination: { zh: '提名奖', en: 'nomination' },
};

/** An applicant's standing in the eligibility check (资格审核): received until the secretariat decides. */
export const ELIGIBILITY_STATES = ['received', 'incomplete', 'eligible', 'ineligible'] as const;
export type EligibilityState = (typeof ELIGIBILITY_STATES)[number];

export const ELIGIBILITY_STATE_NAMES: Record<EligibilityState, Localized> = {
  received: { zh: '已受理', en: 'received' },
  incomplete: { zh: '材料待补正', en: 'materials incomplete' },
  eligible: { zh: '审核通过', en: 'eligible' },
  ineligible: { zh: '不符合条件', en: 'ineligible' },
};

/** What an applicant's earlier record can hold that a re-application bar looks at. */
export const PAST_EVENTS = ['award', 'nomination', 'revoked', 'fraud'] as const;
export type PastEvent = (typeof PAST_EVENTS)[number];

export const PAST_EVENT_NAMES: Record<PastEvent, Localized> = {
  award: { zh: '获市长质量奖', en: 'won the award' },
  nomination: { zh: '获提名奖', en: 'won a nomination' },
  revoked: { zh: '奖励被撤销', en: 'award revoked' },
  fraud: { zh: '申报弄虚作假', en: 'fraud in an application' },
};
/** What the committee confirms: the shortlist after the material review, or the proposed award list. */
export const CONFIRMATION_SUBJECTS = ['shortlist', 'award-list'] as const;
export type ConfirmationSubject = (typeof CONFIRMATION_SUBJECTS)[number];

export const CONFIRMATION_SUBJECT_NAMES: Record<ConfirmationSubject, Localized> = {
  shortlist: { zh: '入围名单', en: 'shortlist' },
  'award-list': { zh: '拟奖名单', en: 'proposed award list' },
};

/** Where a tie the program does not break sits: at an award or nomination cap, or at the shortlist's cut. */
export const TIE_SCOPES = ['cap', 'shortlist'] as const;
export type TieScope = (typeof TIE_SCOPES)[number];

/**
 * What a public notice (公示) publishes: the accepted applicants before the review (Xinyang
 * art. 17) or the proposed award list after the committee (拟奖名单, Wuxi art. 11(6), Xinyang
 * art. 22, Jinan art. 17, Daqing art. 18, Hohhot art. 18).
 */
export const NOTICE_KINDS = ['accepted-list', 'award-list'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_NAMES: Record<NoticeKind, Localized> = {
  'accepted-list': { zh: '受理名单', en: 'accepted applicants' },
  'award-list': { zh: '拟奖名单', en: 'proposed award list' },
};

/** An objection (异议) from its receipt to its decision. */
export const OBJECTION_STATES = ['received', 'accepted', 'not-accepted', 'upheld', 'rejected'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_STATE_NAMES: Record<ObjectionState, Localized> = {
  received: { zh: '待审查', en: 'received' },
  accepted: { zh: '已受理，调查中', en: 'accepted, under investigation' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  upheld: { zh: '异议成立', en: 'upheld' },
  rejected: { zh: '异议不成立', en: 'rejected' },
};

/** Daqing art. 21, Xinyang art. 23: a person signs with their name, an organisation with its seal. */
export const OBJECTOR_KINDS = ['person', 'organisation'] as const;
export type ObjectorKind = (typeof OBJECTOR_KINDS)[number];

export const OBJECTOR_KIND_NAMES: Record<ObjectorKind, Localized> = {
  person: { zh: '个人', en: 'person' },
  organisation: { zh: '单位', en: 'organisation' },
};
