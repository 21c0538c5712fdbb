import { describe, expect, it } from 'vitest';
import type { BallotTally, Confirmation } from '../../src-main/domain/committee.js';
import { reportEdition } from '../../src-main/report/assemble.js';
import type { AwardListInput } from '../../src-main/report/types.js';
import { ballotOutcome } from '../../src-main/rules/committee-vote.js';
import { committeeView, snapshotOfList, type CommitteeRecords } from '../../src-main/scoring/committee.js';
import { xinyang, xinyangResults } from './fixtures.js';
import { render } from './pdf.js';

const MEETING = { heldOn: '2024-11-20', meeting: '第二次评委会全体会议' };
const vote = { numerator: 2, denominator: 3 };

function tally(applicantId: string, voters: number, votesFor: number): BallotTally {
  const t = { applicantId, voters, votesFor, votesAgainst: voters - votesFor, abstentions: 0, invalid: 0, recordedAt: '2024-11-20T10:00:00+08:00', ...MEETING };
  return { ...t, ...ballotOutcome(t, vote) };
}

const records: CommitteeRecords = {
  editionId: xinyang.id,
  results: xinyangResults,
  vote,
  settlements: [],
  // XY2024-03 gets 5 of 9, one short of the 6 it needs
  tallies: [tally('xy-1', 9, 9), tally('xy-2', 9, 7), tally('xy-3', 9, 5), tally('xy-4', 9, 6)],
  shortlistConfirmation: null,
  awardListConfirmation: null,
};

function input(r: CommitteeRecords): AwardListInput {
  const { editionId: _e, ...list } = committeeView(r).awardList;
  return { report: 'award-list', edition: reportEdition(xinyang), caps: xinyangResults.rules.caps, list };
}

const confirmed = (): CommitteeRecords => {
  const entries = committeeView(records).awardList.entries;
  const c: Confirmation = { id: 'c1', subject: 'award-list', confirmedBy: '评委会主任委员 陈某', note: '全体会议通过', snapshot: snapshotOfList(entries), recordedAt: '2024-11-20T11:00:00+08:00', ...MEETING };
  return { ...records, awardListConfirmation: c };
};

describe('proposed award list (拟奖名单)', () => {
  it('prints the committee resolution with the list per level, the ballot as basis and the place left empty', async () => {
    const r = await render(input(confirmed()), 'zh');
    expect(r.all).toContain('拟奖名单');
    expect(r.all).toContain('依据《信阳市市长质量奖管理办法》（信政文〔2022〕49号），评委会于2024年11月20日召开第二次评委会全体会议，审议评审结果，确定拟奖名单如下。');
    expect(r.all).toContain('得票数达到投票人数的2/3（含）以上方列入名单；未获通过的，名额空缺，不递补。');
    expect(r.all).toContain('市长质量奖（单位，名额2个）');
    expect(r.all).toContain('1XY2024-01信阳毛尖集团有限公司834.001综合排名第1名（加权总分834.00），列入市长质量奖候选名单；无记名投票9人，同意9票（通过须6票）');
    expect(r.all).toContain('市长质量奖提名奖（单位，名额3个，空缺2个）');
    expect(r.all).toContain('1XY2024-04潢川县华英农业发展有限公司633.004');
    expect(r.all).toContain('未获表决通过的候选单位');
    expect(r.all).toContain('XY2024-03信阳市中心医院市长质量奖提名奖投票9人，同意5票，通过须6票');
    expect(r.all).toContain('会议第二次评委会全体会议');
    expect(r.all).toContain('确认评委会主任委员陈某');
    expect(r.all).toContain('备注全体会议通过');
    expect(r.all).not.toContain('草稿');
    expect(r.all).not.toContain('暂定');
  });

  it('prints an unconfirmed list as a draft for the committee', async () => {
    const r = await render(input(records), 'zh');
    expect(r.all).toContain('本名单尚未经评委会确认，仅供评委会审议。');
    expect(r.all).toContain('草稿');
    expect(r.all).not.toContain('确定拟奖名单如下');
  });

  it('prints a list with counts missing as provisional, saying what is missing', async () => {
    const r = await render(input({ ...records, tallies: records.tallies.slice(0, 2) }), 'zh');
    expect(r.all).toContain('暂定');
    expect(r.all).toContain('尚未录入XY2024-03、XY2024-04的无记名投票结果。');
  });

  it('prints, in the basis and apart from the list, why a first-ranked applicant eligible for the nomination only is not on it at the award', async () => {
    const results = { ...xinyangResults, candidates: { ...xinyangResults.candidates, entries: xinyangResults.candidates.entries.map((c) => (c.applicantId === 'xy-1' ? { ...c, levels: ['nomination' as const] } : c)) } };
    const r = await render(input({ ...records, results, tallies: ['xy-1', 'xy-2', 'xy-3', 'xy-4'].map((id) => tally(id, 9, 8)) }), 'zh');
    expect(r.all).toContain('1XY2024-02河南羚锐制药股份有限公司767.002综合排名第2名');
    expect(r.all).toContain('2XY2024-03信阳市中心医院700.003');
    expect(r.all).toContain('1XY2024-01信阳毛尖集团有限公司834.001综合排名第1名（加权总分834.00），列入提名奖候选名单；资格审核仅认定其符合提名奖申报条件，未列入市长质量奖候选名单');
    expect(r.all).toContain('因资格审核未列入相应奖项的单位');
    expect(r.all).toContain('XY2024-01信阳毛尖集团有限公司市长质量奖综合排名第1名（加权总分834.00），在市长质量奖名额内，但资格审核仅认定其符合提名奖申报条件');
    const en = await render(input({ ...records, results, tallies: ['xy-1', 'xy-2', 'xy-3', 'xy-4'].map((id) => tally(id, 9, 8)) }), 'en');
    expect(en.all).toContain('Passedoverforalevelbytheeligibilitycheck');
  });

  it('has an English edition', async () => {
    const r = await render(input(confirmed()), 'en');
    expect(r.all).toContain('Proposedawardlist');
    expect(r.all).toContain('Award(organisations,2places)');
    expect(r.all).toContain('Nomination(organisations,3places,2leftempty)');
    expect(r.all).toContain('Candidatestheballotdidnotpass');
    expect(r.all).toContain('5of9votersfor,6needed');
  });
});
