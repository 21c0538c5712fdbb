import type { MadeReportSet } from '../../report/set.js';
import type { SecretariatSources } from '../../report/sources.js';
import { removeIfEmpty } from './folder.js';
import type { SetOutcome, SetWork } from './jobs.js';
import { zipReportSet } from './zip.js';

export interface SetRequest {
  editionId: string;
  lang: 'zh' | 'en';
  discloseScores: boolean;
}

/** The report code (pdfmake, the fonts, the render threads) loads with the first set asked for, not with the app. */
const reportSet = () => import('../../report/set.js');

const summary = (made: MadeReportSet, folder: string | null): SetOutcome['summary'] => ({
  files: made.files.length,
  pages: made.pages,
  bytes: made.size,
  folder,
});

/** Electron: the set goes into the new folder the user's choice made room for. */
export function intoFolder(src: SecretariatSources, request: SetRequest, folder: string): SetWork {
  return async (onProgress) => {
    try {
      const { makeReportSet, writeReportSet } = await reportSet();
      const made = await makeReportSet(src, { ...request, onProgress });
      await writeReportSet(made, folder);
      return { summary: summary(made, folder), zip: null };
    } catch (e) {
      await removeIfEmpty(folder);
      throw e;
    }
  };
}

/** Browser mode: the page cannot be handed a folder, so the set becomes one zip held in memory. */
export function intoZip(src: SecretariatSources, request: SetRequest, zipName: string): SetWork {
  return async (onProgress) => {
    const { makeReportSet } = await reportSet();
    const made = await makeReportSet(src, { ...request, onProgress });
    return { summary: summary(made, null), zip: { fileName: zipName, bytes: zipReportSet(made) } };
  };
}
