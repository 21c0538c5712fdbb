import type { Declaration } from '../domain/review.js';

/**
 * Recusal (回避): where an expert stands on an applicant, from every declaration of that pair —
 * the expert's own and any the secretariat imposed. Any conflict recuses; a recusal the
 * secretariat imposed outweighs whatever the expert declared. One rule for every place that
 * asks: the expert's gate before materials and scoring, the bundle check, the results, the flags.
 */
export type Standing = 'undeclared' | 'conflicted' | 'clear';

type Word = Pick<Declaration, 'conflict'> & { lifted?: Declaration['lifted'] };

/** A recusal the secretariat lifted says nothing any more: the expert must declare again. */
export function standing(declarations: readonly Word[]): Standing {
  const standingWords = declarations.filter((d) => !d.lifted);
  if (standingWords.length === 0) return 'undeclared';
  return standingWords.some((d) => d.conflict) ? 'conflicted' : 'clear';
}

export function isRecused(declarations: readonly Word[]): boolean {
  return standing(declarations) === 'conflicted';
}

/** Standings over many declarations at once (an edition's register, a bundle). */
export function standings(declarations: readonly Declaration[]): (expertId: string, applicantId: string) => Standing {
  const byPair = new Map<string, Declaration[]>();
  for (const d of declarations) {
    const key = `${d.expertId}\u0000${d.applicantId}`;
    const list = byPair.get(key);
    if (list) list.push(d);
    else byPair.set(key, [d]);
  }
  return (expertId, applicantId) => standing(byPair.get(`${expertId}\u0000${applicantId}`) ?? []);
}
