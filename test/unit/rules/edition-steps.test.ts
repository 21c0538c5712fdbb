import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITION_STEPS, editionSteps, type EditionFacts } from '../../../src-main/rules/edition-steps.js';

/** A Wuxi-like edition of 30 applicants: material → shortlist of 20 → site → defence. */
function fresh(): EditionFacts {
  return {
    applicants: 30,
    eligibility: { inUse: false, incomplete: 0, eligible: 0, ineligible: 0 },
    stages: ['material', 'site', 'defence'],
    stageProgress: {},
    shortlist: { afterStage: 'material', size: 20, listed: 0, tieAtCut: false, confirmed: false },
    totals: { ranked: 0, unranked: 30 },
    committee: { decided: false, awards: 0, nominations: 0 },
    notice: { issued: false, ended: false, objectionsOpen: 0, from: null, to: null },
    result: { published: false, listed: 0 },
  };
}

const stateOf = (f: EditionFacts) => Object.fromEntries(editionSteps(f).map((s) => [s.step, s.state]));

describe('where an edition stands', () => {
  it('a new edition starts with the eligibility check and waits for everything after it', () => {
    expect(stateOf(fresh())).toEqual({
      eligibility: 'current',
      material: 'waiting',
      shortlist: 'waiting',
      site: 'waiting',
      defence: 'waiting',
      totals: 'waiting',
      committee: 'waiting',
      notice: 'waiting',
      result: 'waiting',
    });
  });

  it('counts the applicants still to check, and is done only when none is received or incomplete', () => {
    const f = { ...fresh(), eligibility: { inUse: true, incomplete: 2, eligible: 25, ineligible: 1 } };
    const step = editionSteps(f)[0]!;
    expect(step.state).toBe('current');
    expect(step.counts).toEqual([
      { key: 'received', value: 2 },
      { key: 'incomplete', value: 2 },
      { key: 'eligible', value: 25 },
      { key: 'ineligible', value: 1 },
    ]);
    const checked = { ...f, eligibility: { inUse: true, incomplete: 0, eligible: 29, ineligible: 1 } };
    expect(stateOf(checked)).toMatchObject({ eligibility: 'done', material: 'current' });
  });

  it('an edition that went on to scoring without the check shows the check skipped, not owed', () => {
    const f = { ...fresh(), stageProgress: { material: { due: 30, assigned: 30, complete: 12 } } };
    expect(stateOf(f)).toMatchObject({ eligibility: 'skipped', material: 'current', shortlist: 'waiting' });
  });

  it('a stage is done when every applicant it has to score has every sheet in', () => {
    const base = { ...fresh(), eligibility: { inUse: true, incomplete: 0, eligible: 30, ineligible: 0 } };
    expect(stateOf({ ...base, stageProgress: { material: { due: 30, assigned: 30, complete: 29 } } }).material).toBe('current');
    expect(stateOf({ ...base, stageProgress: { material: { due: 30, assigned: 30, complete: 30 } } })).toMatchObject({ material: 'done', shortlist: 'current' });
  });

  it('a tie at the shortlist cut blocks the shortlist until the committee confirms how it was settled', () => {
    const f = {
      ...fresh(),
      eligibility: { inUse: true, incomplete: 0, eligible: 30, ineligible: 0 },
      stageProgress: { material: { due: 30, assigned: 30, complete: 30 } },
      shortlist: { afterStage: 'material' as const, size: 20, listed: 21, tieAtCut: true, confirmed: false },
    };
    const shortlist = editionSteps(f).find((s) => s.step === 'shortlist')!;
    expect(shortlist).toMatchObject({ state: 'current', blocked: 'tie-at-cut' });
    expect(shortlist.counts).toEqual([
      { key: 'size', value: 20 },
      { key: 'listed', value: 21 },
    ]);
  });

  it('rules without a shortlist or a defence stage leave those steps out (Xinyang: material and site)', () => {
    const f = { ...fresh(), stages: ['material', 'site'] as const, shortlist: null };
    expect(stateOf(f)).toMatchObject({ shortlist: 'not-applicable', defence: 'not-applicable' });
  });

  it('a notice that has ended with objections still open is not done, and says why', () => {
    const f = { ...fresh(), notice: { issued: true, ended: true, objectionsOpen: 1, from: '2026-09-28', to: '2026-10-12' } };
    const notice = editionSteps(f).find((s) => s.step === 'notice')!;
    expect(notice).toMatchObject({ state: 'waiting', blocked: 'objections-open', period: { from: '2026-09-28', to: '2026-10-12' } });
    expect(editionSteps({ ...f, notice: { ...f.notice, objectionsOpen: 0 } }).find((s) => s.step === 'notice')!.state).toBe('done');
  });

  it('an edition whose result is published has no current step', () => {
    const f: EditionFacts = {
      ...fresh(),
      eligibility: { inUse: true, incomplete: 0, eligible: 30, ineligible: 0 },
      stageProgress: { material: { due: 30, assigned: 30, complete: 30 }, site: { due: 20, assigned: 20, complete: 20 }, defence: { due: 20, assigned: 20, complete: 20 } },
      shortlist: { afterStage: 'material', size: 20, listed: 20, tieAtCut: false, confirmed: true },
      totals: { ranked: 20, unranked: 0 },
      committee: { decided: true, awards: 5, nominations: 5 },
      notice: { issued: true, ended: true, objectionsOpen: 0, from: '2026-09-28', to: '2026-10-12' },
      result: { published: true, listed: 9 },
    };
    expect(editionSteps(f).every((s) => s.state === 'done')).toBe(true);
  });

  const count = fc.nat({ max: 40 });
  const facts: fc.Arbitrary<EditionFacts> = fc.record({
    applicants: count,
    eligibility: fc.record({ inUse: fc.boolean(), incomplete: count, eligible: count, ineligible: count }),
    stages: fc.constantFrom(['material', 'site', 'defence'] as const, ['material', 'site'] as const, ['material', 'defence'] as const),
    stageProgress: fc.record(
      { material: fc.record({ due: count, assigned: count, complete: count }), site: fc.record({ due: count, assigned: count, complete: count }), defence: fc.record({ due: count, assigned: count, complete: count }) },
      { requiredKeys: [] },
    ),
    shortlist: fc.option(fc.record({ afterStage: fc.constant('material' as const), size: count, listed: count, tieAtCut: fc.boolean(), confirmed: fc.boolean() }), { nil: null }),
    totals: fc.record({ ranked: count, unranked: count }),
    committee: fc.record({ decided: fc.boolean(), awards: count, nominations: count }),
    notice: fc.record({ issued: fc.boolean(), ended: fc.boolean(), objectionsOpen: count, from: fc.constant(null), to: fc.constant(null) }),
    result: fc.record({ published: fc.boolean(), listed: count }),
  });

  it('for any facts: every step once, in the regulations’ order, and the current step is the first one owed', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const steps = editionSteps(f);
        expect(steps.map((s) => s.step)).toEqual([...EDITION_STEPS]);
        const current = steps.filter((s) => s.state === 'current');
        expect(current.length).toBeLessThanOrEqual(1);
        const owed = steps.findIndex((s) => s.state === 'current' || s.state === 'waiting');
        if (owed >= 0) expect(steps[owed]!.state).toBe('current');
        else expect(current).toHaveLength(0);
      }),
    );
  });
});
