import { describe, expect, it } from 'vitest';
import { computeEditionResults } from '../../../src-main/scoring/results.js';
import { applicant, collect, gbt, panel, rulesFor } from '../helpers/edition.js';

/*
 * Daqing 2018: material and site review (arts. 14, 15), weights not fixed; at most 5 awards and
 * 7 nominations (art. 5); the review body decides who goes on to the site review (art. 14).
 * This edition: material 40 %, site 60 %, 8 go on, panels of 3–7, and the secretariat has
 * switched on dropping the highest and lowest total from 5 experts.
 */
const rules = rulesFor('daqing-2018', {
  weights: { material: 40, site: 60 },
  shortlistSize: 8,
  panelSize: { min: 3, max: 7 },
  trim: { enabled: true, minPanelSize: 5 },
});

describe('Daqing 2018, worked by hand', () => {
  /*
   * DQ-01 material 600 700 720 740 900 → trimmed to 700 720 740 → 720 (plain mean 732);
   *       site 800 × 5 → 800; 0.4 × 720 + 0.6 × 800 = 288 + 480 = 768
   * DQ-02 material seated 5, one recused: 600 700 800 900, 4 < 5 → not trimmed → 750;
   *       site 750 → 300 + 450 = 750
   * DQ-03 800 / 700 → 320 + 420 = 740
   * DQ-04 700 / 760 → 280 + 456 = 736, site 760
   * DQ-05 760 / 720 → 304 + 432 = 736, site 720 → behind DQ-04
   * DQ-06 650 / 650 → 650;  DQ-07 640 / 600 → 256 + 360 = 616;  DQ-08 630 / 500 → 252 + 300 = 552
   * DQ-09 material 620 and DQ-10 material 500 are 9th and 10th: not shortlisted. DQ-09's site
   *       sheets (900!) must not count; DQ-10 has no site panel, which is no problem.
   * → award DQ-01…05, nomination DQ-06…08, 4 nomination places empty.
   */
  const a = Array.from({ length: 10 }, (_, i) => applicant(`DQ-${String(i + 1).padStart(2, '0')}`));
  const [d1, d2, d3, d4, d5, d6, d7, d8, d9, d10] = a;
  const input = collect([
    panel(d1!, 'material', [900, 700, 600, 740, 720]),
    panel(d1!, 'site', [800, 800, 800, 800, 800]),
    panel(d2!, 'material', [600, 700, 800, 900], { recused: ['material-r1'] }),
    panel(d2!, 'site', [750, 750, 750]),
    ...(
      [
        [d3, 800, 700],
        [d4, 700, 760],
        [d5, 760, 720],
        [d6, 650, 650],
        [d7, 640, 600],
        [d8, 630, 500],
        [d9, 620, 900],
      ] as const
    ).flatMap(([x, m, s]) => [panel(x!, 'material', [m, m, m]), panel(x!, 'site', [s, s, s])]),
    panel(d10!, 'material', [500, 500, 500]),
  ]);
  const results = computeEditionResults({ rules, framework: gbt, applicants: a, ...input });

  it('trims the five-expert panel and not the one recusal cut to four', () => {
    const material = (id: string) => results.stageResults.find((r) => r.applicantId === id && r.stage === 'material')!;
    expect(material('id-DQ-01')).toMatchObject({ panelScore: 720, trimmed: true });
    expect(material('id-DQ-01').droppedExpertIds.sort()).toEqual(['material-e1', 'material-e3']);
    expect(material('id-DQ-02')).toMatchObject({ panelScore: 750, trimmed: false, undersized: false });
  });

  it('shortlists 8 by material score and ignores later sheets of those left out', () => {
    expect(results.shortlist).toEqual({
      applicantIds: ['id-DQ-03', 'id-DQ-05', 'id-DQ-02', 'id-DQ-01', 'id-DQ-04', 'id-DQ-06', 'id-DQ-07', 'id-DQ-08'],
      size: 8,
      tieAtCut: false,
    });
    expect(results.stageResults.some((r) => r.applicantId === 'id-DQ-09' && r.stage === 'site')).toBe(false);
  });

  it('weights 40/60, breaks the 736 tie on the site score, and caps at 5 + 7', () => {
    expect(
      results.ranking.map((e, i) => [e.applicant.code, e.weightedTotal, e.rank, results.candidates.entries[i]!.status]),
    ).toEqual([
      ['DQ-01', 768, 1, 'award'],
      ['DQ-02', 750, 2, 'award'],
      ['DQ-03', 740, 3, 'award'],
      ['DQ-04', 736, 4, 'award'],
      ['DQ-05', 736, 5, 'award'],
      ['DQ-06', 650, 6, 'nomination'],
      ['DQ-07', 616, 7, 'nomination'],
      ['DQ-08', 552, 8, 'nomination'],
      ['DQ-09', null, null, 'not-placed'],
      ['DQ-10', null, null, 'not-placed'],
    ]);
    expect(results.candidates.unfilled.nomination.unit).toBe(4);
    expect(results.flags).toEqual([]);
  });
});
