import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { BytesSchema, MaterialInfoSchema, UploadSchema, type MaterialInfo } from '../../domain/files.js';
import { IdSchema } from '../../domain/values.js';
import { isPdf, sha256Hex } from '../../exchange/common.js';
import { storeCall } from '../call.js';
import { meIn, requireAssigned, requireClear } from '../gates.js';
import { findMaterial, findMaterialBySha, insertMaterial, listMaterialRows, materialBytes } from '../repo/materials.js';
import { getApplicant } from '../repo/people.js';

/**
 * Application materials (申报材料): PDFs held inside the encrypted store, sealed into the
 * packages of the experts who review the applicant, and opened only to an assigned expert who
 * declared no conflict. They never touch the disk in the clear.
 */

/** Materials travel inside one sealed package per expert, held in memory. */
const MAX_MATERIAL_BYTES = 200 * 1024 * 1024;

export const materialCalls = {
  'materials.attach': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, file: UploadSchema }),
    output: MaterialInfoSchema,
    run(i, ctx) {
      const applicant = getApplicant(ctx, i.applicantId);
      const { fileName, bytes } = i.file;
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
      const info: MaterialInfo = { id: randomUUID(), applicantId: applicant.id, fileName, size: bytes.length, sha256, addedAt: ctx.now() };
      return ctx.change('material.attached', () => {
        insertMaterial(ctx, info, bytes);
        return { result: info, detail: { applicantId: applicant.id, materialId: info.id, sha256, size: info.size } };
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
      const material = findMaterial(ctx, i.materialId);
      if (!material) throw refuse('material.not-found', `找不到该材料（${i.materialId}）。`, `No such material (${i.materialId}).`);
      requireAssigned(ctx, me, i.editionId, material.applicantId);
      requireClear(ctx, me, material.applicantId);
      return materialBytes(ctx, i.materialId);
    },
  }),
};
