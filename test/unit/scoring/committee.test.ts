import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BallotTally, Confirmation, TieSettlement } from '../../../src-main/domain/committee.js';
import type { RankingEntry } from '../../../src-main/domain/scores.js';
import type { AwardLevel } from '../../../src-main/domain/words.js';
import { placeableLevels } from '../../../src-main/rules/eligibility.js';
import { selectCandidates, type EligibleLevels } from '../../../src-main/rules/floors-caps.js';
import { ballotOutcome } from '../../../src-main/rules/committee-vote.js';
import { committeeView, snapshotOfList, type CommitteeRecords } from '../../../src-main/scoring/committee.js';
import { computeEditionResults, type EditionResults } from '../../../src-main/scoring/results.js';
import { applicant, collect, gbt, panel, rulesFor } from '../helpers/edition.js';

const TWO_THIRDS = { numerator: 2, denominator: 3 };
const MEETING = { heldOn: '2026-11-20', meeting: '第二次评委会全体会议' };

function settlement(order: string[], scope: 'cap' | 'shortlist' = 'cap', level: 'award' | 'nomination' | null = 'award'): TieSettlement {
  return { id: `s-${order.join('-')}`, scope, level, kind: scope === 'cap' ? 'unit' : null, order, method: '评委会讨论', settledBy: '主任委员 王某', reason: '现场答辩表现', recordedAt: '2026-11-20T09:00:00+08:00', ...MEETING };
}

function tally(applicantId: string, voters: number, votesFor: number): BallotTally {
  const t = { applicantId, voters, votesFor, votesAgainst: voters - votesFor, abstentions: 0, invalid: 0, recordedAt: '2026-11-20T10:00:00+08:00', ...MEETING };
  return { ...t, ...ballotOutcome(t, TWO_THIRDS) };
}

function confirmation(subject: Confirmation['subject'], snapshot: Confirmation['snapshot']): Confirmation {
  return { id: `c-${subject}`, subject, confirmedBy: '评委会', note: null, snapshot, recordedAt: '2026-11-20T11:00:00+08:00', ...MEETING };
}

/** Settles each tie at a cap as it appears, in an order the seed picks, until none is open. */
function settleEveryTie(records: CommitteeRecords, seed: number): CommitteeRecords {
  for (let round = 0; round < 10; round += 1) {
    const open = committeeView(records).ties.find((t) => !t.settlement);
    if (!open) break;
    const ids = open.applicants.map((x) => x.id);
    const order = ids.map((_, i) => ids[(i + seed) % ids.length]!);
    records = { ...records, settlements: [...records.settlements, { ...settlement(order, 'cap', open.level), kind: open.kind }] };
  }
  return records;
}

const codes = (xs: { applicant: { code: string } }[]) => xs.map((x) => x.applicant.code);
const refCodes = (xs: { code: string }[]) => xs.map((x) => x.code);

/*
 * Xinyang 2022 (2 awards, 3 nominations, floor 600, ballot of art. 21): XY-01 800; XY-02 and
 * XY-03 both 750 in every stage, so fully tied for the one award place left; XY-04 700, XY-05 650.
 */
describe('the committee under Xinyang 2022: a tie at the award cap and the ballot', () => {
  const a = ['XY-01', 'XY-02', 'XY-03', 'XY-04', 'XY-05'].map((c) => applicant(c));
  const totals = [800, 750, 750, 700, 650];
  const input = collect(a.flatMap((x, i) => [panel(x, 'material', [totals[i]!, totals[i]!, totals[i]!]), panel(x, 'site', [totals[i]!, totals[i]!, totals[i]!])]));
  const results = computeEditionResults({ rules: rulesFor('xinyang-2022'), framework: gbt, applicants: a, ...input });
  const base: CommitteeRecords = { editionId: 'e', results, vote: TWO_THIRDS, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null };
  const allPass = ['id-XY-01', 'id-XY-02', 'id-XY-03', 'id-XY-04', 'id-XY-05'].map((id) => tally(id, 9, 7));

  it('leaves the tie to the committee: neither tied applicant is on the list or on the ballot', () => {
    const view = committeeView(base);
    expect(view.ties).toHaveLength(1);
    expect(refCodes(view.ties[0]!.applicants)).toEqual(['XY-02', 'XY-03']);
    expect(view.ties[0]).toMatchObject({ scope: 'cap', level: 'award', kind: 'unit', places: 1, settlement: null });
    expect(codes(view.ballot!.candidates)).toEqual(['XY-01', 'XY-04', 'XY-05']);
    expect(view.awardList.state).toBe('pending');
    expect(view.awardList.pending.map((p) => p.zh)).toEqual([
      'XY-02、XY-03 在市长质量奖名额线上并列（剩 1 个名额），请记录评委会的决定。',
      '尚未录入 XY-01、XY-04、XY-05 的无记名投票结果。',
    ]);
  });

  it('places the settled tie in the committee order: the first takes the award, the second the first nomination', () => {
    const view = committeeView({ ...base, settlements: [settlement(['id-XY-03', 'id-XY-02'])], tallies: allPass });
    expect(view.ties[0]!.settlement?.id).toBe('s-id-XY-03-id-XY-02');
    const list = view.awardList;
    expect(list.entries.map((e) => [e.applicant.code, e.level, e.place, e.rank])).toEqual([
      ['XY-01', 'award', 1, 1],
      ['XY-03', 'award', 2, 2],
      ['XY-02', 'nomination', 1, 3],
      ['XY-04', 'nomination', 2, 4],
      ['XY-05', 'nomination', 3, 5],
    ]);
    expect(list.entries[1]!.basis.zh).toBe(
      '综合排名第 2 名（加权总分 750.00），列入市长质量奖候选名单；名额线上并列，经第二次评委会全体会议（评委会讨论）决定；无记名投票 9 人，同意 7 票（通过须 6 票）',
    );
    expect(list.entries[1]!.settlementId).toBe('s-id-XY-03-id-XY-02');
    expect(list.state).toBe('ready');
    expect(list.pending).toEqual([]);
  });

  it('a later settlement of the same tie replaces the earlier one', () => {
    const view = committeeView({ ...base, settlements: [settlement(['id-XY-03', 'id-XY-02']), { ...settlement(['id-XY-02', 'id-XY-03']), id: 'later' }], tallies: allPass });
    expect(view.awardList.entries.filter((e) => e.level === 'award').map((e) => e.applicant.code)).toEqual(['XY-01', 'XY-02']);
    expect(view.staleSettlements).toEqual([]);
  });

  it('drops a candidate the ballot does not pass and leaves its place empty', () => {
    const tallies = [...allPass.filter((t) => t.applicantId !== 'id-XY-04'), tally('id-XY-04', 9, 5)];
    const list = committeeView({ ...base, settlements: [settlement(['id-XY-03', 'id-XY-02'])], tallies }).awardList;
    expect(codes(list.entries)).toEqual(['XY-01', 'XY-03', 'XY-02', 'XY-05']);
    expect(list.excluded.map((x) => [x.applicant.code, x.level, x.tally.votesFor, x.tally.needed])).toEqual([['XY-04', 'nomination', 5, 6]]);
    expect(list.unfilled).toEqual({ award: { unit: 0, individual: 0 }, nomination: { unit: 1, individual: 0 } });
  });

  it('says a confirmation no longer matches once the list changes', () => {
    const records = { ...base, settlements: [settlement(['id-XY-03', 'id-XY-02'])], tallies: allPass };
    const confirmed = confirmation('award-list', snapshotOfList(committeeView(records).awardList.entries));
    expect(committeeView({ ...records, awardListConfirmation: confirmed }).awardList.state).toBe('confirmed');
    const recount = [...allPass.filter((t) => t.applicantId !== 'id-XY-05'), tally('id-XY-05', 9, 4)];
    const stale = committeeView({ ...records, tallies: recount, awardListConfirmation: confirmed }).awardList;
    expect(stale.state).toBe('stale');
    expect(stale.pending.map((p) => p.en)).toEqual(['The proposed award list changed after the committee confirmed it; have the committee confirm it again.']);
  });

  it('keeps a settlement of a tie the results no longer have, without applying it', () => {
    const view = committeeView({ ...base, settlements: [settlement(['id-XY-04', 'id-XY-05'], 'cap', 'nomination')], tallies: allPass });
    expect(view.staleSettlements.map((s) => s.order)).toEqual([['id-XY-04', 'id-XY-05']]);
    expect(view.ties[0]!.settlement).toBeNull();
  });

  it('without a ballot in the profile, the candidates are the list', () => {
    const list = committeeView({ ...base, vote: null, settlements: [settlement(['id-XY-02', 'id-XY-03'])] }).awardList;
    expect(list.state).toBe('ready');
    expect(list.entries.every((e) => e.tally === null)).toBe(true);
    expect(codes(list.entries)).toEqual(['XY-01', 'XY-02', 'XY-03', 'XY-04', 'XY-05']);
  });
});

/*
 * Hohhot draft, 3 go on to the site review: HH-03 and HH-04 share 700 at the cut, so all four go
 * on until the committee settles it.
 */
describe('the committee under the Hohhot draft: the shortlist and a tie at its cut', () => {
  const rules = rulesFor('hohhot-draft', { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 3, panelSize: { min: 3, max: 7 } });
  const a = ['HH-01', 'HH-02', 'HH-03', 'HH-04', 'HH-05'].map((c) => applicant(c));
  const material = [800, 780, 700, 700, 600];
  const input = collect(
    a.flatMap((x, i) => [
      panel(x, 'material', [material[i]!, material[i]!, material[i]!]),
      ...(i < 4 ? [panel(x, 'site', [700, 700, 700]), panel(x, 'defence', [700, 700, 700])] : []),
    ]),
  );
  const results: EditionResults = computeEditionResults({ rules, framework: gbt, applicants: a, ...input });
  const base: CommitteeRecords = { editionId: 'e', results, vote: null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null };

  it('asks for the shortlist to be confirmed before the list, and shows the tie at its cut', () => {
    const view = committeeView(base);
    expect(refCodes(view.shortlist!.applicants)).toEqual(['HH-01', 'HH-02', 'HH-03', 'HH-04']);
    expect(view.shortlist!.matches).toBeNull();
    expect(view.ties.map((t) => [t.scope, refCodes(t.applicants), t.places])).toEqual([['shortlist', ['HH-03', 'HH-04'], 1]]);
    expect(view.awardList.state).toBe('pending');
    expect(view.awardList.pending.map((p) => p.en)).toEqual(['The committee has not confirmed the shortlist; record its confirmation.']);
  });

  it('cuts the shortlist to the committee order, and the one left off is not on the award list', () => {
    const settled = { ...base, settlements: [settlement(['id-HH-04', 'id-HH-03'], 'shortlist', null)] };
    const view = committeeView(settled);
    expect(refCodes(view.shortlist!.applicants)).toEqual(['HH-01', 'HH-02', 'HH-04']);
    const confirmed = committeeView({ ...settled, shortlistConfirmation: confirmation('shortlist', view.shortlist!.applicants.map((x) => ({ applicantId: x.id, level: null }))) });
    expect(confirmed.shortlist!.matches).toBe(true);
    expect(confirmed.awardList.state).toBe('ready');
    expect(codes(confirmed.awardList.entries)).toEqual(['HH-01', 'HH-02', 'HH-04']);
  });

  it('says the shortlist confirmation no longer matches when the shortlist changes', () => {
    const old = confirmation('shortlist', ['id-HH-01', 'id-HH-02', 'id-HH-05'].map((applicantId) => ({ applicantId, level: null })));
    const view = committeeView({ ...base, shortlistConfirmation: old });
    expect(view.shortlist!.matches).toBe(false);
    expect(view.awardList.pending.map((p) => p.zh)).toEqual(['入围名单在评委会确认后有变化，请评委会重新确认。']);
  });
});

describe('the proposed award list, whatever the ranking', () => {
  const rules = rulesFor('xinyang-2022');
  // a ranking of units by totals alone, ranked 1, 2, 2, 4 like the results rank them
  const rankingOf = (totals: number[]): RankingEntry[] => {
    const sorted = [...totals].sort((x, y) => y - x);
    return sorted.map((t, i) => ({
      applicant: applicant(`A-${String(i).padStart(2, '0')}`),
      stageScores: {},
      weightedTotal: t,
      rank: sorted.indexOf(t) + 1,
      tied: sorted.filter((u) => u === t).length > 1,
      shortlisted: null,
    }));
  };
  const resultsOf = (ranking: RankingEntry[], eligible: EligibleLevels = new Map()): EditionResults => {
    const c = selectCandidates(rules, ranking, eligible);
    return { rules, stageResults: [], shortlist: null, ranking, candidates: { entries: c.entries, unfilled: c.unfilled }, flags: [], withdrawn: [] };
  };

  it('never exceeds a cap, places every settled tie, and lists no one below the floor', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(550, 600, 650, 700, 750), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (totals, seed) => {
        const results = resultsOf(rankingOf(totals));
        const base: CommitteeRecords = { editionId: 'e', results, vote: null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null };
        const records = settleEveryTie(base, seed);
        const list = committeeView(records).awardList;
        expect(list.pending).toEqual([]);
        expect(list.entries.filter((e) => e.level === 'award').length).toBeLessThanOrEqual(rules.caps.award.unit);
        expect(list.entries.filter((e) => e.level === 'nomination').length).toBeLessThanOrEqual(rules.caps.nomination.unit);
        expect(list.entries.every((e) => e.weightedTotal >= 600)).toBe(true);
        expect(new Set(list.entries.map((e) => e.applicant.id)).size).toBe(list.entries.length);
        // nobody ranked above an applicant on the list is left off it, unless at the same total
        const listed = new Set(list.entries.map((e) => e.applicant.id));
        const lowest = Math.min(...list.entries.map((e) => e.weightedTotal));
        for (const e of results.ranking) if ((e.weightedTotal ?? 0) > lowest) expect(listed.has(e.applicant.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('places no one at a level the eligibility check does not allow, however the committee settles the ties', () => {
    const levelsArb = fc.constantFrom<AwardLevel[] | null>(null, [], ['nomination'], ['award', 'nomination']);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(550, 600, 650, 700, 750), levelsArb), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (rows, seed) => {
        const ranking = rankingOf(rows.map(([t]) => t));
        // rankingOf sorts by total: give each entry the levels of a row with its total, in turn
        const pool = new Map<number, (AwardLevel[] | null)[]>();
        for (const [t, l] of rows) pool.set(t, [...(pool.get(t) ?? []), l]);
        const eligible = new Map(ranking.flatMap((e) => {
          const l = pool.get(e.weightedTotal!)!.shift()!;
          return l ? [[e.applicant.id, l] as const] : [];
        }));
        const records = settleEveryTie({ editionId: 'e', results: resultsOf(ranking, eligible), vote: null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null }, seed);
        const list = committeeView(records).awardList;
        expect(list.pending).toEqual([]);
        for (const e of list.entries) expect(eligible.get(e.applicant.id) ?? ['award', 'nomination']).toContain(e.level);
        for (const x of list.passedOver) expect(eligible.get(x.applicant.id) ?? ['award', 'nomination']).not.toContain(x.level);
        expect(list.entries.filter((e) => e.level === 'award').length).toBeLessThanOrEqual(rules.caps.award.unit);
        expect(list.entries.filter((e) => e.level === 'nomination').length).toBeLessThanOrEqual(rules.caps.nomination.unit);
        expect(new Set(list.entries.map((e) => e.applicant.id)).size).toBe(list.entries.length);
      }),
      { numRuns: 200 },
    );
  });
});

/*
 * Xinyang 2022 again, without the ballot: XY-01 ranks first but the eligibility check found it
 * eligible for the nomination only; XY-02 to XY-05 for the award.
 */
describe('the proposed award list under the levels the eligibility check allows', () => {
  const a = ['XY-01', 'XY-02', 'XY-03', 'XY-04', 'XY-05'].map((c) => applicant(c));
  const totals = [800, 750, 700, 650, 620];
  const input = collect(a.flatMap((x, i) => [panel(x, 'material', [totals[i]!, totals[i]!, totals[i]!]), panel(x, 'site', [totals[i]!, totals[i]!, totals[i]!])]));
  const eligibleLevels = new Map(a.map((x, i) => [x.id, placeableLevels(i === 0 ? 'nomination' : 'award')]));
  const results = computeEditionResults({ rules: rulesFor('xinyang-2022'), framework: gbt, applicants: a, ...input, eligibleLevels });
  const view = committeeView({ editionId: 'e', results, vote: null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null });

  it('gives the award places to the next two eligible for it, and the first-ranked the first nomination place', () => {
    const list = view.awardList;
    expect(list.entries.map((e) => [e.applicant.code, e.level, e.place])).toEqual([
      ['XY-02', 'award', 1],
      ['XY-03', 'award', 2],
      ['XY-01', 'nomination', 1],
      ['XY-04', 'nomination', 2],
      ['XY-05', 'nomination', 3],
    ]);
    expect(list.unfilled).toEqual({ award: { unit: 0, individual: 0 }, nomination: { unit: 0, individual: 0 } });
  });

  it('says in the basis, and beside the list, why the first-ranked is not an award candidate', () => {
    const first = view.awardList.entries.find((e) => e.applicant.code === 'XY-01')!;
    expect(first.basis.zh).toBe('综合排名第 1 名（加权总分 800.00），列入提名奖候选名单；资格审核仅认定其符合提名奖申报条件，未列入市长质量奖候选名单');
    expect(first.basis.en).toContain('the eligibility check found it eligible for the nomination only, so it is not a candidate for the award');
    expect(view.awardList.passedOver).toEqual([
      {
        applicant: a[0],
        level: 'award',
        reason: {
          zh: '综合排名第 1 名（加权总分 800.00），在市长质量奖名额内，但资格审核仅认定其符合提名奖申报条件，不列入市长质量奖候选名单，该名额由排名其后、符合条件的申报单位获得',
          en: 'ranked 1 (weighted total 800.00), within the award places, but the eligibility check found it eligible for the nomination only: it is not a candidate for the award, and the place goes to the next eligible applicant',
        },
      },
    ]);
    expect(view.awardList.entries.filter((e) => e.applicant.code !== 'XY-01').every((e) => !e.basis.zh.includes('资格审核'))).toBe(true);
  });
});
