import { z } from 'zod';
import { listReasons, validate } from '../domain/reasons.js';
import type { Localized } from '../domain/localized.js';
import { DeclarationSchema, ItemScoreSchema, PercentSchema, ScoreSheetSchema } from '../domain/review.js';
import { EntityIdSchema, IsoTimeSchema, Sha256Schema, UuidSchema } from '../domain/values.js';

/**
 * The result bundle: what an expert hands back. Sealed to the secretariat and signed by the
 * expert; `sequence` grows with every export from the same expert, so the secretariat can tell
 * a later bundle (replaces) from a replayed earlier one (refused). It carries the expert's whole
 * audit log, so the secretariat can check that it extends what earlier bundles showed and that
 * the sheets and declarations are what the log recorded. A member's bundle is sealed to the panel's
 * leader too, who verifies it the same way on the leader's own laptop.
 */
export const BUNDLE_FORMAT = 'pingshen/result-bundle';
export const BUNDLE_VERSION = 3;

/** The bundle carries the expert's own records, each reduced to what the secretariat needs. */
const BundleItemSchema = ItemScoreSchema.pick({ itemCode: true, strengths: true, opportunities: true }).extend({ percent: PercentSchema });

const BundleSheetSchema = ScoreSheetSchema.pick({ applicantId: true, stage: true, version: true }).extend({
  /** the sheet's id in the expert's store, as its audit entries name it */
  sheetId: EntityIdSchema,
  /** the return a later version answers */
  returnId: EntityIdSchema.nullable(),
  submittedAt: IsoTimeSchema,
  items: z.array(BundleItemSchema).min(1),
});

const ChainEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: IsoTimeSchema,
  actor: z.string().min(1).max(300),
  action: z.string().min(1).max(100),
  detail: z.record(z.string(), z.unknown()),
  prevHash: Sha256Schema,
  hash: Sha256Schema,
});

const BundleDeclarationSchema = DeclarationSchema.pick({ applicantId: true, conflict: true, reason: true, declaredAt: true });

export const ResultBundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  bundleId: UuidSchema,
  editionId: EntityIdSchema,
  expertId: EntityIdSchema,
  packageId: UuidSchema,
  sequence: z.number().int().min(1),
  createdAt: IsoTimeSchema,
  sheets: z.array(BundleSheetSchema),
  declarations: z.array(BundleDeclarationSchema),
  /** the expert's audit log from its first entry, as the chain links it */
  audit: z.array(ChainEntrySchema).min(1),
  /** the head of the expert's audit chain when the bundle was sealed */
  auditHead: z.strictObject({ seq: z.number().int().min(0), hash: Sha256Schema }),
  /**
   * returns a panel leader signed (compact JWS): those the expert's revised sheets answer, and,
   * from a leader, those the leader made; the receiver honours only what verifies under the leader's key
   */
  leaderReturns: z.array(z.string().min(1).max(20_000)).max(1000),
  /** a leader's signed consensus records (compact JWS) */
  consensus: z.array(z.string().min(1).max(4_000_000)).max(1000),
});

export type ResultBundle = z.infer<typeof ResultBundleSchema>;
export type BundleSheet = ResultBundle['sheets'][number];
export type BundleDeclaration = ResultBundle['declarations'][number];

export function buildResultBundle(input: Omit<ResultBundle, 'format' | 'version'>): ResultBundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, ...input };
}

export type ParsedBundle = { ok: true; bundle: ResultBundle } | { ok: false; reason: Localized };

export function parseResultBundle(payload: unknown): ParsedBundle {
  const parsed = validate(ResultBundleSchema, payload);
  if (parsed.ok) return { ok: true, bundle: parsed.value };
  const list = listReasons(parsed.reasons);
  return {
    ok: false,
    reason: { zh: `结果包内容不符合格式：${list.zh}`, en: `the result bundle's content is malformed: ${list.en}` },
  };
}
