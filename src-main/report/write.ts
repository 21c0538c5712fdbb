import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PingshenError } from '../domain/errors.js';
import { M } from './messages.js';

/** Characters Windows, macOS or Linux refuse in a file name (and control characters) made '_'. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_');
}

/**
 * Write to a temporary file beside the target, flush it to disk, then rename over the target:
 * a reader sees the old file or the whole new one, never half a PDF.
 */
export async function writeAtomically(file: string, data: Uint8Array): Promise<string> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return target;
  } catch (e) {
    await rm(temp, { force: true });
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new PingshenError('report.write-failed', M.errors.writeFailed(target, reason), { cause: e });
  }
}
