import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AwardListSchema, CommitteeViewSchema, ConfirmationInputSchema, TallyInputSchema, TieSettlementInputSchema, type CommitteeView } from '../../domain/committee.js';
import { refuse } from '../../domain/errors.js';
import { listReasons } from '../../domain/reasons.js';
import { IdSchema } from '../../domain/values.js';
import { tallyProblems } from '../../rules/committee-vote.js';
import { snapshotOfList } from '../../scoring/committee.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { committeeViewOf, insertConfirmation, insertSettlement, insertTally, proposedAwardList } from '../repo/committee.js';
import { getEdition } from '../repo/editions.js';

/**
 * The committee's decision (评委会审议). Wuxi art. 11(3): the committee fixes the 20 shortlisted
 * for the site visits, and (5)–(6) reviews the candidate lists; Jinan art. 7(5), Daqing art. 7(3)
 * and 17, Hohhot art. 17(5)–18: the leading group or joint meeting reviews the results and puts
 * forward the proposed list — recorded here as its confirmation of the list. Xinyang art. 21: the
 * committee decides by secret ballot, each candidate needing two thirds of the voters, included.
 */

const Edition = { editionId: IdSchema };

function confirmShortlist(ctx: Ctx, editionId: string, input: z.output<typeof ConfirmationInputSchema>): CommitteeView {
  const view = committeeViewOf(ctx, editionId);
  if (!view.shortlist) {
    throw refuse('committee.no-shortlist', '本届评审规则没有入围名单，无须确认。', 'This edition’s rules have no shortlist, so there is none to confirm.');
  }
  if (view.shortlist.applicants.length === 0) {
    throw refuse('committee.shortlist-empty', '入围名单还是空的：请先导入材料评审的评分表。', 'The shortlist is still empty: import the material review’s score sheets first.');
  }
  const snapshot = view.shortlist.applicants.map((a) => ({ applicantId: a.id, level: null }));
  return ctx.change('committee.confirm-shortlist', () => {
    const c = { id: randomUUID(), subject: 'shortlist' as const, ...input, snapshot, recordedAt: ctx.now() };
    insertConfirmation(ctx, editionId, c);
    return { result: committeeViewOf(ctx, editionId), detail: { editionId, confirmationId: c.id, size: snapshot.length, heldOn: c.heldOn } };
  });
}

function settleTie(ctx: Ctx, editionId: string, input: z.output<typeof TieSettlementInputSchema>): CommitteeView {
  const view = committeeViewOf(ctx, editionId);
  if (new Set(input.order).size !== input.order.length) {
    throw refuse('committee.tie-order', '决定的顺序里有申报单位重复出现，请每家只列一次。', 'An applicant appears twice in the order; list each one once.');
  }
  const given = new Set(input.order);
  const tie = view.ties.find((t) => t.scope === input.scope && t.applicants.length === given.size && t.applicants.every((a) => given.has(a.id)));
  if (!tie) {
    const open = view.ties.filter((t) => t.scope === input.scope).map((t) => t.applicants.map((a) => a.code).join('、'));
    throw refuse(
      'committee.no-such-tie',
      `这些申报单位现在没有并列${open.length ? `；当前并列的是：${open.join('；')}` : '，当前也没有待决定的并列'}。请按当前结果列出全部并列单位。`,
      `These applicants are not tied now${open.length ? `; the ties are: ${open.join('; ').replaceAll('、', ', ')}` : ', and no tie is open'}. List every applicant of a current tie.`,
    );
  }
  return ctx.change('committee.settle-tie', () => {
    const s = { id: randomUUID(), ...input, level: tie.level, kind: tie.kind, recordedAt: ctx.now() };
    insertSettlement(ctx, editionId, s);
    return { result: committeeViewOf(ctx, editionId), detail: { editionId, settlementId: s.id, scope: s.scope, level: s.level, order: s.order } };
  });
}

function recordTally(ctx: Ctx, editionId: string, input: z.output<typeof TallyInputSchema>): CommitteeView {
  const edition = getEdition(ctx, editionId);
  if (!edition.profile.committeeVote) {
    throw refuse(
      'committee.no-vote',
      `${edition.profile.regulation.zh}未规定评委会投票表决，不能录入票数；评委会的决定以确认拟奖名单记录。`,
      `${edition.profile.regulation.en} has no committee vote, so no count can be entered; record the committee's decision by confirming the proposed award list.`,
    );
  }
  const view = committeeViewOf(ctx, editionId);
  const candidate = view.ballot?.candidates.find((c) => c.applicant.id === input.applicantId);
  if (!candidate) {
    throw refuse('committee.not-a-candidate', '该申报单位不在候选名单上，不参加表决。请从候选名单中选择。', 'This applicant is not on the candidate list, so it is not voted on. Choose one from the candidate list.');
  }
  const problems = tallyProblems(input);
  if (problems.length > 0) {
    const list = listReasons(problems);
    throw refuse('committee.bad-tally', `${candidate.applicant.code} 的计票有误：${list.zh}。请核对后重新录入，未做任何更改。`, `The count for ${candidate.applicant.code} does not add up: ${list.en}. Check it and enter it again; nothing was changed.`);
  }
  return ctx.change('committee.record-tally', () => {
    insertTally(ctx, editionId, { ...input, recordedAt: ctx.now() });
    return { result: committeeViewOf(ctx, editionId), detail: { editionId, applicantId: input.applicantId, voters: input.voters, votesFor: input.votesFor } };
  });
}

function confirmList(ctx: Ctx, editionId: string, input: z.output<typeof ConfirmationInputSchema>): CommitteeView {
  const list = proposedAwardList(ctx, editionId);
  if (list.state === 'pending') {
    const why = listReasons(list.pending);
    throw refuse('committee.list-pending', `拟奖名单还不能确认：${why.zh}`, `The proposed award list cannot be confirmed yet: ${why.en}`);
  }
  const snapshot = snapshotOfList(list.entries);
  return ctx.change('committee.confirm-award-list', () => {
    const c = { id: randomUUID(), subject: 'award-list' as const, ...input, snapshot, recordedAt: ctx.now() };
    insertConfirmation(ctx, editionId, c);
    return { result: committeeViewOf(ctx, editionId), detail: { editionId, confirmationId: c.id, entries: snapshot.length, heldOn: c.heldOn } };
  });
}

export const committeeCalls = {
  /** the shortlist, the ties, the ballot and the proposed award list, as they stand */
  'committee.get': storeCall({
    access: 'secretariat',
    input: z.strictObject(Edition),
    output: CommitteeViewSchema,
    run: (i, ctx) => committeeViewOf(ctx, i.editionId),
  }),

  'committee.awardList': storeCall({
    access: 'secretariat',
    input: z.strictObject(Edition),
    output: AwardListSchema,
    run: (i, ctx) => proposedAwardList(ctx, i.editionId),
  }),

  /** Wuxi art. 11(3): the committee fixes the shortlist; what it confirmed is kept as it stood */
  'committee.confirmShortlist': storeCall({
    access: 'secretariat',
    input: ConfirmationInputSchema.extend(Edition),
    output: CommitteeViewSchema,
    run: ({ editionId, ...input }, ctx) => confirmShortlist(ctx, editionId, input),
  }),

  /** the order the committee decided among applicants tied at a cap or at the shortlist's cut, and why */
  'committee.settleTie': storeCall({
    access: 'secretariat',
    input: TieSettlementInputSchema.extend(Edition),
    output: CommitteeViewSchema,
    run: ({ editionId, ...input }, ctx) => settleTie(ctx, editionId, input),
  }),

  /** Xinyang art. 21: one candidate's secret-ballot count; a later count replaces an earlier one */
  'committee.recordTally': storeCall({
    access: 'secretariat',
    input: TallyInputSchema.extend(Edition),
    output: CommitteeViewSchema,
    run: ({ editionId, ...input }, ctx) => recordTally(ctx, editionId, input),
  }),

  /** the committee adopts the proposed award list as it stands */
  'committee.confirmList': storeCall({
    access: 'secretariat',
    input: ConfirmationInputSchema.extend(Edition),
    output: CommitteeViewSchema,
    run: ({ editionId, ...input }, ctx) => confirmList(ctx, editionId, input),
  }),
};
