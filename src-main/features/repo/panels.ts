import type { Stage } from '../../domain/words.js';
import type { Panel, Substitute } from '../../domain/panels.js';
import type { Ctx } from '../context.js';
import { notFound } from '../../domain/errors.js';

interface PanelRow {
  id: string;
  edition_id: string;
  stage: Stage;
  name: string;
  leader_id: string | null;
}

export type PanelRecord = Omit<Panel, 'sizeFlag'>;

function withPeople(ctx: Ctx, r: PanelRow): PanelRecord {
  return {
    id: r.id,
    editionId: r.edition_id,
    stage: r.stage,
    name: r.name,
    leaderId: r.leader_id,
    memberIds: ctx.stmt('SELECT expert_id FROM panel_members WHERE panel_id = ? ORDER BY expert_id').pluck().all(r.id) as string[],
    applicantIds: ctx
      .stmt('SELECT applicant_id FROM assignments WHERE panel_id = ? ORDER BY applicant_id')
      .pluck()
      .all(r.id) as string[],
    substitutes: substitutesOfPanel(ctx, r.id),
  };
}

function substitutesOfPanel(ctx: Ctx, panelId: string): Substitute[] {
  return (
    ctx
      .stmt('SELECT applicant_id, expert_id, reason, added_at FROM substitutes WHERE panel_id = ? ORDER BY applicant_id, added_at')
      .all(panelId) as { applicant_id: string; expert_id: string; reason: string; added_at: string }[]
  ).map((r) => ({ applicantId: r.applicant_id, expertId: r.expert_id, reason: r.reason, addedAt: r.added_at }));
}

export function insertPanel(ctx: Ctx, p: PanelRecord): void {
  ctx.stmt('INSERT INTO panels (id, edition_id, stage, name, leader_id) VALUES (?, ?, ?, ?, ?)').run(
    p.id,
    p.editionId,
    p.stage,
    p.name,
    p.leaderId,
  );
  const member = ctx.stmt('INSERT INTO panel_members (panel_id, expert_id) VALUES (?, ?)');
  for (const id of p.memberIds) member.run(p.id, id);
}

/** The expert side learns panels from packages: the panel, and itself as a member. */
export function upsertPanel(ctx: Ctx, p: PanelRecord): void {
  ctx
    .stmt(
      `INSERT INTO panels (id, edition_id, stage, name, leader_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, leader_id = excluded.leader_id`,
    )
    .run(p.id, p.editionId, p.stage, p.name, p.leaderId);
  const member = ctx.stmt('INSERT OR IGNORE INTO panel_members (panel_id, expert_id) VALUES (?, ?)');
  for (const id of p.memberIds) member.run(p.id, id);
}

export function listPanelRows(ctx: Ctx, editionId: string): PanelRecord[] {
  const rows = ctx.stmt('SELECT * FROM panels WHERE edition_id = ? ORDER BY stage, name').all(editionId) as PanelRow[];
  return rows.map((r) => withPeople(ctx, r));
}

export function getPanel(ctx: Ctx, id: string): PanelRecord {
  const r = ctx.stmt('SELECT * FROM panels WHERE id = ?').get(id) as PanelRow | undefined;
  if (!r) throw notFound({ zh: '评审组', en: 'panel' }, id);
  return withPeople(ctx, r);
}

export function insertAssignment(ctx: Ctx, applicantId: string, stage: Stage, panelId: string): void {
  ctx.stmt('INSERT INTO assignments (applicant_id, stage, panel_id) VALUES (?, ?, ?)').run(applicantId, stage, panelId);
}

/** The panel that reviews this applicant in this stage, if any. */
export function assignedPanelId(ctx: Ctx, applicantId: string, stage: Stage): string | undefined {
  return ctx.stmt('SELECT panel_id FROM assignments WHERE applicant_id = ? AND stage = ?').pluck().get(applicantId, stage) as
    | string
    | undefined;
}

export interface Seat {
  applicantId: string;
  stage: Stage;
  panelId: string;
  panelName: string;
  leaderId: string | null;
}

/** Every (applicant, stage) this expert reviews: through the panels it sits on, and where it substitutes. */
export function seatsOfExpert(ctx: Ctx, expertId: string): Seat[] {
  return (
    ctx
      .stmt(
        `SELECT a.applicant_id, a.stage, p.id AS panel_id, p.name AS panel_name, p.leader_id
         FROM panel_members m JOIN panels p ON p.id = m.panel_id JOIN assignments a ON a.panel_id = p.id
         WHERE m.expert_id = ?
         UNION
         SELECT s.applicant_id, s.stage, p.id, p.name, p.leader_id
         FROM substitutes s JOIN panels p ON p.id = s.panel_id
         WHERE s.expert_id = ?
         ORDER BY 2, 1`,
      )
      .all(expertId, expertId) as { applicant_id: string; stage: Stage; panel_id: string; panel_name: string; leader_id: string | null }[]
  ).map((r) => ({ applicantId: r.applicant_id, stage: r.stage, panelId: r.panel_id, panelName: r.panel_name, leaderId: r.leader_id }));
}

export function isSeated(ctx: Ctx, expertId: string, applicantId: string, stage: Stage): boolean {
  return (
    ctx
      .stmt(
        `SELECT 1 FROM assignments a JOIN panel_members m ON m.panel_id = a.panel_id
         WHERE a.applicant_id = ? AND a.stage = ? AND m.expert_id = ?
         UNION ALL
         SELECT 1 FROM substitutes WHERE applicant_id = ? AND stage = ? AND expert_id = ?`,
      )
      .get(applicantId, stage, expertId, applicantId, stage, expertId) !== undefined
  );
}

/** Every seat of an edition: who sits on the panel that reviews each applicant in each stage, substitutes included. */
export function editionSeats(ctx: Ctx, editionId: string): { applicantId: string; stage: Stage; panelId: string; memberIds: string[] }[] {
  const rows = ctx
    .stmt(
      `SELECT a.applicant_id, a.stage, a.panel_id, m.expert_id
       FROM assignments a JOIN panels p ON p.id = a.panel_id JOIN panel_members m ON m.panel_id = a.panel_id
       WHERE p.edition_id = ?
       UNION
       SELECT s.applicant_id, s.stage, s.panel_id, s.expert_id
       FROM substitutes s JOIN panels p ON p.id = s.panel_id
       WHERE p.edition_id = ?
       ORDER BY 1, 2, 4`,
    )
    .all(editionId, editionId) as { applicant_id: string; stage: Stage; panel_id: string; expert_id: string }[];
  const seats = new Map<string, { applicantId: string; stage: Stage; panelId: string; memberIds: string[] }>();
  for (const r of rows) {
    const key = `${r.applicant_id}\u0000${r.stage}`;
    const seat = seats.get(key) ?? { applicantId: r.applicant_id, stage: r.stage, panelId: r.panel_id, memberIds: [] };
    seat.memberIds.push(r.expert_id);
    seats.set(key, seat);
  }
  return [...seats.values()];
}

/** Expert side: a newer package replaces this expert's assignments in the edition. */
export function clearAssignmentsOfEdition(ctx: Ctx, editionId: string): void {
  ctx.stmt('DELETE FROM assignments WHERE panel_id IN (SELECT id FROM panels WHERE edition_id = ?)').run(editionId);
}

export function deleteAssignment(ctx: Ctx, applicantId: string, stage: Stage): void {
  ctx.stmt('DELETE FROM assignments WHERE applicant_id = ? AND stage = ?').run(applicantId, stage);
}

/** Moves an applicant to another panel of the same stage; substitutes seated for it on the old panel leave with it. */
export function moveAssignment(ctx: Ctx, applicantId: string, stage: Stage, panelId: string): void {
  ctx.stmt('DELETE FROM substitutes WHERE applicant_id = ? AND stage = ?').run(applicantId, stage);
  ctx.stmt('UPDATE assignments SET panel_id = ? WHERE applicant_id = ? AND stage = ?').run(panelId, applicantId, stage);
}

export function deleteAssignmentsOfApplicant(ctx: Ctx, applicantId: string): void {
  ctx.stmt('DELETE FROM assignments WHERE applicant_id = ?').run(applicantId);
}

export function insertMember(ctx: Ctx, panelId: string, expertId: string): void {
  ctx.stmt('INSERT INTO panel_members (panel_id, expert_id) VALUES (?, ?)').run(panelId, expertId);
}

export function deleteMember(ctx: Ctx, panelId: string, expertId: string): void {
  ctx.stmt('DELETE FROM panel_members WHERE panel_id = ? AND expert_id = ?').run(panelId, expertId);
}

export function setPanelLeader(ctx: Ctx, panelId: string, leaderId: string | null): void {
  ctx.stmt('UPDATE panels SET leader_id = ? WHERE id = ?').run(leaderId, panelId);
}

export function renamePanel(ctx: Ctx, panelId: string, name: string): void {
  ctx.stmt('UPDATE panels SET name = ? WHERE id = ?').run(name, panelId);
}

export function deletePanel(ctx: Ctx, panelId: string): void {
  ctx.stmt('DELETE FROM substitutes WHERE panel_id = ?').run(panelId);
  ctx.stmt('UPDATE panels SET leader_id = NULL WHERE id = ?').run(panelId);
  ctx.stmt('DELETE FROM panel_members WHERE panel_id = ?').run(panelId);
  ctx.stmt('DELETE FROM panels WHERE id = ?').run(panelId);
}

export function insertSubstitute(ctx: Ctx, s: Substitute & { panelId: string; stage: Stage }): void {
  ctx
    .stmt('INSERT INTO substitutes (applicant_id, stage, panel_id, expert_id, reason, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.applicantId, s.stage, s.panelId, s.expertId, s.reason, s.addedAt);
}

export function deleteSubstitute(ctx: Ctx, applicantId: string, stage: Stage, expertId: string): boolean {
  return ctx.stmt('DELETE FROM substitutes WHERE applicant_id = ? AND stage = ? AND expert_id = ?').run(applicantId, stage, expertId).changes > 0;
}

/** The panels an expert sits on (as a member), and where it leads. */
export function panelsOfExpert(ctx: Ctx, expertId: string): { panelId: string; leads: boolean }[] {
  return (
    ctx
      .stmt('SELECT p.id, p.leader_id FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE m.expert_id = ? ORDER BY p.stage, p.name')
      .all(expertId) as { id: string; leader_id: string | null }[]
  ).map((r) => ({ panelId: r.id, leads: r.leader_id === expertId }));
}

/** An expert leaves every panel and every substitute seat (withdrawal); the caller checked it leads none. */
export function unseatExpert(ctx: Ctx, expertId: string): void {
  ctx.stmt('DELETE FROM substitutes WHERE expert_id = ?').run(expertId);
  ctx.stmt('DELETE FROM panel_members WHERE expert_id = ?').run(expertId);
}

export function assignmentsOfApplicant(ctx: Ctx, applicantId: string): { stage: Stage; panelId: string }[] {
  return (ctx.stmt('SELECT stage, panel_id FROM assignments WHERE applicant_id = ? ORDER BY stage').all(applicantId) as { stage: Stage; panel_id: string }[]).map((r) => ({
    stage: r.stage,
    panelId: r.panel_id,
  }));
}
