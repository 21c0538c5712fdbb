import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { unzipSync, zipSync } from 'fflate';
import type { Identity } from '../../src-main/crypto/identity.js';
import { PATHS, recordDigest, type Manifest } from '../../src-main/exchange/archive/format.js';
import type { ArchiveVerification } from '../../src-main/exchange/archive/verification.js';
import { sha256Hex } from '../../src-main/exchange/common.js';
import { signStatement } from '../../src-main/seal/statement.js';

/** Taking an archive apart and putting it back as its secretariat would, to test what verification finds. */

export type ArchiveFiles = Record<string, Uint8Array>;

/** The checks that failed, each with its problems in English. */
export function failed(v: ArchiveVerification): { id: string; problems: string[] }[] {
  return v.checks.filter((c) => !c.ok).map((c) => ({ id: c.id, problems: c.problems.map((p) => p.en) }));
}

export async function openArchive(bytes: Uint8Array, identity: string): Promise<ArchiveFiles> {
  const d = new Decrypter();
  d.addIdentity(identity);
  return unzipSync(await d.decrypt(bytes));
}

export async function sealArchive(files: ArchiveFiles, identity: string): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(await identityToRecipient(identity));
  return e.encrypt(zipSync(files));
}

export const readJsonFile = <T = unknown>(files: ArchiveFiles, path: string): T => JSON.parse(Buffer.from(files[path]!).toString('utf8')) as T;

export function writeJsonFile(files: ArchiveFiles, path: string, value: unknown): void {
  files[path] = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
}

/** The manifest as the secretariat would sign it over the files as they now are, changed as `edit` says. */
export async function resign(files: ArchiveFiles, secretariat: Identity, edit: (m: Manifest) => void = () => undefined): Promise<void> {
  const jws = Buffer.from(files[PATHS.manifest]!).toString('ascii');
  const manifest = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Manifest;
  const map = new Map(Object.entries(files).filter(([p]) => p !== PATHS.manifest));
  manifest.files = [...map.entries()].map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.byteLength })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  manifest.recordDigest = recordDigest(map);
  edit(manifest);
  const signed = await signStatement({ kind: 'edition-archive', payload: manifest, signer: { privateKeyPkcs8: secretariat.signPrivate, kid: secretariat.signPublic } });
  files[PATHS.manifest] = Buffer.from(signed, 'ascii');
}
