import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isPdf, sha256Hex } from '../../exchange/common.js';
import type { MaterialInfo } from '../../domain/files.js';
import type { SecretariatService } from '../api.js';
import type { Ctx } from '../context.js';
import { findMaterialBySha, insertMaterial, listMaterialRows } from '../repo/materials.js';
import { getApplicant } from '../repo/people.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { FilePathSchema, IdSchema } from '../../domain/values.js';

/** Application materials travel inside one sealed package per expert, held in memory. */
const MAX_MATERIAL_BYTES = 200 * 1024 * 1024;

function readPdf(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw refuse('material.unreadable', `无法读取文件“${file}”。请检查路径和访问权限。`, `Cannot read "${file}". Check the path and permissions.`);
  }
  if (size > MAX_MATERIAL_BYTES) {
    throw refuse(
      'material.too-large',
      `“${basename(file)}”超过 200 MB。请压缩或拆分后再添加。`,
      `"${basename(file)}" is larger than 200 MB. Compress or split it and add the parts.`,
    );
  }
  const bytes = new Uint8Array(readFileSync(file));
  if (!isPdf(bytes)) {
    throw refuse(
      'material.not-pdf',
      `“${basename(file)}”不是 PDF 文件。申报材料只接受 PDF：请先转换为 PDF。`,
      `"${basename(file)}" is not a PDF. Application materials must be PDF files: convert it first.`,
    );
  }
  return bytes;
}

export function materialMethods(ctx: Ctx): Pick<SecretariatService, 'attachMaterial' | 'listMaterials'> {
  return {
    attachMaterial(applicantId, pdfFile) {
      const id = parseInput(IdSchema, applicantId, { zh: '申报单位编号', en: 'applicant id' });
      const file = parseInput(FilePathSchema, pdfFile, { zh: '材料文件路径', en: 'material file path' });
      const applicant = getApplicant(ctx, id);
      const bytes = readPdf(file);
      const sha256 = sha256Hex(bytes);
      const existing = findMaterialBySha(ctx, id, sha256);
      if (existing) {
        throw refuse(
          'material.duplicate',
          `该文件已作为“${existing.fileName}”添加给 ${applicant.code}，未重复添加。`,
          `This file is already attached to ${applicant.code} as "${existing.fileName}"; it was not added again.`,
        );
      }
      const info: MaterialInfo = { id: randomUUID(), applicantId: id, fileName: basename(file), size: bytes.length, sha256, addedAt: ctx.now() };
      return ctx.change('material.attached', () => {
        insertMaterial(ctx, info, bytes);
        return { result: info, detail: { applicantId: id, materialId: info.id, sha256, size: info.size } };
      });
    },

    listMaterials: (applicantId) => listMaterialRows(ctx, parseInput(IdSchema, applicantId, { zh: '申报单位编号', en: 'applicant id' })),
  };
}
