import { randomUUID } from 'node:crypto';
import { isPingshenError } from '../../domain/errors.js';
import type { BundleOutcome, Upload } from '../../domain/files.js';
import type { Localized } from '../../domain/localized.js';
import { listReasons } from '../../domain/reasons.js';
import { parseResultBundle, type BundleSheet, type ResultBundle } from '../../exchange/bundle.js';
import { bundleContentProblems, bundleIdentity, type BundleFacts, type BundleRefusal } from '../../exchange/check-bundle.js';
import { historyProblems, type Held } from '../../exchange/check-history.js';
import { sha256Hex } from '../../exchange/common.js';
import { rulesOf } from '../../profile/edition.js';
import type { Ctx } from '../context.js';
import { currentBundle, findKeptBundle, highestSequence, insertBundle, markSuperseded, type BundleRow } from '../repo/bundles.js';
import { declarationsOfExpert, findDeclaration, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
import { findEdition, getEdition } from '../repo/editions.js';
import { isSeated } from '../repo/panels.js';
import { expertKeys, findApplicant, findExpert } from '../repo/people.js';
import { deleteSheet, insertItems, insertSheet, itemsOf, recordVersion, returnOf, sheetRowsOfEdition, type SheetRow } from '../repo/sheets.js';
import { openPayload } from '../sealing.js';

/**
 * The secretariat's intake of result bundles: open and verify each (decrypt, check the expert's
 * signature), then judge it against what the store already holds from that expert. A bundle that
 * fails anything is refused whole, with its reason recorded beside its bytes; one that passes adds
 * what is new and changes nothing already received but what the secretariat itself returned.
 */

interface Received {
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
}

const reasonOf = (r: BundleRefusal): Localized => listReasons(r.reasons);

function bundleRow(got: Received, b: ResultBundle | null, at: string, fields: Pick<BundleRow, 'status' | 'reason_json' | 'payload_sha256'>): BundleRow {
  return {
    bundle_id: b?.bundleId ?? null,
    edition_id: b?.editionId ?? null,
    expert_id: b?.expertId ?? null,
    sequence: b?.sequence ?? null,
    sha256: got.sha256,
    file_name: got.fileName,
    received_at: at,
    audit_head: b ? b.auditHead.hash : null,
    audit_seq: b ? b.auditHead.seq : null,
    superseded_by: null,
    ...fields,
  };
}

/** A refusal is recorded (with an audit entry and the bytes that were refused) and nothing else is written. */
function recordRefusal(ctx: Ctx, got: Received, code: string, reason: Localized, b: ResultBundle | null): BundleOutcome {
  ctx.change('bundle.refused', () => {
    insertBundle(ctx, bundleRow(got, b, ctx.now(), { status: 'refused', reason_json: JSON.stringify(reason), payload_sha256: null }), got.bytes);
    return { result: undefined, detail: { file: got.fileName, sha256: got.sha256, code, bundleId: b?.bundleId ?? null, expertId: b?.expertId ?? null, reason } };
  });
  return { status: 'refused', fileName: got.fileName, reason };
}

function factsFor(ctx: Ctx, b: ResultBundle, signerKey: string): BundleFacts {
  const edition = findEdition(ctx, b.editionId);
  const expert = findExpert(ctx, b.expertId);
  return {
    edition: edition && { id: edition.id, framework: edition.framework, scoredStages: rulesOf(edition).stages.map((s) => s.stage) },
    expert: expert && { id: expert.id, editionId: expert.editionId, signPublic: expertKeys(ctx, expert.id)?.signPublic ?? null },
    signerKey,
    applicantCode: (id) => {
      const a = findApplicant(ctx, id);
      return a && a.editionId === b.editionId ? a.code : undefined;
    },
    seated: (applicantId, stage) => isSeated(ctx, b.expertId, applicantId, stage),
    recusedBySecretariat: (applicantId) => recusedBySecretariat(ctx, b.expertId, applicantId),
  };
}

/** What the store holds from this expert, for judging a later bundle against it. */
function heldFrom(ctx: Ctx, b: ResultBundle): Held {
  const framework = getEdition(ctx, b.editionId).framework;
  const current = currentBundle(ctx, b.editionId, b.expertId);
  return {
    editionId: b.editionId,
    actor: `expert:${expertKeys(ctx, b.expertId)?.fingerprint ?? ''}`,
    sheets: sheetRowsOfEdition(ctx, b.editionId, { expertId: b.expertId }).map((r) => ({
      applicantId: r.applicant_id,
      stage: r.stage,
      version: r.version,
      submittedAt: r.submitted_at ?? r.created_at,
      items: itemsOf(ctx, r.id, framework),
      openReturnId: returnOf(ctx, r)?.id ?? null,
    })),
    declarations: declarationsOfExpert(ctx, b.expertId, 'expert').map((d) => ({
      applicantId: d.applicantId,
      conflict: d.conflict,
      reason: d.reason,
      declaredAt: d.declaredAt,
      lifted: d.lifted !== null,
    })),
    head: current?.audit_seq && current.audit_head ? { seq: current.audit_seq, hash: current.audit_head } : null,
    mayVanish: (applicantId, stage) => recusedBySecretariat(ctx, b.expertId, applicantId) || !isSeated(ctx, b.expertId, applicantId, stage),
    codeOf: (id) => findApplicant(ctx, id)?.code ?? id,
  };
}

/** A sheet version as received: the current state for reading, and one more entry in its history. */
function receiveSheet(ctx: Ctx, b: ResultBundle, s: BundleSheet, at: string, replaces: SheetRow | undefined): void {
  if (replaces) deleteSheet(ctx, replaces.id);
  const id = randomUUID();
  insertSheet(ctx, {
    id,
    edition_id: b.editionId,
    expert_id: b.expertId,
    applicant_id: s.applicantId,
    stage: s.stage,
    status: 'submitted',
    created_at: at,
    submitted_at: s.submittedAt,
    bundle_id: b.bundleId,
    version: s.version,
    return_id: s.returnId,
  });
  const items = s.items.map((item) => ({ ...item, updatedAt: s.submittedAt }));
  insertItems(ctx, id, items);
  recordVersion(ctx, {
    id,
    editionId: b.editionId,
    expertId: b.expertId,
    applicantId: s.applicantId,
    stage: s.stage,
    version: s.version,
    returnId: s.returnId,
    submittedAt: s.submittedAt,
    items,
    bundleId: b.bundleId,
    recordedAt: at,
  });
}

function accept(ctx: Ctx, got: Received, b: ResultBundle, payloadSha: string): BundleOutcome {
  const current = currentBundle(ctx, b.editionId, b.expertId);
  const at = ctx.now();
  const counts = { received: 0, revised: 0, unchanged: 0, declarations: 0 };
  ctx.tx(() => {
    if (current?.bundle_id) {
      markSuperseded(ctx, current.bundle_id, b.bundleId);
      ctx.audit('bundle.superseded', { expertId: b.expertId, oldBundleId: current.bundle_id, newBundleId: b.bundleId, oldSequence: current.sequence, newSequence: b.sequence });
    }
    const held = new Map(sheetRowsOfEdition(ctx, b.editionId, { expertId: b.expertId }).map((r) => [`${r.applicant_id}\u0000${r.stage}`, r]));
    for (const s of b.sheets) {
      const h = held.get(`${s.applicantId}\u0000${s.stage}`);
      if (h && h.version === s.version) {
        counts.unchanged += 1;
        continue;
      }
      receiveSheet(ctx, b, s, at, h);
      if (h) counts.revised += 1;
      else counts.received += 1;
    }
    for (const d of b.declarations) {
      const h = findDeclaration(ctx, b.expertId, d.applicantId, 'expert');
      // the same word again, lifted or not: a laptop that has not yet heard of the lift repeats it
      if (h && h.conflict === d.conflict && h.reason === d.reason && h.declaredAt === d.declaredAt) continue;
      upsertDeclaration(ctx, { expertId: b.expertId, applicantId: d.applicantId, conflict: d.conflict, reason: d.reason, declaredAt: d.declaredAt, source: 'expert' }, b.bundleId);
      counts.declarations += 1;
    }
    insertBundle(ctx, bundleRow(got, b, at, { status: 'accepted', reason_json: null, payload_sha256: payloadSha }), got.bytes);
    ctx.audit('bundle.accepted', {
      bundleId: b.bundleId,
      editionId: b.editionId,
      expertId: b.expertId,
      sequence: b.sequence,
      sheets: b.sheets.length,
      newSheets: counts.received,
      revisedSheets: counts.revised,
      declarationsRecorded: counts.declarations,
      sha256: got.sha256,
      expertAuditHead: b.auditHead,
    });
  });
  return { status: 'accepted', fileName: got.fileName, bundleId: b.bundleId, expertId: b.expertId, sheets: b.sheets.length, replaced: current?.bundle_id ?? null };
}

/** Judges one opened bundle against the store; runs synchronously, so nothing interleaves. */
function judge(ctx: Ctx, got: Received, b: ResultBundle, signerKey: string): BundleOutcome {
  const facts = factsFor(ctx, b, signerKey);
  const identity = bundleIdentity(b, facts);
  if (!identity.ok) return recordRefusal(ctx, got, identity.refusal.code, reasonOf(identity.refusal), b);
  const payloadSha = sha256Hex(JSON.stringify(b));
  const kept = findKeptBundle(ctx, b.bundleId);
  if (kept) {
    if (kept.payload_sha256 === payloadSha && kept.expert_id === b.expertId) return { status: 'duplicate', fileName: got.fileName, bundleId: b.bundleId, expertId: b.expertId };
    return recordRefusal(ctx, got, 'bundle.id-reused', {
      zh: `结果包编号 ${b.bundleId} 已被另一份内容不同的结果包使用，疑为篡改或伪造`,
      en: `bundle id ${b.bundleId} was already used by a bundle with different content: possibly tampered or forged`,
    }, b);
  }
  const highest = highestSequence(ctx, b.editionId, b.expertId);
  if (b.sequence <= highest) {
    return recordRefusal(ctx, got, 'bundle.stale', {
      zh: `这是该专家较早的结果包（序号 ${b.sequence}，已收到序号 ${highest}），可能是重放；已保留较新的结果`,
      en: `this is an earlier bundle from the expert (sequence ${b.sequence}; ${highest} already received), possibly replayed; the newer results stand`,
    }, b);
  }
  const content = bundleContentProblems(b, facts, identity.edition);
  if (content) return recordRefusal(ctx, got, content.code, reasonOf(content), b);
  const history = historyProblems(b, heldFrom(ctx, b));
  if (history) return recordRefusal(ctx, got, history.code, reasonOf(history), b);
  try {
    return accept(ctx, got, b, payloadSha);
  } catch (e) {
    const reason = isPingshenError(e) ? e.localized : { zh: `写入时出错：${String(e)}`, en: `failed while writing: ${String(e)}` };
    return recordRefusal(ctx, got, 'bundle.write-failed', reason, b);
  }
}

/** What the asynchronous part (decrypt, verify the signature, parse) found for one file. */
export type Opened =
  | { kind: 'refused'; got: Received; code: string; reason: Localized }
  | { kind: 'bundle'; got: Received; bundle: ResultBundle; signerKey: string };

export async function openOne(ctx: Ctx, file: Upload): Promise<Opened> {
  const got: Received = { fileName: file.fileName, sha256: sha256Hex(file.bytes), bytes: file.bytes };
  let opened: Awaited<ReturnType<typeof openPayload>>;
  try {
    opened = await openPayload(ctx, 'result-bundle', file.bytes);
  } catch (e) {
    if (!isPingshenError(e)) throw e;
    return { kind: 'refused', got, code: e.code, reason: e.localized };
  }
  const parsed = parseResultBundle(opened.payload);
  if (!parsed.ok) return { kind: 'refused', got, code: 'bundle.malformed', reason: parsed.reason };
  return { kind: 'bundle', got, bundle: parsed.bundle, signerKey: opened.signerKey };
}

export function judgeOpened(ctx: Ctx, o: Opened): BundleOutcome {
  return o.kind === 'refused' ? recordRefusal(ctx, o.got, o.code, o.reason, null) : judge(ctx, o.got, o.bundle, o.signerKey);
}
