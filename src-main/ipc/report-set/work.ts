import { makeReportSet, type MadeReportSet } from '../../report/set.js';
import type { SecretariatService } from '../../services/api.js';
import { withTempDir } from '../temp-files.js';
import { removeIfEmpty } from './folder.js';
import type { SetOutcome, SetWork } from './jobs.js';
import { zipReportSet } from './zip.js';

export interface SetRequest {
  editionId: string;
  lang: 'zh' | 'en';
  discloseScores: boolean;
}

const summary = (made: MadeReportSet, folder: string | null): SetOutcome['summary'] => ({
  files: made.files.length,
  pages: made.pages,
  bytes: made.bytes,
  folder,
});

/** Electron: the set goes straight into the new folder the user's choice made room for. */
export function intoFolder(svc: SecretariatService, request: SetRequest, folder: string): SetWork {
  return async (onProgress) => {
    try {
      const made = await makeReportSet(svc, { ...request, outDir: folder, onProgress });
      return { summary: summary(made, folder), zip: null };
    } catch (e) {
      await removeIfEmpty(folder);
      throw e;
    }
  };
}

/**
 * Browser mode: the page cannot be handed a folder, so the set is made in a private temporary
 * folder inside the data folder, packed into one zip held in memory, and the folder deleted.
 */
export function intoZip(svc: SecretariatService, request: SetRequest, dataDir: string, zipName: string): SetWork {
  return (onProgress) =>
    withTempDir(dataDir, async (dir) => {
      const made = await makeReportSet(svc, { ...request, outDir: dir.path, onProgress });
      return { summary: summary(made, null), zip: { fileName: zipName, bytes: await zipReportSet(made) } };
    });
}
