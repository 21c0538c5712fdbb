import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LEADER_RETURN_FORMAT, LeaderReturnSchema, type LeaderReturn } from '../../domain/consensus.js';
import { refuse } from '../../domain/errors.js';
import { namedFile } from '../../domain/file-names.js';
import type { Download, Upload } from '../../domain/files.js';
import { parseInput } from '../../domain/reasons.js';
import type { SheetReturn } from '../../domain/review.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { verifyStatement } from '../../seal/statement.js';
import type { Ctx } from '../context.js';
import { currentPackage, meIn } from '../gates.js';
import { findLeaderReturn, insertLeaderReturn } from '../repo/consensus.js';
import { getEdition } from '../repo/editions.js';
import { seatsOfExpert } from '../repo/panels.js';
import { getApplicant } from '../repo/people.js';
import { currentRoster, leaderSignKeys } from '../repo/roster.js';
import { findSheetRowFor, insertReturn, reopenSheet, returnOf, returnSheet } from '../repo/sheets.js';
import { openPayload, sealPayload, signAsStore } from '../sealing.js';
import { noteReturn, openRow, type Seat } from './step.js';

/**
 * Returning a sheet during the consensus: the member revises their own sheet, the only way a
 * consensus changes a score. At the secretariat's workstation it is the secretariat's own return
 * (the member's next package reopens the sheet). On the leader's laptop it is a return signed by
 * the leader, handed to the member as a return notice on the USB stick; the member's store reopens
 * the sheet, and the member's next bundle carries the signed return to the secretariat, who
 * honours it because it verifies under the leader's key.
 */

export const NOTICE_FORMAT = 'pingshen/return-notice';
const NoticeSchema = z.strictObject({ format: z.literal(NOTICE_FORMAT), statement: z.string().min(1).max(20_000) });

export const RETURN_EXTENSION = '.psreturn';

export interface Made {
  ret: SheetReturn;
  /** the return notice for the member; null when nothing needs carrying (the secretariat's own return, the leader's own sheet) */
  notice: Download | null;
}

function noSheet(code: string, name: string): Error {
  return refuse('consensus.nothing-to-return', `${name} 对 ${code} 的评分表不在或已退回待修改，不能再退回。`, `There is no submitted sheet from ${name} on ${code} that could be returned (none, or it already awaits revision).`);
}

export async function makeReturn(ctx: Ctx, s: Seat, expertId: string, reason: string): Promise<Made> {
  const { work, row, draft, edition } = openRow(ctx, s);
  const member = work.members.find((m) => m.expertId === expertId);
  const code = getApplicant(ctx, s.applicantId).code;
  if (!member) throw refuse('consensus.not-member', `该专家不是评审 ${code} 的评审组的在任成员。`, `That expert is not an active member of the panel reviewing ${code}.`);
  if (!member.current || member.pendingReturn) throw noSheet(code, member.name);

  if (ctx.store.role === 'secretariat') {
    const sheet = findSheetRowFor(ctx, expertId, s.applicantId, s.stage);
    if (!sheet) throw noSheet(code, member.name);
    const ret = ctx.tx(() => {
      const made = returnSheet(ctx, sheet, reason);
      noteReturn(ctx, row, draft, made.id);
      return made;
    });
    return { ret, notice: null };
  }

  const me = meIn(ctx, s.editionId);
  const ret: LeaderReturn = {
    format: LEADER_RETURN_FORMAT,
    id: randomUUID(),
    editionId: s.editionId,
    panelId: work.panelId,
    leaderId: me,
    expertId,
    applicantId: s.applicantId,
    stage: s.stage,
    version: member.current.version,
    reason,
    returnedAt: ctx.now(),
  };
  const roster = currentRoster(ctx, s.editionId).find((p) => p.panelId === work.panelId);
  const keys = roster?.members.find((m) => m.id === expertId)?.keys ?? null;
  if (expertId !== me && keys === null) {
    throw refuse('consensus.member-not-enrolled', `${member.name} 的密钥不在您的评审包中，无法为其生成退回通知：请向秘书处索取新的评审包。`, `${member.name}'s key is not in your package, so no return notice can be made for them: ask the secretariat for a new package.`);
  }
  const statement = await signAsStore(ctx, 'leader-return', ret);
  const sheetReturn: SheetReturn = { id: ret.id, editionId: ret.editionId, expertId, applicantId: ret.applicantId, stage: ret.stage, version: ret.version, reason, returnedAt: ret.returnedAt, returnedBy: ctx.actor };
  const pkg = currentPackage(ctx, s.editionId);
  // sealed to the member, and to the secretariat, which may read it on the stick as well
  const bytes = keys === null || expertId === me ? null : await sealPayload(ctx, 'return-notice', { format: NOTICE_FORMAT, statement }, [keys.boxRecipient, pkg.secretariat_box_recipient]);
  const again = openRow(ctx, s);
  if (again.row.id !== row.id || again.work.members.find((m) => m.expertId === expertId)?.pendingReturn) {
    throw refuse('consensus.changed', '退回期间合议有变化，未退回。请刷新后重试。', 'The consensus changed meanwhile, so nothing was returned. Refresh and try again.');
  }
  ctx.change('consensus.returned', () => {
    insertLeaderReturn(ctx, ret, statement);
    noteReturn(ctx, again.row, again.draft, ret.id);
    if (expertId === me) {
      // the leader's own sheet reopens at once, as the next version answering this return
      const own = findSheetRowFor(ctx, me, s.applicantId, s.stage);
      if (own?.status === 'submitted') {
        insertReturn(ctx, sheetReturn);
        reopenSheet(ctx, own, edition.framework, ret.id);
      }
    }
    return { result: undefined, detail: { returnId: ret.id, expertId, applicantId: ret.applicantId, stage: ret.stage, version: ret.version, reason } };
  });
  // named for whom and which step, as every file the program hands out
  const notice = bytes && { fileName: namedFile([edition.name, code, STAGE_NAMES[ret.stage].zh, `${member.code}${member.name}`, '退回通知'], RETURN_EXTENSION), bytes };
  return { ret: sheetReturn, notice };
}

/**
 * A member imports the leader's return notice: it must be sealed to this member, signed by the
 * leader of the member's panel for that applicant and stage (as the member's package names the
 * leader), and return the version the member last submitted. The sheet then reopens as the next
 * version; importing the same notice again changes nothing.
 */
export async function importReturnNotice(ctx: Ctx, file: Upload): Promise<{ applicantId: string; applicantCode: string; stage: SheetReturn['stage']; version: number; reason: string }> {
  const opened = await openPayload(ctx, 'return-notice', file.bytes);
  const notice = parseInput(NoticeSchema, opened.payload, { zh: '退回通知', en: 'return notice' });
  const leaders = new Set(leaderSignKeys(ctx));
  const verified = await verifyStatement({ jws: notice.statement, kind: 'leader-return', resolveSigner: (kid) => (leaders.has(kid) ? kid : null) });
  const ret = parseInput(LeaderReturnSchema, verified.payload, { zh: '组长的退回记录', en: "leader's return" });
  const me = meIn(ctx, ret.editionId);
  const a = getApplicant(ctx, ret.applicantId);
  const stage = STAGE_NAMES[ret.stage];
  const panel = currentRoster(ctx, ret.editionId).find((p) => p.panelId === ret.panelId);
  const leaderKey = panel?.members.find((m) => m.id === panel.leaderId)?.keys?.signPublic;
  const seated = seatsOfExpert(ctx, me).some((s) => s.panelId === ret.panelId && s.applicantId === ret.applicantId && s.stage === ret.stage);
  if (ret.expertId !== me) {
    throw refuse('return.not-for-you', '这份退回通知退回的是另一位专家的评分表，不能导入本库。', "This return notice returns another expert's sheet and cannot be imported into this store.");
  }
  if (!panel || panel.leaderId !== ret.leaderId || !seated || leaderKey !== verified.kid || leaderKey !== opened.signerKey) {
    throw refuse(
      'return.not-your-leader',
      `这份退回通知不是您在${a.code}（${stage.zh}）所在评审组的组长签发的，已拒收，未做任何更改。`,
      `This return notice was not issued by the leader of your panel for ${a.code} (${stage.en}); it was refused and nothing was changed.`,
    );
  }
  const row = findSheetRowFor(ctx, me, ret.applicantId, ret.stage);
  const summary = { applicantId: a.id, applicantCode: a.code, stage: ret.stage, version: ret.version + 1, reason: ret.reason };
  if (row && row.version === ret.version + 1 && row.return_id === ret.id) return summary;
  if (!row || row.status !== 'submitted' || row.version !== ret.version) {
    throw refuse(
      'return.stale',
      `组长退回的是您对 ${a.code}（${stage.zh}）评分表的第 ${ret.version} 版，而您现在的评分表是第 ${row?.version ?? 0} 版${row?.status === 'draft' ? '（尚未提交）' : ''}：无需再导入。`,
      `The leader returned version ${ret.version} of your sheet for ${a.code} (${stage.en}), but your sheet is now version ${row?.version ?? 0}${row?.status === 'draft' ? ' (not submitted)' : ''}: there is nothing to import.`,
    );
  }
  ctx.change('return.received', () => {
    if (!findLeaderReturn(ctx, ret.id)) insertLeaderReturn(ctx, ret, notice.statement);
    if (!returnOf(ctx, row)) {
      insertReturn(ctx, { id: ret.id, editionId: ret.editionId, expertId: me, applicantId: ret.applicantId, stage: ret.stage, version: ret.version, reason: ret.reason, returnedAt: ret.returnedAt, returnedBy: `leader:${ret.leaderId}` });
    }
    reopenSheet(ctx, row, getEdition(ctx, ret.editionId).framework, ret.id);
    return { result: undefined, detail: { returnId: ret.id, leaderId: ret.leaderId, applicantId: ret.applicantId, stage: ret.stage, version: ret.version, reason: ret.reason } };
  });
  return summary;
}
