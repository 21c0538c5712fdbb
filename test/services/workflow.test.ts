import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundleFile, scoreAll, upload, setupReview, type Review } from './fixtures.js';

/**
 * The whole review as it happens: the secretariat sets up, three experts score from their own
 * encrypted stores, sealed bundles come back, and the ranking follows the Xinyang rules
 * (material 30 %, site 70 %, at most 2 awards, floor 60 % of 1000).
 */
describe('a review from edition to ranking', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  it('ranks the applicants from the experts’ sealed bundles, with the conflicted expert left out', async () => {
    const [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
    const [e1, e2, e3] = r.stores as [typeof r.stores[0], typeof r.stores[0], typeof r.stores[0]];
    const id = r.editionId;

    // every expert sees the two stages for the three applicants
    expect(e1.assignments.mine({ editionId: id })).toHaveLength(6);

    scoreAll(e1, id, a1, 'material', 80, '过程管理体系完善');
    scoreAll(e2, id, a1, 'material', 70);
    scoreAll(e3, id, a1, 'material', 75);
    scoreAll(e1, id, a1, 'site', 85);
    scoreAll(e2, id, a1, 'site', 80);
    scoreAll(e3, id, a1, 'site', 75);
    for (const e of [e1, e2, e3]) {
      scoreAll(e, id, a2, 'material', 60);
      scoreAll(e, id, a2, 'site', 65);
    }
    e3.declarations.declare({ editionId: id, applicantId: a3, conflict: true, reason: '曾任该单位质量顾问' });
    for (const e of [e1, e2]) {
      scoreAll(e, id, a3, 'material', 50);
      scoreAll(e, id, a3, 'site', 55);
    }

    const bundles = [];
    for (const [i, e] of [e1, e2, e3].entries()) bundles.push((await exportBundleFile(e, id, join(r.dir, `bundle-${i + 1}.psb`))).file);
    const outcomes = await r.sec.bundles.import({ files: bundles.map(upload) });
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(outcomes.map((o) => (o.status === 'accepted' ? o.sheets : -1))).toEqual([6, 6, 4]);

    const results = r.sec.results.get({ editionId: id });
    const ranking = results.ranking.map((e) => ({ code: e.applicant.code, total: e.weightedTotal, rank: e.rank }));
    expect(ranking).toEqual([
      { code: 'XY2025-001', total: 785, rank: 1 },
      { code: 'XY2025-002', total: 635, rank: 2 },
      { code: 'XY2025-003', total: 535, rank: 3 },
    ]);
    const status = Object.fromEntries(results.candidates.entries.map((c) => [c.applicantId, c.status]));
    expect(status[a1]).toBe('award');
    expect(status[a2]).toBe('award');
    expect(status[a3]).toBe('below-floor');
    // two experts left on A3's panels, below Xinyang's minimum of three
    expect(results.flags.filter((f) => f.code === 'undersized-panel' && f.applicantId === a3)).toHaveLength(2);

    // the register holds every declaration, the no-conflict ones too, by applicant then expert
    const codeOfApplicant = new Map(r.applicants.map((a) => [a.id, a.code]));
    const codeOfExpert = new Map(r.experts.map((e) => [e.id, e.code]));
    const register = r.sec.declarations.register({ editionId: id });
    expect(register.map((d) => [codeOfApplicant.get(d.applicantId), codeOfExpert.get(d.expertId), d.conflict, d.source])).toEqual([
      ['XY2025-001', 'E01', false, 'expert'],
      ['XY2025-001', 'E02', false, 'expert'],
      ['XY2025-001', 'E03', false, 'expert'],
      ['XY2025-002', 'E01', false, 'expert'],
      ['XY2025-002', 'E02', false, 'expert'],
      ['XY2025-002', 'E03', false, 'expert'],
      ['XY2025-003', 'E01', false, 'expert'],
      ['XY2025-003', 'E02', false, 'expert'],
      ['XY2025-003', 'E03', true, 'expert'],
    ]);
    expect(register.at(-1)).toMatchObject({ reason: '曾任该单位质量顾问' });
    expect(register.every((d) => !Number.isNaN(Date.parse(d.declaredAt)))).toBe(true);
    expect(r.sec.results.owedWork({ editionId: id })).toEqual([]);
    const sheet = r.sec.sheets.list({ editionId: id, filter: { applicantId: a1, stage: 'material', expertId: r.experts[0]!.id } });
    expect(sheet).toHaveLength(1);
    expect(sheet[0]!.total).toBe(800);
    expect(sheet[0]!.items[0]!.strengths).toBe('过程管理体系完善');
    expect(r.sec.store.verifyAuditChain()).toMatchObject({ ok: true });
    expect(e1.store.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it('lists the work still owed, per expert, applicant and stage', async () => {
    const [a1] = r.applicants.map((a) => a.id) as [string];
    const [e1] = r.stores as [typeof r.stores[0]];
    scoreAll(e1, r.editionId, a1, 'material', 60);
    await r.sec.bundles.import({ files: [(await exportBundleFile(e1, r.editionId, join(r.dir, 'b1.psb'))).file].map(upload) });
    const owed = r.sec.results.owedWork({ editionId: r.editionId });
    const mine = owed.filter((o) => o.expertId === r.experts[0]!.id);
    expect(mine.find((o) => o.applicantId === a1 && o.stage === 'material')).toBeUndefined();
    expect(mine.find((o) => o.applicantId === a1 && o.stage === 'site')?.state).toBe('not-submitted');
    expect(mine.filter((o) => o.state === 'undeclared')).toHaveLength(4);
    expect(owed.filter((o) => o.state === 'no-bundle')).toHaveLength(12);
  });
});
