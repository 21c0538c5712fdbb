import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIdentity, parseEnrollmentCode, type Identity } from '../../src-main/crypto/identity.js';
import { buildResultBundle, type ResultBundle } from '../../src-main/exchange/bundle.js';
import type { Stage } from '../../src-main/domain/words.js';
import { seal } from '../../src-main/seal/envelope.js';
import { openStore } from '../../src-main/store/open.js';
import { expertLog } from '../helpers/expert-log.js';
import { ITEM_CODES, PASS } from './fixtures.js';

/**
 * What an attacker with a valid key could send: a well-formed bundle payload, built by hand and
 * sealed with real crypto, so the secretariat's checks (not the envelope) are what refuses it.
 */

export async function identityOf(storePath: string): Promise<Identity> {
  const store = await openStore({ path: storePath, passphrase: PASS });
  try {
    return loadIdentity(store.db);
  } finally {
    store.close();
  }
}

export interface SheetSpec {
  applicantId: string;
  stage: Stage;
  percent?: number;
  items?: { itemCode: string; percent: number }[];
}

export function payload(input: {
  editionId: string;
  expertId: string;
  sequence: number;
  sheets?: SheetSpec[];
  declarations?: { applicantId: string; conflict: boolean; reason?: string }[];
  /** the store the log claims to come from: `expert:<fingerprint>` */
  actor?: string;
}): ResultBundle {
  const at = new Date().toISOString();
  const sheets = (input.sheets ?? []).map((s) => ({
    sheetId: randomUUID(),
    applicantId: s.applicantId,
    stage: s.stage,
    version: 1,
    returnId: null,
    submittedAt: at,
    items: (s.items ?? ITEM_CODES.map((itemCode) => ({ itemCode, percent: s.percent ?? 50 }))).map((i) => ({ ...i, strengths: '', opportunities: '' })),
  }));
  const declarations = (input.declarations ?? []).map((d) => ({ applicantId: d.applicantId, conflict: d.conflict, reason: d.reason ?? '', declaredAt: at }));
  const audit = expertLog(input.actor ?? 'expert:forged', input.editionId, sheets, declarations, at);
  return buildResultBundle({
    bundleId: randomUUID(),
    editionId: input.editionId,
    expertId: input.expertId,
    packageId: randomUUID(),
    sequence: input.sequence,
    createdAt: at,
    sheets,
    declarations,
    audit,
    auditHead: { seq: audit.at(-1)!.seq, hash: audit.at(-1)!.hash },
    leaderReturns: [],
    consensus: [],
  });
}

/** Seals `body` as a result bundle signed by `signer`, for the secretariat whose enrollment code is given. */
export async function forge(dir: string, name: string, body: unknown, signer: Identity, secretariatCode: string): Promise<string> {
  const bytes = await seal({
    kind: 'result-bundle',
    payload: body,
    signer: { privateKeyPkcs8: signer.signPrivate, kid: signer.signPublic },
    recipients: [parseEnrollmentCode(secretariatCode).boxRecipient],
  });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Row counts of the tables an import may touch, read through a second connection. */
export async function tableCounts(storePath: string): Promise<Record<string, number>> {
  const store = await openStore({ path: storePath, passphrase: PASS });
  try {
    const count = (table: string): number => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return Object.fromEntries(
      ['score_sheets', 'item_scores', 'declarations', 'bundles', 'audit_log', 'experts', 'applicants'].map((t) => [t, count(t)]),
    );
  } finally {
    store.close();
  }
}
