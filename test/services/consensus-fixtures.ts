import { join } from 'node:path';
import type { ConsensusView } from '../../src-main/domain/consensus.js';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { Stage } from '../../src-main/domain/words.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { exportBundleFile, ITEM_CODES, newExpertStore, newSecretariat, saveAs, tempDir, upload } from './fixtures.js';

/**
 * A Xinyang edition with disagreement flagged at 30 points and two site panels: panel A (E01
 * leads, E02, E03) reviews the first two applicants, panel B (E04 leads, E05) the third. Every
 * expert's package is imported into their own store.
 */
export interface Panels {
  dir: string;
  sec: StoreClient;
  editionId: string;
  applicants: Applicant[];
  experts: Expert[];
  /** by expert code */
  store: Record<'E01' | 'E02' | 'E03' | 'E04' | 'E05', StoreClient>;
  cleanup(): void;
}

export async function setupPanels(): Promise<Panels> {
  const { dir, cleanup } = tempDir();
  const sec = await newSecretariat(dir);
  const edition = sec.editions.create({
    name: '2025年信阳市市长质量奖',
    year: 2025,
    profileId: 'xinyang-2022',
    frameworkId: 'gbt19580-2012',
    settings: { disagreement: { enabled: true, threshold: 30 } },
  });
  const applicants = ['信阳毛尖茶业集团有限公司', '信阳华鼎精密制造有限公司', '信阳淮河物流股份有限公司'].map((name, i) =>
    sec.applicants.add({ editionId: edition.id, applicant: { code: `XY2025-00${i + 1}`, name, kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } }),
  );
  const names = ['周建华', '吴丽萍', '郑国栋', '孙晓梅', '马文涛'];
  const experts: Expert[] = [];
  const stores: StoreClient[] = [];
  for (const [i, name] of names.entries()) {
    const e = sec.experts.add({ editionId: edition.id, expert: { code: `E0${i + 1}`, name, organisation: null, title: null, industry: 2, phone: null, email: null } });
    const { svc } = await newExpertStore(dir, `E0${i + 1}`);
    experts.push(sec.experts.enroll({ expertId: e.id, enrollmentCode: svc.store.enrollmentCode() }));
    stores.push(svc);
  }
  const [e1, e2, e3, e4, e5] = experts.map((e) => e.id) as [string, string, string, string, string];
  const a = sec.panels.create({ editionId: edition.id, panel: { stage: 'site', name: '现场评审一组', memberIds: [e1, e2, e3], leaderId: e1 } });
  const b = sec.panels.create({ editionId: edition.id, panel: { stage: 'site', name: '现场评审二组', memberIds: [e4, e5], leaderId: e4 } });
  sec.panels.assign({ panelId: a.id, applicantIds: [applicants[0]!.id, applicants[1]!.id] });
  sec.panels.assign({ panelId: b.id, applicantIds: [applicants[2]!.id] });
  for (const p of await sec.packages.export({ editionId: edition.id })) {
    const i = experts.findIndex((e) => e.id === p.expertId);
    await stores[i]!.packages.import({ file: upload(saveAs(p, join(dir, 'packages', p.fileName))) });
  }
  const [s1, s2, s3, s4, s5] = stores as [StoreClient, StoreClient, StoreClient, StoreClient, StoreClient];
  return {
    dir,
    sec,
    editionId: edition.id,
    applicants,
    experts,
    store: { E01: s1, E02: s2, E03: s3, E04: s4, E05: s5 },
    cleanup() {
      sec.close();
      for (const s of stores) s.close();
      cleanup();
    },
  };
}

/** Declares no conflict and scores every item at `base` %, some items otherwise; submits. */
export function scoreSheet(svc: StoreClient, editionId: string, applicantId: string, stage: Stage, base: number, items: Record<string, number> = {}, comment = ''): void {
  const mine = svc.assignments.mine({ editionId }).find((x) => x.applicant.id === applicantId && x.stage === stage);
  if (!mine?.declaration) svc.declarations.declare({ editionId, applicantId, conflict: false, reason: '' });
  const sheet = svc.sheets.open({ editionId, applicantId, stage });
  for (const code of ITEM_CODES) {
    svc.sheets.saveItem({ sheetId: sheet.id, itemCode: code, percent: items[code] ?? base, strengths: comment && `${comment}（${code}）`, opportunities: '' });
  }
  svc.sheets.submit({ sheetId: sheet.id });
}

/** What an expert hands over on the USB stick. */
export async function stick(p: Panels, svc: StoreClient, name: string): Promise<string> {
  return (await exportBundleFile(svc, p.editionId, join(p.dir, 'stick', name))).file;
}

/** The panel's opinion as proposed, with an overall evaluation: what a leader signs after reading it. */
export function acceptProposal(view: ConsensusView, overall: string) {
  return { categories: view.proposal, overall };
}

export const uploads = (files: string[]) => files.map(upload);
