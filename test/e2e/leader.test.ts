import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, squash } from '../report/pdf.js';
import { exportBundleFile, openTestStore, upload } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { siteVisit, type SiteVisit } from './helpers/consensus.js';
import { PASSPHRASE } from './helpers/fixtures.js';
import { attrOf, countOf, disabled, textOf, visible } from './helpers/wait.js';

/**
 * The panel leader on site, offline, on the leader's own laptop in the browser: import the members'
 * bundles from the stick, open the consensus with the sheets side by side and the flagged items
 * shaded, return one member's sheet (the member revises it from the notice), settle both flagged
 * items, edit the panel's opinion, sign off and export the bundle, which the secretariat accepts.
 */

describe('panel leader in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-leader-'));
  const appDir = join(dir, 'app');
  let visit: SiteVisit;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    visit = await siteVisit(dir, appDir);
    app = await startApp(appDir);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-leader-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    visit?.close();
    await browser?.close();
    await app?.stop();
  });

  const code = () => visit.applicant.code;
  const seat = () => `${code()}-site`;

  it('unlocks the leader’s laptop and finds the way into the consensus', async () => {
    await page.getByTestId('role-expert').click();
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await page.getByRole('button', { name: '打开' }).first().click();
    await visible(page.getByTestId('leader-entry'));
    await page.getByTestId('open-consensus').click();
    await attrOf(page.getByTestId(`consensus-seat-${seat()}`), 'data-state').toBe('waiting');
    await disabled(page.getByTestId(`consensus-open-${seat()}`)).toBe(true);
    await shot(page, '40-consensus-waiting');
  });

  it('imports the members’ bundles from the stick and opens the sheets side by side, the differing items shaded', async () => {
    await page.getByTestId('consensus-import-input').setInputFiles([visit.members.get('E02')!.bundle, visit.members.get('E03')!.bundle]);
    await countOf(page.getByTestId('consensus-import-outcomes').locator('tr[data-status="accepted"]')).toBe(2);
    await attrOf(page.getByTestId(`consensus-seat-${seat()}`), 'data-state').toBe('ready');
    await textOf(page.getByTestId(`consensus-seat-${seat()}`)).toMatch('分歧 2 项');
    await page.getByTestId(`consensus-open-${seat()}`).click();
    await visible(page.getByTestId('consensus-sheets'));
    await attrOf(page.getByTestId('row-4.1.2'), 'data-flagged').toBe('true');
    await attrOf(page.getByTestId('row-4.7.2'), 'data-flagged').toBe('true');
    await attrOf(page.getByTestId('row-4.2.2'), 'data-flagged').toBe(null);
    await textOf(page.getByTestId('row-4.1.2')).toMatch(/60%.*100%.*65%/);
    await textOf(page.getByTestId('consensus-blockers')).toMatch('评分项 4.1.2 尚未记录合议结果');
    await disabled(page.getByTestId('consensus-sign-off')).toBe(true);
    await shot(page, '41-consensus-side-by-side');
  });

  it('returns a sheet as a notice for the stick; the member revises and the revised bundle comes in', async () => {
    await page.getByTestId('return-E02').click();
    await page.getByTestId('return-reason').fill('4.1.2 给分与现场所见不符，请复核');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('return-submit').click()]);
    const notice = join(dir, 'stick', download.suggestedFilename());
    await download.saveAs(notice);
    await textOf(page.getByTestId('consensus-message')).toMatch('请拷贝到 U 盘交给该成员导入');
    await textOf(page.getByTestId('member-E02')).toMatch('已退回待修改');

    const member = visit.members.get('E02')!;
    await member.svc.returns.import({ file: upload(notice) });
    const draft = member.svc.sheets.open({ editionId: visit.editionId, applicantId: visit.applicant.id, stage: 'site' });
    member.svc.sheets.saveItem({ sheetId: draft.id, itemCode: '4.1.2', percent: 70, strengths: '方法系统（4.1.2）', opportunities: '' });
    member.svc.sheets.submit({ sheetId: draft.id });
    const revised = (await exportBundleFile(member.svc, visit.editionId, join(dir, 'stick', 'E02-2.psbundle'))).file;
    await page.getByTestId('consensus-import-input').setInputFiles([revised]);
    await textOf(page.getByTestId('member-E02')).toMatch('已修改（原第 1 版）');
    await textOf(page.getByTestId('row-4.1.2')).toMatch(/60%.*70%.*65%/);
  });

  it('settles both flagged items, edits the opinion and signs off', async () => {
    await page.getByTestId('flag-4.1.2-revised').check();
    await page.getByTestId('flag-4.1.2-settle').click();
    await visible(page.getByTestId('flag-4.1.2-settled'));
    await page.getByTestId('flag-4.7.2-stands').check();
    await page.getByTestId('flag-4.7.2-reason').fill('企业提供的财务数据口径不一，专家各自保留意见');
    await page.getByTestId('flag-4.7.2-settle').click();
    await visible(page.getByTestId('flag-4.7.2-settled'));
    expect(await page.getByTestId('opinion-4.1-strengths').inputValue()).toContain('高层领导亲自推动（4.1.2）');
    await page.getByTestId('opinion-4.1-opportunities').fill('领导绩效评价未与改进计划挂钩');
    await page.getByTestId('opinion-overall').fill('该企业卓越绩效管理体系总体健全，领导作用突出，结果指标仍有提升空间。');
    await page.getByTestId('opinion-save').click();
    await visible(page.getByTestId('opinion-saved'));
    await countOf(page.getByTestId('consensus-blockers')).toBe(0);
    await shot(page, '42-consensus-ready-to-sign');
    await page.getByTestId('consensus-sign-off').click();
    await attrOf(page.getByTestId('consensus-workspace'), 'data-status').toBe('signed');
    await visible(page.getByTestId('consensus-signed'));
    await shot(page, '43-consensus-signed');
  });

  it('exports the leader’s bundle; the secretariat accepts the record and the feedback report reads the leader’s opinion', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consensus-export-bundle').click()]);
    const bundle = join(dir, 'stick', download.suggestedFilename());
    await download.saveAs(bundle);
    const sec = await openTestStore(visit.secretariatPath, 'secretariat', PASSPHRASE);
    try {
      const files = [bundle, visit.members.get('E02')!.bundle, visit.members.get('E03')!.bundle, join(dir, 'stick', 'E02-2.psbundle')];
      expect((await sec.bundles.import({ files: files.map(upload) })).map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
      expect(sec.consensus.records({ editionId: visit.editionId })).toMatchObject([{ recordedBy: 'leader', current: true }]);
      const report = await sec.reports.make({ kind: 'feedback', editionId: visit.editionId, applicantId: visit.applicant.id, lang: 'zh' });
      const text = squash((await pageTexts(report.bytes)).join(''));
      expect(text).toContain('领导绩效评价未与改进计划挂钩');
      expect(text).toContain('该企业卓越绩效管理体系总体健全，领导作用突出，结果指标仍有提升空间。');
      expect(text).toContain('签署确认');
    } finally {
      sec.close();
    }
    expect(problems).toEqual([]);
  });
});
