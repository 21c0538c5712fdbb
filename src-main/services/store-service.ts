import { listAudit, verifyAuditChain } from '../audit/chain.js';
import { enrollmentCode } from '../crypto/identity.js';
import { changeStorePassphrase } from '../store/open.js';
import type { StoreService } from './api.js';
import type { Ctx } from './context.js';
import { AuditLimitSchema } from './schemas.js';
import { PassphraseSchema } from '../domain/values.js';
import { parseInput } from '../domain/reasons.js';

/** What both roles offer: who this store is, its passphrase, its audit log. */
export function storeService(ctx: Ctx): StoreService {
  let closed = false;
  return {
    info() {
      return {
        role: ctx.store.role,
        path: ctx.store.path,
        fingerprint: ctx.identity.fingerprint,
        createdAt: ctx.identity.createdAt,
      };
    },
    enrollmentCode() {
      return enrollmentCode({ signPublic: ctx.identity.signPublic, boxRecipient: ctx.identity.boxRecipient });
    },
    async changePassphrase(oldPassphrase, newPassphrase) {
      const oldP = parseInput(PassphraseSchema, oldPassphrase, { zh: '旧口令', en: 'old passphrase' });
      const newP = parseInput(PassphraseSchema, newPassphrase, { zh: '新口令', en: 'new passphrase' });
      await changeStorePassphrase(ctx.store.path, oldP, newP);
      ctx.change('store.passphrase-changed', () => ({ result: undefined, detail: {} }));
    },
    auditLog(opts) {
      const o = parseInput(AuditLimitSchema, opts, { zh: '审计日志查询', en: 'audit log query' });
      return listAudit(ctx.db, o?.limit ?? 200);
    },
    verifyAuditChain() {
      return verifyAuditChain(ctx.db);
    },
    close() {
      if (closed) return;
      closed = true;
      ctx.store.close();
    },
  };
}
