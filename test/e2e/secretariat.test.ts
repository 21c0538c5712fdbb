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
import { pageTexts, squash } from '../report/pdf.js';

/**
 * The secretariat's path in the browser: set up a Xinyang edition from Excel (a bad sheet first),
 * add a late applicant by hand, enroll the experts, form panels, attach a PDF, export the packages, take in the bundles —
 * one of them tampered with — read the ranking and the drill-down, make the full report set, and
 * read the recusal register.
 */

const APPLICANTS = applicants(6);
/** the fourth expert is on no panel at first: the clerk seats them by mistake, then as the substitute the flag asks for */
const EXPERTS = experts(4);
const SEATED = EXPERTS.slice(0, 3);
/** E03 has an interest in the second applicant and recuses itself in both stages */
const CONFLICT = { expert: 'E03', applicant: APPLICANTS[1]!.code };
/** A late application the clerk types in by hand, after the sheet's six */
const LATE = { code: 'WX2025-101', name: '无锡华光新能源装备有限公司', contact: '孙志强', phone: '0510-82345822' };
const ALL = APPLICANTS.length + 1;
/** The sheet had a typo in the third applicant's name; the clerk corrects it in the app */
const CORRECTED = { code: APPLICANTS[2]!.code, before: APPLICANTS[2]!.name, after: '江阴市华澄生态农业科技发展有限公司' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

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

  it('corrects an applicant’s name after the Excel import, and finds it with the search', async () => {
    await page.getByTestId(`applicant-edit-${CORRECTED.code}`).click();
    const form = page.getByTestId('edit-applicant-form');
    await expect.poll(() => form.getByTestId('edit-applicant-name').inputValue()).toBe(CORRECTED.before);
    await form.getByTestId('edit-applicant-name').fill(CORRECTED.after);
    await form.getByTestId('edit-applicant-reason').fill('Excel 表中名称有误，按营业执照更正');
    await shot(page, '23c-applicant-edit');
    await form.getByTestId('edit-applicant-submit').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await textOf(page.getByTestId('corrected')).toMatch(`已更正申报单位 ${CORRECTED.code} ${CORRECTED.after}`);
    await textOf(page.getByTestId(`applicant-row-${CORRECTED.code}`)).toMatch(CORRECTED.after);

    const rows = page.getByTestId('applicants-table').locator('tbody tr');
    await page.getByTestId('applicants-table-search').fill('科技发展');
    await countOf(rows).toBe(1);
    await textOf(page.getByTestId('applicants-table-count')).toBe(`显示 1 / ${ALL} 条`);
    await page.getByTestId('applicants-table-search').fill('');
    await countOf(rows).toBe(ALL);
  });

  it('imports the experts and enrolls each with the code from their machine, after comparing the fingerprint', async () => {
    await page.getByTestId('tab-experts').click();
    await page.getByTestId('import-experts-input').setInputFiles(await expertsSheet(join(files, 'experts.xlsx'), EXPERTS));
    await countOf(page.getByTestId('experts-table').locator('tbody tr')).toBe(EXPERTS.length);
    for (const e of EXPERTS) {
      const store = stores.get(e.code)!.store;
      await page.getByTestId(`enroll-${e.code}`).click();
      await page.getByTestId('enroll-code').fill(store.enrollmentCode());
      await page.getByTestId('enroll-check').click();
      // nothing is stored until the clerk has compared the fingerprint with the expert
      await textOf(page.getByTestId('enroll-fingerprint')).toBe(store.info().fingerprint);
      await textOf(page.getByTestId('enroll-confirm-step')).toMatch(`${e.name}（${e.code}）`);
      await textOf(page.getByTestId(`expert-row-${e.code}`)).toMatch('未登记');
      if (e === EXPERTS[0]) await shot(page, '24a-enroll-compare');
      await page.getByTestId('enroll-submit').click();
      await countOf(page.getByRole('dialog')).toBe(0);
      await textOf(page.getByTestId(`expert-row-${e.code}`)).toMatch('已登记');
      await textOf(page.getByTestId('enrolled-notice')).toMatch(`已为 ${e.code} ${e.name} 登记注册码，指纹 ${store.info().fingerprint}`);
    }
    await shot(page, '24-experts-enrolled');
  });

  it('forms a panel per stage, assigns every applicant, and replaces a member who cannot come', async () => {
    await page.getByTestId('tab-panels').click();
    for (const [stage, name, members, leader] of [
      ['材料评审', '材料评审组', SEATED, SEATED[0]!],
      // the site panel is formed with E04 leading, who then cannot travel: E03 replaces them
      ['现场评审', '现场评审组', [EXPERTS[0]!, EXPERTS[1]!, EXPERTS[3]!], EXPERTS[3]!],
    ] as const) {
      await page.getByTestId('panel-new-open').click();
      await pick('panel-stage', stage);
      await page.getByTestId('panel-name').fill(name);
      await page.getByTestId('panel-members').click();
      for (const e of members) await page.getByRole('option', { name: `${e.code} ${e.name}` }).click();
      await page.getByTestId('panel-name').click();
      await pick('panel-leader', `${leader.code} ${leader.name}`);
      await page.getByTestId('panel-create').click();
      // the new panel opens at once, to assign its applicants
      const drawer = page.getByTestId('panel-drawer');
      await visible(drawer);
      await page.getByTestId(`assign-all-${name}`).click();
      await page.getByTestId(`assign-${name}`).click();
      await textOf(drawer.getByTestId('panel-assigned-title')).toMatch(`已分配的申报单位（${ALL} 家）`);
      await countOf(drawer.getByTestId('panel-applicants').locator('tbody tr')).toBe(ALL);
      // the picker stays, saying that nothing is left to assign
      await disabled(page.getByTestId(`assign-pick-${name}`)).toBe(true);
      await visible(page.getByPlaceholder('本环节可参评的申报单位都已分配'));
      if (stage === '材料评审') await shot(page, '25a-panel-drawer');
      if (stage === '材料评审') await page.keyboard.press('Escape');
    }

    const drawer = page.getByTestId('panel-drawer');
    await drawer.getByTestId(`member-${EXPERTS[3]!.code}`).getByTestId('member-replace').click();
    await pick('panel-action-expert', `${EXPERTS[2]!.code} ${EXPERTS[2]!.name}`);
    await textOf(page.getByTestId('panel-replaceMember-modal')).toMatch('替换人接替该专家在本组的位置并接任组长');
    await disabled(page.getByTestId('panel-replaceMember-confirm')).toBe(true);
    await page.getByTestId('panel-replaceMember-reason').fill('赵雅琴现场评审期间出差，由王建国替换');
    await shot(page, '25b-replace-member');
    await page.getByTestId('panel-replaceMember-confirm').click();
    await countOf(drawer.getByTestId(`member-${EXPERTS[3]!.code}`)).toBe(0);
    await textOf(drawer.getByTestId(`member-${EXPERTS[2]!.code}`)).toMatch('组长');
    await textOf(page.getByTestId('corrected')).toMatch(`${EXPERTS[2]!.code} ${EXPERTS[2]!.name} 已替换 ${EXPERTS[3]!.code} ${EXPERTS[3]!.name} 加入现场评审组`);
    await page.keyboard.press('Escape');
    await textOf(page.getByTestId('panel-row-现场评审组')).toMatch(EXPERTS[2]!.name);
    await textOf(page.getByTestId('coverage-site')).toMatch(`可参评 ${ALL} 家，均已分配`);
    await shot(page, '25-panels');
  });

  it('attaches a PDF to an applicant', async () => {
    await page.getByTestId('tab-materials').click();
    const code = APPLICANTS[0]!.code;
    await page.getByTestId(`attach-${code}-input`).setInputFiles(materialPdf(join(files, `${code}-自评报告.pdf`), code));
    await textOf(page.getByTestId(`materials-${code}`)).toMatch('自评报告.pdf');
    await textOf(page.getByTestId(`materials-${code}`).getByTestId('material-version')).toBe('第 1 版');

    // the applicant sends a corrected report: it replaces the first as version 2
    await page.getByTestId(`materials-${code}`).getByTestId('material-replace').click();
    await page.getByTestId('replace-material-file-input').setInputFiles(materialPdf(join(files, `${code}-自评报告（修订）.pdf`), `${code} revised`));
    await textOf(page.getByTestId('replace-material-picked')).toMatch('自评报告（修订）.pdf');
    await page.getByTestId('replace-material-reason').fill('申报单位更正了第 4 章的数据');
    await shot(page, '26a-replace-material');
    await page.getByTestId('replace-material-confirm').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await countOf(page.getByTestId(`materials-${code}`).getByTestId('material-line')).toBe(1);
    await textOf(page.getByTestId(`materials-${code}`).getByTestId('material-version')).toBe('第 2 版');
    await textOf(page.getByTestId(`materials-${code}`)).toMatch('自评报告（修订）.pdf');
    await shot(page, '26-materials');
  });

  const packages = new Map<string, string>();

  it('exports one package per enrolled expert, as downloads', async () => {
    await page.getByTestId('tab-packages').click();
    await page.getByTestId('export-packages').click();
    await countOf(page.getByTestId('packages-table').locator('tbody tr')).toBe(SEATED.length);
    await countOf(page.locator('[data-testid="package-status"] tbody tr[data-state="current"]')).toBe(SEATED.length);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('download-all-packages').click();
    await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(SEATED.length);
    await attrOf(page.getByTestId('download-all-packages'), 'data-loading').toBe(null);
    for (const d of downloads) {
      const file = join(files, d.suggestedFilename());
      await d.saveAs(file);
      const code = /-(E\d\d)[^-]*-评审包\.pspkg$/.exec(file)?.[1];
      expect(code).toBeDefined();
      packages.set(code!, file);
    }
    await shot(page, '27-packages');
  });

  it('takes in many bundles at once, refusing the tampered one with its reason', async () => {
    const bundles: string[] = [];
    for (const e of SEATED) {
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
    // the corrected name is the one on the ranking
    const ranking = squash((await pageTexts(new Uint8Array(readFileSync(pdf)))).join('\n'));
    expect(ranking).toContain(CORRECTED.after);
    expect(ranking).not.toContain(CORRECTED.before);
    const [binder] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('report-panel-binder').click()]);
    const binderPdf = join(files, binder.suggestedFilename());
    await binder.saveAs(binderPdf);
    expect(readFileSync(binderPdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(binder.suggestedFilename()).toBe('评审组评分汇总表汇编-2025年度信阳市市长质量奖.pdf');

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
    // six submitted sheets, each with its return button
    await countOf(page.getByTestId('sheet-return')).toBe(6);
    await page.getByTestId('sheet-return').first().click();
    await disabled(page.getByTestId('return-confirm')).toBe(true);
    await page.getByTestId('return-reason').fill('4.3.2 的得分与评语不一致，请核对后重新提交');
    await page.getByTestId('return-confirm').click();
    await countOf(drawer.getByTestId('sheet-returned')).toBe(1);
    await visible(drawer.getByText('4.3.2 的得分与评语不一致，请核对后重新提交'));
    await countOf(page.getByTestId('sheet-return')).toBe(5);
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

  it('seats a substitute expert from the undersized-panel flag, and the flag is resolved', async () => {
    await page.getByTestId('tab-results').click();
    const undersized = page.getByTestId('flags').getByTestId('flag-undersized-panel');
    await countOf(undersized).toBe(2);
    const flagged = undersized.filter({ hasText: `${CONFLICT.applicant} 材料评审` });
    await textOf(flagged).toMatch('请增派专家');
    await flagged.getByTestId('flag-remedy').click();
    await textOf(page.getByTestId('substitute-subject')).toMatch(`材料评审组（材料评审） · ${CONFLICT.applicant}`);
    await pick('substitute-expert', `${EXPERTS[3]!.code} ${EXPERTS[3]!.name}`);
    await page.getByTestId('substitute-reason').fill(`${CONFLICT.expert} 回避后评审组不足 3 人，增派一名专家`);
    await shot(page, '32-substitute-from-flag');
    await page.getByTestId('substitute-confirm').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await textOf(page.getByTestId('corrected')).toMatch(`已为 ${CONFLICT.applicant} 向材料评审组增派 ${EXPERTS[3]!.code} ${EXPERTS[3]!.name}`);
    await countOf(undersized).toBe(1);
    await countOf(undersized.filter({ hasText: `${CONFLICT.applicant} 材料评审` })).toBe(0);
    await shot(page, '32a-flag-resolved');

    // the substitute needs a package now; the expert whose sheet came back has an out-of-date one
    await page.getByTestId('tab-packages').click();
    const substitute = page.getByTestId(`package-status-${EXPERTS[3]!.code}`);
    await attrOf(substitute, 'data-state').toBe('never');
    await countOf(page.locator('[data-testid="package-status"] tbody tr[data-state="outdated"]')).toBeGreaterThan(0);
    await textOf(page.locator('[data-testid="package-status"] tbody tr[data-state="outdated"]').first().getByTestId('package-changes')).toMatch(/\S/);
    await shot(page, '33-package-status');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), substitute.getByTestId('package-reexport').click()]);
    expect(download.suggestedFilename()).toMatch(EXPERTS[3]!.code);
    await attrOf(substitute, 'data-state').toBe('current');
  });

  it('refuses to remove an applicant that has work, and withdraws it instead, keeping it listed', async () => {
    await page.getByTestId('tab-applicants').click();
    const code = APPLICANTS[5]!.code;
    await page.getByTestId(`applicant-more-${code}`).click();
    await page.getByTestId('applicant-remove').click();
    await page.getByTestId('remove-applicant-reason').fill('申报单位书面申请撤回');
    await page.getByTestId('remove-applicant-confirm').click();
    await textOf(page.getByTestId('remove-applicant-modal').getByRole('alert')).toMatch(`不能删除 ${code}`);
    await textOf(page.getByTestId('remove-applicant-effect')).toMatch('只能撤回申报');
    await shot(page, '34-remove-refused');
    await page.getByTestId('remove-applicant-withdraw-instead').click();
    await expect.poll(() => page.getByTestId('withdraw-applicant-reason').inputValue()).toBe('申报单位书面申请撤回');
    await page.getByTestId('withdraw-applicant-confirm').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    const row = page.getByTestId(`applicant-row-${code}`);
    await attrOf(row, 'data-withdrawn').toBe('yes');
    await textOf(row).toMatch('已撤回申报');
    await countOf(page.getByTestId('applicants-table').locator('tbody tr')).toBe(ALL);
    await pick('applicants-table-filter-status', '已撤回申报');
    await countOf(page.getByTestId('applicants-table').locator('tbody tr')).toBe(1);
    await row.getByTestId('withdrawn-badge').hover();
    await visible(page.getByRole('tooltip').filter({ hasText: '申报单位书面申请撤回' }));
    await shot(page, '34a-withdrawn');
  });

  it('reads well at 1280×720 and at 1920×1080, every tab in sight, nothing cut off, and no screen shows an internal id', async () => {
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      // the edition's sixteen tabs in one column, every one in sight without scrolling
      const tabs = await page.locator('[role="tab"][data-testid^="tab-"]').evaluateAll((els) => els.map((el) => ({ left: Math.round(el.getBoundingClientRect().left), bottom: el.getBoundingClientRect().bottom })));
      expect(tabs).toHaveLength(16);
      expect(new Set(tabs.map((t) => t.left)).size).toBe(1);
      expect(Math.max(...tabs.map((t) => t.bottom))).toBeLessThanOrEqual(size.height);
      for (const tab of ['applicants', 'experts', 'panels', 'materials', 'packages', 'intake', 'recusals', 'results', 'notice', 'objections']) {
        await page.getByTestId(`tab-${tab}`).click();
        await attrOf(page.getByTestId(`tab-${tab}`), 'aria-selected').toBe('true');
        await countOf(page.getByTestId('loading')).toBe(0);
        await shot(page, `40-${size.width}-${tab}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        expect(await page.locator('body').innerText()).not.toMatch(UUID);
      }
    }
    await page.getByTestId('tab-panels').click();
    await page.getByTestId('panel-open-材料评审组').click();
    await visible(page.getByTestId('panel-drawer'));
    await shot(page, '40-small-panel-drawer');
    expect(await page.getByTestId('panel-drawer').innerText()).not.toMatch(UUID);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(problems).toEqual([]);
  });
});
