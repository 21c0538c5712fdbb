import { isPingshenError } from '../../domain/errors.js';
import type { BundleOutcome, Upload } from '../../domain/files.js';
import type { Localized } from '../../domain/localized.js';
import { listReasons } from '../../domain/reasons.js';
import type { Stage } from '../../domain/words.js';
import { parseResultBundle, type ResultBundle } from '../../exchange/bundle.js';
import { bundleContentProblems, bundleIdentity, type BundleFacts } from '../../exchange/check-bundle.js';
import { historyProblems, inScope, type Held, type Scope } from '../../exchange/check-history.js';
import { sha256Hex } from '../../exchange/common.js';
import { rulesOf } from '../../profile/edition.js';
import type { Ctx } from '../context.js';
import { meIn } from '../gates.js';
import { leaderReturnOf } from '../repo/consensus.js';
import { findEdition } from '../repo/editions.js';
import { latestPackage } from '../repo/packages.js';
import {
  currentPanelBundle,
  findKeptPanelBundle,
  highestPanelSequence,
  insertPanelBundle,
  insertPanelSheet,
  latestPanelSheets,
  panelDeclarations,
  supersedePanelBundle,
  upsertPanelDeclaration,
} from '../repo/panel-bundles.js';
import { receivedRow, type ReceivedFile } from '../repo/bundles.js';
import { seatsOfExpert } from '../repo/panels.js';
import { findApplicant } from '../repo/people.js';
import { currentRoster, seatedOnRoster, type RosterMember, type RosterPanel } from '../repo/roster.js';
import { openPayload } from '../sealing.js';

/**
 * The leader imports the members' result bundles from a USB stick, on the leader's own laptop.
 * Each is verified as the secretariat verifies it: sealed to this leader, signed with the key the
 * package gave for that member, and judged against what the leader already holds from the member
 * and against the member's own audit log. Only what concerns the panels this leader leads is kept;
 * a bundle that fails anything is refused whole, with the reason.
 */

type Received = ReceivedFile;

export type OpenedMemberBundle =
  | { kind: 'refused'; got: Received; reason: Localized }
  | { kind: 'bundle'; got: Received; bundle: ResultBundle; signerKey: string };

export async function openMemberBundle(ctx: Ctx, file: Upload): Promise<OpenedMemberBundle> {
  const got = { fileName: file.fileName, sha256: sha256Hex(file.bytes) };
  try {
    const opened = await openPayload(ctx, 'result-bundle', file.bytes);
    const parsed = parseResultBundle(opened.payload);
    if (!parsed.ok) return { kind: 'refused', got, reason: parsed.reason };
    return { kind: 'bundle', got, bundle: parsed.bundle, signerKey: opened.signerKey };
  } catch (e) {
    if (!isPingshenError(e)) throw e;
    return { kind: 'refused', got, reason: e.localized };
  }
}

function refused(ctx: Ctx, got: Received, reason: Localized, b: ResultBundle | null): BundleOutcome {
  ctx.change('consensus.bundle-refused', () => {
    insertPanelBundle(ctx, receivedRow(got, b, ctx.now(), { status: 'refused', reason_json: JSON.stringify(reason), payload_sha256: null }));
    return { result: undefined, detail: { file: got.fileName, sha256: got.sha256, bundleId: b?.bundleId ?? null, expertId: b?.expertId ?? null, reason } };
  });
  return { status: 'refused', fileName: got.fileName, reason };
}

const key = (applicantId: string, stage: Stage) => `${applicantId}\u0000${stage}`;

/** The applicants and stages this member reviews on panels this leader leads: what the leader keeps of the bundle. */
function scopeOf(ctx: Ctx, me: string, led: RosterPanel[], member: RosterMember): Scope {
  const panels = new Set(led.map((p) => p.panelId));
  const seats = seatsOfExpert(ctx, me).filter((s) => panels.has(s.panelId) && seatedOnRoster(member, s.applicantId));
  const sheets = new Set(seats.map((s) => key(s.applicantId, s.stage)));
  const applicants = new Set(seats.map((s) => s.applicantId));
  return { sheet: (a, stage) => sheets.has(key(a, stage)), applicant: (a) => applicants.has(a) };
}

function heldFrom(ctx: Ctx, b: ResultBundle, member: RosterMember, led: RosterPanel[], scope: Scope): Held {
  const current = currentPanelBundle(ctx, b.editionId, member.id);
  const secretariatReturns = led.flatMap((p) => p.returns.filter((r) => r.expertId === member.id).map((r) => ({ ...r, stage: p.stage })));
  return {
    editionId: b.editionId,
    actor: `expert:${member.keys?.fingerprint ?? ''}`,
    sheets: latestPanelSheets(ctx, b.editionId, member.id)
      .filter((s) => scope.sheet(s.applicantId, s.stage))
      .map((s) => ({
        applicantId: s.applicantId,
        stage: s.stage,
        version: s.version,
        submittedAt: s.submittedAt,
        items: s.items,
        openReturnIds: [
          ...[leaderReturnOf(ctx, member.id, s.applicantId, s.stage, s.version)?.id ?? []].flat(),
          ...secretariatReturns.filter((r) => r.applicantId === s.applicantId && r.stage === s.stage && r.version === s.version).map((r) => r.id),
        ],
      })),
    declarations: panelDeclarations(ctx, b.editionId, member.id)
      .filter((d) => scope.applicant(d.applicantId))
      .map((d) => ({ ...d, lifted: member.lifted.includes(d.applicantId) })),
    head: current?.audit_seq && current.audit_head ? { seq: current.audit_seq, hash: current.audit_head } : null,
    mayVanish: (applicantId, stage) => member.recusedFrom.includes(applicantId) || !scope.sheet(applicantId, stage),
    codeOf: (id) => findApplicant(ctx, id)?.code ?? id,
  };
}

function accept(ctx: Ctx, got: Received, b: ResultBundle, scope: Scope): BundleOutcome {
  const part = inScope(b, scope);
  const current = currentPanelBundle(ctx, b.editionId, b.expertId);
  const latest = new Map(latestPanelSheets(ctx, b.editionId, b.expertId).map((s) => [key(s.applicantId, s.stage), s.version]));
  return ctx.change('consensus.bundle-received', () => {
    if (current?.bundle_id) supersedePanelBundle(ctx, current.bundle_id);
    let added = 0;
    for (const s of part.sheets) {
      if (s.version <= (latest.get(key(s.applicantId, s.stage)) ?? 0)) continue;
      insertPanelSheet(ctx, b.editionId, b.expertId, s, b.bundleId);
      added += 1;
    }
    for (const d of part.declarations) upsertPanelDeclaration(ctx, b.editionId, b.expertId, d, b.bundleId);
    insertPanelBundle(ctx, receivedRow(got, b, ctx.now(), { status: 'accepted', reason_json: null, payload_sha256: sha256Hex(JSON.stringify(b)) }));
    return {
      result: { status: 'accepted' as const, fileName: got.fileName, bundleId: b.bundleId, expertId: b.expertId, sheets: part.sheets.length, replaced: current?.bundle_id ?? null },
      detail: { bundleId: b.bundleId, expertId: b.expertId, sequence: b.sequence, sheets: part.sheets.length, newVersions: added, sha256: got.sha256 },
    };
  });
}

export function judgeMemberBundle(ctx: Ctx, o: OpenedMemberBundle): BundleOutcome {
  if (o.kind === 'refused') return refused(ctx, o.got, o.reason, null);
  const { got, bundle: b } = o;
  const edition = findEdition(ctx, b.editionId);
  if (!edition || !latestPackage(ctx, b.editionId)) {
    return refused(ctx, got, { zh: `结果包属于本库中没有的届次（${b.editionId}）`, en: `the bundle is for an edition this store does not hold (${b.editionId})` }, b);
  }
  const me = meIn(ctx, b.editionId);
  const led = currentRoster(ctx, b.editionId).filter((p) => p.leaderId === me && p.members.some((m) => m.id === b.expertId));
  const member = led.flatMap((p) => p.members).find((m) => m.id === b.expertId);
  if (!member) {
    return refused(
      ctx,
      got,
      { zh: '结果包来自不在您所领评审组中的专家：组长只能导入本组成员的结果包', en: 'the bundle comes from an expert who is not on a panel you lead: a leader imports only the members of their own panel' },
      b,
    );
  }
  const scope = scopeOf(ctx, me, led, member);
  const facts: BundleFacts = {
    edition: { id: edition.id, framework: edition.framework, scoredStages: rulesOf(edition).stages.map((s) => s.stage) },
    expert: { id: member.id, editionId: b.editionId, signPublic: member.keys?.signPublic ?? null },
    signerKey: o.signerKey,
    applicantCode: (id) => findApplicant(ctx, id)?.code,
    seated: (applicantId, stage) => scope.sheet(applicantId, stage),
    recusedBySecretariat: (applicantId) => member.recusedFrom.includes(applicantId),
  };
  const identity = bundleIdentity(b, facts);
  if (!identity.ok) return refused(ctx, got, listReasons(identity.refusal.reasons), b);
  const kept = findKeptPanelBundle(ctx, b.bundleId);
  if (kept) {
    if (kept.payload_sha256 === sha256Hex(JSON.stringify(b))) return { status: 'duplicate', fileName: got.fileName, bundleId: b.bundleId, expertId: b.expertId };
    return refused(ctx, got, { zh: `结果包编号 ${b.bundleId} 已被另一份内容不同的结果包使用，疑为篡改或伪造`, en: `bundle id ${b.bundleId} was already used by a bundle with different content: possibly tampered or forged` }, b);
  }
  const highest = highestPanelSequence(ctx, b.editionId, b.expertId);
  if (b.sequence <= highest) {
    return refused(
      ctx,
      got,
      { zh: `这是该成员较早的结果包（序号 ${b.sequence}，已导入序号 ${highest}），较新的结果保持不变`, en: `this is an earlier bundle from the member (sequence ${b.sequence}; ${highest} already imported); the newer results stand` },
      b,
    );
  }
  const content = bundleContentProblems(inScope(b, scope), facts, identity.edition);
  if (content) return refused(ctx, got, listReasons(content.reasons), b);
  const history = historyProblems(b, heldFrom(ctx, b, member, led, scope), scope);
  if (history) return refused(ctx, got, listReasons(history.reasons), b);
  return accept(ctx, got, b, scope);
}
