import { createHash } from 'node:crypto';


export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** A PDF starts with "%PDF-" (ISO 32000-1 §7.5.2); anything else is not an application material. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC);
}
