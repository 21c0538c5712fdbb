/** The words of the proposed award list (拟奖名单), in Chinese and English. */
import type { Localized } from '../domain/localized.js';
import { citeZh } from './book-title.js';

export const AL = {
  resolution: (regulation: Localized, heldOn: string, meeting: string): Localized => ({
    zh: `依据${citeZh(regulation.zh)}，评委会于${heldOn}召开${meeting}，审议评审结果，确定拟奖名单如下。`,
    en: `Under the ${regulation.en}, the committee reviewed the results at its ${meeting} on ${heldOn} and settled the proposed award list below.`,
  }),
  unconfirmed: {
    zh: '本名单尚未经评委会确认，仅供评委会审议。',
    en: 'The committee has not confirmed this list; it is for the committee to review.',
  },
  ballotRule: (numerator: number, denominator: number): Localized => ({
    zh: `候选单位经评委会无记名投票，得票数达到投票人数的 ${numerator}/${denominator}（含）以上方列入名单；未获通过的，名额空缺，不递补。`,
    en: `Each candidate was put to the committee's secret ballot and is listed only with at least ${numerator}/${denominator} of the voters' votes; a place a candidate did not win stays empty and is not passed on.`,
  }),
  heading: (level: Localized, kind: Localized, cap: number, empty: number): Localized => ({
    zh: `${level.zh}（${kind.zh}，名额 ${cap} 个${empty > 0 ? `，空缺 ${empty} 个` : ''}）`,
    en: `${level.en} (${kind.en}, ${cap} place${cap === 1 ? '' : 's'}${empty > 0 ? `, ${empty} left empty` : ''})`,
  }),
  level: {
    award: { zh: '市长质量奖', en: 'Award' },
    nomination: { zh: '市长质量奖提名奖', en: 'Nomination' },
  },
  kind: { unit: { zh: '单位', en: 'organisations' }, individual: { zh: '个人', en: 'individuals' } },
  place: { zh: '序号', en: 'No.' },
  total: { zh: '综合得分', en: 'Total' },
  rank: { zh: '排名', en: 'Rank' },
  basis: { zh: '依据', en: 'Basis' },
  excludedTitle: { zh: '未获表决通过的候选单位', en: 'Candidates the ballot did not pass' },
  votes: (votesFor: number, voters: number, needed: number): Localized => ({
    zh: `投票 ${voters} 人，同意 ${votesFor} 票，通过须 ${needed} 票`,
    en: `${votesFor} of ${voters} voters for, ${needed} needed`,
  }),
  passedOverTitle: { zh: '因资格审核未列入相应奖项的单位', en: 'Passed over for a level by the eligibility check' },
  passedOverLevel: { zh: '未列入', en: 'Not placed at' },
  reason: { zh: '理由', en: 'Reason' },
  meetingTitle: { zh: '评委会审议', en: 'The committee’s review' },
  meeting: { zh: '会议', en: 'Meeting' },
  heldOn: { zh: '日期', en: 'Date' },
  confirmedBy: { zh: '确认', en: 'Confirmed by' },
  note: { zh: '备注', en: 'Note' },
};
