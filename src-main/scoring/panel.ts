import { divRound, toPoints } from '../domain/centi.js';
import { byText } from '../domain/order.js';
import type { PanelSeat, StageResult, SubmittedSheet } from '../domain/scores.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EffectiveRules } from '../profile/effective.js';
import { disagreements } from '../rules/disagreement.js';
import { isUndersized } from '../rules/panel-size.js';
import { trimTotals } from '../rules/trim.js';
import { categoryCenti, itemCenti, sheetCenti } from './sheet.js';

/**
 * One applicant's result in one stage: the panel score is the mean of the experts' totals,
 * trimmed when the rules switch trimming on and enough sheets are in (a partial panel is never
 * trimmed below the size the rule assumes). Item and category means are over the same experts
 * as the panel score; disagreements look at every submitted sheet.
 */
export function stageResult(
  rules: EffectiveRules,
  framework: CriteriaFramework,
  seat: PanelSeat,
  sheets: SubmittedSheet[],
): StageResult {
  const recused = new Set(seat.recusedIds);
  const active = seat.memberIds.filter((id) => !recused.has(id));
  const submitted = new Set(sheets.map((s) => s.expertId));
  const totals = sheets
    .map((sheet) => ({ expertId: sheet.expertId, centi: sheetCenti(framework, sheet.percents), sheet }))
    .sort((a, b) => byText(a.expertId, b.expertId));

  const { trimmed, kept, dropped } = trimTotals(rules.trim, active.length, totals);
  const n = kept.length;

  const itemMeans: StageResult['itemMeans'] = {};
  const categoryMeans: StageResult['categoryMeans'] = {};
  if (n > 0) {
    for (const cat of framework.categories) {
      categoryMeans[cat.code] = toPoints(divRound(kept.reduce((s, t) => s + categoryCenti(cat.items, t.sheet.percents), 0), n));
      for (const item of cat.items) {
        const percentSum = kept.reduce((s, t) => s + (t.sheet.percents[item.code] ?? 0), 0);
        itemMeans[item.code] = {
          percent: toPoints(divRound(percentSum * 100, n)),
          score: toPoints(divRound(itemCenti(item.points, percentSum), n)),
        };
      }
    }
  }

  return {
    applicantId: seat.applicantId,
    stage: seat.stage,
    expertTotals: totals.map((t) => ({ expertId: t.expertId, total: toPoints(t.centi) })),
    panelScore: n > 0 ? toPoints(divRound(kept.reduce((s, t) => s + t.centi, 0), n)) : null,
    trimmed,
    droppedExpertIds: dropped.map((t) => t.expertId),
    itemMeans,
    categoryMeans,
    disagreements: disagreements(rules.disagreement, framework, sheets),
    undersized: isUndersized(rules.panelSize, active.length),
    missingExpertIds: active.filter((id) => !submitted.has(id)).sort(byText),
  };
}
