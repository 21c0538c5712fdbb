import { canonicalJson } from '../../audit/canonical-json.js';
import type { Declaration } from '../../domain/review.js';
import { STAGE_NAMES, type Stage } from '../../domain/words.js';
import type { EditionDetail } from '../../profile/edition.js';
import { rulesOf } from '../../profile/edition.js';
import type { EditionRecords } from '../../scoring/records.js';
import type { EditionResults } from '../../scoring/results.js';
import type { BundleDeclaration, BundleSheet, ResultBundle } from '../bundle.js';
import type { z } from 'zod';
import type { ApplicantsRegister, ConsensusRegister, DeclarationsRegister, ExpertsRegister, SeatsRegister, SheetReturnsRegister, SheetVersionsRegister } from './format.js';
import type { Check } from './verification.js';

/**
 * The results again, from the archive alone: each expert's sheets and declarations as their
 * signed bundles carry them (the latest bundle that carries each), the secretariat's own acts as
 * its signed registers record them (panels, recusals it imposed or lifted, sheets it returned),
 * under the archived rules, through the same function the store computes with.
 */

export interface ArchivedRegisters {
  applicants: z.infer<typeof ApplicantsRegister>;
  experts: z.infer<typeof ExpertsRegister>;
  seats: z.infer<typeof SeatsRegister>;
  declarations: z.infer<typeof DeclarationsRegister>;
  sheetReturns: z.infer<typeof SheetReturnsRegister>;
  sheetVersions: z.infer<typeof SheetVersionsRegister>;
  consensus: z.infer<typeof ConsensusRegister>;
}

const pairKey = (expertId: string, applicantId: string): string => `${expertId}\u0000${applicantId}`;
const sheetKey = (expertId: string, applicantId: string, stage: Stage): string => `${expertId}\u0000${applicantId}\u0000${stage}`;

interface Current {
  sheets: Map<string, { expertId: string; sheet: BundleSheet }>;
  declarations: Map<string, { expertId: string; declaration: BundleDeclaration }>;
}

/** What the store holds from the experts, as intake leaves it: the latest bundle carrying each sheet and declaration wins. */
function currentFromBundles(bundles: readonly ResultBundle[]): Current {
  const current: Current = { sheets: new Map(), declarations: new Map() };
  for (const b of [...bundles].sort((x, y) => x.sequence - y.sequence)) {
    for (const sheet of b.sheets) current.sheets.set(sheetKey(b.expertId, sheet.applicantId, sheet.stage), { expertId: b.expertId, sheet });
    for (const declaration of b.declarations) current.declarations.set(pairKey(b.expertId, declaration.applicantId), { expertId: b.expertId, declaration });
  }
  return current;
}

/**
 * The registers say what the secretariat did; what the experts said must be what they signed.
 * Every declaration and every sheet version the registers hold from an expert is held against
 * the signed bundles.
 */
function registerProblems(reg: ArchivedRegisters, current: Current, bundles: ReadonlyMap<string, ResultBundle>, check: Check, names: Names): void {
  for (const d of reg.declarations.filter((x) => x.source === 'expert')) {
    const signed = current.declarations.get(pairKey(d.expertId, d.applicantId))?.declaration;
    const same = signed && signed.conflict === d.conflict && signed.reason === d.reason && signed.declaredAt === d.declaredAt;
    if (!same) {
      check.fail(
        `登记册中专家 ${names.expert(d.expertId)} 对 ${names.applicant(d.applicantId)} 的声明与其签名结果包不符`,
        `the register's declaration of expert ${names.expert(d.expertId)} on ${names.applicant(d.applicantId)} differs from their signed bundle`,
      );
    }
  }
  for (const v of reg.sheetVersions) {
    const who = `${names.expert(v.expertId)} → ${names.applicant(v.applicantId)}（${STAGE_NAMES[v.stage].zh}）第 ${v.version} 版`;
    const whoEn = `${names.expert(v.expertId)} → ${names.applicant(v.applicantId)} (${STAGE_NAMES[v.stage].en}) version ${v.version}`;
    const b = v.bundleId === null ? undefined : bundles.get(v.bundleId);
    const signed = b?.expertId === v.expertId ? b.sheets.find((s) => s.applicantId === v.applicantId && s.stage === v.stage && s.version === v.version) : undefined;
    if (!signed) {
      check.fail(`登记册中的评分表 ${who} 不在其所称的签名结果包中`, `the register's sheet ${whoEn} is not in the signed bundle it names`);
      continue;
    }
    const held = canonicalJson(v.items.map((i) => [i.itemCode, i.percent, i.strengths, i.opportunities]));
    const carried = canonicalJson(signed.items.map((i) => [i.itemCode, i.percent, i.strengths, i.opportunities]));
    if (held !== carried) check.fail(`登记册中的评分表 ${who} 与签名结果包中的不符`, `the register's sheet ${whoEn} differs from the one in the signed bundle`);
  }
}

export interface Names {
  applicant(id: string): string;
  expert(id: string): string;
}

export function namesOf(reg: Pick<ArchivedRegisters, 'applicants' | 'experts'>): Names {
  const applicants = new Map(reg.applicants.map((a) => [a.id, a.code]));
  const experts = new Map(reg.experts.map((e) => [e.id, e.code]));
  return { applicant: (id) => applicants.get(id) ?? id, expert: (id) => experts.get(id) ?? id };
}

/** The edition's records rebuilt from the archive, and any disagreement between registers and bundles. */
export function recordsFromArchive(edition: EditionDetail, reg: ArchivedRegisters, bundles: readonly ResultBundle[], check: Check): EditionRecords {
  const names = namesOf(reg);
  const current = currentFromBundles(bundles);
  registerProblems(reg, current, new Map(bundles.map((b) => [b.bundleId, b])), check, names);
  const returned = new Set(reg.sheetReturns.map((r) => `${sheetKey(r.expertId, r.applicantId, r.stage)}\u0000${r.version}`));
  const lifted = new Map(reg.declarations.filter((d) => d.source === 'expert').map((d) => [pairKey(d.expertId, d.applicantId), d]));
  const fromExperts: Declaration[] = [...current.declarations.values()].map(({ expertId, declaration: d }) => {
    const held = lifted.get(pairKey(expertId, d.applicantId));
    const same = held && held.conflict === d.conflict && held.reason === d.reason && held.declaredAt === d.declaredAt;
    return { expertId, applicantId: d.applicantId, conflict: d.conflict, reason: d.reason, declaredAt: d.declaredAt, source: 'expert', lifted: same ? held.lifted : null };
  });
  return {
    rules: rulesOf(edition),
    framework: edition.framework,
    applicants: reg.applicants.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry, withdrawn: a.withdrawn, ...(a.ineligible ? { ineligible: a.ineligible } : {}), ...(a.objection ? { objection: a.objection } : {}), ...(a.levels ? { levels: a.levels } : {}) })),
    experts: reg.experts.map((e) => ({ id: e.id, code: e.code, name: e.name })),
    seats: reg.seats,
    declarations: [...fromExperts, ...reg.declarations.filter((d) => d.source === 'secretariat')],
    settled: reg.consensus.flatMap((c) => c.stands.map((s) => ({ applicantId: c.applicantId, stage: c.stage, itemCode: s.itemCode, reason: s.reason }))),
    sheets: [...current.sheets.values()]
      .filter(({ expertId, sheet: s }) => !returned.has(`${sheetKey(expertId, s.applicantId, s.stage)}\u0000${s.version}`))
      .map(({ expertId, sheet: s }) => ({
        expertId,
        applicantId: s.applicantId,
        stage: s.stage,
        percents: Object.fromEntries(s.items.map((i) => [i.itemCode, i.percent])),
      })),
  };
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

/**
 * The recorded results against the recomputed ones: equal as canonical JSON, or the differences
 * a person can act on (whose total, rank, stage score, candidacy), and anything else by name.
 */
export function compareResults(recorded: EditionResults, recomputed: EditionResults, names: Names, check: Check): void {
  if (canonicalJson(recorded) === canonicalJson(recomputed)) return;
  const before = check.problems.length;
  const recRank = new Map(recorded.ranking.map((e) => [e.applicant.id, e]));
  for (const e of recomputed.ranking) {
    const r = recRank.get(e.applicant.id);
    const code = e.applicant.code;
    if (!r) {
      check.fail(`记录的排名中没有 ${code}`, `${code} is missing from the recorded ranking`);
      continue;
    }
    if (r.weightedTotal !== e.weightedTotal) {
      check.fail(`${code}：记录的加权总分为 ${num(r.weightedTotal)}，按签名结果包重算为 ${num(e.weightedTotal)}`, `${code}: the recorded weighted total is ${num(r.weightedTotal)}, recomputed from the signed bundles ${num(e.weightedTotal)}`);
    }
    if (r.rank !== e.rank) check.fail(`${code}：记录的名次为 ${num(r.rank)}，重算为 ${num(e.rank)}`, `${code}: the recorded rank is ${num(r.rank)}, recomputed ${num(e.rank)}`);
  }
  for (const r of recorded.ranking) {
    if (!recomputed.ranking.some((e) => e.applicant.id === r.applicant.id)) check.fail(`记录的排名中多出 ${r.applicant.code}`, `the recorded ranking has ${r.applicant.code}, who is not in the recomputed one`);
  }
  const recStage = new Map(recorded.stageResults.map((s) => [`${s.applicantId}\u0000${s.stage}`, s]));
  for (const s of recomputed.stageResults) {
    const r = recStage.get(`${s.applicantId}\u0000${s.stage}`);
    if (r && r.panelScore !== s.panelScore) {
      const code = names.applicant(s.applicantId);
      check.fail(
        `${code}（${STAGE_NAMES[s.stage].zh}）：记录的评审组得分为 ${num(r.panelScore)}，重算为 ${num(s.panelScore)}`,
        `${code} (${STAGE_NAMES[s.stage].en}): the recorded panel score is ${num(r.panelScore)}, recomputed ${num(s.panelScore)}`,
      );
    }
  }
  const recStatus = new Map(recorded.candidates.entries.map((c) => [c.applicantId, c.status]));
  for (const c of recomputed.candidates.entries) {
    const r = recStatus.get(c.applicantId);
    if (r !== c.status) check.fail(`${names.applicant(c.applicantId)}：记录的候选结论为 ${r ?? '—'}，重算为 ${c.status}`, `${names.applicant(c.applicantId)}: the recorded candidacy is ${r ?? '—'}, recomputed ${c.status}`);
  }
  if (check.problems.length === before) {
    const parts = (Object.keys(recomputed) as (keyof EditionResults)[]).filter((k) => canonicalJson(recorded[k]) !== canonicalJson(recomputed[k]));
    check.fail(`记录的结果与重算结果在以下部分不一致：${parts.join('、')}`, `the recorded results differ from the recomputed ones in: ${parts.join(', ')}`);
  }
}
