import { randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { DEFAULT_KDF_COST, type KdfCost } from '../domain/limits.js';

/**
 * Passphrase → key-encryption key. Argon2id in WASM (hash-wasm) rather than node:crypto, because
 * Electron's BoringSSL has no Argon2 and the same code must run in the app and under plain Node.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const KdfParamsSchema = z
  .object({
    alg: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8).max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: base64.refine((s) => Buffer.from(s, 'base64').length >= 16, 'salt must be at least 16 bytes'),
  })
  .strict()
  .refine((p) => p.memoryKiB >= 8 * p.parallelism, 'Argon2 needs at least 8 KiB per lane');

export type KdfParams = z.infer<typeof KdfParamsSchema>;


/**
 * Parameters for a new store (or a re-wrapped key), with a fresh random salt. Tests and the demo
 * pass a cheap cost so that each store they make does not spend a second.
 */
export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return { alg: 'argon2id', memoryKiB: cost.memoryKiB, iterations: cost.iterations, parallelism: cost.parallelism, salt: randomBytes(16).toString('base64') };
}

/**
 * Parameters for re-wrapping an existing store's key: never cheaper than what the store already
 * had in any dimension, so a passphrase change cannot weaken it.
 */
export function strengthenedKdfParams(existing: KdfParams, cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  const next = newKdfParams(cost);
  return {
    ...next,
    memoryKiB: Math.max(next.memoryKiB, existing.memoryKiB),
    iterations: Math.max(next.iterations, existing.iterations),
    parallelism: Math.max(next.parallelism, existing.parallelism),
  };
}

export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const p = KdfParamsSchema.parse(params);
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(p.salt, 'base64'),
    memorySize: p.memoryKiB,
    iterations: p.iterations,
    parallelism: p.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out);
}
