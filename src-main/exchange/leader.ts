import { z } from 'zod';
import { ConsensusRecordSchema, LeaderReturnSchema, type ConsensusRecord, type LeaderReturn } from '../domain/consensus.js';
import { isPingshenError } from '../domain/errors.js';
import type { Localized } from '../domain/localized.js';
import { listReasons, validate } from '../domain/reasons.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import { verifyStatement, type StatementKind } from '../seal/statement.js';
import type { ResultBundle } from './bundle.js';

/**
 * What a panel leader signs, as it travels in result bundles: returns of members' sheets and
 * consensus records. Each is verified under a key the receiver enrolled, then judged against who
 * leads which panel: a return counts only from the leader of the panel that reviews that applicant
 * in that stage, for a member of that panel; a record only from that leader, in the leader's own
 * bundle. A member therefore cannot make a leader's return, nor anyone a leader's record.
 */

export interface VerifiedReturn {
  ret: LeaderReturn;
  signerKey: string;
  statement: string;
}

export interface VerifiedRecord {
  record: ConsensusRecord;
  signerKey: string;
  statement: string;
}

export type OpenedStatements = { ok: true; returns: VerifiedReturn[]; records: VerifiedRecord[] } | { ok: false; code: string; reason: Localized };

async function openOne<T>(jws: string, kind: StatementKind, schema: z.ZodType<T>, resolveSigner: (kid: string) => string | null) {
  const opened = await verifyStatement({ jws, kind, resolveSigner });
  const parsed = validate(schema, opened.payload);
  if (!parsed.ok) {
    const list = listReasons(parsed.reasons);
    return { ok: false as const, reason: { zh: `所附的签署记录内容不符合格式：${list.zh}`, en: `a signed statement it carries is malformed: ${list.en}` } };
  }
  return { ok: true as const, value: parsed.value, signerKey: opened.kid, statement: jws };
}

/** Verifies every signed statement a bundle carries; the first that fails refuses the bundle. */
export async function openLeaderStatements(b: ResultBundle, resolveSigner: (kid: string) => string | null): Promise<OpenedStatements> {
  const returns: VerifiedReturn[] = [];
  const records: VerifiedRecord[] = [];
  try {
    for (const jws of b.leaderReturns) {
      const o = await openOne(jws, 'leader-return', LeaderReturnSchema, resolveSigner);
      if (!o.ok) return { ok: false, code: 'bundle.bad-statement', reason: o.reason };
      returns.push({ ret: o.value, signerKey: o.signerKey, statement: o.statement });
    }
    for (const jws of b.consensus) {
      const o = await openOne(jws, 'consensus-record', ConsensusRecordSchema, resolveSigner);
      if (!o.ok) return { ok: false, code: 'bundle.bad-statement', reason: o.reason };
      records.push({ record: o.value, signerKey: o.signerKey, statement: o.statement });
    }
  } catch (e) {
    if (!isPingshenError(e)) throw e;
    return { ok: false, code: 'bundle.bad-statement', reason: e.localized };
  }
  return { ok: true, returns, records };
}

/** Who leads which panel, as the receiving store knows it. */
export interface LeaderFacts {
  /** the panel that reviews this applicant in this stage */
  panelOf(applicantId: string, stage: Stage): { id: string; leaderId: string | null; memberIds: readonly string[] } | undefined;
  /** the enrolled signing key of an expert, or null */
  signKeyOf(expertId: string): string | null;
  codeOf(applicantId: string): string;
}

const where = (f: LeaderFacts, applicantId: string, stage: Stage): Localized => ({
  zh: `${f.codeOf(applicantId)}（${STAGE_NAMES[stage].zh}）`,
  en: `${f.codeOf(applicantId)} (${STAGE_NAMES[stage].en})`,
});

function returnProblems(b: ResultBundle, v: VerifiedReturn, f: LeaderFacts): Localized[] {
  const r = v.ret;
  const w = where(f, r.applicantId, r.stage);
  const panel = f.panelOf(r.applicantId, r.stage);
  const leaderKey = f.signKeyOf(r.leaderId);
  if (r.editionId !== b.editionId) return [{ zh: `所附的退回记录（${w.zh}）属于另一届次`, en: `a return it carries (${w.en}) belongs to another edition` }];
  if (!panel || panel.id !== r.panelId || panel.leaderId !== r.leaderId || leaderKey === null || leaderKey !== v.signerKey) {
    return [{ zh: `所附的退回记录（${w.zh}）不是评审该申报单位此环节的评审组组长签署的`, en: `a return it carries (${w.en}) is not signed by the leader of the panel that reviews this applicant in this stage` }];
  }
  if (!panel.memberIds.includes(r.expertId)) {
    return [{ zh: `所附的退回记录（${w.zh}）退回的不是该评审组成员的评分表`, en: `a return it carries (${w.en}) is for the sheet of someone not on the panel` }];
  }
  if (b.expertId !== r.expertId && b.expertId !== r.leaderId) {
    return [{ zh: `所附的退回记录（${w.zh}）既不涉及该专家的评分表，也不是其作为组长所作`, en: `a return it carries (${w.en}) neither concerns this expert's sheet nor was made by this expert as leader` }];
  }
  return [];
}

function recordProblems(b: ResultBundle, v: VerifiedRecord, f: LeaderFacts): Localized[] {
  const r = v.record;
  const w = where(f, r.applicantId, r.stage);
  const panel = f.panelOf(r.applicantId, r.stage);
  if (r.editionId !== b.editionId) return [{ zh: `合议记录（${w.zh}）属于另一届次`, en: `the consensus record (${w.en}) belongs to another edition` }];
  if (r.recordedBy !== 'leader' || r.leaderId !== b.expertId || v.signerKey !== f.signKeyOf(b.expertId) || panel?.leaderId !== b.expertId || panel.id !== r.panelId) {
    return [{ zh: `合议记录（${w.zh}）不是评审该申报单位此环节的评审组组长签署的，已拒收`, en: `the consensus record (${w.en}) is not signed by the leader of the panel that reviews this applicant in this stage, and was refused` }];
  }
  return [];
}

/** Why the signed statements a bundle carries do not count, or nothing. */
export function leaderStatementProblems(b: ResultBundle, returns: readonly VerifiedReturn[], records: readonly VerifiedRecord[], f: LeaderFacts): Localized[] {
  const problems = [...returns.flatMap((v) => returnProblems(b, v, f)), ...records.flatMap((v) => recordProblems(b, v, f))];
  if (new Set(returns.map((v) => v.ret.id)).size !== returns.length || new Set(records.map((v) => v.record.id)).size !== records.length) {
    problems.push({ zh: '所附的签署记录有重复', en: 'a signed statement appears twice' });
  }
  return problems;
}
