import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { DownloadSchema } from '../../domain/files.js';
import { listReasons } from '../../domain/reasons.js';
import { DaySchema, IdSchema, isCreditCode, isIdCardNumber, optionalText, textOf } from '../../domain/values.js';
import { AwardLevelSchema, PastEventSchema } from '../../domain/vocabulary.js';
import { AWARD_LEVEL_NAMES, type AwardLevel } from '../../domain/words.js';
import { AnswerSchema, conditionsFor } from '../../rules/eligibility.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { deletePastAward, eligibilityEventsOfEdition, findPastAward, insertEligibilityEvent, insertPastAward, listPastAwards, setLetterReason } from '../repo/eligibility.js';
import { getApplicant } from '../repo/people.js';
import { outOfReviewOfEdition } from '../repo/review.js';
import { makeLetter } from './letters.js';
import { eligibilityRow, eligibilityView, EligibilityRowSchema, EligibilityViewSchema, evaluate, PastAwardSchema, todayOf } from './view.js';

/**
 * The eligibility check (资格审核): the clerk answers each condition of the applicant's level;
 * the outcome is derived (rules/eligibility.ts), "eligible" is refused while a stated condition
 * is unmet, unanswered, or a re-application bar stands. Materials found incomplete are asked for
 * in a letter listing what is missing (Daqing art. 13). Every step is an event and an audit entry.
 */

function checkedApplicant(ctx: Ctx, applicantId: string) {
  const a = getApplicant(ctx, applicantId);
  if (a.withdrawn) {
    throw refuse('eligibility.withdrawn', `${a.code} ${a.name} 已撤回申报，不再审核资格。`, `${a.code} ${a.name} has withdrawn; its eligibility is no longer checked.`);
  }
  return { a, edition: getEdition(ctx, a.editionId) };
}

function rowOf(ctx: Ctx, applicantId: string) {
  const a = getApplicant(ctx, applicantId);
  const edition = getEdition(ctx, a.editionId);
  return eligibilityRow(ctx, edition, a, eligibilityEventsOfEdition(ctx, a.editionId).filter((e) => e.applicantId === a.id), outOfReviewOfEdition(ctx, a.editionId).get(a.id));
}

const levelName = (level: AwardLevel) => AWARD_LEVEL_NAMES[level];

export const eligibilityCalls = {
  /** every applicant's standing, checklist, history and bars */
  'eligibility.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: EligibilityViewSchema,
    run: (i, ctx) => eligibilityView(ctx, i.editionId),
  }),

  /**
   * records the clerk's answers and decision; `on` is the day the conditions are judged on (the
   * application deadline, say), today by default
   */
  'eligibility.decide': storeCall({
    access: 'secretariat',
    input: z.strictObject({
      applicantId: IdSchema,
      decision: z.enum(['eligible', 'ineligible']),
      level: AwardLevelSchema.default('award'),
      answers: z.record(z.string().min(1).max(60), AnswerSchema).default({}),
      on: DaySchema.optional(),
      note: optionalText(2000),
    }),
    output: EligibilityRowSchema,
    run(i, ctx) {
      const { a, edition } = checkedApplicant(ctx, i.applicantId);
      const profile = edition.profile.eligibility ?? { conditions: [], bars: [] };
      const known = new Set(conditionsFor(profile, a.kind, i.level).map((c) => c.id));
      const unknown = Object.keys(i.answers).filter((id) => !known.has(id));
      if (unknown.length > 0) {
        const l = levelName(i.level);
        throw refuse(
          'eligibility.unknown-condition',
          `本届${l.zh}的申报条件中没有：${unknown.join('、')}。请按清单逐项填写。`,
          `The ${l.en} conditions of this edition have no ${unknown.join(', ')}. Answer the checklist as listed.`,
          { unknown },
        );
      }
      const on = i.on ?? todayOf(ctx, edition);
      const e = evaluate(ctx, edition, a, i.level, i.answers, on);
      if (i.decision === 'eligible' && e.outcome !== 'eligible') {
        const open = e.conditions.filter((c) => c.state === 'open').map((c) => ({ zh: `尚未填写：${c.condition.text.zh}`, en: `not answered: ${c.condition.text.en}` }));
        const why = listReasons([...e.reasons, ...open]);
        throw refuse(
          'eligibility.conditions-unmet',
          `${a.code} 不能判定为审核通过：${why.zh}。请核实各项条件，或判定为不符合条件。`,
          `${a.code} cannot be found eligible: ${why.en}. Check each condition, or find it ineligible.`,
          { reasons: e.reasons },
        );
      }
      if (i.decision === 'ineligible' && e.reasons.length === 0 && i.note === null) {
        throw refuse(
          'eligibility.reason-needed',
          `判定 ${a.code} 不符合条件须说明理由：清单中没有未满足的条件，请在说明中写明理由。`,
          `Finding ${a.code} ineligible needs a reason: no condition on the checklist is unmet, so write the reason in the note.`,
        );
      }
      return ctx.change('eligibility.decided', () => {
        insertEligibilityEvent(ctx, a.editionId, { applicantId: a.id, state: i.decision, level: i.level, on, answers: i.answers, missing: [], dueDay: null, reasons: e.reasons, note: i.note });
        return {
          result: rowOf(ctx, a.id),
          detail: { editionId: a.editionId, applicantId: a.id, decision: i.decision, level: i.level, on, answers: i.answers, reasons: e.reasons, note: i.note },
        };
      });
    },
  }),

  /** the materials are incomplete: what is missing, and by when it is to come (Daqing art. 13) */
  'eligibility.requestMaterials': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, missing: z.array(textOf(500)).min(1).max(50), dueDay: DaySchema.optional(), note: optionalText(2000) }),
    output: EligibilityRowSchema,
    run(i, ctx) {
      const { a, edition } = checkedApplicant(ctx, i.applicantId);
      const last = eligibilityEventsOfEdition(ctx, a.editionId).filter((e) => e.applicantId === a.id).at(-1);
      const on = todayOf(ctx, edition);
      if (i.dueDay !== undefined && i.dueDay < on) {
        throw refuse('eligibility.due-past', `补正期限 ${i.dueDay} 已过，请给一个今天（${on}）或以后的日期。`, `The due day ${i.dueDay} has passed; give today (${on}) or a later day.`);
      }
      return ctx.change('eligibility.materials-requested', () => {
        insertEligibilityEvent(ctx, a.editionId, {
          applicantId: a.id,
          state: 'incomplete',
          level: last?.level ?? 'award',
          on: last?.on ?? on,
          answers: last?.answers ?? {},
          missing: i.missing,
          dueDay: i.dueDay ?? null,
          reasons: [],
          note: i.note,
        });
        return { result: rowOf(ctx, a.id), detail: { editionId: a.editionId, applicantId: a.id, missing: i.missing, dueDay: i.dueDay ?? null, note: i.note } };
      });
    },
  }),

  /** the reason text of the applicant's not-shortlisted letter, as the clerk edits it; null goes back to the one made from the scores */
  'eligibility.setLetterReason': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, text: optionalText(4000) }),
    output: EligibilityRowSchema,
    run(i, ctx) {
      const a = getApplicant(ctx, i.applicantId);
      return ctx.change('eligibility.letter-reason-set', () => {
        setLetterReason(ctx, a.editionId, a.id, i.text);
        return { result: rowOf(ctx, a.id), detail: { editionId: a.editionId, applicantId: a.id, text: i.text } };
      });
    },
  }),

  /** the materials-incomplete request or the not-shortlisted letter, as a PDF */
  'eligibility.letter': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, kind: z.enum(['incomplete', 'not-shortlisted']), lang: z.enum(['zh', 'en']) }),
    output: DownloadSchema.extend({ pages: z.number().int(), fingerprint: z.string() }),
    run: (i, ctx) => makeLetter(ctx, i.applicantId, i.kind, i.lang),
  }),

  /** earlier awards, revocations and frauds, for years before the app: what the re-application bars look at */
  'eligibility.pastAwards': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: z.array(PastAwardSchema),
    run: (_i, ctx) => listPastAwards(ctx),
  }),

  'eligibility.addPastAward': storeCall({
    access: 'secretariat',
    input: z.strictObject({ holder: z.string().trim().transform((v) => v.toUpperCase()), name: textOf(200), event: PastEventSchema, on: DaySchema, note: optionalText(1000) }),
    output: PastAwardSchema,
    run(i, ctx) {
      if (!isCreditCode(i.holder) && !isIdCardNumber(i.holder)) {
        throw refuse(
          'eligibility.holder-invalid',
          `“${i.holder}”既不是有效的统一社会信用代码，也不是有效的居民身份证号码：应为 18 位，末位校验码须相符。`,
          `"${i.holder}" is neither a unified social credit code nor a resident ID-card number: 18 characters, the last a matching check character.`,
        );
      }
      const record = { id: randomUUID(), holder: i.holder, name: i.name, event: i.event, on: i.on, note: i.note, recordedAt: ctx.now() };
      return ctx.change('eligibility.past-award-added', () => {
        insertPastAward(ctx, record);
        return { result: record, detail: { pastAwardId: record.id, holder: record.holder, name: record.name, event: record.event, on: record.on, note: record.note } };
      });
    },
  }),

  'eligibility.removePastAward': storeCall({
    access: 'secretariat',
    input: z.strictObject({ pastAwardId: IdSchema, reason: textOf(1000) }),
    output: z.strictObject({ removed: PastAwardSchema }),
    run(i, ctx) {
      const found = findPastAward(ctx, i.pastAwardId);
      if (!found) throw refuse('eligibility.past-award-not-found', '没有这条往届记录，可能已被删除。请刷新后重试。', 'There is no such earlier record; it may have been removed. Refresh and try again.');
      return ctx.change('eligibility.past-award-removed', () => {
        deletePastAward(ctx, found.id);
        return { result: { removed: found }, detail: { pastAwardId: found.id, holder: found.holder, event: found.event, on: found.on, reason: i.reason } };
      });
    },
  }),
};
