import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../../exchange/common.js';
import { buildReviewPackage, type PackageAssignment, type ReviewPackage } from '../../exchange/package.js';
import type { EditionDetail } from '../../profile/edition.js';
import type { SecretariatService } from '../api.js';
import type { Expert } from '../../domain/people.js';
import type { PackageExport } from '../../domain/files.js';
import type { Ctx } from '../context.js';
import { sealPayload } from '../sealing.js';
import { findDeclaration } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { listMaterialRows, materialBytes } from '../repo/materials.js';
import { seatsOfExpert } from '../repo/panels.js';
import { expertKeys, getApplicant, getExpert, listExpertRows } from '../repo/people.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { ExportPackagesSchema } from '../schemas.js';

export const PACKAGE_EXTENSION = '.pspkg';

function packageFor(ctx: Ctx, edition: EditionDetail, expert: Expert, fingerprint: string): ReturnType<typeof buildReviewPackage> {
  const assignments: PackageAssignment[] = seatsOfExpert(ctx, expert.id).map((seat) => {
    const a = getApplicant(ctx, seat.applicantId);
    const imposed = findDeclaration(ctx, expert.id, a.id, 'secretariat');
    return {
      applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
      stage: seat.stage,
      panel: { id: seat.panelId, name: seat.panelName },
      leader: seat.leaderId === expert.id,
      recusal: imposed ? { reason: imposed.reason, at: imposed.declaredAt } : null,
    };
  });
  // a recused expert never receives the applicant's materials, whatever the expert side would enforce
  const readable = [...new Set(assignments.filter((a) => a.recusal === null).map((a) => a.applicant.id))];
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

export function packageMethods(ctx: Ctx): Pick<SecretariatService, 'exportPackages'> {
  return {
    async exportPackages(editionId, outDir, opts) {
      const i = parseInput(
        ExportPackagesSchema,
        { editionId, outDir, ...(opts?.expertIds ? { expertIds: opts.expertIds } : {}) },
        { zh: '评审包导出', en: 'package export' },
      );
      const edition = getEdition(ctx, i.editionId);
      const experts = chooseExperts(ctx, edition.id, i.expertIds);
      const dir = resolve(i.outDir);
      mkdirSync(dir, { recursive: true });
      const written: { file: string; tmp: string; pkg: ReviewPackage; result: PackageExport }[] = [];
      try {
        for (const [n, expert] of experts.entries()) {
          const keys = expertKeys(ctx, expert.id);
          if (!keys) throw refuse('package.expert-not-enrolled', `专家 ${expert.code} 尚未登记。`, `Expert ${expert.code} is not enrolled.`);
          const pkg = packageFor(ctx, edition, expert, keys.fingerprint);
          const bytes = await sealPayload(ctx, 'review-package', pkg, keys.boxRecipient);
          const file = join(dir, `package-${edition.year}-${expert.code.replace(/[^\p{L}\p{N}._-]/gu, '_')}${PACKAGE_EXTENSION}`);
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, bytes);
          const applicants = new Set(pkg.assignments.map((a) => a.applicant.id)).size;
          written.push({ file, tmp, pkg, result: { expertId: expert.id, file, sha256: sha256Hex(bytes), applicants, bytes: bytes.length } });
          opts?.onProgress?.(n + 1, experts.length);
        }
      } catch (e) {
        for (const w of written) rmSync(w.tmp, { force: true });
        throw e;
      }
      return ctx.change('packages.exported', () => {
        for (const w of written) renameSync(w.tmp, w.file);
        return {
          result: written.map((w) => w.result),
          detail: {
            editionId: edition.id,
            packages: written.map((w) => ({ expertId: w.result.expertId, packageId: w.pkg.packageId, sha256: w.result.sha256 })),
          },
        };
      });
    },
  };
}
