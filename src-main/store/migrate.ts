import type Database from 'better-sqlite3-multiple-ciphers';
import { PingshenError } from '../domain/errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/types.js';

export type { Migration } from './migrations/types.js';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list is out of order: position ${i} holds version ${m.version} (${m.name})`);
    }
  });
}

/**
 * Brings the schema up to the last of `migrations` (all the app knows, by default). Each step
 * commits on its own with its user_version, so an interrupted upgrade resumes where it stopped.
 * A store written by a newer app is refused rather than guessed at.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  checkSequence(migrations);
  const from = schemaVersion(db);
  const known = migrations.length;
  if (from > known) {
    throw new PingshenError(
      'store.too-new',
      {
        zh: `此存储由较新版本的 Pingshen 创建（数据结构版本 ${from}，本程序只认识到 ${known}）。请升级 Pingshen 后再打开；存储未被改动。`,
        en: `This store was written by a newer Pingshen (schema version ${from}; this app knows up to ${known}). Update Pingshen and open it again; the store was not changed.`,
      },
      { version: from, known },
    );
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, known) };
}
