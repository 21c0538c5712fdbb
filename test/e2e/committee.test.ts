import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, squash } from '../report/pdf.js';
import type { AwardLevel } from '../../src-main/domain/words.js';
import { conditionsFor } from '../../src-main/rules/eligibility.js';
import { scoredEdition, type Scored } from '../services/committee-fixtures.js';
import { PASS } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { attrOf, textOf } from './helpers/wait.js';

/**
 * The committee tab in browser mode, on a Xinyang edition scored through real stores: XY-05 850
 * but found eligible for the nomination only, so passed over for the award; XY-01 800, XY-02 and
 * XY-03 tied at 700 for the one award place left, XY-04 650. The clerk records the committee's
 * order for the tie, the secret ballot's counts (a miscount refused, one candidate short of two
 * thirds), and the committee's confirmation, and prints the proposed award list.
 */
describe('the committee tab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-committee-'));
  let r: Scored;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    const both = (p: number): { material: [number, number, number]; site: [number, number, number] } => ({ material: [p, p, p], site: [p, p, p] });
    r = await scoredEdition({ profileId: 'xinyang-2022', secretariatDir: join(dir, 'app'), percents: { 'XY-01': both(80), 'XY-02': both(70), 'XY-03': both(70), 'XY-04': both(65), 'XY-05': both(85) } });
    const profile = r.sec.editions.get({ editionId: r.editionId }).profile.eligibility!;
    const answers = (level: AwardLevel) => Object.fromEntries(conditionsFor(profile, 'unit', level).map((c) => [c.id, c.minYears ? '2015-01-01' : true]));
    for (const [code, a] of Object.entries(r.applicants)) {
      const level = code === 'XY-05' ? 'nomination' : 'award';
      r.sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', level, answers: answers(level) });
    }
    r.sec.close();
    app = await startApp(join(dir, 'app'));
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-committee-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    r?.cleanup();
  });

  async function meeting(): Promise<void> {
    await page.getByTestId('committee-date').fill('2026-11-20');
    await page.getByTestId('committee-meeting').fill('第二次评委会全体会议');
  }

  async function count(code: string, voters: string, votesFor: string, against: string): Promise<void> {
    await page.getByTestId(`ballot-${code}`).getByTestId('ballot-enter').click();
    await meeting();
    await page.getByTestId('tally-voters').fill(voters);
    await page.getByTestId('tally-votesFor').fill(votesFor);
    await page.getByTestId('tally-votesAgainst').fill(against);
    await page.getByTestId('committee-save').click();
  }

  it('shows the tie at the award cap, and the list pending until the committee settles it', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('unlock-passphrase').fill(PASS);
    await page.getByTestId('unlock-submit').click();
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByTestId('tab-committee').click();
    await textOf(page.getByTestId('tie-XY-02-XY-03')).toContain('市长质量奖名额线 · 1 个名额 · XY-02 · XY-03');
    await textOf(page.getByTestId('tie-XY-02-XY-03')).toContain('程序不作取舍，待评委会决定。');
    await textOf(page.getByTestId('award-list-state')).toBe('待定');
    await textOf(page.getByTestId('award-list-pending')).toContain('XY-02、XY-03 在市长质量奖名额线上并列（剩 1 个名额），请记录评委会的决定。');
    expect(await page.getByTestId('confirm-list').isDisabled()).toBe(true);
  });

  it('records the order the committee decided, and places the tied applicants in it, shown as settled', async () => {
    await page.getByTestId('settle-tie').click();
    await page.getByTestId('tie-up-XY-03').click();
    await textOf(page.getByTestId('tie-order')).toMatch(/^1\.XY-03.*2\.XY-02/);
    await meeting();
    await page.getByTestId('tie-method').fill('评委会讨论后举手表决');
    await page.getByTestId('tie-by').fill('主任委员');
    await page.getByTestId('tie-reason').fill('XY-03 的现场展示更充分');
    await page.getByTestId('committee-save').click();
    await textOf(page.getByTestId('tie-settled')).toContain('顺序 XY-03 > XY-02：2026年11月20日第二次评委会全体会议，评委会讨论后举手表决，主任委员；理由：XY-03 的现场展示更充分');
    await textOf(page.getByTestId('ballot-XY-03')).toContain('市长质量奖');
    await textOf(page.getByTestId('ballot-XY-02')).toContain('提名奖');
  });

  it('refuses a count that does not add up, then judges each against two thirds of the voters', async () => {
    await count('XY-01', '9', '6', '2');
    await textOf(page.getByRole('dialog')).toContain('同意、不同意、弃权和无效票合计 8 张，与投票人数 9 不符');
    await page.getByTestId('tally-votesAgainst').fill('3');
    await page.getByTestId('committee-save').click();
    await textOf(page.getByTestId('ballot-XY-01').getByTestId('ballot-outcome')).toBe('通过');
    await count('XY-03', '9', '7', '2');
    await count('XY-02', '9', '6', '3');
    await count('XY-04', '9', '5', '4');
    await count('XY-05', '9', '8', '1');
    await textOf(page.getByTestId('ballot-XY-04').getByTestId('ballot-outcome')).toBe('未通过');
    await textOf(page.getByTestId('award-list-state')).toBe('待评委会确认');
    await textOf(page.getByTestId('award-XY-03')).toContain('评委会已决定');
    await textOf(page.getByTestId('excluded-XY-04')).toContain('未获表决通过：XY-04 申报单位XY-04（投票 9 人，同意 5 票，须 6 票），名额空缺，不递补。');
    await shot(page, '70-committee-ballot');
  });

  it('places the first-ranked applicant, eligible for the nomination only, at the nomination, and says why it is not at the award', async () => {
    await textOf(page.getByTestId('ballot-XY-05')).toContain('提名奖');
    await textOf(page.getByTestId('award-XY-05')).toContain('资格审核仅认定其符合提名奖申报条件，未列入市长质量奖候选名单');
    await textOf(page.getByTestId('passed-over-XY-05')).toContain('XY-05 申报单位XY-05：综合排名第 1 名（加权总分 850.00），在市长质量奖名额内，但资格审核仅认定其符合提名奖申报条件');
    await shot(page, '70b-committee-passed-over');
    await page.getByTestId('tab-results').click();
    await textOf(page.getByTestId('rank-XY-05')).toContain('提名候选');
    await textOf(page.getByTestId('rank-XY-05').getByTestId('passed-over-XY-05')).toBe('资格所限');
    await page.getByTestId('tab-committee').click();
  });

  it('records the committee’s confirmation and prints the proposed award list', async () => {
    await page.getByTestId('confirm-list').click();
    await meeting();
    await page.getByTestId('committee-by').fill('评委会主任委员');
    await page.getByTestId('committee-save').click();
    await textOf(page.getByTestId('award-list-state')).toBe('评委会已确认');
    await textOf(page.getByTestId('committee-award-list').getByTestId('confirmation-line')).toContain('评委会已于2026年11月20日第二次评委会全体会议确认（评委会主任委员）');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('report-award-list').click()]);
    const file = join(dir, 'award-list.pdf');
    await download.saveAs(file);
    const text = squash((await pageTexts(readFileSync(file))).join('\n'));
    expect(text).toContain('评委会于2026年11月20日召开第二次评委会全体会议，审议评审结果，确定拟奖名单如下。');
    expect(text).toContain('XY-03申报单位XY-03');
    await shot(page, '71-committee-confirmed');
  });

  it('shows on the edition’s progress tab the scoring done, the committee’s decision taken, and the notice next', async () => {
    await page.getByTestId('tab-steps').click();
    await textOf(page.getByTestId('step-material')).toContain('已完成');
    await textOf(page.getByTestId('step-site')).toContain('已完成');
    // Xinyang has no shortlist and no scored defence stage
    await textOf(page.getByTestId('step-shortlist')).toContain('本届评审规则不设此环节。');
    await textOf(page.getByTestId('step-committee')).toContain('已完成');
    await textOf(page.getByTestId('step-committee-awards')).toBe('拟授奖 2');
    await attrOf(page.getByTestId('step-notice'), 'data-state').toBe('current');
    await textOf(page.getByTestId('step-next')).toBe('发布拟奖名单公示，登记和处理异议。');
    await shot(page, '72-edition-steps');
    await page.getByTestId('step-go').click();
    await attrOf(page.getByTestId('tab-notice'), 'aria-selected').toBe('true');
  });
});
