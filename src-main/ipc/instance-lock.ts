import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PingshenError } from '../domain/errors.js';

/**
 * One running app per data folder: two would open the same stores, and each would believe its
 * view of them current. A lock file holds the owner's process id; a lock whose process is gone
 * (a crash) is taken over.
 */
export interface InstanceLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** lock files this process holds: its own process id in a file does not make the file stale */
const held = new Set<string>();

export function lockDataDir(dataDir: string): InstanceLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'pingshen.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return {
        release: () => {
          held.delete(file);
          rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      const ours = owner === process.pid;
      if ((ours && held.has(file)) || (!ours && Number.isInteger(owner) && owner > 0 && alive(owner))) {
        throw new PingshenError(
          'app.already-running',
          {
            zh: `此数据文件夹（${dataDir}）正由另一个 Pingshen 使用（进程 ${owner}）。请先关闭它，或用 --data-dir 指定另一个文件夹。`,
            en: `Another Pingshen (process ${owner}) is using this data folder (${dataDir}). Close it first, or choose another folder with --data-dir.`,
          },
          { pid: owner },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new PingshenError('app.already-running', {
    zh: `无法锁定数据文件夹 ${dataDir}。请关闭其他 Pingshen 后重试。`,
    en: `Could not lock the data folder ${dataDir}. Close any other Pingshen and try again.`,
  });
}
