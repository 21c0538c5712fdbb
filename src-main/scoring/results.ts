import { z } from 'zod';
import { namer } from '../domain/names.js';
import { byText } from '../domain/order.js';
import { CandidateEntrySchema, FlagSchema, perKind, RankingEntrySchema, StageResultSchema, type Flag, type StageResult, type SubmittedSheet } from '../domain/scores.js';
import { ApplicantRefSchema } from '../domain/people.js';
import { EntityIdSchema, IsoTimeSchema } from '../domain/values.js';
import { EffectiveRulesSchema } from '../profile/effective.js';
import { selectCandidates } from '../rules/floors-caps.js';
import { shortlistAfter, type ShortlistOutcome } from '../rules/shortlist.js';
import { shortlistFlags, stageFlags, tieAtCapFlags, unseatedFlag } from './flags.js';
import { checkEditionInput, type EditionInput } from './input.js';
import { stageResult } from './panel.js';
import { indexStageResults, rankApplicants } from './ranking.js';

/** What the committee sees for an edition, computed from the sheets that came back. */
export const EditionResultsSchema = z.strictObject({
  rules: EffectiveRulesSchema,
  stageResults: z.array(StageResultSchema),
  shortlist: z.strictObject({ applicantIds: z.array(EntityIdSchema), size: z.number().int(), tieAtCut: z.boolean() }).nullable(),
  ranking: z.array(RankingEntrySchema),
  candidates: z.strictObject({
    entries: z.array(CandidateEntrySchema),
    /** award/nomination places left empty, per kind */
    unfilled: z.strictObject({ award: perKind(z.number().int()), nomination: perKind(z.number().int()) }),
  }),
  flags: z.array(FlagSchema),
  /** applicants who withdrew, in code order: not ranked */
  withdrawn: z.array(z.strictObject({ applicant: ApplicantRefSchema, at: IsoTimeSchema, reason: z.string() })),
});
export type EditionResults = z.infer<typeof EditionResultsSchema>;


/**
 * From the sheets that came back to the ranking the committee sees: stage results per panel,
 * the shortlist, weighted totals and ranking, candidate lists and flags. Pure: the same input
 * always gives the same result, in the same order, whatever order it arrives in.
 * Stages after the shortlist are scored only for shortlisted applicants.
 */
export function computeEditionResults(input: EditionInput): EditionResults {
  checkEditionInput(input);
  const { rules, framework } = input;
  const applicants = [...input.applicants].sort((a, b) => byText(a.code, b.code) || byText(a.id, b.id));
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const codeOf = (id: string): string => byId.get(id)?.code ?? id;
  const expertName = namer(input.experts);

  const sheets = new Map<string, SubmittedSheet[]>();
  for (const sheet of input.sheets) {
    const key = `${sheet.applicantId}\u0000${sheet.stage}`;
    const list = sheets.get(key);
    if (list) list.push(sheet);
    else sheets.set(key, [sheet]);
  }
  const seats = new Map(input.seats.map((s) => [`${s.applicantId}\u0000${s.stage}`, s]));

  const stageResults: StageResult[] = [];
  const flags: Flag[] = [];
  let shortlist: ShortlistOutcome | null = null;
  let shortlisted: ReadonlySet<string> | null = null;

  for (const { stage } of rules.stages) {
    for (const applicant of applicants) {
      if (shortlisted && !shortlisted.has(applicant.id)) continue;
      const seat = seats.get(`${applicant.id}\u0000${stage}`);
      if (!seat) {
        flags.push(unseatedFlag(applicant, stage));
        continue;
      }
      const result = stageResult(rules, framework, seat, sheets.get(`${applicant.id}\u0000${stage}`) ?? []);
      stageResults.push(result);
      flags.push(...stageFlags(rules, applicant, result, expertName));
    }
    if (rules.shortlist?.afterStage === stage) {
      const scores = indexStageResults(stageResults);
      shortlist = shortlistAfter(rules.shortlist, applicants, (id, s) => scores(id, s)?.panelScore ?? null);
      shortlisted = new Set(shortlist?.applicantIds ?? []);
      if (shortlist) flags.push(...shortlistFlags(shortlist, codeOf, stage));
    }
  }

  const find = indexStageResults(stageResults);
  const ranking = rankApplicants(rules, applicants, find, shortlisted);
  const candidates = selectCandidates(rules, ranking, input.eligibleLevels);
  flags.push(...tieAtCapFlags(candidates.ties, codeOf));

  return {
    rules,
    stageResults,
    shortlist: shortlist && {
      applicantIds: shortlist.applicantIds,
      size: shortlist.size,
      tieAtCut: shortlist.tieAtCut,
    },
    ranking,
    candidates: { entries: candidates.entries, unfilled: candidates.unfilled },
    flags,
    withdrawn: [...(input.withdrawn ?? [])].sort((a, b) => byText(a.applicant.code, b.applicant.code)),
  };
}
