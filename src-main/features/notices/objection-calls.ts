import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { DownloadSchema } from '../../domain/files.js';
import { CalendarDaySchema, ObjectionInputSchema, ObjectionSchema, type ObjectionRecord } from '../../domain/notices.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { OBJECTION_STATE_NAMES, type ObjectionState } from '../../domain/words.js';
import { nextObjectionState, receiptProblem, type ObjectionStep } from '../../rules/objections.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { findObjection, insertObjection, insertObjectionNote, nextObjectionNumber, setObjectionState } from '../repo/notices.js';
import { storeCalendar } from './calendar.js';
import { printReply } from './print.js';
import { editionToday, getNotice, noticeRules, objectionsView, objectionView } from './views.js';

/**
 * The objection register (异议): real name required, the date received checked against the
 * notice period, the deadline to decide on acceptance in working days, the investigation's
 * notes, the decision and the letter to the objector. Daqing arts. 20–24, Xinyang arts. 22–24,
 * Jinan art. 17.
 */

function getObjection(ctx: Ctx, id: string): ObjectionRecord {
  const o = findObjection(ctx, id);
  if (!o) throw refuse('objection.not-found', '找不到该异议。请刷新后重试。', 'No such objection. Refresh and try again.');
  return o;
}

function view(ctx: Ctx, o: ObjectionRecord) {
  const edition = getEdition(ctx, o.editionId);
  return objectionView(ctx, o, storeCalendar(ctx).calendar, noticeRules(edition).objections, editionToday(ctx, edition));
}

/** A step's date: not before the objection was received (or accepted), not after today. */
function checkStepDate(ctx: Ctx, o: ObjectionRecord, on: string): void {
  const after = o.acceptedOn ?? o.receivedOn;
  const todayOn = editionToday(ctx, getEdition(ctx, o.editionId));
  if (on < after || on > todayOn) {
    throw refuse('objection.bad-date', `日期须在 ${after} 至今天（${todayOn}）之间。`, `The date must fall between ${after} and today (${todayOn}).`);
  }
}

/** Takes a step of the status machine, refusing one the objection's state does not allow. */
function step(ctx: Ctx, o: ObjectionRecord, s: ObjectionStep, on: string, decision: string | null): ObjectionRecord {
  const to = nextObjectionState(o.state, s);
  if (to === null) {
    const state = OBJECTION_STATE_NAMES[o.state];
    throw refuse('objection.wrong-state', `第${o.number}号异议当前为“${state.zh}”，不能进行这一步。`, `Objection no. ${o.number} is ${state.en}: this step does not apply.`);
  }
  checkStepDate(ctx, o, on);
  const next: { state: ObjectionState; acceptedOn: string | null; decidedOn: string | null; decision: string | null } =
    s === 'accept' ? { state: to, acceptedOn: on, decidedOn: null, decision: null } : { state: to, acceptedOn: o.acceptedOn, decidedOn: on, decision };
  return ctx.change(`objection.${s}`, () => {
    setObjectionState(ctx, o.id, next);
    return { result: getObjection(ctx, o.id), detail: { editionId: o.editionId, objectionId: o.id, number: o.number, from: o.state, to, on, decision } };
  });
}

const PrintedSchema = DownloadSchema.extend({ pages: z.number().int() });

export const objectionCalls = {
  'objections.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(ObjectionSchema),
    run: (i, ctx) => objectionsView(ctx, i.editionId),
  }),

  /** registers an objection as received; an anonymous one, or one outside the window the regulation allows, is refused with the article */
  'objections.register': storeCall({
    access: 'secretariat',
    input: ObjectionInputSchema,
    output: ObjectionSchema,
    run(i, ctx) {
      const notice = getNotice(ctx, i.noticeId);
      const edition = getEdition(ctx, notice.editionId);
      const rules = noticeRules(edition);
      const src = rules.source('objections');
      const problem = receiptProblem(rules.objections, { objectorName: i.objectorName, receivedOn: i.receivedOn }, { start: notice.startDate, end: notice.endDate });
      if (problem === 'anonymous') {
        throw refuse(
          'objection.anonymous',
          `异议应当以实名提出，匿名异议不予受理（${src.zh}）。请填写异议人的真实姓名或单位名称。`,
          `Objections must be made under real name; an anonymous one is not accepted (${src.en}). Enter the objector's real name or organisation.`,
        );
      }
      if (problem) {
        const when = problem === 'before-notice' ? { zh: '早于公示开始', en: 'before the notice began' } : { zh: '晚于公示期结束', en: 'after the notice period ended' };
        throw refuse(
          `objection.${problem}`,
          `收到日期 ${i.receivedOn} ${when.zh}（公示期 ${notice.startDate} 至 ${notice.endDate}），不予登记（${src.zh}）。`,
          `The date received, ${i.receivedOn}, is ${when.en} (notice period ${notice.startDate} to ${notice.endDate}); it is not registered (${src.en}).`,
        );
      }
      if (i.receivedOn > editionToday(ctx, edition)) {
        throw refuse('objection.future', `收到日期 ${i.receivedOn} 在今天之后。请填写实际收到异议材料的日期。`, `The date received, ${i.receivedOn}, is after today. Enter the day the objection actually arrived.`);
      }
      if (!notice.entries.some((e) => e.applicantId === i.applicantId)) {
        throw refuse('objection.not-listed', '该申报单位不在这份公示的名单上。', 'That applicant is not on this notice’s list.');
      }
      const record = {
        id: randomUUID(),
        editionId: edition.id,
        noticeId: notice.id,
        number: nextObjectionNumber(ctx, edition.id),
        applicantId: i.applicantId,
        objectorKind: i.objectorKind,
        objectorName: i.objectorName!,
        organisation: i.organisation,
        phone: i.phone,
        address: i.address,
        receivedOn: i.receivedOn,
        grounds: i.grounds,
        state: 'received' as const,
        acceptedOn: null,
        decidedOn: null,
        decision: null,
        registeredAt: ctx.now(),
      };
      return ctx.change('objection.registered', () => {
        insertObjection(ctx, record);
        return {
          result: view(ctx, { ...record, notes: [] }),
          detail: { editionId: edition.id, objectionId: record.id, number: record.number, noticeId: notice.id, applicantId: i.applicantId, receivedOn: i.receivedOn },
        };
      });
    },
  }),

  /** 受理: the objection meets the rules and will be investigated */
  'objections.accept': storeCall({
    access: 'secretariat',
    input: z.strictObject({ objectionId: IdSchema, on: CalendarDaySchema }),
    output: ObjectionSchema,
    run: (i, ctx) => view(ctx, step(ctx, getObjection(ctx, i.objectionId), 'accept', i.on, null)),
  }),

  /** 不予受理, with the reason the objector is told */
  'objections.decline': storeCall({
    access: 'secretariat',
    input: z.strictObject({ objectionId: IdSchema, on: CalendarDaySchema, reason: textOf(2000) }),
    output: ObjectionSchema,
    run: (i, ctx) => view(ctx, step(ctx, getObjection(ctx, i.objectionId), 'decline', i.on, i.reason)),
  }),

  /** a note of the investigation (who was heard, what evidence came in) on an accepted objection */
  'objections.note': storeCall({
    access: 'secretariat',
    input: z.strictObject({ objectionId: IdSchema, on: CalendarDaySchema, text: textOf(4000) }),
    output: ObjectionSchema,
    run(i, ctx) {
      const o = getObjection(ctx, i.objectionId);
      if (o.state !== 'accepted') {
        throw refuse('objection.not-investigating', `第${o.number}号异议不在调查中，不能记录调查情况。`, `Objection no. ${o.number} is not under investigation: there is nothing to note.`);
      }
      checkStepDate(ctx, o, i.on);
      return ctx.change('objection.noted', () => {
        insertObjectionNote(ctx, o, i.on, i.text);
        return { result: view(ctx, getObjection(ctx, o.id)), detail: { editionId: o.editionId, objectionId: o.id, number: o.number, on: i.on, text: i.text } };
      });
    },
  }),

  /** concludes the investigation: upheld (the applicant leaves the list, no one moves up) or rejected */
  'objections.decide': storeCall({
    access: 'secretariat',
    input: z.strictObject({ objectionId: IdSchema, on: CalendarDaySchema, upheld: z.boolean(), finding: textOf(4000) }),
    output: ObjectionSchema,
    run(i, ctx) {
      const o = getObjection(ctx, i.objectionId);
      if (o.state === 'accepted' && o.notes.length === 0) {
        throw refuse('objection.not-investigated', `第${o.number}号异议还没有调查记录。请先记录调查核实情况，再作结论。`, `Objection no. ${o.number} has no investigation notes. Note the investigation before concluding it.`);
      }
      return view(ctx, step(ctx, o, i.upheld ? 'uphold' : 'reject', i.on, i.finding));
    },
  }),

  /** the letter to the objector: the written proof of acceptance, or the outcome (Daqing arts. 22, 24; Xinyang art. 24) */
  'objections.letter': storeCall({
    access: 'secretariat',
    input: z.strictObject({ objectionId: IdSchema, lang: z.enum(['zh', 'en']).default('zh') }),
    output: PrintedSchema,
    run(i, ctx) {
      const o = getObjection(ctx, i.objectionId);
      return printReply(ctx, getEdition(ctx, o.editionId), o, i.lang);
    },
  }),
};
