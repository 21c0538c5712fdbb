import { z } from 'zod';
import { loadIdentity } from '../crypto/identity.js';
import { createStore, openStore, type Store } from '../store/open.js';
import type { ExpertService, SecretariatService } from './api.js';
import type { StoreInfo } from '../domain/store.js';
import { ROLE_NAMES, type Role } from '../domain/vocabulary.js';
import { createCtx, type Ctx } from './context.js';
import { expertService } from './expert/index.js';
import { parseInput } from '../domain/reasons.js';
import { refuse } from '../domain/errors.js';
import { FilePathSchema, PassphraseSchema } from '../domain/values.js';
import { secretariatService } from './secretariat/index.js';

/** The entry points: the CLI, the IPC layer and the tests reach the store only through these. */

export const InitStoreSchema = z.strictObject({
  role: z.enum(['secretariat', 'expert']),
  path: FilePathSchema,
  passphrase: PassphraseSchema,
});

export const OpenStoreSchema = z.strictObject({ path: FilePathSchema, passphrase: PassphraseSchema });

/** Creates the store with its identity (audited as 'store.created') and closes it again. */
export async function initStore(input: { role: Role; path: string; passphrase: string }): Promise<StoreInfo> {
  const i = parseInput(InitStoreSchema, input, { zh: '新建库参数', en: 'store creation' });
  const store = await createStore(i);
  try {
    const identity = loadIdentity(store.db);
    return { role: store.role, path: store.path, fingerprint: identity.fingerprint, createdAt: identity.createdAt };
  } finally {
    store.close();
  }
}

async function openAs(input: { path: string; passphrase: string }, role: Role): Promise<Store> {
  const i = parseInput(OpenStoreSchema, input, { zh: '打开库参数', en: 'store opening' });
  const store = await openStore(i);
  if (store.role !== role) {
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
  return store;
}

function contextOf(store: Store): Ctx {
  try {
    return createCtx(store, loadIdentity(store.db));
  } catch (e) {
    store.close();
    throw e;
  }
}

export async function openSecretariat(input: { path: string; passphrase: string }): Promise<SecretariatService> {
  return secretariatService(contextOf(await openAs(input, 'secretariat')));
}

export async function openExpert(input: { path: string; passphrase: string }): Promise<ExpertService> {
  return expertService(contextOf(await openAs(input, 'expert')));
}

export type OpenedService = { role: 'secretariat'; svc: SecretariatService } | { role: 'expert'; svc: ExpertService };

/** Opens a store of either role, for callers (the CLI, the app's start screen) that learn the role from the store. */
export async function openAnyStore(input: { path: string; passphrase: string }): Promise<OpenedService> {
  const i = parseInput(OpenStoreSchema, input, { zh: '打开库参数', en: 'store opening' });
  const ctx = contextOf(await openStore(i));
  return ctx.store.role === 'secretariat' ? { role: 'secretariat', svc: secretariatService(ctx) } : { role: 'expert', svc: expertService(ctx) };
}
