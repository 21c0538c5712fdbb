import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initStore } from '../../src-main/features/open.js';
import { pageTexts, squash } from '../report/pdf.js';
import { openTestStore, TEST_KDF } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { applicants, PASSPHRASE } from './helpers/fixtures.js';
import { textOf, visible } from './helpers/wait.js';

/**
 * The notice and objections in the browser (Xinyang): the accepted list put on notice over
 * National Day 2026 and counted in working days, printed; an anonymous objection refused with
 * the article; a named one accepted, investigated and upheld, its letter printed and the
 * applicant shown out of the review with the objection's finding; a day of a year the holiday
 * table does not know corrected.
 */

const NAME = '2026年信阳市市长质量奖';

describe('notice and objections in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-notice-'));
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let firstApplicant: string;

  beforeAll(async () => {
    const dataDir = join(dir, 'app');
    const made = await initStore({ role: 'secretariat', path: join(dataDir, 'secretariat.db'), passphrase: PASSPHRASE, kdf: TEST_KDF });
    const sec = await openTestStore(made.path, 'secretariat', PASSPHRASE);
    try {
      const edition = sec.editions.create({ name: NAME, year: 2026, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: { issuingBody: '信阳市市场监督管理局' } });
      const [first] = applicants(3).map((a) => sec.applicants.add({ editionId: edition.id, applicant: a }));
      firstApplicant = `${first!.code} ${first!.name}`;
    } finally {
      sec.close();
    }
    app = await startApp(dataDir);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-notice-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function download(testId: string, to: string): Promise<string> {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId(testId).click()]);
    await d.saveAs(to);
    return squash((await pageTexts(readFileSync(to))).join(''));
  }

  async function pick(testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).click();
  }

  it('issues the accepted list’s notice over National Day, counted in working days, and prints it', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByTestId('tab-notice').click();

    await pick('notice-kind', '受理名单公示');
    await page.getByTestId('notice-start').fill('2026-09-28');
    await page.getByTestId('notice-phone').fill('0376-6200000');
    expect(await page.getByTestId('notice-office').inputValue()).toBe('信阳市市场监督管理局');
    await page.getByTestId('notice-issue').click();

    const notice = page.getByTestId('notice-accepted-list');
    // Mon 28, Tue 29, Wed 30 September; 1–7 October off; Thu 8, Fri 9
    await textOf(notice.getByTestId('notice-period')).toBe('公示期：2026年9月28日至2026年10月9日（5个工作日）');
    await textOf(notice.getByTestId('notice-phase')).toBe('已结束');
    await textOf(notice.getByTestId('notice-entries')).toContain(firstApplicant.split(' ')[1]!);
    await shot(page, '70-notice-issued');

    const text = await download('notice-print', join(dir, 'notice.pdf'));
    expect(text).toContain('关于2026年信阳市市长质量奖受理名单的公示');
    expect(text).toContain('以匿名方式提出的异议不予受理');
  });

  it('refuses an anonymous objection with the article, and takes a named one from acceptance to an upheld decision and its letter', async () => {
    await page.getByTestId('tab-objections').click();
    await pick('objection-applicant', firstApplicant);
    await page.getByTestId('objection-received').fill('2026-10-08');
    await page.getByTestId('objection-grounds').fill('该单位近三年发生过重大质量事故。');
    await page.getByTestId('objection-register').click();
    await textOf(page.getByTestId('objection-register-card').getByRole('alert')).toContain('匿名异议不予受理（第二十三条');

    await page.getByTestId('objection-name').fill('赵六');
    await page.getByTestId('objection-phone').fill('13912345678');
    await page.getByTestId('objection-register').click();
    const row = page.getByTestId('objection-register').locator('tbody tr').first();
    await textOf(row).toContain('赵六');
    await textOf(row).toContain('待审查');
    // five working days after Thu 8 October: 9, 10 (the make-up Saturday), 12, 13, 14
    await textOf(row).toContain('2026年10月14日');

    await row.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('objection-on').fill('2026-10-09');
    await drawer.getByTestId('objection-accept').click();
    await textOf(drawer.getByTestId('objection-state')).toBe('已受理，调查中');
    await drawer.getByTestId('objection-on').fill('2026-10-12');
    await drawer.getByTestId('objection-text').fill('调阅应急管理部门记录，该单位2025年发生一起较大生产安全事故。');
    await drawer.getByTestId('objection-note').click();
    await textOf(drawer).toContain('较大生产安全事故');
    await drawer.getByTestId('objection-outcome').getByText('异议成立').click();
    await drawer.getByTestId('objection-text').fill('申报单位近三年发生较大生产安全事故，不符合申报条件。');
    await drawer.getByTestId('objection-decide').click();
    await textOf(drawer.getByTestId('objection-state')).toBe('异议成立');
    await textOf(drawer.getByTestId('objection-effect')).toContain('退出本届评审');
    await shot(page, '71-objection-upheld');

    const letter = await download('objection-letter', join(dir, 'letter.pdf'));
    expect(letter).toContain('赵六：');
    expect(letter).toContain('异议成立');
    expect(letter).toContain('从受理名单中除名，不再参加本届评审');
    await page.keyboard.press('Escape');
  });

  it('shows the applicant the upheld objection took out of the review, with the objection and its finding', async () => {
    await page.getByTestId('tab-eligibility').click();
    const [code] = firstApplicant.split(' ');
    const row = page.getByTestId('eligibility-table').locator(`[data-code="${code}"]`);
    await textOf(row.getByTestId('eligibility-out')).toBe('已退出评审');
    expect(await page.getByTestId('eligibility-table').locator('[data-out="yes"]').count()).toBe(1);
    await row.click();
    await textOf(page.getByTestId('eligibility-out-reason')).toContain('受理名单公示第1号异议经调查成立（2026-10-12），已退出评审：申报单位近三年发生较大生产安全事故');
    await shot(page, '71b-eligibility-out-of-review');
    await page.keyboard.press('Escape');
  });

  it('prints the notice and the objection, its steps and outcome, in the register of committee decisions, notices and objections', async () => {
    await page.getByTestId('tab-results').click();
    const text = await download('report-decisions', join(dir, 'decisions.pdf'));
    expect(text).toContain('评委会审议、公示与异议记录');
    expect(text).toContain('共记录评委会决定0项、公示1份、异议1件。');
    expect(text).toContain('受理名单2026年9月28日至2026年10月9日（5个工作日）信阳市市场监督管理局');
    expect(text).toMatch(/赵六（个人）该单位近三年发生过重大质量事故。2026年10月8日收到，.+登记2026年10月9日受理2026年10月12日调查：调阅应急管理部门记录，该单位2025年发生一起较大生产安全事故。.+异议成立：申报单位近三年发生较大生产安全事故，不符合申报条件。异议成立/);
  });

  it('corrects a day of a year the holiday table does not know, and says the final list waits for the award-list notice', async () => {
    await page.getByTestId('tab-notice').click();
    await textOf(page.getByTestId('final-blockers')).toContain('拟奖名单尚未公示');
    const calendar = page.getByTestId('calendar-card');
    await calendar.getByTestId('calendar-year').fill('2099');
    await visible(calendar.getByTestId('calendar-unknown'));
    await calendar.getByTestId('calendar-date').fill('2099-01-01');
    await calendar.getByTestId('calendar-note').fill('元旦');
    await calendar.getByTestId('calendar-set').click();
    await textOf(calendar.getByTestId('calendar-days').locator('tbody tr').first()).toContain('2099年1月1日');
    await textOf(calendar.getByTestId('calendar-days').locator('tbody tr').first()).toContain('元旦');
    await shot(page, '72-calendar-corrected');
  });
});
