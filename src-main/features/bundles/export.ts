import { randomUUID } from 'node:crypto';
import { auditHead, chainEntries } from '../../audit/chain.js';
import type { BundleDownload } from '../../domain/files.js';
import { namedFile } from '../../domain/file-names.js';
import { STAGES, STAGE_NAMES, type Stage } from '../../domain/words.js';
import { buildResultBundle, type BundleSheet } from '../../exchange/bundle.js';
import { sha256Hex } from '../../exchange/common.js';
import type { Ctx } from '../context.js';
import { currentPackage } from '../gates.js';
import { declarationsOfExpert, recusedBySecretariat } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { insertBundleExport, nextBundleSequence } from '../repo/packages.js';
import { isSeated, seatsOfExpert } from '../repo/panels.js';
import { getExpert } from '../repo/people.js';
import { itemsOf, sheetRowsOfEdition } from '../repo/sheets.js';
import { consensusStatementsOf, returnStatementsOf } from '../repo/consensus.js';
import { currentRoster, leaderRecipients } from '../repo/roster.js';
import { sealPayload } from '../sealing.js';

/**
 * The bundle's suggested name says whose it is and for which step, so sixteen bundles on one USB
 * stick can be told apart: 2025年度无锡市市长质量奖-材料评审-E03张伟-结果包.psbundle. A later
 * export of the same expert adds its sequence (…-结果包-2), so successive exports never clash.
 */
export function bundleFileName(d: { editionName: string; stages: Stage[]; expert: { code: string; name: string }; sequence: number }): string {
  const kind = d.sequence > 1 ? `结果包-${d.sequence}` : '结果包';
  return namedFile([d.editionName, ...d.stages.map((s) => STAGE_NAMES[s].zh), `${d.expert.code}${d.expert.name}`, kind], '.psbundle');
}

/**
 * The sheets a bundle carries: every submitted sheet still assigned to this expert and not
 * under a recusal the secretariat imposed (the secretariat would refuse the whole bundle).
 */
function sendableSheets(ctx: Ctx, editionId: string, me: string): BundleSheet[] {
  const framework = getEdition(ctx, editionId).framework;
  return sheetRowsOfEdition(ctx, editionId, { expertId: me, status: 'submitted' })
    .filter((r) => isSeated(ctx, me, r.applicant_id, r.stage) && !recusedBySecretariat(ctx, me, r.applicant_id))
    .map((r) => ({
      sheetId: r.id,
      applicantId: r.applicant_id,
      stage: r.stage,
      version: r.version,
      returnId: r.return_id,
      submittedAt: r.submitted_at ?? r.created_at,
      items: itemsOf(ctx, r.id, framework).map((item) => ({
        itemCode: item.itemCode,
        percent: item.percent ?? 0,
        strengths: item.strengths,
        opportunities: item.opportunities,
      })),
    }));
}

/**
 * Seals what the expert has to hand back: the submitted sheets, the expert's own declarations
 * (lifted ones left out), the whole audit log and the leader's returns and consensus records it
 * answers or made, signed by the expert and sealed to the secretariat and to the leaders of the
 * expert's panels. One export at a time per store: the sequence must grow by one each time.
 */
export async function exportBundle(ctx: Ctx, editionId: string): Promise<BundleDownload> {
  const pkg = currentPackage(ctx, editionId);
  const me = pkg.expert_id;
  const sheets = sendableSheets(ctx, editionId, me);
  const bundle = buildResultBundle({
    bundleId: randomUUID(),
    editionId,
    expertId: me,
    packageId: pkg.package_id,
    sequence: nextBundleSequence(ctx, editionId),
    createdAt: ctx.now(),
    sheets,
    declarations: declarationsOfExpert(ctx, me, 'expert')
      .filter((d) => d.lifted === null)
      .map((d) => ({ applicantId: d.applicantId, conflict: d.conflict, reason: d.reason, declaredAt: d.declaredAt })),
    audit: [...chainEntries(ctx.db)],
    auditHead: auditHead(ctx.db),
    leaderReturns: returnStatementsOf(ctx, editionId, me),
    consensus: consensusStatementsOf(ctx, editionId, me),
  });
  // the leaders of the expert's panels read it too, on their own laptops, for the consensus
  const recipients = [pkg.secretariat_box_recipient, ...leaderRecipients(currentRoster(ctx, editionId), me)];
  const bytes = await sealPayload(ctx, 'result-bundle', bundle, recipients);
  const sha256 = sha256Hex(bytes);
  ctx.change('bundle.exported', () => {
    insertBundleExport(ctx, { bundleId: bundle.bundleId, editionId, sequence: bundle.sequence, sheets: sheets.length, sha256, createdAt: bundle.createdAt });
    return {
      result: undefined,
      detail: { bundleId: bundle.bundleId, editionId, sequence: bundle.sequence, sheets: sheets.length, declarations: bundle.declarations.length, sha256 },
    };
  });
  const edition = getEdition(ctx, editionId);
  // the stages this expert sits in, in the edition's order: those of the sheets it carries, or of the seats
  const seated = new Set<Stage>([...sheets.map((s) => s.stage), ...seatsOfExpert(ctx, me).map((s) => s.stage)]);
  const stages = STAGES.filter((s) => seated.has(s));
  const fileName = bundleFileName({ editionName: edition.name, stages, expert: getExpert(ctx, me), sequence: bundle.sequence });
  return { fileName, bytes, bundleId: bundle.bundleId, sha256, sheets: sheets.length };
}
