import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initStore } from '../../src-main/features/open.js';
import { openTestStore, TEST_KDF } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { applicants, PASSPHRASE } from './helpers/fixtures.js';
import { attrOf, disabled, textOf, visible } from './helpers/wait.js';

/**
 * The eligibility tab in the browser: a Wuxi edition's two applicants are checked condition by
 * condition; one passes, the other is asked for a missing paper (and its letter downloaded),
 * then found ineligible with the article it fails. The first one's earlier edition is shown.
 */

const NAME = '2025年度无锡市市长质量奖';
const WUXI_TICKS = ['line', 'performance', 'results', 'strategy', 'system', 'record'];

describe('the eligibility check in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-eligibility-'));
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let codes: string[];

  beforeAll(async () => {
    const dataDir = join(dir, 'app');
    const made = await initStore({ role: 'secretariat', path: join(dataDir, 'secretariat.db'), passphrase: PASSPHRASE, kdf: TEST_KDF });
    const sec = await openTestStore(made.path, 'secretariat', PASSPHRASE);
    try {
      const settings = { panelSize: { min: 3, max: 7 } };
      const earlier = sec.editions.create({ name: '2024年度无锡市市长质量奖', year: 2024, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings });
      sec.applicants.add({ editionId: earlier.id, applicant: { ...applicants(1)[0]!, code: 'WX2024-017' } });
      const edition = sec.editions.create({ name: NAME, year: 2025, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings });
      codes = applicants(2).map((a) => sec.applicants.add({ editionId: edition.id, applicant: a }).code);
    } finally {
      sec.close();
    }
    app = await startApp(dataDir);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-eligibility-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const row = (code: string) => page.getByTestId('eligibility-table').locator(`[data-code="${code}"]`);
  const drawer = () => page.getByTestId('eligibility-drawer');
  const tick = async (id: string, label: '符合' | '不符合') => drawer().getByTestId(`answer-${id}`).getByText(label, { exact: true }).click();

  it('lists every applicant as received, with the step not yet in use', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByTestId('tab-eligibility').click();
    await attrOf(row(codes[0]!), 'data-state').toBe('received');
    await attrOf(row(codes[1]!), 'data-state').toBe('received');
    await textOf(page.getByTestId('eligibility-in-use')).toContain('尚未审核');
  });

  it('finds the first applicant eligible once every condition is met, and shows its earlier edition', async () => {
    await row(codes[0]!).click();
    await visible(drawer().getByTestId('eligibility-checklist'));
    await textOf(drawer().getByTestId('eligibility-history')).toContain('2024年度无锡市市长质量奖（WX2024-017）：已受理');
    await drawer().getByTestId('eligibility-on').fill('2025-03-31');
    await drawer().getByTestId('answer-operating').fill('2021-04-01');
    for (const id of WUXI_TICKS) await tick(id, '符合');
    // 2021-04-01 reaches 3 years on 2024-04-01, before the day judged on; 2022-04-01 only on 2025-04-01, after it
    await attrOf(drawer().locator('[data-condition="operating"]'), 'data-state').toBe('met');
    await drawer().getByTestId('answer-operating').fill('2022-04-01');
    await attrOf(drawer().locator('[data-condition="operating"]'), 'data-state').toBe('unmet');
    await disabled(drawer().getByTestId('decide-eligible')).toBe(true);
    await drawer().getByTestId('answer-operating').fill('2021-04-01');
    await shot(page, '70-eligibility-checklist');
    await drawer().getByTestId('decide-eligible').click();
    await textOf(drawer().getByTestId('drawer-state')).toBe('审核通过');
    await page.keyboard.press('Escape');
    await attrOf(row(codes[0]!), 'data-state').toBe('eligible');
    await textOf(page.getByTestId('eligibility-in-use')).toContain('已启用资格审核');
  });

  it('asks the second for a missing paper with a letter, then finds it ineligible with the article it fails', async () => {
    await row(codes[1]!).click();
    await drawer().getByTestId('eligibility-missing').fill('所在地区人民政府签署的推荐意见');
    await drawer().getByTestId('eligibility-due').fill('2099-04-15');
    await drawer().getByTestId('request-materials').click();
    await textOf(drawer().getByTestId('drawer-state')).toBe('材料待补正');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), drawer().getByTestId('letter-incomplete').click()]);
    const file = join(dir, 'letter.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`申报材料补正通知书-${codes[1]}.pdf`);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await drawer().getByTestId('answer-operating').fill('2010-01-01');
    for (const id of WUXI_TICKS.slice(0, -1)) await tick(id, '符合');
    await tick('record', '不符合');
    await disabled(drawer().getByTestId('decide-eligible')).toBe(true);
    await drawer().getByTestId('eligibility-note').fill('2024年发生一起较大生产安全事故');
    await drawer().getByTestId('decide-ineligible').click();
    await textOf(drawer().getByTestId('drawer-state')).toBe('不符合条件');
    await textOf(drawer().getByTestId('eligibility-steps')).toContain('材料待补正');
    await page.keyboard.press('Escape');
    await attrOf(row(codes[1]!), 'data-state').toBe('ineligible');
    await textOf(row(codes[1]!)).toContain('不符合第十条第（七）项');
    await shot(page, '71-eligibility-table');
  });
});
