import { z } from 'zod';
import type { Applicant } from '../../domain/people.js';
import { LocalizedSchema } from '../../domain/localized.js';
import { zonedParts, editionTimeZone } from '../../domain/time.js';
import { DaySchema, EntityIdSchema, IsoTimeSchema } from '../../domain/values.js';
import { ApplicantKindSchema, AwardLevelSchema, EligibilityStateSchema, PastEventSchema } from '../../domain/vocabulary.js';
import { PAST_EVENT_NAMES } from '../../domain/words.js';
import type { EditionDetail } from '../../profile/edition.js';
import { AnswerSchema, BarSchema, ConditionSchema, evaluateEligibility, type Answer, type PastRecord } from '../../rules/eligibility.js';
import type { AwardLevel } from '../../domain/words.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { eligibilityEventsOfEdition, latestEligibilityEvent, letterReasonOf, pastAwardsOf, sameHolderElsewhere, type EligibilityEvent } from '../repo/eligibility.js';
import { listApplicantRows } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { outOfReviewOfEdition, type OutOfReview } from '../repo/review.js';
import { isPingshenError } from '../../domain/errors.js';
import type { EditionResults } from '../../scoring/results.js';
import { notShortlistedDraft } from './letters.js';

/** What the eligibility tab, the CLI and the letters read of one applicant's check. */

export const PastAwardSchema = z.strictObject({
  id: EntityIdSchema,
  holder: z.string(),
  name: z.string(),
  event: PastEventSchema,
  on: DaySchema,
  note: z.string().nullable(),
  recordedAt: IsoTimeSchema,
});

const StepSchema = z.strictObject({
  at: IsoTimeSchema,
  actor: z.string(),
  state: EligibilityStateSchema,
  level: AwardLevelSchema,
  on: DaySchema,
  missing: z.array(z.string()),
  dueDay: DaySchema.nullable(),
  reasons: z.array(LocalizedSchema),
  note: z.string().nullable(),
});

export const EligibilityRowSchema = z.strictObject({
  applicant: z.strictObject({
    id: EntityIdSchema,
    code: z.string(),
    name: z.string(),
    kind: ApplicantKindSchema,
    creditCode: z.string().nullable(),
    idNumber: z.string().nullable(),
    withdrawn: z.boolean(),
  }),
  state: EligibilityStateSchema,
  level: AwardLevelSchema,
  on: DaySchema,
  answers: z.record(z.string(), AnswerSchema),
  /** the checklist for the applicant's kind and level, answered as last recorded */
  conditions: z.array(z.strictObject({ condition: ConditionSchema, state: z.enum(['met', 'unmet', 'open']), reachedOn: DaySchema.nullable() })),
  bars: z.array(z.strictObject({ bar: BarSchema, event: PastEventSchema, eventOn: DaySchema, source: z.string(), until: DaySchema.nullable() })),
  outcome: z.enum(['eligible', 'ineligible', 'open']),
  reasons: z.array(LocalizedSchema),
  /** the applicant in this store's other editions, by credit code or ID number */
  elsewhere: z.array(z.strictObject({ editionId: EntityIdSchema, editionName: z.string(), year: z.number().int(), code: z.string(), state: EligibilityStateSchema })),
  past: z.array(PastAwardSchema),
  steps: z.array(StepSchema),
  /** the upheld objection to the accepted list that took it out of the review, with its finding; null while it is in */
  objectionUpheld: z.strictObject({ number: z.number().int(), decidedOn: DaySchema, finding: z.string() }).nullable(),
  letterReason: z.string().nullable(),
  /** the not-shortlisted letter's reason made from the scores, for the clerk to start from; null when on the shortlist or none is decided */
  letterDraft: LocalizedSchema.nullable(),
});
export type EligibilityRow = z.infer<typeof EligibilityRowSchema>;

export const EligibilityViewSchema = z.strictObject({
  inUse: z.boolean(),
  /** whether the edition's profile states any conditions (one stored before the step has none) */
  hasConditions: z.boolean(),
  rows: z.array(EligibilityRowSchema),
});
export type EligibilityView = z.infer<typeof EligibilityViewSchema>;

/** Today in the edition's zone. */
export function todayOf(ctx: Ctx, edition: EditionDetail): string {
  const p = zonedParts(ctx.now(), editionTimeZone(edition.settings));
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const holdersOf = (a: Pick<Applicant, 'creditCode' | 'idNumber'>): string[] => [a.creditCode, a.idNumber].filter((h): h is string => h !== null);

/** The applicant's earlier awards, revocations and frauds the bars look at, as the clerk recorded them. */
export function historyOf(ctx: Ctx, a: Pick<Applicant, 'creditCode' | 'idNumber'>): PastRecord[] {
  return pastAwardsOf(ctx, holdersOf(a)).map((p) => ({ event: p.event, on: p.on, source: p.note ?? `${p.name} ${PAST_EVENT_NAMES[p.event].zh}` }));
}

/** The outcome of a check as it would be with these answers, for this applicant. */
export function evaluate(ctx: Ctx, edition: EditionDetail, a: Applicant, level: AwardLevel, answers: Record<string, Answer>, on: string) {
  return evaluateEligibility({ profile: edition.profile.eligibility ?? { conditions: [], bars: [] }, kind: a.kind, level, answers, history: historyOf(ctx, a), on });
}

export function eligibilityRow(ctx: Ctx, edition: EditionDetail, a: Applicant, steps: EligibilityEvent[], out: OutOfReview | undefined): EligibilityRow {
  const last = steps.at(-1);
  const level = last?.level ?? 'award';
  const on = last?.on ?? todayOf(ctx, edition);
  const answers = last?.answers ?? {};
  const e = evaluate(ctx, edition, a, level, answers, on);
  const elsewhere = sameHolderElsewhere(ctx, edition.id, holdersOf(a)).map((x) => ({
    editionId: x.editionId,
    editionName: x.editionName,
    year: x.year,
    code: x.code,
    state: latestEligibilityEvent(ctx, x.applicantId)?.state ?? ('received' as const),
  }));
  return {
    applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, creditCode: a.creditCode, idNumber: a.idNumber, withdrawn: a.withdrawn !== null },
    state: last?.state ?? 'received',
    level,
    on,
    answers,
    conditions: e.conditions,
    bars: e.bars.map((b) => ({ bar: b.bar, event: b.record.event, eventOn: b.record.on, source: b.record.source, until: b.until })),
    outcome: e.outcome,
    reasons: last?.state === 'incomplete' ? e.reasons : (last?.reasons ?? e.reasons),
    elsewhere,
    past: pastAwardsOf(ctx, holdersOf(a)),
    steps: steps.map((s) => ({ at: s.at, actor: s.actor, state: s.state, level: s.level, on: s.on, missing: s.missing, dueDay: s.dueDay, reasons: s.reasons, note: s.note })),
    objectionUpheld: out?.objection ?? null,
    letterReason: letterReasonOf(ctx, a.id),
    letterDraft: null,
  };
}

/** Results that cannot be computed yet (a panel or sheet to correct first) make no letter drafts; the results tab says why. */
function resultsOrNull(ctx: Ctx, editionId: string): EditionResults | null {
  try {
    return editionResults(ctx, editionId);
  } catch (e) {
    if (isPingshenError(e)) return null;
    throw e;
  }
}

export function eligibilityView(ctx: Ctx, editionId: string): EligibilityView {
  const edition = getEdition(ctx, editionId);
  const events = eligibilityEventsOfEdition(ctx, editionId);
  const byApplicant = new Map<string, EligibilityEvent[]>();
  for (const e of events) byApplicant.set(e.applicantId, [...(byApplicant.get(e.applicantId) ?? []), e]);
  const results = edition.profile.shortlist ? resultsOrNull(ctx, editionId) : null;
  const out = outOfReviewOfEdition(ctx, editionId);
  return {
    inUse: events.length > 0,
    hasConditions: (edition.profile.eligibility?.conditions.length ?? 0) > 0,
    rows: listApplicantRows(ctx, editionId).map((a) => ({
      ...eligibilityRow(ctx, edition, a, byApplicant.get(a.id) ?? [], out.get(a.id)),
      letterDraft: results ? notShortlistedDraft(results, a.id) : null,
    })),
  };
}
