import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { ExpertService, SecretariatService } from '../../src-main/services/api.js';
import type { Panel } from '../../src-main/domain/panels.js';
import { initStore, openExpert, openSecretariat } from '../../src-main/services/index.js';
import type { Stage } from '../../src-main/domain/vocabulary.js';
import { builtInFrameworks } from '../../src-main/catalog/frameworks.js';

process.env.PINGSHEN_TEST_FAST_KDF = '1';

export const PASS = '测试口令 correct horse';

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

export async function newSecretariat(dir: string): Promise<SecretariatService> {
  const path = join(dir, 'secretariat.db');
  await initStore({ role: 'secretariat', path, passphrase: PASS });
  return openSecretariat({ path, passphrase: PASS });
}

export async function newExpertStore(dir: string, name: string): Promise<{ svc: ExpertService; path: string }> {
  const path = join(dir, `${name}.db`);
  await initStore({ role: 'expert', path, passphrase: PASS });
  return { svc: await openExpert({ path, passphrase: PASS }), path };
}

export interface Review {
  dir: string;
  sec: SecretariatService;
  editionId: string;
  applicants: Applicant[];
  experts: Expert[];
  stores: ExpertService[];
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
  const edition = sec.createEdition({ name: '2025年信阳市市长质量奖', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
  const applicants = APPLICANT_NAMES.map((name, i) =>
    sec.addApplicant(edition.id, {
      code: `XY2025-00${i + 1}`,
      name,
      kind: 'unit',
      industry: 2,
      contactName: '联系人',
      contactPhone: '13912345678',
      contactEmail: null,
    }),
  );
  const count = opts.experts ?? 3;
  const experts: Expert[] = [];
  const stores: ExpertService[] = [];
  const expertPaths: string[] = [];
  for (let i = 0; i < count; i++) {
    const expert = sec.addExpert(edition.id, {
      code: `E0${i + 1}`,
      name: EXPERT_NAMES[i] ?? `专家${i + 1}`,
      organisation: '信阳师范大学',
      title: '教授',
      industry: 2,
      phone: null,
      email: null,
    });
    const { svc, path } = await newExpertStore(dir, `expert-${i + 1}`);
    experts.push(sec.enrollExpert(expert.id, svc.enrollmentCode()));
    stores.push(svc);
    expertPaths.push(path);
  }
  const memberIds = experts.map((e) => e.id);
  const material = sec.createPanel(edition.id, { stage: 'material', name: '材料评审组', memberIds, leaderId: memberIds[0]! });
  const site = sec.createPanel(edition.id, { stage: 'site', name: '现场评审组', memberIds, leaderId: memberIds[0]! });
  const applicantIds = applicants.map((a) => a.id);
  sec.assign(material.id, applicantIds);
  sec.assign(site.id, applicantIds);
  applicants.forEach((a, i) => sec.attachMaterial(a.id, writePdf(dir, `申报材料-${i + 1}.pdf`, `商业秘密-${a.code}`)));
  const exported = await sec.exportPackages(edition.id, join(dir, 'packages'));
  for (const [i, store] of stores.entries()) {
    const file = exported.find((p) => p.expertId === experts[i]!.id)!.file;
    await store.importPackage(file);
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
    panels: { material: sec.listPanels(edition.id).find((p) => p.stage === 'material'), site: sec.listPanels(edition.id).find((p) => p.stage === 'site'), defence: undefined },
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
  svc: ExpertService,
  editionId: string,
  applicantId: string,
  stage: Stage,
  percent: number,
  comment = '',
): string {
  const mine = svc.myAssignments(editionId).find((a) => a.applicant.id === applicantId && a.stage === stage);
  if (!mine?.declaration) svc.declare({ editionId, applicantId, conflict: false, reason: '' });
  const sheet = svc.openSheet({ editionId, applicantId, stage });
  for (const code of ITEM_CODES) {
    svc.saveItem({ sheetId: sheet.id, itemCode: code, percent, strengths: comment, opportunities: comment });
  }
  svc.submitSheet(sheet.id);
  return sheet.id;
}
