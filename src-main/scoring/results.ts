import type { EditionResults, Flag, StageResult, SubmittedSheet } from '../domain/types.js';
import { selectCandidates } from './candidates.js';
import { shortlistFlags, stageFlags, tieAtCapFlags, unseatedFlag } from './flags.js';
import { checkEditionInput, type EditionInput } from './input.js';
import { byText } from './order.js';
import { stageResult } from './panel.js';
import { indexStageResults, rankApplicants } from './ranking.js';
import { shortlistAfter, type ShortlistOutcome } from './shortlist.js';

export type { EditionInput } from './input.js';

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
      flags.push(...stageFlags(rules, applicant, result));
    }
    if (rules.shortlist?.afterStage === stage) {
      shortlist = shortlistAfter(rules, applicants, indexStageResults(stageResults));
      shortlisted = new Set(shortlist?.applicantIds ?? []);
      if (shortlist) flags.push(...shortlistFlags(shortlist, codeOf, stage));
    }
  }

  const find = indexStageResults(stageResults);
  const ranking = rankApplicants(rules, applicants, find, shortlisted);
  const candidates = selectCandidates(rules, ranking);
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
  };
}
