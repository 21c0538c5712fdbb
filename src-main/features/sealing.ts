import type { SealedKind } from '../seal/envelope.js';
import { signStatement, type StatementKind } from '../seal/statement.js';
import type { Ctx } from './context.js';
import { enrolledSignKeys } from './repo/people.js';

/** age and jose (with their post-quantum and curve code) load with the first sealed file, not with every store opening. */
const envelope = () => import('../seal/envelope.js');

/**
 * Files leave a store signed with its identity, the signing key's public half as the JWS key id,
 * so the receiver can look the signer up by the very key it enrolled.
 */
export async function sealPayload(ctx: Ctx, kind: SealedKind, payload: unknown, recipients: string | string[]): Promise<Uint8Array> {
  const { seal } = await envelope();
  return seal({
    kind,
    payload,
    signer: { privateKeyPkcs8: ctx.identity.signPrivate, kid: ctx.identity.signPublic },
    recipients: typeof recipients === 'string' ? [recipients] : recipients,
  });
}

/** A statement signed with this store's identity, to travel inside sealed files. */
export function signAsStore(ctx: Ctx, kind: StatementKind, payload: unknown): Promise<string> {
  return signStatement({ kind, payload, signer: { privateKeyPkcs8: ctx.identity.signPrivate, kid: ctx.identity.signPublic } });
}

/**
 * The secretariat accepts only keys it enrolled. An expert accepts the signer a package names
 * and then checks it against the secretariat the package claims and the one pinned by earlier
 * packages of the edition (expert/packages.ts); the first package is trusted on the fingerprint
 * the expert compares out of band.
 */
export async function openPayload(ctx: Ctx, kind: SealedKind, bytes: Uint8Array): Promise<{ payload: unknown; signerKey: string }> {
  const enrolled = ctx.store.role === 'secretariat' ? new Set(enrolledSignKeys(ctx)) : null;
  const { openSealed } = await envelope();
  const opened = await openSealed({
    bytes,
    kind,
    identity: ctx.identity.boxIdentity,
    resolveSigner: (kid) => (enrolled === null || enrolled.has(kid) ? kid : null),
  });
  return { payload: opened.payload, signerKey: opened.kid };
}
