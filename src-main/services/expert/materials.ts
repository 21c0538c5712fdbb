import type { ExpertService } from '../api.js';
import type { Ctx } from '../context.js';
import { findMaterial, listMaterialRows, materialBytes } from '../repo/materials.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { IdSchema } from '../../domain/values.js';
import { meIn, requireAssigned, requireClear } from './me.js';

/** An applicant's materials open only to an assigned expert who declared no conflict. */
export function expertMaterialMethods(ctx: Ctx): Pick<ExpertService, 'listMaterials' | 'readMaterial'> {
  return {
    listMaterials(editionId, applicantId) {
      const eid = parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' });
      const aid = parseInput(IdSchema, applicantId, { zh: '申报单位编号', en: 'applicant id' });
      const me = meIn(ctx, eid);
      requireAssigned(ctx, me, eid, aid);
      requireClear(ctx, me, aid);
      return listMaterialRows(ctx, aid);
    },

    readMaterial(editionId, materialId) {
      const eid = parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' });
      const mid = parseInput(IdSchema, materialId, { zh: '材料编号', en: 'material id' });
      const me = meIn(ctx, eid);
      const material = findMaterial(ctx, mid);
      if (!material) throw refuse('material.not-found', `找不到该材料（${mid}）。`, `No such material (${mid}).`);
      requireAssigned(ctx, me, eid, material.applicantId);
      requireClear(ctx, me, material.applicantId);
      return materialBytes(ctx, mid);
    },
  };
}
