import { describe, expect, it } from 'vitest';
import { type EditionSettings, EditionSettingsSchema } from '../../../src-main/profile/settings.js';
import { builtInFrameworks } from '../../../src-main/catalog/frameworks.js';
import { effectiveRules } from '../../../src-main/profile/effective.js';
import { getProfile } from '../../../src-main/catalog/profiles.js';
import { PingshenError } from '../../../src-main/domain/errors.js';

const gbt = builtInFrameworks().find((f) => f.id === 'gbt19580-2012')!;

function refusal(profileId: string, settings: unknown): PingshenError {
  try {
    effectiveRules(getProfile(profileId), gbt, settings as EditionSettings);
  } catch (e) {
    if (e instanceof PingshenError) return e;
    throw e;
  }
  throw new Error('the settings were accepted');
}

const panel = { panelSize: { min: 3, max: 7 } };

describe('effective rules: the regulation plus the edition settings', () => {
  it('Xinyang needs no settings: everything it scores on is fixed by the regulation', () => {
    const rules = effectiveRules(getProfile('xinyang-2022'), gbt, {});
    expect(rules.stages).toEqual([
      { stage: 'material', weight: 30 },
      { stage: 'site', weight: 70 },
    ]);
    expect(rules.panelSize).toEqual({ min: 3, max: 7 });
    expect(rules.floors).toEqual({ award: 60, nomination: 60 });
    expect(rules.totalPoints).toBe(1000);
    expect(rules.shortlist).toBeNull();
  });

  it('Hohhot takes its weights, shortlist size and panel size from the edition', () => {
    const rules = effectiveRules(getProfile('hohhot-draft'), gbt, {
      weights: { material: 30, site: 40, defence: 30 },
      shortlistSize: 12,
      ...panel,
      trim: { enabled: true },
      disagreement: { enabled: true, threshold: 25 },
    });
    expect(rules.stages.map((s) => s.weight)).toEqual([30, 40, 30]);
    expect(rules.shortlist).toEqual({ afterStage: 'material', size: 12 });
    expect(rules.trim).toEqual({ enabled: true, minPanelSize: 5 });
    expect(rules.disagreement).toEqual({ enabled: true, threshold: 25 });
  });

  it('Wuxi accepts its own weights repeated, but refuses changed ones, citing the article', () => {
    expect(
      effectiveRules(getProfile('wuxi-2024'), gbt, { weights: { material: 30, site: 50, defence: 20 }, ...panel }).stages,
    ).toHaveLength(3);
    const e = refusal('wuxi-2024', { weights: { material: 40, site: 40, defence: 20 }, ...panel });
    expect(e.code).toBe('edition.invalid-settings');
    expect(e.localized.en).toContain('the material review weight is fixed at 30% by the regulation and cannot be set to 40%');
    expect(e.localized.en).toContain('art. 11(5)');
    expect(e.localized.zh).toContain('材料评审权重由办法规定为 30%，不能改为 40%');
    expect(e.localized.zh).toContain('第十一条第（五）项');
  });

  it('Wuxi refuses a shortlist other than the 20 of art. 11(3)', () => {
    expect(refusal('wuxi-2024', { shortlistSize: 15, ...panel }).localized.en).toContain(
      'the shortlist size is fixed at 20 by the regulation and cannot be set to 15',
    );
  });

  it('refuses weights that do not add up to exactly 100 %', () => {
    const e = refusal('jinan-2018', { weights: { material: 30, site: 40, defence: 20 }, ...panel });
    expect(e.localized.en).toContain('the stage weights add up to 90%, not exactly 100%');
    expect(e.localized.zh).toContain('各环节权重合计 90%，应恰好为 100%');
  });

  it('refuses an open value left unset, naming each one', () => {
    const e = refusal('daqing-2018', { weights: { material: 40 } });
    const reasons = (e.details as { reasons: { en: string }[] }).reasons.map((r) => r.en);
    expect(reasons).toEqual([
      'the regulation leaves the site review weight open; set it for this edition',
      'the regulation leaves the shortlist size open; set it for this edition',
      'the regulation leaves the panel size minimum open; set it for this edition',
      'the regulation leaves the panel size maximum open; set it for this edition',
    ]);
  });

  it('refuses negative numbers, fractions and unknown settings', () => {
    const e = refusal('jinan-2018', {
      weights: { material: -10, site: 60.5, defence: 50 },
      panelSize: { min: 3, max: 7 },
      bonus: 1,
    });
    expect(e.localized.en).toContain('weights.material: Too small');
    expect(e.localized.en).toContain('weights.site: Invalid input: expected int');
    expect(e.localized.en).toContain('Unrecognized key: "bonus"');
  });

  it('refuses a weight for a stage the regulation does not score (Xinyang defence is decided by vote)', () => {
    expect(refusal('xinyang-2022', { weights: { defence: 10 } }).localized.en).toContain(
      'defence is not a scored stage under this profile',
    );
  });

  it('refuses a shortlist where the regulation has none', () => {
    expect(refusal('jinan-2018', { weights: { material: 20, site: 50, defence: 30 }, shortlistSize: 10, ...panel }).localized.en).toContain(
      'this regulation has no shortlist',
    );
  });

  it('lets the secretariat narrow Xinyang\'s 3–7 panel, never widen it', () => {
    expect(effectiveRules(getProfile('xinyang-2022'), gbt, { panelSize: { min: 5 } }).panelSize).toEqual({ min: 5, max: 7 });
    expect(refusal('xinyang-2022', { panelSize: { max: 9 } }).localized.en).toContain(
      'a panel size maximum of 9 lies outside the 3–7 the regulation allows',
    );
    expect(refusal('xinyang-2022', { panelSize: { min: 7, max: 5 } }).localized.en).toContain(
      'the panel size minimum 7 is above the maximum 5',
    );
  });

  it('refuses trimming that could never apply to panels this small', () => {
    expect(refusal('xinyang-2022', { trim: { enabled: true, minPanelSize: 9 } }).localized.en).toContain(
      'trimming needs at least 9 experts but panels have at most 7',
    );
  });

  it('refuses a tie-break on a category the framework does not have, and accepts the edition\'s own', () => {
    const local = structuredClone(gbt);
    local.standard = 'DB3202/T 1002-2018';
    const results = local.categories.pop()!;
    local.totalPoints -= results.points;
    expect(() => effectiveRules(getProfile('wuxi-2024'), local, panel)).toThrow(
      /category 4.7, which DB3202\/T 1002-2018 does not have/,
    );
    const rules = effectiveRules(getProfile('wuxi-2024'), local, { ...panel, tieBreak: [{ by: 'stage', stage: 'site' }] });
    expect(rules.tieBreak).toEqual([{ by: 'stage', stage: 'site' }]);
    expect(rules.totalPoints).toBe(600);
  });

  it('exports a settings schema the services can reuse', () => {
    expect(EditionSettingsSchema.safeParse({ weights: { site: 50 }, shortlistSize: 20 }).success).toBe(true);
    expect(EditionSettingsSchema.safeParse({ shortlistSize: 0 }).success).toBe(false);
  });
});
