import { z } from 'zod';
import { LocalizedSchema, type Localized } from '../domain/localized.js';
import { DaySchema } from '../domain/values.js';
import { ApplicantKindSchema, AwardLevelSchema, PastEventSchema } from '../domain/vocabulary.js';
import { AWARD_LEVEL_NAMES, AWARD_LEVELS, PAST_EVENT_NAMES, type ApplicantKind, type AwardLevel, type EligibilityState, type PastEvent } from '../domain/words.js';
import type { Reasons } from './cite.js';

/**
 * The eligibility check (资格审核, Wuxi art. 11(2), Xinyang art. 17, Jinan art. 15, Daqing art. 13,
 * Hohhot art. 17(1)): each city's conditions (申报条件) as a checklist with the article each comes
 * from, per award level and applicant kind, some with a number of years the regulation states
 * ("正常运营3年以上"), and the re-application bars (Jinan art. 6, Xinyang arts. 13(6) and 33,
 * Daqing art. 31). The clerk answers each condition; the outcome is derived here.
 *
 * Periods are counted as 民法典 art. 201 counts them: N years from a day end on the same day N
 * years on, or on the month's last day where that day does not exist (29 February). A minimum
 * of N years is reached on that day; a bar of N years lasts through it.
 */

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only');

export const ConditionSchema = z.strictObject({
  id: Slug,
  text: LocalizedSchema,
  /** "第十条第（二）项 / art. 10(2)" */
  article: z.string().trim().min(1),
  levels: z.array(AwardLevelSchema).min(1),
  kinds: z.array(ApplicantKindSchema).min(1),
  /** answered with the day it began (registration, start of operation, of the work): met once this many years have passed */
  minYears: z.number().int().min(1).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const BarSchema = z.strictObject({
  id: Slug,
  text: LocalizedSchema,
  article: z.string().trim().min(1),
  /** the earlier event that bars */
  after: PastEventSchema,
  /** how long from the event; null bars for good */
  years: z.number().int().min(1).nullable(),
  /** the levels an applicant so barred may not apply for */
  levels: z.array(AwardLevelSchema).min(1),
});
export type Bar = z.infer<typeof BarSchema>;

export const EligibilityProfile = z.strictObject({ conditions: z.array(ConditionSchema), bars: z.array(BarSchema) });
export type EligibilityProfile = z.infer<typeof EligibilityProfile>;

/** A ticked condition (true: met, false: not met), or the day a counted period began. */
export const AnswerSchema = z.union([z.boolean(), DaySchema]);
export type Answer = z.infer<typeof AnswerSchema>;

export function checkEligibilityProfile(p: EligibilityProfile | undefined): Reasons {
  if (!p) return [];
  const reasons: Reasons = [];
  for (const ids of [p.conditions.map((c) => c.id), p.bars.map((b) => b.id)]) {
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) {
      reasons.push({ zh: `资格条件编号“${id}”重复`, en: `eligibility condition id "${id}" is used twice` });
    }
  }
  return reasons;
}

/** The day `years` after `day`, or the month's last day where that day does not exist. */
export function yearsAfter(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function conditionsFor(p: EligibilityProfile, kind: ApplicantKind, level: AwardLevel): Condition[] {
  return p.conditions.filter((c) => c.kinds.includes(kind) && c.levels.includes(level));
}

export type ConditionState = 'met' | 'unmet' | 'open';

export interface ConditionOutcome {
  condition: Condition;
  state: ConditionState;
  /** for a counted condition: the day the years are reached */
  reachedOn: string | null;
}

export function conditionOutcome(c: Condition, answer: Answer | undefined, on: string): ConditionOutcome {
  if (answer === undefined) return { condition: c, state: 'open', reachedOn: null };
  if (c.minYears === undefined) return { condition: c, state: answer === true ? 'met' : answer === false ? 'unmet' : 'open', reachedOn: null };
  if (typeof answer === 'boolean') return { condition: c, state: 'open', reachedOn: null };
  const reachedOn = yearsAfter(answer, c.minYears);
  return { condition: c, state: reachedOn <= on ? 'met' : 'unmet', reachedOn };
}

/** An applicant's earlier event: from another edition in this store, or recorded by the clerk for a year before the app. */
export interface PastRecord {
  event: PastEvent;
  on: string;
  /** where it comes from, for the clerk to read */
  source: string;
}

export interface BarOutcome {
  bar: Bar;
  record: PastRecord;
  /** the last day it bars; null for good */
  until: string | null;
}

/** The bars that stand on `on` against an application for `level`. */
export function standingBars(p: EligibilityProfile, level: AwardLevel, history: readonly PastRecord[], on: string): BarOutcome[] {
  return p.bars.flatMap((bar) =>
    bar.levels.includes(level)
      ? history.flatMap((record) => {
          if (record.event !== bar.after || record.on > on) return [];
          const until = bar.years === null ? null : yearsAfter(record.on, bar.years);
          return until === null || on <= until ? [{ bar, record, until }] : [];
        })
      : [],
  );
}

export interface EligibilityInput {
  profile: EligibilityProfile;
  kind: ApplicantKind;
  level: AwardLevel;
  answers: Readonly<Record<string, Answer>>;
  history: readonly PastRecord[];
  /** the day the conditions are judged on (the check, or the application deadline) */
  on: string;
}

export interface EligibilityOutcome {
  conditions: ConditionOutcome[];
  bars: BarOutcome[];
  /** 'open': a condition is still unanswered and nothing bars yet */
  outcome: 'eligible' | 'ineligible' | 'open';
  /** why not eligible: each unmet condition and each standing bar, with its article */
  reasons: Localized[];
}

export function evaluateEligibility(input: EligibilityInput): EligibilityOutcome {
  const conditions = conditionsFor(input.profile, input.kind, input.level).map((c) => conditionOutcome(c, input.answers[c.id], input.on));
  const bars = standingBars(input.profile, input.level, input.history, input.on);
  const reasons: Localized[] = [
    ...conditions.filter((c) => c.state === 'unmet').map((c) => unmetReason(c)),
    ...bars.map((b) => barReason(b, input.level)),
  ];
  const outcome = reasons.length > 0 ? 'ineligible' : conditions.some((c) => c.state === 'open') ? 'open' : 'eligible';
  return { conditions, bars, outcome, reasons };
}

function unmetReason(c: ConditionOutcome): Localized {
  const [zh, ...en] = c.condition.article.split(' / ');
  const years = c.reachedOn ? { zh: `（至 ${c.reachedOn} 方满 ${c.condition.minYears} 年）`, en: ` (${c.condition.minYears} years only on ${c.reachedOn})` } : { zh: '', en: '' };
  return { zh: `不符合${zh}：${c.condition.text.zh}${years.zh}`, en: `does not meet ${en.join(' / ') || zh}: ${c.condition.text.en}${years.en}` };
}

function barReason(b: BarOutcome, level: AwardLevel): Localized {
  const [zh, ...en] = b.bar.article.split(' / ');
  const event = PAST_EVENT_NAMES[b.record.event];
  const until = b.until ? { zh: `，至 ${b.until} 不得申报`, en: `; barred through ${b.until}` } : { zh: '，不得再申报', en: '; barred for good' };
  return {
    zh: `${zh}：${b.record.on} ${event.zh}（${b.record.source}）${until.zh}${AWARD_LEVEL_NAMES[level].zh}`,
    en: `${en.join(' / ') || zh}: ${event.en} on ${b.record.on} (${b.record.source})${until.en} from the ${AWARD_LEVEL_NAMES[level].en}`,
  };
}

/**
 * The levels an applicant found eligible at `level` may be placed at: that level and each lesser
 * one (AWARD_LEVELS runs from the award down), since every regulation draws the nomination's
 * candidates from the same ranking, below the award's (Wuxi art. 11(5), Xinyang art. 20). One
 * found eligible for the nomination only is never placed at the award.
 */
export function placeableLevels(level: AwardLevel): AwardLevel[] {
  return AWARD_LEVELS.slice(AWARD_LEVELS.indexOf(level));
}

/** What the check found an applicant eligible for, as the reason it was passed over for another level. */
export function eligibleForWords(levels: readonly AwardLevel[]): Localized {
  if (levels.length === 0) return { zh: '资格审核未认定其符合申报条件', en: 'the eligibility check has not found it eligible' };
  const names = levels.map((l) => AWARD_LEVEL_NAMES[l]);
  return {
    zh: `资格审核仅认定其符合${names.map((n) => n.zh).join('、')}申报条件`,
    en: `the eligibility check found it eligible for the ${names.map((n) => n.en).join(' and the ')} only`,
  };
}

/** The secretariat's step an applicant may be moved to; `eligible` only when the derived outcome is. */
export type Decision = Exclude<EligibilityState, 'received'>;
