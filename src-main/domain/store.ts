import { z } from 'zod';
import { IsoTimeSchema, Sha256Schema } from './values.js';
import { RoleSchema } from './vocabulary.js';

/** A store (加密库) and its audit log, as either role sees its own. */

export const StoreInfoSchema = z.strictObject({
  role: RoleSchema,
  path: z.string(),
  /** fingerprint of this store's public identity (signing key), for out-of-band comparison */
  fingerprint: z.string(),
  createdAt: IsoTimeSchema,
});
export type StoreInfo = z.infer<typeof StoreInfoSchema>;

export const AuditEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: IsoTimeSchema,
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: Sha256Schema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z.union([
  z.strictObject({ ok: z.literal(true), head: z.string(), length: z.number().int() }),
  z.strictObject({ ok: z.literal(false), brokenAt: z.number().int() }),
]);
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
