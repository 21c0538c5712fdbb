import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../audit/canonical-json.js';
import { EditionSummarySchema } from '../../domain/editions.js';
import { namedFile } from '../../domain/file-names.js';
import { STAGES, STAGE_NAMES } from '../../domain/words.js';
import { refuse } from '../../domain/errors.js';
import { PackageDownloadSchema, UploadSchema, type PackageDownload } from '../../domain/files.js';
import { PackageChangeSchema } from '../../domain/package-changes.js';
import { ExpertSelfSchema, type Expert } from '../../domain/people.js';
import { AssignmentViewSchema } from '../../domain/review.js';
import { IdSchema } from '../../domain/values.js';
import { sha256Hex } from '../../exchange/common.js';
import { contentDigest, packageContent } from '../../exchange/package-content.js';
import { buildReviewPackage, verifyReviewPackage, type ReviewPackage } from '../../exchange/package.js';
import { storeCall } from '../call.js';
import { meIn } from '../gates.js';
import { assignmentsOf } from '../repo/assignments.js';
import { editionSummary, getEdition } from '../repo/editions.js';
import { materialBytes } from '../repo/materials.js';
import { findPackage, insertPackageExport } from '../repo/packages.js';
import { expertKeys, getExpert } from '../repo/people.js';
import { sealPayload, openPayload } from '../sealing.js';
import { chooseExperts, packageDraft, packageStatuses, PackageStatusSchema } from './build.js';
import { changesOf, checkPinned, checkSigner, receivePackage } from './receive.js';

/**
 * Review packages (评审包): the secretariat seals one per expert, readable only by that expert,
 * holding the edition's rules, the expert's assignments and the materials the expert may read.
 * The expert's store takes its assignments, and who it speaks for, from the latest one.
 */

export const PACKAGE_EXTENSION = '.pspkg';

/** Named for whom and which step, as the bundle that comes back: 2025年度无锡市市长质量奖-材料评审-E03张伟-评审包.pspkg */
function packageFileName(editionName: string, pkg: ReviewPackage, expert: Pick<Expert, 'code' | 'name'>): string {
  const stages = STAGES.filter((s) => pkg.assignments.some((a) => a.stage === s)).map((s) => STAGE_NAMES[s].zh);
  return namedFile([editionName, ...stages, `${expert.code}${expert.name}`, '评审包'], PACKAGE_EXTENSION);
}

const EditionRef = z.strictObject({ editionId: IdSchema });

export const packageCalls = {
  'packages.export': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, expertIds: z.array(IdSchema).min(1).optional() }),
    output: z.array(PackageDownloadSchema),
    async run(i, ctx, aids) {
      const edition = getEdition(ctx, i.editionId);
      const experts = chooseExperts(ctx, edition.id, i.expertIds);
      const made: { pkg: ReviewPackage; download: PackageDownload; digest: string; content: string }[] = [];
      for (const [n, expert] of experts.entries()) {
        const keys = expertKeys(ctx, expert.id);
        if (!keys) throw refuse('package.expert-not-enrolled', `专家 ${expert.code} 尚未登记。`, `Expert ${expert.code} is not enrolled.`);
        const draft = packageDraft(ctx, edition, expert, keys.fingerprint);
        const content = packageContent(draft);
        const pkg = buildReviewPackage({
          ...draft,
          packageId: randomUUID(),
          issuedAt: ctx.now(),
          materials: draft.materials.map((m) => ({ ...m, bytes: materialBytes(ctx, m.id) })),
        });
        const bytes = await sealPayload(ctx, 'review-package', pkg, keys.boxRecipient);
        const fileName = packageFileName(edition.name, pkg, expert);
        const applicants = new Set(pkg.assignments.map((a) => a.applicant.id)).size;
        const download = { fileName, bytes, expertId: expert.id, sha256: sha256Hex(bytes), applicants, size: bytes.length };
        made.push({ pkg, download, digest: contentDigest(content), content: canonicalJson(content) });
        aids.progress(n + 1, experts.length);
      }
      return ctx.change('packages.exported', () => {
        for (const m of made) {
          insertPackageExport(ctx, {
            package_id: m.pkg.packageId,
            edition_id: edition.id,
            expert_id: m.download.expertId,
            issued_at: m.pkg.issuedAt,
            sha256: m.download.sha256,
            digest: m.digest,
            content: m.content,
          });
        }
        return {
          result: made.map((m) => m.download),
          detail: {
            editionId: edition.id,
            packages: made.map((m) => ({ expertId: m.download.expertId, packageId: m.pkg.packageId, sha256: m.download.sha256, digest: m.digest })),
          },
        };
      });
    },
  }),

  /** whose package is out of date, and what a new one would change for them */
  'packages.status': storeCall({
    access: 'secretariat',
    input: EditionRef,
    output: z.array(PackageStatusSchema),
    run: (i, ctx) => packageStatuses(ctx, i.editionId),
  }),

  /**
   * The first package of an edition pins its secretariat; pass the fingerprint the secretariat
   * gave in person or by phone to have a package from any other signer refused. The answer says
   * what this package changed against the one imported before.
   */
  'packages.import': storeCall({
    access: 'expert',
    input: z.strictObject({ file: UploadSchema, secretariatFingerprint: z.string().trim().min(1).max(200).optional() }),
    output: EditionSummarySchema.extend({ secretariatFingerprint: z.string(), changes: z.array(PackageChangeSchema) }),
    async run(i, ctx) {
      const bytes = i.file.bytes;
      const opened = await openPayload(ctx, 'review-package', bytes);
      const { pkg, bytes: materials } = verifyReviewPackage(opened.payload);
      const secretariatFingerprint = checkSigner(ctx, pkg, opened.signerKey, i.secretariatFingerprint);
      const summary = (changes: ReturnType<typeof changesOf>) => ({ ...editionSummary(getEdition(ctx, pkg.edition.id)), secretariatFingerprint, changes });
      if (findPackage(ctx, pkg.packageId)) return summary([]);
      checkPinned(ctx, pkg);
      const sha256 = sha256Hex(bytes);
      const changes = changesOf(ctx, pkg);
      ctx.change('package.imported', () => {
        receivePackage(ctx, pkg, materials, sha256);
        return {
          result: undefined,
          detail: {
            packageId: pkg.packageId,
            editionId: pkg.edition.id,
            issuedAt: pkg.issuedAt,
            sha256,
            assignments: pkg.assignments.length,
            materials: pkg.materials.length,
            secretariatFingerprint: pkg.secretariat.fingerprint,
            changes: changes.map((c) => c.kind),
          },
        };
      });
      return summary(changes);
    },
  }),

  /** who this store's expert is in the edition (code and name as the package gave them) */
  'experts.me': storeCall({
    access: 'expert',
    input: EditionRef,
    output: ExpertSelfSchema,
    run(i, ctx) {
      const me = getExpert(ctx, meIn(ctx, i.editionId));
      return { id: me.id, code: me.code, name: me.name };
    },
  }),

  'assignments.mine': storeCall({
    access: 'expert',
    input: EditionRef,
    output: z.array(AssignmentViewSchema),
    run: (i, ctx) => assignmentsOf(ctx, meIn(ctx, i.editionId), i.editionId),
  }),
};
