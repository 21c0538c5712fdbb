import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import type { MaterialInfo } from '../../domain/files.js';
import { PackageChangeSchema } from '../../domain/package-changes.js';
import type { Expert } from '../../domain/people.js';
import { EntityIdSchema, IsoTimeSchema } from '../../domain/values.js';
import { contentDigest, packageChanges, packageContent, type PackageContent } from '../../exchange/package-content.js';
import type { BuildPackageInput } from '../../exchange/package.js';
import type { EditionDetail } from '../../profile/edition.js';
import { isRecused } from '../../rules/recusal.js';
import type { Ctx } from '../context.js';
import { declarationsOfExpert, declarationsOfPair, findDeclaration } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { listMaterialRows } from '../repo/materials.js';
import { lastPackageExports } from '../repo/packages.js';
import { seatsOfExpert } from '../repo/panels.js';
import { rosterFor } from '../repo/roster.js';
import { expertKeys, getApplicant, getExpert, listExpertRows } from '../repo/people.js';
import { returnsOfExpert } from '../repo/sheets.js';

/**
 * What one expert's package holds now, before it is sealed: the expert's seats, the materials
 * they may read (as metadata; the bytes are added when it is sealed), the returns and lifts
 * waiting for them.
 */
export type PackageDraft = Omit<BuildPackageInput, 'packageId' | 'issuedAt' | 'materials'> & { materials: MaterialInfo[] };

export function packageDraft(ctx: Ctx, edition: EditionDetail, expert: Expert, fingerprint: string): PackageDraft {
  const assignments = seatsOfExpert(ctx, expert.id).map((seat) => {
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
  return {
    edition: { id: edition.id, name: edition.name, year: edition.year, profile: edition.profile, framework: edition.framework, settings: edition.settings },
    secretariat: { signPublic: ctx.identity.signPublic, boxRecipient: ctx.identity.boxRecipient, fingerprint: ctx.identity.fingerprint },
    expert: { id: expert.id, code: expert.code, name: expert.name, fingerprint },
    assignments,
    materials: readable.flatMap((applicantId) => listMaterialRows(ctx, applicantId)),
    returns: returnsOfExpert(ctx, expert.id).map((r) => ({ id: r.id, applicantId: r.applicantId, stage: r.stage, version: r.version, reason: r.reason, at: r.returnedAt })),
    lifted: declarationsOfExpert(ctx, expert.id).flatMap((d) => (d.lifted ? [{ applicantId: d.applicantId, source: d.source, reason: d.lifted.reason, at: d.lifted.at }] : [])),
    roster: rosterFor(ctx, expert.id),
  };
}

/** Experts who get a package: those with seats, and those who had one and lost their seats since (they learn it). */
export function chooseExperts(ctx: Ctx, editionId: string, expertIds: string[] | undefined): Expert[] {
  const exported = lastPackageExports(ctx, editionId);
  const concerned = (e: Expert) => seatsOfExpert(ctx, e.id).length > 0 || exported.has(e.id);
  const chosen = expertIds
    ? expertIds.map((id) => {
        const e = getExpert(ctx, id);
        if (e.editionId !== editionId) {
          throw refuse('expert.not-found', `评审专家 ${e.code} 不属于本届。`, `Expert ${e.code} is not in this edition.`);
        }
        if (!concerned(e)) {
          throw refuse(
            'package.no-assignments',
            `评审专家 ${e.code} 尚无评审任务：请先把其所在评审组分配给申报单位。`,
            `Expert ${e.code} has no assignments yet: assign applicants to their panels first.`,
          );
        }
        return e;
      })
    : listExpertRows(ctx, editionId).filter(concerned);
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

export const PackageStatusSchema = z.strictObject({
  expertId: EntityIdSchema,
  /** when the expert's last package was made; null = never */
  exportedAt: IsoTimeSchema.nullable(),
  /** what a package made now would change for the expert; empty when up to date */
  changes: z.array(PackageChangeSchema),
  /** never exported, or the content differs from the last one */
  outOfDate: z.boolean(),
});
export type PackageStatus = z.infer<typeof PackageStatusSchema>;

/** Per expert who has or needs a package: is the one they hold still what they would get now, and if not, what changed. */
export function packageStatuses(ctx: Ctx, editionId: string): PackageStatus[] {
  const edition = getEdition(ctx, editionId);
  const exported = lastPackageExports(ctx, editionId);
  const out: PackageStatus[] = [];
  for (const expert of listExpertRows(ctx, editionId)) {
    const last = exported.get(expert.id);
    const keys = expertKeys(ctx, expert.id);
    if (!last && seatsOfExpert(ctx, expert.id).length === 0) continue;
    if (!last || !keys) {
      out.push({ expertId: expert.id, exportedAt: null, changes: [], outOfDate: true });
      continue;
    }
    const now = packageContent(packageDraft(ctx, edition, expert, keys.fingerprint));
    if (contentDigest(now) === last.digest) {
      out.push({ expertId: expert.id, exportedAt: last.issued_at, changes: [], outOfDate: false });
      continue;
    }
    const before = JSON.parse(last.content) as PackageContent;
    out.push({ expertId: expert.id, exportedAt: last.issued_at, changes: packageChanges(before, now), outOfDate: true });
  }
  return out;
}
