/** Limits the main process enforces and the screens show; free of zod, so the renderer can import it. */

/** Long enough that a guess is hopeless: the store file may be copied off a lost laptop. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** 256 MiB: a review package with every applicant's PDFs, with room to spare */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** How costly a passphrase is to test (Argon2id): what a store is created and re-wrapped with. */
export interface KdfCost {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * Calibrated on the development machine (2 shared cores, Node 22): 128 MiB × 3 passes ≈ 0.7 s
 * unloaded, 0.9 s under load. Parallelism stays 1 because hash-wasm runs single-threaded; more
 * lanes would only slow the honest user without costing a parallel attacker more.
 */
export const DEFAULT_KDF_COST: Readonly<KdfCost> = { memoryKiB: 128 * 1024, iterations: 3, parallelism: 1 };
