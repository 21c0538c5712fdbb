import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Applicant, Expert } from '../../domain/people.js';
import type { StoreClient } from '../../features/open.js';
import { save, upload } from '../files.js';

/**
 * The site panel's consensus on one applicant, on the leader's own laptop, as on site without
 * network: the leader takes the members' bundles from the stick, returns one member's sheet for
 * the first flagged item, the member revises it and hands over a new bundle, the leader settles
 * that item as revised and lets the other difference stand with its reason, accepts the proposed
 * opinion with an overall evaluation, and signs off.
 */

/** The member who scored the demo applicant's site review far from the others, and by how much. */
export const SKEW = { expert: 'E08', items: { '4.1.2': 35, '4.7.2': -35 } as Record<string, number> };

type Log = (line: string) => void;

export interface ConsensusRun {
  /** the member's revised bundle and the leader's bundle carrying the signed record, in the order to import them */
  files: string[];
}

export async function holdConsensus(opts: {
  dir: string;
  editionId: string;
  applicant: Applicant;
  leader: { expert: Expert; svc: StoreClient };
  members: { expert: Expert; svc: StoreClient; bundle: string }[];
  log: Log;
}): Promise<ConsensusRun> {
  const { dir, editionId, applicant, leader, members, log } = opts;
  const seat = { editionId, applicantId: applicant.id, stage: 'site' as const };
  mkdirSync(join(dir, 'stick'), { recursive: true });
  const stick = (name: string) => join(dir, 'stick', name);
  const taken = await leader.svc.consensus.importBundles({ files: members.map((m) => upload(m.bundle)) });
  const refused = taken.filter((o) => o.status === 'refused');
  if (refused.length) throw new Error(`demo: the leader refused members' bundles: ${JSON.stringify(refused)}`);
  const view = leader.svc.consensus.open(seat);
  const [first, ...rest] = view.flagged;
  if (!first) throw new Error(`demo: no flagged item for ${applicant.code}`);
  log(`组长合议（${leader.expert.name}，离线）：${applicant.code} 现场评审，${view.flagged.length} 个分歧评分项 ${view.flagged.map((f) => f.itemCode).join('、')}`);

  const skewed = members.find((m) => m.expert.code === SKEW.expert);
  if (!skewed) throw new Error(`demo: ${SKEW.expert} is not on the site panel`);
  const reason = `${first.itemCode} 的评分与现场核实的情况不符，请复核`;
  const { notice } = await leader.svc.consensus.return({ ...seat, expertId: skewed.expert.id, reason });
  if (!notice) throw new Error('demo: no return notice');
  await skewed.svc.returns.import({ file: upload(save(notice, stick(notice.fileName))) });
  const others = view.members.filter((m) => m.expertId !== skewed.expert.id).map((m) => m.items.find((i) => i.itemCode === first.itemCode)!.percent);
  const agreed = [...others].sort((a, b) => a - b)[Math.floor(others.length / 2)]!;
  const draft = skewed.svc.sheets.open(seat);
  const item = draft.items.find((i) => i.itemCode === first.itemCode)!;
  skewed.svc.sheets.saveItem({ sheetId: draft.id, itemCode: item.itemCode, percent: agreed, strengths: item.strengths, opportunities: item.opportunities });
  skewed.svc.sheets.submit({ sheetId: draft.id });
  const revised = save(await skewed.svc.bundles.export({ editionId }), stick(`${skewed.expert.code}-revised.psbundle`));
  await leader.svc.consensus.importBundles({ files: [upload(revised)] });
  log(`  ${skewed.expert.name} 按组长退回意见修改 ${first.itemCode}：${item.percent}% → ${agreed}%，重新提交`);

  leader.svc.consensus.settle({ ...seat, itemCode: first.itemCode, resolution: 'revised' });
  for (const f of rest) {
    leader.svc.consensus.settle({ ...seat, itemCode: f.itemCode, resolution: 'stands', reason: '企业近三年财务数据的统计口径有调整，专家对趋势判断不一，经合议保留各自评分' });
    log(`  ${f.itemCode}：保留差异，理由已记录`);
  }
  leader.svc.consensus.saveOpinion({
    ...seat,
    opinion: { categories: view.proposal, overall: '经评审组合议，该组织卓越绩效管理体系总体健全，方法展开较为系统；结果类指标与标杆的对比尚不充分，建议持续改进。' },
  });
  await leader.svc.consensus.signOff(seat);
  const led = save(await leader.svc.bundles.export({ editionId }), stick(`${leader.expert.code}-consensus.psbundle`));
  log(`  组长已签署合议记录，随其结果包交回秘书处`);
  return { files: [revised, led] };
}
