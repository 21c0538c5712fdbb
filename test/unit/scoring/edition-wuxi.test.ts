import { describe, expect, it } from 'vitest';
import type { ApplicantRef } from '../../../src-main/domain/people.js';
import { computeEditionResults, type EditionResults } from '../../../src-main/scoring/results.js';
import { applicant, collect, gbt, panel, rulesFor, uniform } from '../helpers/edition.js';

/*
 * Wuxi 2024: material 30 %, site 50 %, defence 20 % (art. 11(5)); award ≥ 60 % of 1000 = 600,
 * nomination ≥ 50 % = 500 (art. 5(3)); at most 5 awards and 10 nominations (art. 3);
 * 20 go on to the site review and defence (art. 11(3)). Tie-break: site, material, defence, 4.7.
 */
const rules = rulesFor('wuxi-2024', { panelSize: { min: 1, max: 7 } });

const status = (r: EditionResults): Record<string, string> =>
  Object.fromEntries(r.candidates.entries.map((e) => [e.applicantId.replace('id-', ''), e.status]));

describe('Wuxi 2024, worked by hand', () => {
  /*
   * WX-01 material (700 + 700 + 800) / 3 = 733.33, site 700, defence 650
   *       30 × 733.33 + 50 × 700 + 20 × 650 = 21999.9 + 35000 + 13000 = 69999.9 → 699.999 → 700.00
   * WX-06 every stage 650 as process 55 % (330) + results 80 % (320) → 650, 4.7 mean 320
   * WX-07 every stage 650 as process 65 % (390) + results 65 % (260) → 650, 4.7 mean 260
   *       06 and 07 tie on total, site, material and defence; 4.7 decides: 06 before 07
   * WX-02 every stage 600 → 600.00, exactly the award floor
   * WX-03 material 600, site 600, defence 550 → 180 + 300 + 110 = 590 → nomination
   * WX-04 every stage 500 → 500.00, exactly the nomination floor
   * WX-05 every stage 495 (50 % with 4.4.6 at 0) → 495 → below the nomination floor
   */
  const [wx1, wx2, wx3, wx4, wx5, wx6, wx7] = [1, 2, 3, 4, 5, 6, 7].map((i) => applicant(`WX-0${i}`)) as [
    ApplicantRef, ApplicantRef, ApplicantRef, ApplicantRef, ApplicantRef, ApplicantRef, ApplicantRef,
  ];
  const a = [wx1, wx2, wx3, wx4, wx5, wx6, wx7];
  const low = uniform(50, 50, { '4.4.6': 0 });
  const input = collect([
    panel(wx1, 'material', [700, 700, 800]),
    panel(wx1, 'site', [700, 700, 700]),
    panel(wx1, 'defence', [650, 650]),
    ...(['material', 'site', 'defence'] as const).flatMap((stage) => [
      panel(wx2, stage, [600, 600, 600]),
      panel(wx3, stage, stage === 'defence' ? [550, 550] : [600, 600]),
      panel(wx4, stage, [500, 500]),
      panel(wx5, stage, [low, low]),
      panel(wx6, stage, [uniform(55, 80), uniform(55, 80)]),
      panel(wx7, stage, [uniform(65, 65), uniform(65, 65)]),
    ]),
  ]);
  const results = computeEditionResults({ rules, framework: gbt, applicants: a, ...input });

  it('weights the stages 30/50/20 and rounds what the committee sees to 2 decimals', () => {
    const wx1Entry = results.ranking.find((e) => e.applicant.code === 'WX-01')!;
    expect(wx1Entry.stageScores).toEqual({ material: 733.33, site: 700, defence: 650 });
    expect(wx1Entry.weightedTotal).toBe(700);
    expect(results.ranking.map((e) => [e.applicant.code, e.weightedTotal, e.rank])).toEqual([
      ['WX-01', 700, 1],
      ['WX-06', 650, 2],
      ['WX-07', 650, 3],
      ['WX-02', 600, 4],
      ['WX-03', 590, 5],
      ['WX-04', 500, 6],
      ['WX-05', 495, 7],
    ]);
  });

  it('breaks the 650 tie on the results category 4.7, so neither is reported tied', () => {
    expect(results.ranking.filter((e) => e.tied)).toEqual([]);
  });

  it('makes award candidates at ≥ 600 and nomination candidates at ≥ 500, leaving places empty', () => {
    expect(status(results)).toEqual({
      'WX-01': 'award',
      'WX-06': 'award',
      'WX-07': 'award',
      'WX-02': 'award',
      'WX-03': 'nomination',
      'WX-04': 'nomination',
      'WX-05': 'below-floor',
    });
    expect(results.candidates.unfilled).toEqual({
      award: { unit: 1, individual: 0 },
      nomination: { unit: 8, individual: 0 },
    });
  });

  it('lists everyone as shortlisted when fewer than 20 applied', () => {
    expect(results.shortlist).toEqual({ applicantIds: expect.any(Array), size: 20, tieAtCut: false });
    expect(results.shortlist?.applicantIds).toHaveLength(7);
    expect(results.ranking.every((e) => e.shortlisted === true)).toBe(true);
    expect(results.flags).toEqual([]);
  });
});

describe('Wuxi 2024: 20 go on after the material review (art. 11(3))', () => {
  /*
   * WX-i (i = 1..22) scores 900 − 10 i in the material review and 700 in site and defence.
   * WX-21 (690) and WX-22 (680) miss the cut of 20; they also have site and defence sheets,
   * which must not count. Weighted total of the others: 0.3 (900 − 10 i) + 490 = 760 − 3 i,
   * all above 600: ranks 1–5 award, 6–15 nomination (cap 10), 16–20 not placed.
   */
  const a = Array.from({ length: 22 }, (_, i) => applicant(`WX-${String(i + 1).padStart(2, '0')}`));
  const input = collect(
    a.flatMap((x, i) => [
      panel(x, 'material', [900 - 10 * (i + 1)]),
      panel(x, 'site', [700]),
      panel(x, 'defence', [700]),
    ]),
  );
  const results = computeEditionResults({ rules, framework: gbt, applicants: a, ...input });

  it('shortlists the top 20 by material score and gives the others no later-stage score', () => {
    expect(results.shortlist?.applicantIds).toHaveLength(20);
    expect(results.shortlist?.tieAtCut).toBe(false);
    const out = results.ranking.filter((e) => !e.shortlisted).map((e) => e.applicant.code);
    expect(out).toEqual(['WX-21', 'WX-22']);
    const wx21 = results.ranking.find((e) => e.applicant.code === 'WX-21')!;
    expect(wx21).toMatchObject({ weightedTotal: null, rank: null, stageScores: { material: 690, site: null, defence: null } });
    expect(results.stageResults.filter((r) => r.applicantId === 'id-WX-21').map((r) => r.stage)).toEqual(['material']);
  });

  it('fills 5 award and 10 nomination places and leaves the rest unplaced', () => {
    const codes = (s: string): string[] =>
      results.candidates.entries.filter((e) => e.status === s).map((e) => e.applicantId.replace('id-WX-', ''));
    expect(codes('award')).toEqual(['01', '02', '03', '04', '05']);
    expect(codes('nomination')).toEqual(['06', '07', '08', '09', '10', '11', '12', '13', '14', '15']);
    expect(codes('not-placed')).toEqual(['16', '17', '18', '19', '20', '21', '22']);
    expect(results.ranking[0]?.weightedTotal).toBe(757);
    expect(results.ranking[19]?.weightedTotal).toBe(700);
  });

  it('keeps every applicant tied at the cut and flags them for the committee', () => {
    // WX-20 and WX-21 both score 700 in the material review: 21 go on
    const tiedInput = collect(
      a.slice(0, 21).flatMap((x, i) => [
        panel(x, 'material', [i === 20 ? 700 : 900 - 10 * (i + 1)]),
        panel(x, 'site', [700]),
        panel(x, 'defence', [700]),
      ]),
    );
    const tied = computeEditionResults({ rules, framework: gbt, applicants: a.slice(0, 21), ...tiedInput });
    expect(tied.shortlist?.applicantIds).toHaveLength(21);
    expect(tied.shortlist?.tieAtCut).toBe(true);
    const flags = tied.flags.filter((f) => f.code === 'tie-at-shortlist');
    expect(flags.map((f) => f.applicantId)).toEqual(['id-WX-20', 'id-WX-21']);
    expect(flags[0]?.detail.zh).toContain('WX-20、WX-21 的材料评审得分同为 700');
    expect(flags[0]?.detail.en).toContain('at the cut of 20');
  });
});
