import { mkdir, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileNamePart } from '../../domain/file-names.js';
import { PingshenError } from '../../domain/errors.js';
import { REPORT_SET_MESSAGES } from './messages.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The user's own calendar day: the folder is named for when the clerk made it. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A name every file system accepts, saying which edition and when: 无锡市市长质量奖2025-报告-2026-11-23. */
export function setFolderName(editionName: string, lang: 'zh' | 'en', at: Date): string {
  const edition = fileNamePart(editionName.normalize('NFC'))
    .replace(/\s+/g, ' ')
    // dots and spaces in any order at either end (". !" would otherwise leave a leading space)
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return `${edition || 'Pingshen'}-${lang === 'zh' ? '报告' : 'reports'}-${localDay(at)}`;
}

/**
 * Creates a folder of that name that did not exist before (name-2, name-3… when taken), so a set
 * never lands among files the user already has. mkdir without `recursive` fails on a folder that
 * exists, which closes the gap between looking and creating.
 */
export async function newFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? name : `${name}-${n}`);
    try {
      await mkdir(path);
      return path;
    } catch (e) {
      const code = e instanceof Error && 'code' in e ? String(e.code) : String(e);
      if (code !== 'EEXIST') throw new PingshenError('report-set.folder-failed', REPORT_SET_MESSAGES.folderFailed(parent, code), { cause: e });
    }
  }
}

/** A set that failed leaves its folder empty; the empty folder goes too. rmdir never removes files. */
export async function removeIfEmpty(folder: string): Promise<void> {
  await rmdir(folder).catch(() => undefined);
}
