import { Decrypter } from 'age-encryption';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import type { SealedKind } from './envelope.js';

/**
 * A sealed file opened by its file key alone. age encrypts each file under a random 16-byte file
 * key and wraps that key in the header for each recipient. An edition archive keeps every bundle
 * exactly as it arrived together with its file key, so that anyone, without the secretariat's
 * private key, can check that those very bytes decrypt (header MAC and every chunk authenticated)
 * to the JWS the expert signed. A file key opens its one file and nothing else.
 */

/** The file key of a sealed file, unwrapped with one of its recipients' identities. */
export async function fileKeyOf(sealed: Uint8Array, identity: string): Promise<Uint8Array> {
  const d = new Decrypter();
  d.addIdentity(identity);
  // the header is read from the front of the file; the payload after it is not touched
  return d.decryptHeader(sealed);
}

const HeaderSchema = z.object({ alg: z.literal('EdDSA'), typ: z.string(), kid: z.string(), rcpt: z.array(z.string()).min(1) });

export type FileKeyOpening =
  | { ok: true; payload: unknown; rcpt: string[] }
  /** unreadable: not age, altered, or not that file key; the others concern the JWS inside */
  | { ok: false; problem: 'unreadable' | 'wrong-kind' | 'other-signer' | 'bad-signature' };

/** Decrypts with the file key, then verifies the signature under the key the caller expects. */
export async function openWithFileKey(input: { bytes: Uint8Array; fileKey: Uint8Array; kind: SealedKind; signPublic: string }): Promise<FileKeyOpening> {
  const d = new Decrypter();
  d.addIdentity({ unwrapFileKey: () => input.fileKey });
  let jws: string;
  let header: z.infer<typeof HeaderSchema>;
  try {
    jws = new TextDecoder('utf-8', { fatal: true }).decode(await d.decrypt(input.bytes));
    header = HeaderSchema.parse(decodeProtectedHeader(jws));
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (header.typ !== `pingshen+${input.kind}`) return { ok: false, problem: 'wrong-kind' };
  // taken here, not at the top: the app loads this module at start, and envelope.ts only with the first sealed file (features/sealing.ts)
  const { publicKeyFrom } = await import('./envelope.js');
  const key = header.kid === input.signPublic ? publicKeyFrom(input.signPublic) : null;
  if (key === null) return { ok: false, problem: 'other-signer' };
  try {
    const verified = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    return { ok: true, payload: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload)), rcpt: header.rcpt };
  } catch {
    return { ok: false, problem: 'bad-signature' };
  }
}
