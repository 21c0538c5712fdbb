import { randomUUID } from 'node:crypto';
import { Encrypter } from 'age-encryption';
import { z } from 'zod';
import { chainEntries } from '../../audit/chain.js';
import { PingshenError, refuse } from '../../domain/errors.js';
import { safeFileName } from '../../domain/file-names.js';
import { DownloadSchema, UploadSchema } from '../../domain/files.js';
import { LocalizedSchema, type Localized } from '../../domain/localized.js';
import { PLAIN_ARCHIVE_CONFIRMATION, PLAIN_ARCHIVE_MEANING } from '../../domain/records.js';
import { IdSchema, IsoTimeSchema, Sha256Schema } from '../../domain/values.js';
import { buildArchive, decisionsOf } from '../../exchange/archive/build.js';
import { decisionCountsText } from '../../exchange/archive/decisions.js';
import { ProtectionSchema, type Protection } from '../../exchange/archive/format.js';
import { sha256Hex } from '../../exchange/common.js';
import { ArchiveVerificationSchema } from '../../exchange/archive/verification.js';
import { verifyArchive } from '../../exchange/archive/verify.js';
import { retentionOf, retentionText } from '../../rules/retention.js';
import { storeCall } from '../call.js';
import { findEdition, getEdition } from '../repo/editions.js';
import { disposeEdition, insertVerifiedArchive, verifiedArchives } from '../repo/records.js';
import { currentRecordDigest, gatherRecords } from './gather.js';
import { archiveReports } from './reports.js';
import { retentionStanding, storeRetentionStanding } from './retention.js';

/**
 * Records that last (issue 12): the edition archive, made and verified; the retention period that
 * keeps an edition (and its store) from being deleted until a verified archive holds it.
 */

const RetentionSchema = z.strictObject({ years: z.number().int().nullable(), until: z.string().nullable(), basis: z.string().nullable() });

const ArchiveRecordSchema = z.strictObject({
  editionId: IdSchema,
  archiveId: z.string(),
  sha256: Sha256Schema,
  madeAt: IsoTimeSchema,
  verifiedAt: IsoTimeSchema,
  recordDigest: Sha256Schema,
  auditSeq: z.number().int(),
  plain: z.boolean(),
  recipients: z.array(z.string()),
  /** the archive still holds the edition as it stands */
  current: z.boolean(),
});

/** Encrypted to named recipients, or plain once the caller has passed the confirmation sentence. */
const ProtectionRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('encrypted'), recipients: z.array(z.string().trim().min(1).max(200)).max(20) }),
  z.strictObject({ kind: z.literal('plain'), confirm: z.string() }),
]);

function protectionFor(request: z.output<typeof ProtectionRequest>, own: string): Protection {
  if (request.kind === 'plain') {
    if (request.confirm !== PLAIN_ARCHIVE_CONFIRMATION) {
      throw new PingshenError('archive.plain-unconfirmed', {
        zh: `生成明文档案需要明确确认。${PLAIN_ARCHIVE_MEANING.zh}确认后再试；未做任何更改。`,
        en: `A plain archive needs an explicit confirmation. ${PLAIN_ARCHIVE_MEANING.en} Confirm and try again; nothing was changed.`,
      });
    }
    return { kind: 'plain' };
  }
  if (request.recipients.length === 0) {
    throw refuse(
      'archive.no-recipient',
      '请至少指定一位接收方（例如档案室或监督部门的 age 公钥，age1 开头），档案只有接收方能打开；或明确确认生成明文档案。未做任何更改。',
      'Name at least one recipient (such as the archive office’s or the supervisor’s age public key, starting age1): only recipients can open the archive. Or explicitly confirm a plain archive. Nothing was changed.',
    );
  }
  for (const r of request.recipients) {
    try {
      new Encrypter().addRecipient(r);
    } catch {
      throw refuse(
        'archive.bad-recipient',
        `“${r}”不是 age 公钥（应以 age1 开头，由接收方用 age-keygen 或 pingshen archive keygen 生成）。请更正后重试；未做任何更改。`,
        `"${r}" is not an age public key (it starts with age1; the recipient makes it with age-keygen or pingshen archive keygen). Correct it and try again; nothing was changed.`,
      );
    }
  }
  // the secretariat can always open and verify its own archive
  return { kind: 'encrypted', recipients: [...new Set([...request.recipients, own])] };
}

export const recordCalls = {
  /**
   * the edition's archive: every bundle as received, the audit log, the registers (the committee's
   * decisions, the notices and the objections among them), the rules, the results and every report
   */
  'archive.create': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, protection: ProtectionRequest, lang: z.enum(['zh', 'en']).default('zh') }),
    output: DownloadSchema.extend({
      archiveId: z.string(),
      sha256: Sha256Schema,
      size: z.number().int(),
      bundles: z.number().int(),
      reports: z.number().int(),
      /** what the registers hold of the committee's decisions, the notices and the objections */
      decisions: z.strictObject({ committee: z.number().int(), notices: z.number().int(), objections: z.number().int() }),
      decisionsText: LocalizedSchema,
      recordDigest: Sha256Schema,
      retention: RetentionSchema,
      retentionText: LocalizedSchema,
      protection: ProtectionSchema,
    }),
    async run(i, ctx, aids) {
      const edition = getEdition(ctx, i.editionId);
      const protection = protectionFor(i.protection, ctx.identity.boxRecipient);
      const retention = retentionOf(edition.profile, edition.year);
      const records = await gatherRecords(ctx, edition.id);
      const reports = await archiveReports(ctx, edition.id, i.lang, (done, total, name) => aids.progress(done, total, name));
      const createdAt = ctx.now();
      const { bytes, manifest } = await buildArchive(records, {
        archiveId: randomUUID(),
        createdAt,
        secretariat: { signPublic: ctx.identity.signPublic, boxRecipient: ctx.identity.boxRecipient, fingerprint: ctx.identity.fingerprint },
        retention,
        audit: [...chainEntries(ctx.db)],
        reports,
        protection,
        signer: { privateKeyPkcs8: ctx.identity.signPrivate, kid: ctx.identity.signPublic },
      });
      const made = {
        fileName: safeFileName(`${edition.name}-档案-${createdAt.slice(0, 10)}.psarchive`),
        bytes,
        archiveId: manifest.archiveId,
        sha256: sha256Hex(bytes),
        size: bytes.byteLength,
        bundles: records.bundles.length,
        reports: reports.length,
        decisions: decisionsOf(records),
        decisionsText: decisionCountsText(decisionsOf(records)),
        recordDigest: manifest.recordDigest,
        retention,
        retentionText: retentionText(retention),
        protection,
      };
      ctx.change('archive.created', () => ({
        result: undefined,
        detail: { editionId: edition.id, archiveId: made.archiveId, sha256: made.sha256, recordDigest: made.recordDigest, protection, size: made.size },
      }));
      return made;
    },
  }),

  /**
   * Verifies an archive as anyone would (its own key opens it), and records it as this edition's
   * verified archive when it is this store's and holds the edition as it stands.
   */
  'archive.verify': storeCall({
    access: 'secretariat',
    input: z.strictObject({ file: UploadSchema }),
    output: z.strictObject({ verification: ArchiveVerificationSchema, recorded: z.boolean(), note: LocalizedSchema.nullable() }),
    async run(i, ctx) {
      const verification = await verifyArchive(i.file.bytes, { identities: [ctx.identity.boxIdentity] });
      const a = verification.archive;
      if (!verification.ok || !a) return { verification, recorded: false, note: null };
      let note: Localized | null = null;
      const edition = findEdition(ctx, a.edition.id);
      if (a.fingerprint !== ctx.identity.fingerprint) {
        note = { zh: '档案有效，但不是本库签发的，不作为本库的届次档案记录。', en: 'The archive is valid, but it was not signed by this store, so it is not recorded as this store’s archive.' };
      } else if (!edition) {
        note = { zh: '档案有效；本库中已没有该届次。', en: 'The archive is valid; this store no longer holds its edition.' };
      } else if (a.recordDigest !== (await currentRecordDigest(ctx, edition.id))) {
        note = {
          zh: '档案有效，但制作后本届又有改动，它不再包含完整记录。要删除本届，请重新生成档案并核验。',
          en: 'The archive is valid, but the edition changed after it was made, so it no longer holds the whole record. To delete the edition, make a new archive and verify it.',
        };
      }
      if (note) return { verification, recorded: false, note };
      ctx.change('archive.verified', () => {
        insertVerifiedArchive(ctx, {
          editionId: a.edition.id,
          archiveId: a.archiveId,
          sha256: verification.sha256,
          madeAt: a.createdAt,
          verifiedAt: ctx.now(),
          recordDigest: a.recordDigest,
          auditSeq: a.auditSeq,
          plain: a.protection.kind === 'plain',
          recipients: a.protection.kind === 'encrypted' ? a.protection.recipients : [],
        });
        return { result: undefined, detail: { editionId: a.edition.id, archiveId: a.archiveId, sha256: verification.sha256 } };
      });
      return { verification, recorded: true, note: null };
    },
  }),

  'archive.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(ArchiveRecordSchema),
    async run(i, ctx) {
      const list = verifiedArchives(ctx, getEdition(ctx, i.editionId).id);
      const digest = list.length > 0 ? await currentRecordDigest(ctx, i.editionId) : null;
      return list.map((a) => ({ ...a, current: a.recordDigest === digest }));
    },
  }),

  'retention.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.strictObject({
      retention: RetentionSchema,
      text: LocalizedSchema,
      inForce: z.boolean(),
      archive: ArchiveRecordSchema.nullable(),
      mayDelete: z.boolean(),
      refusal: LocalizedSchema.nullable(),
    }),
    run: (i, ctx) => retentionStanding(ctx, i.editionId),
  }),

  /** deletes the edition and everything of it, refused within its retention period without a current verified archive */
  'editions.delete': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, confirmName: z.string() }),
    output: z.strictObject({ deleted: z.record(z.string(), z.number().int()) }),
    async run(i, ctx) {
      const edition = getEdition(ctx, i.editionId);
      if (i.confirmName.trim() !== edition.name) {
        throw refuse(
          'edition.delete-unconfirmed',
          `删除届次须输入其完整名称“${edition.name}”以确认；未做任何更改。`,
          `To delete the edition, type its full name "${edition.name}" to confirm; nothing was changed.`,
        );
      }
      const standing = await retentionStanding(ctx, edition.id);
      if (!standing.mayDelete) throw new PingshenError('retention.in-force', standing.refusal!, { until: standing.retention.until });
      const deleted = ctx.change('edition.deleted', () => {
        const counts = disposeEdition(ctx, {
          editionId: edition.id,
          name: edition.name,
          year: edition.year,
          at: ctx.now(),
          retentionUntil: standing.retention.until,
          archiveSha256: standing.archive?.sha256 ?? null,
        });
        return { result: counts, detail: { editionId: edition.id, name: edition.name, year: edition.year, retentionUntil: standing.retention.until, archiveSha256: standing.archive?.sha256 ?? null, rows: counts } };
      });
      return { deleted };
    },
  }),

  /** whether the whole store may be deleted: refused while any edition in it is kept by its retention period without a current verified archive */
  'retention.storeCheck': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: z.strictObject({ mayDelete: z.boolean(), blocking: z.array(z.strictObject({ editionId: IdSchema, name: z.string(), until: z.string().nullable() })), refusal: LocalizedSchema.nullable() }),
    run: (_i, ctx) => storeRetentionStanding(ctx),
  }),
};
