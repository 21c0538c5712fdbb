import { z } from 'zod';
import { LocalizedSchema } from '../domain/localized.js';
import { addReason } from '../domain/reasons.js';
import { ApplicantKindSchema } from '../domain/vocabulary.js';
import type { Reasons } from '../rules/cite.js';
import { DisagreementProfile } from '../rules/disagreement.js';
import { checkEligibilityProfile, EligibilityProfile } from '../rules/eligibility.js';
import { CapsProfile, checkCaps, checkFloors, FloorsProfile } from '../rules/floors-caps.js';
import { ObjectionsProfile } from '../rules/objections.js';
import { PanelFormingProfile } from '../rules/panel-forming.js';
import { checkPanelSize, PanelSizeProfile } from '../rules/panel-size.js';
import { checkShortlist, ShortlistProfile } from '../rules/shortlist.js';
import { tieBreakProblems, TieBreakProfile } from '../rules/tie-break.js';
import { TrimProfile } from '../rules/trim.js';
import { checkStages, StagesProfile } from '../rules/weights.js';

/**
 * A city profile (评审规则): one regulation's rules as data. Each rule's piece of the schema, and
 * its checks, live in its own module under rules/; this file only puts them together.
 */
const NoticeLength = z.strictObject({ days: z.number().int().min(1), working: z.boolean() });

const ProfileShape = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only'),
  city: LocalizedSchema,
  /** title of the regulation */
  regulation: LocalizedSchema,
  cycleYears: z.number().int().min(1),
  applicantKinds: z.array(ApplicantKindSchema).min(1),
  stages: StagesProfile,
  floors: FloorsProfile,
  caps: CapsProfile,
  shortlist: ShortlistProfile,
  panelSize: PanelSizeProfile,
  /** panels by industry, and the window for "reviewed this applicant recently"; absent in profiles stored before it existed */
  panelForming: PanelFormingProfile.optional(),
  /** the 申报条件 the eligibility check ticks, and the re-application bars; absent in profiles stored before it existed */
  eligibility: EligibilityProfile.optional(),
  trim: TrimProfile,
  disagreement: DisagreementProfile,
  tieBreak: TieBreakProfile,
  /** Xinyang art. 21: the committee decides by secret ballot, ≥ 2/3 of voters */
  committeeVote: z
    .strictObject({
      fraction: z.strictObject({ numerator: z.number().int().min(1), denominator: z.number().int().min(1) }),
    })
    .nullable(),
  notice: NoticeLength,
  /** the notice of the accepted applicants before the review (Xinyang art. 17); null where the regulation has none; absent in profiles stored before it existed */
  acceptedNotice: NoticeLength.nullable().optional(),
  /** who may object to a notice, when, and the deadlines (rules/objections.ts); absent in profiles stored before it existed */
  objections: ObjectionsProfile.optional(),
  retentionYears: z.number().int().min(1).nullable(),
  /** article references, one per rule, for the reports and the help text */
  sources: z.record(z.string().min(1), z.string().trim().min(1)),
});

export type Profile = z.infer<typeof ProfileShape>;

function profileProblems(p: Profile): Reasons {
  const stages = p.stages.map((s) => s.stage);
  const reasons: Reasons = [
    ...checkStages(p.stages),
    ...checkShortlist(p.shortlist, stages),
    ...checkFloors(p.floors),
    ...checkPanelSize(p.panelSize),
    ...checkCaps(p),
    ...checkEligibilityProfile(p.eligibility),
  ];
  if (new Set(p.applicantKinds).size !== p.applicantKinds.length) {
    reasons.push({ zh: '申报类型重复', en: 'an applicant kind is listed twice' });
  }
  const vote = p.committeeVote?.fraction;
  if (vote && vote.numerator > vote.denominator) {
    reasons.push({
      zh: `评委会表决比例 ${vote.numerator}/${vote.denominator} 大于 1`,
      en: `the committee vote fraction ${vote.numerator}/${vote.denominator} is above 1`,
    });
  }
  reasons.push(...tieBreakProblems(p.tieBreak, stages));
  return reasons;
}

export const ProfileSchema = ProfileShape.superRefine((p, ctx) => {
  for (const reason of profileProblems(p)) addReason(ctx, reason.zh, reason.en);
});
