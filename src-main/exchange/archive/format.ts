import { z } from 'zod';
import { canonicalJson } from '../../audit/canonical-json.js';
import { LocalizedSchema } from '../../domain/localized.js';
import { BallotTallySchema, ConfirmationSchema, TieSettlementSchema } from '../../domain/committee.js';
import { NoticeRecordSchema, ObjectionRecordSchema, PublishedListSchema } from '../../domain/notices.js';
import { WithdrawalSchema } from '../../domain/people.js';
import { DeclarationSchema, SheetReturnSchema, SheetVersionSchema } from '../../domain/review.js';
import { EntityIdSchema, IsoTimeSchema, Sha256Schema, UuidSchema } from '../../domain/values.js';
import { ApplicantKindSchema, AwardLevelSchema, IndustrySchema, StageSchema } from '../../domain/vocabulary.js';
import { sha256Hex } from '../common.js';

/**
 * The edition archive (届次档案): one zip per edition, its manifest of hashes signed by the
 * secretariat, the whole encrypted with age to recipients the secretariat names (or left plain
 * after an explicit confirmation). Every part is a standard file a supervisor can open by hand:
 * JSON, the bundles exactly as they arrived (age), the PDFs, a JWS.
 */

export const ARCHIVE_FORMAT = 'pingshen/edition-archive';
/**
 * 2: the registers hold the committee's decisions, the notices and the objections, and the audit
 * log is held against them. An archive of version 1 was made before they were archived: it still
 * verifies, without them.
 */
export const ARCHIVE_VERSION = 2;
export const ARCHIVE_VERSIONS = [1, ARCHIVE_VERSION] as const;

export const PATHS = {
  manifest: 'manifest.jws',
  cover: 'README.txt',
  edition: 'edition/edition.json',
  profile: 'edition/profile.json',
  criteria: 'edition/criteria.json',
  applicants: 'registers/applicants.json',
  experts: 'registers/experts.json',
  panels: 'registers/panels.json',
  seats: 'registers/seats.json',
  declarations: 'registers/declarations.json',
  declarationEvents: 'registers/declaration-events.json',
  sheetReturns: 'registers/sheet-returns.json',
  sheetVersions: 'registers/sheet-versions.json',
  consensus: 'registers/consensus.json',
  bundles: 'registers/bundles.json',
  committee: 'registers/committee.json',
  notices: 'registers/notices.json',
  objections: 'registers/objections.json',
  audit: 'audit/secretariat-log.json',
  results: 'results/results.json',
} as const;

/**
 * Written only once the edition holds any of them: an edition with no committee decision, notice
 * or objection makes the same record files as before they had registers, so an archive of it made
 * then still holds it as it stands.
 */
export const DECISION_PATHS = [PATHS.committee, PATHS.notices, PATHS.objections] as const;

export const BUNDLES_DIR = 'bundles/';
export const REPORTS_DIR = 'reports/';

/**
 * The edition's records, as distinct from what describes them (cover, manifest), the reports
 * (each made anew carries the minute it was made) and the store-wide audit log (which grows with
 * every other edition's work): while nothing of the edition changes, the store makes the very
 * same record files again, which is how it knows an archive still holds the edition as it stands.
 */
export function isRecordFile(path: string): boolean {
  return path.startsWith('edition/') || path.startsWith('registers/') || path.startsWith(BUNDLES_DIR) || path.startsWith('results/');
}

export type Files = Map<string, Uint8Array>;

/** SHA-256 over the record files' names and hashes, in name order. */
export function recordDigest(files: Files): string {
  const list = [...files.entries()]
    .filter(([path]) => isRecordFile(path))
    .map(([path, bytes]) => [path, sha256Hex(bytes)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return sha256Hex(canonicalJson(list));
}

export function jsonFile(value: unknown): Uint8Array {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

const RetentionSchema = z.strictObject({ years: z.number().int().nullable(), until: z.string().nullable(), basis: z.string().nullable() });

export const ProtectionSchema = z.discriminatedUnion('kind', [
  /** sealed with age to these recipients; the secretariat's own is always among them */
  z.strictObject({ kind: z.literal('encrypted'), recipients: z.array(z.string()).min(1) }),
  /** readable by anyone who has the file, as the secretariat confirmed it wanted */
  z.strictObject({ kind: z.literal('plain') }),
]);
export type Protection = z.infer<typeof ProtectionSchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSIONS),
  archiveId: UuidSchema,
  createdAt: IsoTimeSchema,
  edition: z.strictObject({ id: EntityIdSchema, name: z.string(), year: z.number().int(), profileId: z.string(), frameworkId: z.string(), timeZone: z.string() }),
  secretariat: z.strictObject({ signPublic: z.string(), boxRecipient: z.string(), fingerprint: z.string() }),
  retention: RetentionSchema,
  protection: ProtectionSchema,
  /** the head of the secretariat's audit log as archived */
  auditHead: z.strictObject({ seq: z.number().int().min(0), hash: Sha256Schema }),
  recordDigest: Sha256Schema,
  /** every file of the archive but the manifest itself */
  files: z.array(z.strictObject({ path: z.string().min(1), sha256: Sha256Schema, size: z.number().int().min(0) })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** One received bundle in the import register, with where its bytes lie in the archive. */
export const BundleEntrySchema = z.strictObject({
  path: z.string().startsWith(BUNDLES_DIR),
  fileName: z.string(),
  receivedAt: IsoTimeSchema,
  status: z.enum(['accepted', 'superseded', 'refused']),
  sha256: Sha256Schema,
  bundleId: EntityIdSchema.nullable(),
  expertId: EntityIdSchema.nullable(),
  sequence: z.number().int().nullable(),
  payloadSha256: Sha256Schema.nullable(),
  supersededBy: EntityIdSchema.nullable(),
  reason: LocalizedSchema.nullable(),
  /** the age file key that opens this very file (hex); null for a refused bundle */
  fileKey: z.string().regex(/^[0-9a-f]{32}$/).nullable(),
});
export type BundleEntry = z.infer<typeof BundleEntrySchema>;

/*
 * What the verifier reads of each register. Plain objects, not strict ones: a later version of the
 * app may record more about an applicant or an expert, and what the recomputation needs is still
 * there.
 */
export const ApplicantsRegister = z.array(
  z.object({
    id: EntityIdSchema,
    code: z.string(),
    name: z.string(),
    kind: ApplicantKindSchema,
    industry: IndustrySchema,
    withdrawn: WithdrawalSchema,
    ineligible: z.object({ at: z.string(), reasons: z.array(LocalizedSchema), note: z.string().nullable() }).optional(),
    objection: z.object({ number: z.number().int(), decidedOn: z.string(), finding: z.string() }).optional(),
    levels: z.array(AwardLevelSchema).optional(),
  }),
);
export const ExpertsRegister = z.array(
  z.object({ id: EntityIdSchema, code: z.string(), name: z.string(), signPublic: z.string().nullable(), fingerprint: z.string().nullable() }),
);
export const SeatsRegister = z.array(z.object({ applicantId: EntityIdSchema, stage: StageSchema, panelId: EntityIdSchema, memberIds: z.array(EntityIdSchema) }));
export const DeclarationsRegister = z.array(z.object(DeclarationSchema.shape));
export const SheetReturnsRegister = z.array(z.object(SheetReturnSchema.shape));
export const SheetVersionsRegister = z.array(z.object(SheetVersionSchema.shape));
export const BundlesRegister = z.array(BundleEntrySchema);
/** the differences a panel leader let stand in a signed-off consensus that still stands, with the leader's signed record */
export const ConsensusRegister = z.array(
  z.object({
    applicantId: EntityIdSchema,
    stage: StageSchema,
    leaderId: EntityIdSchema,
    signedAt: z.string(),
    statement: z.string(),
    stands: z.array(z.object({ itemCode: z.string(), reason: z.string() })),
  }),
);
export type ConsensusEntry = z.infer<typeof ConsensusRegister>[number];

/** The committee's decisions (评委会审议): every confirmation, tie settlement and ballot count, in the order recorded. */
export const CommitteeRegister = z.object({
  confirmations: z.array(z.object(ConfirmationSchema.shape)),
  settlements: z.array(z.object(TieSettlementSchema.shape)),
  /** a later count for the same applicant replaces an earlier one */
  tallies: z.array(z.object(BallotTallySchema.shape)),
});
export type CommitteeEntries = z.infer<typeof CommitteeRegister>;

/** The public notices with the list each published, and the final list once published. */
export const NoticesRegister = z.object({
  notices: z.array(
    z.object({
      ...NoticeRecordSchema.shape,
      /** the committee's confirmation of the award list the notice published; null for the accepted list */
      confirmationId: EntityIdSchema.nullable(),
    }),
  ),
  finalList: z.object(PublishedListSchema.shape).nullable(),
});
export type NoticesEntries = z.infer<typeof NoticesRegister>;

/** Every objection registered, by number, with its steps and outcome. */
export const ObjectionsRegister = z.array(z.object(ObjectionRecordSchema.shape));
export type ObjectionEntry = z.infer<typeof ObjectionsRegister>[number];

export const AuditLogSchema = z.array(
  z.strictObject({
    seq: z.number().int().min(1),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
    prevHash: Sha256Schema,
    hash: Sha256Schema,
  }),
);
