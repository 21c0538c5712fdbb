import { canonicalJson } from '../../audit/canonical-json.js';
import { fingerprint } from '../../crypto/identity.js';
import { refuse } from '../../domain/errors.js';
import type { PackageChange } from '../../domain/package-changes.js';
import { packageChanges, packageContent, type PackageContent } from '../../exchange/package-content.js';
import type { ReviewPackage } from '../../exchange/package.js';
import { isRecused } from '../../rules/recusal.js';
import type { Ctx } from '../context.js';
import { declarationsOfPair, findDeclaration, liftDeclaration, upsertDeclaration } from '../repo/declarations.js';
import { findEdition, getEdition, insertEdition, updateEdition } from '../repo/editions.js';
import { deleteMaterialsNotIn, insertMaterialOnce, wipeMaterialsOfApplicant } from '../repo/materials.js';
import { insertPackage, latestPackage } from '../repo/packages.js';
import { clearAssignmentsOfEdition, insertAssignment, upsertPanel } from '../repo/panels.js';
import { findExpert, insertExpert, upsertApplicant } from '../repo/people.js';
import { insertRoster } from '../repo/roster.js';
import { findReturn, findSheetRowFor, insertReturn, reopenSheet } from '../repo/sheets.js';

/**
 * The expert side of a review package: who may have sent it, and what the store takes from it.
 * The store's assignments, materials, returns and lifts follow the latest package.
 */

/** What this package changes against the one the store took last (nothing, for the first). */
export function changesOf(ctx: Ctx, pkg: ReviewPackage): PackageChange[] {
  const held = latestPackage(ctx, pkg.edition.id);
  const before = held?.content ? (JSON.parse(held.content) as PackageContent) : null;
  return packageChanges(before, packageContent(pkg));
}

const sameFingerprint = (a: string, b: string): boolean => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * The package's own claims about who sent it and for whom, checked against the key whose
 * signature verified and against this store's identity. The fingerprint shown to the expert is
 * computed from that key, never taken from the payload.
 */
export function checkSigner(ctx: Ctx, pkg: ReviewPackage, signerKey: string, expected: string | undefined): string {
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
export function checkPinned(ctx: Ctx, pkg: ReviewPackage): void {
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

export function receivePackage(ctx: Ctx, pkg: ReviewPackage, bytes: Map<string, Uint8Array>, sha256: string): void {
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
      { id: me.id, editionId: e.id, code: me.code, name: me.name, ...person, poolId: null, enrolled: true, fingerprint: own, withdrawn: null },
      { signPublic, boxRecipient, fingerprint: own },
    );
  }
  clearAssignmentsOfEdition(ctx, e.id);
  for (const a of pkg.assignments) {
    upsertApplicant(ctx, { ...a.applicant, editionId: e.id, creditCode: null, idNumber: null, contactName: null, contactPhone: null, contactEmail: null, withdrawn: null });
    const leaderId = a.leader ? me.id : null;
    upsertPanel(ctx, { id: a.panel.id, editionId: e.id, stage: a.stage, name: a.panel.name, leaderId, memberIds: [me.id], applicantIds: [], substitutes: [] });
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
    insertMaterialOnce(
      ctx,
      { id: m.id, applicantId: m.applicantId, fileName: m.fileName, size: m.size, sha256: m.sha256, addedAt: m.addedAt, version: m.version, replaces: m.replaces },
      data,
    );
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
    content: canonicalJson(packageContent(pkg)),
  });
  insertRoster(ctx, pkg.packageId, pkg.roster);
}
