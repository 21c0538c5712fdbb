import type { AwardList, BallotTally, CommitteeView, Confirmation, TieSettlement } from '../../domain/committee.js';
import type { ApplicantKind, AwardLevel, ConfirmationSubject, TieScope } from '../../domain/words.js';
import { ballotOutcome } from '../../rules/committee-vote.js';
import { committeeView } from '../../scoring/committee.js';
import type { Ctx } from '../context.js';
import { getEdition } from './editions.js';
import { editionResults } from './results.js';

/** The committee's minutes: confirmations, tie settlements and ballot counts, each kept as recorded. */

interface ConfirmationRow {
  id: string;
  subject: ConfirmationSubject;
  held_on: string;
  meeting: string;
  confirmed_by: string;
  note: string | null;
  snapshot_json: string;
  recorded_at: string;
}

const confirmation = (r: ConfirmationRow): Confirmation => ({
  id: r.id,
  subject: r.subject,
  heldOn: r.held_on,
  meeting: r.meeting,
  confirmedBy: r.confirmed_by,
  note: r.note,
  snapshot: JSON.parse(r.snapshot_json) as Confirmation['snapshot'],
  recordedAt: r.recorded_at,
});

export function insertConfirmation(ctx: Ctx, editionId: string, c: Confirmation): void {
  ctx
    .stmt(
      `INSERT INTO committee_confirmations (id, edition_id, subject, held_on, meeting, confirmed_by, note, snapshot_json, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.id, editionId, c.subject, c.heldOn, c.meeting, c.confirmedBy, c.note, JSON.stringify(c.snapshot), c.recordedAt);
}

/** Every confirmation the committee gave, of either subject, in the order recorded. */
export function confirmationsOf(ctx: Ctx, editionId: string): Confirmation[] {
  return (ctx.stmt('SELECT * FROM committee_confirmations WHERE edition_id = ? ORDER BY recorded_at, rowid').all(editionId) as ConfirmationRow[]).map(confirmation);
}

/** The committee's latest confirmation of the subject, if it gave one. */
export function latestConfirmation(ctx: Ctx, editionId: string, subject: ConfirmationSubject): Confirmation | null {
  const r = ctx
    .stmt('SELECT * FROM committee_confirmations WHERE edition_id = ? AND subject = ? ORDER BY recorded_at DESC, rowid DESC LIMIT 1')
    .get(editionId, subject) as ConfirmationRow | undefined;
  return r ? confirmation(r) : null;
}

interface SettlementRow {
  id: string;
  scope: TieScope;
  level: AwardLevel | null;
  kind: ApplicantKind | null;
  order_json: string;
  method: string;
  settled_by: string;
  reason: string;
  held_on: string;
  meeting: string;
  recorded_at: string;
}

export function insertSettlement(ctx: Ctx, editionId: string, s: TieSettlement): void {
  ctx
    .stmt(
      `INSERT INTO committee_settlements (id, edition_id, scope, level, kind, order_json, method, settled_by, reason, held_on, meeting, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(s.id, editionId, s.scope, s.level, s.kind, JSON.stringify(s.order), s.method, s.settledBy, s.reason, s.heldOn, s.meeting, s.recordedAt);
}

/** Oldest first, as committeeView reads them: a later settlement of the same tie replaces an earlier one. */
export function settlementsOf(ctx: Ctx, editionId: string): TieSettlement[] {
  return (ctx.stmt('SELECT * FROM committee_settlements WHERE edition_id = ? ORDER BY recorded_at, rowid').all(editionId) as SettlementRow[]).map((r) => ({
    id: r.id,
    scope: r.scope,
    level: r.level,
    kind: r.kind,
    order: JSON.parse(r.order_json) as string[],
    method: r.method,
    settledBy: r.settled_by,
    reason: r.reason,
    heldOn: r.held_on,
    meeting: r.meeting,
    recordedAt: r.recorded_at,
  }));
}

interface TallyRow {
  applicant_id: string;
  voters: number;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  invalid: number;
  held_on: string;
  meeting: string;
  recorded_at: string;
}

export function insertTally(ctx: Ctx, editionId: string, t: Omit<BallotTally, 'needed' | 'passed'>): void {
  ctx
    .stmt(
      `INSERT INTO committee_tallies (edition_id, applicant_id, voters, votes_for, votes_against, abstentions, invalid, held_on, meeting, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(editionId, t.applicantId, t.voters, t.votesFor, t.votesAgainst, t.abstentions, t.invalid, t.heldOn, t.meeting, t.recordedAt);
}

/** The counts the query selects for the edition, each judged under its fraction; none where the profile has no ballot. */
function judgedCounts(ctx: Ctx, editionId: string, sql: string): BallotTally[] {
  const vote = getEdition(ctx, editionId).profile.committeeVote;
  if (!vote) return [];
  return (ctx.stmt(sql).all(editionId) as TallyRow[]).map((r) => {
    const tally = {
      applicantId: r.applicant_id,
      voters: r.voters,
      votesFor: r.votes_for,
      votesAgainst: r.votes_against,
      abstentions: r.abstentions,
      invalid: r.invalid,
      heldOn: r.held_on,
      meeting: r.meeting,
      recordedAt: r.recorded_at,
    };
    return { ...tally, ...ballotOutcome(tally, vote.fraction) };
  });
}

/** The latest count per applicant. */
export function talliesOf(ctx: Ctx, editionId: string): BallotTally[] {
  return judgedCounts(
    ctx,
    editionId,
    `SELECT * FROM committee_tallies t WHERE edition_id = ? AND seq = (SELECT MAX(seq) FROM committee_tallies u WHERE u.edition_id = t.edition_id AND u.applicant_id = t.applicant_id)
     ORDER BY seq`,
  );
}

/** Every count entered, in the order entered: a later one for the same applicant replaces an earlier. */
export function countsOf(ctx: Ctx, editionId: string): BallotTally[] {
  return judgedCounts(ctx, editionId, 'SELECT * FROM committee_tallies WHERE edition_id = ? ORDER BY seq');
}

/** The committee's view of an edition: shortlist, ties, ballot and the proposed award list as they stand. */
export function committeeViewOf(ctx: Ctx, editionId: string): CommitteeView {
  const edition = getEdition(ctx, editionId);
  return committeeView({
    editionId,
    results: editionResults(ctx, editionId),
    vote: edition.profile.committeeVote?.fraction ?? null,
    settlements: settlementsOf(ctx, editionId),
    tallies: talliesOf(ctx, editionId),
    shortlistConfirmation: latestConfirmation(ctx, editionId, 'shortlist'),
    awardListConfirmation: latestConfirmation(ctx, editionId, 'award-list'),
  });
}

/**
 * The proposed award list (拟奖名单): the applicants with their level (award or nomination), rank
 * and basis, and whether the committee's confirmation still matches. What a public notice lists.
 */
export function proposedAwardList(ctx: Ctx, editionId: string): AwardList {
  return committeeViewOf(ctx, editionId).awardList;
}
