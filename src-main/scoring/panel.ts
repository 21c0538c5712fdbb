import type { CriteriaFramework, EffectiveRules, ItemDisagreement, PanelSeat, StageResult, SubmittedSheet } from '../domain/types.js';
import { divRound, toPoints } from './centi.js';
import { byText } from './order.js';
import { categoryCenti, itemCenti, sheetCenti } from './sheet.js';

interface ExpertTotal {
  expertId: string;
  centi: number;
  sheet: SubmittedSheet;
}

/**
 * Drops one lowest and one highest total. Among equal totals the expert id decides which one
 * goes, so the same sheets always give the same result.
 */
function trim(totals: ExpertTotal[]): { kept: ExpertTotal[]; dropped: ExpertTotal[] } {
  const sorted = [...totals].sort((a, b) => a.centi - b.centi || byText(a.expertId, b.expertId));
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (!low || !high) return { kept: sorted, dropped: [] };
  return { kept: sorted.slice(1, -1), dropped: [low, high] };
}

function disagreements(
  framework: CriteriaFramework,
  sheets: SubmittedSheet[],
  threshold: number,
): ItemDisagreement[] {
  const found: ItemDisagreement[] = [];
  if (sheets.length < 2) return found;
  for (const cat of framework.categories) {
    for (const item of cat.items) {
      const percents = sheets.map((s) => s.percents[item.code] ?? 0);
      const min = Math.min(...percents);
      const max = Math.max(...percents);
      if (max - min > threshold) found.push({ itemCode: item.code, min, max });
    }
  }
  return found;
}

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
  const totals: ExpertTotal[] = sheets
    .map((sheet) => ({ expertId: sheet.expertId, centi: sheetCenti(framework, sheet.percents), sheet }))
    .sort((a, b) => byText(a.expertId, b.expertId));

  const trimmed = rules.trim.enabled && active.length >= rules.trim.minPanelSize && totals.length >= rules.trim.minPanelSize;
  const { kept, dropped } = trimmed ? trim(totals) : { kept: totals, dropped: [] };
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
    disagreements: rules.disagreement.enabled ? disagreements(framework, sheets, rules.disagreement.threshold) : [],
    undersized: active.length < rules.panelSize.min,
    missingExpertIds: active.filter((id) => !submitted.has(id)).sort(byText),
  };
}
