import { clientOf, type Client, type OpenStore } from './client.js';
import { STORE_CALLS, type StoreCalls } from './index.js';

export { initStore, openStore, resetPassphrase, type CreatedStore } from './store-open.js';
export { backupHeader, restoreStore } from './store-backup.js';

export type StoreClient = Client<StoreCalls>;

/** An open store with its calls, for in-process callers (the CLI, the demo, the bench, tests). */
export function storeClient(store: OpenStore, opts: { checkOutputs?: boolean } = {}): StoreClient {
  return clientOf(STORE_CALLS, store, opts);
}
