import { join } from 'node:path';
import { demoApplicants } from '../src-main/cli/demo/people.js';
import type { KdfCost } from '../src-main/domain/limits.js';
import { initStore, openStore, storeClient, type StoreClient } from '../src-main/features/open.js';

export const PASSPHRASE = 'pingshen bench passphrase';

/** The bench's stores are cheap to unlock: unlocking is not what it measures. */
export const BENCH_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

export async function benchStore(role: 'secretariat' | 'expert', path: string): Promise<StoreClient> {
  await initStore({ role, path, passphrase: PASSPHRASE, kdf: BENCH_KDF });
  return storeClient(await openStore({ path, passphrase: PASSPHRASE }, role));
}

export interface ExpertRig {
  sec: StoreClient;
  expert: StoreClient;
  editionId: string;
  expertPath: string;
  applicantIds: string[];
  close(): void;
}

/**
 * One secretariat and one enrolled expert who has imported a package with `applicants`
 * material-review assignments and declared no conflict for each: the state in which an expert
 * scores. Built only through the services.
 */
export async function expertRig(dir: string, applicants: number): Promise<ExpertRig> {
  const secPath = join(dir, 'secretariat.db');
  const expertPath = join(dir, 'expert.db');
  const sec = await benchStore('secretariat', secPath);
  const expert = await benchStore('expert', expertPath);
  const edition = sec.editions.create({
    name: '基准测试届次',
    year: 2025,
    profileId: 'wuxi-2024',
    frameworkId: 'gbt19580-2012',
    settings: { panelSize: { min: 1, max: 7 } },
  });
  const pool = demoApplicants(2025);
  const applicantIds = Array.from({ length: applicants }, (_, i) => {
    const base = pool[i % pool.length]!;
    return sec.applicants.add({ editionId: edition.id, applicant: { ...base, code: `BN-${String(i + 1).padStart(4, '0')}`, name: `${base.name}${i >= pool.length ? i : ''}` } }).id;
  });
  const e = sec.experts.add({ editionId: edition.id, expert: { code: 'E01', name: '张明远', organisation: null, title: null, industry: null, phone: null, email: null } });
  sec.experts.enroll({ expertId: e.id, enrollmentCode: expert.store.enrollmentCode() });
  const panel = sec.panels.create({ editionId: edition.id, panel: { stage: 'material', name: '材料评审组', memberIds: [e.id], leaderId: e.id } });
  sec.panels.assign({ panelId: panel.id, applicantIds });
  const [pkg] = await sec.packages.export({ editionId: edition.id });
  if (!pkg) throw new Error('bench: no package exported');
  await expert.packages.import({ file: { fileName: pkg.fileName, bytes: pkg.bytes } });
  for (const applicantId of applicantIds) expert.declarations.declare({ editionId: edition.id, applicantId, conflict: false, reason: '' });
  return {
    sec,
    expert,
    editionId: edition.id,
    expertPath,
    applicantIds,
    close() {
      expert.close();
      sec.close();
    },
  };
}
