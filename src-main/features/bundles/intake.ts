import { isPingshenError } from '../../domain/errors.js';
import type { BundleOutcome, Upload } from '../../domain/files.js';
import type { Localized } from '../../domain/localized.js';
import { listReasons } from '../../domain/reasons.js';
import { parseResultBundle, type BundleSheet, type ResultBundle } from '../../exchange/bundle.js';
import { bundleContentProblems, bundleIdentity, type BundleFacts, type BundleRefusal } from '../../exchange/check-bundle.js';
import { historyProblems, type Held } from '../../exchange/check-history.js';
import { leaderStatementProblems, openLeaderStatements, type LeaderFacts, type VerifiedRecord, type VerifiedReturn } from '../../exchange/leader.js';
import { consensusProblems } from '../../scoring/consensus.js';
import { sha256Hex } from '../../exchange/common.js';
import { rulesOf } from '../../profile/edition.js';
import type { Ctx } from '../context.js';
import { currentBundle, findKeptBundle, highestSequence, insertBundle, markSuperseded, receivedRow, type BundleRow, type ReceivedFile } from '../repo/bundles.js';
import { declarationsOfExpert, findDeclaration, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
import { findEdition, getEdition } from '../repo/editions.js';
import { findConsensus, findLeaderReturn, insertLeaderReturn, insertReceivedRecord } from '../repo/consensus.js';
import { heldPanelOf, panelWorkAtSecretariat } from '../repo/panel-work.js';
import { assignedPanelId, getPanel, isSeated } from '../repo/panels.js';
import { enrolledSignKeys, expertKeys, findApplicant, findExpert } from '../repo/people.js';
import { deleteSheet, insertItems, insertReturn, insertSheet, itemsOf, recordVersion, returnOf, sheetRowsOfEdition, type SheetRow } from '../repo/sheets.js';
import { openPayload } from '../sealing.js';
import { orderedId } from '../../store/ordered-id.js';

/**
 * The secretariat's intake of result bundles: open and verify each (decrypt, check the expert's
 * signature), then judge it against what the store already holds from that expert. A bundle that
 * fails anything is refused whole, with its reason recorded beside its bytes; one that passes adds
 * what is new and changes nothing already received but what the secretariat itself returned.
 */

interface Received extends ReceivedFile {
  bytes: Uint8Array;
}

const reasonOf = (r: BundleRefusal): Localized => listReasons(r.reasons);

function bundleRow(got: Received, b: ResultBundle | null, at: string, fields: Pick<BundleRow, 'status' | 'reason_json' | 'payload_sha256'>): BundleRow {
  return { ...receivedRow(got, b, at, fields), superseded_by: null };
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

/**
 * What the store holds from this expert, for judging a later bundle against it. A held version may
 * be answered after a return the store holds (the secretariat's, or a leader's received earlier)
 * or one the bundle carries whose leader's signature verified.
 */
function heldFrom(ctx: Ctx, b: ResultBundle, carried: readonly VerifiedReturn[]): Held {
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
      openReturnIds: [
        ...[returnOf(ctx, r)?.id ?? []].flat(),
        ...carried.filter((v) => v.ret.expertId === b.expertId && v.ret.applicantId === r.applicant_id && v.ret.stage === r.stage && v.ret.version === r.version).map((v) => v.ret.id),
      ],
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
  const id = orderedId();
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

/**
 * A leader's return and record, once their bundle is accepted. A return also joins the sheet's
 * returns (so the returned version stops counting until answered), unless that version was
 * already returned by the secretariat: its revised version answers both.
 */
function receiveStatements(ctx: Ctx, b: ResultBundle, statements: Statements): void {
  for (const { ret, statement } of statements.returns) {
    if (findLeaderReturn(ctx, ret.id)) continue;
    insertLeaderReturn(ctx, ret, statement);
    if (!returnOf(ctx, { expert_id: ret.expertId, applicant_id: ret.applicantId, stage: ret.stage, version: ret.version })) {
      insertReturn(ctx, { id: ret.id, editionId: ret.editionId, expertId: ret.expertId, applicantId: ret.applicantId, stage: ret.stage, version: ret.version, reason: ret.reason, returnedAt: ret.returnedAt, returnedBy: `leader:${ret.leaderId}` });
    }
  }
  for (const { record, statement } of statements.records) {
    if (findConsensus(ctx, record.id)) continue;
    insertReceivedRecord(ctx, record, statement, b.bundleId);
    ctx.audit('consensus.received', { recordId: record.id, bundleId: b.bundleId, applicantId: record.applicantId, stage: record.stage, leaderId: record.leaderId, sha256: sha256Hex(statement) });
  }
}

function accept(ctx: Ctx, got: Received, b: ResultBundle, payloadSha: string, statements: Statements): BundleOutcome {
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
    receiveStatements(ctx, b, statements);
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
      leaderReturns: statements.returns.length,
      consensusRecords: statements.records.length,
    });
  });
  return { status: 'accepted', fileName: got.fileName, bundleId: b.bundleId, expertId: b.expertId, sheets: b.sheets.length, replaced: current?.bundle_id ?? null };
}

function leaderFacts(ctx: Ctx): LeaderFacts {
  return {
    panelOf(applicantId, stage) {
      const id = assignedPanelId(ctx, applicantId, stage);
      if (!id) return undefined;
      const p = getPanel(ctx, id);
      return { id: p.id, leaderId: p.leaderId, memberIds: [...p.memberIds, ...p.substitutes.filter((x) => x.applicantId === applicantId).map((x) => x.expertId)] };
    },
    signKeyOf: (expertId) => expertKeys(ctx, expertId)?.signPublic ?? null,
    codeOf: (id) => findApplicant(ctx, id)?.code ?? id,
  };
}

/**
 * A leader's statements against the store: they must come from the panel's leader, must not
 * contradict what was received under the same id, and a consensus record must hold against the
 * members' sheets as they will stand once this bundle is in.
 */
function statementRefusal(ctx: Ctx, b: ResultBundle, statements: Statements): BundleRefusal | null {
  const who = leaderStatementProblems(b, statements.returns, statements.records, leaderFacts(ctx));
  if (who.length) return { code: 'bundle.not-the-leader', reasons: who };
  const reused: Localized[] = [];
  for (const { ret, statement } of statements.returns) {
    const held = findLeaderReturn(ctx, ret.id);
    if (held && held.statement !== statement) reused.push({ zh: `退回记录 ${ret.id} 已收到过内容不同的一份`, en: `return ${ret.id} was received before with different content` });
  }
  for (const { record, statement } of statements.records) {
    const held = findConsensus(ctx, record.id);
    if (held && held.statement !== statement) reused.push({ zh: `合议记录 ${record.id} 已收到过内容不同的一份`, en: `consensus record ${record.id} was received before with different content` });
  }
  if (reused.length) return { code: 'bundle.id-reused', reasons: reused };
  const edition = getEdition(ctx, b.editionId);
  const rule = rulesOf(edition).disagreement;
  const overlay = { expertId: b.expertId, sheets: b.sheets, declarations: b.declarations, returns: statements.returns.map((v) => v.ret) };
  const mismatch: Localized[] = [];
  for (const { record } of statements.records) {
    if (findConsensus(ctx, record.id)) continue;
    const work = panelWorkAtSecretariat(ctx, record.applicantId, record.stage, overlay);
    const code = findApplicant(ctx, record.applicantId)?.code ?? record.applicantId;
    const problems = work ? consensusProblems(record, heldPanelOf(work), rule, edition.framework) : [{ zh: '该申报单位此环节没有评审组', en: 'no panel reviews this applicant in this stage' }];
    for (const p of problems) mismatch.push({ zh: `合议记录（${code}）：${p.zh}`, en: `consensus record (${code}): ${p.en}` });
  }
  if (mismatch.length) {
    mismatch.push({
      zh: '合议记录须与秘书处所持成员已提交的评分表一致：请先导入各成员（含修改后）的结果包，再导入组长的结果包',
      en: "a consensus record must match the members' submitted sheets the secretariat holds: import every member's bundle (revised ones too) before the leader's",
    });
    return { code: 'bundle.consensus-mismatch', reasons: mismatch };
  }
  return null;
}

/** Judges one opened bundle against the store; runs synchronously, so nothing interleaves. */
function judge(ctx: Ctx, got: Received, b: ResultBundle, signerKey: string, statements: Statements): BundleOutcome {
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
  const leader = statementRefusal(ctx, b, statements);
  if (leader) return recordRefusal(ctx, got, leader.code, reasonOf(leader), b);
  const history = historyProblems(b, heldFrom(ctx, b, statements.returns));
  if (history) return recordRefusal(ctx, got, history.code, reasonOf(history), b);
  try {
    return accept(ctx, got, b, payloadSha, statements);
  } catch (e) {
    const reason = isPingshenError(e) ? e.localized : { zh: `写入时出错：${String(e)}`, en: `failed while writing: ${String(e)}` };
    return recordRefusal(ctx, got, 'bundle.write-failed', reason, b);
  }
}

/** The leader's signed statements a bundle carries, each verified under an enrolled key. */
interface Statements {
  returns: VerifiedReturn[];
  records: VerifiedRecord[];
}

/** What the asynchronous part (decrypt, verify the signatures, parse) found for one file. */
export type Opened =
  | { kind: 'refused'; got: Received; code: string; reason: Localized }
  | { kind: 'bundle'; got: Received; bundle: ResultBundle; signerKey: string; statements: Statements };

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
  const enrolled = new Set(enrolledSignKeys(ctx));
  const statements = await openLeaderStatements(parsed.bundle, (kid) => (enrolled.has(kid) ? kid : null));
  if (!statements.ok) return { kind: 'refused', got, code: statements.code, reason: statements.reason };
  return { kind: 'bundle', got, bundle: parsed.bundle, signerKey: opened.signerKey, statements };
}

export function judgeOpened(ctx: Ctx, o: Opened): BundleOutcome {
  return o.kind === 'refused' ? recordRefusal(ctx, o.got, o.code, o.reason, null) : judge(ctx, o.got, o.bundle, o.signerKey, o.statements);
}

/**
 * The order in which a batch is judged: as given, except that bundles carrying a consensus record
 * come after the rest, so that a record meets the members' sheets it stands on.
 */
export function judgingOrder(opened: Opened[]): Opened[] {
  const carriesRecord = (o: Opened) => o.kind === 'bundle' && o.bundle.consensus.length > 0;
  return [...opened.filter((o) => !carriesRecord(o)), ...opened.filter(carriesRecord)];
}
