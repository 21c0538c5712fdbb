import { createHash } from 'node:crypto';
import { z } from 'zod';

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
export const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
export const IsoTimeSchema = z.iso.datetime({ offset: true });
export const UuidSchema = z.uuid();
export const EntityIdSchema = z.string().min(1).max(100);
/** Public keys as the identity module prints them; their exact form is the crypto layer's check. */
export const KeyTextSchema = z.string().min(16).max(512);

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** A PDF starts with "%PDF-" (ISO 32000-1 §7.5.2); anything else is not an application material. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC);
}
