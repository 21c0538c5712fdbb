import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBundleFile, scoreAll, setupReview, upload, type Review } from './fixtures.js';

let review: Review | undefined;
afterEach(() => {
  review?.cleanup();
  review = undefined;
});

const stepsOf = (r: Review, editionId = r.editionId) => Object.fromEntries(r.sec.editions.steps({ editionId }).map((s) => [s.step, s]));

describe('where an edition stands, from what the store holds', () => {
  it('a new edition with applicants starts at the eligibility check, each one still to check', async () => {
    review = await setupReview();
    const fresh = review.sec.editions.create({ name: '2027年信阳市市长质量奖', year: 2027, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    review.sec.applicants.add({
      editionId: fresh.id,
      applicant: { code: 'XY2027-001', name: '信阳毛尖集团有限公司', kind: 'unit', industry: 1, contactName: '联系人', contactPhone: '13912345678', contactEmail: null },
    });
    const steps = stepsOf(review, fresh.id);
    expect(steps.eligibility).toMatchObject({ state: 'current', counts: [{ key: 'received', value: 1 }, { key: 'incomplete', value: 0 }, { key: 'eligible', value: 0 }, { key: 'ineligible', value: 0 }] });
    // Xinyang has no shortlist and holds the defence before the committee, not as a scored stage
    expect(steps.shortlist!.state).toBe('not-applicable');
    expect(steps.defence!.state).toBe('not-applicable');
    expect(steps.material!.state).toBe('waiting');
  });

  it('an edition scored without the check shows it skipped; the stages follow the sheets that came in, then the committee is next', async () => {
    review = await setupReview();
    const r = review;
    let steps = stepsOf(r);
    expect(steps.eligibility!.state).toBe('skipped');
    expect(steps.material).toMatchObject({ state: 'current', counts: [{ key: 'due', value: 3 }, { key: 'assigned', value: 3 }, { key: 'complete', value: 0 }] });

    for (const [i, e] of r.stores.entries()) {
      for (const a of r.applicants) {
        scoreAll(e, r.editionId, a.id, 'material', 60 + 5 * i);
        scoreAll(e, r.editionId, a.id, 'site', 65 + 5 * i);
      }
    }
    const files = [];
    for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, r.editionId, join(r.dir, `steps-${i + 1}.psb`))).file);
    await r.sec.bundles.import({ files: files.map(upload) });

    steps = stepsOf(r);
    expect(steps.material!.state).toBe('done');
    expect(steps.site).toMatchObject({ state: 'done', counts: [{ key: 'due', value: 3 }, { key: 'assigned', value: 3 }, { key: 'complete', value: 3 }] });
    expect(steps.totals).toMatchObject({ state: 'done', counts: [{ key: 'ranked', value: 3 }, { key: 'unranked', value: 0 }] });
    expect(steps.committee!.state).toBe('current');
    expect(steps.notice!.state).toBe('waiting');
    expect(steps.result!.state).toBe('waiting');
  });
});
