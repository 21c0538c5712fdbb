import { describe, expect, it } from 'vitest';
import { conflictHints, sameApplicant, type EarlierMeeting } from '../../../src-main/rules/conflict-hints.js';
import { isCreditCode } from '../../../src-main/domain/values.js';

const expert = { expertId: 'x', organisation: '无锡澄光精密机械有限公司', creditCode: null };
const applicant = { applicantId: 'a', name: '无锡澄光精密机械有限公司', creditCode: '91320211MA1W8Q8A0W' };
const edition = { year: 2026, recentYears: 3 };
const met = (over: Partial<EarlierMeeting>): EarlierMeeting => ({ editionName: '2024年度无锡', year: 2024, applicantName: '无锡澄光精密机械有限公司', creditCode: null, kind: 'reviewed', reason: '', ...over });

describe('conflict suggestions', () => {
  it('warn where the expert works for the applicant, by name or by 统一社会信用代码', () => {
    expect(conflictHints(expert, applicant, [], edition).map((h) => h.basis)).toEqual(['organisation']);
    expect(conflictHints({ ...expert, organisation: '无锡澄光精密机械 有限公司' }, applicant, [], edition).map((h) => h.basis)).toEqual(['organisation']);
    const other = { ...expert, organisation: '澄光集团', creditCode: '91320211MA1W8Q8A0W' };
    expect(conflictHints(other, applicant, [], edition)).toMatchObject([{ basis: 'credit-code', reason: { zh: expect.stringContaining('91320211MA1W8Q8A0W') } }]);
    expect(conflictHints({ ...expert, organisation: '江南大学' }, applicant, [], edition)).toEqual([]);
  });

  it('warn where the expert reviewed the same applicant within the profile\'s recent years, not before', () => {
    const far = { ...expert, organisation: null };
    expect(conflictHints(far, applicant, [met({})], edition).map((h) => h.basis)).toEqual(['reviewed-before']);
    expect(conflictHints(far, applicant, [met({ year: 2022 })], edition)).toEqual([]);
    // the same name under another credit code is another organisation
    expect(conflictHints(far, applicant, [met({ creditCode: '91320200135914527T' })], edition)).toEqual([]);
  });

  it('warn where the expert declared a conflict with it before, however long ago, with that reason', () => {
    const hints = conflictHints({ ...expert, organisation: null }, applicant, [met({ kind: 'declared', year: 2015, reason: '曾任该公司顾问' })], edition);
    expect(hints).toMatchObject([{ basis: 'declared-before', reason: { zh: expect.stringContaining('曾任该公司顾问') } }]);
  });

  it('match applicants across editions by credit code where both have one, else by name', () => {
    expect(sameApplicant({ name: '甲公司', creditCode: '91320211MA1W8Q8A0W' }, { name: '甲公司（更名）', creditCode: '91320211MA1W8Q8A0W' })).toBe(true);
    expect(sameApplicant({ name: '甲公司（无锡）', creditCode: null }, { name: '甲公司(无锡)', creditCode: '91320211MA1W8Q8A0W' })).toBe(true);
  });

  it('read a 统一社会信用代码 only with its check character', () => {
    expect(isCreditCode('91320211MA1W8Q8A0W')).toBe(true);
    expect(isCreditCode('91320211MA1W8Q8A0X')).toBe(false);
    expect(isCreditCode('91320211MA1W8Q8A0')).toBe(false);
  });
});
