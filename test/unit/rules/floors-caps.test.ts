import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RankingEntry } from '../../../src-main/domain/scores.js';
import { AWARD_LEVELS, KIND_ORDER, type ApplicantKind, type AwardLevel } from '../../../src-main/domain/words.js';
import { placeableLevels } from '../../../src-main/rules/eligibility.js';
import { selectCandidates, type Caps, type EligibleLevels, type Floors } from '../../../src-main/rules/floors-caps.js';
import { applicant } from '../helpers/edition.js';

/** A ranking like the results give: per kind, competition ranks (1, 2, 2, 4) by total. */
function rankingOf(rows: readonly { code: string; total: number; kind?: ApplicantKind }[]): RankingEntry[] {
  return KIND_ORDER.flatMap((kind) => {
    const ofKind = rows.filter((r) => (r.kind ?? 'unit') === kind).sort((x, y) => y.total - x.total || (x.code < y.code ? -1 : 1));
    return ofKind.map((r) => ({
      applicant: applicant(r.code, kind),
      stageScores: {},
      weightedTotal: r.total,
      rank: ofKind.findIndex((x) => x.total === r.total) + 1,
      tied: ofKind.filter((x) => x.total === r.total).length > 1,
      shortlisted: null,
    }));
  });
}

// Xinyang 2022: 2 awards, 3 nominations; the floor set as a percentage of 1000 points
const XINYANG = { floors: { award: 60, nomination: 60 } satisfies Floors, caps: { award: { unit: 2, individual: 0 }, nomination: { unit: 3, individual: 0 } } satisfies Caps, totalPoints: 1000 };
const only = (level: AwardLevel) => placeableLevels(level);

describe('award places go only to applicants eligible for the award', () => {
  const ranking = rankingOf([
    { code: 'XY-01', total: 900 },
    { code: 'XY-02', total: 850 },
    { code: 'XY-03', total: 800 },
    { code: 'XY-04', total: 750 },
    { code: 'XY-05', total: 700 },
    { code: 'XY-06', total: 650 },
  ]);
  const statusOf = (eligible: EligibleLevels) => Object.fromEntries(selectCandidates(XINYANG, ranking, eligible).entries.map((e) => [e.applicantId, [e.status, e.passedOver ?? []]]));

  it('passes over the first-ranked applicant found eligible for the nomination only: the award goes to the next two, it takes the first nomination place', () => {
    const eligible = new Map([['id-XY-01', only('nomination')], ...['02', '03', '04', '05', '06'].map((n) => [`id-XY-${n}`, only('award')] as const)]);
    expect(statusOf(eligible)).toEqual({
      'id-XY-01': ['nomination', ['award']],
      'id-XY-02': ['award', []],
      'id-XY-03': ['award', []],
      'id-XY-04': ['nomination', []],
      'id-XY-05': ['nomination', []],
      'id-XY-06': ['not-placed', []],
    });
  });

  it('does not pass over a nomination-only applicant whose rank the award places never reached', () => {
    const eligible = new Map([['id-XY-04', only('nomination')]]);
    const c = selectCandidates(XINYANG, ranking, eligible);
    expect(c.entries.map((e) => [e.status, e.passedOver ?? []])).toEqual([
      ['award', []],
      ['award', []],
      ['nomination', []],
      ['nomination', []],
      ['nomination', []],
      ['not-placed', []],
    ]);
    expect(c.entries.find((e) => e.applicantId === 'id-XY-04')).toMatchObject({ levels: ['nomination'] });
  });

  it('places an applicant the check has not found eligible at no level, and lets the next ones up', () => {
    const c = selectCandidates(XINYANG, ranking, new Map([['id-XY-02', []]]));
    expect(c.entries.map((e) => [e.applicantId, e.status, e.passedOver ?? []])).toEqual([
      ['id-XY-01', 'award', []],
      ['id-XY-02', 'not-placed', ['award', 'nomination']],
      ['id-XY-03', 'award', []],
      ['id-XY-04', 'nomination', []],
      ['id-XY-05', 'nomination', []],
      ['id-XY-06', 'nomination', []],
    ]);
  });

  it('keeps a nomination-only applicant out of a tie at the award cap it could not take, and considers it for the nomination', () => {
    const tied = rankingOf([
      { code: 'XY-01', total: 900 },
      { code: 'XY-02', total: 800 },
      { code: 'XY-03', total: 800 },
      { code: 'XY-04', total: 800 },
    ]);
    const c = selectCandidates(XINYANG, tied, new Map([['id-XY-04', only('nomination')]]));
    expect(c.ties).toEqual([{ kind: 'unit', level: 'award', applicantIds: ['id-XY-02', 'id-XY-03'], placesLeft: 1 }]);
    expect(c.entries.map((e) => [e.applicantId, e.status])).toEqual([
      ['id-XY-01', 'award'],
      ['id-XY-02', 'tie-at-cap'],
      ['id-XY-03', 'tie-at-cap'],
      ['id-XY-04', 'nomination'],
    ]);
    // the tie's loser goes to the first nomination place, the nomination-only applicant to the next
    expect(c.unfilled.nomination.unit).toBe(1);
  });

  it('says nothing of eligibility below the floor, nor where the edition does not use the check', () => {
    const low = rankingOf([{ code: 'XY-01', total: 500 }]);
    expect(selectCandidates(XINYANG, low, new Map([['id-XY-01', only('nomination')]])).entries).toEqual([{ applicantId: 'id-XY-01', kind: 'unit', status: 'below-floor', levels: ['nomination'] }]);
    expect(selectCandidates(XINYANG, ranking).entries.every((e) => e.levels === undefined && e.passedOver === undefined)).toBe(true);
  });
});

describe('eligible levels, whatever the ranking, the caps and the floors', () => {
  const levelsArb = fc.constantFrom<readonly AwardLevel[] | null>(null, [], ['nomination'], ['award'], ['award', 'nomination']);
  const caseArb = fc.record({
    rows: fc.array(fc.record({ total: fc.constantFrom(450, 500, 550, 600, 650, 700, 750, 800), individual: fc.boolean(), levels: levelsArb }), { minLength: 1, maxLength: 14 }),
    caps: fc.record({ award: fc.record({ unit: fc.nat(4), individual: fc.nat(3) }), nomination: fc.record({ unit: fc.nat(5), individual: fc.nat(3) }) }),
    floors: fc.constantFrom<Floors>({ award: null, nomination: null }, { award: 60, nomination: 50 }, { award: 60, nomination: 60 }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (c: Case) => {
    const rows = c.rows.map((r, i) => ({ code: `A-${String(i).padStart(2, '0')}`, total: r.total, kind: (r.individual ? 'individual' : 'unit') as ApplicantKind, levels: r.levels }));
    const eligible: EligibleLevels = new Map(rows.flatMap((r) => (r.levels ? [[`id-${r.code}`, r.levels] as const] : [])));
    const rules = { floors: c.floors, caps: c.caps, totalPoints: 1000 };
    const ranking = rankingOf(rows);
    return { rules, ranking, eligible, outcome: selectCandidates(rules, ranking, eligible) };
  };
  const may = (eligible: EligibleLevels, id: string, level: AwardLevel) => (eligible.get(id) ?? AWARD_LEVELS).includes(level);

  it('never places an applicant, nor ties it, at a level it is not eligible for, and passes it over only for such a level', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { eligible, outcome } = build(c);
        for (const e of outcome.entries) {
          if (e.status === 'award' || e.status === 'nomination') expect(may(eligible, e.applicantId, e.status)).toBe(true);
          for (const level of e.passedOver ?? []) expect(may(eligible, e.applicantId, level)).toBe(false);
        }
        for (const t of outcome.ties) for (const id of t.applicantIds) expect(may(eligible, id, t.level)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('still keeps within every cap, per level and kind', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rules, outcome } = build(c);
        for (const kind of KIND_ORDER) {
          for (const level of AWARD_LEVELS) {
            const placed = outcome.entries.filter((e) => e.kind === kind && e.status === level).length;
            expect(placed).toBeLessThanOrEqual(rules.caps[level][kind]);
            expect(outcome.unfilled[level][kind]).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no place of a level empty while an eligible applicant at or above its floor goes without one', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rules, ranking, eligible, outcome } = build(c);
        const statusOf = new Map(outcome.entries.map((e) => [e.applicantId, e.status]));
        for (const kind of KIND_ORDER) {
          for (const level of AWARD_LEVELS) {
            if (outcome.unfilled[level][kind] === 0) continue;
            const floor = (rules.floors[level] ?? 0) * 10;
            for (const e of ranking.filter((x) => x.applicant.kind === kind && (x.weightedTotal ?? 0) >= floor && may(eligible, x.applicant.id, level))) {
              expect(['award', 'nomination', 'tie-at-cap']).toContain(statusOf.get(e.applicant.id));
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is what it was before eligibility counted when every applicant may take every level', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { rules, ranking } = build(c);
        const open: EligibleLevels = new Map(ranking.map((e) => [e.applicant.id, AWARD_LEVELS]));
        const strip = (o: ReturnType<typeof selectCandidates>) => ({ ...o, entries: o.entries.map(({ levels: _l, ...e }) => e) });
        expect(strip(selectCandidates(rules, ranking, open))).toEqual(selectCandidates(rules, ranking));
      }),
      { numRuns: 300 },
    );
  });
});
