import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaItem } from '../../criteria/schema.js';
import type { EditionSettings } from '../../profile/settings.js';
import type { Stage } from '../../domain/words.js';
import type { Applicant, Expert } from '../../domain/people.js';
import type { EditionDetail } from '../../profile/edition.js';
import { initStore, openStore, type StoreClient, storeClient } from '../../features/open.js';
import type { KdfCost } from '../../domain/limits.js';
import { save, upload } from '../files.js';
import { comments, ScoringModel, seeded } from './model.js';
import { demoApplicants, demoExperts } from './people.js';
import { holdConsensus, SKEW } from './consensus.js';
import { checkEligibility, notShortlistedLetter } from './eligibility.js';
import { makePdf } from './pdf.js';

export const DEMO_PASSPHRASE = 'pingshen demo passphrase';

/**
 * The demo's stores are throwaway, so their passphrases are made cheap to check; each of the
 * seventeen stores would otherwise spend most of a second on key derivation at every opening.
 */
export const DEMO_KDF: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** Panels per stage as expert-code ranges (1-based, inclusive), the first member leads. */
const PANELS: { stage: Stage; name: string; members: [number, number] }[] = [
  { stage: 'material', name: '材料评审组', members: [1, 6] },
  { stage: 'site', name: '现场评审组', members: [7, 11] },
  { stage: 'defence', name: '陈述答辩评审组', members: [12, 16] },
];

/** Genuine conflicts the experts declare: [expert code, applicant number, reason]. */
const CONFLICTS: [string, number, string][] = [
  ['E03', 4, '近三年曾为该公司提供卓越绩效管理咨询服务'],
  ['E09', 6, '本人配偶在该公司任职'],
];

export interface DemoRun {
  dir: string;
  secretariatPath: string;
  editionId: string;
  bundles: { stage: Stage; files: string[] }[];
  /** the applicant whose site review the panel leader held a consensus on, and its feedback report */
  consensus: { applicantCode: string; feedbackReport: string };
}

type Log = (line: string) => void;

function itemsOf(edition: EditionDetail): CriteriaItem[] {
  return edition.framework.categories.flatMap((c) => c.items);
}

/**
 * One expert's whole turn, through the expert service exactly as the CLI drives it: import the
 * package, declare for every applicant, score and submit the clear ones, export the bundle.
 */
async function expertTurn(
  svc: StoreClient,
  expert: Expert,
  packageFile: string,
  model: ScoringModel,
  outFile: string,
  skew: (applicantCode: string, stage: Stage, item: CriteriaItem) => number = () => 0,
): Promise<string> {
  const edition = await svc.packages.import({ file: upload(packageFile) });
  const items = itemsOf(svc.editions.get({ editionId: edition.id }));
  const rand = seeded(Number.parseInt(expert.code.slice(1), 10) * 7919);
  for (const a of svc.assignments.mine({ editionId: edition.id })) {
    if (a.sheetStatus === 'submitted') continue;
    if (a.declaration === null) {
      const conflict = CONFLICTS.find(([code, n]) => code === expert.code && a.applicant.code.endsWith(`-${String(n).padStart(3, '0')}`));
      svc.declarations.declare({ editionId: edition.id, applicantId: a.applicant.id, conflict: !!conflict, reason: conflict?.[2] ?? '' });
      if (conflict) continue;
    } else if (a.declaration.conflict) continue;
    const sheet = svc.sheets.open({ editionId: edition.id, applicantId: a.applicant.id, stage: a.stage });
    for (const item of items) {
      const percent = Math.min(100, Math.max(0, model.percent(a.applicant.code, expert.code, a.stage, item) + skew(a.applicant.code, a.stage, item)));
      svc.sheets.saveItem({ sheetId: sheet.id, itemCode: item.code, percent, ...comments(item, percent, rand) });
    }
    svc.sheets.submit({ sheetId: sheet.id });
  }
  return save(await svc.bundles.export({ editionId: edition.id }), outFile);
}

async function setUpEdition(sec: StoreClient, dir: string, log: Log): Promise<{ edition: EditionDetail; applicants: Applicant[]; eligible: Applicant[]; experts: Expert[] }> {
  const settings: EditionSettings = { panelSize: { min: 5, max: 7 }, disagreement: { enabled: true, threshold: 30 } };
  const edition = sec.editions.create({ name: '2025年度无锡市市长质量奖', year: 2025, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings });
  const applicants = demoApplicants(2025).map((a) => sec.applicants.add({ editionId: edition.id, applicant: a }));
  const experts = demoExperts().map((e) => sec.experts.add({ editionId: edition.id, expert: e }));
  log(`届次 ${edition.name}：${applicants.length} 家申报单位，${experts.length} 位评审专家`);
  mkdirSync(join(dir, 'materials'), { recursive: true });
  for (const a of applicants) {
    const file = join(dir, 'materials', `${a.code}-自评报告.pdf`);
    writeFileSync(file, makePdf([`Self-assessment report ${a.code}`, 'GB/T 19580-2012 Criteria for Performance Excellence', `Sector ${a.industry}`, 'Leadership, strategy, customers, resources, processes, measurement, results.']));
    sec.materials.attach({ applicantId: a.id, file: upload(file) });
  }
  for (const p of PANELS) {
    const members = experts.slice(p.members[0] - 1, p.members[1]);
    sec.panels.create({ editionId: edition.id, panel: { stage: p.stage, name: p.name, memberIds: members.map((m) => m.id), leaderId: members[0]?.id ?? null } });
  }
  const eligible = await checkEligibility(sec, edition, applicants, dir, log);
  return { edition, applicants, eligible, experts };
}

/**
 * The whole review of a Wuxi edition: the secretariat sets it up, the experts enroll, the material
 * panel scores everything, the shortlist goes on to the site visit and the defence, and every
 * result travels back as a sealed bundle.
 */
export async function runDemoWorkflow(dir: string, log: Log): Promise<DemoRun> {
  const secretariatPath = join(dir, 'secretariat.db');
  await initStore({ role: 'secretariat', path: secretariatPath, passphrase: DEMO_PASSPHRASE, kdf: DEMO_KDF });
  const sec = storeClient(await openStore({ path: secretariatPath, passphrase: DEMO_PASSPHRASE }, 'secretariat'));
  const expertSvcs = new Map<string, StoreClient>();
  try {
    const { edition, applicants, eligible, experts } = await setUpEdition(sec, dir, log);
    for (const e of experts) {
      const path = join(dir, 'experts', `${e.code}.db`);
      await initStore({ role: 'expert', path, passphrase: DEMO_PASSPHRASE, kdf: DEMO_KDF });
      const svc = storeClient(await openStore({ path, passphrase: DEMO_PASSPHRASE }, 'expert'));
      expertSvcs.set(e.id, svc);
      sec.experts.enroll({ expertId: e.id, enrollmentCode: svc.store.enrollmentCode() });
    }
    log(`${experts.length} 位专家已建库并登记注册码`);

    const model = new ScoringModel(2025);
    const reserve = experts.at(-1)!;
    const panels = sec.panels.list({ editionId: edition.id });
    const bundles: DemoRun['bundles'] = [];
    let consensusOn: Applicant | undefined;
    for (const stage of ['material', 'site', 'defence'] as const) {
      const panel = panels.find((p) => p.stage === stage);
      if (!panel) throw new Error(`demo panel for ${stage} missing`);
      const shortlist = sec.results.get({ editionId: edition.id }).shortlist?.applicantIds ?? [];
      sec.panels.assign({ panelId: panel.id, applicantIds: stage === 'material' ? eligible.map((a) => a.id) : shortlist });
      const packages = await sec.packages.export({ editionId: edition.id, expertIds: panel.memberIds });
      mkdirSync(join(dir, 'packages', stage), { recursive: true });
      const files: string[] = [];
      // one member scores the first shortlisted applicant's site review far from the others
      if (stage === 'site') consensusOn = applicants.find((a) => shortlist.includes(a.id));
      const skew = (code: string, s: Stage, item: CriteriaItem) => (s === 'site' && code === consensusOn?.code ? (SKEW.items[item.code] ?? 0) : 0);
      for (const p of packages) {
        const expert = experts.find((e) => e.id === p.expertId);
        const svc = expertSvcs.get(p.expertId);
        if (!expert || !svc) throw new Error(`demo expert ${p.expertId} missing`);
        mkdirSync(join(dir, 'bundles', stage), { recursive: true });
        const packageFile = save(p, join(dir, 'packages', stage, p.fileName));
        files.push(await expertTurn(svc, expert, packageFile, model, join(dir, 'bundles', stage, `${expert.code}.psbundle`), expert.code === SKEW.expert ? skew : undefined));
      }
      if (stage === 'site' && consensusOn) {
        const leader = experts.find((e) => e.id === panel.leaderId)!;
        const members = packages.flatMap((p, i) => {
          const expert = experts.find((e) => e.id === p.expertId)!;
          return expert.id === leader.id ? [] : [{ expert, svc: expertSvcs.get(expert.id)!, bundle: files[i]! }];
        });
        const run = await holdConsensus({ dir, editionId: edition.id, applicant: consensusOn, leader: { expert: leader, svc: expertSvcs.get(leader.id)! }, members, log });
        files.push(...run.files);
      }
      const outcomes = await sec.bundles.import({ files: files.map(upload) });
      const refused = outcomes.filter((o) => o.status === 'refused');
      if (refused.length) throw new Error(`demo bundles refused: ${JSON.stringify(refused)}`);
      bundles.push({ stage, files });
      log(`${stageLabel(stage)}：${packages.length} 份评审包发出，${files.length} 个结果包已校验导入`);
      const again = (await repairPanels(sec, edition.id, stage, reserve, expertSvcs, model, dir, log)).concat(
        stage === 'material' ? await returnOneSheet(sec, edition.id, experts, expertSvcs, dir, log) : [],
      );
      if (again.length) bundles.push({ stage, files: again });
      if (stage === 'material') {
        // Wuxi art. 11(3): the committee fixes who goes on to the site visits and the defence
        const confirmed = sec.committee.confirmShortlist({ editionId: edition.id, heldOn: '2025-06-20', meeting: '评委会第一次会议', confirmedBy: '评委会主任委员', note: null });
        log(`评委会确认入围名单：${confirmed.shortlist?.applicants.length ?? 0} 家进入现场评审和陈述答辩`);
        await notShortlistedLetter(sec, edition.id, dir, log);
      }
    }
    if (!consensusOn) throw new Error('demo: no applicant reached the site review');
    const records = sec.consensus.records({ editionId: edition.id });
    if (!records.some((r) => r.applicantId === consensusOn.id && r.current)) throw new Error(`demo: the leader's consensus record was not accepted: ${JSON.stringify(records)}`);
    const report = await sec.reports.make({ kind: 'feedback', editionId: edition.id, applicantId: consensusOn.id, lang: 'zh' });
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const feedbackReport = save(report, join(dir, 'reports', `评审反馈报告-${consensusOn.code}.pdf`));
    log(`${consensusOn.code} 的评审反馈报告采用组长签署的评审组意见：${feedbackReport}`);
    return { dir, secretariatPath, editionId: edition.id, bundles, consensus: { applicantCode: consensusOn.code, feedbackReport } };
  } finally {
    for (const svc of expertSvcs.values()) svc.close();
    sec.close();
  }
}

/**
 * Where recusals left a panel below its minimum for an applicant, the secretariat seats the
 * reserve expert for that applicant alone (增派专家), who scores it: the flag is resolved.
 */
async function repairPanels(
  sec: StoreClient,
  editionId: string,
  stage: Stage,
  reserve: Expert,
  expertSvcs: Map<string, StoreClient>,
  model: ScoringModel,
  dir: string,
  log: Log,
): Promise<string[]> {
  const results = sec.results.get({ editionId });
  const short = results.stageResults.filter((r) => r.stage === stage && r.undersized);
  if (short.length === 0) return [];
  const panels = sec.panels.list({ editionId });
  const codes = new Map(sec.applicants.list({ editionId }).map((a) => [a.id, a.code]));
  for (const r of short) {
    const panel = panels.find((p) => p.stage === stage && p.applicantIds.includes(r.applicantId))!;
    sec.panels.addSubstitute({ panelId: panel.id, applicantId: r.applicantId, expertId: reserve.id, reason: '回避后评审组人数不足，增派后备专家' });
    log(`${codes.get(r.applicantId)}（${stageLabel(stage)}）回避后人数不足：增派后备专家 ${reserve.code} ${reserve.name}`);
  }
  const [pkg] = await sec.packages.export({ editionId, expertIds: [reserve.id] });
  const folder = join(dir, 'packages', `${stage}-substitute`);
  mkdirSync(folder, { recursive: true });
  const file = await expertTurn(expertSvcs.get(reserve.id)!, reserve, save(pkg!, join(folder, pkg!.fileName)), model, join(dir, 'bundles', stage, `${reserve.code}.psbundle`));
  const [outcome] = await sec.bundles.import({ files: [upload(file)] });
  if (outcome?.status !== 'accepted') throw new Error(`demo substitute bundle refused: ${JSON.stringify(outcome)}`);
  const still = sec.results.get({ editionId }).stageResults.filter((r) => r.stage === stage && r.undersized).length;
  log(`${reserve.code} 的结果包已导入，${stageLabel(stage)}${still ? `仍有 ${still} 家人数不足` : '已无人数不足的评审组'}`);
  return [file];
}

/**
 * A correction the regulations allow: the secretariat returns one submitted sheet to its expert
 * with the reason; the expert's next package reopens it, the expert corrects one item and
 * submits version 2, and the secretariat takes it in. Version 1 stays on record.
 */
async function returnOneSheet(sec: StoreClient, editionId: string, experts: Expert[], expertSvcs: Map<string, StoreClient>, dir: string, log: Log): Promise<string[]> {
  const expert = experts.find((e) => e.code === 'E02')!;
  const applicant = sec.applicants.list({ editionId })[0]!;
  const [sheet] = sec.sheets.list({ editionId, filter: { applicantId: applicant.id, expertId: expert.id, stage: 'material' } });
  if (!sheet) return [];
  const item = '4.2.2';
  const reason = `${item} 的得分与评语不一致，请核对后重新提交`;
  sec.sheets.return({ sheetId: sheet.id, reason });
  log(`退回 ${expert.code} ${expert.name} 对 ${applicant.code} 的材料评审评分表（第 ${sheet.version} 版）：${reason}`);
  const svc = expertSvcs.get(expert.id)!;
  const [pkg] = await sec.packages.export({ editionId, expertIds: [expert.id] });
  const folder = join(dir, 'packages', 'material-return');
  mkdirSync(folder, { recursive: true });
  const imported = await svc.packages.import({ file: upload(save(pkg!, join(folder, pkg!.fileName))) });
  for (const c of imported.changes) log(`  ${expert.code} 导入新评审包：${c.text.zh}`);
  const draft = svc.sheets.open({ editionId, applicantId: applicant.id, stage: 'material' });
  const before = draft.items.find((i) => i.itemCode === item)!;
  const percent = Math.min(100, (before.percent ?? 50) + 10);
  svc.sheets.saveItem({ sheetId: draft.id, itemCode: item, percent, strengths: before.strengths, opportunities: before.opportunities });
  svc.sheets.submit({ sheetId: draft.id });
  const file = save(await svc.bundles.export({ editionId }), join(dir, 'bundles', 'material', `${expert.code}-revised.psbundle`));
  const [outcome] = await sec.bundles.import({ files: [upload(file)] });
  if (outcome?.status !== 'accepted') throw new Error(`demo revised bundle refused: ${JSON.stringify(outcome)}`);
  log(`${expert.code} 将 ${item} 由 ${before.percent}% 改为 ${percent}%，提交第 ${draft.version} 版，秘书处已接收（第 ${sheet.version} 版留档）`);
  return [file];
}

function stageLabel(stage: Stage): string {
  return { material: '材料评审', site: '现场评审', defence: '陈述答辩' }[stage];
}
