import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initStore } from '../../src-main/features/open.js';
import { openTestStore, saveAs, TEST_KDF, upload } from '../services/fixtures.js';
import { launchChromium, openPage, shot, startApp, type RunningApp } from './helpers/app.js';
import { applicants, experts, expertStores, expertTurn, PASSPHRASE } from './helpers/fixtures.js';
import { keepRecoveryCode } from './helpers/recovery.js';
import { countOf, textOf, visible } from './helpers/wait.js';

/**
 * Records that last, in the browser: a Daqing edition (records kept ten years) is backed up when
 * the app reminds, cannot be deleted before its archive is made and verified, then can; the archive
 * verifies again with no store at all; the backup restores in another data folder, a forgotten
 * passphrase is reset with the recovery code, and the restored store is kept by the retention period.
 */

const NAME = '2025年大庆市政府质量奖';

describe('records in browser mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-e2e-records-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  let app: RunningApp;
  let other: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let recoveryCode: string;
  let fingerprint: string;
  let officeKey: string;
  let recipient: string;
  const backupFile = join(files, 'secretariat.psbackup');
  const archiveFile = join(files, 'edition.psarchive');

  beforeAll(async () => {
    const dataDir = join(dir, 'app');
    const made = await initStore({ role: 'secretariat', path: join(dataDir, 'secretariat.db'), passphrase: PASSPHRASE, kdf: TEST_KDF });
    recoveryCode = made.recoveryCode;
    fingerprint = made.fingerprint;
    const sec = await openTestStore(made.path, 'secretariat', PASSPHRASE);
    const stores = await expertStores(join(dir, 'experts'), ['E01', 'E02']);
    try {
      const edition = sec.editions.create({ name: NAME, year: 2025, profileId: 'daqing-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 40, site: 60 }, shortlistSize: 2, panelSize: { min: 2, max: 5 } } });
      const list = applicants(2).map((a) => sec.applicants.add({ editionId: edition.id, applicant: a }));
      const people = experts(2).map((e) => sec.experts.add({ editionId: edition.id, expert: e }));
      for (const [i, e] of people.entries()) sec.experts.enroll({ expertId: e.id, enrollmentCode: stores.get(`E0${i + 1}`)!.store.enrollmentCode() });
      const panel = sec.panels.create({ editionId: edition.id, panel: { stage: 'material', name: '材料评审组', memberIds: people.map((p) => p.id), leaderId: people[0]!.id } });
      sec.panels.assign({ panelId: panel.id, applicantIds: list.map((a) => a.id) });
      const bundles: string[] = [];
      for (const p of await sec.packages.export({ editionId: edition.id })) {
        const code = people.find((e) => e.id === p.expertId)!.code;
        bundles.push(await expertTurn(stores.get(code)!, code, saveAs(p, join(dir, 'packages', p.fileName)), join(dir, 'bundles', `${code}.psbundle`)));
      }
      await sec.bundles.import({ files: bundles.map(upload) });
    } finally {
      sec.close();
      for (const s of stores.values()) s.close();
    }
    const office = await generateX25519Identity();
    recipient = await identityToRecipient(office);
    officeKey = join(files, 'archive-office.key');
    writeFileSync(officeKey, `# public key: ${recipient}\n${office}\n`);
    app = await startApp(dataDir);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, app.url));
  }, 120_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await shot(page, `failed-records-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error([...problems, app.output().slice(-4000)].join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await other?.stop();
  });

  async function download(testId: string, to: string): Promise<void> {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId(testId).click()]);
    await d.saveAs(to);
  }

  it('reminds of the edition never backed up, and backs the store up to a file', async () => {
    await page.getByTestId('role-secretariat').click();
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await visible(page.getByTestId('backup-reminder'));
    await textOf(page.getByTestId('backup-reminder')).toContain(NAME);
    await shot(page, '60-backup-reminder');
    await download('backup-now', backupFile);
    await countOf(page.getByTestId('backup-reminder')).toBe(0);
  });

  it('refuses to delete the edition within its ten years until its archive is made and verified', async () => {
    await page.getByRole('button', { name: '打开' }).first().click();
    await page.getByTestId('tab-records').click();
    await textOf(page.getByTestId('retention-text')).toContain('保存 10 年，至 2035-12-31');
    await page.getByTestId('delete-name').fill(NAME);
    await page.getByTestId('delete-edition').click();
    await textOf(page.getByRole('alert')).toContain('仍在保存期内');

    await page.getByTestId('archive-recipients').fill(recipient);
    await download('archive-create', archiveFile);
    await visible(page.getByTestId('archive-made'));
    await textOf(page.getByTestId('archive-made')).toContain('登记册中有评委会决定 0 项、公示 0 份、异议 0 件');
    await page.getByTestId('archive-verify-input').setInputFiles(archiveFile);
    await visible(page.getByTestId('archive-ok'));
    await visible(page.getByTestId('archive-recorded'));
    await textOf(page.getByTestId('check-results')).toContain('✓');
    await shot(page, '61-archive-verified');

    await page.getByTestId('delete-edition').click();
    await visible(page.getByText('还没有届次'));
  });

  it('verifies the archive on the start screen, with no store, from the file and the archive office’s key, and makes a supervisor a key of its own', async () => {
    await page.getByTestId('lock').click();
    await page.getByTestId('start-verify').click();
    await page.getByTestId('check-archive-file-input').setInputFiles(archiveFile);
    await page.getByTestId('check-key-file-input').setInputFiles(officeKey);
    await page.getByTestId('check-archive').click();
    await visible(page.getByTestId('archive-ok'));
    await textOf(page.getByTestId('archive-retention')).toContain('2035-12-31');
    await shot(page, '62-archive-verified-without-store');

    // the supervisor's own key pair, as archive keygen makes it
    await download('archive-keygen', join(files, 'supervisor.key'));
    await textOf(page.getByTestId('keygen-recipient')).toMatch(/^age1[0-9a-z]{58}$/);
    expect(readFileSync(join(files, 'supervisor.key'), 'utf8')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
  });

  it('restores the backup in another data folder, resets a forgotten passphrase with the recovery code, and will not delete a store its editions’ retention keeps', async () => {
    other = await startApp(join(dir, 'other'));
    ({ page, problems } = await openPage(browser, other.url));
    await page.getByTestId('start-restore').click();
    await page.getByTestId('restore-file-input').setInputFiles(backupFile);
    await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('restore-submit').click();
    await textOf(page.getByTestId('role-badge')).toBe('秘书处');
    await visible(page.getByText(NAME));

    // the restored store's role stays chosen once it is locked
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-forgotten').click();
    await page.getByTestId('reset-code').fill(recoveryCode.toLowerCase());
    await page.getByTestId('reset-passphrase').fill('恢复码重设之后的新口令');
    await page.getByTestId('reset-confirm').fill('恢复码重设之后的新口令');
    await page.getByTestId('reset-submit').click();
    await textOf(page.getByTestId('role-badge')).toBe('秘书处');

    // the backup was made before the archive: this store has verified none, so it is kept
    await page.getByTestId('settings-open').click();
    await page.getByTestId('delete-store-fingerprint').fill(fingerprint);
    await page.getByTestId('delete-store').click();
    await textOf(page.getByRole('dialog').getByRole('alert')).toContain('仍在保存期内');
    await textOf(page.getByRole('dialog').getByRole('alert')).toContain(NAME);
    await page.keyboard.press('Escape');
  });

  it('shows a new store’s recovery code once, with a print button, before anything else; an expert’s store is deleted on its fingerprint', async () => {
    await page.getByTestId('lock').click();
    await page.getByTestId('start-other-role').click();
    await page.getByTestId('role-expert').click();
    await page.getByTestId('create-passphrase').fill(PASSPHRASE);
    await page.getByTestId('create-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-understood').check();
    await page.getByTestId('create-submit').click();
    await visible(page.getByTestId('recovery-print'));
    await shot(page, '63-recovery-code');
    await keepRecoveryCode(page);
    await textOf(page.getByTestId('role-badge')).toBe('评审专家');

    // an expert's laptop holds copies only: its store goes once its fingerprint is typed
    const own = (await page.getByTestId('fingerprint').innerText()).trim();
    await page.getByTestId('settings-open').click();
    await page.getByTestId('delete-store-fingerprint').fill(own);
    await page.getByTestId('delete-store').click();
    await textOf(page.getByTestId('role-expert')).toContain('首次使用');
  });
});
