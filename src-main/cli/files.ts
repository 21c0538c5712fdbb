import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Download, Upload } from '../domain/files.js';
import { saveFile } from '../store/atomic-write.js';
import { UsageError } from './errors.js';

/**
 * The command line is the host that reads and writes files: calls take a file's name and bytes
 * and give bytes back; only here do they meet paths the user typed.
 */
export function upload(path: string): Upload {
  try {
    return { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new UsageError({
      zh: `无法读取文件“${path}”（${reason}）。请检查路径和访问权限。`,
      en: `Cannot read "${path}" (${reason}). Check the path and permissions.`,
    });
  }
}

/** Writes what a call gave back to the path the user chose, whole or not at all. */
export function save(download: Download, path: string): string {
  return saveFile(path, download.bytes);
}
