import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreClient } from '../../src-main/features/open.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import {
  applicants,
  applicantsSheet,
  badApplicantsSheet,
  experts,
  expertsSheet,
  expertStores,
  expertTurn,
  materialPdf,
  PASSPHRASE,
  tamperedCopy,
} from './helpers/fixtures.js';
import { attrOf, countOf, disabled, textOf, visible } from './helpers/wait.js';
import { keepRecoveryCode } from './helpers/recovery.js';

/**
 * The secretariat's path in the browser: set up a Xinyang edition from Excel (a bad sheet first),
 * add a late applicant by hand, enroll the experts, form panels, attach a PDF, export the packages, take in the bundles —
 * one of them tampered with — read the ranking and the drill-down, make the full report set, and
 * read the recusal register.
 */

const APPLICANTS = applicants(6);
const EXPERTS = experts(3);
/** E03 has an interest in the second applicant and recuses itself in both stages */
const CONFLICT = { expert: 'E03', applicant: APPLICANTS[1]!.code };
/** A late application the clerk types in by hand, after the sheet's six */
const LATE = { code: 'WX2025-101', name: '无锡华光新能源装备有限公司', contact: '孙志强', phone: '0510-82345822' };
const ALL = APPLICANTS.length + 1;

describe('secretariat in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-secretariat-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let stores: Map<string, StoreClient>;

  beforeAll(async () => {
    app = await startApp(join(dir, 'app'));
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
    stores = await expertStores(join(dir, 'experts'), EXPERTS.map((e) => e.code));
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-secretariat-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    for (const s of stores?.values() ?? []) s.close();
    await browser?.close();
    await app?.stop();
  });

  async function pick(testId: string, option: string | RegExp): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  it('creates the secretariat store and a Xinyang edition', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('create-passphrase').fill(PASSPHRASE);
    await page.getByTestId('create-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-understood').check();
    await page.getByTestId('create-submit').click();
    await keepRecoveryCode(page);
    await visible(page.getByText('还没有届次'));
    await shot(page, '20-secretariat-empty');

    await page.getByTestId('new-edition-open').click();
    await page.getByTestId('edition-name').fill('2025年度信阳市市长质量奖');
    await page.getByTestId('edition-year').fill('2025');
    // Hohhot leaves the weights open: they must add up to 100 % before the edition can be made
    await pick('edition-profile', /呼和浩特市/);
    await page.getByTestId('weight-material').fill('30');
    await page.getByTestId('weight-site').fill('50');
    await page.getByTestId('weight-defence').fill('10');
    await textOf(page.getByTestId('weight-sum')).toMatch('90%');
    await disabled(page.getByTestId('edition-create')).toBe(true);
    await shot(page, '21a-open-weights');
    await pick('edition-profile', /信阳市/);
    await visible(page.getByText('材料评审 30% · 现场评审 70%'));
    await shot(page, '21-new-edition');
    await page.getByTestId('edition-create').click();
    await textOf(page.getByTestId('edition-title')).toBe('2025年度信阳市市长质量奖');
  });

  it('refuses a sheet with bad rows, listing each, then imports the good one', async () => {
    await page.getByTestId('import-applicants-input').setInputFiles(await badApplicantsSheet(join(files, 'bad-applicants.xlsx')));
    const rows = page.getByTestId('row-errors').locator('tbody tr');
    await countOf(rows).toBe(3);
    await textOf(rows.nth(0)).toMatch(/^3/);
    await textOf(rows.nth(1)).toMatch(/^4/);
    await textOf(rows.nth(2)).toMatch(/^5/);
    await visible(page.getByText('还没有申报单位'));
    await shot(page, '22-import-row-errors');

    await page.getByTestId('import-applicants-input').setInputFiles(await applicantsSheet(join(files, 'applicants.xlsx'), APPLICANTS));
    await textOf(page.getByTestId('imported-applicants')).toMatch('已导入 6 条');
    await countOf(page.getByTestId('applicants-table').locator('tbody tr')).toBe(6);
    await shot(page, '23-applicants');
  });

  it('adds a late applicant by hand, refusing a taken code without losing what was typed', async () => {
    await page.getByTestId('add-applicant-open').click();
    const form = page.getByTestId('add-applicant-form');
    await form.getByTestId('add-applicant-code').fill(APPLICANTS[0]!.code);
    await form.getByTestId('add-applicant-name').fill(LATE.name);
    await form.getByRole('radio', { name: '二产业' }).check();
    await form.getByTestId('add-applicant-contact').fill(LATE.contact);
    await form.getByTestId('add-applicant-phone').fill(LATE.phone);
    await form.getByTestId('add-applicant-submit').click();
    await textOf(form.getByRole('alert')).toMatch(`本届已有编号为“${APPLICANTS[0]!.code}”的申报单位`);
    await expect.poll(() => form.getByTestId('add-applicant-name').inputValue()).toBe(LATE.name);
    await shot(page, '23a-add-applicant-refused');

    await form.getByTestId('add-applicant-code').fill(LATE.code);
    await form.getByTestId('add-applicant-submit').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await textOf(page.getByTestId('added-applicant')).toMatch(`已添加申报单位 ${LATE.code}`);
    const rows = page.getByTestId('applicants-table').locator('tbody tr');
    await countOf(rows).toBe(ALL);
    await textOf(rows.filter({ hasText: LATE.code })).toMatch(/单位.*二产业.*孙志强/);
    await shot(page, '23b-applicant-added');
  });

  it('imports the experts and enrolls each with the code from their machine', async () => {
    await page.getByTestId('tab-experts').click();
    await page.getByTestId('import-experts-input').setInputFiles(await expertsSheet(join(files, 'experts.xlsx'), EXPERTS));
    await countOf(page.getByTestId('experts-table').locator('tbody tr')).toBe(3);
    for (const e of EXPERTS) {
      await page.getByTestId(`enroll-${e.code}`).click();
      await page.getByTestId('enroll-code').fill(stores.get(e.code)!.store.enrollmentCode());
      await page.getByTestId('enroll-submit').click();
      await textOf(page.getByTestId(`expert-row-${e.code}`)).toMatch('已登记');
      await countOf(page.getByRole('dialog')).toBe(0);
    }
    await shot(page, '24-experts-enrolled');
  });

  it('forms a panel per stage and assigns every applicant', async () => {
    await page.getByTestId('tab-panels').click();
    for (const [stage, name] of [
      ['材料评审', '材料评审组'],
      ['现场评审', '现场评审组'],
    ] as const) {
      await pick('panel-stage', stage);
      await page.getByTestId('panel-name').fill(name);
      await page.getByTestId('panel-members').click();
      for (const e of EXPERTS) await page.getByRole('option', { name: `${e.code} ${e.name}` }).click();
      await page.keyboard.press('Escape');
      await pick('panel-leader', `${EXPERTS[0]!.code} ${EXPERTS[0]!.name}`);
      await page.getByTestId('panel-create').click();
      const card = page.getByTestId(`panel-${name}`);
      await visible(card);
      await card.getByRole('button', { name: '全部' }).click();
      await page.getByTestId(`assign-${name}`).click();
      await textOf(card).toMatch(`已分配 ${ALL} 家`);
    }
    await shot(page, '25-panels');
  });

  it('attaches a PDF to an applicant', async () => {
    await page.getByTestId('tab-materials').click();
    const code = APPLICANTS[0]!.code;
    await page.getByTestId(`attach-${code}-input`).setInputFiles(materialPdf(join(files, `${code}-自评报告.pdf`), code));
    await textOf(page.getByTestId(`materials-${code}`)).toMatch('自评报告.pdf');
    await shot(page, '26-materials');
  });

  const packages = new Map<string, string>();

  it('exports one package per enrolled expert, as downloads', async () => {
    await page.getByTestId('tab-packages').click();
    await page.getByTestId('export-packages').click();
    await countOf(page.getByTestId('packages-table').locator('tbody tr')).toBe(3);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('download-all-packages').click();
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(3);
    await attrOf(page.getByTestId('download-all-packages'), 'data-loading').toBe(null);
    for (const d of downloads) {
      const file = join(files, d.suggestedFilename());
      await d.saveAs(file);
      const code = /-(E\d\d)\.pspkg$/.exec(file)?.[1];
      expect(code).toBeDefined();
      packages.set(code!, file);
    }
    await shot(page, '27-packages');
  });

  it('takes in many bundles at once, refusing the tampered one with its reason', async () => {
    const bundles: string[] = [];
    for (const e of EXPERTS) {
      const conflicts = e.code === CONFLICT.expert ? [CONFLICT.applicant] : [];
      bundles.push(await expertTurn(stores.get(e.code)!, e.code, packages.get(e.code)!, join(files, `${e.code}.psbundle`), conflicts));
    }
    const tampered = tamperedCopy(bundles[0]!, join(files, 'E01-altered.psbundle'));

    await page.getByTestId('tab-intake').click();
    await countOf(page.getByTestId('owed-table').locator('tbody tr')).toBeGreaterThan(0);
    await page.getByTestId('intake-bundles-input').setInputFiles([...bundles, tampered]);
    await textOf(page.getByTestId('intake-progress')).toMatch('已处理 4 / 4 个文件');
    const outcomes = page.getByTestId('intake-outcomes').locator('tbody tr');
    await countOf(outcomes).toBe(4);
    await countOf(page.locator('[data-testid="intake-outcomes"] tbody tr[data-status="accepted"]')).toBe(3);
    const refused = page.locator('[data-testid="intake-outcomes"] tbody tr[data-status="refused"]');
    await countOf(refused).toBe(1);
    await textOf(refused).toMatch('E01-altered.psbundle');
    await visible(page.getByText('所有专家均已提交'));
    await shot(page, '28-intake');
  });

  it('shows the ranking with weighted totals, candidates and flags, and drills down to the sheets', async () => {
    await page.getByTestId('tab-results').click();
    const rows = page.getByTestId('ranking-table').locator('tbody tr');
    await countOf(rows).toBe(ALL);
    await textOf(rows.first()).toMatch(/^1/);
    await textOf(page.getByTestId('flags')).toMatch('人数不足');
    await shot(page, '29-results');

    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('report-ranking').click()]);
    const pdf = join(files, report.suggestedFilename());
    await report.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [binder] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('report-panel-binder').click()]);
    const binderPdf = join(files, binder.suggestedFilename());
    await binder.saveAs(binderPdf);
    expect(readFileSync(binderPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(binder.suggestedFilename()).toMatch(/panel-binder/);

    await rows.first().click();
    const drawer = page.getByTestId('sheet-drawer');
    await visible(drawer);
    await countOf(drawer.locator('.mantine-Accordion-item')).toBe(6);
    await drawer.locator('.mantine-Accordion-control').first().click();
    await visible(drawer.getByText('4.1.2 高层领导的作用'));
    await shot(page, '30-drill-down');
    await page.keyboard.press('Escape');
  });

  it('returns a submitted sheet to its expert with the reason, and it stops counting until revised', async () => {
    const rows = page.getByTestId('ranking-table').locator('tbody tr');
    await rows.first().click();
    const drawer = page.getByTestId('sheet-drawer');
    await visible(drawer);
    await drawer.locator('.mantine-Accordion-control').first().click();
    const returnable = await page.getByTestId('sheet-return').count();
    await page.getByTestId('sheet-return').first().click();
    await disabled(page.getByTestId('return-confirm')).toBe(true);
    await page.getByTestId('return-reason').fill('4.3.2 的得分与评语不一致，请核对后重新提交');
    await page.getByTestId('return-confirm').click();
    await countOf(drawer.getByTestId('sheet-returned')).toBe(1);
    await visible(drawer.getByText('4.3.2 的得分与评语不一致，请核对后重新提交'));
    await countOf(page.getByTestId('sheet-return')).toBe(returnable - 1);
    await shot(page, '30a-sheet-returned');
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-intake').click();
    await textOf(page.getByTestId('owed-table')).toMatch('评分表已退回修改');
    await page.getByTestId('tab-results').click();
  });

  it('makes the full report set with visible progress and downloads it as one zip of PDFs', async () => {
    await attrOf(page.getByTestId('tab-results'), 'aria-selected').toBe('true');
    expect(await page.getByRole('switch', { name: '反馈报告中列出各类目得分' }).isChecked()).toBe(false);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('report-set-make').click();
    await textOf(page.getByTestId('report-set-progress')).toMatch(/已完成 \d+ \/ \d+：.+\.pdf$/);
    await shot(page, '29a-report-set-progress');
    await textOf(page.getByTestId('report-set-summary')).toMatch(/共 \d+ 份文件，\d+ 页，\d+\.\d MB。/);
    const summary = (await page.getByTestId('report-set-summary').textContent()) ?? '';
    const files = Number(/共 (\d+) 份文件/.exec(summary)![1]);
    const zip = await download;
    expect(zip.suggestedFilename()).toMatch(/^2025年度信阳市市长质量奖-报告-\d{4}-\d\d-\d\d\.zip$/);
    const saved = join(dir, zip.suggestedFilename());
    await zip.saveAs(saved);
    const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(saved))));
    expect(entries).toHaveLength(files);
    expect(entries.map(([name]) => name)).toEqual(expect.arrayContaining(['评审组评分汇总表汇编.pdf', '综合评分排名及候选名单.pdf']));
    for (const [name, bytes] of entries) {
      expect(name).toMatch(/\.pdf$/);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    await textOf(page.getByTestId('report-set-summary')).toMatch(zip.suggestedFilename());
    await shot(page, '29b-report-set-done');
  });

  it('lists every declaration, the declared recusal marked, and records one the secretariat imposes', async () => {
    await page.getByTestId('tab-recusals').click();
    const register = page.getByTestId('recusal-register').locator('tbody tr');
    const conflicted = page.locator('[data-testid="recusal-register"] tbody tr[data-conflict="yes"]');
    // three experts, each declaring on every applicant
    await countOf(register).toBe(3 * ALL);
    await countOf(conflicted).toBe(1);
    await textOf(conflicted.first()).toMatch(CONFLICT.applicant);
    await textOf(conflicted.first()).toMatch('有冲突（回避）');
    await textOf(conflicted.first()).toMatch('专家申报');
    await pick('recusal-expert', `${EXPERTS[1]!.code} ${EXPERTS[1]!.name}`);
    await pick('recusal-applicant', `${APPLICANTS[4]!.code} ${APPLICANTS[4]!.name}`);
    await page.getByTestId('recusal-reason').fill('经核实，该专家近两年曾在该单位兼职');
    await page.getByTestId('recusal-impose').click();
    await countOf(register).toBe(3 * ALL + 1);
    await countOf(conflicted).toBe(2);
    await textOf(page.getByTestId('recusal-register')).toMatch('秘书处决定');
    await shot(page, '31-recusals');

    // the imposed recusal was a mistake: lifted with its reason, and kept in the register
    const imposed = conflicted.filter({ hasText: '秘书处决定' });
    await imposed.getByTestId('recusal-lift').click();
    await page.getByTestId('lift-reason').fill('核实有误：该专家未在该单位兼职');
    await page.getByTestId('lift-confirm').click();
    await countOf(page.getByTestId('recusal-lifted')).toBe(1);
    await countOf(register).toBe(3 * ALL + 1);
    await countOf(imposed.getByTestId('recusal-lift')).toBe(0);
    await attrOf(page.getByTestId('tab-recusals'), 'aria-selected').toBe('true');
    expect(problems).toEqual([]);
  });
});
