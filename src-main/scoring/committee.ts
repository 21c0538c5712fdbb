import type { AwardList, AwardListEntry, BallotTally, CommitteeTie, CommitteeView, Confirmation, ShortlistState, SnapshotEntry, TieSettlement } from '../domain/committee.js';
import type { Localized } from '../domain/localized.js';
import type { ApplicantRef } from '../domain/people.js';
import type { CandidateEntry, RankingEntry } from '../domain/scores.js';
import { AWARD_LEVEL_NAMES, KIND_ORDER, type ApplicantKind, type AwardLevel, type NoticeKind } from '../domain/words.js';
import { eligibleForWords } from '../rules/eligibility.js';
import { selectCandidates, type EligibleLevels, type TieAtCap } from '../rules/floors-caps.js';
import type { VoteFraction } from '../rules/committee-vote.js';
import type { EditionResults } from './results.js';

/**
 * The committee's decision from the results and what the committee recorded: the shortlist with a
 * tie at its cut settled, the candidates with ties at caps settled (each settled group placed in
 * the committee's order under the same caps, floors and eligible levels of rules/floors-caps.ts,
 * an applicant passed over for a level it is not eligible for named with the reason), and,
 * where the regulation votes (Xinyang art. 21), only the candidates whose ballot passed. A
 * candidate the ballot did not pass leaves its place empty: no regulation moves the next one up.
 * Pure: the store's records in, the committee's view out.
 */
export interface CommitteeRecords {
  editionId: string;
  results: EditionResults;
  vote: VoteFraction | null;
  /** oldest first: a later settlement of the same tie replaces an earlier one */
  settlements: TieSettlement[];
  /** the latest count per applicant */
  tallies: BallotTally[];
  shortlistConfirmation: Confirmation | null;
  awardListConfirmation: Confirmation | null;
}

export function tieKey(t: { scope: string; level: string | null; kind: string | null; applicantIds: readonly string[] }): string {
  return [t.scope, t.level ?? '', t.kind ?? '', [...t.applicantIds].sort().join(',')].join('|');
}

const settlementKey = (s: TieSettlement): string => tieKey({ ...s, applicantIds: s.order });

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && new Set([...a, ...b]).size === a.length;

interface ShortlistOutcome {
  state: ShortlistState;
  tie: CommitteeTie | null;
  /** applicants the committee's settlement left off */
  cut: Set<string>;
  settlementKey: string | null;
}

function shortlistOutcome(r: CommitteeRecords, refs: Map<string, ApplicantRef>, settled: Map<string, TieSettlement>): ShortlistOutcome | null {
  const shortlist = r.results.shortlist;
  if (!shortlist) return null;
  const tied = r.results.flags.filter((f) => f.code === 'tie-at-shortlist' && f.applicantId).map((f) => f.applicantId as string);
  const places = shortlist.size - (shortlist.applicantIds.length - tied.length);
  const key = tied.length > 0 ? tieKey({ scope: 'shortlist', level: null, kind: null, applicantIds: tied }) : null;
  const settlement = key ? (settled.get(key) ?? null) : null;
  const kept = new Set(settlement ? settlement.order.slice(0, places) : tied);
  const ids = shortlist.applicantIds.filter((id) => !tied.includes(id) || kept.has(id));
  const confirmation = r.shortlistConfirmation;
  const refOf = (id: string): ApplicantRef[] => {
    const a = refs.get(id);
    return a ? [a] : [];
  };
  return {
    state: {
      applicants: ids.flatMap(refOf),
      size: shortlist.size,
      confirmation,
      matches: confirmation ? sameSet(confirmation.snapshot.map((e) => e.applicantId), ids) : null,
    },
    tie: tied.length > 0 ? { scope: 'shortlist', level: null, kind: null, applicants: tied.flatMap(refOf), places, settlement } : null,
    cut: new Set(tied.filter((id) => !kept.has(id))),
    settlementKey: settlement ? key : null,
  };
}

/** selectCandidates reads the ranking in its order: kind, then rank, the unranked last. */
function inRankOrder(ranking: RankingEntry[]): RankingEntry[] {
  const at = (e: RankingEntry): number => KIND_ORDER.indexOf(e.applicant.kind) * 1e6 + (e.rank ?? 1e6 - 1);
  return ranking.map((e, i) => ({ e, i })).sort((x, y) => at(x.e) - at(y.e) || x.i - y.i).map((x) => x.e);
}

const capTieKey = (t: TieAtCap): string => tieKey({ scope: 'cap', level: t.level, kind: t.kind, applicantIds: t.applicantIds });

/** The levels the eligibility check allowed each applicant, as the results chose the candidates under them. */
function eligibleLevelsOf(results: EditionResults): EligibleLevels {
  return new Map(results.candidates.entries.flatMap((c) => (c.levels ? [[c.applicantId, c.levels] as const] : [])));
}

/** The candidates with every settled tie at a cap placed in the committee's order. */
function settledCandidates(r: CommitteeRecords, ranking: RankingEntry[], settled: Map<string, TieSettlement>) {
  const ties: CommitteeTie[] = [];
  const applied = new Set<string>();
  const refs = new Map(ranking.map((e) => [e.applicant.id, e.applicant]));
  const tieOf = (t: TieAtCap, settlement: TieSettlement | null): CommitteeTie => ({
    scope: 'cap',
    level: t.level,
    kind: t.kind,
    applicants: t.applicantIds.flatMap((id) => refs.get(id) ?? []),
    places: t.placesLeft,
    settlement,
  });
  let current = ranking;
  const eligible = eligibleLevelsOf(r.results);
  // placing one settled group can shift the places left at the next tie, so settle one at a time
  for (;;) {
    const outcome = selectCandidates(r.results.rules, current, eligible);
    const next = outcome.ties.find((t) => settled.has(capTieKey(t)) && !applied.has(capTieKey(t)));
    if (!next) {
      ties.push(...outcome.ties.map((t) => tieOf(t, null)));
      return { outcome, ranking: current, ties, applied };
    }
    const settlement = settled.get(capTieKey(next)) as TieSettlement;
    applied.add(capTieKey(next));
    ties.push(tieOf(next, settlement));
    current = inRankOrder(
      current.map((e) => {
        const at = settlement.order.indexOf(e.applicant.id);
        return at < 0 || e.rank === null ? e : { ...e, rank: e.rank + at, tied: false };
      }),
    );
  }
}

const points = (n: number): string => n.toFixed(2);

const rankWords = (e: RankingEntry): Localized => ({
  zh: `综合排名第 ${e.rank} 名（加权总分 ${points(e.weightedTotal ?? 0)}）`,
  en: `ranked ${e.rank} (weighted total ${points(e.weightedTotal ?? 0)})`,
});

/** Why an applicant is not a candidate at a level its rank reached. */
function passedOverReason(e: RankingEntry, level: AwardLevel, levels: readonly AwardLevel[]): Localized {
  const rank = rankWords(e);
  const why = eligibleForWords(levels);
  const name = AWARD_LEVEL_NAMES[level];
  return {
    zh: `${rank.zh}，在${name.zh}名额内，但${why.zh}，不列入${name.zh}候选名单，该名额由排名其后、符合条件的申报单位获得`,
    en: `${rank.en}, within the ${name.en} places, but ${why.en}: it is not a candidate for the ${name.en}, and the place goes to the next eligible applicant`,
  };
}

function basisOf(e: RankingEntry, level: AwardLevel, candidate: CandidateEntry | undefined, settlement: TieSettlement | null, tally: BallotTally | null): Localized {
  const rank = rankWords(e);
  const parts: Localized[] = [{ zh: `${rank.zh}，列入${AWARD_LEVEL_NAMES[level].zh}候选名单`, en: `${rank.en}, a ${AWARD_LEVEL_NAMES[level].en} candidate` }];
  for (const over of candidate?.passedOver ?? []) {
    const why = eligibleForWords(candidate?.levels ?? []);
    parts.push({ zh: `${why.zh}，未列入${AWARD_LEVEL_NAMES[over].zh}候选名单`, en: `${why.en}, so it is not a candidate for the ${AWARD_LEVEL_NAMES[over].en}` });
  }
  if (settlement) {
    parts.push({
      zh: `名额线上并列，经${settlement.meeting}（${settlement.method}）决定`,
      en: `tied at the cap, settled at the ${settlement.meeting} (${settlement.method})`,
    });
  }
  if (tally) {
    parts.push({
      zh: `无记名投票 ${tally.voters} 人，同意 ${tally.votesFor} 票（通过须 ${tally.needed} 票）`,
      en: `secret ballot: ${tally.votesFor} of ${tally.voters} voters for (${tally.needed} needed)`,
    });
  }
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

const codes = (as: readonly ApplicantRef[], sep: string): string => as.map((a) => a.code).join(sep);

export function snapshotOfList(entries: readonly AwardListEntry[]): SnapshotEntry[] {
  return entries.map((e) => ({ applicantId: e.applicant.id, level: e.level }));
}

function listMatches(confirmation: Confirmation, entries: readonly AwardListEntry[]): boolean {
  const key = (e: SnapshotEntry): string => `${e.applicantId}|${e.level ?? ''}`;
  return sameSet(confirmation.snapshot.map(key), snapshotOfList(entries).map(key));
}

export function committeeView(r: CommitteeRecords): CommitteeView {
  const settled = new Map<string, TieSettlement>();
  for (const s of r.settlements) settled.set(settlementKey(s), s);
  const refs = new Map(r.results.ranking.map((e) => [e.applicant.id, e.applicant]));
  const shortlist = shortlistOutcome(r, refs, settled);
  const ranking = r.results.ranking.filter((e) => !shortlist?.cut.has(e.applicant.id));
  const placed = settledCandidates(r, ranking, settled);
  const byId = new Map(placed.ranking.map((e) => [e.applicant.id, e]));
  const settlementOf = new Map(placed.ties.flatMap((t) => (t.settlement ? t.applicants.map((a) => [a.id, t.settlement] as const) : [])));
  const tallies = new Map(r.tallies.map((t) => [t.applicantId, t]));

  const candidateOf = new Map(placed.outcome.entries.map((c) => [c.applicantId, c]));
  const candidates = placed.outcome.entries
    .filter((c): c is typeof c & { status: AwardLevel } => c.status === 'award' || c.status === 'nomination')
    .flatMap((c) => {
      const e = byId.get(c.applicantId);
      return e ? [{ entry: e, level: c.status }] : [];
    })
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'award' ? -1 : 1) || KIND_ORDER.indexOf(a.entry.applicant.kind) - KIND_ORDER.indexOf(b.entry.applicant.kind) || (a.entry.rank ?? 0) - (b.entry.rank ?? 0));

  const pending: Localized[] = [];
  if (r.results.flags.some((f) => f.code === 'missing-sheets')) {
    pending.push({ zh: '评审结果尚未齐全（有评分表未交或评审组未安排），请先补齐。', en: 'The results are not complete (score sheets missing or panels not seated); complete them first.' });
  }
  if (shortlist && !shortlist.state.matches) {
    pending.push(
      shortlist.state.confirmation
        ? { zh: '入围名单在评委会确认后有变化，请评委会重新确认。', en: 'The shortlist changed after the committee confirmed it; have the committee confirm it again.' }
        : { zh: '评委会尚未确认入围名单，请记录确认。', en: 'The committee has not confirmed the shortlist; record its confirmation.' },
    );
  }
  for (const tie of placed.ties.filter((t) => !t.settlement)) {
    const level = tie.level ? AWARD_LEVEL_NAMES[tie.level] : { zh: '', en: '' };
    pending.push({
      zh: `${codes(tie.applicants, '、')} 在${level.zh}名额线上并列（剩 ${tie.places} 个名额），请记录评委会的决定。`,
      en: `${codes(tie.applicants, ', ')} are tied at the ${level.en} cap (${tie.places} places left); record the committee's decision.`,
    });
  }

  const entries: AwardListEntry[] = [];
  const excluded: AwardList['excluded'] = [];
  const filled = { award: { unit: 0, individual: 0 }, nomination: { unit: 0, individual: 0 } } satisfies Record<AwardLevel, Record<ApplicantKind, number>>;
  const untallied: ApplicantRef[] = [];
  for (const { entry, level } of candidates) {
    const tally = r.vote ? (tallies.get(entry.applicant.id) ?? null) : null;
    if (r.vote && !tally) {
      untallied.push(entry.applicant);
      continue;
    }
    if (tally && !tally.passed) {
      excluded.push({ applicant: entry.applicant, level, tally });
      continue;
    }
    const kind = entry.applicant.kind;
    filled[level][kind] += 1;
    const settlement = settlementOf.get(entry.applicant.id) ?? null;
    entries.push({
      applicant: entry.applicant,
      level,
      rank: entry.rank ?? 0,
      weightedTotal: entry.weightedTotal ?? 0,
      place: filled[level][kind],
      basis: basisOf(entry, level, candidateOf.get(entry.applicant.id), settlement, tally),
      settlementId: settlement?.id ?? null,
      tally,
    });
  }
  if (untallied.length > 0) {
    pending.push({
      zh: `尚未录入 ${codes(untallied, '、')} 的无记名投票结果。`,
      en: `The secret ballot's count is not yet entered for ${codes(untallied, ', ')}.`,
    });
  }
  const passedOver: AwardList['passedOver'] = placed.outcome.entries.flatMap((c) => {
    const e = byId.get(c.applicantId);
    return e ? (c.passedOver ?? []).map((level) => ({ applicant: e.applicant, level, reason: passedOverReason(e, level, c.levels ?? []) })) : [];
  });
  const caps = r.results.rules.caps;
  const unfilled = {
    award: { unit: caps.award.unit - filled.award.unit, individual: caps.award.individual - filled.award.individual },
    nomination: { unit: caps.nomination.unit - filled.nomination.unit, individual: caps.nomination.individual - filled.nomination.individual },
  };
  const confirmation = r.awardListConfirmation;
  const state = pending.length > 0 ? 'pending' : !confirmation ? 'ready' : listMatches(confirmation, entries) ? 'confirmed' : 'stale';
  if (state === 'stale') {
    pending.push({ zh: '拟奖名单在评委会确认后有变化，请评委会重新确认。', en: 'The proposed award list changed after the committee confirmed it; have the committee confirm it again.' });
  }

  const appliedKeys = new Set([...placed.applied, ...(shortlist?.settlementKey ? [shortlist.settlementKey] : [])]);
  return {
    shortlist: shortlist?.state ?? null,
    ties: [...(shortlist?.tie ? [shortlist.tie] : []), ...placed.ties],
    staleSettlements: [...settled.entries()].filter(([key]) => !appliedKeys.has(key)).map(([, s]) => s),
    ballot: r.vote
      ? { vote: r.vote, candidates: candidates.map(({ entry, level }) => ({ applicant: entry.applicant, level, tally: tallies.get(entry.applicant.id) ?? null })) }
      : null,
    awardList: { editionId: r.editionId, state, entries, pending, excluded, passedOver, unfilled, vote: r.vote, confirmation },
  };
}

/**
 * The committee's confirmation an award-list notice published: its last confirmation of the
 * award list recorded before the notice was issued, when that is the list the notice carries (the
 * store issues the award list only as the committee confirmed it). Null for any other notice.
 */
export function confirmationOfNotice(
  n: { kind: NoticeKind; issuedAt: string; entries: readonly { applicantId: string; designation: AwardLevel | null }[] },
  confirmations: readonly Confirmation[],
): string | null {
  if (n.kind !== 'award-list') return null;
  const last = confirmations.filter((c) => c.subject === 'award-list' && c.recordedAt <= n.issuedAt).at(-1);
  const key = (applicantId: string, level: AwardLevel | null): string => `${applicantId}|${level ?? ''}`;
  return last && sameSet(last.snapshot.map((e) => key(e.applicantId, e.level)), n.entries.map((e) => key(e.applicantId, e.designation))) ? last.id : null;
}
