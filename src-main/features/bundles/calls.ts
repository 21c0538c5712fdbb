import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { auditHead } from '../../audit/chain.js';
import { isPingshenError } from '../../domain/errors.js';
import { BundleDownloadSchema, BundleOutcomeSchema, BundleRecordSchema, UploadSchema, type BundleOutcome, type Upload } from '../../domain/files.js';
import type { Localized } from '../../domain/localized.js';
import { listReasons } from '../../domain/reasons.js';
import { IdSchema } from '../../domain/values.js';
import { namedFile } from '../../domain/file-names.js';
import { STAGES, STAGE_NAMES, type Stage } from '../../domain/words.js';
import { buildResultBundle, parseResultBundle, type BundleSheet, type ResultBundle } from '../../exchange/bundle.js';
import { bundleContentProblems, bundleIdentity, type BundleFacts, type BundleRefusal } from '../../exchange/check-bundle.js';
import { sha256Hex } from '../../exchange/common.js';
import { rulesOf } from '../../profile/edition.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { currentPackage } from '../gates.js';
import { currentBundle, findKeptBundle, highestSequence, insertBundle, listBundleRows, markSuperseded, type BundleRow } from '../repo/bundles.js';
import { declarationsOfExpert, deleteExpertDeclarations, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
import { findEdition, getEdition } from '../repo/editions.js';
import { insertBundleExport, nextBundleSequence } from '../repo/packages.js';
import { isSeated, seatsOfExpert } from '../repo/panels.js';
import { expertKeys, findApplicant, findExpert, getExpert } from '../repo/people.js';
import { deleteSheetsOfExpert, insertItems, insertSheet, itemsOf, sheetRowsOfEdition } from '../repo/sheets.js';
import { openPayload, sealPayload } from '../sealing.js';

/**
 * Result bundles (结果包): what an expert hands back, signed by the expert and sealed to the
 * secretariat. The secretariat opens and verifies each, then judges it against what it holds;
 * a bundle that fails anything is refused whole, with the reason.
 */

/**
 * The bundle's suggested name says whose it is and for which step, so sixteen bundles on one USB
 * stick can be told apart: 2025年度无锡市市长质量奖-材料评审-E03张伟-结果包.psbundle. A later
 * export of the same expert adds its sequence (…-结果包-2), so successive exports never clash.
 */
export function bundleFileName(d: { editionName: string; stages: Stage[]; expert: { code: string; name: string }; sequence: number }): string {
  const kind = d.sequence > 1 ? `结果包-${d.sequence}` : '结果包';
  return namedFile([d.editionName, ...d.stages.map((s) => STAGE_NAMES[s].zh), `${d.expert.code}${d.expert.name}`, kind], '.psbundle');
}

/**
 * The sheets a bundle carries: every submitted sheet still assigned to this expert and not
 * under a recusal the secretariat imposed (the secretariat would refuse the whole bundle).
 */
function sendableSheets(ctx: Ctx, editionId: string, me: string): BundleSheet[] {
  const framework = getEdition(ctx, editionId).framework;
  return sheetRowsOfEdition(ctx, editionId, { expertId: me, status: 'submitted' })
    .filter((r) => isSeated(ctx, me, r.applicant_id, r.stage) && !recusedBySecretariat(ctx, me, r.applicant_id))
    .map((r) => ({
      applicantId: r.applicant_id,
      stage: r.stage,
      submittedAt: r.submitted_at ?? r.created_at,
      items: itemsOf(ctx, r.id, framework).map((item) => ({
        itemCode: item.itemCode,
        percent: item.percent ?? 0,
        strengths: item.strengths,
        opportunities: item.opportunities,
      })),
    }));
}

interface Received {
  fileName: string;
  sha256: string;
}

function reasonOf(r: BundleRefusal): Localized {
  return listReasons(r.reasons);
}

/** A refusal is recorded (with an audit entry) and nothing else is written. */
function recordRefusal(ctx: Ctx, got: Received, code: string, reason: Localized, b: ResultBundle | null): BundleOutcome {
  ctx.change('bundle.refused', () => {
    insertBundle(ctx, {
      bundle_id: b?.bundleId ?? null,
      edition_id: b?.editionId ?? null,
      expert_id: b?.expertId ?? null,
      sequence: b?.sequence ?? null,
      sha256: got.sha256,
      payload_sha256: null,
      file_name: got.fileName,
      received_at: ctx.now(),
      status: 'refused',
      reason_json: JSON.stringify(reason),
      audit_head: b ? b.auditHead.hash : null,
      superseded_by: null,
    });
    return { result: undefined, detail: { file: got.fileName, sha256: got.sha256, code, bundleId: b?.bundleId ?? null, expertId: b?.expertId ?? null } };
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

function accept(ctx: Ctx, got: Received, b: ResultBundle, payloadSha: string): BundleOutcome {
  const current = currentBundle(ctx, b.editionId, b.expertId);
  const row: BundleRow = {
    bundle_id: b.bundleId,
    edition_id: b.editionId,
    expert_id: b.expertId,
    sequence: b.sequence,
    sha256: got.sha256,
    payload_sha256: payloadSha,
    file_name: got.fileName,
    received_at: ctx.now(),
    status: 'accepted',
    reason_json: null,
    audit_head: b.auditHead.hash,
    superseded_by: null,
  };
  ctx.tx(() => {
    if (current?.bundle_id) {
      markSuperseded(ctx, current.bundle_id, b.bundleId);
      ctx.audit('bundle.superseded', { expertId: b.expertId, oldBundleId: current.bundle_id, newBundleId: b.bundleId, oldSequence: current.sequence, newSequence: b.sequence });
    }
    deleteSheetsOfExpert(ctx, b.expertId);
    deleteExpertDeclarations(ctx, b.expertId);
    for (const d of b.declarations) {
      upsertDeclaration(ctx, { expertId: b.expertId, applicantId: d.applicantId, conflict: d.conflict, reason: d.reason, declaredAt: d.declaredAt, source: 'expert' }, b.bundleId);
    }
    for (const s of b.sheets) {
      const id = randomUUID();
      insertSheet(ctx, {
        id,
        edition_id: b.editionId,
        expert_id: b.expertId,
        applicant_id: s.applicantId,
        stage: s.stage,
        status: 'submitted',
        created_at: row.received_at,
        submitted_at: s.submittedAt,
        bundle_id: b.bundleId,
      });
      insertItems(ctx, id, s.items.map((item) => ({ ...item, updatedAt: s.submittedAt })));
    }
    insertBundle(ctx, row);
    ctx.audit('bundle.accepted', {
      bundleId: b.bundleId,
      editionId: b.editionId,
      expertId: b.expertId,
      sequence: b.sequence,
      sheets: b.sheets.length,
      declarations: b.declarations.length,
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
  try {
    return accept(ctx, got, b, payloadSha);
  } catch (e) {
    const reason = isPingshenError(e) ? e.localized : { zh: `写入时出错：${String(e)}`, en: `failed while writing: ${String(e)}` };
    return recordRefusal(ctx, got, 'bundle.write-failed', reason, b);
  }
}

/** What the asynchronous part (decrypt, verify the signature, parse) found for one file. */
type Opened =
  | { kind: 'refused'; got: Received; code: string; reason: Localized }
  | { kind: 'bundle'; got: Received; bundle: ResultBundle; signerKey: string };

async function openOne(ctx: Ctx, file: Upload): Promise<Opened> {
  const got: Received = { fileName: file.fileName, sha256: sha256Hex(file.bytes) };
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

function judgeOpened(ctx: Ctx, o: Opened): BundleOutcome {
  switch (o.kind) {
    case 'refused':
      return recordRefusal(ctx, o.got, o.code, o.reason, null);
    case 'bundle':
      return judge(ctx, o.got, o.bundle, o.signerKey);
  }
}

/**
 * Bundles are judged in batches inside one transaction: a commit of the encrypted store costs
 * tens of milliseconds (page encryption and fsync), far more than judging a bundle. Each bundle
 * still stands or falls whole: its writes are a savepoint of their own (nested ctx.tx/change).
 */
const JUDGE_BATCH = 25;


export const bundleCalls = {
  'bundles.export': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema }),
    output: BundleDownloadSchema,
    async run(i, ctx) {
      const pkg = currentPackage(ctx, i.editionId);
      const me = pkg.expert_id;
      const sheets = sendableSheets(ctx, i.editionId, me);
      const bundle = buildResultBundle({
        bundleId: randomUUID(),
        editionId: i.editionId,
        expertId: me,
        packageId: pkg.package_id,
        sequence: nextBundleSequence(ctx, i.editionId),
        createdAt: ctx.now(),
        sheets,
        declarations: declarationsOfExpert(ctx, me, 'expert').map((d) => ({
          applicantId: d.applicantId,
          conflict: d.conflict,
          reason: d.reason,
          declaredAt: d.declaredAt,
        })),
        auditHead: auditHead(ctx.db),
      });
      const bytes = await sealPayload(ctx, 'result-bundle', bundle, pkg.secretariat_box_recipient);
      const sha256 = sha256Hex(bytes);
      ctx.change('bundle.exported', () => {
        insertBundleExport(ctx, { bundleId: bundle.bundleId, editionId: i.editionId, sequence: bundle.sequence, sheets: sheets.length, sha256, createdAt: bundle.createdAt });
        return {
          result: undefined,
          detail: { bundleId: bundle.bundleId, editionId: i.editionId, sequence: bundle.sequence, sheets: sheets.length, declarations: bundle.declarations.length, sha256 },
        };
      });
      const edition = getEdition(ctx, i.editionId);
      // the stages this expert sits in, in the edition's order: those of the sheets it carries, or of the seats
      const seated = new Set<Stage>([...sheets.map((s) => s.stage), ...seatsOfExpert(ctx, me).map((s) => s.stage)]);
      const stages = STAGES.filter((s) => seated.has(s));
      const fileName = bundleFileName({ editionName: edition.name, stages, expert: getExpert(ctx, me), sequence: bundle.sequence });
      return { fileName, bytes, bundleId: bundle.bundleId, sha256, sheets: sheets.length };
    },
  }),

  'bundles.import': storeCall({
    access: 'secretariat',
    input: z.strictObject({ files: z.array(UploadSchema).min(1).max(200) }),
    output: z.array(BundleOutcomeSchema),
    async run(i, ctx, aids) {
      const outcomes: BundleOutcome[] = [];
      for (let start = 0; start < i.files.length; start += JUDGE_BATCH) {
        const opened: Opened[] = [];
        for (const file of i.files.slice(start, start + JUDGE_BATCH)) {
          opened.push(await openOne(ctx, file));
          // opening (decrypting, verifying) is the slow part; judging a batch takes milliseconds
          aids.progress(start + opened.length, i.files.length);
        }
        ctx.tx(() => {
          for (const o of opened) outcomes.push(judgeOpened(ctx, o));
        });
      }
      return outcomes;
    },
  }),

  'bundles.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(BundleRecordSchema),
    run: (i, ctx) => listBundleRows(ctx, i.editionId),
  }),
};
