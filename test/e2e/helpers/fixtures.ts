import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { comments, ScoringModel, seeded } from '../../../src-main/cli/demo/model.js';
import { demoApplicants, demoExperts } from '../../../src-main/cli/demo/people.js';
import { makePdf } from '../../../src-main/cli/demo/pdf.js';
import type { ApplicantInput, ExpertInput } from '../../../src-main/domain/people.js';
import { initStore, type StoreClient } from '../../../src-main/features/open.js';
import { exportBundleFile, openTestStore, saveAs, TEST_KDF, upload } from '../../services/fixtures.js';

/** What the scenarios hand the app: real Excel sheets, real PDFs, real stores and packages. */

export const PASSPHRASE = 'e2e passphrase 2025';
const INDUSTRY = { 1: '一产业', 2: '二产业', 3: '三产业' } as const;

/** The demo's applicants; past their number, more of them under new codes and names. */
export function applicants(n: number): ApplicantInput[] {
  const pool = demoApplicants(2025);
  return Array.from({ length: n }, (_, i) => {
    const base = pool[i % pool.length]!;
    return i < pool.length ? base : { ...base, code: `${base.code}-${i}`, name: `${base.name}${i}` };
  });
}

export function experts(n: number): ExpertInput[] {
  return demoExperts().slice(0, n);
}

async function writeSheet(file: string, header: string[], rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(file);
  return file;
}

export function applicantsSheet(file: string, list: ApplicantInput[]): Promise<string> {
  return writeSheet(
    file,
    ['编号', '名称', '类型', '产业', '联系人', '联系电话', '电子邮箱'],
    list.map((a) => [a.code, a.name, a.kind === 'unit' ? '单位' : '个人', INDUSTRY[a.industry], a.contactName, a.contactPhone, a.contactEmail]),
  );
}

/** Three bad rows among good ones: a missing name, a phone that is no phone, an unknown sector. */
export function badApplicantsSheet(file: string): Promise<string> {
  return writeSheet(
    file,
    ['编号', '名称', '类型', '产业', '联系人', '联系电话', '电子邮箱'],
    [
      ['WX2025-101', '无锡示例精密制造有限公司', '单位', '二产业', '王芳', '0510-82345678', null],
      ['WX2025-102', null, '单位', '二产业', '李强', '0510-82345679', null],
      ['WX2025-103', '无锡示例物流有限公司', '单位', '三产业', '赵磊', '12345', null],
      ['WX2025-104', '无锡示例农业合作社', '单位', '四产业', '钱丽', '0510-82345670', null],
    ],
  );
}

export function expertsSheet(file: string, list: ExpertInput[]): Promise<string> {
  return writeSheet(
    file,
    ['编号', '姓名', '工作单位', '职称', '产业', '电话', '电子邮箱'],
    list.map((e) => [e.code, e.name, e.organisation, e.title, e.industry ? INDUSTRY[e.industry] : null, e.phone, e.email]),
  );
}

export function materialPdf(file: string, code: string): string {
  writeFileSync(file, makePdf([`Self-assessment report ${code}`, 'GB/T 19580-2012 Criteria for Performance Excellence', 'Leadership, strategy, customers, resources, processes, results.']));
  return file;
}

/**
 * A secretariat outside the app, for the expert scenario: it builds a Xinyang edition with the
 * UI expert on the material panel and exports that expert's package. Each applicant's material
 * is a one-page PDF unless `material` writes another into the file it is given.
 */
export async function packageForExpert(dir: string, enrollmentCode: string, material: (file: string, code: string) => string = materialPdf, applicantCount = 3): Promise<{ packageFile: string; secretariatPath: string; applicantCodes: string[] }> {
  mkdirSync(dir, { recursive: true });
  const secretariatPath = join(dir, 'secretariat.db');
  await initStore({ role: 'secretariat', path: secretariatPath, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const sec = await openTestStore(secretariatPath, 'secretariat', PASSPHRASE);
  try {
    const edition = sec.editions.create({ name: '2025年度信阳市市长质量奖', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    const list = applicants(applicantCount).map((a) => sec.applicants.add({ editionId: edition.id, applicant: a }));
    const [expert] = experts(1).map((e) => sec.experts.add({ editionId: edition.id, expert: e }));
    sec.experts.enroll({ expertId: expert!.id, enrollmentCode });
    for (const a of list) sec.materials.attach({ applicantId: a.id, file: upload(material(join(dir, `${a.code}-自评报告.pdf`), a.code)) });
    const panel = sec.panels.create({ editionId: edition.id, panel: { stage: 'material', name: '材料评审组', memberIds: [expert!.id], leaderId: expert!.id } });
    sec.panels.assign({ panelId: panel.id, applicantIds: list.map((a) => a.id) });
    const [pkg] = await sec.packages.export({ editionId: edition.id });
    return { packageFile: saveAs(pkg!, join(dir, pkg!.fileName)), secretariatPath, applicantCodes: list.map((a) => a.code) };
  } finally {
    sec.close();
  }
}

export async function secretariatImports(secretariatPath: string, files: string[]) {
  const sec = await openTestStore(secretariatPath, 'secretariat', PASSPHRASE);
  try {
    return await sec.bundles.import({ files: files.map(upload) });
  } finally {
    sec.close();
  }
}

/**
 * The secretariat sends the one sheet it holds for `applicantCode` back with `reason`, and makes
 * the expert's next package; with `newMaterial`, it also replaces that applicant's material by a
 * second version first.
 */
export async function returnSheetAndRepackage(secretariatPath: string, applicantCode: string, reason: string, dir: string, opts: { newMaterial?: boolean } = {}): Promise<string> {
  const sec = await openTestStore(secretariatPath, 'secretariat', PASSPHRASE);
  try {
    const [edition] = sec.editions.list({});
    const applicant = sec.applicants.list({ editionId: edition!.id }).find((a) => a.code === applicantCode)!;
    const [sheet] = sec.sheets.list({ editionId: edition!.id, filter: { applicantId: applicant.id } });
    sec.sheets.return({ sheetId: sheet!.id, reason });
    if (opts.newMaterial) {
      const [old] = sec.materials.list({ applicantId: applicant.id });
      const file = materialPdf(join(dir, `${applicantCode}-自评报告-修订.pdf`), `${applicantCode} (revised)`);
      sec.materials.replace({ materialId: old!.id, file: upload(file), reason: '申报单位补充了近三年的财务数据' });
    }
    const [pkg] = await sec.packages.export({ editionId: edition!.id });
    return saveAs(pkg!, join(dir, `again-${pkg!.fileName}`));
  } finally {
    sec.close();
  }
}

/** The sheets the secretariat holds for one applicant, every version, as the secretariat lists them. */
export async function secretariatSheets(secretariatPath: string, applicantCode: string) {
  const sec = await openTestStore(secretariatPath, 'secretariat', PASSPHRASE);
  try {
    const [edition] = sec.editions.list({});
    const applicant = sec.applicants.list({ editionId: edition!.id }).find((a) => a.code === applicantCode)!;
    return sec.sheets.list({ editionId: edition!.id, filter: { applicantId: applicant.id } });
  } finally {
    sec.close();
  }
}

/** Expert stores outside the app, for the secretariat scenario. */
export async function expertStores(dir: string, codes: string[]): Promise<Map<string, StoreClient>> {
  mkdirSync(dir, { recursive: true });
  const stores = new Map<string, StoreClient>();
  for (const code of codes) {
    const path = join(dir, `${code}.db`);
    await initStore({ role: 'expert', path, passphrase: PASSPHRASE, kdf: TEST_KDF });
    stores.set(code, await openTestStore(path, 'expert', PASSPHRASE));
  }
  return stores;
}

/**
 * One expert's turn outside the app: import the package, declare (a conflict where asked), score
 * every clear assignment with the demo's scoring model, submit, export the bundle.
 */
export async function expertTurn(svc: StoreClient, expertCode: string, packageFile: string, outFile: string, conflictWith: string[] = []): Promise<string> {
  const summary = await svc.packages.import({ file: upload(packageFile) });
  const items = svc.editions.get({ editionId: summary.id }).framework.categories.flatMap((c) => c.items);
  const model = new ScoringModel(2025);
  const rand = seeded(expertCode.charCodeAt(2) * 7919);
  for (const a of svc.assignments.mine({ editionId: summary.id })) {
    if (!a.declaration) {
      const conflict = conflictWith.includes(a.applicant.code);
      svc.declarations.declare({ editionId: summary.id, applicantId: a.applicant.id, conflict, reason: conflict ? '近三年曾为该单位提供管理咨询服务' : '' });
      if (conflict) continue;
    } else if (a.declaration.conflict) continue;
    const sheet = svc.sheets.open({ editionId: summary.id, applicantId: a.applicant.id, stage: a.stage });
    for (const item of items) {
      const percent = model.percent(a.applicant.code, expertCode, a.stage, item);
      svc.sheets.saveItem({ sheetId: sheet.id, itemCode: item.code, percent, ...comments(item, percent, rand) });
    }
    svc.sheets.submit({ sheetId: sheet.id });
  }
  return (await exportBundleFile(svc, summary.id, outFile)).file;
}

/** A copy of a bundle with one byte flipped in its middle. */
export function tamperedCopy(file: string, out: string): string {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(out, bytes);
  return out;
}
