import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotInput } from '../../src-main/report/assemble.js';
import { votesNeeded } from '../../src-main/rules/committee-vote.js';
import { applicants, results, wuxi, xinyang, xinyangApplicants, xinyangResults } from './fixtures.js';
import { render } from './pdf.js';

const input = () => ballotInput({ edition: xinyang, applicants: xinyangApplicants, results: xinyangResults })!;

describe('secret ballot (无记名投票表)', () => {
  it('states the two-thirds rule of Xinyang art. 21 and lists the candidates with empty boxes', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('评委会无记名投票表');
    expect(r.all).toContain('2024年度信阳市市长质量奖');
    expect(r.all).toContain('依据《信阳市市长质量奖管理办法》（信政文〔2022〕49号），评委会以无记名投票方式表决，得票数达到投票人数的三分之二（含）以上为通过。');
    expect(r.all).toContain('序号编号申报单位拟推荐同意不同意弃权');
    expect(r.all).toContain('1XY2024-01信阳毛尖集团有限公司奖项候选');
    expect(r.all).toContain('3XY2024-03信阳市中心医院提名奖候选');
    expect(r.all).toContain('4XY2024-04潢川县华英农业发展有限公司提名奖候选');
    expect(r.all).toContain('本表不填写投票人姓名');
  });

  it('leaves the number of voters and the votes needed as blanks, with a table of ⌈2N/3⌉', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('投票人数（N）：人');
    expect(r.all).toContain('通过所需票数（N×2/3，向上取整）：票');
    expect(r.all).toContain('投票人数N56789101112131415');
    expect(r.all).toContain('所需票数445667889101011');
    expect(r.all).toContain('所需票数121213141415161617181819');
    expect(r.all).toContain('监票人（签名）：');
    expect(r.all).toContain('计票人（签名）：');
  });

  it('has an English edition', async () => {
    const r = await render(input(), 'en');
    expect(r.all).toContain('Committeesecretballot');
    expect(r.all).toContain("acandidatepasseswithatleasttwothirdsofthevoters'votes");
    expect(r.all).toContain('Votesneededtopass(N×2/3,roundedup):');
    expect(r.all).toContain('Votesneeded445667889101011');
  });

  it('exists only for profiles that decide by vote', () => {
    expect(ballotInput({ edition: wuxi, applicants, results })).toBeNull();
  });

  it('counts the votes needed as the least number reaching the fraction', () => {
    expect(votesNeeded(9, { numerator: 2, denominator: 3 })).toBe(6);
    expect(votesNeeded(10, { numerator: 2, denominator: 3 })).toBe(7);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10 }), (voters, a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const v = votesNeeded(voters, { numerator, denominator });
        expect(v * denominator).toBeGreaterThanOrEqual(voters * numerator);
        expect((v - 1) * denominator).toBeLessThan(voters * numerator);
      }),
    );
  });
});
