import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotOutcome, tallyProblems, votesNeeded, type Tally } from '../../../src-main/rules/committee-vote.js';

/* Xinyang art. 21: "得票数应超过投票人数的三分之二（含三分之二）" — two thirds of the voters, included. */
const TWO_THIRDS = { numerator: 2, denominator: 3 };

const tally = (voters: number, votesFor: number, rest: Partial<Tally> = {}): Tally => {
  const votesAgainst = rest.votesAgainst ?? voters - votesFor - (rest.abstentions ?? 0) - (rest.invalid ?? 0);
  return { voters, votesFor, votesAgainst, abstentions: rest.abstentions ?? 0, invalid: rest.invalid ?? 0 };
};

describe('the two-thirds rule of the secret ballot', () => {
  it('needs exactly two thirds when the voters divide by three, and the next vote up otherwise', () => {
    expect([3, 6, 9, 10, 11, 12, 13, 15].map((n) => votesNeeded(n, TWO_THIRDS))).toEqual([2, 4, 6, 7, 8, 8, 9, 10]);
  });

  it('passes at the boundary and fails one vote below it', () => {
    expect(ballotOutcome(tally(9, 6), TWO_THIRDS)).toEqual({ needed: 6, passed: true });
    expect(ballotOutcome(tally(9, 5), TWO_THIRDS)).toEqual({ needed: 6, passed: false });
    expect(ballotOutcome(tally(10, 7), TWO_THIRDS)).toEqual({ needed: 7, passed: true });
    expect(ballotOutcome(tally(10, 6), TWO_THIRDS)).toEqual({ needed: 7, passed: false });
    expect(ballotOutcome(tally(12, 8), TWO_THIRDS)).toEqual({ needed: 8, passed: true });
    expect(ballotOutcome(tally(12, 7), TWO_THIRDS)).toEqual({ needed: 8, passed: false });
  });

  it('counts abstentions and spoilt ballots among the voters, so they weigh against passing', () => {
    // 9 ballots, 6 for: passes; the same 6 for among 10 ballots, one of them blank, does not
    expect(ballotOutcome(tally(9, 6, { abstentions: 3 }), TWO_THIRDS).passed).toBe(true);
    expect(ballotOutcome(tally(10, 6, { votesAgainst: 0, abstentions: 3, invalid: 1 }), TWO_THIRDS).passed).toBe(false);
  });

  it('refuses counts that do not add up, saying why', () => {
    expect(tallyProblems(tally(9, 6))).toEqual([]);
    expect(tallyProblems({ voters: 9, votesFor: 6, votesAgainst: 2, abstentions: 0, invalid: 0 }).map((p) => p.zh)).toEqual([
      '同意、不同意、弃权和无效票合计 8 张，与投票人数 9 不符',
    ]);
    expect(tallyProblems({ voters: 9, votesFor: 10, votesAgainst: 0, abstentions: 0, invalid: 0 }).map((p) => p.en)).toEqual([
      '10 votes for is more than the 9 voters',
      'for, against, abstentions and invalid ballots add up to 10, not the 9 voters',
    ]);
    expect(tallyProblems({ voters: 0, votesFor: 0, votesAgainst: 0, abstentions: 0, invalid: 0 }).map((p) => p.en)).toEqual(['there must be at least one voter']);
    expect(tallyProblems({ voters: 9, votesFor: -1, votesAgainst: 10, abstentions: 0, invalid: 0 })).toHaveLength(1);
    expect(tallyProblems({ voters: 9, votesFor: 6.5, votesAgainst: 2.5, abstentions: 0, invalid: 0 })).toHaveLength(1);
  });

  it('needs the least whole number of votes reaching the fraction, never more than the voters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10 }), (voters, a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const v = votesNeeded(voters, { numerator, denominator });
        expect(v * denominator).toBeGreaterThanOrEqual(voters * numerator);
        expect((v - 1) * denominator).toBeLessThan(voters * numerator);
        expect(v).toBeLessThanOrEqual(voters);
        expect(v).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('passes a count if and only if the votes for reach two thirds, and one more vote for never fails it', () => {
    const counts = fc
      .tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40))
      .filter(([f, a, s, i]) => f + a + s + i > 0)
      .map(([votesFor, votesAgainst, abstentions, invalid]) => ({ voters: votesFor + votesAgainst + abstentions + invalid, votesFor, votesAgainst, abstentions, invalid }));
    fc.assert(
      fc.property(counts, (t) => {
        expect(tallyProblems(t)).toEqual([]);
        const { passed } = ballotOutcome(t, TWO_THIRDS);
        expect(passed).toBe(3 * t.votesFor >= 2 * t.voters);
        if (passed && t.votesAgainst > 0) {
          expect(ballotOutcome({ ...t, votesFor: t.votesFor + 1, votesAgainst: t.votesAgainst - 1 }, TWO_THIRDS).passed).toBe(true);
        }
      }),
    );
  });
});
