import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { MadeReportSet } from '../../report/set.js';

/**
 * One zip of the set for browser mode, files at its top level under their names in the set.
 * The PDFs' streams are already compressed, so they are stored as they are: deflating them again
 * would cost time for almost nothing.
 */
export async function zipReportSet(made: MadeReportSet): Promise<Uint8Array> {
  const entries: Zippable = {};
  for (const f of made.files) entries[basename(f.file)] = [new Uint8Array(await readFile(f.file)), { level: 0 }];
  return zipSync(entries);
}
