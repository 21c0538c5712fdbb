import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { EditionSettings } from '../../src-main/profile/settings.js';
import type { Stage } from '../../src-main/domain/words.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { scoreSheet } from './consensus-fixtures.js';
import { exportBundleFile, newExpertStore, newSecretariat, saveAs, tempDir, upload } from './fixtures.js';

export interface Scored {
  sec: StoreClient;
  /** the secretariat's store file, opened with PASS */
  storePath: string;
  editionId: string;
  /** by code */
  applicants: Record<string, Applicant>;
  experts: Expert[];
  cleanup(): void;
}

/**
 * An edition scored through real stores: three experts sit on one panel per listed stage, each
 * scores every item of an applicant at the percent given (one per expert), and the secretariat
 * imports their bundles. A sheet's total is then ten times its percent.
 */
export async function scoredEdition(opts: {
  profileId: string;
  settings?: EditionSettings;
  percents: Record<string, Partial<Record<Stage, [number, number, number]>>>;
  /** where the secretariat's store goes, alone in its folder as the app's data folder holds it */
  secretariatDir?: string;
}): Promise<Scored> {
  const { dir, cleanup } = tempDir();
  const secDir = opts.secretariatDir ?? dir;
  mkdirSync(secDir, { recursive: true });
  const sec = await newSecretariat(secDir);
  const edition = sec.editions.create({ name: '2026年度市长质量奖', year: 2026, profileId: opts.profileId, frameworkId: 'gbt19580-2012', settings: opts.settings ?? {} });
  const applicants: Record<string, Applicant> = {};
  for (const code of Object.keys(opts.percents)) {
    applicants[code] = sec.applicants.add({ editionId: edition.id, applicant: { code, name: `申报单位${code}`, kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
  }
  const experts: Expert[] = [];
  const stores: StoreClient[] = [];
  for (const [i, name] of ['周建华', '吴丽萍', '郑国栋'].entries()) {
    const e = sec.experts.add({ editionId: edition.id, expert: { code: `E0${i + 1}`, name, organisation: null, title: null, industry: 2, phone: null, email: null } });
    const { svc } = await newExpertStore(dir, `E0${i + 1}`);
    experts.push(sec.experts.enroll({ expertId: e.id, enrollmentCode: svc.store.enrollmentCode() }));
    stores.push(svc);
  }
  const stages = [...new Set(Object.values(opts.percents).flatMap((p) => Object.keys(p) as Stage[]))];
  for (const stage of stages) {
    const panel = sec.panels.create({ editionId: edition.id, panel: { stage, name: `${stage}组`, memberIds: experts.map((e) => e.id), leaderId: experts[0]!.id } });
    sec.panels.assign({ panelId: panel.id, applicantIds: Object.entries(opts.percents).filter(([, p]) => p[stage]).map(([code]) => applicants[code]!.id) });
  }
  for (const p of await sec.packages.export({ editionId: edition.id })) {
    await stores[experts.findIndex((e) => e.id === p.expertId)]!.packages.import({ file: upload(saveAs(p, join(dir, 'packages', p.fileName))) });
  }
  const files: string[] = [];
  for (const [i, svc] of stores.entries()) {
    for (const [code, byStage] of Object.entries(opts.percents)) {
      for (const [stage, percents] of Object.entries(byStage)) scoreSheet(svc, edition.id, applicants[code]!.id, stage as Stage, percents[i]!);
    }
    files.push((await exportBundleFile(svc, edition.id, join(dir, 'stick', `E0${i + 1}.psbundle`))).file);
  }
  await sec.bundles.import({ files: files.map(upload) });
  return {
    sec,
    storePath: join(secDir, 'secretariat.db'),
    editionId: edition.id,
    applicants,
    experts,
    cleanup() {
      sec.close();
      for (const s of stores) s.close();
      cleanup();
    },
  };
}
