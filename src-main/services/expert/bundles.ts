import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditHead } from '../../audit/chain.js';
import { buildResultBundle, type BundleSheet } from '../../exchange/bundle.js';
import { sha256Hex } from '../../exchange/common.js';
import type { ExpertService } from '../api.js';
import type { Ctx } from '../context.js';
import { sealPayload } from '../sealing.js';
import { declarationsOfExpert, recusedBySecretariat } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { insertBundleExport, nextBundleSequence } from '../repo/packages.js';
import { isSeated } from '../repo/panels.js';
import { itemsOf, sheetRowsOfEdition } from '../repo/sheets.js';
import { parseInput } from '../../domain/reasons.js';
import { FilePathSchema, IdSchema } from '../../domain/values.js';
import { currentPackage } from './me.js';

/**
 * The sheets a bundle carries: every submitted sheet still assigned to this expert and not
 * under a recusal the secretariat imposed (the secretariat would refuse the whole bundle).
 */
function sendableSheets(ctx: Ctx, editionId: string, me: string): BundleSheet[] {
  const framework = getEdition(ctx, editionId).framework;
  return sheetRowsOfEdition(ctx, editionId, { expertId: me, status: 'submitted' })
    .filter((r) => isSeated(ctx, me, r.applicant_id, r.stage) && !recusedBySecretariat(ctx, me, r.applicant_id))
    .map((r) => ({
      applicantId: r.applicant_id,
      stage: r.stage,
      submittedAt: r.submitted_at ?? r.created_at,
      items: itemsOf(ctx, r.id, framework).map((item) => ({
        itemCode: item.itemCode,
        percent: item.percent ?? 0,
        strengths: item.strengths,
        opportunities: item.opportunities,
      })),
    }));
}

export function expertBundleMethods(ctx: Ctx): Pick<ExpertService, 'exportBundle'> {
  return {
    async exportBundle(editionId, outFile) {
      const eid = parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' });
      const file = resolve(parseInput(FilePathSchema, outFile, { zh: '结果包文件路径', en: 'bundle file path' }));
      const pkg = currentPackage(ctx, eid);
      const me = pkg.expert_id;
      const sheets = sendableSheets(ctx, eid, me);
      const bundle = buildResultBundle({
        bundleId: randomUUID(),
        editionId: eid,
        expertId: me,
        packageId: pkg.package_id,
        sequence: nextBundleSequence(ctx, eid),
        createdAt: ctx.now(),
        sheets,
        declarations: declarationsOfExpert(ctx, me, 'expert').map((d) => ({
          applicantId: d.applicantId,
          conflict: d.conflict,
          reason: d.reason,
          declaredAt: d.declaredAt,
        })),
        auditHead: auditHead(ctx.db),
      });
      const bytes = await sealPayload(ctx, 'result-bundle', bundle, pkg.secretariat_box_recipient);
      const sha256 = sha256Hex(bytes);
      // recorded in the transaction that moves the file into place: a failed export records nothing
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      try {
        ctx.change('bundle.exported', () => {
          insertBundleExport(ctx, { bundleId: bundle.bundleId, editionId: eid, sequence: bundle.sequence, sheets: sheets.length, sha256, createdAt: bundle.createdAt });
          renameSync(tmp, file);
          return {
            result: undefined,
            detail: { bundleId: bundle.bundleId, editionId: eid, sequence: bundle.sequence, sheets: sheets.length, declarations: bundle.declarations.length, sha256 },
          };
        });
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
      return { file, bundleId: bundle.bundleId, sha256, sheets: sheets.length };
    },
  };
}
