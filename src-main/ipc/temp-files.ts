import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Upload } from './types.js';

/**
 * The services take file paths; the renderer hands over bytes. The bridge is a private folder
 * inside the data folder (never the system temp folder), removed as soon as the call returns,
 * whether it succeeded or not. Nothing the expert reads is ever written here: materials travel
 * as bytes straight from the store to the in-app viewer.
 */
export interface TempDir {
  readonly path: string;
  /** writes an upload under a safe version of its own name and returns the path */
  write(upload: Upload): string;
  /** a path inside the folder for a service to write its output to */
  pathFor(fileName: string): string;
  read(path: string): Uint8Array;
}

export function tempRoot(dataDir: string): string {
  return join(dataDir, 'tmp');
}

/** Leftovers of a crash: nothing in them is needed, and they must not linger. */
export function clearTempRoot(dataDir: string): void {
  rmSync(tempRoot(dataDir), { recursive: true, force: true });
}

/** Keeps letters (any script), digits, dot, dash, underscore; the rest becomes "_". */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return cleaned === '' ? 'file' : cleaned;
}

export async function withTempDir<T>(dataDir: string, fn: (dir: TempDir) => Promise<T>): Promise<T> {
  const path = join(tempRoot(dataDir), randomBytes(12).toString('hex'));
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const used = new Set<string>();
  const unique = (fileName: string): string => {
    const safe = safeFileName(fileName);
    let candidate = safe;
    for (let i = 2; used.has(candidate); i++) candidate = `${i}-${safe}`;
    used.add(candidate);
    return join(path, candidate);
  };
  const dir: TempDir = {
    path,
    write(upload) {
      const file = unique(upload.fileName);
      writeFileSync(file, upload.bytes, { mode: 0o600 });
      return file;
    },
    pathFor: unique,
    read(file) {
      return new Uint8Array(readFileSync(file));
    },
  };
  try {
    return await fn(dir);
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
