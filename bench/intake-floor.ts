/**
 * The floor under intake (issue 15): the least any import of these bundles must do, measured in
 * the same run as the import so that both see the same machine. Each file is decrypted with the
 * secretariat's age identity and its JWS checked against the expert's enrolled Ed25519 key, as
 * the service does; the payload is parsed as JSON; and the rows the service keeps (the file, each
 * sheet with its items and its history entry, each declaration, one audit entry per bundle) are
 * inserted into plain tables, without constraints, of an unencrypted SQLite file in one
 * transaction. What the service does beyond this (validation, the checks against what the store
 * holds, the audit chain, encryption of the pages) is what the ratio to the floor measures.
 */
import { createPublicKey, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { Decrypter } from 'age-encryption';
import { compactVerify } from 'jose';
import type { Upload } from '../src-main/domain/files.js';
import type { ResultBundle } from '../src-main/exchange/bundle.js';

const TABLES = `
CREATE TABLE bundles (seq INTEGER PRIMARY KEY, bundle_id TEXT, expert_id TEXT, file_name TEXT, bytes BLOB);
CREATE TABLE sheets (id TEXT, expert_id TEXT, applicant_id TEXT, stage TEXT, version INTEGER, submitted_at TEXT, bundle_id TEXT);
CREATE TABLE items (sheet_id TEXT, item_code TEXT, percent INTEGER, strengths TEXT, opportunities TEXT, updated_at TEXT);
CREATE TABLE versions (id TEXT, expert_id TEXT, applicant_id TEXT, stage TEXT, version INTEGER, items_json TEXT, bundle_id TEXT);
CREATE TABLE declarations (expert_id TEXT, applicant_id TEXT, conflict INTEGER, reason TEXT, declared_at TEXT);
CREATE TABLE audit (at TEXT, action TEXT, detail TEXT);
`;

export async function intakeFloor(dir: string, files: readonly Upload[], boxIdentity: string, signKeys: ReadonlyMap<string, string>): Promise<number> {
  const db = new PlainDatabase(join(dir, `floor-${randomUUID()}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(TABLES);
  const bundle = db.prepare('INSERT INTO bundles (bundle_id, expert_id, file_name, bytes) VALUES (?, ?, ?, ?)');
  const sheet = db.prepare('INSERT INTO sheets VALUES (?, ?, ?, ?, ?, ?, ?)');
  const item = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)');
  const version = db.prepare('INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?)');
  const declaration = db.prepare('INSERT INTO declarations VALUES (?, ?, ?, ?, ?)');
  const audit = db.prepare('INSERT INTO audit VALUES (?, ?, ?)');
  const started = performance.now();
  const opened: { file: Upload; b: ResultBundle }[] = [];
  for (const file of files) {
    const d = new Decrypter();
    d.addIdentity(boxIdentity);
    const jws = new TextDecoder().decode(await d.decrypt(file.bytes));
    const { kid } = JSON.parse(Buffer.from(jws.slice(0, jws.indexOf('.')), 'base64url').toString('utf8')) as { kid: string };
    const key = signKeys.get(kid);
    if (!key) throw new Error('bench: a bundle signed by a key not enrolled');
    const { payload } = await compactVerify(jws, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key }, format: 'jwk' }), { algorithms: ['EdDSA'] });
    opened.push({ file, b: JSON.parse(new TextDecoder().decode(payload)) as ResultBundle });
  }
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const { file, b } of opened) {
      bundle.run(b.bundleId, b.expertId, file.fileName, Buffer.from(file.bytes));
      for (const s of b.sheets) {
        const id = randomUUID();
        sheet.run(id, b.expertId, s.applicantId, s.stage, s.version, s.submittedAt, b.bundleId);
        for (const i of s.items) item.run(id, i.itemCode, i.percent, i.strengths, i.opportunities, s.submittedAt);
        version.run(id, b.expertId, s.applicantId, s.stage, s.version, JSON.stringify(s.items), b.bundleId);
      }
      for (const x of b.declarations) declaration.run(b.expertId, x.applicantId, x.conflict ? 1 : 0, x.reason, x.declaredAt);
      audit.run(at, 'bundle.accepted', JSON.stringify({ bundleId: b.bundleId, sheets: b.sheets.length }));
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}
