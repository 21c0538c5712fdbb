import { randomUUID } from 'node:crypto';
import {
  CONSENSUS_FORMAT,
  type ConsensusRecord,
  type ConsensusSeat,
  type ConsensusView,
  type Opinion,
  type Settlement,
} from '../../domain/consensus.js';
import { refuse } from '../../domain/errors.js';
import type { Localized } from '../../domain/localized.js';
import { listReasons } from '../../domain/reasons.js';
import { STAGE_NAMES, type Stage } from '../../domain/words.js';
import { sha256Hex } from '../../exchange/common.js';
import { rulesOf, type EditionDetail } from '../../profile/edition.js';
import { consensusProblems, flaggedItems, opinionShapeProblems, proposeOpinion, settlementProblem, type PanelMember } from '../../scoring/consensus.js';
import { sheetTotal } from '../../scoring/sheet.js';
import type { Ctx } from '../context.js';
import { currentConsensus, insertOpenConsensus, markSigned, saveDraft, type ConsensusDraft, type ConsensusRow } from '../repo/consensus.js';
import { getEdition } from '../repo/editions.js';
import { heldPanelOf, panelWorkAtSecretariat, percentsOfItems, type PanelWork } from '../repo/panel-work.js';
import { editionSeats } from '../repo/panels.js';
import { getApplicant, getExpert } from '../repo/people.js';
import { signAsStore } from '../sealing.js';
import { ledSeats, panelWorkOnLaptop } from './laptop.js';

/**
 * The consensus step, the same on the leader's laptop and at the secretariat's workstation: open
 * once every active member has submitted, return sheets, settle each flagged item, write the
 * panel's opinion, sign off. What may be signed is decided by the one rule the secretariat's
 * intake applies too (scoring/consensus.ts).
 */

export interface Seat {
  editionId: string;
  applicantId: string;
  stage: Stage;
}

function where(ctx: Ctx, s: Seat): Localized {
  const code = getApplicant(ctx, s.applicantId).code;
  return { zh: `${code}（${STAGE_NAMES[s.stage].zh}）`, en: `${code} (${STAGE_NAMES[s.stage].en})` };
}

/** The panel's work on this seat, as this store holds it; `counting` (the seats list) asks only how far it is. */
export function panelWork(ctx: Ctx, s: Seat, counting = false): PanelWork {
  if (ctx.store.role === 'expert') return panelWorkOnLaptop(ctx, s.editionId, s.applicantId, s.stage, counting);
  const applicant = getApplicant(ctx, s.applicantId);
  const work = applicant.editionId === s.editionId ? panelWorkAtSecretariat(ctx, s.applicantId, s.stage) : undefined;
  if (!work) {
    const w = where(ctx, s);
    throw refuse('consensus.no-panel', `${w.zh}尚未安排评审组，没有可合议的评分表。`, `${w.en} has no panel seated, so there are no sheets to hold a consensus on.`);
  }
  return work;
}

function leaderOf(ctx: Ctx, work: PanelWork): { id: string; code: string; name: string } {
  if (work.leaderId === null) {
    const w = where(ctx, work);
    throw refuse(
      'consensus.no-leader',
      `评审${w.zh}的评审组“${work.panelName}”没有组长：合议由组长负责，请先为该评审组指定组长。`,
      `The panel "${work.panelName}" reviewing ${w.en} has no leader: the leader is responsible for the consensus, so name one first.`,
    );
  }
  const e = getExpert(ctx, work.leaderId);
  return { id: e.id, code: e.code, name: e.name };
}

/** Members as the consensus rule reads them: as it opened (base) and as they stand (final). */
function panelMembers(work: PanelWork, base: ConsensusDraft['members']): PanelMember[] {
  return work.members.map((m) => {
    const final = m.current ? { version: m.current.version, percents: percentsOfItems(m.current.items) } : null;
    const opened = base.find((b) => b.expertId === m.expertId)?.base ?? final;
    return { expertId: m.expertId, base: opened ?? { version: 1, percents: {} }, final: final ?? opened ?? { version: 1, percents: {} } };
  });
}

/** What signing now would record: the draft on the members' sheets as they stand. */
function recordOf(work: PanelWork, row: ConsensusRow, draft: ConsensusDraft, edition: EditionDetail, signedAt: string): ConsensusRecord {
  const rule = rulesOf(edition).disagreement;
  const members = draft.members.map((d) => {
    const m = work.members.find((x) => x.expertId === d.expertId);
    const final = m?.current ? { version: m.current.version, percents: percentsOfItems(m.current.items) } : d.base;
    return { expertId: d.expertId, base: d.base, final };
  });
  const settled = new Map(draft.settlements.map((s) => [s.itemCode, s]));
  // an item not yet settled is left out: the rule then names it as still to settle
  const flagged = flaggedItems(rule, edition.framework, members).flatMap((f) => {
    const s = settled.get(f.itemCode);
    return s ? [{ ...f, resolution: s.resolution, reason: s.reason }] : [];
  });
  return {
    format: CONSENSUS_FORMAT,
    version: 1,
    id: row.id,
    editionId: row.editionId,
    applicantId: row.applicantId,
    stage: row.stage,
    panelId: row.panelId,
    leaderId: row.leaderId,
    recordedBy: row.recordedBy,
    openedAt: row.openedAt,
    signedAt,
    members,
    flagged,
    returns: draft.returns,
    opinion: draft.opinion ?? { categories: [], overall: '' },
  };
}

/** Whether a signed record still stands on the members' sheets as they are. */
function holds(record: ConsensusRecord, work: PanelWork, edition: EditionDetail): boolean {
  return consensusProblems(record, heldPanelOf(work), rulesOf(edition).disagreement, edition.framework).length === 0;
}

export function viewOf(ctx: Ctx, work: PanelWork, row: ConsensusRow): ConsensusView {
  const edition = getEdition(ctx, work.editionId);
  const rule = rulesOf(edition).disagreement;
  const a = getApplicant(ctx, work.applicantId);
  const base = row.draft?.members ?? row.record?.members.map((m) => ({ expertId: m.expertId, base: m.base })) ?? [];
  const settlements: Settlement[] = row.draft?.settlements ?? row.record?.flagged.map((f) => ({ itemCode: f.itemCode, resolution: f.resolution, reason: f.reason })) ?? [];
  const settled = new Map(settlements.map((s) => [s.itemCode, s]));
  const members = panelMembers(work, base);
  return {
    id: row.id,
    editionId: row.editionId,
    applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
    stage: row.stage,
    panelId: row.panelId,
    leader: leaderOf(ctx, work),
    recordedBy: row.recordedBy,
    status: row.status,
    openedAt: row.openedAt,
    signedAt: row.signedAt,
    threshold: rule.enabled ? rule.threshold : null,
    members: work.members.map((m, i) => ({
      expertId: m.expertId,
      code: m.code,
      name: m.name,
      leader: m.expertId === work.leaderId,
      baseVersion: members[i]!.base.version,
      version: m.current?.version ?? members[i]!.base.version,
      total: sheetTotal(edition.framework, members[i]!.final.percents),
      items: m.current?.items ?? [],
      pendingReturn: m.pendingReturn,
    })),
    flagged: flaggedItems(rule, edition.framework, members).map((f) => {
      const s = settled.get(f.itemCode);
      return { ...f, settlement: s ? { resolution: s.resolution, reason: s.reason } : null };
    }),
    proposal: proposeOpinion(edition.framework, work.members.map((m) => ({ items: m.current?.items ?? [] }))),
    opinion: row.draft?.opinion ?? row.record?.opinion ?? null,
    blockers: row.status === 'open' && row.draft ? consensusProblems(recordOf(work, row, row.draft, edition, ctx.now()), heldPanelOf(work), rule, edition.framework) : [],
  };
}

function seatOf(ctx: Ctx, work: PanelWork): ConsensusSeat {
  const edition = getEdition(ctx, work.editionId);
  const row = currentConsensus(ctx, work.applicantId, work.stage);
  const a = getApplicant(ctx, work.applicantId);
  const submitted = work.members.filter((m) => m.current && !m.pendingReturn).length;
  const signed = row?.status === 'signed' && row.record !== null && holds(row.record, work, edition);
  const state = row?.status === 'open' ? 'open' : signed ? 'signed' : submitted === work.members.length && submitted > 0 ? 'ready' : 'waiting';
  // nobody learns how the others scored, not even whether they disagree, before every sheet is in
  const members = submitted === work.members.length ? panelMembers(work, row?.status === 'open' ? (row.draft?.members ?? []) : []) : [];
  return {
    applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
    stage: work.stage,
    panelId: work.panelId,
    panelName: work.panelName,
    expected: work.members.length,
    submitted,
    state,
    flagged: flaggedItems(rulesOf(edition).disagreement, edition.framework, members).length,
    signedAt: signed ? row.signedAt : null,
  };
}

/** Every applicant and stage this store may hold a consensus for: the leader's own seats, or every seat at the secretariat. */
export function seats(ctx: Ctx, editionId: string): ConsensusSeat[] {
  const list = ctx.store.role === 'expert' ? ledSeats(ctx, editionId) : editionSeats(ctx, editionId).map((s) => ({ applicantId: s.applicantId, stage: s.stage }));
  return list.map((s) => seatOf(ctx, panelWork(ctx, { editionId, ...s }, true)));
}

function notOpen(ctx: Ctx, s: Seat): Error {
  const w = where(ctx, s);
  return refuse('consensus.not-open', `${w.zh}的合议尚未开始（或已签署）：请先开始合议。`, `No consensus is open for ${w.en} (or it was signed off): open it first.`);
}

/** The open consensus of a seat, with the panel's work and the edition. */
export function openRow(ctx: Ctx, s: Seat): { work: PanelWork; row: ConsensusRow; draft: ConsensusDraft; edition: EditionDetail } {
  const work = panelWork(ctx, s);
  const row = currentConsensus(ctx, s.applicantId, s.stage);
  if (row?.status !== 'open' || !row.draft) throw notOpen(ctx, s);
  return { work, row, draft: row.draft, edition: getEdition(ctx, s.editionId) };
}

/**
 * Opens the consensus once every active member's sheet is in, submitted and not sent back: the
 * leader included, so nobody sees the others' scores before giving their own. An open one, or a
 * signed one that still stands on the sheets, is shown as it is.
 */
export function openConsensus(ctx: Ctx, s: Seat): ConsensusView {
  const work = panelWork(ctx, s);
  const leader = leaderOf(ctx, work);
  const edition = getEdition(ctx, s.editionId);
  const existing = currentConsensus(ctx, s.applicantId, s.stage);
  if (existing?.status === 'open' || (existing?.record && holds(existing.record, work, edition))) return viewOf(ctx, work, existing);
  const w = where(ctx, s);
  if (work.members.length === 0) {
    throw refuse('consensus.not-ready', `${w.zh}的评审组回避后没有成员，无法合议。`, `After recusals no member of the panel reviewing ${w.en} is left, so there is no consensus to hold.`);
  }
  const missing = work.members.filter((m) => !m.current || m.pendingReturn);
  if (missing.length) {
    const names = missing.map((m) => `${m.name}（${m.code}）`);
    throw refuse(
      'consensus.not-ready',
      `${w.zh}尚有 ${missing.length} 名成员的评分表未提交或已退回待修改（${names.join('、')}）：全体成员（含组长）提交后才能开始合议，此前谁也看不到他人的评分。${ctx.store.role === 'expert' ? '请导入其结果包。' : ''}`,
      `${missing.length} member(s) of the panel reviewing ${w.en} have not submitted, or their sheet awaits revision (${names.join(', ')}): the consensus opens once every member, the leader included, has submitted, and nobody sees the others' scores before that.${ctx.store.role === 'expert' ? ' Import their bundles.' : ''}`,
    );
  }
  const id = randomUUID();
  const draft: ConsensusDraft = {
    members: work.members.map((m) => ({ expertId: m.expertId, base: { version: m.current!.version, percents: percentsOfItems(m.current!.items) } })),
    settlements: [],
    opinion: null,
    returns: [],
  };
  const row = {
    id,
    editionId: s.editionId,
    applicantId: s.applicantId,
    stage: s.stage,
    panelId: work.panelId,
    leaderId: leader.id,
    recordedBy: ctx.store.role === 'secretariat' ? ('secretariat' as const) : ('leader' as const),
    openedAt: ctx.now(),
    draft,
  };
  ctx.change('consensus.opened', () => {
    insertOpenConsensus(ctx, row);
    return { result: undefined, detail: { recordId: id, applicantId: s.applicantId, stage: s.stage, panelId: work.panelId, members: draft.members.map((m) => ({ expertId: m.expertId, version: m.base.version })) } };
  });
  return viewOf(ctx, work, { ...row, status: 'open', signedAt: null, record: null, statement: null, bundleId: null });
}

/** Records what became of one flagged item; refused when the rule does not allow it, changing nothing. */
export function settle(ctx: Ctx, s: Seat, settlement: Settlement): ConsensusView {
  const { work, row, draft, edition } = openRow(ctx, s);
  const rule = rulesOf(edition).disagreement;
  const item = flaggedItems(rule, edition.framework, panelMembers(work, draft.members)).find((f) => f.itemCode === settlement.itemCode);
  if (!item) {
    throw refuse('consensus.not-flagged', `评分项 ${settlement.itemCode} 的评分没有超过阈值的分歧，无需合议。`, `Item ${settlement.itemCode} shows no disagreement beyond the threshold, so there is nothing to settle.`);
  }
  const problem = settlementProblem(rule, item, settlement);
  if (problem) throw refuse('consensus.cannot-settle', `${problem.zh}。未做任何更改。`, `${problem.en}. Nothing was changed.`);
  const next = { ...draft, settlements: [...draft.settlements.filter((x) => x.itemCode !== settlement.itemCode), settlement] };
  ctx.change('consensus.settled', () => {
    saveDraft(ctx, row.id, next);
    return { result: undefined, detail: { recordId: row.id, ...settlement } };
  });
  return viewOf(ctx, work, { ...row, draft: next });
}

export function saveOpinion(ctx: Ctx, s: Seat, opinion: Opinion): ConsensusView {
  const { work, row, draft, edition } = openRow(ctx, s);
  const problems = opinionShapeProblems(edition.framework, opinion);
  if (problems.length) {
    const list = listReasons(problems);
    throw refuse('consensus.bad-opinion', `评审组意见无法保存：${list.zh}。未做任何更改。`, `The panel's opinion cannot be saved: ${list.en}. Nothing was changed.`);
  }
  const next = { ...draft, opinion };
  ctx.change('consensus.opinion-saved', () => {
    saveDraft(ctx, row.id, next);
    return { result: undefined, detail: { recordId: row.id, categories: opinion.categories.length, overallChars: opinion.overall.length } };
  });
  return viewOf(ctx, work, { ...row, draft: next });
}

/** Adds a return made during this consensus to its draft. */
export function noteReturn(ctx: Ctx, row: ConsensusRow, draft: ConsensusDraft, returnId: string): void {
  saveDraft(ctx, row.id, { ...draft, returns: [...draft.returns, returnId] });
}

/**
 * Signs the consensus off: the record is what the rule says may be signed, signed with this
 * store's key (the leader's on the leader's laptop; the secretariat's, on the leader's behalf, at
 * its workstation). Refused with every reason still standing, changing nothing.
 */
export async function signOff(ctx: Ctx, s: Seat): Promise<ConsensusView> {
  const { work, row, draft, edition } = openRow(ctx, s);
  const record = recordOf(work, row, draft, edition, ctx.now());
  const problems = consensusProblems(record, heldPanelOf(work), rulesOf(edition).disagreement, edition.framework);
  if (problems.length) {
    const list = listReasons(problems);
    throw refuse('consensus.not-ready', `合议尚不能签署：${list.zh}。请处理后再签署，未做任何更改。`, `The consensus cannot be signed off yet: ${list.en}. Deal with these and sign again; nothing was changed.`);
  }
  const statement = await signAsStore(ctx, 'consensus-record', record);
  // signing waits on the crypto: sign only what still holds once it is done
  const now = openRow(ctx, s);
  if (JSON.stringify(recordOf(now.work, now.row, now.draft, edition, record.signedAt)) !== JSON.stringify(record)) {
    throw refuse('consensus.changed', '签署过程中评分表或合议内容有变化，未签署。请核对后重新签署。', 'The sheets or the consensus changed while signing, so nothing was signed. Check and sign again.');
  }
  ctx.change('consensus.signed', () => {
    markSigned(ctx, row.id, record, statement);
    return {
      result: undefined,
      detail: { recordId: row.id, applicantId: s.applicantId, stage: s.stage, sha256: sha256Hex(statement), members: record.members.map((m) => ({ expertId: m.expertId, version: m.final.version })) },
    };
  });
  return viewOf(ctx, work, { ...row, status: 'signed', signedAt: record.signedAt, record, statement });
}
