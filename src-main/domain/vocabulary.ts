import { z } from 'zod';
import { AWARD_LEVELS, CONFIRMATION_SUBJECTS, ELIGIBILITY_STATES, INDUSTRIES, KIND_ORDER, NOTICE_KINDS, OBJECTION_STATES, OBJECTOR_KINDS, PAST_EVENTS, POOL_STATES, ROLES, STAGES, TIE_SCOPES } from './words.js';

/** The review's enumerations as schemas, built from the lists in words.ts. */

export const StageSchema = z.enum(STAGES);
export const RoleSchema = z.enum(ROLES);
export const ApplicantKindSchema = z.enum(KIND_ORDER);
export const IndustrySchema = z.literal(INDUSTRIES);
export const PoolStateSchema = z.enum(POOL_STATES);
export const AwardLevelSchema = z.enum(AWARD_LEVELS);
export const EligibilityStateSchema = z.enum(ELIGIBILITY_STATES);
export const PastEventSchema = z.enum(PAST_EVENTS);
export const ConfirmationSubjectSchema = z.enum(CONFIRMATION_SUBJECTS);
export const TieScopeSchema = z.enum(TIE_SCOPES);
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export const ObjectionStateSchema = z.enum(OBJECTION_STATES);
export const ObjectorKindSchema = z.enum(OBJECTOR_KINDS);
