import fc from 'fast-check';
import type { ApplicantRef } from '../../../src-main/domain/people.js';
import type { EditionSettings } from '../../../src-main/profile/settings.js';
import { type EffectiveRules, effectiveRules } from '../../../src-main/profile/effective.js';
import type { PanelSeat, SubmittedSheet } from '../../../src-main/domain/scores.js';
import { allItems } from '../../../src-main/criteria/items.js';
import { getProfile } from '../../../src-main/catalog/profiles.js';
import { gbt } from './edition.js';

const ITEM_CODES = allItems(gbt).map((i) => i.code);

/*
 * Sheets are an overall level with a few items moved, so that equal totals (ties at a cap or a
 * cut) come up often enough to be exercised, yet sheets still differ item by item.
 */
export const expertArb = fc.record({
  recused: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
  missing: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  level: fc.integer({ min: 0, max: 20 }),
  tweaks: fc.array(fc.tuple(fc.integer({ min: 0, max: ITEM_CODES.length - 1 }), fc.integer({ min: 0, max: 20 })), {
    maxLength: 3,
  }),
});
export type ExpertSpec = typeof expertArb extends fc.Arbitrary<infer T> ? T : never;

export function percentsOf(expert: ExpertSpec): Record<string, number> {
  const percents = Object.fromEntries(ITEM_CODES.map((c) => [c, expert.level * 5]));
  for (const [i, step] of expert.tweaks) percents[ITEM_CODES[i]!] = step * 5;
  return percents;
}

const PROFILES = ['wuxi-2024', 'xinyang-2022', 'jinan-2018', 'daqing-2018', 'hohhot-draft'] as const;

export const editionArb = fc.record({
  profileId: fc.constantFrom(...PROFILES),
  weightSeeds: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })),
  shortlistSize: fc.integer({ min: 1, max: 8 }),
  trim: fc.record({ enabled: fc.boolean(), minPanelSize: fc.integer({ min: 3, max: 5 }) }),
  disagreement: fc.boolean(),
  applicants: fc.array(
    fc.record({
      individual: fc.boolean(),
      /** scores exactly like an earlier applicant: genuine ties at caps and cuts */
      twinOf: fc.option(fc.nat(), { nil: null, freq: 3 }),
      panels: fc.tuple(
        fc.array(expertArb, { minLength: 1, maxLength: 5 }),
        fc.array(expertArb, { minLength: 1, maxLength: 5 }),
        fc.array(expertArb, { minLength: 1, maxLength: 5 }),
      ),
    }),
    { minLength: 1, maxLength: 14 },
  ),
});
export type EditionSpec = typeof editionArb extends fc.Arbitrary<infer T> ? T : never;

export interface BuiltEdition {
  rules: EffectiveRules;
  applicants: ApplicantRef[];
  seats: PanelSeat[];
  sheets: SubmittedSheet[];
}

function settingsFor(spec: EditionSpec): EditionSettings {
  const profile = getProfile(spec.profileId);
  const settings: EditionSettings = {
    trim: spec.trim,
    disagreement: { enabled: spec.disagreement },
  };
  if (profile.stages.some((s) => s.weight === null)) {
    const seeds = spec.weightSeeds.slice(0, profile.stages.length);
    const sum = seeds.reduce((a, b) => a + b, 0);
    const weights = seeds.map((s) => Math.floor((100 * s) / sum));
    weights[weights.length - 1]! += 100 - weights.reduce((a, b) => a + b, 0);
    settings.weights = Object.fromEntries(profile.stages.map((s, i) => [s.stage, weights[i]!]));
  }
  if (profile.shortlist?.size === 'edition') settings.shortlistSize = spec.shortlistSize;
  if (profile.panelSize.min === null) settings.panelSize = { min: 2, max: 7 };
  return settings;
}

export function buildEdition(spec: EditionSpec): BuiltEdition {
  const profile = getProfile(spec.profileId);
  const rules = effectiveRules(profile, gbt, settingsFor(spec));
  const admitsIndividuals = profile.applicantKinds.includes('individual');
  const applicants: ApplicantRef[] = [];
  const seats: PanelSeat[] = [];
  const sheets: SubmittedSheet[] = [];
  const panelsOf: EditionSpec['applicants'][number]['panels'][] = [];
  spec.applicants.forEach((a, i) => {
    const panels = a.twinOf !== null && i > 0 ? panelsOf[a.twinOf % i]! : a.panels;
    panelsOf.push(panels);
    const ref: ApplicantRef = {
      id: `a${i}`,
      code: `C-${String(i).padStart(2, '0')}`,
      name: `申报单位${i}`,
      kind: admitsIndividuals && a.individual ? 'individual' : 'unit',
      industry: 2,
    };
    applicants.push(ref);
    rules.stages.forEach(({ stage }, s) => {
      const experts = panels[s]!;
      const memberIds = experts.map((_, e) => `x${e}`);
      const recusedIds = memberIds.filter((_, e) => experts[e]!.recused);
      seats.push({ applicantId: ref.id, stage, panelId: `p-${stage}`, memberIds, recusedIds });
      experts.forEach((expert, e) => {
        if (expert.recused || expert.missing) return;
        sheets.push({ expertId: `x${e}`, applicantId: ref.id, stage, percents: percentsOf(expert) });
      });
    });
  });
  return { rules, applicants, seats, sheets };
}
