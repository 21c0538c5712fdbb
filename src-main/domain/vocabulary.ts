import { z } from 'zod';
import type { Localized } from './localized.js';

/** The review's enumerations, each with the words a person reads for its values. */

export const StageSchema = z.enum(['material', 'site', 'defence']);
export type Stage = z.infer<typeof StageSchema>;
export const STAGES: readonly Stage[] = StageSchema.options;

export const STAGE_NAMES: Record<Stage, Localized> = {
  material: { zh: '材料评审', en: 'material review' },
  site: { zh: '现场评审', en: 'site review' },
  defence: { zh: '陈述答辩', en: 'defence' },
};

export const RoleSchema = z.enum(['secretariat', 'expert']);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_NAMES: Record<Role, Localized> = {
  secretariat: { zh: '秘书处', en: 'secretariat' },
  expert: { zh: '评审专家', en: 'expert' },
};

export const ApplicantKindSchema = z.enum(['unit', 'individual']);
export type ApplicantKind = z.infer<typeof ApplicantKindSchema>;
/** Units are listed before individuals (Jinan awards them separately, art. 2). */
export const KIND_ORDER: readonly ApplicantKind[] = ApplicantKindSchema.options;

/** as the plural a rule names them by: "does not admit individuals" */
export const KIND_NAMES: Record<ApplicantKind, Localized> = {
  unit: { zh: '单位', en: 'organisations' },
  individual: { zh: '个人', en: 'individuals' },
};

/** 一产业 / 二产业 / 三产业 */
export const IndustrySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Industry = z.infer<typeof IndustrySchema>;
