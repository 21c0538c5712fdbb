import { describe, expect, it } from 'vitest';
import { computeEditionResults, type EditionResults } from '../../../src-main/scoring/results.js';
import { applicant, collect, gbt, panel, rulesFor } from '../helpers/edition.js';

/*
 * Xinyang 2022: material 30 %, site 70 % (art. 19); a total of 600 of 1000 or more qualifies
 * (art. 19), for the award and the nomination alike; at most 2 awards and 3 nominations
 * (art. 5); panels of 3–7 experts (art. 9). The defence is held before the committee and
 * decided by secret ballot (art. 21), so it carries no score here.
 */
const rules = rulesFor('xinyang-2022');

const status = (r: EditionResults): Record<string, string> =>
  Object.fromEntries(r.candidates.entries.map((e) => [e.applicantId.replace('id-', ''), e.status]));

describe('Xinyang 2022, worked by hand', () => {
  /*
   * XY-01 material (780 + 800 + 820) / 3 = 800, site 780 → 240 + 546 = 786
   * XY-02 material 700, site 750 → 210 + 525 = 735
   * XY-03 material 760, site 720 → 228 + 504 = 732
   * XY-04 material 600, site 620 → 180 + 434 = 614; site panel of 4 with 2 recused → undersized
   * XY-08 material 600, site 600 → 600, exactly the floor: qualifies
   * XY-06 material 650, site 575 → 195 + 402.5 = 597.5 → below 600
   * XY-07 material 500, site 600 → 150 + 420 = 570 → below 600
   */
  const codes = ['XY-01', 'XY-02', 'XY-03', 'XY-04', 'XY-06', 'XY-07', 'XY-08'];
  const a = codes.map((c) => applicant(c));
  const scores: Record<string, [number[], number[]]> = {
    'XY-01': [[780, 800, 820], [780, 780, 780]],
    'XY-02': [[700, 700, 700], [750, 750, 750]],
    'XY-03': [[760, 760, 760], [720, 720, 720]],
    'XY-04': [[600, 600, 600], [620, 620]],
    'XY-06': [[650, 650, 650], [575, 575, 575]],
    'XY-07': [[500, 500, 500], [600, 600, 600]],
    'XY-08': [[600, 600, 600], [600, 600, 600]],
  };
  const input = collect(
    a.flatMap((x) => {
      const [material, site] = scores[x.code]!;
      return [
        panel(x, 'material', material),
        panel(x, 'site', site, x.code === 'XY-04' ? { recused: ['site-r1', 'site-r2'] } : {}),
      ];
    }),
  );
  const results = computeEditionResults({ rules, framework: gbt, applicants: a, ...input });

  it('weights material 30 % and site 70 %', () => {
    expect(results.ranking.map((e) => [e.applicant.code, e.weightedTotal, e.rank])).toEqual([
      ['XY-01', 786, 1],
      ['XY-02', 735, 2],
      ['XY-03', 732, 3],
      ['XY-04', 614, 4],
      ['XY-08', 600, 5],
      ['XY-06', 597.5, 6],
      ['XY-07', 570, 7],
    ]);
    expect(results.ranking.every((e) => e.shortlisted === null)).toBe(true);
    expect(results.shortlist).toBeNull();
  });

  it('gives 2 awards and 3 nominations, all at 600 or more, and nobody below 600', () => {
    expect(status(results)).toEqual({
      'XY-01': 'award',
      'XY-02': 'award',
      'XY-03': 'nomination',
      'XY-04': 'nomination',
      'XY-08': 'nomination',
      'XY-06': 'below-floor',
      'XY-07': 'below-floor',
    });
    expect(results.candidates.unfilled.award.unit).toBe(0);
    expect(results.candidates.unfilled.nomination.unit).toBe(0);
  });

  it('flags the site panel that recusals left with 2 of the 3 experts art. 9 requires', () => {
    expect(results.flags).toHaveLength(1);
    expect(results.flags[0]).toMatchObject({ code: 'undersized-panel', applicantId: 'id-XY-04', stage: 'site' });
    expect(results.flags[0]?.detail.zh).toBe('XY-04 现场评审：回避后评审组只剩 2 人，少于最少 3 人；请增派专家。');
  });

  it('leaves places empty when too few reach 600', () => {
    // XY-A 650 in both stages → 650; XY-B 590 in both → 590 < 600
    const [x, y] = [applicant('XY-A'), applicant('XY-B')];
    const few = computeEditionResults({
      rules,
      framework: gbt,
      applicants: [x, y],
      ...collect([
        panel(x, 'material', [650, 650, 650]),
        panel(x, 'site', [650, 650, 650]),
        panel(y, 'material', [590, 590, 590]),
        panel(y, 'site', [590, 590, 590]),
      ]),
    });
    expect(status(few)).toEqual({ 'XY-A': 'award', 'XY-B': 'below-floor' });
    expect(few.candidates.unfilled).toEqual({ award: { unit: 1, individual: 0 }, nomination: { unit: 3, individual: 0 } });
  });
});
