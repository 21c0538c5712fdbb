import { z } from 'zod';
import { loadIdentity } from '../crypto/identity.js';
import type { KdfCost } from '../domain/limits.js';
import { refuse } from '../domain/errors.js';
import { parseInput } from '../domain/reasons.js';
import type { StoreInfo } from '../domain/store.js';
import { FilePathSchema, PassphraseSchema } from '../domain/values.js';
import { ROLE_NAMES, type Role } from '../domain/words.js';
import { RoleSchema } from '../domain/vocabulary.js';
import { parseRecoveryCode } from '../crypto/recovery-code.js';
import { createStore, openStore as openStoreFile, resetStorePassphrase, type Store } from '../store/open.js';
import type { OpenStore } from './client.js';
import { createCtx } from './context.js';

/**
 * The entry points: the CLI, the app's session and the tests reach a store only through these.
 * This module holds no calls, so that a command that makes a few of them loads only their
 * features (cli/context.ts); open.ts adds the client of every call, and store-backup.ts the
 * backups' (their zip code is not loaded to open a store).
 */

const StoreOptions = z.strictObject({ path: FilePathSchema, passphrase: PassphraseSchema });

/** A store just made, with the recovery code its owner must now be shown: it exists nowhere else. */
export type CreatedStore = StoreInfo & { recoveryCode: string };

/** Creates the store with its identity (audited as 'store.created') and closes it again. */
export async function initStore(input: { role: Role; path: string; passphrase: string; kdf?: KdfCost }): Promise<CreatedStore> {
  const { kdf, ...rest } = input;
  const i = parseInput(StoreOptions.extend({ role: RoleSchema }), rest, { zh: '新建库参数', en: 'store creation' });
  const store = await createStore({ ...i, ...(kdf ? { kdf } : {}) });
  try {
    const identity = loadIdentity(store.db);
    return { role: store.role, path: store.path, fingerprint: identity.fingerprint, createdAt: identity.createdAt, recoveryCode: store.recoveryCode };
  } finally {
    store.close();
  }
}

/** A forgotten passphrase replaced, the recovery code proving the owner; the store stays closed. */
export async function resetPassphrase(input: { path: string; recoveryCode: string; newPassphrase: string; kdf?: KdfCost }): Promise<void> {
  const code = parseRecoveryCode(input.recoveryCode);
  await resetStorePassphrase(input.path, code, input.newPassphrase, input.kdf);
}

function opened(store: Store): OpenStore {
  try {
    return { role: store.role, ctx: createCtx(store, loadIdentity(store.db)), close: () => store.close() };
  } catch (e) {
    store.close();
    throw e;
  }
}

/** Opens a store of either role; `role` refuses a store of the other. */
export async function openStore(input: { path: string; passphrase: string; kdf?: KdfCost }, role?: Role): Promise<OpenStore> {
  const { kdf, ...rest } = input;
  const i = parseInput(StoreOptions, rest, { zh: '打开库参数', en: 'store opening' });
  const store = await openStoreFile({ ...i, ...(kdf ? { kdf } : {}) });
  if (role !== undefined && store.role !== role) {
    store.close();
    const found = ROLE_NAMES[store.role];
    const wanted = ROLE_NAMES[role];
    throw refuse(
      'store.wrong-role',
      `这是${found.zh}库，不能作为${wanted.zh}库打开。请选择本机的${wanted.zh}库。`,
      `This is a ${found.en} store; it cannot be opened as a ${wanted.en} store. Choose this machine's ${wanted.en} store.`,
      { role: store.role },
    );
  }
  return opened(store);
}
