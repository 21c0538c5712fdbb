import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { KdfCost } from '../../src-main/domain/limits.js';

/** Stores made by tests are cheap to unlock; the calibrated cost is tested on its own (kdf.test.ts). */
export const TEST_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pingshen-store-'));
  dirs.push(d);
  return d;
}

/** content hash and modification time, to prove a refused call left a file alone */
export function fingerprintFile(file: string): { sha256: string; mtimeMs: number; size: number } {
  const st = statSync(file);
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), mtimeMs: st.mtimeMs, size: st.size };
}

export async function expectCode(p: Promise<unknown> | (() => unknown), code: string): Promise<void> {
  let err: unknown;
  try {
    if (typeof p === 'function') await p();
    else await p;
  } catch (e) {
    err = e;
  }
  if (!err) throw new Error(`expected PingshenError ${code}, but the call succeeded`);
  const got = (err as { code?: string }).code;
  if (got !== code) throw new Error(`expected PingshenError ${code}, got ${got ?? String(err)}`);
}
