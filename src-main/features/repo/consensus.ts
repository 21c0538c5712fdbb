import type { ConsensusRecord, LeaderReturn, Opinion, Settlement, SheetState } from '../../domain/consensus.js';
import type { Stage } from '../../domain/words.js';
import type { Ctx } from '../context.js';

/** Returns a panel leader signed, and consensus records, open or signed: the same tables in every store. */

export type HeldReturn = LeaderReturn & { statement: string };

interface ReturnRow {
  id: string;
  edition_id: string;
  panel_id: string;
  leader_id: string;
  expert_id: string;
  applicant_id: string;
  stage: Stage;
  version: number;
  reason: string;
  returned_at: string;
  statement: string;
}

const heldReturn = (r: ReturnRow): HeldReturn => ({
  format: 'pingshen/leader-return',
  id: r.id,
  editionId: r.edition_id,
  panelId: r.panel_id,
  leaderId: r.leader_id,
  expertId: r.expert_id,
  applicantId: r.applicant_id,
  stage: r.stage,
  version: r.version,
  reason: r.reason,
  returnedAt: r.returned_at,
  statement: r.statement,
});

export function insertLeaderReturn(ctx: Ctx, r: LeaderReturn, statement: string): void {
  ctx
    .stmt(
      `INSERT INTO leader_returns (id, edition_id, panel_id, leader_id, expert_id, applicant_id, stage, version, reason, returned_at, statement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.id, r.editionId, r.panelId, r.leaderId, r.expertId, r.applicantId, r.stage, r.version, r.reason, r.returnedAt, statement);
}

export function findLeaderReturn(ctx: Ctx, id: string): HeldReturn | undefined {
  const r = ctx.stmt('SELECT * FROM leader_returns WHERE id = ?').get(id) as ReturnRow | undefined;
  return r && heldReturn(r);
}

/** The leader's return of exactly this version of a member's sheet, if any. */
export function leaderReturnOf(ctx: Ctx, expertId: string, applicantId: string, stage: Stage, version: number): HeldReturn | undefined {
  const r = ctx
    .stmt('SELECT * FROM leader_returns WHERE expert_id = ? AND applicant_id = ? AND stage = ? AND version = ?')
    .get(expertId, applicantId, stage, version) as ReturnRow | undefined;
  return r && heldReturn(r);
}

/** What a bundle from this expert carries: the returns the expert made as a leader, and those made of the expert's sheets. */
export function returnStatementsOf(ctx: Ctx, editionId: string, expertId: string): string[] {
  return ctx
    .stmt('SELECT statement FROM leader_returns WHERE edition_id = ? AND (leader_id = ? OR expert_id = ?) ORDER BY returned_at, id')
    .pluck()
    .all(editionId, expertId, expertId) as string[];
}

// ---------------------------------------------------------------- consensus records

/** An open consensus: the members' sheets it opened on, and what the leader has recorded so far. */
export interface ConsensusDraft {
  members: { expertId: string; base: SheetState }[];
  settlements: Settlement[];
  opinion: Opinion | null;
  returns: string[];
}

export interface ConsensusRow {
  id: string;
  editionId: string;
  applicantId: string;
  stage: Stage;
  panelId: string;
  leaderId: string;
  recordedBy: 'leader' | 'secretariat';
  status: 'open' | 'signed';
  openedAt: string;
  signedAt: string | null;
  draft: ConsensusDraft | null;
  record: ConsensusRecord | null;
  statement: string | null;
  bundleId: string | null;
}

interface RecordRow {
  id: string;
  edition_id: string;
  applicant_id: string;
  stage: Stage;
  panel_id: string;
  leader_id: string;
  recorded_by: 'leader' | 'secretariat';
  status: 'open' | 'signed';
  opened_at: string;
  signed_at: string | null;
  draft_json: string | null;
  record_json: string | null;
  statement: string | null;
  bundle_id: string | null;
}

const consensusRow = (r: RecordRow): ConsensusRow => ({
  id: r.id,
  editionId: r.edition_id,
  applicantId: r.applicant_id,
  stage: r.stage,
  panelId: r.panel_id,
  leaderId: r.leader_id,
  recordedBy: r.recorded_by,
  status: r.status,
  openedAt: r.opened_at,
  signedAt: r.signed_at,
  draft: r.draft_json === null ? null : (JSON.parse(r.draft_json) as ConsensusDraft),
  record: r.record_json === null ? null : (JSON.parse(r.record_json) as ConsensusRecord),
  statement: r.statement,
  bundleId: r.bundle_id,
});

export function insertOpenConsensus(ctx: Ctx, c: Omit<ConsensusRow, 'status' | 'signedAt' | 'record' | 'statement' | 'bundleId'> & { draft: ConsensusDraft }): void {
  ctx
    .stmt(
      `INSERT INTO consensus_records (id, edition_id, applicant_id, stage, panel_id, leader_id, recorded_by, status, opened_at, draft_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    )
    .run(c.id, c.editionId, c.applicantId, c.stage, c.panelId, c.leaderId, c.recordedBy, c.openedAt, JSON.stringify(c.draft));
}

export function saveDraft(ctx: Ctx, id: string, draft: ConsensusDraft): void {
  ctx.stmt("UPDATE consensus_records SET draft_json = ? WHERE id = ? AND status = 'open'").run(JSON.stringify(draft), id);
}

export function markSigned(ctx: Ctx, id: string, record: ConsensusRecord, statement: string): void {
  ctx
    .stmt("UPDATE consensus_records SET status = 'signed', signed_at = ?, record_json = ?, statement = ? WHERE id = ? AND status = 'open'")
    .run(record.signedAt, JSON.stringify(record), statement, id);
}

/** Secretariat: a leader's signed record as it came in the leader's bundle. */
export function insertReceivedRecord(ctx: Ctx, record: ConsensusRecord, statement: string, bundleId: string): void {
  ctx
    .stmt(
      `INSERT INTO consensus_records (id, edition_id, applicant_id, stage, panel_id, leader_id, recorded_by, status, opened_at, signed_at, record_json, statement, bundle_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'signed', ?, ?, ?, ?, ?)`,
    )
    .run(record.id, record.editionId, record.applicantId, record.stage, record.panelId, record.leaderId, record.recordedBy, record.openedAt, record.signedAt, JSON.stringify(record), statement, bundleId);
}

export function findConsensus(ctx: Ctx, id: string): ConsensusRow | undefined {
  const r = ctx.stmt('SELECT * FROM consensus_records WHERE id = ?').get(id) as RecordRow | undefined;
  return r && consensusRow(r);
}

/** The consensus for this applicant and stage that counts: the open one, else the latest signed. */
export function currentConsensus(ctx: Ctx, applicantId: string, stage: Stage): ConsensusRow | undefined {
  const r = ctx
    .stmt(
      `SELECT * FROM consensus_records WHERE applicant_id = ? AND stage = ?
       ORDER BY status = 'open' DESC, signed_at DESC, opened_at DESC LIMIT 1`,
    )
    .get(applicantId, stage) as RecordRow | undefined;
  return r && consensusRow(r);
}

/** Every signed record of the edition, the latest per applicant and stage first. */
export function signedConsensusOfEdition(ctx: Ctx, editionId: string): ConsensusRow[] {
  return (
    ctx
      .stmt("SELECT * FROM consensus_records WHERE edition_id = ? AND status = 'signed' ORDER BY applicant_id, stage, signed_at DESC, id")
      .all(editionId) as RecordRow[]
  ).map(consensusRow);
}

/** A leader's signed statements, for the leader's bundle. */
export function consensusStatementsOf(ctx: Ctx, editionId: string, leaderId: string): string[] {
  return ctx
    .stmt("SELECT statement FROM consensus_records WHERE edition_id = ? AND leader_id = ? AND status = 'signed' AND recorded_by = 'leader' ORDER BY signed_at, id")
    .pluck()
    .all(editionId, leaderId) as string[];
}
