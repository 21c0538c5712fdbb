import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageEntries, type StageEntryInput } from '../../../src-main/rules/stage-entry.js';

/** Who may be assigned in a stage: Wuxi art. 11(3) — the site review and the defence take the top 20 after the material review. */

const WUXI: Pick<StageEntryInput, 'stages' | 'shortlist'> = { stages: ['material', 'site', 'defence'], shortlist: { afterStage: 'material', size: 20 } };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i + 1}`);

describe('stage entry', () => {
  it('opens the material review to everyone, whatever has been scored', () => {
    const entries = stageEntries({ ...WUXI, stage: 'material', applicantIds: ids(25), scored: () => false, shortlisted: new Set() });
    expect(entries.every((e) => e.eligible)).toBe(true);
  });

  it('closes the later stages while any applicant lacks a material score, saying how many', () => {
    const scored = new Set(ids(24));
    const entries = stageEntries({ ...WUXI, stage: 'site', applicantIds: ids(25), scored: (id) => scored.has(id), shortlisted: new Set(ids(20)) });
    expect(entries.every((e) => !e.eligible)).toBe(true);
    expect(entries[0]).toMatchObject({ reason: { zh: '材料评审尚未完成（1 家单位尚无评审组得分），入围名单未定' } });
  });

  it('then admits exactly the shortlist to the site review and the defence', () => {
    for (const stage of ['site', 'defence'] as const) {
      const entries = stageEntries({ ...WUXI, stage, applicantIds: ids(25), scored: () => true, shortlisted: new Set(ids(20)) });
      expect(entries.filter((e) => e.eligible).map((e) => e.applicantId)).toEqual(ids(20));
      expect(entries.find((e) => e.applicantId === 'a21')).toMatchObject({ eligible: false, reason: { zh: '未进入材料评审后的入围名单' } });
    }
  });

  it('gates nothing without a shortlist, or with one as large as the field', () => {
    expect(stageEntries({ stages: ['material', 'site'], shortlist: null, stage: 'site', applicantIds: ids(5), scored: () => false, shortlisted: new Set() }).every((e) => e.eligible)).toBe(true);
    expect(stageEntries({ ...WUXI, stage: 'site', applicantIds: ids(20), scored: () => false, shortlisted: new Set() }).every((e) => e.eligible)).toBe(true);
    expect(stageEntries({ ...WUXI, stage: 'site', applicantIds: ids(21), scored: () => false, shortlisted: new Set() }).some((e) => e.eligible)).toBe(false);
  });

  it('answers once for every applicant, eligible ones always on the shortlist once it is decided', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (n, size, allScored) => {
        const field = ids(n);
        const shortlisted = new Set(field.slice(0, size));
        const entries = stageEntries({ stages: WUXI.stages, shortlist: { afterStage: 'material', size }, stage: 'site', applicantIds: field, scored: () => allScored, shortlisted });
        expect(entries.map((e) => e.applicantId)).toEqual(field);
        if (size < n) for (const e of entries) if (e.eligible) expect(shortlisted.has(e.applicantId) && allScored).toBe(true);
      }),
    );
  });
});
