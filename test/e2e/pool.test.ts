import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initStore, type StoreClient } from '../../src-main/features/open.js';
import { openTestStore, TEST_KDF } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { applicants, applicantsSheet, experts, expertStores, PASSPHRASE } from './helpers/fixtures.js';
import { attrOf, countOf, disabled, textOf, visible } from './helpers/wait.js';

/**
 * The expert pool in the browser (issue 13): last year's edition enrolled three experts; the
 * clerk finds them in the pool, builds the next edition from it without enrolling anyone again,
 * lets the app propose the panel, applies it, and exports a package for every expert. Then the
 * pool is kept from the screen (a new expert with each refused value shown under its field, a key
 * enrolled and replaced, a qualification recorded and removed, a profile corrected, each expert's
 * editions, panels and workload), and the conflict suggestions those corrections bring are
 * settled in the panel's drawer at the moment of assignment.
 */

const EXPERTS = experts(3);
const APPLICANTS = applicants(4);

describe('a second edition built from the pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-pool-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let stores: Map<string, StoreClient>;

  beforeAll(async () => {
    // last year's edition, outside the app: three experts enrolled from their own laptops
    const data = join(dir, 'app');
    mkdirSync(data, { recursive: true });
    const path = join(data, 'secretariat.db');
    await initStore({ role: 'secretariat', path, passphrase: PASSPHRASE, kdf: TEST_KDF });
    stores = await expertStores(join(dir, 'experts'), EXPERTS.map((e) => e.code));
    const sec = await openTestStore(path, 'secretariat', PASSPHRASE);
    const last = sec.editions.create({ name: '2024年度信阳市市长质量奖', year: 2024, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    for (const e of EXPERTS) {
      const seat = sec.experts.add({ editionId: last.id, expert: e });
      sec.experts.enroll({ expertId: seat.id, enrollmentCode: stores.get(e.code)!.store.enrollmentCode() });
    }
    sec.close();
    app = await startApp(data);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-pool-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    for (const s of stores?.values() ?? []) s.close();
    await browser?.close();
    await app?.stop();
  });

  it('unlocks the store and finds last year\'s experts in the pool, enrolled', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('open-pool').click();
    const rows = page.getByTestId('pool-table').locator('tbody tr');
    await countOf(rows).toBe(EXPERTS.length);
    await textOf(page.getByTestId(`pool-row-${EXPERTS[0]!.code}`)).toMatch(/在库.*已登记/);
    await page.getByTestId(`pool-row-${EXPERTS[0]!.code}`).click();
    await visible(page.getByTestId('pool-seats').getByText('2024年度信阳市市长质量奖'));
    await shot(page, '60-pool');
    await page.keyboard.press('Escape');
    await page.getByText('← 返回').click();
  });

  it('creates the next edition and draws every expert from the pool, nobody enrolled again', async () => {
    await page.getByTestId('new-edition-open').click();
    await page.getByTestId('edition-name').fill('2025年度信阳市市长质量奖');
    await page.getByTestId('edition-year').fill('2025');
    await page.getByTestId('edition-profile').click();
    await page.getByRole('option', { name: /信阳市/ }).first().click();
    await page.getByTestId('edition-create').click();
    await textOf(page.getByTestId('edition-title')).toBe('2025年度信阳市市长质量奖');

    await page.getByTestId('tab-applicants').click();
    await page.getByTestId('import-applicants-input').setInputFiles(await applicantsSheet(join(files, 'applicants.xlsx'), APPLICANTS));
    await countOf(page.getByTestId('applicants-table').locator('tbody tr')).toBe(APPLICANTS.length);

    await page.getByTestId('tab-experts').click();
    await page.getByTestId('pool-draw-open').click();
    await page.getByTestId('pool-draw-all').click();
    await page.getByTestId('pool-draw-submit').click();
    const rows = page.getByTestId('experts-table').locator('tbody tr');
    await countOf(rows).toBe(EXPERTS.length);
    for (const e of EXPERTS) await textOf(page.getByTestId(`expert-row-${e.code}`)).toMatch('已登记');
    await countOf(page.locator('[data-testid^="enroll-E"]')).toBe(0);
    await shot(page, '61-drawn-from-pool');
  });

  it('lets the app propose the panel, applied only when the clerk says so', async () => {
    await page.getByTestId('tab-panels').click();
    await page.getByTestId('proposal-open').click();
    await page.getByTestId('proposal-run').click();
    await visible(page.getByTestId('proposal-panel-0'));
    await visible(page.getByTestId('proposal-notes'));
    await textOf(page.getByTestId('proposal-workload-0')).toBe(`成员在本届已有评审任务 0 项，加上本组的申报单位为 ${APPLICANTS.length} 项。`);
    await shot(page, '62-proposal');
    await page.getByTestId('proposal-name-0').fill('材料评审组');
    await page.getByTestId('proposal-apply').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await countOf(page.getByTestId('panels-table').locator('tbody tr')).toBe(1);
    await textOf(page.getByTestId('panel-row-材料评审组')).toMatch('3 人');
  });

  it('exports a package for every expert of the new edition without a new enrolment', async () => {
    await page.getByTestId('tab-packages').click();
    await page.getByTestId('export-packages').click();
    await countOf(page.getByTestId('packages-table').locator('tbody tr')).toBe(EXPERTS.length);
    await attrOf(page.getByTestId('export-packages'), 'data-loading').toBe(null);
    expect(problems).toEqual([]);
    await shot(page, '63-packages-from-pool');
  });

  it('adds an expert to the pool with each refused value shown under its field, then enrols and replaces their key', async () => {
    await page.getByText('← 返回').click();
    await page.getByTestId('open-pool').click();
    await page.getByTestId('pool-add-open').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('pool-add-code').fill(EXPERTS[0]!.code);
    await page.getByTestId('pool-add-name').fill('赵敏');
    await page.getByTestId('pool-add-phone').fill('12345');
    await visible(dialog.getByText('“12345”不是有效的电话号码'));
    await disabled(page.getByTestId('pool-add-submit')).toBe(true);
    await page.getByTestId('pool-add-phone').fill('13912345678');
    await countOf(dialog.getByText('不是有效的电话号码')).toBe(0);
    await page.getByTestId('pool-add-submit').click();
    // the store refuses the code another pool expert holds: said under the code, everything typed kept
    await visible(dialog.getByText(`专家库中已有编号为“${EXPERTS[0]!.code}”的专家`));
    await attrOf(page.getByTestId('pool-add-phone'), 'value').toBe('13912345678');
    await page.getByTestId('pool-add-code').fill('E90');
    await page.getByTestId('pool-add-submit').click();
    await countOf(dialog).toBe(0);
    await textOf(page.getByTestId('pool-row-E90')).toMatch(/赵敏.*未登记/);

    const laptops = await expertStores(join(dir, 'pool-experts'), ['E90', 'E90-new']);
    for (const [code, s] of laptops) stores.set(code, s);
    await page.getByTestId('pool-row-E90').click();
    await visible(page.getByTestId('pool-key').getByText('尚未登记注册码'));
    const enrol = async (code: string) => {
      await page.getByTestId('pool-enroll-open').click();
      await page.getByTestId('enroll-code').fill(laptops.get(code)!.store.enrollmentCode());
      await page.getByTestId('enroll-check').click();
      await visible(page.getByTestId('enroll-fingerprint'));
      return (await page.getByTestId('enroll-fingerprint').textContent())!.trim();
    };
    const first = await enrol('E90');
    await page.getByTestId('enroll-submit').click();
    await textOf(page.getByTestId('pool-enrolled')).toContain(first);
    await textOf(page.getByTestId('pool-key')).toContain(first);
    // a lost laptop: the new key replaces the old, and the clerk is told so before confirming
    const second = await enrol('E90-new');
    await textOf(page.getByTestId('enroll-replaces')).toContain(first);
    await page.getByTestId('enroll-submit').click();
    await textOf(page.getByTestId('pool-key')).toContain(second);
    expect(second).not.toBe(first);
    await page.keyboard.press('Escape');
    await textOf(page.getByTestId('pool-row-E90')).toMatch('已登记');
  });

  it('records and removes a qualification, corrects a profile with refusals in place, and shows each edition with its panels and workload', async () => {
    const e01 = EXPERTS[0]!;
    await page.getByTestId(`pool-row-${e01.code}`).click();
    const drawer = page.getByTestId('pool-drawer');
    await page.getByTestId('qual-name').fill('评审员培训');
    await page.getByTestId('qual-certificate').fill('QA-2024-07');
    await page.getByTestId('qual-date').fill('2024-06-30');
    await page.getByTestId('qual-add').click();
    await textOf(drawer.getByTestId('pool-qualification')).toBe('评审员培训 · QA-2024-07 · 2024年6月30日删除资格');
    await drawer.getByTestId('qual-remove').click();
    await disabled(page.getByTestId('qual-removal-confirm')).toBe(true);
    await page.getByTestId('qual-removal-reason').fill('证书编号登记错误');
    await page.getByTestId('qual-removal-confirm').click();
    await visible(drawer.getByText('尚未记录资格。'));

    await page.getByTestId('pool-edit-open').click();
    await page.getByTestId('pool-edit-creditCode').fill('ABC');
    await visible(page.getByTestId('pool-edit').getByText('“ABC”不是有效的统一社会信用代码'));
    await disabled(page.getByTestId('pool-edit-submit')).toBe(true);
    await page.getByTestId('pool-edit-creditCode').fill('');
    // now working for one of this year's applicants: the conflict suggestion follows below
    await page.getByTestId('pool-edit-organisation').fill(APPLICANTS[1]!.name);
    await page.getByTestId('pool-edit-speciality').fill('卓越绩效');
    await page.getByTestId('pool-edit-reason').fill('本人来函更新工作单位');
    await page.getByTestId('pool-edit-submit').click();
    await countOf(page.getByTestId('pool-edit')).toBe(0);
    await textOf(drawer.getByTestId('pool-profile')).toContain(`${APPLICANTS[1]!.name} · ${e01.title} · 卓越绩效`);

    // both editions, the second with the proposal's panel and its four applicants
    await textOf(drawer.getByTestId('pool-seat-2025')).toMatch(/2025年度信阳市市长质量奖.*材料评审 · 材料评审组（4 家） · 组长.*4/);
    await textOf(drawer.getByTestId('pool-seat-2024')).toContain('未分入评审组');
    await textOf(drawer.getByText(/参加的届次/)).toContain('评审任务合计 4 项');
    await shot(page, '64-pool-drawer');
    await page.keyboard.press('Escape');

    // a second expert, now with another applicant
    await page.getByTestId(`pool-row-${EXPERTS[1]!.code}`).click();
    await page.getByTestId('pool-edit-open').click();
    await page.getByTestId('pool-edit-organisation').fill(APPLICANTS[2]!.name);
    await page.getByTestId('pool-edit-submit').click();
    await countOf(page.getByTestId('pool-edit')).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('shows each conflict suggestion in the panel drawer as the clerk assigns, and settles it there', async () => {
    const [e01, e02] = [EXPERTS[0]!, EXPERTS[1]!];
    const [a1, a2] = [APPLICANTS[1]!, APPLICANTS[2]!];
    await page.getByText('← 返回').click();
    await page.getByTestId('editions').getByRole('row', { name: /2025年度信阳市市长质量奖/ }).getByRole('button').click();
    await page.getByTestId('tab-panels').click();
    await page.getByTestId('panel-new-open').click();
    await page.getByTestId('panel-stage').click();
    await page.getByRole('option', { name: '现场评审' }).click();
    await page.getByTestId('panel-name').fill('现场评审组');
    await page.getByTestId('panel-members').click();
    for (const e of EXPERTS) await page.getByRole('option', { name: `${e.code} ${e.name}` }).click();
    await page.getByTestId('panel-name').click();
    await page.getByTestId('panel-create').click();
    const drawer = page.getByTestId('panel-drawer');
    await visible(drawer);

    // picked, not yet assigned: the suggestions are there before the clerk commits
    await page.getByTestId('assign-pick-现场评审组').click();
    for (const a of [a1, a2]) await page.getByRole('option', { name: `${a.code} ${a.name}` }).click();
    await page.getByTestId('panel-rename').click();
    const conflicts = drawer.getByTestId('panel-conflicts');
    const row = (a: typeof a1) => conflicts.getByTestId('conflict-suggestion').filter({ hasText: a.code });
    await textOf(row(a1)).toContain(`${e01.code} ${e01.name} · ${a1.code} ${a1.name}（待分配）：专家工作单位即申报单位（${a1.name}）`);
    await textOf(row(a2)).toContain(`${e02.code} ${e02.name} · ${a2.code} ${a2.name}（待分配）`);
    await shot(page, '65-conflicts-at-assignment');
    await page.getByTestId('assign-现场评审组').click();
    await textOf(drawer.getByTestId('panel-assigned-title')).toMatch('（2 家）');
    await countOf(conflicts.getByText('（待分配）')).toBe(0);

    // one checked, no conflict, with the reason; the other recused
    await row(a1).getByTestId('conflict-reason').fill('该专家已于上月离职，与该单位无利害关系');
    await row(a1).getByTestId('conflict-clear').click();
    await row(a2).getByTestId('conflict-impose').click();
    await countOf(conflicts.getByTestId('conflict-suggestion')).toBe(0);
    const settled = conflicts.getByTestId('conflict-settled');
    await textOf(settled.filter({ hasText: a1.code })).toContain('已复核无冲突：该专家已于上月离职，与该单位无利害关系');
    await textOf(settled.filter({ hasText: a2.code })).toContain('已决定回避');
    // settled for the edition: the panels tab has no open suggestion left for these pairs
    await page.keyboard.press('Escape');
    await countOf(page.getByTestId('conflict-warnings')).toBe(0);
    expect(problems).toEqual([]);
  });
});

