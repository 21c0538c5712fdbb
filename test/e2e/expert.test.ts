import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import { launchChromium, openPage, ROOT, shot, startApp, type RunningApp } from './helpers/app.js';
import { experts, packageForExpert, PASSPHRASE, returnSheetAndRepackage, secretariatImports } from './helpers/fixtures.js';
import { inViewport, layoutProblems } from './helpers/layout.js';
import { attrOf, countOf, disabled, focused, textOf, visible } from './helpers/wait.js';
import { keepRecoveryCode } from './helpers/recovery.js';

/**
 * The expert's whole path in the browser: create the store, hand over the enrollment code,
 * import the package, declare, score every item by keyboard alone, submit, export the bundle —
 * which the secretariat then accepts.
 */

const framework = JSON.parse(readFileSync(join(ROOT, 'resources/criteria/gbt19580-2012.json'), 'utf8')) as CriteriaFramework;
const items = framework.categories.flatMap((c) => c.items);
/** one percentage per item, on the 5 % grid, typed as digits */
const PERCENTS = items.map((_, i) => [60, 55, 70, 45, 80, 65, 50][i % 7]!);

describe('expert in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-expert-'));
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startApp(join(dir, 'app'));
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-expert-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates the store with a passphrase, after the loss warning is acknowledged', async () => {
    await visible(page.getByTestId('role-expert'));
    await shot(page, '01-start');
    await page.getByTestId('role-expert').click();
    await page.getByTestId('create-passphrase').fill('short');
    await disabled(page.getByTestId('create-submit')).toBe(true);
    await page.getByTestId('create-passphrase').fill(PASSPHRASE);
    await page.getByTestId('create-confirm').fill(PASSPHRASE);
    await disabled(page.getByTestId('create-submit')).toBe(true);
    await page.getByTestId('create-understood').check();
    await shot(page, '02-create-store');
    await page.getByTestId('create-submit').click();
    await keepRecoveryCode(page);
    await textOf(page.getByTestId('enrollment-code')).toMatch('PINGSHEN-KEY-1:');
    await textOf(page.getByTestId('role-badge')).toBe('评审专家');
    await shot(page, '03-expert-home-empty');
  });

  let secretariatPath = '';
  let codes: string[] = [];

  it('imports the review package the secretariat made for this machine', async () => {
    const code = (await page.getByTestId('enrollment-code').innerText()).trim();
    const made = await packageForExpert(join(dir, 'secretariat'), code);
    secretariatPath = made.secretariatPath;
    codes = made.applicantCodes;
    await page.getByTestId('import-package-input').first().setInputFiles(made.packageFile);
    await visible(page.getByTestId('assignments'));
    await textOf(page.getByTestId(`assignment-${codes[0]}-material`)).toMatch('未申报');
    const [me] = experts(1);
    await textOf(page.getByTestId('expert-self')).toBe(`评审专家：${me!.name}（${me!.code}）`);
    await shot(page, '04-expert-edition');
  });

  it('declares: no conflict opens the scoring, a conflict shows 回避 and cannot be opened', async () => {
    await page.getByTestId(`declare-${codes[0]}`).click();
    await page.getByTestId('declare-none').check();
    await page.getByTestId('declare-submit').click();
    await visible(page.getByTestId(`open-${codes[0]}-material`));
    await countOf(page.getByRole('dialog')).toBe(0);

    await page.getByTestId(`declare-${codes[2]}`).click();
    await page.getByTestId('declare-conflict').check();
    await disabled(page.getByTestId('declare-submit')).toBe(true);
    await page.getByTestId('declare-reason').fill('本人近三年曾为该单位提供咨询服务');
    await shot(page, '05-declare-conflict');
    await page.getByTestId('declare-submit').click();
    const recused = page.getByTestId(`assignment-${codes[2]}-material`);
    await textOf(recused).toMatch('回避');
    await countOf(page.getByRole('dialog')).toBe(0);
    await countOf(page.getByTestId(`open-${codes[2]}-material`)).toBe(0);
    await countOf(page.getByTestId(`declare-${codes[2]}`)).toBe(0);
    await shot(page, '06-declarations');
  });

  it('scores every item by keyboard alone, with running totals and a truthful autosave', async () => {
    await page.getByTestId(`open-${codes[0]}-material`).click();
    await focused(page.getByTestId('score-pad'));
    await visible(page.getByTestId('pdf-viewer'));
    await expect.poll(() => page.getByTestId('pdf-page-input').inputValue()).toBe('1');
    await textOf(page.getByTestId('pdf-pages')).toBe('/ 1 页');
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('idle');

    // steps on the first item: typed 60, → 65, ← back to 60
    await page.keyboard.type('60');
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    await page.keyboard.press('ArrowRight');
    await textOf(page.getByTestId('pad-percent')).toBe('65%');
    await page.keyboard.press('ArrowLeft');
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    // a number off the 5 % grid is not taken
    await page.keyboard.press('Escape');
    await page.keyboard.type('37');
    await textOf(page.getByTestId('pad-hint')).toMatch('37');
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    await page.keyboard.press('Escape');

    // comments: Tab into strengths, type, Esc back to the pad
    await page.keyboard.press('Tab');
    await focused(page.getByTestId('strengths'));
    await page.keyboard.type('高层领导亲自推动，方法与战略目标一致');
    await page.keyboard.press('Escape');
    await focused(page.getByTestId('score-pad'));
    await page.keyboard.press('ArrowDown');

    for (let i = 1; i < items.length - 1; i++) {
      await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(items[i]!.code);
      await page.keyboard.type(String(PERCENTS[i]));
      await page.keyboard.press('ArrowDown');
    }
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('saved');
    await textOf(page.getByTestId('save-status')).toMatch(/已保存 \d\d:\d\d:\d\d/);
    await textOf(page.getByTestId('progress-text')).toBe(`已评 ${items.length - 1} / ${items.length} 项`);

    // submitting now lists the one item left
    await page.getByTestId('submit-open').click();
    await textOf(page.getByTestId('submit-missing')).toMatch(items.at(-1)!.code);
    await disabled(page.getByTestId('submit-confirm')).toBe(true);
    await shot(page, '08-submit-missing');
    await page.keyboard.press('Escape');

    await page.getByTestId('score-pad').focus();
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(items.at(-1)!.code);
    await page.keyboard.type(String(PERCENTS.at(-1)));
    const expected = items.reduce((sum, item, i) => sum + Math.round(item.points * PERCENTS[i]!), 0) / 100;
    await textOf(page.getByTestId('overall-total')).toBe(`总分 ${expected.toFixed(2)} / 1000`);
    const leadership = framework.categories[0]!;
    const leadershipTotal = leadership.items.reduce((s, item) => s + Math.round(item.points * PERCENTS[items.indexOf(item)]!), 0) / 100;
    await textOf(page.getByTestId(`category-total-${leadership.code}`)).toMatch(String(leadershipTotal));
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('saved');
    await page.getByTestId(`tree-item-${items[0]!.code}`).click();
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    // at 1440×900 the tree, the item and the material sit side by side, the page itself still
    expect(await layoutProblems(page)).toEqual([]);
    expect(await inViewport(page, 'opportunities')).toBe(true);
    await shot(page, '07-scoring-workspace');
  });

  it('submits after a review of what is missing, and the sheet locks', async () => {
    await page.getByTestId('submit-open').click();
    await visible(page.getByTestId('submit-complete'));
    await page.getByTestId('submit-confirm').click();
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('locked');
    await page.getByTestId('score-pad').focus();
    await page.keyboard.press('ArrowRight');
    await textOf(page.getByTestId('pad-percent')).toBe(`${PERCENTS[0]}%`);
    await shot(page, '09-submitted');
  });

  it('exports the sealed bundle as a download, and the secretariat accepts it', async () => {
    await page.getByText('← 返回').click();
    await textOf(page.getByTestId('submitted-count')).toMatch('已提交 1 / 2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file.endsWith('.psbundle')).toBe(true);
    await visible(page.getByTestId('bundle-exported'));
    await shot(page, '10-bundle-exported');
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('高层领导亲自推动'))).toBe(false);

    const outcomes = await secretariatImports(secretariatPath, [file]);
    expect(outcomes).toEqual([expect.objectContaining({ status: 'accepted', sheets: 1 })]);

    const row = page.getByTestId(`assignment-${codes[0]}-material`);
    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), row.getByRole('button', { name: '评分表 PDF' }).click()]);
    const pdf = join(dir, report.suggestedFilename());
    await report.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reopens a sheet the secretariat returned, showing why, from the next package', async () => {
    const reason = '4.1.2 的评语与得分不符，请核对';
    const again = await returnSheetAndRepackage(secretariatPath, codes[0]!, reason, dir);
    await page.getByText('← 返回').click();
    await page.getByTestId('import-package-input').first().setInputFiles(again);
    const badge = page.getByTestId(`returned-${codes[0]}-material`);
    await textOf(badge).toBe('已退回修改');
    await page.getByTestId(`open-${codes[0]}-material`).click();
    await textOf(page.getByTestId('revised-for')).toMatch(reason);
    await textOf(page.getByTestId('revised-for')).toMatch('第 2 版');
    await visible(page.getByTestId('submit-open'));
    await shot(page, '10a-sheet-reopened');
    await page.getByText('← 返回').click();
  });

  it('switches to English and back, and nothing was fetched from the network', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await textOf(page.getByTestId('export-bundle')).toBe('Export result bundle');
    await shot(page, '11-expert-edition-en');
    await page.reload();
    await textOf(page.getByTestId('role-badge')).toBe('Expert');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await textOf(page.getByTestId('role-badge')).toBe('评审专家');
    expect(problems).toEqual([]);
  });

  it('follows a dark system theme', async () => {
    const dark = await openPage(browser, app.url, 'dark');
    await visible(dark.page.getByTestId('expert-editions'));
    const scheme = await dark.page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    expect(scheme).toBe('dark');
    await shot(dark.page, '12-expert-home-dark');
    expect(dark.problems).toEqual([]);
  });
});
