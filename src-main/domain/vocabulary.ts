import { z } from 'zod';
import { INDUSTRIES, KIND_ORDER, NOTICE_KINDS, OBJECTION_STATES, OBJECTOR_KINDS, POOL_STATES, ROLES, STAGES } from './words.js';

/** The review's enumerations as schemas, built from the lists in words.ts. */

export const StageSchema = z.enum(STAGES);
export const RoleSchema = z.enum(ROLES);
export const ApplicantKindSchema = z.enum(KIND_ORDER);
export const IndustrySchema = z.literal(INDUSTRIES);
export const PoolStateSchema = z.enum(POOL_STATES);
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export const ObjectionStateSchema = z.enum(OBJECTION_STATES);
export const ObjectorKindSchema = z.enum(OBJECTOR_KINDS);
