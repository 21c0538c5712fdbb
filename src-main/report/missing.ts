/**
 * What a report's data still lacks, said in a line each: a report made before every sheet is in
 * is provisional (暂定), and says so on every page (the watermark) and in words at the top. Pure:
 * worked out from the results when a report's input is assembled, so it is part of the data the
 * fingerprint covers.
 */
import type { Localized } from '../domain/localized.js';
import type { StageResult } from '../domain/scores.js';
import type { Stage } from '../domain/words.js';
import type { EditionResults } from '../scoring/results.js';
import { M } from './messages.js';

type Results = Omit<EditionResults, 'stageResults'>;

/** Per scored stage: how many applicants still in the running have no stage score yet, and how many a partial one. */
export function missingForRanking(results: Results): Localized[] {
  const { rules, ranking, flags } = results;
  const afterShortlist = new Set<Stage>();
  if (rules.shortlist) {
    const at = rules.stages.findIndex((s) => s.stage === rules.shortlist!.afterStage);
    for (const s of rules.stages.slice(at + 1)) afterShortlist.add(s.stage);
  }
  const lines: Localized[] = [];
  for (const { stage } of rules.stages) {
    const running = ranking.filter((r) => !afterShortlist.has(stage) || r.shortlisted !== false);
    const none = running.filter((r) => r.stageScores[stage] === null || r.stageScores[stage] === undefined).length;
    const scored = new Set(running.filter((r) => typeof r.stageScores[stage] === 'number').map((r) => r.applicant.id));
    const partial = new Set(flags.filter((f) => f.code === 'missing-sheets' && f.stage === stage && f.applicantId !== undefined && scored.has(f.applicantId)).map((f) => f.applicantId)).size;
    if (none > 0) lines.push(M.missing.noScore(M.stage[stage], none));
    if (partial > 0) lines.push(M.missing.partial(M.stage[stage], partial));
  }
  return lines;
}

/** One applicant's stages as a panel summary shows them: a stage without sheets, or with experts yet to submit. */
export function missingForStages(stages: readonly { stage: Stage; result: StageResult | null; missingNames: string[] }[]): Localized[] {
  const lines: Localized[] = [];
  for (const s of stages) {
    if (s.result === null || s.result.panelScore === null) lines.push(M.missing.noSheets(M.stage[s.stage]));
    else if (s.missingNames.length > 0) lines.push(M.missing.notSubmitted(M.stage[s.stage], s.missingNames));
  }
  return lines;
}
