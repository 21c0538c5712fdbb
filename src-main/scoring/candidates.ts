import type { ApplicantKind } from '../domain/vocabulary.js';
import type { CandidateEntry, EditionResults, EffectiveRules, PerKind, RankingEntry } from '../domain/types.js';
import { toCenti } from './centi.js';
import { KIND_ORDER } from './ranking.js';

export interface TieAtCap {
  kind: ApplicantKind;
  level: 'award' | 'nomination';
  applicantIds: string[];
  placesLeft: number;
}

export interface CandidateOutcome {
  entries: CandidateEntry[];
  unfilled: EditionResults['candidates']['unfilled'];
  ties: TieAtCap[];
}

/** Groups of genuinely tied applicants (same rank), in rank order. */
function rankGroups(ranked: RankingEntry[]): RankingEntry[][] {
  const groups: RankingEntry[][] = [];
  for (const entry of ranked) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.rank === entry.rank) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/**
 * Award and nomination candidate lists, per applicant kind, in rank order: an applicant is an
 * award candidate at or above the award floor while award places last, then a nomination
 * candidate at or above the nomination floor while nomination places last. Places may stay
 * empty (every regulation allows it). A tied group that straddles a cap is not placed by the
 * program: all of it is marked 'tie-at-cap' for the committee, and the members the committee
 * does not pick for the award are counted into the first nomination places.
 */
export function selectCandidates(rules: EffectiveRules, ranking: RankingEntry[]): CandidateOutcome {
  const status = new Map<string, CandidateEntry['status']>();
  const ties: TieAtCap[] = [];
  const unfilled: { award: PerKind<number>; nomination: PerKind<number> } = {
    award: { unit: 0, individual: 0 },
    nomination: { unit: 0, individual: 0 },
  };
  const floorCenti = (floor: number | null): number => (floor ?? 0) * rules.totalPoints;

  for (const kind of KIND_ORDER) {
    let awardLeft = rules.caps.award[kind];
    let nominationLeft = rules.caps.nomination[kind];
    const ranked = ranking.filter((e) => e.applicant.kind === kind && e.weightedTotal !== null && e.rank !== null);
    for (const group of rankGroups(ranked)) {
      const ids = group.map((e) => e.applicant.id);
      const centi = toCenti(group[0]?.weightedTotal ?? 0);
      const meetsAward = centi >= floorCenti(rules.floors.award);
      const meetsNomination = centi >= floorCenti(rules.floors.nomination);
      const mark = (s: CandidateEntry['status']): void => ids.forEach((id) => status.set(id, s));

      if (meetsAward && awardLeft > 0) {
        if (ids.length <= awardLeft) {
          mark('award');
          awardLeft -= ids.length;
        } else {
          mark('tie-at-cap');
          ties.push({ kind, level: 'award', applicantIds: ids, placesLeft: awardLeft });
          if (meetsNomination) nominationLeft = Math.max(0, nominationLeft - (ids.length - awardLeft));
          awardLeft = 0;
        }
      } else if (meetsNomination && nominationLeft > 0) {
        if (ids.length <= nominationLeft) {
          mark('nomination');
          nominationLeft -= ids.length;
        } else {
          mark('tie-at-cap');
          ties.push({ kind, level: 'nomination', applicantIds: ids, placesLeft: nominationLeft });
          nominationLeft = 0;
        }
      } else {
        mark(meetsAward || meetsNomination ? 'not-placed' : 'below-floor');
      }
    }
    unfilled.award[kind] = awardLeft;
    unfilled.nomination[kind] = nominationLeft;
  }

  const entries = ranking.map(
    (e): CandidateEntry => ({
      applicantId: e.applicant.id,
      kind: e.applicant.kind,
      status: status.get(e.applicant.id) ?? 'not-placed',
    }),
  );
  return { entries, unfilled, ties };
}
