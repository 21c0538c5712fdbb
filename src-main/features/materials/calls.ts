import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { BytesSchema, MaterialInfoSchema, UploadSchema, type MaterialInfo, type Upload } from '../../domain/files.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { isPdf, sha256Hex } from '../../exchange/common.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { meIn, requireAssigned, requireClear } from '../gates.js';
import { deleteMaterial, findMaterial, findMaterialBySha, insertMaterial, listMaterialRows, materialBytes } from '../repo/materials.js';
import { getApplicant } from '../repo/people.js';

/**
 * Application materials (申报材料): PDFs held inside the encrypted store, sealed into the
 * packages of the experts who review the applicant, and opened only to an assigned expert who
 * declared no conflict. They never touch the disk in the clear.
 */

/** Materials travel inside one sealed package per expert, held in memory. */
const MAX_MATERIAL_BYTES = 200 * 1024 * 1024;

/** A new material's file, checked: a PDF, not too large, not already held for the applicant. */
function checkedFile(ctx: Ctx, applicantId: string, file: Upload): { sha256: string; applicantCode: string } {
  const applicant = getApplicant(ctx, applicantId);
  const { fileName, bytes } = file;
  if (bytes.byteLength > MAX_MATERIAL_BYTES) {
    throw refuse(
      'material.too-large',
      `“${fileName}”超过 200 MB。请压缩或拆分后再添加。`,
      `"${fileName}" is larger than 200 MB. Compress or split it and add the parts.`,
    );
  }
  if (!isPdf(bytes)) {
    throw refuse(
      'material.not-pdf',
      `“${fileName}”不是 PDF 文件。申报材料只接受 PDF：请先转换为 PDF。`,
      `"${fileName}" is not a PDF. Application materials must be PDF files: convert it first.`,
    );
  }
  const sha256 = sha256Hex(bytes);
  const existing = findMaterialBySha(ctx, applicant.id, sha256);
  if (existing) {
    throw refuse(
      'material.duplicate',
      `该文件已作为“${existing.fileName}”添加给 ${applicant.code}，未重复添加。`,
      `This file is already attached to ${applicant.code} as "${existing.fileName}"; it was not added again.`,
    );
  }
  return { sha256, applicantCode: applicant.code };
}

function heldMaterial(ctx: Ctx, materialId: string): MaterialInfo {
  const m = findMaterial(ctx, materialId);
  if (!m) throw refuse('material.not-found', '找不到该材料：它可能已被撤下或换为新版本。请刷新材料列表。', 'No such material: it may have been removed or replaced by a new version. Refresh the list of materials.', { materialId });
  return m;
}

export const materialCalls = {
  'materials.attach': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, file: UploadSchema }),
    output: MaterialInfoSchema,
    run(i, ctx) {
      const { sha256 } = checkedFile(ctx, i.applicantId, i.file);
      const info: MaterialInfo = { id: randomUUID(), applicantId: i.applicantId, fileName: i.file.fileName, size: i.file.bytes.length, sha256, addedAt: ctx.now(), version: 1, replaces: null };
      return ctx.change('material.attached', () => {
        insertMaterial(ctx, info, i.file.bytes);
        return { result: info, detail: { applicantId: i.applicantId, materialId: info.id, sha256, size: info.size } };
      });
    },
  }),

  /**
   * Replaces a material with a corrected file: the new one is the next version, the old one's
   * bytes leave the store. Experts get the new version with their next package, marked as changed.
   */
  'materials.replace': storeCall({
    access: 'secretariat',
    input: z.strictObject({ materialId: IdSchema, file: UploadSchema, reason: textOf(1000) }),
    output: MaterialInfoSchema,
    run(i, ctx) {
      const old = heldMaterial(ctx, i.materialId);
      const { sha256 } = checkedFile(ctx, old.applicantId, i.file);
      const info: MaterialInfo = {
        id: randomUUID(),
        applicantId: old.applicantId,
        fileName: i.file.fileName,
        size: i.file.bytes.length,
        sha256,
        addedAt: ctx.now(),
        version: old.version + 1,
        replaces: old.id,
      };
      return ctx.change('material.replaced', () => {
        deleteMaterial(ctx, old.id);
        insertMaterial(ctx, info, i.file.bytes);
        return {
          result: info,
          detail: { applicantId: old.applicantId, materialId: info.id, replaces: old.id, fileName: info.fileName, previousFileName: old.fileName, sha256, previousSha256: old.sha256, version: info.version, reason: i.reason },
        };
      });
    },
  }),

  /** Removes a material attached in error; experts lose it with their next package. */
  'materials.remove': storeCall({
    access: 'secretariat',
    input: z.strictObject({ materialId: IdSchema, reason: textOf(1000) }),
    output: z.strictObject({ removed: MaterialInfoSchema }),
    run(i, ctx) {
      const old = heldMaterial(ctx, i.materialId);
      return ctx.change('material.removed', () => {
        deleteMaterial(ctx, old.id);
        return { result: { removed: old }, detail: { applicantId: old.applicantId, materialId: old.id, fileName: old.fileName, sha256: old.sha256, reason: i.reason } };
      });
    },
  }),

  'materials.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema }),
    output: z.array(MaterialInfoSchema),
    run: (i, ctx) => listMaterialRows(ctx, i.applicantId),
  }),

  /** an applicant's materials, to an assigned expert who declared no conflict */
  'materials.forReview': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema, applicantId: IdSchema }),
    output: z.array(MaterialInfoSchema),
    run(i, ctx) {
      const me = meIn(ctx, i.editionId);
      requireAssigned(ctx, me, i.editionId, i.applicantId);
      requireClear(ctx, me, i.applicantId);
      return listMaterialRows(ctx, i.applicantId);
    },
  }),

  /** a material's bytes, straight from the store to the in-app viewer */
  'materials.read': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema, materialId: IdSchema }),
    output: BytesSchema,
    run(i, ctx) {
      const me = meIn(ctx, i.editionId);
      const material = heldMaterial(ctx, i.materialId);
      requireAssigned(ctx, me, i.editionId, material.applicantId);
      requireClear(ctx, me, material.applicantId);
      return materialBytes(ctx, i.materialId);
    },
  }),
};
