import { join } from 'node:path';
import { demoApplicants } from '../src-main/cli/demo/people.js';
import type { ExpertService, SecretariatService } from '../src-main/services/api.js';
import { initStore, openExpert, openSecretariat } from '../src-main/services/index.js';

export const PASSPHRASE = 'pingshen bench passphrase';

export interface ExpertRig {
  sec: SecretariatService;
  expert: ExpertService;
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
  await initStore({ role: 'secretariat', path: secPath, passphrase: PASSPHRASE });
  await initStore({ role: 'expert', path: expertPath, passphrase: PASSPHRASE });
  const sec = await openSecretariat({ path: secPath, passphrase: PASSPHRASE });
  const expert = await openExpert({ path: expertPath, passphrase: PASSPHRASE });
  const edition = sec.createEdition({
    name: '基准测试届次',
    year: 2025,
    profileId: 'wuxi-2024',
    frameworkId: 'gbt19580-2012',
    settings: { panelSize: { min: 1, max: 7 } },
  });
  const pool = demoApplicants(2025);
  const applicantIds = Array.from({ length: applicants }, (_, i) => {
    const base = pool[i % pool.length]!;
    return sec.addApplicant(edition.id, { ...base, code: `BN-${String(i + 1).padStart(4, '0')}`, name: `${base.name}${i >= pool.length ? i : ''}` }).id;
  });
  const e = sec.addExpert(edition.id, { code: 'E01', name: '张明远', organisation: null, title: null, industry: null, phone: null, email: null });
  sec.enrollExpert(e.id, expert.enrollmentCode());
  const panel = sec.createPanel(edition.id, { stage: 'material', name: '材料评审组', memberIds: [e.id], leaderId: e.id });
  sec.assign(panel.id, applicantIds);
  const [pkg] = await sec.exportPackages(edition.id, join(dir, 'packages'));
  if (!pkg) throw new Error('bench: no package exported');
  await expert.importPackage(pkg.file);
  for (const applicantId of applicantIds) expert.declare({ editionId: edition.id, applicantId, conflict: false, reason: '' });
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
