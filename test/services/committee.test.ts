import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPingshenError } from '../../src-main/domain/errors.js';
import { scoredEdition, type Scored } from './committee-fixtures.js';

/**
 * Issue 10, the committee's decision, through a real store: what the clerk records after the
 * meeting, what the app refuses and why, and the proposed award list it then shows.
 */

async function refusal(fn: () => unknown): Promise<{ code: string; zh: string; en: string }> {
  try {
    await fn();
  } catch (e) {
    if (isPingshenError(e)) return { code: e.code, zh: e.localized.zh, en: e.localized.en };
    throw e;
  }
  throw new Error('expected a refusal');
}

const MEETING = { heldOn: '2026-11-20', meeting: '第二次评委会全体会议' };
const codes = (xs: { applicant: { code: string } }[]) => xs.map((x) => x.applicant.code);

/*
 * Xinyang 2022 (2 awards, 3 nominations, total ≥ 600, ballot ≥ 2/3): XY-01 800; XY-02 and XY-03
 * 700 in both stages, fully tied for the one award place left; XY-04 650; XY-05 550, below the floor.
 */
describe('the committee of a Xinyang edition: a tie at the award cap and the secret ballot', () => {
  let r: Scored;
  const id = (code: string) => r.applicants[code]!.id;
  const tally = (code: string, votesFor: number, rest: { voters?: number; votesAgainst?: number; abstentions?: number; invalid?: number } = {}) => {
    const voters = rest.voters ?? 9;
    return { editionId: r.editionId, ...MEETING, applicantId: id(code), voters, votesFor, votesAgainst: rest.votesAgainst ?? voters - votesFor, abstentions: rest.abstentions ?? 0, invalid: rest.invalid ?? 0 };
  };
  beforeAll(async () => {
    const both = (p: number): { material: [number, number, number]; site: [number, number, number] } => ({ material: [p, p, p], site: [p, p, p] });
    r = await scoredEdition({ profileId: 'xinyang-2022', percents: { 'XY-01': both(80), 'XY-02': both(70), 'XY-03': both(70), 'XY-04': both(65), 'XY-05': both(55) } });
  }, 120_000);
  afterAll(() => r.cleanup());

  it('shows the tie, and leaves the tied applicants off the ballot and the list until the committee settles it', () => {
    const view = r.sec.committee.get({ editionId: r.editionId });
    expect(view.shortlist).toBeNull();
    expect(view.ties.map((t) => [t.scope, t.level, t.places, t.applicants.map((a) => a.code)])).toEqual([['cap', 'award', 1, ['XY-02', 'XY-03']]]);
    expect(codes(view.ballot!.candidates)).toEqual(['XY-01', 'XY-04']);
    expect(view.awardList.state).toBe('pending');
  });

  it('refuses a settlement that does not name the tie, and a confirmation while the list is pending', async () => {
    const wrong = await refusal(() =>
      r.sec.committee.settleTie({ editionId: r.editionId, ...MEETING, scope: 'cap', order: [id('XY-02'), id('XY-04')], method: '评委会讨论', settledBy: '主任委员', reason: '答辩表现' }),
    );
    expect(wrong.code).toBe('committee.no-such-tie');
    expect(wrong.zh).toContain('当前并列的是：XY-02、XY-03');
    const early = await refusal(() => r.sec.committee.confirmList({ editionId: r.editionId, ...MEETING, confirmedBy: '评委会', note: null }));
    expect(early.code).toBe('committee.list-pending');
    expect(early.zh).toContain('XY-02、XY-03 在市长质量奖名额线上并列');
    expect(r.sec.committee.get({ editionId: r.editionId }).ties[0]!.settlement).toBeNull();
  });

  it('places the tied applicants in the order the committee decided, and says so', () => {
    const view = r.sec.committee.settleTie({ editionId: r.editionId, ...MEETING, scope: 'cap', order: [id('XY-03'), id('XY-02')], method: '评委会讨论后举手表决', settledBy: '主任委员 陈副市长', reason: 'XY-03 的现场展示更充分' });
    const tie = view.ties[0]!;
    expect(tie.settlement).toMatchObject({ level: 'award', kind: 'unit', method: '评委会讨论后举手表决', settledBy: '主任委员 陈副市长', reason: 'XY-03 的现场展示更充分' });
    expect(view.ballot!.candidates.map((c) => [c.applicant.code, c.level])).toEqual([
      ['XY-01', 'award'],
      ['XY-03', 'award'],
      ['XY-02', 'nomination'],
      ['XY-04', 'nomination'],
    ]);
  });

  it('refuses a count that does not add up, or of an applicant not on the ballot, and changes nothing', async () => {
    const miscount = await refusal(() => r.sec.committee.recordTally(tally('XY-01', 7, { votesAgainst: 1 })));
    expect(miscount.code).toBe('committee.bad-tally');
    expect(miscount.zh).toBe('XY-01 的计票有误：同意、不同意、弃权和无效票合计 8 张，与投票人数 9 不符。请核对后重新录入，未做任何更改。');
    expect((await refusal(() => r.sec.committee.recordTally(tally('XY-05', 9)))).code).toBe('committee.not-a-candidate');
    expect(r.sec.committee.get({ editionId: r.editionId }).ballot!.candidates.every((c) => c.tally === null)).toBe(true);
  });

  it('judges each count against two thirds of the voters, included, and leaves a failed place empty', () => {
    r.sec.committee.recordTally(tally('XY-01', 9));
    r.sec.committee.recordTally(tally('XY-03', 6));
    r.sec.committee.recordTally(tally('XY-02', 6, { voters: 10, votesAgainst: 3, invalid: 1 }));
    const view = r.sec.committee.recordTally(tally('XY-04', 8, { voters: 12 }));
    const list = view.awardList;
    expect(list.entries.map((e) => [e.applicant.code, e.level, e.place, e.tally?.needed])).toEqual([
      ['XY-01', 'award', 1, 6],
      ['XY-03', 'award', 2, 6],
      ['XY-04', 'nomination', 1, 8],
    ]);
    expect(list.excluded.map((x) => [x.applicant.code, x.tally.votesFor, x.tally.voters, x.tally.needed])).toEqual([['XY-02', 6, 10, 7]]);
    expect(list.unfilled.nomination.unit).toBe(2);
    expect(list.state).toBe('ready');
    expect(r.sec.committee.awardList({ editionId: r.editionId })).toEqual(list);
  });

  it('confirms the list, and says the confirmation no longer matches after a recount', () => {
    const confirmed = r.sec.committee.confirmList({ editionId: r.editionId, ...MEETING, confirmedBy: '评委会主任委员 陈副市长', note: '全体会议通过' }).awardList;
    expect(confirmed.state).toBe('confirmed');
    expect(confirmed.confirmation).toMatchObject({ confirmedBy: '评委会主任委员 陈副市长', note: '全体会议通过', heldOn: '2026-11-20' });
    const recount = r.sec.committee.recordTally(tally('XY-02', 7, { voters: 10, votesAgainst: 2, invalid: 1 })).awardList;
    expect(recount.state).toBe('stale');
    expect(codes(recount.entries)).toEqual(['XY-01', 'XY-03', 'XY-02', 'XY-04']);
    expect(recount.pending.map((p) => p.zh)).toEqual(['拟奖名单在评委会确认后有变化，请评委会重新确认。']);
    const actions = r.sec.store.auditLog({}).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['committee.settle-tie', 'committee.record-tally', 'committee.confirm-award-list']));
  });
});

/*
 * Hohhot draft, 2 go on to the site review; only the material review is in: HH-01 (90, 50, 50)
 * → 633.33, HH-02 600, HH-03 550. A recusal imposed on the expert who gave HH-01 90 % brings it
 * to 500 and off the shortlist.
 */
describe('the committee of a Hohhot edition: the shortlist, and no ballot', () => {
  let r: Scored;
  beforeAll(async () => {
    r = await scoredEdition({
      profileId: 'hohhot-draft',
      settings: { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 2, panelSize: { min: 2, max: 7 } },
      percents: { 'HH-01': { material: [90, 50, 50] }, 'HH-02': { material: [60, 60, 60] }, 'HH-03': { material: [55, 55, 55] } },
    });
  }, 120_000);
  afterAll(() => r.cleanup());

  it('records the confirmation of the shortlist as it stood', () => {
    const view = r.sec.committee.confirmShortlist({ editionId: r.editionId, ...MEETING, confirmedBy: '市质量强市领导小组', note: null });
    expect(view.shortlist!.applicants.map((a) => a.code)).toEqual(['HH-01', 'HH-02']);
    expect(view.shortlist!.matches).toBe(true);
    expect(view.shortlist!.confirmation).toMatchObject({ confirmedBy: '市质量强市领导小组', snapshot: [{ applicantId: r.applicants['HH-01']!.id, level: null }, { applicantId: r.applicants['HH-02']!.id, level: null }] });
  });

  it('says the confirmation no longer matches once a correction changes the shortlist, and takes a new one', () => {
    r.sec.declarations.impose({ expertId: r.experts[0]!.id, applicantId: r.applicants['HH-01']!.id, reason: '该专家近三年曾为该单位提供咨询' });
    const view = r.sec.committee.get({ editionId: r.editionId });
    expect(view.shortlist!.applicants.map((a) => a.code)).toEqual(['HH-02', 'HH-03']);
    expect(view.shortlist!.matches).toBe(false);
    expect(view.awardList.pending.map((p) => p.en)).toContain('The shortlist changed after the committee confirmed it; have the committee confirm it again.');
    expect(r.sec.committee.confirmShortlist({ editionId: r.editionId, ...MEETING, heldOn: '2026-11-27', confirmedBy: '市质量强市领导小组', note: '回避后重新确认' }).shortlist!.matches).toBe(true);
  });

  it('takes no ballot count where the regulation has no vote', async () => {
    const no = await refusal(() =>
      r.sec.committee.recordTally({ editionId: r.editionId, ...MEETING, applicantId: r.applicants['HH-02']!.id, voters: 9, votesFor: 9, votesAgainst: 0, abstentions: 0, invalid: 0 }),
    );
    expect(no.code).toBe('committee.no-vote');
    expect(no.zh).toContain('评委会的决定以确认拟奖名单记录');
  });

  it('goes with its edition when the edition is deleted, its two confirmations with it', async () => {
    const { deleted } = await r.sec.editions.delete({ editionId: r.editionId, confirmName: '2026年度市长质量奖' });
    expect(deleted).toMatchObject({ committee_confirmations: 2, committee_settlements: 0, committee_tallies: 0 });
  });
});
