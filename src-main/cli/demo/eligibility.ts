import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Applicant } from '../../domain/people.js';
import type { StoreClient } from '../../features/open.js';
import type { EditionDetail } from '../../profile/edition.js';
import { conditionsFor, type Answer } from '../../rules/eligibility.js';
import { save } from '../files.js';

/** The applicant the demo finds ineligible, and why (Wuxi art. 10(7)). */
const INELIGIBLE = { index: -1, condition: 'record', note: '2024年3月发生一起较大生产安全事故，经市应急管理局认定' };

/**
 * The eligibility check (资格审核, Wuxi art. 11(2)) before anything is assigned: one applicant's
 * recommendation is missing and asked for in a letter, then it comes and the applicant passes;
 * one is found ineligible with the reason; the others pass. Only the eligible go on.
 */
export async function checkEligibility(sec: StoreClient, edition: EditionDetail, applicants: Applicant[], dir: string, log: (line: string) => void): Promise<Applicant[]> {
  const on = `${edition.year}-03-31`;
  const answersFor = (a: Applicant): Record<string, Answer> =>
    Object.fromEntries(conditionsFor(edition.profile.eligibility ?? { conditions: [], bars: [] }, a.kind, 'award').map((c) => [c.id, c.minYears ? '2012-06-18' : true]));
  const late = applicants[1]!;
  sec.eligibility.requestMaterials({ applicantId: late.id, missing: ['所在地区人民政府签署的推荐意见（申报表第三页）'], note: null });
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const letter = save(await sec.eligibility.letter({ applicantId: late.id, kind: 'incomplete', lang: 'zh' }), join(dir, 'reports', `申报材料补正通知书-${late.code}.pdf`));
  log(`${late.code} 材料不完整，已发补正通知：${letter}`);
  const out = applicants.at(INELIGIBLE.index)!;
  for (const a of applicants) {
    if (a.id === out.id) {
      const row = sec.eligibility.decide({ applicantId: a.id, decision: 'ineligible', answers: { ...answersFor(a), [INELIGIBLE.condition]: false }, on, note: INELIGIBLE.note });
      log(`资格审核：${a.code} ${a.name} ${row.reasons.map((r) => r.zh).join('；')}；说明：${INELIGIBLE.note}`);
    } else {
      sec.eligibility.decide({ applicantId: a.id, decision: 'eligible', answers: answersFor(a), on, note: null });
    }
  }
  const eligible = applicants.filter((a) => a.id !== out.id);
  log(`资格审核：${eligible.length} 家审核通过，1 家不符合条件`);
  return eligible;
}

/**
 * Written reasons to one applicant that did not make the shortlist (Daqing art. 14 asks for them;
 * a courtesy in Wuxi): the reason made from its material score, with a sentence the clerk adds.
 */
export async function notShortlistedLetter(sec: StoreClient, editionId: string, dir: string, log: (line: string) => void): Promise<void> {
  const row = sec.eligibility.list({ editionId }).rows.find((r) => r.letterDraft !== null);
  if (!row?.letterDraft) throw new Error('demo: every applicant was shortlisted');
  const text = `${row.letterDraft.zh}\n\n评审专家认为，贵单位在过程管理的系统性和结果指标的对比分析方面仍有提升空间，欢迎下一年度再次申报。`;
  sec.eligibility.setLetterReason({ applicantId: row.applicant.id, text });
  const file = save(await sec.eligibility.letter({ applicantId: row.applicant.id, kind: 'not-shortlisted', lang: 'zh' }), join(dir, 'reports', `未入围告知书-${row.applicant.code}.pdf`));
  log(`${row.applicant.code} 未入围，书面告知理由：${row.letterDraft.zh}（${file}）`);
}
