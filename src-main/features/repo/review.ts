import type { NoticeKind, ObjectionState } from '../../domain/words.js';
import { removedFromReview } from '../../rules/objections.js';
import type { EditionRecords } from '../../scoring/records.js';
import type { Ctx } from '../context.js';
import { eligibilityOfEdition } from './eligibility.js';

/**
 * Who has left an edition's review, besides those who withdrew, and why: found ineligible in
 * the eligibility check, or taken off the accepted list by an upheld objection. The results, the
 * archive's registers, the stages' entries, the work still owed and the eligibility tab read it
 * here, so an applicant is out everywhere or nowhere. Nothing is deleted: its sheets, seats and
 * audit entries stay, they only stop counting.
 */
export type OutOfReview = Pick<EditionRecords['applicants'][number], 'ineligible' | 'objection'>;

interface ObjectionRow {
  applicantId: string;
  number: number;
  state: ObjectionState;
  noticeKind: NoticeKind;
  decidedOn: string | null;
  decision: string | null;
}

export function outOfReviewOfEdition(ctx: Ctx, editionId: string): Map<string, OutOfReview> {
  const out = new Map<string, OutOfReview>();
  for (const [applicantId, s] of eligibilityOfEdition(ctx, editionId)) {
    if (s.status === 'ineligible') out.set(applicantId, { ineligible: { at: s.at ?? '', reasons: s.reasons, note: s.note } });
  }
  const objections = ctx
    .stmt(
      `SELECT o.applicant_id AS applicantId, o.number, o.state, n.kind AS noticeKind, o.decided_on AS decidedOn, o.decision
       FROM objections o JOIN notices n ON n.id = o.notice_id WHERE o.edition_id = ?`,
    )
    .all(editionId) as ObjectionRow[];
  for (const [applicantId, o] of removedFromReview(objections)) {
    out.set(applicantId, { ...out.get(applicantId), objection: { number: o.number, decidedOn: o.decidedOn ?? '', finding: o.decision ?? '' } });
  }
  return out;
}
