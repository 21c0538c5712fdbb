import { z } from 'zod';
import { LocalizedSchema, type Localized } from '../../domain/localized.js';
import { EntityIdSchema, IsoTimeSchema, Sha256Schema } from '../../domain/values.js';
import { ProtectionSchema } from './format.js';

/**
 * What verifying an archive found, as a supervisor reads it: each check says what it looked at
 * (with counts) and every problem it met, naming the file, bundle or applicant concerned.
 */

export const ARCHIVE_CHECKS = ['container', 'manifest', 'files', 'bundles', 'audit', 'registers', 'results'] as const;
export type ArchiveCheckId = (typeof ARCHIVE_CHECKS)[number];

export const ARCHIVE_CHECK_NAMES: Record<ArchiveCheckId, Localized> = {
  container: { zh: '文件与加密', en: 'file and encryption' },
  manifest: { zh: '清单签名', en: 'manifest signature' },
  files: { zh: '每个文件的哈希', en: 'every file’s hash' },
  bundles: { zh: '结果包与专家签名', en: 'bundles and expert signatures' },
  audit: { zh: '审计链', en: 'audit chain' },
  registers: { zh: '登记册与签名结果包一致', en: 'registers agree with the signed bundles' },
  results: { zh: '重算结果', en: 'recomputed results' },
};

export const ArchiveCheckSchema = z.strictObject({
  id: z.enum(ARCHIVE_CHECKS),
  ok: z.boolean(),
  /** what was checked, with counts */
  done: LocalizedSchema,
  problems: z.array(LocalizedSchema),
});
export type ArchiveCheck = z.infer<typeof ArchiveCheckSchema>;

export const ArchiveVerificationSchema = z.strictObject({
  ok: z.boolean(),
  /** SHA-256 of the archive file as given */
  sha256: Sha256Schema,
  /** what the signed manifest says, once its signature holds */
  archive: z
    .strictObject({
      archiveId: z.string(),
      createdAt: IsoTimeSchema,
      edition: z.strictObject({ id: EntityIdSchema, name: z.string(), year: z.number().int(), profileId: z.string(), frameworkId: z.string(), timeZone: z.string() }),
      fingerprint: z.string(),
      retention: z.strictObject({ years: z.number().int().nullable(), until: z.string().nullable(), basis: z.string().nullable() }),
      protection: ProtectionSchema,
      recordDigest: Sha256Schema,
      auditSeq: z.number().int(),
      files: z.number().int(),
    })
    .nullable(),
  checks: z.array(ArchiveCheckSchema),
});
export type ArchiveVerification = z.infer<typeof ArchiveVerificationSchema>;

/** A check under way: problems gathered as they are met. */
export class Check {
  readonly problems: Localized[] = [];
  constructor(readonly id: ArchiveCheckId) {}

  fail(zh: string, en: string): void {
    this.problems.push({ zh, en });
  }

  done(zh: string, en: string): ArchiveCheck {
    return { id: this.id, ok: this.problems.length === 0, done: { zh, en }, problems: this.problems };
  }
}
