import { z } from 'zod';
import { toCenti } from '../domain/centi.js';
import { perKind, type CandidateEntry, type PerKind, type RankingEntry } from '../domain/scores.js';
import { AWARD_LEVELS, KIND_ORDER, type ApplicantKind, type AwardLevel } from '../domain/words.js';
import type { Reasons } from './cite.js';

/**
 * Score floors (分数线) and caps (名额): an applicant is an award or nomination candidate only at
 * or above its floor, and only while places of its level and kind last. No regulation lets the
 * edition change them; every one lets places stay empty.
 */

const percent = z.number().int().min(0).max(100);
const count = z.number().int().min(0);

/** percent of full marks; null = no floor */
export const FloorsProfile = z.strictObject({ award: percent.nullable(), nomination: percent.nullable() });
export type Floors = z.infer<typeof FloorsProfile>;

/** per applicant kind; a kind the profile does not admit has cap 0 */
export const CapsProfile = z.strictObject({ award: perKind(count), nomination: perKind(count) });
export type Caps = z.infer<typeof CapsProfile>;

export function checkFloors(floors: Floors): Reasons {
  const reasons: Reasons = [];
  const { award, nomination } = floors;
  if (award !== null && nomination !== null && nomination > award) {
    reasons.push({
      zh: `提名奖分数线 ${nomination}% 高于市长质量奖分数线 ${award}%`,
      en: `the nomination floor ${nomination}% is above the award floor ${award}%`,
    });
  }
  if (award === null && nomination !== null) {
    reasons.push({
      zh: `提名奖设了分数线 ${nomination}%，市长质量奖却没有分数线`,
      en: `the nomination has a floor of ${nomination}% but the award has none`,
    });
  }
  return reasons;
}

/** A kind the profile does not admit gets no places. */
export function checkCaps(p: { caps: Caps; applicantKinds: readonly ApplicantKind[] }): Reasons {
  const reasons: Reasons = [];
  for (const kind of KIND_ORDER) {
    if (p.applicantKinds.includes(kind)) continue;
    if (p.caps.award[kind] !== 0 || p.caps.nomination[kind] !== 0) {
      reasons.push({
        zh: `本办法不受理${kind === 'unit' ? '单位' : '个人'}申报，其名额应为 0`,
        en: `the profile does not admit ${kind === 'unit' ? 'units' : 'individuals'}, so their caps must be 0`,
      });
    }
  }
  return reasons;
}

export interface TieAtCap {
  kind: ApplicantKind;
  level: 'award' | 'nomination';
  applicantIds: string[];
  placesLeft: number;
}

export interface CandidateOutcome {
  entries: CandidateEntry[];
  unfilled: { award: PerKind<number>; nomination: PerKind<number> };
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
 * The levels the eligibility check lets each applicant be placed at (rules/eligibility.ts); an
 * applicant it does not name may be placed at either (an edition that does not use the check).
 */
export type EligibleLevels = ReadonlyMap<string, readonly AwardLevel[]>;

/**
 * Award and nomination candidate lists, per applicant kind, in rank order: an applicant is an
 * award candidate at or above the award floor while award places last, then a nomination
 * candidate at or above the nomination floor while nomination places last. Places may stay
 * empty (every regulation allows it). A tied group that straddles a cap is not placed by the
 * program: all of it is marked 'tie-at-cap' for the committee, and the members the committee
 * does not pick for the award are counted into the first nomination places.
 *
 * Only an applicant eligible for a level takes a place at it. One whose rank and score reach a
 * level while its places last, but whom the check did not find eligible for it, is passed over
 * for that level: it is considered for the next level it is eligible for, and the place goes to
 * the next applicant in rank order who is eligible. It does not join a tie at a level it cannot
 * take.
 */
export function selectCandidates(rules: { floors: Floors; caps: Caps; totalPoints: number }, ranking: RankingEntry[], eligible: EligibleLevels = new Map()): CandidateOutcome {
  const status = new Map<string, CandidateEntry['status']>();
  const passedOver = new Map<string, AwardLevel[]>();
  const ties: TieAtCap[] = [];
  const unfilled: CandidateOutcome['unfilled'] = {
    award: { unit: 0, individual: 0 },
    nomination: { unit: 0, individual: 0 },
  };
  const floorCenti = (floor: number | null): number => (floor ?? 0) * rules.totalPoints;
  const may = (id: string, level: AwardLevel): boolean => (eligible.get(id) ?? AWARD_LEVELS).includes(level);
  const pass = (ids: readonly string[], level: AwardLevel): void => ids.forEach((id) => passedOver.set(id, [...(passedOver.get(id) ?? []), level]));
  const mark = (ids: readonly string[], s: CandidateEntry['status']): void => ids.forEach((id) => status.set(id, s));

  for (const kind of KIND_ORDER) {
    let awardLeft = rules.caps.award[kind];
    let nominationLeft = rules.caps.nomination[kind];
    const ranked = ranking.filter((e) => e.applicant.kind === kind && e.weightedTotal !== null && e.rank !== null);
    for (const group of rankGroups(ranked)) {
      let rest = group.map((e) => e.applicant.id);
      const centi = toCenti(group[0]?.weightedTotal ?? 0);
      const meetsAward = centi >= floorCenti(rules.floors.award);
      const meetsNomination = centi >= floorCenti(rules.floors.nomination);

      if (meetsAward && awardLeft > 0) {
        const ids = rest.filter((id) => may(id, 'award'));
        pass(rest.filter((id) => !ids.includes(id)), 'award');
        rest = rest.filter((id) => !ids.includes(id));
        if (ids.length <= awardLeft) {
          mark(ids, 'award');
          awardLeft -= ids.length;
        } else {
          mark(ids, 'tie-at-cap');
          ties.push({ kind, level: 'award', applicantIds: ids, placesLeft: awardLeft });
          const losers = Math.min(ids.length - awardLeft, ids.filter((id) => may(id, 'nomination')).length);
          if (meetsNomination) nominationLeft = Math.max(0, nominationLeft - losers);
          awardLeft = 0;
        }
      }
      if (rest.length > 0 && meetsNomination && nominationLeft > 0) {
        const ids = rest.filter((id) => may(id, 'nomination'));
        pass(rest.filter((id) => !ids.includes(id)), 'nomination');
        rest = rest.filter((id) => !ids.includes(id));
        if (ids.length <= nominationLeft) {
          mark(ids, 'nomination');
          nominationLeft -= ids.length;
        } else {
          mark(ids, 'tie-at-cap');
          ties.push({ kind, level: 'nomination', applicantIds: ids, placesLeft: nominationLeft });
          nominationLeft = 0;
        }
      }
      mark(rest, meetsAward || meetsNomination ? 'not-placed' : 'below-floor');
    }
    unfilled.award[kind] = awardLeft;
    unfilled.nomination[kind] = nominationLeft;
  }

  const entries = ranking.map((e): CandidateEntry => {
    const levels = eligible.get(e.applicant.id);
    const passed = passedOver.get(e.applicant.id);
    return {
      applicantId: e.applicant.id,
      kind: e.applicant.kind,
      status: status.get(e.applicant.id) ?? 'not-placed',
      ...(levels ? { levels: [...levels] } : {}),
      ...(passed ? { passedOver: passed } : {}),
    };
  });
  return { entries, unfilled, ties };
}
