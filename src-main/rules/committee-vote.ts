import type { Localized } from '../domain/localized.js';

/**
 * The committee's secret ballot (Xinyang art. 21): "得票数应超过投票人数的三分之二（含三分之二）".
 * The base is the number of voters (投票人数, every ballot cast, blank or spoilt ones included),
 * not the committee's members; "含" makes exactly two thirds pass, so a candidate needs the
 * least whole number of votes at or above voters × fraction.
 */

export interface VoteFraction {
  numerator: number;
  denominator: number;
}

/** Votes needed among `voters` to reach the fraction, the fraction itself included. */
export function votesNeeded(voters: number, fraction: VoteFraction): number {
  return Math.floor((voters * fraction.numerator + fraction.denominator - 1) / fraction.denominator);
}

/** One applicant's count, as the scrutineers read it out. */
export interface Tally {
  voters: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  /** blank or spoilt ballots: cast, so counted among the voters, but for nobody */
  invalid: number;
}

/**
 * What is wrong with a count, every reason at once: each ballot cast is for, against, an
 * abstention or invalid, so the four add up to the voters exactly; a count that does not is a
 * miscount to be read again, not a result.
 */
export function tallyProblems(t: Tally): Localized[] {
  const problems: Localized[] = [];
  const counts = [t.voters, t.votesFor, t.votesAgainst, t.abstentions, t.invalid];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) {
    problems.push({ zh: '票数须为不小于 0 的整数', en: 'every count must be a whole number, 0 or more' });
    return problems;
  }
  if (t.voters < 1) problems.push({ zh: '投票人数至少为 1', en: 'there must be at least one voter' });
  if (t.votesFor > t.voters) {
    problems.push({ zh: `同意票 ${t.votesFor} 多于投票人数 ${t.voters}`, en: `${t.votesFor} votes for is more than the ${t.voters} voters` });
  }
  const sum = t.votesFor + t.votesAgainst + t.abstentions + t.invalid;
  if (sum !== t.voters) {
    problems.push({
      zh: `同意、不同意、弃权和无效票合计 ${sum} 张，与投票人数 ${t.voters} 不符`,
      en: `for, against, abstentions and invalid ballots add up to ${sum}, not the ${t.voters} voters`,
    });
  }
  return problems;
}

export interface BallotOutcome {
  needed: number;
  passed: boolean;
}

/** Pass or fail under the fraction; the tally must have no problems (tallyProblems). */
export function ballotOutcome(t: Tally, fraction: VoteFraction): BallotOutcome {
  const needed = votesNeeded(t.voters, fraction);
  return { needed, passed: t.votesFor >= needed };
}
