import type { ApplicantKind, Stage } from '../../../src-main/domain/words.js';
import type { ApplicantRef, ExpertRef } from '../../../src-main/domain/people.js';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import type { EditionSettings } from '../../../src-main/profile/settings.js';
import { type EffectiveRules, effectiveRules } from '../../../src-main/profile/effective.js';
import type { PanelSeat, SubmittedSheet } from '../../../src-main/domain/scores.js';
import { allItems } from '../../../src-main/criteria/items.js';
import { builtInFrameworks } from '../../../src-main/catalog/frameworks.js';
import { getProfile } from '../../../src-main/catalog/profiles.js';

export const gbt: CriteriaFramework = builtInFrameworks().find((f) => f.id === 'gbt19580-2012')!;

export function rulesFor(profileId: string, settings: EditionSettings = {}): EffectiveRules {
  return effectiveRules(getProfile(profileId), gbt, settings);
}

/**
 * Percents with every process item (4.1–4.6, 600 points) at `process` % and every results item
 * (4.7, 400 points) at `results` %, so the total is 6 × process + 4 × results:
 * uniform(70, 60) = 420 + 240 = 660. `tweak` overrides single items.
 */
export function uniform(process: number, results: number, tweak: Record<string, number> = {}): Record<string, number> {
  const percents: Record<string, number> = {};
  for (const item of allItems(gbt)) percents[item.code] = item.kind === 'process' ? process : results;
  return { ...percents, ...tweak };
}

/**
 * Percents giving exactly `total` points: every item near the same percent, then single items
 * moved by one or two 5 % steps (a search over the items) to hit the total to the quarter point.
 */
export function forTotal(total: number): Record<string, number> {
  const items = allItems(gbt);
  const target = Math.round(total * 100);
  const base = Math.min(100, Math.floor(target / 5000) * 5);
  let reach = new Map<number, number[]>([[0, []]]);
  for (const item of items) {
    const next = new Map<number, number[]>();
    for (const [sum, deltas] of reach) {
      for (const delta of [0, 5, -5, 10]) {
        const p = base + delta;
        if (p < 0 || p > 100) continue;
        const key = sum + item.points * delta;
        if (!next.has(key)) next.set(key, [...deltas, delta]);
      }
    }
    reach = next;
  }
  const deltas = reach.get(target - base * 1000);
  if (!deltas) throw new Error(`no sheet on the 5 % grid totals ${total}`);
  return Object.fromEntries(items.map((item, i) => [item.code, base + (deltas[i] ?? 0)]));
}

export function applicant(code: string, kind: ApplicantKind = 'unit'): ApplicantRef {
  return { id: `id-${code}`, code, name: `申报单位${code}`, kind, industry: 2 };
}

export function seat(a: ApplicantRef, stage: Stage, memberIds: string[], recusedIds: string[] = []): PanelSeat {
  return { applicantId: a.id, stage, panelId: `panel-${stage}`, memberIds, recusedIds };
}

export function sheet(expertId: string, a: ApplicantRef, stage: Stage, percents: Record<string, number>): SubmittedSheet {
  return { expertId, applicantId: a.id, stage, percents };
}

/**
 * A panel where each listed expert hands in a sheet with the given total (numbers) or percents
 * (objects); returns the seat and the sheets.
 */
export function panel(
  a: ApplicantRef,
  stage: Stage,
  scores: (number | Record<string, number>)[],
  options: { recused?: string[]; absent?: string[] } = {},
): { seat: PanelSeat; sheets: SubmittedSheet[] } {
  const experts = scores.map((_, i) => `${stage}-e${i + 1}`);
  const members = [...experts, ...(options.recused ?? []), ...(options.absent ?? [])];
  return {
    seat: seat(a, stage, members, options.recused ?? []),
    sheets: scores.map((s, i) => sheet(experts[i]!, a, stage, typeof s === 'number' ? forTotal(s) : s)),
  };
}

/** The expert an id stands for in these tests: code and name, as the flags name them. */
export function expertRef(id: string): ExpertRef {
  return { id, code: `E-${id}`, name: `专家${id}` };
}

/** Every expert the seats name. */
export function expertsOf(seats: PanelSeat[]): ExpertRef[] {
  return [...new Set(seats.flatMap((s) => s.memberIds))].map(expertRef);
}

/** Collects panels into the seats, sheets and experts computeEditionResults takes. */
export function collect(panels: { seat: PanelSeat; sheets: SubmittedSheet[] }[]): {
  seats: PanelSeat[];
  sheets: SubmittedSheet[];
  experts: ExpertRef[];
} {
  const seats = panels.map((p) => p.seat);
  return { seats, sheets: panels.flatMap((p) => p.sheets), experts: expertsOf(seats) };
}
