import { describe, expect, it } from 'vitest';
import { stageResult } from '../../../src-main/scoring/panel.js';
import { applicant, gbt, panel, rulesFor, seat, sheet, uniform } from '../helpers/edition.js';

const a = applicant('T-01');
const plain = rulesFor('xinyang-2022');
const trimming = rulesFor('xinyang-2022', { trim: { enabled: true, minPanelSize: 5 } });
const flagging = rulesFor('xinyang-2022', { disagreement: { enabled: true, threshold: 30 } });

describe('one panel, one applicant, one stage', () => {
  it('takes the mean of the expert totals, rounded to 2 decimals', () => {
    // (700 + 700 + 710) / 3 = 703.333… → 703.33
    const { seat: s, sheets } = panel(a, 'material', [700, 700, 710]);
    const r = stageResult(plain, gbt, s, sheets);
    expect(r.panelScore).toBe(703.33);
    expect(r.expertTotals.map((t) => t.total)).toEqual([700, 700, 710]);
    expect(r.trimmed).toBe(false);
  });

  it('rounds half up on the exact centi-points: (700 + 700.25) / 2 = 700.125 → 700.13', () => {
    const { seat: s, sheets } = panel(a, 'material', [700, 700.25]);
    expect(stageResult(plain, gbt, s, sheets).panelScore).toBe(700.13);
  });

  it('drops one highest and one lowest total when trimming is on and five experts scored', () => {
    // 600 700 720 740 900 → keep 700 720 740 → 720 (untrimmed it would be 732)
    const { seat: s, sheets } = panel(a, 'site', [900, 700, 600, 740, 720]);
    const r = stageResult(trimming, gbt, s, sheets);
    expect(r.trimmed).toBe(true);
    expect(r.panelScore).toBe(720);
    expect(r.droppedExpertIds.sort()).toEqual(['site-e1', 'site-e3']);
    expect(stageResult(plain, gbt, s, sheets).panelScore).toBe(732);
  });

  it('does not trim a panel that recusals brought below the trimming size', () => {
    // five seated, one recused: four count, 4 < 5 → plain mean (600 + 700 + 800 + 900) / 4 = 750
    const { seat: s, sheets } = panel(a, 'site', [600, 700, 800, 900], { recused: ['x-recused'] });
    const r = stageResult(trimming, gbt, s, sheets);
    expect(r.trimmed).toBe(false);
    expect(r.panelScore).toBe(750);
  });

  it('does not trim while sheets are still missing', () => {
    const { seat: s, sheets } = panel(a, 'site', [600, 700, 800, 900], { absent: ['x-late'] });
    const r = stageResult(trimming, gbt, s, sheets);
    expect(r.trimmed).toBe(false);
    expect(r.missingExpertIds).toEqual(['x-late']);
  });

  it('reports item and category means over the experts that count', () => {
    const s = seat(a, 'material', ['e1', 'e2']);
    const sheets = [sheet('e1', a, 'material', uniform(60, 50)), sheet('e2', a, 'material', uniform(65, 55))];
    const r = stageResult(plain, gbt, s, sheets);
    expect(r.itemMeans['4.1.2']).toEqual({ percent: 62.5, score: 31.25 });
    expect(r.categoryMeans['4.7']).toBe(210); // 400 × 52.5 %
    expect(r.categoryMeans['4.1']).toBe(68.75); // 110 × 62.5 %
  });

  it('flags items where experts differ by more than the threshold, and not at exactly the threshold', () => {
    const s = seat(a, 'site', ['e1', 'e2', 'e3']);
    const sheets = [
      sheet('e1', a, 'site', uniform(70, 70)),
      sheet('e2', a, 'site', uniform(70, 70)),
      sheet('e3', a, 'site', uniform(70, 70, { '4.7.4': 30, '4.7.2': 100 })),
    ];
    expect(stageResult(flagging, gbt, s, sheets).disagreements).toEqual([{ itemCode: '4.7.4', min: 30, max: 70 }]);
    expect(stageResult(plain, gbt, s, sheets).disagreements).toEqual([]);
  });

  it('marks a panel that recusals brought below the minimum as undersized', () => {
    // Xinyang art. 9: at least 3; four seated, two recused
    const { seat: s, sheets } = panel(a, 'site', [700, 720], { recused: ['r1', 'r2'] });
    expect(stageResult(plain, gbt, s, sheets).undersized).toBe(true);
  });

  it('has no panel score before any sheet is in, and names who is missing', () => {
    const r = stageResult(plain, gbt, seat(a, 'site', ['e2', 'e1', 'e3'], ['e3']), []);
    expect(r.panelScore).toBeNull();
    expect(r.missingExpertIds).toEqual(['e1', 'e2']);
    expect(r.categoryMeans).toEqual({});
  });
});
