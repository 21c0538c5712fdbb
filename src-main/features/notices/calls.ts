import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tableKnowsYear } from '../../catalog/holidays.js';
import { refuse } from '../../domain/errors.js';
import { DownloadSchema } from '../../domain/files.js';
import { CalendarCorrectionSchema, CalendarDaySchema, CalendarDayViewSchema, FinalListSchema, NoticeInputSchema, NoticeSchema } from '../../domain/notices.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { NOTICE_KIND_NAMES } from '../../domain/words.js';
import { noticeEnd } from '../../rules/working-days.js';
import { storeCall } from '../call.js';
import { getEdition } from '../repo/editions.js';
import { clearCalendarDay, insertNotice, insertPublishedList, NOTICE_LISTS, noticeOfKind, noticesOfEdition, setCalendarDay } from '../repo/notices.js';
import { dayView, notableDays, storeCalendar } from './calendar.js';
import { printFinalList, printNotice } from './print.js';
import { editionToday, finalListOf, getNotice, noticeRules, noticeView } from './views.js';

const LangSchema = z.enum(['zh', 'en']).default('zh');
const PrintedSchema = DownloadSchema.extend({ pages: z.number().int() });

/**
 * Public notices (公示): the working-day calendar they are counted in, issuing a notice with the
 * list it publishes, printing it, and the final award list the notice leaves.
 */
export const noticeCalls = {
  /** a year's holidays, make-up working days and corrected days, and whether the holiday table knows the year */
  'calendar.year': storeCall({
    access: 'secretariat',
    input: z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    output: z.strictObject({ year: z.number().int(), known: z.boolean(), days: z.array(CalendarDayViewSchema) }),
    run(i, ctx) {
      const { corrections } = storeCalendar(ctx);
      return { year: i.year, known: tableKnowsYear(i.year), days: notableDays(i.year, corrections) };
    },
  }),

  'calendar.corrections': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: z.array(CalendarCorrectionSchema),
    run: (_i, ctx) => storeCalendar(ctx).corrections,
  }),

  /** marks a date a working or a rest day, overriding the holiday table (for a year it does not yet know, or a local change) */
  'calendar.setDay': storeCall({
    access: 'secretariat',
    input: z.strictObject({ date: CalendarDaySchema, working: z.boolean(), note: textOf(200) }),
    output: CalendarDayViewSchema,
    run(i, ctx) {
      return ctx.change('calendar.day-set', () => {
        setCalendarDay(ctx, i);
        const c = storeCalendar(ctx).corrections.find((x) => x.date === i.date);
        return { result: dayView(i.date, c), detail: { date: i.date, working: i.working, note: i.note } };
      });
    },
  }),

  'calendar.clearDay': storeCall({
    access: 'secretariat',
    input: z.strictObject({ date: CalendarDaySchema, reason: textOf(200) }),
    output: CalendarDayViewSchema,
    run(i, ctx) {
      if (!storeCalendar(ctx).corrections.some((c) => c.date === i.date)) {
        throw refuse('calendar.not-corrected', `${i.date} 没有更正，无需撤销。`, `${i.date} has no correction to clear.`);
      }
      return ctx.change('calendar.day-cleared', () => {
        clearCalendarDay(ctx, i.date);
        return { result: dayView(i.date, undefined), detail: { date: i.date, reason: i.reason } };
      });
    },
  }),

  'notices.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(NoticeSchema),
    run(i, ctx) {
      const on = editionToday(ctx, getEdition(ctx, i.editionId));
      return noticesOfEdition(ctx, i.editionId).map((n) => noticeView(ctx, n, on));
    },
  }),

  /**
   * issues a notice from its first day: its last day counted in the profile's days or working
   * days over the calendar, and the list it publishes taken as it stands now
   */
  'notices.issue': storeCall({
    access: 'secretariat',
    input: NoticeInputSchema,
    output: NoticeSchema,
    run(i, ctx) {
      const edition = getEdition(ctx, i.editionId);
      const rules = noticeRules(edition);
      const kind = NOTICE_KIND_NAMES[i.kind];
      const length = rules.length(i.kind);
      if (!length) {
        const src = rules.source('acceptedNotice');
        throw refuse('notice.not-in-profile', `本届办法未规定${kind.zh}公示（${src.zh}）。`, `This edition's regulation has no notice of the ${kind.en} (${src.en}).`);
      }
      if (noticeOfKind(ctx, edition.id, i.kind)) {
        throw refuse('notice.exists', `本届${kind.zh}已经公示过，不能再次发布。`, `The ${kind.en} of this edition has already been put on notice.`);
      }
      const entries = NOTICE_LISTS[i.kind](ctx, edition.id);
      if (entries.length === 0) {
        throw refuse(
          'notice.empty',
          `${kind.zh}为空，没有可以公示的申报单位。${i.kind === 'award-list' ? '请先导入评分结果，确定获奖和提名候选。' : '请先导入申报单位。'}`,
          `The ${kind.en} is empty: there is nobody to put on notice. ${i.kind === 'award-list' ? 'Import the scores first, so there are award and nomination candidates.' : 'Import the applicants first.'}`,
        );
      }
      const { calendar } = storeCalendar(ctx);
      const record = {
        id: randomUUID(),
        editionId: edition.id,
        kind: i.kind,
        startDate: i.startDate,
        endDate: noticeEnd(calendar, i.startDate, length),
        days: length.days,
        working: length.working,
        contact: i.contact,
        issuedAt: ctx.now(),
        entries,
      };
      return ctx.change('notice.issued', () => {
        insertNotice(ctx, record);
        return {
          result: noticeView(ctx, record, editionToday(ctx, edition)),
          detail: { editionId: edition.id, noticeId: record.id, kind: i.kind, startDate: record.startDate, endDate: record.endDate, applicants: entries.map((e) => e.code) },
        };
      });
    },
  }),

  'notices.print': storeCall({
    access: 'secretariat',
    input: z.strictObject({ noticeId: IdSchema, lang: LangSchema }),
    output: PrintedSchema,
    run(i, ctx) {
      const notice = getNotice(ctx, i.noticeId);
      return printNotice(getEdition(ctx, notice.editionId), notice, i.lang);
    },
  }),

  'finalList.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: FinalListSchema,
    run: (i, ctx) => finalListOf(ctx, i.editionId),
  }),

  /** publishes the final list (公布) on a date after the notice: once, with every objection decided */
  'finalList.publish': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, on: CalendarDaySchema }),
    output: FinalListSchema,
    run(i, ctx) {
      const list = finalListOf(ctx, i.editionId);
      if (list.blockers.length > 0 || !list.notice) {
        const zh = list.blockers.map((b) => b.zh).join('；');
        const en = list.blockers.map((b) => b.en).join('; ');
        throw refuse('final-list.not-ready', `获奖名单还不能公布：${zh}。`, `The award list cannot be published yet: ${en}.`);
      }
      if (i.on <= list.notice.endDate || i.on > editionToday(ctx, getEdition(ctx, i.editionId))) {
        throw refuse(
          'final-list.bad-date',
          `公布日期须在公示期结束（${list.notice.endDate}）之后，且不晚于今天。`,
          `The publication date must come after the notice ended (${list.notice.endDate}) and not after today.`,
        );
      }
      const entries = list.entries.filter((e) => e.removedBy === null).map(({ removedBy: _r, ...e }) => e);
      return ctx.change('final-list.published', () => {
        insertPublishedList(ctx, i.editionId, { noticeId: list.notice!.id, on: i.on, at: ctx.now(), entries });
        return { result: finalListOf(ctx, i.editionId), detail: { editionId: i.editionId, on: i.on, applicants: entries.map((e) => e.code) } };
      });
    },
  }),

  'finalList.print': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, lang: LangSchema }),
    output: PrintedSchema,
    run: (i, ctx) => printFinalList(ctx, getEdition(ctx, i.editionId), i.lang),
  }),
};
