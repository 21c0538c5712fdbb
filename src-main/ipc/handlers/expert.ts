import { basename } from 'node:path';
import { withTempDir } from '../temp-files.js';
import type { HandlersFor } from './types.js';

/** The bundle's suggested name: the edition and the moment, so successive exports never clash. */
export function bundleFileName(editionId: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `pingshen-result-${editionId.slice(0, 12)}-${stamp}.psbundle`;
}

export const expertHandlers: HandlersFor<'expert'> = {
  'expert.importPackage': (input, { session }) =>
    withTempDir(session.dataDir, (dir) => session.expert().importPackage(dir.write(input.file))),
  'expert.listEditions': (_i, { session }) => session.expert().listEditions(),
  'expert.getEdition': (input, { session }) => session.expert().getEdition(input.editionId),
  'expert.whoAmI': (input, { session }) => session.expert().whoAmI(input.editionId),
  'expert.myAssignments': (input, { session }) => session.expert().myAssignments(input.editionId),
  'expert.declare': (input, { session }) => session.expert().declare(input),
  'expert.listMaterials': (input, { session }) => session.expert().listMaterials(input.editionId, input.applicantId),
  'expert.readMaterial': (input, { session }) => session.expert().readMaterial(input.editionId, input.materialId),
  'expert.openSheet': (input, { session }) => session.expert().openSheet(input),
  'expert.saveItem': (input, { session }) => session.expert().saveItem(input),
  'expert.missingItems': (input, { session }) => session.expert().missingItems(input.sheetId),
  'expert.submitSheet': (input, { session }) => session.expert().submitSheet(input.sheetId),
  'expert.exportBundle': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => {
      const out = dir.pathFor(bundleFileName(input.editionId, new Date()));
      const result = await session.expert().exportBundle(input.editionId, out);
      return {
        fileName: basename(result.file),
        bytes: dir.read(result.file),
        bundleId: result.bundleId,
        sha256: result.sha256,
        sheets: result.sheets,
      };
    }),
};
