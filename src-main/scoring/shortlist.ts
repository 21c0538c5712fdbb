import type { ApplicantRef } from '../domain/people.js';
import type { EffectiveRules } from '../domain/types.js';
import { toCenti, toPoints } from './centi.js';
import { byText } from './order.js';
import type { StageResultIndex } from './ranking.js';

export interface ShortlistOutcome {
  applicantIds: string[];
  size: number;
  tieAtCut: boolean;
  /** the applicants sharing the score at the cut, when that group made the list longer than size */
  tiedAtCut: string[];
  cutScore: number | null;
}

/**
 * The top `size` applicants by panel score in the shortlist stage (e.g. Wuxi art. 11(3): 20
 * after the material review). Applicants tied at the cut are all kept and reported, because
 * the committee, not the order of a list, decides between them.
 */
export function shortlistAfter(
  rules: EffectiveRules,
  applicants: ApplicantRef[],
  find: StageResultIndex,
): ShortlistOutcome | null {
  if (!rules.shortlist) return null;
  const { afterStage, size } = rules.shortlist;
  const scored = applicants
    .map((a) => ({ a, score: find(a.id, afterStage)?.panelScore ?? null }))
    .filter((x): x is { a: ApplicantRef; score: number } => x.score !== null)
    .map((x) => ({ ...x, centi: toCenti(x.score) }))
    .sort((x, y) => y.centi - x.centi || byText(x.a.code, y.a.code) || byText(x.a.id, y.a.id));

  const last = scored[Math.min(size, scored.length) - 1];
  const included = last ? scored.filter((x) => x.centi >= last.centi) : [];
  const tieAtCut = included.length > size;
  return {
    applicantIds: included.map((x) => x.a.id),
    size,
    tieAtCut,
    tiedAtCut: tieAtCut && last ? included.filter((x) => x.centi === last.centi).map((x) => x.a.id) : [],
    cutScore: last ? toPoints(last.centi) : null,
  };
}
