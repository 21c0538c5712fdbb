import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src-main/profile/schema.js';
import { builtInProfiles, getProfile } from '../../../src-main/catalog/profiles.js';
import { parseProfile } from '../../../src-main/profile/parse.js';
import { PingshenError } from '../../../src-main/domain/errors.js';

function refusal(json: unknown): PingshenError {
  try {
    parseProfile(json, 'test-profile');
  } catch (e) {
    if (e instanceof PingshenError) return e;
    throw e;
  }
  throw new Error('the profile was accepted');
}

const weights = (p: Profile): Record<string, number | null> =>
  Object.fromEntries(p.stages.map((s) => [s.stage, s.weight]));

describe('the five regulations as shipped', () => {
  it('are all present and valid', () => {
    expect(builtInProfiles().map((p) => p.id)).toEqual([
      'daqing-2018',
      'hohhot-draft',
      'jinan-2018',
      'wuxi-2024',
      'xinyang-2022',
    ]);
  });

  it('Wuxi 2024: yearly; 30/50/20; award ≥ 60 %, nomination ≥ 50 %; 5 + 10; 20 on to the site review; 7 days notice', () => {
    const p = getProfile('wuxi-2024');
    expect(p.cycleYears).toBe(1);
    expect(weights(p)).toEqual({ material: 30, site: 50, defence: 20 });
    expect(p.floors).toEqual({ award: 60, nomination: 50 });
    expect(p.caps).toEqual({ award: { unit: 5, individual: 0 }, nomination: { unit: 10, individual: 0 } });
    expect(p.shortlist).toEqual({ afterStage: 'material', size: 20 });
    expect(p.notice).toEqual({ days: 7, working: false });
    expect(p.sources.weights).toContain('第十一条第（五）项');
    expect(p.sources.shortlist).toContain('第十一条第（三）项');
    expect(p.sources.floors).toContain('第五条');
  });

  it('Xinyang 2022: 30/70; 600 of 1000 qualifies for either level; 2 + 3; panels 3–7; two-thirds vote', () => {
    const p = getProfile('xinyang-2022');
    expect(p.cycleYears).toBe(2);
    expect(weights(p)).toEqual({ material: 30, site: 70 });
    expect(p.floors).toEqual({ award: 60, nomination: 60 });
    expect(p.caps.award.unit).toBe(2);
    expect(p.caps.nomination.unit).toBe(3);
    expect(p.shortlist).toBeNull();
    expect(p.panelSize).toEqual({ min: 3, max: 7 });
    expect(p.committeeVote).toEqual({ fraction: { numerator: 2, denominator: 3 } });
    expect(p.notice).toEqual({ days: 5, working: true });
    expect(p.sources.committeeVote).toContain('第二十一条');
    expect(p.sources.panelSize).toContain('第九条');
  });

  it('Jinan 2018: units and individuals with separate caps; weights open; 5 working days notice', () => {
    const p = getProfile('jinan-2018');
    expect(p.applicantKinds).toEqual(['unit', 'individual']);
    expect(weights(p)).toEqual({ material: null, site: null, defence: null });
    expect(p.floors).toEqual({ award: null, nomination: null });
    expect(p.caps).toEqual({ award: { unit: 5, individual: 3 }, nomination: { unit: 3, individual: 2 } });
    expect(p.shortlist).toBeNull();
    expect(p.notice).toEqual({ days: 5, working: true });
    expect(p.sources.caps).toContain('第二条');
  });

  it('Daqing 2018: material and site, weights open; 5 + 7; shortlist set per edition; records kept 10 years', () => {
    const p = getProfile('daqing-2018');
    expect(weights(p)).toEqual({ material: null, site: null });
    expect(p.caps.award.unit).toBe(5);
    expect(p.caps.nomination.unit).toBe(7);
    expect(p.shortlist).toEqual({ afterStage: 'material', size: 'edition' });
    expect(p.retentionYears).toBe(10);
    expect(p.notice).toEqual({ days: 7, working: false });
    expect(p.sources.retentionYears).toContain('第三十六条');
    expect(p.sources.shortlist).toContain('第十四条');
  });

  it('Hohhot draft: three stages, weights open; 5 + 8; shortlist set per edition; 7 working days notice', () => {
    const p = getProfile('hohhot-draft');
    expect(weights(p)).toEqual({ material: null, site: null, defence: null });
    expect(p.caps.award.unit).toBe(5);
    expect(p.caps.nomination.unit).toBe(8);
    expect(p.shortlist).toEqual({ afterStage: 'material', size: 'edition' });
    expect(p.notice).toEqual({ days: 7, working: true });
  });

  it('leave trimming and disagreement flags off (30 points, from 5 experts) for the secretariat to switch on', () => {
    for (const p of builtInProfiles()) {
      expect(p.trim).toEqual({ enabled: false, minPanelSize: 5 });
      expect(p.disagreement).toEqual({ enabled: false, threshold: 30 });
      expect(p.tieBreak.at(-1)).toEqual({ by: 'category', code: '4.7' });
    }
  });

  it('an unknown profile id is refused with the ids that exist', () => {
    expect(() => getProfile('shanghai-2020')).toThrow(
      expect.objectContaining({ code: 'profile.not-found', message: expect.stringContaining('wuxi-2024') }),
    );
  });
});

describe('an inconsistent profile is refused with its reason', () => {
  const base = (): Profile => structuredClone(getProfile('wuxi-2024'));

  it('fixed weights not adding up to 100 %', () => {
    const p = base();
    p.stages[2]!.weight = 30;
    const e = refusal(p);
    expect(e.code).toBe('profile.invalid');
    expect(e.localized.en).toContain('stage weights add up to 110%, not 100%');
    expect(e.localized.zh).toContain('各环节权重合计 110%，应为 100%');
  });

  it('a negative cap', () => {
    const p = base();
    p.caps.award.unit = -1;
    expect(refusal(p).localized.en).toContain('caps.award.unit');
  });

  it('a floor above full marks', () => {
    const p = base();
    p.floors.award = 120;
    expect(refusal(p).localized.en).toContain('floors.award: Too big');
  });

  it('a nomination floor above the award floor', () => {
    const p = base();
    p.floors = { award: 50, nomination: 60 };
    expect(refusal(p).localized.en).toContain('the nomination floor 60% is above the award floor 50%');
  });

  it('a panel minimum above its maximum', () => {
    const p = base();
    p.panelSize = { min: 7, max: 3 };
    expect(refusal(p).localized.en).toContain('panel size minimum 7 is above the maximum 3');
  });

  it('a shortlist of fewer than one, or after the last scored stage', () => {
    const p = base();
    p.shortlist = { afterStage: 'material', size: 0 };
    expect(refusal(p).localized.en).toContain('shortlist.size');
    p.shortlist = { afterStage: 'defence', size: 5 };
    expect(refusal(p).localized.en).toContain('the shortlist must follow a scored stage that has a later scored stage');
  });

  it('caps for a kind of applicant the regulation does not admit', () => {
    const p = base();
    p.caps.award.individual = 2;
    expect(refusal(p).localized.en).toContain('does not admit individuals');
  });

  it('stages out of order, repeated, or weighing nothing', () => {
    const p = base();
    p.stages = [
      { stage: 'site', weight: 50 },
      { stage: 'material', weight: 50 },
    ];
    expect(refusal(p).localized.en).toContain('in the order material → site → defence');
    const zero = base();
    zero.stages = [
      { stage: 'material', weight: 0 },
      { stage: 'site', weight: 100 },
    ];
    zero.tieBreak = [];
    zero.shortlist = null;
    expect(refusal(zero).localized.en).toContain('material review weighs 0');
  });

  it('a tie-break on a stage that is not scored', () => {
    const p = structuredClone(getProfile('xinyang-2022'));
    p.tieBreak = [{ by: 'stage', stage: 'defence' }];
    expect(refusal(p).localized.en).toContain('a tie-break refers to defence, which is not a scored stage');
  });

  it('trimming from fewer than three experts, which would leave nobody', () => {
    const p = base();
    p.trim = { enabled: true, minPanelSize: 2 };
    expect(refusal(p).localized.en).toContain('trim.minPanelSize');
  });

  it('lists every reason at once', () => {
    const p = base();
    p.floors = { award: 50, nomination: 60 };
    p.panelSize = { min: 7, max: 3 };
    p.stages[0]!.weight = 40;
    expect((refusal(p).details as { reasons: unknown[] }).reasons).toHaveLength(3);
  });
});
