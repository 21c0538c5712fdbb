import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/chain.js';
import type { Identity } from '../crypto/identity.js';
import type { Store } from '../store/open.js';
import type { StoreInfo } from '../domain/store.js';
import type { EditionDetail } from '../profile/edition.js';

/**
 * What every service function works with: the open store, this store's identity and an audit
 * writer. `change` is the only way services write: the change and its audit entry commit
 * together or not at all.
 */
export interface Ctx {
  readonly store: Store;
  readonly db: Database.Database;
  readonly identity: Identity;
  readonly actor: string;
  now(): string;
  /** prepared once per SQL text: the hot paths re-run the same statements */
  stmt(sql: string): Database.Statement;
  audit(action: string, detail: Record<string, unknown>): void;
  change<T>(action: string, fn: () => { result: T; detail: Record<string, unknown> }): T;
  tx<T>(fn: () => T): T;
  /** parsed editions (profile and framework JSON); dropped whenever an edition row changes */
  editions: Map<string, EditionDetail>;
}

export function createCtx(store: Store, identity: Identity): Ctx {
  const statements = new Map<string, Database.Statement>();
  const db = store.db;
  const actor = `${store.role}:${identity.fingerprint}`;
  const ctx: Ctx = {
    store,
    db,
    identity,
    actor,
    now: () => new Date().toISOString(),
    stmt(sql) {
      let s = statements.get(sql);
      if (!s) {
        s = db.prepare(sql);
        statements.set(sql, s);
      }
      return s;
    },
    audit(action, detail) {
      appendAudit(db, { actor, action, detail });
    },
    change(action, fn) {
      return db.transaction(() => {
        const { result, detail } = fn();
        appendAudit(db, { actor, action, detail });
        return result;
      })();
    },
    tx(fn) {
      return db.transaction(fn)();
    },
    editions: new Map(),
  };
  return ctx;
}

/** Who this store is, as both roles show it. */
export function storeInfo(ctx: Ctx): StoreInfo {
  return { role: ctx.store.role, path: ctx.store.path, fingerprint: ctx.identity.fingerprint, createdAt: ctx.identity.createdAt };
}
