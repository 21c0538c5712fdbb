import { zipSync, type Zippable } from 'fflate';
import type { MadeReportSet } from '../../report/set.js';

/**
 * One zip of the set for browser mode, made in memory, files at its top level under their names
 * in the set. The PDFs' streams are already compressed, so they are stored as they are: deflating
 * them again would cost time for almost nothing.
 */
export function zipReportSet(made: MadeReportSet): Uint8Array {
  const entries: Zippable = {};
  for (const f of made.files) entries[f.fileName] = [f.bytes, { level: 0 }];
  return zipSync(entries);
}
