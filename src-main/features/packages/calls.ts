import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fingerprint } from '../../crypto/identity.js';
import { EditionSummarySchema } from '../../domain/editions.js';
import { safeFileName } from '../../domain/file-names.js';
import { refuse } from '../../domain/errors.js';
import { PackageDownloadSchema, UploadSchema, type PackageDownload } from '../../domain/files.js';
import { ExpertSelfSchema, type Expert } from '../../domain/people.js';
import { AssignmentViewSchema } from '../../domain/review.js';
import { IdSchema } from '../../domain/values.js';
import { sha256Hex } from '../../exchange/common.js';
import { buildReviewPackage, verifyReviewPackage, type PackageAssignment, type ReviewPackage } from '../../exchange/package.js';
import type { EditionDetail } from '../../profile/edition.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { meIn } from '../gates.js';
import { assignmentsOf } from '../repo/assignments.js';
import { declarationsOfExpert, declarationsOfPair, findDeclaration, liftDeclaration, upsertDeclaration } from '../repo/declarations.js';
import { isRecused } from '../../rules/recusal.js';
import { editionSummary, findEdition, getEdition, insertEdition, updateEdition } from '../repo/editions.js';
import { deleteMaterialsNotIn, insertMaterialOnce, listMaterialRows, materialBytes, wipeMaterialsOfApplicant } from '../repo/materials.js';
import { findPackage, insertPackage, latestPackage } from '../repo/packages.js';
import { findReturn, findSheetRowFor, insertReturn, reopenSheet, returnsOfExpert } from '../repo/sheets.js';
import { insertRoster, rosterFor } from '../repo/roster.js';
import { clearAssignmentsOfEdition, insertAssignment, seatsOfExpert, upsertPanel } from '../repo/panels.js';
import { expertKeys, findExpert, getApplicant, getExpert, insertExpert, listExpertRows, upsertApplicant } from '../repo/people.js';
import { sealPayload, openPayload } from '../sealing.js';

/**
 * Review packages (评审包): the secretariat seals one per expert, readable only by that expert,
 * holding the edition's rules, the expert's assignments and the materials the expert may read.
 * The expert's store takes its assignments, and who it speaks for, from the latest one.
 */

export const PACKAGE_EXTENSION = '.pspkg';

function packageFor(ctx: Ctx, edition: EditionDetail, expert: Expert, fingerprint: string): ReturnType<typeof buildReviewPackage> {
  const assignments: PackageAssignment[] = seatsOfExpert(ctx, expert.id).map((seat) => {
    const a = getApplicant(ctx, seat.applicantId);
    const found = findDeclaration(ctx, expert.id, a.id, 'secretariat');
    const imposed = found && found.lifted === null ? found : undefined;
    return {
      applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
      stage: seat.stage,
      panel: { id: seat.panelId, name: seat.panelName },
      leader: seat.leaderId === expert.id,
      recusal: imposed ? { reason: imposed.reason, at: imposed.declaredAt } : null,
    };
  });
  // a recused expert never receives the applicant's materials, whatever the expert side would enforce
  const readable = [...new Set(assignments.filter((a) => a.recusal === null && !isRecused(declarationsOfPair(ctx, expert.id, a.applicant.id))).map((a) => a.applicant.id))];
  const materials = readable.flatMap((applicantId) =>
    listMaterialRows(ctx, applicantId).map((m) => ({ ...m, bytes: materialBytes(ctx, m.id) })),
  );
  return buildReviewPackage({
    packageId: randomUUID(),
    issuedAt: ctx.now(),
    edition: {
      id: edition.id,
      name: edition.name,
      year: edition.year,
      profile: edition.profile,
      framework: edition.framework,
      settings: edition.settings,
    },
    secretariat: { signPublic: ctx.identity.signPublic, boxRecipient: ctx.identity.boxRecipient, fingerprint: ctx.identity.fingerprint },
    expert: { id: expert.id, code: expert.code, name: expert.name, fingerprint },
    assignments,
    materials,
    returns: returnsOfExpert(ctx, expert.id).map((r) => ({ id: r.id, applicantId: r.applicantId, stage: r.stage, version: r.version, reason: r.reason, at: r.returnedAt })),
    lifted: declarationsOfExpert(ctx, expert.id).flatMap((d) => (d.lifted ? [{ applicantId: d.applicantId, source: d.source, reason: d.lifted.reason, at: d.lifted.at }] : [])),
    roster: rosterFor(ctx, expert.id),
  });
}

function chooseExperts(ctx: Ctx, editionId: string, expertIds: string[] | undefined): Expert[] {
  const chosen = expertIds
    ? expertIds.map((id) => {
        const e = getExpert(ctx, id);
        if (e.editionId !== editionId) {
          throw refuse('expert.not-found', `评审专家 ${e.code} 不属于本届。`, `Expert ${e.code} is not in this edition.`);
        }
        if (seatsOfExpert(ctx, id).length === 0) {
          throw refuse(
            'package.no-assignments',
            `评审专家 ${e.code} 尚无评审任务：请先把其所在评审组分配给申报单位。`,
            `Expert ${e.code} has no assignments yet: assign applicants to their panels first.`,
          );
        }
        return e;
      })
    : listExpertRows(ctx, editionId).filter((e) => seatsOfExpert(ctx, e.id).length > 0);
  if (chosen.length === 0) {
    throw refuse(
      'package.no-assignments',
      '本届还没有分配任何评审任务：请先组建评审组并分配申报单位。',
      'No expert of this edition has assignments yet: form panels and assign applicants first.',
    );
  }
  const unenrolled = chosen.filter((e) => !e.enrolled);
  if (unenrolled.length) {
    const codes = unenrolled.map((e) => e.code).join('、');
    throw refuse(
      'package.expert-not-enrolled',
      `以下专家尚未登记注册码，无法为其生成只有本人能打开的评审包：${codes}。请先登记，或只为已登记的专家导出。`,
      `These experts have not been enrolled, so no package only they can open can be made: ${codes}. Enroll them first, or export only for enrolled experts.`,
      { expertIds: unenrolled.map((e) => e.id) },
    );
  }
  return chosen;
}

const sameFingerprint = (a: string, b: string): boolean => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * The package's own claims about who sent it and for whom, checked against the key whose
 * signature verified and against this store's identity. The fingerprint shown to the expert is
 * computed from that key, never taken from the payload.
 */
function checkSigner(ctx: Ctx, pkg: ReviewPackage, signerKey: string, expected: string | undefined): string {
  const signer = fingerprint(signerKey);
  if (signerKey !== pkg.secretariat.signPublic || !sameFingerprint(signer, pkg.secretariat.fingerprint)) {
    throw refuse(
      'package.signer-mismatch',
      '评审包的签名者与包中所写的秘书处不一致，已拒绝导入。请向秘书处核实。',
      'The package is signed by someone other than the secretariat it names; it was refused. Check with the secretariat.',
    );
  }
  if (expected !== undefined && !sameFingerprint(expected, signer)) {
    throw refuse(
      'package.fingerprint-mismatch',
      `评审包签名者的指纹（${signer}）与秘书处告知的指纹不符，已拒绝导入。请勿使用此文件，并联系秘书处。`,
      `The package's signer fingerprint (${signer}) is not the one the secretariat gave you; it was refused. Do not use this file and contact the secretariat.`,
    );
  }
  if (!sameFingerprint(pkg.expert.fingerprint, ctx.identity.fingerprint)) {
    throw refuse(
      'package.not-for-you',
      `该评审包是发给另一位专家（${pkg.expert.code}）的，不能导入本库。`,
      `This package is for another expert (${pkg.expert.code}) and cannot be imported into this store.`,
    );
  }
  return signer;
}

/** Checks against earlier packages of the edition: same secretariat, same expert, not older. */
function checkPinned(ctx: Ctx, pkg: ReviewPackage): void {
  const pinned = latestPackage(ctx, pkg.edition.id);
  if (!pinned) return;
  if (pinned.secretariat_sign_public !== pkg.secretariat.signPublic) {
    throw refuse(
      'package.other-secretariat',
      `该届次此前的评审包来自另一个秘书处（指纹 ${pinned.secretariat_fingerprint}），已拒绝导入。请当面或电话向秘书处核实指纹。`,
      `Earlier packages of this edition came from another secretariat (fingerprint ${pinned.secretariat_fingerprint}); this one was refused. Verify the fingerprint with the secretariat in person or by phone.`,
    );
  }
  if (pinned.expert_id !== pkg.expert.id) {
    throw refuse(
      'package.other-expert',
      '该评审包中的专家身份与此前导入的不一致，已拒绝导入。',
      'The expert named in this package differs from the earlier packages; it was refused.',
    );
  }
  if (pkg.issuedAt < pinned.issued_at) {
    throw refuse(
      'package.stale',
      '这是一个比已导入的评审包更早的版本，已忽略；您的评审任务保持不变。',
      'This package is older than the one already imported; it was ignored and your assignments stay as they are.',
    );
  }
}

/** A sheet the secretariat returned comes back to the expert as the next version (reopenSheet). */
function reopenReturned(ctx: Ctx, editionId: string, me: string, r: ReviewPackage['returns'][number]): void {
  const row = findSheetRowFor(ctx, me, r.applicantId, r.stage);
  if (!row || row.status !== 'submitted' || row.version !== r.version) return;
  if (!findReturn(ctx, r.id)) {
    insertReturn(ctx, { id: r.id, editionId, expertId: me, applicantId: r.applicantId, stage: r.stage, version: r.version, reason: r.reason, returnedAt: r.at, returnedBy: 'secretariat' });
  }
  reopenSheet(ctx, row, getEdition(ctx, editionId).framework, r.id);
}

function store(ctx: Ctx, pkg: ReviewPackage, bytes: Map<string, Uint8Array>, sha256: string): void {
  const e = pkg.edition;
  if (findEdition(ctx, e.id)) {
    updateEdition(ctx, e.id, { name: e.name, year: e.year, settings: e.settings });
  } else {
    insertEdition(ctx, {
      id: e.id,
      name: e.name,
      year: e.year,
      profileId: e.profile.id,
      frameworkId: e.framework.id,
      createdAt: ctx.now(),
      profile: e.profile,
      framework: e.framework,
      settings: e.settings,
    });
  }
  const me = pkg.expert;
  if (!findExpert(ctx, me.id)) {
    const { signPublic, boxRecipient, fingerprint: own } = ctx.identity;
    const person = { organisation: null, title: null, industry: null, phone: null, email: null };
    insertExpert(
      ctx,
      { id: me.id, editionId: e.id, code: me.code, name: me.name, ...person, enrolled: true, fingerprint: own },
      { signPublic, boxRecipient, fingerprint: own },
    );
  }
  clearAssignmentsOfEdition(ctx, e.id);
  for (const a of pkg.assignments) {
    upsertApplicant(ctx, { ...a.applicant, editionId: e.id, contactName: null, contactPhone: null, contactEmail: null });
    const leaderId = a.leader ? me.id : null;
    upsertPanel(ctx, { id: a.panel.id, editionId: e.id, stage: a.stage, name: a.panel.name, leaderId, memberIds: [me.id], applicantIds: [] });
    insertAssignment(ctx, a.applicant.id, a.stage, a.panel.id);
    const held = findDeclaration(ctx, me.id, a.applicant.id, 'secretariat');
    if (a.recusal && (!held || held.lifted !== null)) {
      const { reason, at } = a.recusal;
      upsertDeclaration(ctx, { expertId: me.id, applicantId: a.applicant.id, conflict: true, reason, declaredAt: at, source: 'secretariat' });
    }
  }
  for (const l of pkg.lifted) {
    const d = findDeclaration(ctx, me.id, l.applicantId, l.source);
    if (!d || d.lifted !== null || d.declaredAt > l.at) continue;
    liftDeclaration(ctx, d, l.reason, l.at);
    ctx.audit('declaration.lifted', { editionId: e.id, applicantId: l.applicantId, source: l.source, reason: l.reason });
  }
  // what the expert may not read never enters the store, and what a package no longer carries leaves it
  const mayRead = (applicantId: string) => !isRecused(declarationsOfPair(ctx, me.id, applicantId));
  deleteMaterialsNotIn(ctx, e.id, new Set(pkg.materials.map((m) => m.id)));
  for (const m of pkg.materials) {
    const data = bytes.get(m.id);
    if (!data || !mayRead(m.applicantId)) continue;
    insertMaterialOnce(ctx, { id: m.id, applicantId: m.applicantId, fileName: m.fileName, size: m.size, sha256: m.sha256, addedAt: m.addedAt }, data);
  }
  for (const applicantId of new Set(pkg.assignments.map((a) => a.applicant.id))) if (!mayRead(applicantId)) wipeMaterialsOfApplicant(ctx, applicantId);
  for (const r of pkg.returns) reopenReturned(ctx, e.id, me.id, r);
  insertPackage(ctx, {
    package_id: pkg.packageId,
    edition_id: e.id,
    expert_id: me.id,
    issued_at: pkg.issuedAt,
    sha256,
    secretariat_sign_public: pkg.secretariat.signPublic,
    secretariat_box_recipient: pkg.secretariat.boxRecipient,
    secretariat_fingerprint: pkg.secretariat.fingerprint,
    imported_at: ctx.now(),
  });
  insertRoster(ctx, pkg.packageId, pkg.roster);
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
      const made: { pkg: ReviewPackage; download: PackageDownload }[] = [];
      for (const [n, expert] of experts.entries()) {
        const keys = expertKeys(ctx, expert.id);
        if (!keys) throw refuse('package.expert-not-enrolled', `专家 ${expert.code} 尚未登记。`, `Expert ${expert.code} is not enrolled.`);
        const pkg = packageFor(ctx, edition, expert, keys.fingerprint);
        const bytes = await sealPayload(ctx, 'review-package', pkg, keys.boxRecipient);
        const fileName = safeFileName(`package-${edition.year}-${expert.code}${PACKAGE_EXTENSION}`);
        const applicants = new Set(pkg.assignments.map((a) => a.applicant.id)).size;
        made.push({ pkg, download: { fileName, bytes, expertId: expert.id, sha256: sha256Hex(bytes), applicants, size: bytes.length } });
        aids.progress(n + 1, experts.length);
      }
      return ctx.change('packages.exported', () => ({
        result: made.map((m) => m.download),
        detail: {
          editionId: edition.id,
          packages: made.map((m) => ({ expertId: m.download.expertId, packageId: m.pkg.packageId, sha256: m.download.sha256 })),
        },
      }));
    },
  }),

  /**
   * The first package of an edition pins its secretariat; pass the fingerprint the secretariat
   * gave in person or by phone to have a package from any other signer refused.
   */
  'packages.import': storeCall({
    access: 'expert',
    input: z.strictObject({ file: UploadSchema, secretariatFingerprint: z.string().trim().min(1).max(200).optional() }),
    output: EditionSummarySchema.extend({ secretariatFingerprint: z.string() }),
    async run(i, ctx) {
      const bytes = i.file.bytes;
      const opened = await openPayload(ctx, 'review-package', bytes);
      const { pkg, bytes: materials } = verifyReviewPackage(opened.payload);
      const secretariatFingerprint = checkSigner(ctx, pkg, opened.signerKey, i.secretariatFingerprint);
      const summary = () => ({ ...editionSummary(getEdition(ctx, pkg.edition.id)), secretariatFingerprint });
      if (findPackage(ctx, pkg.packageId)) return summary();
      checkPinned(ctx, pkg);
      const sha256 = sha256Hex(bytes);
      ctx.change('package.imported', () => {
        store(ctx, pkg, materials, sha256);
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
          },
        };
      });
      return summary();
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
