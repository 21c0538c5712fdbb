import { z } from 'zod';
import { INDUSTRIES, KIND_ORDER, POOL_STATES, ROLES, STAGES } from './words.js';

/** The review's enumerations as schemas, built from the lists in words.ts. */

export const StageSchema = z.enum(STAGES);
export const RoleSchema = z.enum(ROLES);
export const ApplicantKindSchema = z.enum(KIND_ORDER);
export const IndustrySchema = z.literal(INDUSTRIES);
export const PoolStateSchema = z.enum(POOL_STATES);
