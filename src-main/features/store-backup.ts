import { parseRecoveryCode } from '../crypto/recovery-code.js';
import { readBackup, restoreBackup, type BackupHeader, type RestoreProof } from '../store/backup.js';
import type { KdfCost } from '../domain/limits.js';

/**
 * The entry points of a store's backup file, apart from store-open.ts so that opening a store does
 * not load the zip code a backup is read with.
 */

/** What a backup file says it holds (role, store, editions), once its parts check out. */
export function backupHeader(bytes: Uint8Array): BackupHeader {
  return readBackup(bytes).header;
}

/**
 * A backup written as a new store at `path`, proven by its passphrase or its recovery code (then
 * under a new passphrase); the store stays closed.
 */
export async function restoreStore(input: { bytes: Uint8Array; fileName: string; path: string; proof: RestoreProof; kdf?: KdfCost }): Promise<BackupHeader> {
  const proof: RestoreProof = 'passphrase' in input.proof ? input.proof : { recoveryCode: parseRecoveryCode(input.proof.recoveryCode), newPassphrase: input.proof.newPassphrase };
  return restoreBackup({ bytes: input.bytes, fileName: input.fileName, path: input.path, proof, ...(input.kdf ? { cost: input.kdf } : {}) });
}
