import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PingshenError } from '../domain/errors.js';

/**
 * Replace `file` so that a crash leaves either the old or the new content, never a mix: write a
 * sibling temp file, fsync it, rename over the target, then fsync the folder so the rename itself
 * survives a power cut. Owner-only permissions by default: a store's key file is key material.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { exclusive?: boolean; mode?: number } = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', opts.mode ?? 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    // claiming the name with O_EXCL first means two processes creating the same store cannot both win
    if (opts.exclusive) closeSync(openSync(file, 'wx', opts.mode ?? 0o600));
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file the user asked for (a report, a package, a bundle), written whole where they chose. */
export function saveFile(file: string, data: Uint8Array): string {
  const target = resolve(file);
  try {
    writeFileAtomic(target, data, { mode: 0o644 });
    return target;
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new PingshenError(
      'file.write-failed',
      { zh: `无法写入文件 ${target}（${reason}）。请选择可写的位置后重试。`, en: `Could not write ${target} (${reason}). Choose a writable location and try again.` },
      { file: target },
    );
  }
}
