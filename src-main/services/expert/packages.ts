import { readFileSync } from 'node:fs';
import { fingerprint } from '../../crypto/identity.js';
import { sha256Hex } from '../../exchange/common.js';
import { verifyReviewPackage, type ReviewPackage } from '../../exchange/package.js';
import type { AssignmentView } from '../../domain/review.js';
import type { EditionSummary } from '../../domain/editions.js';
import type { ExpertService } from '../api.js';
import type { Ctx } from '../context.js';
import { openPayload } from '../sealing.js';
import { findDeclaration, upsertDeclaration } from '../repo/declarations.js';
import { editionSummary, findEdition, getEdition, insertEdition, listEditionRows, updateEdition } from '../repo/editions.js';
import { insertMaterialOnce } from '../repo/materials.js';
import { findPackage, insertPackage, latestPackage } from '../repo/packages.js';
import { clearAssignmentsOfEdition, insertAssignment, seatsOfExpert, upsertPanel } from '../repo/panels.js';
import { findExpert, getApplicant, getExpert, insertExpert, upsertApplicant } from '../repo/people.js';
import { findSheetRowFor, scoredItemCount } from '../repo/sheets.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { FilePathSchema, IdSchema } from '../../domain/values.js';
import { ImportPackageOptionsSchema } from '../schemas.js';
import { meIn } from './me.js';

function readPackageFile(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw refuse('package.unreadable', `无法读取评审包文件“${file}”。请检查路径。`, `Cannot read the review package "${file}". Check the path.`);
  }
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
    if (a.recusal && !findDeclaration(ctx, me.id, a.applicant.id, 'secretariat')) {
      const { reason, at } = a.recusal;
      upsertDeclaration(ctx, { expertId: me.id, applicantId: a.applicant.id, conflict: true, reason, declaredAt: at, source: 'secretariat' });
    }
  }
  for (const m of pkg.materials) {
    const data = bytes.get(m.id);
    if (data) insertMaterialOnce(ctx, { id: m.id, applicantId: m.applicantId, fileName: m.fileName, size: m.size, sha256: m.sha256, addedAt: m.addedAt }, data);
  }
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
}

type PackageMethods = Pick<ExpertService, 'importPackage' | 'listEditions' | 'getEdition' | 'whoAmI' | 'myAssignments'>;

export function expertPackageMethods(ctx: Ctx): PackageMethods {
  const summary = (editionId: string): EditionSummary => editionSummary(getEdition(ctx, editionId));
  return {
    async importPackage(file, opts) {
      const path = parseInput(FilePathSchema, file, { zh: '评审包文件路径', en: 'package file path' });
      const expected = parseInput(ImportPackageOptionsSchema, opts, { zh: '导入选项', en: 'import options' })?.secretariatFingerprint;
      const bytes = readPackageFile(path);
      const opened = await openPayload(ctx, 'review-package', bytes);
      const { pkg, bytes: materials } = verifyReviewPackage(opened.payload);
      const secretariatFingerprint = checkSigner(ctx, pkg, opened.signerKey, expected);
      if (findPackage(ctx, pkg.packageId)) return { ...summary(pkg.edition.id), secretariatFingerprint };
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
      return { ...summary(pkg.edition.id), secretariatFingerprint };
    },

    listEditions: () => listEditionRows(ctx),
    getEdition: (editionId) => getEdition(ctx, parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' })),

    whoAmI(editionId) {
      const me = getExpert(ctx, meIn(ctx, parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' })));
      return { id: me.id, code: me.code, name: me.name };
    },

    myAssignments(editionId) {
      const id = parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' });
      const me = meIn(ctx, id);
      const totalItems = getEdition(ctx, id).framework.categories.reduce((n, c) => n + c.items.length, 0);
      return seatsOfExpert(ctx, me).map((seat): AssignmentView => {
        const a = getApplicant(ctx, seat.applicantId);
        const declaration = findDeclaration(ctx, me, a.id, 'secretariat') ?? findDeclaration(ctx, me, a.id, 'expert') ?? null;
        const sheet = findSheetRowFor(ctx, me, a.id, seat.stage);
        const scoredItems = sheet ? scoredItemCount(ctx, sheet.id) : 0;
        return {
          applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
          stage: seat.stage,
          declaration,
          sheetStatus: sheet?.status ?? 'none',
          scoredItems,
          totalItems,
        };
      });
    },
  };
}
