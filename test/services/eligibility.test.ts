import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicantInput } from '../../src-main/domain/people.js';
import { creditCodeCheck, idNumberCheck } from '../../src-main/domain/values.js';
import { verifyArchive } from '../../src-main/exchange/archive/verify.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { openStore } from '../../src-main/features/open.js';
import { exportBundleFile, newSecretariat, openTestStore, PASS, scoreAll, setupReview, TEST_KDF, tempDir, upload, type Review } from './fixtures.js';

/**
 * The eligibility check on a real store: the checklist per award level, "eligible" refused while
 * a condition is unmet or a bar stands, history across editions, only eligible applicants
 * assigned, the ineligible out of the results the same way in the store and in an archive.
 */

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const credit = (n: number): string => {
  const first = `91150100MA${String(1000000 + n).slice(-7)}`;
  return first + creditCodeCheck(first);
};

const unit = (code: string, over: Partial<ApplicantInput> = {}): ApplicantInput => ({
  code,
  name: `申报单位${code}`,
  kind: 'unit',
  industry: 2,
  creditCode: null,
  idNumber: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  ...over,
});

const HOHHOT_AWARD = { 'a-registered': true, 'a-operating': '2021-06-01', 'a-policy': true, 'a-excellence': '2022-01-01', 'a-leading': true, 'a-results': true, 'a-record': true };
const HOHHOT_NOMINATION = { 'n-registered': true, 'n-operating': '2021-06-01', 'n-policy': true, 'n-system': true };

describe('the eligibility check', () => {
  let t: ReturnType<typeof tempDir>;
  let sec: StoreClient;
  let editionId: string;
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
    editionId = sec.editions.create({ name: '2026年呼和浩特', year: 2026, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 10, panelSize: { min: 3, max: 7 } } }).id;
  });
  afterEach(() => {
    sec.close();
    t.cleanup();
  });

  it('refuses the award to an organisation 5 years short (Hohhot art. 11) and admits it to the nomination (art. 12: 3 years)', () => {
    const a = sec.applicants.add({ editionId, applicant: unit('HH-001', { creditCode: credit(1) }) });
    expect(sec.eligibility.list({ editionId }).rows[0]).toMatchObject({ state: 'received', outcome: 'open' });
    expect(() => sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'award', answers: HOHHOT_AWARD, on: '2026-05-31' })).toThrow(/不符合第十一条第（1）项.*至 2026-06-01 方满 5 年/);
    const row = sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'nomination', answers: HOHHOT_NOMINATION, on: '2026-05-31' });
    expect(row).toMatchObject({ state: 'eligible', level: 'nomination', outcome: 'eligible', on: '2026-05-31' });
    // a day later the 5 years are reached
    const award = sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'award', answers: HOHHOT_AWARD, on: '2026-06-01' });
    expect(award.conditions.find((c) => c.condition.id === 'a-operating')).toMatchObject({ state: 'met', reachedOn: '2026-06-01' });
    expect(award.steps.map((s) => [s.state, s.level])).toEqual([
      ['eligible', 'nomination'],
      ['eligible', 'award'],
    ]);
    expect(sec.store.auditLog({ limit: 10 }).filter((e) => e.action === 'eligibility.decided')).toHaveLength(2);
  });

  it('refuses "eligible" with a condition unanswered, an answer off the checklist, and "ineligible" without any reason', async () => {
    const a = sec.applicants.add({ editionId, applicant: unit('HH-002') });
    const { 'n-system': _, ...partial } = HOHHOT_NOMINATION;
    expect(await codeOf(() => sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'nomination', answers: partial, on: '2026-06-01' }))).toBe('eligibility.conditions-unmet');
    expect(await codeOf(() => sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'nomination', answers: { ...HOHHOT_NOMINATION, 'a-record': true } }))).toBe('eligibility.unknown-condition');
    expect(await codeOf(() => sec.eligibility.decide({ applicantId: a.id, decision: 'ineligible', level: 'nomination', answers: HOHHOT_NOMINATION, on: '2026-06-01' }))).toBe('eligibility.reason-needed');
    expect(sec.eligibility.list({ editionId }).inUse).toBe(false);
    const out = sec.eligibility.decide({ applicantId: a.id, decision: 'ineligible', level: 'nomination', answers: { ...HOHHOT_NOMINATION, 'n-policy': false }, on: '2026-06-01' });
    expect(out.reasons.map((r) => r.zh)).toEqual([expect.stringContaining('不符合第十二条第（1）项')]);
  });

  it('asks for missing materials with a due day, and prints the request as a letter', async () => {
    const a = sec.applicants.add({ editionId, applicant: unit('HH-003') });
    expect(await codeOf(() => sec.eligibility.letter({ applicantId: a.id, kind: 'incomplete', lang: 'zh' }))).toBe('eligibility.no-request');
    expect(await codeOf(() => sec.eligibility.requestMaterials({ applicantId: a.id, missing: ['自评报告'], dueDay: '2000-01-01' }))).toBe('eligibility.due-past');
    const row = sec.eligibility.requestMaterials({ applicantId: a.id, missing: ['自评报告', '近三年财务审计报告'], dueDay: '2099-06-30' });
    expect(row).toMatchObject({ state: 'incomplete', steps: [{ missing: ['自评报告', '近三年财务审计报告'], dueDay: '2099-06-30' }] });
    const letter = await sec.eligibility.letter({ applicantId: a.id, kind: 'incomplete', lang: 'zh' });
    expect(letter.fileName).toBe('申报材料补正通知书-HH-003.pdf');
    expect(Buffer.from(letter.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(letter.pages).toBe(1);
  });

  it('validates the credit code and the ID number on entry and on correction, and finds the applicant in other editions by either', async () => {
    expect(await codeOf(() => sec.applicants.add({ editionId, applicant: unit('HH-010', { creditCode: `${credit(2).slice(0, 17)}0` === credit(2) ? `${credit(2).slice(0, 17)}1` : `${credit(2).slice(0, 17)}0` }) }))).toBe('input.invalid');
    const first = '11010519491231002';
    const id = first + idNumberCheck(first);
    expect(await codeOf(() => sec.applicants.add({ editionId, applicant: unit('HH-011', { idNumber: `${first}${idNumberCheck(first) === '0' ? '1' : '0'}` }) }))).toBe('input.invalid');
    const a = sec.applicants.add({ editionId, applicant: unit('HH-012', { creditCode: credit(3).toLowerCase() }) });
    expect(a.creditCode).toBe(credit(3));
    const fixed = sec.applicants.update({ applicantId: a.id, changes: { idNumber: id.toLowerCase() } });
    expect(fixed.idNumber).toBe(id);

    const earlier = sec.editions.create({ name: '2024年呼和浩特', year: 2024, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 10, panelSize: { min: 3, max: 7 } } }).id;
    const then = sec.applicants.add({ editionId: earlier, applicant: unit('HH24-007', { creditCode: credit(3) }) });
    sec.eligibility.decide({ applicantId: then.id, decision: 'ineligible', level: 'award', answers: { 'a-record': false }, on: '2024-03-01' });
    expect(sec.eligibility.list({ editionId }).rows.find((r) => r.applicant.id === a.id)!.elsewhere).toEqual([{ editionId: earlier, editionName: '2024年呼和浩特', year: 2024, code: 'HH24-007', state: 'ineligible' }]);
  });
});

describe('re-application bars', () => {
  let t: ReturnType<typeof tempDir>;
  let sec: StoreClient;
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
  });
  afterEach(() => {
    sec.close();
    t.cleanup();
  });

  it('bars an organisation whose award was revoked for 5 years through the anniversary (Xinyang art. 33)', async () => {
    const editionId = sec.editions.create({ name: '2026年信阳', year: 2026, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }).id;
    const a = sec.applicants.add({ editionId, applicant: unit('XY-001', { creditCode: credit(9) }) });
    expect(await codeOf(() => sec.eligibility.addPastAward({ holder: 'NOT-A-CODE-AT-ALL1', name: '某单位', event: 'revoked', on: '2021-05-10' }))).toBe('eligibility.holder-invalid');
    sec.eligibility.addPastAward({ holder: credit(9), name: '信阳某公司', event: 'revoked', on: '2021-05-10', note: '2021年撤销' });
    const answers = Object.fromEntries(['quality', 'innovation', 'performance', 'brand', 'policy', 'licences', 'accidents', 'inspections', 'losses', 'fraud', 'credit', 'law'].map((k) => [k, true]));
    const all = { ...answers, operating: '2015-01-01' };
    expect(() => sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', answers: all, on: '2026-05-10' })).toThrow(/第三十三条.*至 2026-05-10 不得申报/);
    const row = sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', answers: all, on: '2026-05-11' });
    expect(row).toMatchObject({ state: 'eligible', bars: [], past: [{ event: 'revoked', on: '2021-05-10' }] });
  });

  it('bars a Jinan winner for good (art. 6), at either level', () => {
    const editionId = sec.editions.create({ name: '2026年济南', year: 2026, profileId: 'jinan-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 40, defence: 30 }, panelSize: { min: 3, max: 7 } } }).id;
    const a = sec.applicants.add({ editionId, applicant: unit('JN-001', { creditCode: credit(11) }) });
    sec.eligibility.addPastAward({ holder: credit(11), name: '济南某公司', event: 'award', on: '2010-12-01' });
    const row = sec.eligibility.list({ editionId }).rows[0]!;
    expect(row.bars).toEqual([expect.objectContaining({ event: 'award', eventOn: '2010-12-01', until: null })]);
    expect(row.outcome).toBe('ineligible');
    expect(() => sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level: 'nomination', answers: {} })).toThrow(/第六条/);
  });
});

describe('only eligible applicants are reviewed, and the ineligible leave the results', () => {
  let r: Review;
  beforeAll(async () => {
    r = await setupReview();
  }, 120_000);
  afterAll(() => r.cleanup());

  it('keeps an edition that never used the step open, then assigns only the eligible once one is checked', async () => {
    const extra = r.sec.applicants.add({ editionId: r.editionId, applicant: unit('XY2025-009', { name: '信阳后补单位' }) });
    const defence = r.sec.panels.create({ editionId: r.editionId, panel: { stage: 'material', name: '材料评审第二组', memberIds: [r.experts[0]!.id], leaderId: null } });
    r.sec.eligibility.requestMaterials({ applicantId: extra.id, missing: ['推荐意见'] });
    expect(await codeOf(() => r.sec.panels.assign({ panelId: defence.id, applicantIds: [extra.id] }))).toBe('assignment.not-eligible');
    expect(() => r.sec.panels.assign({ panelId: defence.id, applicantIds: [extra.id] })).toThrow(/材料待补正/);
    r.sec.panels.remove({ panelId: defence.id, reason: '测试' });
  });

  it('leaves an applicant found ineligible after scoring out of the ranking, in the store and in the archive recomputation', async () => {
    const id = r.editionId;
    const [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
    for (const [i, e] of r.stores.entries()) {
      for (const a of [a1, a2, a3]) {
        scoreAll(e, id, a, 'material', 60 + 5 * i);
        scoreAll(e, id, a, 'site', 65 + 5 * i);
      }
    }
    const files: string[] = [];
    for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, id, join(r.dir, `bundle-${i + 1}.psb`))).file);
    await r.sec.bundles.import({ files: files.map(upload) });
    // the applicant still waiting for its materials is ranked unscored, as before the step existed
    expect(r.sec.results.get({ editionId: id }).ranking.map((x) => x.applicant.id)).toEqual(expect.arrayContaining([a1, a2, a3]));
    expect(r.sec.results.get({ editionId: id }).ranking).toHaveLength(4);

    r.sec.eligibility.decide({ applicantId: a2, decision: 'ineligible', answers: { losses: false } });
    const ranked = r.sec.results.get({ editionId: id }).ranking.map((x) => x.applicant.id);
    expect(ranked).not.toContain(a2);
    expect(ranked).toHaveLength(3);

    const office = await generateX25519Identity();
    const made = await r.sec.archive.create({ editionId: id, protection: { kind: 'encrypted', recipients: [await identityToRecipient(office)] } });
    const v = await verifyArchive(made.bytes, { identities: [office] });
    expect(v.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    expect(v.checks.find((c) => c.id === 'results')!.done.en).toContain('of 3 applicants');
  }, 120_000);
});

describe('an edition made before the eligibility check', () => {
  it('has no checklist: the clerk decides with a note for "ineligible", and only then does the step gate assignment', async () => {
    const t = tempDir();
    const path = join(t.dir, 'secretariat.db');
    let sec = await newSecretariat(t.dir);
    const editionId = sec.editions.create({ name: '2024年信阳', year: 2024, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }).id;
    const [a, b] = ['XY-101', 'XY-102'].map((code) => sec.applicants.add({ editionId, applicant: unit(code) }));
    sec.close();
    // the profile as an edition stored it before the step existed
    const raw = await openStore({ path, passphrase: PASS, kdf: TEST_KDF }, 'secretariat');
    raw.ctx.db.prepare("UPDATE editions SET profile_json = json_remove(profile_json, '$.eligibility') WHERE id = ?").run(editionId);
    raw.close();
    sec = await openTestStore(path, 'secretariat');
    try {
      expect(sec.eligibility.list({ editionId })).toMatchObject({ inUse: false, hasConditions: false, rows: [{ conditions: [] }, { conditions: [] }] });
      expect(await codeOf(() => sec.eligibility.decide({ applicantId: a!.id, decision: 'ineligible' }))).toBe('eligibility.reason-needed');
      sec.eligibility.decide({ applicantId: a!.id, decision: 'ineligible', note: '征求市直部门意见：近三年有环保处罚' });
      expect(sec.eligibility.decide({ applicantId: b!.id, decision: 'eligible' }).state).toBe('eligible');
      const entries = sec.panels.entries({ editionId, stage: 'material' });
      expect(entries.map((e) => [e.eligible, e.reason?.zh ?? null])).toEqual([
        [false, '资格审核：不符合条件，尚未审核通过'],
        [true, null],
      ]);
    } finally {
      sec.close();
      t.cleanup();
    }
  });
});

describe('an applicant the eligibility check found eligible for the nomination only', () => {
  let r: Review;
  beforeAll(async () => {
    r = await setupReview();
  }, 120_000);
  afterAll(() => r.cleanup());

  it('is never placed at the award: the award places go to the next eligible, it is a nomination candidate, and the committee is told why', async () => {
    const id = r.editionId;
    const [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
    const profile = r.sec.editions.get({ editionId: id }).profile.eligibility!;
    const { conditionsFor } = await import('../../src-main/rules/eligibility.js');
    const answers = (level: 'award' | 'nomination') => Object.fromEntries(conditionsFor(profile, 'unit', level).map((c) => [c.id, c.minYears ? '2015-01-01' : true]));
    r.sec.eligibility.decide({ applicantId: a1, decision: 'eligible', level: 'nomination', answers: answers('nomination') });
    for (const a of [a2, a3]) r.sec.eligibility.decide({ applicantId: a, decision: 'eligible', level: 'award', answers: answers('award') });
    for (const e of r.stores) {
      for (const [a, p] of [[a1, 90], [a2, 80], [a3, 70]] as const) {
        scoreAll(e, id, a, 'material', p);
        scoreAll(e, id, a, 'site', p);
      }
    }
    const files: string[] = [];
    for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, id, join(r.dir, `bundle-${i + 1}.psb`))).file);
    await r.sec.bundles.import({ files: files.map(upload) });

    const results = r.sec.results.get({ editionId: id });
    expect(results.ranking.map((e) => [e.applicant.code, e.rank])).toEqual([['XY2025-001', 1], ['XY2025-002', 2], ['XY2025-003', 3]]);
    expect(results.candidates.entries.map((c) => [c.applicantId, c.status, c.passedOver ?? []])).toEqual([
      [a1, 'nomination', ['award']],
      [a2, 'award', []],
      [a3, 'award', []],
    ]);

    // Xinyang art. 21: each candidate goes to the ballot at the level it is a candidate for
    const meeting = { heldOn: '2026-09-25', meeting: '评委会全体会议' };
    for (const applicantId of [a1, a2, a3]) r.sec.committee.recordTally({ editionId: id, ...meeting, applicantId, voters: 9, votesFor: 8, votesAgainst: 1, abstentions: 0, invalid: 0 });
    const view = r.sec.committee.get({ editionId: id });
    expect(view.ballot!.candidates.map((c) => [c.applicant.code, c.level])).toEqual([['XY2025-002', 'award'], ['XY2025-003', 'award'], ['XY2025-001', 'nomination']]);
    expect(view.awardList.entries.map((e) => [e.applicant.code, e.level, e.place])).toEqual([['XY2025-002', 'award', 1], ['XY2025-003', 'award', 2], ['XY2025-001', 'nomination', 1]]);
    expect(view.awardList.entries.find((e) => e.applicant.id === a1)!.basis.zh).toContain('资格审核仅认定其符合提名奖申报条件，未列入市长质量奖候选名单');
    expect(view.awardList.passedOver.map((x) => [x.applicant.code, x.level])).toEqual([['XY2025-001', 'award']]);

    // the archive carries the levels, so its recomputation places the candidates the same way
    const office = await generateX25519Identity();
    const made = await r.sec.archive.create({ editionId: id, protection: { kind: 'encrypted', recipients: [await identityToRecipient(office)] } });
    const v = await verifyArchive(made.bytes, { identities: [office] });
    expect(v.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
  }, 120_000);
});
