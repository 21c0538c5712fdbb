import { z } from 'zod';
import { LocalizedSchema, type Localized } from '../domain/localized.js';
import { BundleOutcomeSchema } from '../domain/files.js';
import { StoreInfoSchema } from '../domain/store.js';
import { RoleSchema } from '../domain/vocabulary.js';

export const ModeSchema = z.enum(['electron', 'browser']);
export type Mode = z.infer<typeof ModeSchema>;

export const AppInfoSchema = z.strictObject({ name: z.string(), version: z.string(), mode: ModeSchema, dataDir: z.string() });
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SessionStatusSchema = z.strictObject({
  /** the role whose store is open, null while locked */
  role: RoleSchema.nullable(),
  /** which roles already have a store in this data folder */
  stores: z.strictObject({ secretariat: z.boolean(), expert: z.boolean() }),
  info: StoreInfoSchema.nullable(),
  idleMinutes: z.number().int(),
  /** why the session was last locked, so the start screen can say so */
  lockedBecause: z.enum(['idle', 'user']).nullable(),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const SettingsSchema = z.strictObject({ idleMinutes: z.number().int().min(1).max(240) });
export type Settings = z.infer<typeof SettingsSchema>;

/** What crosses the boundary when a call fails: a stable code and a bilingual message, no stack. */
export const CallErrorSchema = z.strictObject({ code: z.string(), message: LocalizedSchema, details: z.unknown().optional() });
export interface CallError {
  code: string;
  message: Localized;
  details?: unknown;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** How far the app's intake of result bundles (ipc/intake.ts) has got. */
export const IntakeStatusSchema = z.strictObject({
  jobId: z.string(),
  /** files opened and verified so far */
  done: z.number().int(),
  total: z.number().int(),
  finished: z.boolean(),
  /** every file's outcome, in the order given, once the job has finished */
  outcomes: z.array(BundleOutcomeSchema),
  error: CallErrorSchema.nullable(),
});
export type IntakeStatus = z.infer<typeof IntakeStatusSchema>;
