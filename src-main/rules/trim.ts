import { z } from 'zod';
import { byText } from '../domain/order.js';
import type { Reasons } from './cite.js';
import type { PanelSize } from './panel-size.js';

/**
 * Trimming (去掉一个最高分和一个最低分): drop one highest and one lowest total when the panel is
 * large enough. No regulation asks for it; a profile or the edition may switch it on.
 */

/** dropping one highest and one lowest needs at least three totals to leave one standing */
export const TrimProfile = z.strictObject({ enabled: z.boolean(), minPanelSize: z.number().int().min(3) });
export type Trim = z.infer<typeof TrimProfile>;

export const TrimSetting = z.strictObject({ enabled: z.boolean(), minPanelSize: z.number().int().min(3).optional() });
export type TrimSetting = z.infer<typeof TrimSetting>;

export function resolveTrim(profile: Trim, given: TrimSetting | undefined, panelSize: PanelSize, reasons: Reasons): Trim {
  const trim = { enabled: given?.enabled ?? profile.enabled, minPanelSize: given?.minPanelSize ?? profile.minPanelSize };
  if (trim.enabled && trim.minPanelSize > panelSize.max) {
    reasons.push({
      zh: `去掉最高分和最低分要求至少 ${trim.minPanelSize} 名专家，但评审组最多 ${panelSize.max} 人，永远不会生效`,
      en: `trimming needs at least ${trim.minPanelSize} experts but panels have at most ${panelSize.max}, so it could never apply`,
    });
  }
  return trim;
}

/**
 * Which totals count. A partial panel is never trimmed below the size the rule assumes, so both
 * the seated (after recusals) and the submitted count must reach it. Among equal totals the
 * expert id decides which one goes, so the same sheets always give the same result.
 */
export function trimTotals<T extends { expertId: string; centi: number }>(
  trim: Trim,
  active: number,
  totals: readonly T[],
): { trimmed: boolean; kept: T[]; dropped: T[] } {
  const trimmed = trim.enabled && active >= trim.minPanelSize && totals.length >= trim.minPanelSize;
  if (!trimmed) return { trimmed, kept: [...totals], dropped: [] };
  const sorted = [...totals].sort((a, b) => a.centi - b.centi || byText(a.expertId, b.expertId));
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (!low || !high) return { trimmed, kept: sorted, dropped: [] };
  return { trimmed, kept: sorted.slice(1, -1), dropped: [low, high] };
}
