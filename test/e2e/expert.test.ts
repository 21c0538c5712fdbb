import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import { launchChromium, openPage, ROOT, shot, startApp, type RunningApp } from './helpers/app.js';
import { experts, packageForExpert, PASSPHRASE, returnSheetAndRepackage, secretariatImports, secretariatSheets } from './helpers/fixtures.js';
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
const beijingHour = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(at);
/** one percentage per item, on the 5 % grid, typed as digits */
const PERCENTS = items.map((_, i) => [60, 55, 70, 45, 80, 65, 50][i % 7]!);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

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

  it('declares no conflict for several applicants in one dialog, and a conflict only after saying it is final', async () => {
    await textOf(page.getByTestId('declarations-pending')).toMatch('还有 3 家申报单位未申报利益冲突');
    await page.getByTestId('declare-none-open').click();
    const dialog = page.getByRole('dialog');
    for (const code of codes) await textOf(dialog.getByTestId('declare-none-list')).toMatch(code);
    await textOf(dialog.getByTestId('declare-none-statement')).toMatch('3 家');
    // the expert has an interest in the third: untick it, and declare it on its own
    await dialog.getByTestId(`declare-none-${codes[2]}`).uncheck();
    await textOf(dialog.getByTestId('declare-none-confirm')).toBe('确认申报（2 家）');
    await shot(page, '05-declare-none');
    await dialog.getByTestId('declare-none-confirm').click();
    await countOf(page.getByRole('dialog')).toBe(0);
    await textOf(page.getByTestId('declared-none')).toMatch('已为 2 家申报单位申报无利益冲突');
    await visible(page.getByTestId(`open-${codes[0]}-material`));
    await visible(page.getByTestId(`open-${codes[1]}-material`));
    await textOf(page.getByTestId('declarations-pending')).toMatch('还有 1 家');
    // one left: no batch button for it
    await countOf(page.getByTestId('declare-none-open')).toBe(0);

    await page.getByTestId(`declare-${codes[2]}`).click();
    await page.getByTestId('declare-conflict').check();
    await disabled(page.getByTestId('declare-submit')).toBe(true);
    await page.getByTestId('declare-reason').fill('本人近三年曾为该单位提供咨询服务');
    await page.getByTestId('declare-submit').click();
    // a second step says it cannot be undone; going back keeps the reason
    await textOf(page.getByTestId('declare-conflict-confirm')).toMatch('您本人不能撤回');
    await textOf(page.getByTestId('declare-conflict-confirm')).toMatch('只有秘书处可以解除');
    await page.getByTestId('declare-conflict-back').click();
    expect(await page.getByTestId('declare-reason').inputValue()).toBe('本人近三年曾为该单位提供咨询服务');
    await page.getByTestId('declare-submit').click();
    await shot(page, '05a-declare-conflict-confirm');
    await page.getByTestId('declare-conflict-confirm-button').click();
    const recused = page.getByTestId(`assignment-${codes[2]}-material`);
    await textOf(recused).toMatch('回避');
    await countOf(page.getByRole('dialog')).toBe(0);
    await countOf(page.getByTestId(`open-${codes[2]}-material`)).toBe(0);
    await countOf(page.getByTestId(`declare-${codes[2]}`)).toBe(0);
    await countOf(page.getByTestId('declarations-pending')).toBe(0);
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
    // a number above 100 or off the 5 % grid is refused, visibly, and the item keeps its 60 %
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('saved');
    await page.keyboard.type('150');
    await textOf(page.getByTestId('pad-hint')).toBe('150 超过 100%，未采用。得分率仍为 60%。');
    await attrOf(page.getByTestId('score-pad'), 'data-refused').toBe('true');
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    await shot(page, '07a-score-refused');
    await page.waitForTimeout(1_500);
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('saved');
    await page.keyboard.type('37');
    await textOf(page.getByTestId('pad-hint')).toBe('37 不是 5% 的整数倍，未采用。得分率仍为 60%。');
    await textOf(page.getByTestId('pad-percent')).toBe('60%');
    await page.keyboard.press('Escape');
    await attrOf(page.getByTestId('pad-hint'), 'data-state').toBe('idle');

    // ? opens the sheet of the pad's and the viewer's keys; Esc closes it and the pad has the keys again
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: '键盘快捷键' });
    await textOf(sheet).toMatch('评分框');
    await textOf(sheet).toMatch('申报材料');
    await textOf(sheet).toMatch('下一页');
    await shot(page, '07b-shortcut-sheet');
    await page.keyboard.press('Escape');
    await countOf(page.getByRole('dialog')).toBe(0);
    await focused(page.getByTestId('score-pad'));

    // comments: Tab into strengths, type, Esc back to the pad; a ? typed there is text
    await page.keyboard.press('Tab');
    await focused(page.getByTestId('strengths'));
    await page.keyboard.type('?');
    await countOf(page.getByRole('dialog')).toBe(0);
    await page.keyboard.press('Backspace');
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
    // Beijing time, whatever zone this machine and its browser are set to
    const savedAt = /已保存 (\d\d):/.exec(await page.getByTestId('save-status').innerText())?.[1];
    expect([beijingHour(new Date(Date.now() - 60_000)), beijingHour(new Date())]).toContain(savedAt);
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

  const reason = '4.1.2 的评语与得分不符，请核对';

  it('shows what the next package changed, and reopens the returned sheet with why and the new material', async () => {
    const again = await returnSheetAndRepackage(secretariatPath, codes[0]!, reason, dir, { newMaterial: true });
    await page.getByText('← 返回').click();
    await page.getByTestId('import-package-input').first().setInputFiles(again);
    const changes = page.getByTestId('package-changes');
    await textOf(changes).toMatch(`${codes[0]}（材料评审）的评分表第 1 版被退回修改：${reason}`);
    await textOf(changes).toMatch('已换为新版本（第 2 版）');
    await shot(page, '10a-package-changes');
    const badge = page.getByTestId(`returned-${codes[0]}-material`);
    await textOf(badge).toBe('已退回修改');
    await page.getByTestId(`open-${codes[0]}-material`).click();
    await textOf(page.getByTestId('revised-for')).toMatch(reason);
    await textOf(page.getByTestId('revised-for')).toMatch('第 2 版');
    await textOf(page.getByTestId('material-version')).toBe('第 2 版，已更新');
    await visible(page.getByTestId('submit-open'));
    await shot(page, '10b-sheet-reopened');
  });

  it('the expert revises the returned sheet and resubmits it, and the next bundle carries the new version', async () => {
    await focused(page.getByTestId('score-pad'));
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(items[0]!.code);
    await textOf(page.getByTestId('pad-percent')).toBe(`${PERCENTS[0]}%`);
    await page.keyboard.type('70');
    await page.keyboard.press('Enter');
    await textOf(page.getByTestId('pad-percent')).toBe('70%');
    await page.getByTestId('strengths').fill('高层领导亲自推动，方法与战略目标一致；已按退回意见核对评语与得分');
    await page.keyboard.press('Escape');
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('saved');
    await page.getByTestId('submit-open').click();
    await visible(page.getByTestId('submit-complete'));
    await page.getByTestId('submit-confirm').click();
    await attrOf(page.getByTestId('save-status'), 'data-state').toBe('locked');

    await page.getByText('← 返回').click();
    await countOf(page.getByTestId(`returned-${codes[0]}-material`)).toBe(0);
    await textOf(page.getByTestId(`assignment-${codes[0]}-material`)).toMatch('已提交');
    // the list of changes stays until the expert closes it
    await visible(page.getByTestId('package-changes'));
    await page.getByTestId('package-changes-dismiss').click();
    await countOf(page.getByTestId('package-changes')).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
    const file = join(dir, `again-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await visible(page.getByTestId('bundle-exported'));
    const outcomes = await secretariatImports(secretariatPath, [file]);
    expect(outcomes).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const sheets = await secretariatSheets(secretariatPath, codes[0]!);
    const latest = sheets.find((s) => s.version === 2);
    expect(latest).toMatchObject({ status: 'submitted', returned: null, revisedFor: reason });
    expect(latest!.items.find((i) => i.itemCode === items[0]!.code)).toMatchObject({ percent: 70, strengths: expect.stringContaining('已按退回意见核对') });
    await shot(page, '10c-resubmitted');
  });

  const itemOf = (i: number) => items[i]!.code;
  const typedBeforeReload = '临刷新前一刻写下的优势：标准体系覆盖全流程';
  const typedBeforeLock = '临锁定前写下的改进机会：数据分析尚未形成闭环';
  const typedBeforeClose = '临关窗前写下的改进机会：对标对象选择依据不足';

  it('keeps what was typed the instant before a reload, and the reload returns to the same sheet and item', async () => {
    await page.getByTestId(`open-${codes[1]}-material`).click();
    await focused(page.getByTestId('score-pad'));
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(itemOf(0));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(itemOf(2));
    await page.keyboard.type('55');
    await page.keyboard.press('Enter');
    await page.getByTestId('strengths').fill(typedBeforeReload);
    // well within the comment box's save delay
    await page.reload();
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(itemOf(2));
    await textOf(page.getByTestId('pad-percent')).toBe('55%');
    await expect.poll(() => page.getByTestId('strengths').inputValue()).toBe(typedBeforeReload);
    await textOf(page.getByTestId('item-title')).toMatch(itemOf(2));
  });

  it('keeps what was typed the instant before a lock, and the unlock returns to the same item', async () => {
    await page.getByTestId(`tree-item-${itemOf(4)}`).click();
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(itemOf(4));
    await page.getByTestId('opportunities').fill(typedBeforeLock);
    await page.getByTestId('lock').click();
    await visible(page.getByTestId('unlock-passphrase'));
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await attrOf(page.getByTestId('workspace'), 'data-selected').toBe(itemOf(4));
    await expect.poll(() => page.getByTestId('opportunities').inputValue()).toBe(typedBeforeLock);
    await shot(page, '13-back-after-unlock');
  });

  it('keeps what was typed the instant before the window closes', async () => {
    await page.getByTestId('opportunities').fill(typedBeforeClose);
    await page.close();
    // a new window at 1280×720: a new tab remembers no place, the home screen opens
    ({ page, problems } = await openPage(browser, app.url, 'light', { width: 1280, height: 720 }));
    await visible(page.getByTestId('expert-editions'));
    await page.getByTestId('expert-editions').getByRole('button').first().click();
    await visible(page.getByTestId('assignments'));
    await shot(page, '14-expert-edition-1280');
    await page.getByTestId(`open-${codes[1]}-material`).click();
    await focused(page.getByTestId('score-pad'));
    await page.keyboard.type('150');
    await attrOf(page.getByTestId('pad-hint'), 'data-state').toBe('refused');
    await shot(page, '15a-score-refused-1280');
    await page.keyboard.press('Escape');
    // the sheet opens on its first unscored item; the tree holds the one written to
    await page.getByTestId('tree-toggle').click();
    await page.getByTestId(`tree-item-${itemOf(4)}`).click();
    await expect.poll(() => page.getByTestId('opportunities').inputValue()).toBe(typedBeforeClose);
    await page.getByTestId(`tree-item-${itemOf(2)}`).click();
    await expect.poll(() => page.getByTestId('strengths').inputValue()).toBe(typedBeforeReload);
    await shot(page, '15-scoring-workspace-1280');
    await page.keyboard.press('?');
    await visible(page.getByRole('dialog', { name: '键盘快捷键' }));
    await shot(page, '16-shortcut-sheet-1280');
    await page.keyboard.press('Escape');
    await page.getByText('← 返回').click();
    await visible(page.getByTestId('assignments'));
  });

  it('reads at 1920×1080 too: nothing cut off, no internal id', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    await visible(page.getByTestId('assignments'));
    await shot(page, '14-expert-edition-1920');
    expect(await noOverflow()).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await page.getByTestId(`open-${codes[1]}-material`).click();
    await focused(page.getByTestId('score-pad'));
    await shot(page, '15-scoring-workspace-1920');
    expect(await noOverflow()).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await page.getByText('← 返回').click();
    await visible(page.getByTestId('assignments'));
    await page.setViewportSize({ width: 1280, height: 720 });
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
