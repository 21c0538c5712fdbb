import { describe, expect, it } from 'vitest';
import { computeEditionResults } from '../../../src-main/scoring/results.js';
import { applicant, collect, gbt, panel, rulesFor, uniform } from '../helpers/edition.js';

/*
 * Hohhot (draft): material, site and defence each produce a score (art. 17), combined into an
 * overall score with weights the draft does not fix; at most 5 awards and 8 nominations
 * (art. 5); the bureau decides who goes on to the site review (art. 17(2)).
 * This edition: 30 / 40 / 30, 3 go on to the site review, panels of 3–7, and items on which
 * experts differ by more than 30 percentage points are flagged.
 */
const rules = rulesFor('hohhot-draft', {
  weights: { material: 30, site: 40, defence: 30 },
  shortlistSize: 3,
  panelSize: { min: 3, max: 7 },
  disagreement: { enabled: true },
});

describe('Hohhot draft, worked by hand', () => {
  /*
   * material: HH-01 800, HH-02 780, HH-03 700, HH-04 700, HH-05 600
   * → cut at 3 falls in the 700 tie: HH-03 and HH-04 both go on (4 shortlisted), flagged.
   * HH-01 site 700: the third expert gives 4.7.4 30 % where the others give 70 % (40 apart,
   *       flagged) and makes it up on 4.7.2 at 100 % (30 apart: at the threshold, not flagged)
   *       and 4.7.3 at 80 %: 700 − 32 + 24 + 8 = 700; defence 700 → 240 + 280 + 210 = 730
   * HH-02 site 750, defence 700 → 234 + 300 + 210 = 744
   * HH-03 site 800, defence 800 → 210 + 320 + 240 = 770
   * HH-04 site 650, defence from 2 of 3 experts (one sheet missing) 700 → 210 + 260 + 210 = 680
   * → all four are award candidates (cap 5, no floor); 1 award and 8 nomination places empty.
   */
  const [h1, h2, h3, h4, h5] = [1, 2, 3, 4, 5].map((i) => applicant(`HH-0${i}`));
  const input = collect([
    panel(h1!, 'material', [800, 800, 800]),
    panel(h2!, 'material', [780, 780, 780]),
    panel(h3!, 'material', [700, 700, 700]),
    panel(h4!, 'material', [700, 700, 700]),
    panel(h5!, 'material', [600, 600, 600]),
    panel(h1!, 'site', [uniform(70, 70), uniform(70, 70), uniform(70, 70, { '4.7.4': 30, '4.7.2': 100, '4.7.3': 80 })]),
    panel(h1!, 'defence', [700, 700, 700]),
    panel(h2!, 'site', [750, 750, 750]),
    panel(h2!, 'defence', [700, 700, 700]),
    panel(h3!, 'site', [800, 800, 800]),
    panel(h3!, 'defence', [800, 800, 800]),
    panel(h4!, 'site', [650, 650, 650]),
    panel(h4!, 'defence', [700, 700], { absent: ['defence-late'] }),
  ]);
  const results = computeEditionResults({ rules, framework: gbt, applicants: [h5!, h4!, h3!, h2!, h1!], ...input });

  it('keeps both applicants tied at the shortlist cut', () => {
    expect(results.shortlist).toEqual({
      applicantIds: ['id-HH-01', 'id-HH-02', 'id-HH-03', 'id-HH-04'],
      size: 3,
      tieAtCut: true,
    });
  });

  it('weights 30/40/30 and lists the candidates', () => {
    expect(
      results.ranking.map((e, i) => [e.applicant.code, e.weightedTotal, e.rank, results.candidates.entries[i]!.status]),
    ).toEqual([
      ['HH-03', 770, 1, 'award'],
      ['HH-02', 744, 2, 'award'],
      ['HH-01', 730, 3, 'award'],
      ['HH-04', 680, 4, 'award'],
      ['HH-05', null, null, 'not-placed'],
    ]);
    expect(results.candidates.unfilled).toEqual({
      award: { unit: 1, individual: 0 },
      nomination: { unit: 8, individual: 0 },
    });
  });

  it('flags the shortlist tie, the disagreement on 4.7.4 and the missing defence sheet', () => {
    expect(results.flags.map((f) => [f.code, f.applicantId, f.stage, f.itemCode])).toEqual([
      ['tie-at-shortlist', 'id-HH-03', 'material', undefined],
      ['tie-at-shortlist', 'id-HH-04', 'material', undefined],
      ['disagreement', 'id-HH-01', 'site', '4.7.4'],
      ['missing-sheets', 'id-HH-04', 'defence', undefined],
    ]);
    expect(results.flags[2]?.detail.zh).toBe(
      'HH-01 现场评审：评分项 4.7.4 的专家打分在 30%–70% 之间，相差 40 个百分点，超过 30 个百分点的阈值；请组长组织合议。',
    );
    expect(results.flags[3]?.detail.en).toContain('one expert has not submitted a score sheet (E-defence-late 专家defence-late)');
  });
});
