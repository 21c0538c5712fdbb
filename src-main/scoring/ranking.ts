import { toCenti, toPoints } from '../domain/centi.js';
import { byText } from '../domain/order.js';
import type { ApplicantRef } from '../domain/people.js';
import type { RankingEntry, StageResult } from '../domain/scores.js';
import { KIND_ORDER, type Stage } from '../domain/words.js';
import type { EffectiveRules } from '../profile/effective.js';
import { tieBreakValues } from '../rules/tie-break.js';
import { weigh } from '../rules/weights.js';

export type StageResultIndex = (applicantId: string, stage: Stage) => StageResult | undefined;

export function indexStageResults(results: StageResult[]): StageResultIndex {
  const map = new Map(results.map((r) => [`${r.applicantId}\u0000${r.stage}`, r]));
  return (applicantId, stage) => map.get(`${applicantId}\u0000${stage}`);
}

/**
 * What applicants are compared on, in centi-points: the weighted total, then each tie-break.
 * A category tie-break compares the category's panel means weighted across stages like the
 * total, so a category counts as much in the tie-break as it did in the score.
 * Null while any scored stage has no panel score.
 */
export function rankingKey(rules: EffectiveRules, applicantId: string, find: StageResultIndex): number[] | null {
  const results: { weight: number; result: StageResult; centi: number }[] = [];
  for (const { stage, weight } of rules.stages) {
    const result = find(applicantId, stage);
    if (!result || result.panelScore === null) return null;
    results.push({ weight, result, centi: toCenti(result.panelScore) });
  }
  const weighted = (value: (r: StageResult, centi: number) => number): number =>
    weigh(results.map((x) => ({ weight: x.weight, value: value(x.result, x.centi) })));
  const total = weighted((_, centi) => centi);
  const ties = tieBreakValues(
    rules.tieBreak,
    (stage) => results.find((x) => x.result.stage === stage)?.centi ?? 0,
    (code) => weighted((r) => toCenti(r.categoryMeans[code] ?? 0)),
  );
  return [total, ...ties];
}

/** Negative when a ranks ahead of b (higher values first, key by key). */
export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const byCode = (a: ApplicantRef, b: ApplicantRef): number => byText(a.code, b.code) || byText(a.id, b.id);

/**
 * Competition ranking (1, 2, 2, 4) within each applicant kind, by weighted total and then the
 * rules' tie-breaks. The output never depends on input order: kind, then rank, then code.
 * Applicants missing a stage score (incomplete, or not shortlisted) are listed unranked.
 */
export function rankApplicants(
  rules: EffectiveRules,
  applicants: ApplicantRef[],
  find: StageResultIndex,
  shortlisted: ReadonlySet<string> | null,
): RankingEntry[] {
  const out: RankingEntry[] = [];
  for (const kind of KIND_ORDER) {
    const ofKind = applicants.filter((a) => a.kind === kind);
    const keyed = ofKind.map((applicant) => ({ applicant, key: rankingKey(rules, applicant.id, find) }));
    const ranked = keyed
      .filter((x): x is { applicant: ApplicantRef; key: number[] } => x.key !== null)
      .sort((a, b) => compareKeys(a.key, b.key) || byCode(a.applicant, b.applicant));
    const unranked = keyed.filter((x) => x.key === null).sort((a, b) => byCode(a.applicant, b.applicant));

    let rank = 0;
    ranked.forEach((x, i) => {
      const prev = ranked[i - 1];
      const next = ranked[i + 1];
      if (!prev || compareKeys(prev.key, x.key) !== 0) rank = i + 1;
      const tied =
        (prev !== undefined && compareKeys(prev.key, x.key) === 0) ||
        (next !== undefined && compareKeys(next.key, x.key) === 0);
      out.push(entry(rules, x.applicant, find, shortlisted, x.key[0] ?? 0, rank, tied));
    });
    for (const x of unranked) out.push(entry(rules, x.applicant, find, shortlisted, null, null, false));
  }
  return out;
}

function entry(
  rules: EffectiveRules,
  applicant: ApplicantRef,
  find: StageResultIndex,
  shortlisted: ReadonlySet<string> | null,
  weightedCenti: number | null,
  rank: number | null,
  tied: boolean,
): RankingEntry {
  const stageScores: RankingEntry['stageScores'] = {};
  for (const { stage } of rules.stages) stageScores[stage] = find(applicant.id, stage)?.panelScore ?? null;
  return {
    applicant,
    stageScores,
    weightedTotal: weightedCenti === null ? null : toPoints(weightedCenti),
    rank,
    tied,
    shortlisted: shortlisted ? shortlisted.has(applicant.id) : null,
  };
}
