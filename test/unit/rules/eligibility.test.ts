import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../src-main/catalog/profiles.js';
import { creditCodeCheck, idNumberCheck, isCreditCode, isIdCardNumber } from '../../../src-main/domain/values.js';
import type { AwardLevel } from '../../../src-main/domain/words.js';
import { conditionsFor, evaluateEligibility, standingBars, yearsAfter, type Answer, type PastRecord } from '../../../src-main/rules/eligibility.js';

/** Each city's conditions and bars as its regulation states them, worked by hand. */

const eligibility = (id: string) => getProfile(id).eligibility!;
const allMet = (id: string, kind: 'unit' | 'individual', level: AwardLevel, since = '2000-01-01'): Record<string, Answer> =>
  Object.fromEntries(conditionsFor(eligibility(id), kind, level).map((c) => [c.id, c.minYears ? since : true]));
const judge = (id: string, level: AwardLevel, answers: Record<string, Answer>, on: string, history: PastRecord[] = [], kind: 'unit' | 'individual' = 'unit') =>
  evaluateEligibility({ profile: eligibility(id), kind, level, answers, history, on });

describe('periods counted as 民法典 art. 201 counts them', () => {
  it('ends N years on, on the same day, or the month’s last day for 29 February', () => {
    expect(yearsAfter('2021-05-10', 5)).toBe('2026-05-10');
    expect(yearsAfter('2020-02-29', 1)).toBe('2021-02-28');
    expect(yearsAfter('2020-02-29', 4)).toBe('2024-02-29');
    expect(yearsAfter('2019-12-31', 3)).toBe('2022-12-31');
  });

  it('always lands N calendar years on, never before the start day of the month', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 20 }), (d, n) => {
        const day = d.toISOString().slice(0, 10);
        const end = yearsAfter(day, n);
        expect(Number(end.slice(0, 4))).toBe(Number(day.slice(0, 4)) + n);
        expect(end.slice(5, 7)).toBe(day.slice(5, 7));
        expect(Number(end.slice(8))).toBeLessThanOrEqual(Number(day.slice(8)));
        expect(Number.isNaN(Date.parse(end))).toBe(false);
      }),
    );
  });
});

describe('conditions per award level', () => {
  it('Hohhot: 5 years of operation for the award (art. 11(1)), 3 for the nomination (art. 12(1))', () => {
    const since = '2022-07-01';
    const award = judge('hohhot-draft', 'award', allMet('hohhot-draft', 'unit', 'award', since), '2026-06-30');
    expect(award.outcome).toBe('ineligible');
    expect(award.reasons.map((r) => r.zh)).toEqual([expect.stringMatching(/^不符合第十一条第（1）项：.*（至 2027-07-01 方满 5 年）$/)]);
    expect(award.conditions.filter((c) => c.state === 'unmet').map((c) => c.condition.id)).toEqual(['a-operating']);
    expect(judge('hohhot-draft', 'nomination', allMet('hohhot-draft', 'unit', 'nomination', since), '2025-06-30').outcome).toBe('ineligible');
    expect(judge('hohhot-draft', 'nomination', allMet('hohhot-draft', 'unit', 'nomination', since), '2025-07-01').outcome).toBe('eligible');
    expect(conditionsFor(eligibility('hohhot-draft'), 'unit', 'award')).toHaveLength(7);
    expect(conditionsFor(eligibility('hohhot-draft'), 'unit', 'nomination')).toHaveLength(4);
  });

  it('Wuxi (art. 10(2)), Xinyang (art. 12(1)) and Daqing (art. 10(1)): 3 years; Jinan (art. 10(1)): 5 years', () => {
    for (const [id, years] of [['wuxi-2024', 3], ['xinyang-2022', 3], ['daqing-2018', 3], ['jinan-2018', 5]] as const) {
      const answers = allMet(id, 'unit', 'award', '2020-03-15');
      expect(judge(id, 'award', answers, `${2020 + years}-03-14`).outcome, id).toBe('ineligible');
      expect(judge(id, 'award', answers, `${2020 + years}-03-15`).outcome, id).toBe('eligible');
      expect(judge(id, 'nomination', allMet(id, 'unit', 'nomination', '2020-03-15'), `${2020 + years}-03-15`).outcome, id).toBe('eligible');
    }
  });

  it('Jinan individuals: 10 years of quality work in the city (art. 12(2)), a checklist of their own', () => {
    const answers = allMet('jinan-2018', 'individual', 'award', '2016-09-01');
    expect(Object.keys(answers)).toEqual(['p-integrity', 'p-years', 'p-contribution', 'p-unit', 'p-record']);
    expect(judge('jinan-2018', 'award', answers, '2026-08-31', [], 'individual').outcome).toBe('ineligible');
    expect(judge('jinan-2018', 'award', answers, '2026-09-01', [], 'individual').outcome).toBe('eligible');
  });

  it('an unticked condition is open, a ticked-off one unmet with its article, and a year count is not a tick', () => {
    const answers = allMet('daqing-2018', 'unit', 'award');
    const { exports: _, ...open } = answers;
    expect(judge('daqing-2018', 'award', open, '2026-01-01')).toMatchObject({ outcome: 'open', reasons: [] });
    const unmet = judge('daqing-2018', 'award', { ...answers, exports: false }, '2026-01-01');
    expect(unmet.outcome).toBe('ineligible');
    expect(unmet.reasons[0]!.zh).toBe('不符合第十条第（八）项：出口产品检验检疫合格，无因质量问题被国外通报或退运');
    expect(unmet.reasons[0]!.en).toMatch(/^does not meet art\. 10\(8\)/);
    expect(judge('daqing-2018', 'award', { ...answers, registered: true }, '2026-01-01').conditions.find((c) => c.condition.id === 'registered')!.state).toBe('open');
  });
});

describe('re-application bars', () => {
  const revoked: PastRecord = { event: 'revoked', on: '2021-05-10', source: '2021 年撤销' };
  const fraud: PastRecord = { event: 'fraud', on: '2022-11-20', source: '2022 年申报' };

  it('Xinyang art. 33: a revoked award bars for 5 years, through the anniversary', () => {
    const p = eligibility('xinyang-2022');
    expect(standingBars(p, 'award', [revoked], '2026-05-10').map((b) => [b.bar.id, b.until])).toEqual([['revoked', '2026-05-10']]);
    expect(standingBars(p, 'award', [revoked], '2026-05-11')).toEqual([]);
    expect(standingBars(p, 'nomination', [revoked], '2021-05-10')).toHaveLength(1);
    // an event after the day judged on does not bar
    expect(standingBars(p, 'award', [revoked], '2021-05-09')).toEqual([]);
  });

  it('Xinyang art. 13(6): fraud bars for three years; Daqing art. 31: for four', () => {
    expect(standingBars(eligibility('xinyang-2022'), 'award', [fraud], '2025-11-20')).toHaveLength(1);
    expect(standingBars(eligibility('xinyang-2022'), 'award', [fraud], '2025-11-21')).toHaveLength(0);
    expect(standingBars(eligibility('daqing-2018'), 'award', [fraud], '2026-11-20')).toHaveLength(1);
    expect(standingBars(eligibility('daqing-2018'), 'award', [fraud], '2026-11-21')).toHaveLength(0);
  });

  it('Jinan art. 6: a winner of the award is barred for good; a nomination does not bar', () => {
    const won: PastRecord = { event: 'award', on: '2012-12-01', source: '2012 年获奖' };
    expect(standingBars(eligibility('jinan-2018'), 'award', [won], '2090-01-01')).toMatchObject([{ until: null }]);
    expect(standingBars(eligibility('jinan-2018'), 'nomination', [won], '2090-01-01')).toHaveLength(1);
    expect(standingBars(eligibility('jinan-2018'), 'award', [{ ...won, event: 'nomination' }], '2013-01-01')).toEqual([]);
  });

  it('Wuxi and Hohhot state no bar: a revocation does not bar a new application there', () => {
    for (const id of ['wuxi-2024', 'hohhot-draft']) expect(standingBars(eligibility(id), 'award', [revoked, fraud], '2023-01-01'), id).toEqual([]);
  });

  it('a standing bar makes an otherwise eligible applicant ineligible, with the article and the last day', () => {
    const e = judge('xinyang-2022', 'award', allMet('xinyang-2022', 'unit', 'award'), '2024-01-01', [revoked]);
    expect(e.outcome).toBe('ineligible');
    expect(e.reasons.map((r) => r.zh)).toEqual(['第三十三条：2021-05-10 奖励被撤销（2021 年撤销），至 2026-05-10 不得申报市长质量奖']);
  });
});

describe('check characters', () => {
  it('GB 32100-2015 credit codes and GB 11643-1999 ID numbers, as the standards’ own examples', () => {
    expect(isCreditCode('91320211MA1W8Q8A0W')).toBe(true);
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('440524188001010014')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(isIdCardNumber('11010519491231002x')).toBe(false);
    expect(isIdCardNumber('1101051949123100')).toBe(false);
  });

  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 });
  const creditChars = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), minLength: 17, maxLength: 17 });

  it('accepts every ID number carrying its check character, and catches any single changed character', () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (first, at, c) => {
        const id = first + idNumberCheck(first);
        expect(isIdCardNumber(id)).toBe(true);
        const typo = id.slice(0, at) + c + id.slice(at + 1);
        if (typo !== id && (at === 17 || c !== 'X')) expect(isIdCardNumber(typo)).toBe(false);
      }),
    );
  });

  it('accepts every credit code carrying its check character, and catches any single changed character', () => {
    fc.assert(
      fc.property(creditChars, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), (first, at, c) => {
        const code = first + creditCodeCheck(first);
        expect(isCreditCode(code)).toBe(true);
        const typo = code.slice(0, at) + c + code.slice(at + 1);
        if (typo !== code) expect(isCreditCode(typo)).toBe(false);
      }),
    );
  });
});
