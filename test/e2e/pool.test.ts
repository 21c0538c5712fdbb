import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initStore, type StoreClient } from '../../src-main/features/open.js';
import { openTestStore, TEST_KDF } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { applicants, applicantsSheet, experts, expertStores, PASSPHRASE } from './helpers/fixtures.js';
import { attrOf, countOf, textOf, visible } from './helpers/wait.js';

/**
 * The expert pool in the browser (issue 13): last year's edition enrolled three experts; the
 * clerk finds them in the pool, builds the next edition from it without enrolling anyone again,
 * lets the app propose the panel, applies it, and exports a package for every expert.
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
});
