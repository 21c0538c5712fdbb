import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { initStore, type StoreClient } from '../../../src-main/features/open.js';
import { exportBundleFile, ITEM_CODES, openTestStore, saveAs, TEST_KDF, upload } from '../../services/fixtures.js';
import { applicants, experts, PASSPHRASE } from './fixtures.js';

/**
 * The site visit before the leader opens the app: a Xinyang edition flagging disagreement at 30
 * points, a site panel of three (E01 leads), one applicant. Every member has scored and handed
 * over a bundle; E02 scored 4.1.2 and 4.7.2 far from the others. The leader's store is made in the
 * app's data folder, so the app unlocks it; the members' stores and the secretariat stay outside.
 */
export interface SiteVisit {
  secretariatPath: string;
  editionId: string;
  applicant: { id: string; code: string; name: string };
  members: Map<'E02' | 'E03', { id: string; svc: StoreClient; bundle: string }>;
  close(): void;
}

export function score(svc: StoreClient, editionId: string, applicantId: string, base: number, items: Record<string, number> = {}, comment = ''): void {
  svc.declarations.declare({ editionId, applicantId, conflict: false, reason: '' });
  const sheet = svc.sheets.open({ editionId, applicantId, stage: 'site' });
  for (const code of ITEM_CODES) svc.sheets.saveItem({ sheetId: sheet.id, itemCode: code, percent: items[code] ?? base, strengths: comment && `${comment}（${code}）`, opportunities: '' });
  svc.sheets.submit({ sheetId: sheet.id });
}

export async function siteVisit(dir: string, appDir: string): Promise<SiteVisit> {
  mkdirSync(appDir, { recursive: true });
  const secretariatPath = join(dir, 'secretariat.db');
  await initStore({ role: 'secretariat', path: secretariatPath, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const sec = await openTestStore(secretariatPath, 'secretariat', PASSPHRASE);
  const paths = { E01: join(appDir, 'expert.db'), E02: join(dir, 'E02.db'), E03: join(dir, 'E03.db') };
  const stores = new Map<string, StoreClient>();
  for (const [code, path] of Object.entries(paths)) {
    await initStore({ role: 'expert', path, passphrase: PASSPHRASE, kdf: TEST_KDF });
    stores.set(code, await openTestStore(path, 'expert', PASSPHRASE));
  }
  try {
    const edition = sec.editions.create({ name: '2025年度信阳市市长质量奖', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: { disagreement: { enabled: true, threshold: 30 } } });
    const [a] = applicants(1).map((x) => sec.applicants.add({ editionId: edition.id, applicant: x }));
    const people = experts(3).map((e) => sec.experts.add({ editionId: edition.id, expert: e }));
    people.forEach((e) => sec.experts.enroll({ expertId: e.id, enrollmentCode: stores.get(e.code)!.store.enrollmentCode() }));
    const panel = sec.panels.create({ editionId: edition.id, panel: { stage: 'site', name: '现场评审组', memberIds: people.map((e) => e.id), leaderId: people[0]!.id } });
    sec.panels.assign({ panelId: panel.id, applicantIds: [a!.id] });
    for (const p of await sec.packages.export({ editionId: edition.id })) {
      const code = people.find((e) => e.id === p.expertId)!.code;
      await stores.get(code)!.packages.import({ file: upload(saveAs(p, join(dir, 'packages', p.fileName))) });
    }
    score(stores.get('E01')!, edition.id, a!.id, 60, {}, '高层领导亲自推动');
    score(stores.get('E02')!, edition.id, a!.id, 60, { '4.1.2': 100, '4.7.2': 20 }, '方法系统');
    score(stores.get('E03')!, edition.id, a!.id, 65, {}, '高层领导亲自推动');
    const members = new Map<'E02' | 'E03', { id: string; svc: StoreClient; bundle: string }>();
    for (const code of ['E02', 'E03'] as const) {
      const svc = stores.get(code)!;
      members.set(code, { id: people.find((e) => e.code === code)!.id, svc, bundle: (await exportBundleFile(svc, edition.id, join(dir, 'stick', `${code}-1.psbundle`))).file });
    }
    // the leader's laptop is the app's from here on
    stores.get('E01')!.close();
    return {
      secretariatPath,
      editionId: edition.id,
      applicant: { id: a!.id, code: a!.code, name: a!.name },
      members,
      close: () => {
        for (const code of ['E02', 'E03']) stores.get(code)!.close();
      },
    };
  } finally {
    sec.close();
  }
}
