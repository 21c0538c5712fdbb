import { z } from 'zod';
import { listAudit, verifyAuditChain } from '../../audit/chain.js';
import { enrollmentCode } from '../../crypto/identity.js';
import { MIN_PASSPHRASE_LENGTH } from '../../domain/limits.js';
import { AuditEntrySchema, AuditVerificationSchema, StoreInfoSchema } from '../../domain/store.js';
import { PassphraseSchema } from '../../domain/values.js';
import { changeStorePassphrase, hasRecoveryCode, renewRecoveryCode } from '../../store/open.js';
import { storeCall } from '../call.js';
import { storeInfo } from '../context.js';

/** What both roles' stores offer: who this store is, its passphrase, its audit log. */
export const storeCalls = {
  'store.info': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: StoreInfoSchema,
    run: (_input, ctx) => storeInfo(ctx),
  }),

  /** the public enrollment code an expert hands to the secretariat (text, safe to e-mail) */
  'store.enrollmentCode': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: z.string(),
    run: (_input, ctx) => enrollmentCode({ signPublic: ctx.identity.signPublic, boxRecipient: ctx.identity.boxRecipient }),
  }),

  'store.changePassphrase': storeCall({
    access: 'unlocked',
    input: z.strictObject({
      oldPassphrase: PassphraseSchema,
      newPassphrase: PassphraseSchema.pipe(z.string().min(MIN_PASSPHRASE_LENGTH)),
    }),
    output: z.null(),
    async run(input, ctx) {
      await changeStorePassphrase(ctx.store.path, input.oldPassphrase, input.newPassphrase, ctx.store.kdfCost);
      ctx.change('store.passphrase-changed', () => ({ result: undefined, detail: {} }));
      return null;
    },
  }),

  /** stores made before recovery codes have none until their owner makes one */
  'store.recoveryStatus': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: z.strictObject({ hasRecoveryCode: z.boolean() }),
    run: (_input, ctx) => ({ hasRecoveryCode: hasRecoveryCode(ctx.store.path) }),
  }),

  /** a new recovery code, the old one no longer valid; shown this once */
  'store.renewRecoveryCode': storeCall({
    access: 'unlocked',
    input: z.strictObject({ passphrase: PassphraseSchema }),
    output: z.strictObject({ recoveryCode: z.string() }),
    async run(input, ctx) {
      const recoveryCode = await renewRecoveryCode(ctx.store.path, input.passphrase, ctx.store.kdfCost);
      ctx.change('store.recovery-code-renewed', () => ({ result: undefined, detail: {} }));
      return { recoveryCode };
    },
  }),

  'store.auditLog': storeCall({
    access: 'unlocked',
    input: z.strictObject({ limit: z.number().int().min(1).max(100_000).optional() }),
    output: z.array(AuditEntrySchema),
    run: (input, ctx) => listAudit(ctx.db, input.limit ?? 200),
  }),

  'store.verifyAuditChain': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: AuditVerificationSchema,
    run: (_input, ctx) => verifyAuditChain(ctx.db),
  }),
};
