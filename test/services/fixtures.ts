import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { KdfCost } from '../../src-main/domain/limits.js';
import type { Download, Upload } from '../../src-main/domain/files.js';
import { backupHeader, initStore, openStore, resetPassphrase, restoreStore, storeClient, type StoreClient } from '../../src-main/features/open.js';
import type { Panel } from '../../src-main/domain/panels.js';
import type { StoreOpeners } from '../../src-main/ipc/session.js';
import type { Stage } from '../../src-main/domain/words.js';
import { builtInFrameworks } from '../../src-main/catalog/frameworks.js';

export const PASS = '测试口令 correct horse';

/** Stores made by tests are cheap to unlock; the real cost is tested on its own (test/store/kdf.test.ts). */
export const TEST_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** A file as a user hands it in: its name and its bytes. */
export function upload(path: string): Upload {
  return { fileName: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

/** What a call handed back, handed in again (a package to its expert, say). */
export function asUpload(download: Download): Upload {
  return { fileName: download.fileName, bytes: download.bytes };
}

/** What a call handed back, saved where a user would put it. */
export function saveAs(download: Download, path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, download.bytes);
  return path;
}

/** An expert's bundle exported to a file, as it travels on a USB stick. */
export async function exportBundleFile(svc: StoreClient, editionId: string, path: string): Promise<{ file: string; bundleId: string; sha256: string; sheets: number }> {
  const made = await svc.bundles.export({ editionId });
  return { file: saveAs(made, path), bundleId: made.bundleId, sha256: made.sha256, sheets: made.sheets };
}

/** How the app's session opens stores in tests: the same entry points, with the cheap cost. */
export const TEST_OPENERS: StoreOpeners = {
  initStore: (o) => initStore({ ...o, kdf: TEST_KDF }),
  openStore: (o, role) => openStore({ ...o, kdf: TEST_KDF }, role),
  resetPassphrase: (o) => resetPassphrase({ ...o, kdf: TEST_KDF }),
  backupHeader,
  restoreStore: (o) => restoreStore({ ...o, kdf: TEST_KDF }),
};

/** Every call of a test store holds its output to the schema it declares. */
export async function openTestStore(path: string, role: 'secretariat' | 'expert', passphrase = PASS): Promise<StoreClient> {
  return storeClient(await openStore({ path, passphrase, kdf: TEST_KDF }, role), { checkOutputs: true });
}

export const ITEM_CODES = builtInFrameworks()
  .find((f) => f.id === 'gbt19580-2012')!
  .categories.flatMap((c) => c.items.map((i) => i.code));

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-svc-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small but real PDF whose text is recognisable in raw bytes if it ever leaked. */
export function writePdf(dir: string, name: string, secret: string): string {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${secret}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  const file = join(dir, name);
  writeFileSync(file, body, 'latin1');
  return file;
}

export async function newSecretariat(dir: string): Promise<StoreClient> {
  const path = join(dir, 'secretariat.db');
  await initStore({ role: 'secretariat', path, passphrase: PASS, kdf: TEST_KDF });
  return openTestStore(path, 'secretariat');
}

export async function newExpertStore(dir: string, name: string): Promise<{ svc: StoreClient; path: string }> {
  const path = join(dir, `${name}.db`);
  await initStore({ role: 'expert', path, passphrase: PASS, kdf: TEST_KDF });
  return { svc: await openTestStore(path, 'expert'), path };
}

export interface Review {
  dir: string;
  sec: StoreClient;
  editionId: string;
  applicants: Applicant[];
  experts: Expert[];
  stores: StoreClient[];
  expertPaths: string[];
  secretariatPath: string;
  panels: Record<Stage, Panel | undefined>;
  packageFiles: string[];
  cleanup(): void;
}

/** Applicant names and expert names used across tests; none of them may leak into a file. */
export const APPLICANT_NAMES = ['无锡澄光精密机械有限公司', '江阴青禾食品股份有限公司', '宜兴远帆环保科技有限公司'];
export const EXPERT_NAMES = ['张伟', '李娜', '王强'];

/**
 * A Xinyang-profile edition (material 30 %, site 70 %, panels of 3–7) with three applicants,
 * three enrolled experts on one material and one site panel, materials attached, and each
 * expert's package imported into their own store.
 */
export async function setupReview(opts: { experts?: number } = {}): Promise<Review> {
  const { dir, cleanup } = tempDir();
  const sec = await newSecretariat(dir);
  const edition = sec.editions.create({ name: '2025年信阳市市长质量奖', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
  const applicants = APPLICANT_NAMES.map((name, i) =>
    sec.applicants.add({ editionId: edition.id, applicant: {
      code: `XY2025-00${i + 1}`,
      name,
      kind: 'unit',
      industry: 2,
      contactName: '联系人',
      contactPhone: '13912345678',
      contactEmail: null,
    } }),
  );
  const count = opts.experts ?? 3;
  const experts: Expert[] = [];
  const stores: StoreClient[] = [];
  const expertPaths: string[] = [];
  for (let i = 0; i < count; i++) {
    const expert = sec.experts.add({ editionId: edition.id, expert: {
      code: `E0${i + 1}`,
      name: EXPERT_NAMES[i] ?? `专家${i + 1}`,
      organisation: '信阳师范大学',
      title: '教授',
      industry: 2,
      phone: null,
      email: null,
    } });
    const { svc, path } = await newExpertStore(dir, `expert-${i + 1}`);
    experts.push(sec.experts.enroll({ expertId: expert.id, enrollmentCode: svc.store.enrollmentCode() }));
    stores.push(svc);
    expertPaths.push(path);
  }
  const memberIds = experts.map((e) => e.id);
  const material = sec.panels.create({ editionId: edition.id, panel: { stage: 'material', name: '材料评审组', memberIds, leaderId: memberIds[0]! } });
  const site = sec.panels.create({ editionId: edition.id, panel: { stage: 'site', name: '现场评审组', memberIds, leaderId: memberIds[0]! } });
  const applicantIds = applicants.map((a) => a.id);
  sec.panels.assign({ panelId: material.id, applicantIds });
  sec.panels.assign({ panelId: site.id, applicantIds });
  applicants.forEach((a, i) => sec.materials.attach({ applicantId: a.id, file: upload(writePdf(dir, `申报材料-${i + 1}.pdf`, `商业秘密-${a.code}`)) }));
  const exported = (await sec.packages.export({ editionId: edition.id })).map((p) => ({ ...p, file: saveAs(p, join(dir, 'packages', p.fileName)) }));
  for (const [i, store] of stores.entries()) {
    const file = exported.find((p) => p.expertId === experts[i]!.id)!.file;
    await store.packages.import({ file: upload(file) });
  }
  return {
    dir,
    sec,
    editionId: edition.id,
    applicants,
    experts,
    stores,
    expertPaths,
    secretariatPath: join(dir, 'secretariat.db'),
    panels: { material: sec.panels.list({ editionId: edition.id }).find((p) => p.stage === 'material'), site: sec.panels.list({ editionId: edition.id }).find((p) => p.stage === 'site'), defence: undefined },
    packageFiles: exported.map((p) => p.file),
    cleanup() {
      sec.close();
      for (const s of stores) s.close();
      cleanup();
    },
  };
}

/** Declares no conflict, opens the sheet, scores every item at `percent`, and submits. */
export function scoreAll(
  svc: StoreClient,
  editionId: string,
  applicantId: string,
  stage: Stage,
  percent: number,
  comment = '',
): string {
  const mine = svc.assignments.mine({ editionId }).find((a) => a.applicant.id === applicantId && a.stage === stage);
  if (!mine?.declaration) svc.declarations.declare({ editionId, applicantId, conflict: false, reason: '' });
  const sheet = svc.sheets.open({ editionId, applicantId, stage });
  for (const code of ITEM_CODES) {
    svc.sheets.saveItem({ sheetId: sheet.id, itemCode: code, percent, strengths: comment, opportunities: comment });
  }
  svc.sheets.submit({ sheetId: sheet.id });
  return sheet.id;
}
