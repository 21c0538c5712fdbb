import { describe, expect, it } from 'vitest';
import type { ApplicantRef } from '../../../src-main/domain/people.js';
import { computeEditionResults, type EditionResults } from '../../../src-main/scoring/results.js';
import type { Stage } from '../../../src-main/domain/words.js';
import { applicant, collect, gbt, panel, rulesFor } from '../helpers/edition.js';

/*
 * Jinan 2018: units and individuals compete for separate awards (art. 2): at most 5 units and
 * 3 individuals for the award, 3 units and 2 individuals for the nomination; no score floor.
 * The regulation fixes no weights; this edition sets material 20 %, site 50 %, defence 30 %.
 * Tie-break: site, defence, material, 4.7.
 */
const rules = rulesFor('jinan-2018', {
  weights: { material: 20, site: 50, defence: 30 },
  panelSize: { min: 2, max: 5 },
});
const STAGES: Stage[] = ['material', 'site', 'defence'];

function edition(list: [ApplicantRef, number, number, number][]): EditionResults {
  const input = collect(
    list.flatMap(([a, m, s, d]) => STAGES.map((stage, i) => panel(a, stage, Array(2).fill([m, s, d][i]!)))),
  );
  return computeEditionResults({ rules, framework: gbt, applicants: list.map((x) => x[0]), ...input });
}

const table = (r: EditionResults): [string, number | null, number | null, string][] =>
  r.ranking.map((e, i) => [e.applicant.code, e.weightedTotal, e.rank, r.candidates.entries[i]!.status]);

describe('Jinan 2018, worked by hand', () => {
  /*
   * units (material, site, defence → 0.2 m + 0.5 s + 0.3 d):
   * JN-U01 850 850 850 → 850
   * JN-U02 900 700 700 → 180 + 350 + 210 = 740
   * JN-U03 600 800 700 → 120 + 400 + 210 = 730
   * JN-U04 700 800 600 → 140 + 400 + 180 = 720, site 800
   * JN-U05 900 720 600 → 180 + 360 + 180 = 720, site 720 → behind U04 on the site tie-break
   * JN-U06 700, JN-U07 650, JN-U08 600, JN-U09 300 in every stage
   * → award U01–U05, nomination U06–U08, U09 not placed (no floor, but no place left)
   * individuals, same score in every stage: I01 880, I02 800, I03 750, I04 740, I05 500, I06 450
   * → award I01–I03, nomination I04–I05, I06 not placed. I01 outscores every unit but ranks
   *   only among individuals.
   */
  const u = (n: number): ApplicantRef => applicant(`JN-U0${n}`);
  const p = (n: number): ApplicantRef => applicant(`JN-I0${n}`, 'individual');
  const results = edition([
    [p(3), 750, 750, 750],
    [u(9), 300, 300, 300],
    [u(1), 850, 850, 850],
    [p(1), 880, 880, 880],
    [u(5), 900, 720, 600],
    [u(2), 900, 700, 700],
    [p(6), 450, 450, 450],
    [u(3), 600, 800, 700],
    [u(4), 700, 800, 600],
    [p(2), 800, 800, 800],
    [u(6), 700, 700, 700],
    [p(4), 740, 740, 740],
    [u(7), 650, 650, 650],
    [p(5), 500, 500, 500],
    [u(8), 600, 600, 600],
  ]);

  it('ranks units and individuals separately and fills each kind\'s own caps', () => {
    expect(table(results)).toEqual([
      ['JN-U01', 850, 1, 'award'],
      ['JN-U02', 740, 2, 'award'],
      ['JN-U03', 730, 3, 'award'],
      ['JN-U04', 720, 4, 'award'],
      ['JN-U05', 720, 5, 'award'],
      ['JN-U06', 700, 6, 'nomination'],
      ['JN-U07', 650, 7, 'nomination'],
      ['JN-U08', 600, 8, 'nomination'],
      ['JN-U09', 300, 9, 'not-placed'],
      ['JN-I01', 880, 1, 'award'],
      ['JN-I02', 800, 2, 'award'],
      ['JN-I03', 750, 3, 'award'],
      ['JN-I04', 740, 4, 'nomination'],
      ['JN-I05', 500, 5, 'nomination'],
      ['JN-I06', 450, 6, 'not-placed'],
    ]);
    expect(results.candidates.unfilled).toEqual({
      award: { unit: 0, individual: 0 },
      nomination: { unit: 0, individual: 0 },
    });
  });

  it('breaks the 720 tie on the site score and does not report it as a tie', () => {
    expect(results.ranking.some((e) => e.tied)).toBe(false);
  });

  it('does not place a genuine tie straddling the award cap, and counts the rest into the nomination places', () => {
    /*
     * individuals: I-A 800, I-B 780, I-C 760, I-D 760 (identical sheets), I-E 700, I-F 650
     * ranks 1, 2, 3, 3, 5, 6. Three award places: A, B; then C and D tie for the last one →
     * both 'tie-at-cap'. Whichever the committee does not pick takes one of the 2 nomination
     * places, so one is left: E. F is not placed.
     */
    const q = (c: string): ApplicantRef => applicant(`JN-I${c}`, 'individual');
    const tied = edition([
      [q('F'), 650, 650, 650],
      [q('D'), 760, 760, 760],
      [q('A'), 800, 800, 800],
      [q('C'), 760, 760, 760],
      [q('E'), 700, 700, 700],
      [q('B'), 780, 780, 780],
    ]);
    expect(table(tied)).toEqual([
      ['JN-IA', 800, 1, 'award'],
      ['JN-IB', 780, 2, 'award'],
      ['JN-IC', 760, 3, 'tie-at-cap'],
      ['JN-ID', 760, 3, 'tie-at-cap'],
      ['JN-IE', 700, 5, 'nomination'],
      ['JN-IF', 650, 6, 'not-placed'],
    ]);
    expect(tied.ranking.filter((e) => e.tied).map((e) => e.applicant.code)).toEqual(['JN-IC', 'JN-ID']);
    const flags = tied.flags.filter((f) => f.code === 'tie-at-cap');
    expect(flags.map((f) => f.applicantId)).toEqual(['id-JN-IC', 'id-JN-ID']);
    expect(flags[0]?.detail.zh).toBe('JN-IC、JN-ID 完全并列（个人），市长质量奖仅剩 1 个名额；程序不作取舍，请评委会决定。');
    expect(tied.candidates.unfilled).toEqual({
      award: { unit: 5, individual: 0 },
      nomination: { unit: 3, individual: 0 },
    });
  });
});
