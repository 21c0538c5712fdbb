import { z } from 'zod';
import { listReasons, validate } from '../domain/reasons.js';
import { FrameworkSchema } from '../criteria/schema.js';
import type { Localized } from '../domain/localized.js';
import { effectiveRules } from '../profile/effective.js';
import { ProfileSchema } from '../profile/schema.js';
import { StageSchema } from '../domain/vocabulary.js';
import { EditionSettingsSchema } from '../profile/settings.js';
import { PingshenError } from '../domain/errors.js';
import { isPdf, sha256Hex } from './common.js';
import { Base64Schema, EntityIdSchema, IsoTimeSchema, KeyTextSchema, Sha256Schema, UuidSchema } from '../domain/values.js';

/**
 * The review package: what the secretariat hands one expert. Sealed to that expert's enrolled
 * key and signed by the secretariat (src-main/seal), so its content is trusted only after the
 * envelope verified; this schema then checks that the content is whole and self-consistent.
 */
export const PACKAGE_FORMAT = 'pingshen/review-package';
export const PACKAGE_VERSION = 3;

const PartySchema = z.strictObject({
  signPublic: KeyTextSchema,
  boxRecipient: KeyTextSchema,
  fingerprint: z.string().min(1).max(200),
});

const AssignmentSchema = z.strictObject({
  applicant: z.strictObject({
    id: EntityIdSchema,
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    kind: z.enum(['unit', 'individual']),
    industry: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  stage: StageSchema,
  panel: z.strictObject({ id: EntityIdSchema, name: z.string().min(1).max(100) }),
  leader: z.boolean(),
  /** a recusal the secretariat imposed: the expert may neither read nor score this applicant */
  recusal: z.strictObject({ reason: z.string().min(1).max(1000), at: IsoTimeSchema }).nullable(),
});

const RosterMemberSchema = z.strictObject({
  id: EntityIdSchema,
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(100),
  /** null while the member is not enrolled: nothing of theirs can be verified until a later package */
  keys: PartySchema.nullable(),
  /** applicants the secretariat recused this member from */
  recusedFrom: z.array(EntityIdSchema),
  /** applicants whose conflict, declared by this member, the secretariat lifted */
  lifted: z.array(EntityIdSchema),
  /** null: a member of the whole panel; otherwise a substitute seated for these applicants only */
  seatedFor: z.array(EntityIdSchema).nullable(),
});

/**
 * Who else sits on a panel, for the consensus (组长负责制): a panel's leader learns every other
 * member and their keys, to verify their bundles on the leader's own laptop; a member learns only
 * the leader, to seal bundles to the leader too and to verify the leader's returns.
 */
const RosterSchema = z.strictObject({
  panelId: EntityIdSchema,
  stage: StageSchema,
  leaderId: EntityIdSchema.nullable(),
  members: z.array(RosterMemberSchema),
  /** the secretariat's returns of the members' sheets in this panel: the leader's only */
  returns: z.array(
    z.strictObject({ id: EntityIdSchema, expertId: EntityIdSchema, applicantId: EntityIdSchema, version: z.number().int().min(1), reason: z.string().min(1).max(1000), at: IsoTimeSchema }),
  ),
});

const MaterialSchema = z.strictObject({
  id: EntityIdSchema,
  applicantId: EntityIdSchema,
  fileName: z.string().min(1).max(255),
  size: z.number().int().positive(),
  sha256: Sha256Schema,
  addedAt: IsoTimeSchema,
  /** 1 for the first; a material the secretariat replaced comes as the next version */
  version: z.number().int().min(1).default(1),
  /** the material this version replaces */
  replaces: EntityIdSchema.nullable().default(null),
  data: Base64Schema,
});

export const ReviewPackageSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  packageId: UuidSchema,
  issuedAt: IsoTimeSchema,
  edition: z.strictObject({
    id: EntityIdSchema,
    name: z.string().min(1).max(200),
    year: z.number().int().min(2000).max(2200),
    profile: ProfileSchema,
    framework: FrameworkSchema,
    settings: EditionSettingsSchema,
  }),
  secretariat: PartySchema,
  expert: z.strictObject({
    id: EntityIdSchema,
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(100),
    fingerprint: z.string().min(1).max(200),
  }),
  assignments: z.array(AssignmentSchema),
  materials: z.array(MaterialSchema),
  /** sheets the secretariat sent back to this expert for correction, with the reason */
  returns: z.array(
    z.strictObject({ id: EntityIdSchema, applicantId: EntityIdSchema, stage: StageSchema, version: z.number().int().min(1), reason: z.string().min(1).max(1000), at: IsoTimeSchema }),
  ),
  /** recusals of this expert the secretariat lifted, declared by the expert or imposed */
  lifted: z.array(
    z.strictObject({ applicantId: EntityIdSchema, source: z.enum(['expert', 'secretariat']), reason: z.string().min(1).max(1000), at: IsoTimeSchema }),
  ),
  roster: z.array(RosterSchema),
});

export type ReviewPackage = z.infer<typeof ReviewPackageSchema>;
export type PackageAssignment = ReviewPackage['assignments'][number];
export type PackageMaterial = ReviewPackage['materials'][number];
export type PackageRoster = ReviewPackage['roster'];

export type BuildPackageInput = Omit<ReviewPackage, 'format' | 'version' | 'materials'> & {
  materials: (Omit<PackageMaterial, 'data'> & { bytes: Uint8Array })[];
};

export function buildReviewPackage(input: BuildPackageInput): ReviewPackage {
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    ...input,
    materials: input.materials.map(({ bytes, ...m }) => ({ ...m, data: Buffer.from(bytes).toString('base64') })),
  };
}

export interface VerifiedPackage {
  pkg: ReviewPackage;
  /** decoded material bytes by material id, checked against their digest and size */
  bytes: Map<string, Uint8Array>;
}

function malformed(reasons: Localized[]): PingshenError {
  const list = listReasons(reasons);
  return new PingshenError(
    'package.malformed',
    {
      zh: `评审包内容不完整或不一致：${list.zh}。请向秘书处索取新的评审包。`,
      en: `The review package is incomplete or inconsistent: ${list.en}. Ask the secretariat for a new package.`,
    },
    { reasons },
  );
}

/** Validates an opened package's payload: shape, rules, and that every material is what it claims. */
export function verifyReviewPackage(payload: unknown): VerifiedPackage {
  const parsed = validate(ReviewPackageSchema, payload);
  if (!parsed.ok) throw malformed(parsed.reasons);
  const pkg = parsed.value;
  const reasons: Localized[] = [];
  try {
    effectiveRules(pkg.edition.profile, pkg.edition.framework, pkg.edition.settings);
  } catch (e) {
    reasons.push(e instanceof PingshenError ? e.localized : { zh: String(e), en: String(e) });
  }
  const seats = new Set<string>();
  const readable = new Set<string>();
  for (const a of pkg.assignments) {
    const key = `${a.applicant.id}\u0000${a.stage}`;
    if (seats.has(key)) {
      reasons.push({ zh: `申报单位 ${a.applicant.code} 在同一环节被分配两次`, en: `applicant ${a.applicant.code} is assigned twice in one stage` });
    }
    seats.add(key);
    if (!a.recusal) readable.add(a.applicant.id);
  }
  const panels = new Set(pkg.assignments.map((a) => a.panel.id));
  const listed = new Set<string>();
  for (const r of pkg.roster) {
    if (!panels.has(r.panelId) || listed.has(r.panelId)) {
      reasons.push({ zh: `评审组名单 ${r.panelId} 不属于本专家的评审任务，或出现两次`, en: `the roster of panel ${r.panelId} is not one of this expert's panels, or appears twice` });
    }
    listed.add(r.panelId);
  }
  const bytes = new Map<string, Uint8Array>();
  for (const m of pkg.materials) {
    const data = new Uint8Array(Buffer.from(m.data, 'base64'));
    if (!readable.has(m.applicantId)) {
      reasons.push({ zh: `材料 ${m.fileName} 不属于本专家可评审的申报单位`, en: `material ${m.fileName} belongs to no applicant this expert may review` });
    }
    if (data.length !== m.size || sha256Hex(data) !== m.sha256) {
      reasons.push({ zh: `材料 ${m.fileName} 与其摘要不符`, en: `material ${m.fileName} does not match its digest` });
    } else if (!isPdf(data)) {
      reasons.push({ zh: `材料 ${m.fileName} 不是 PDF 文件`, en: `material ${m.fileName} is not a PDF` });
    }
    bytes.set(m.id, data);
  }
  if (reasons.length) throw malformed(reasons);
  return { pkg, bytes };
}
