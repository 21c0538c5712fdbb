import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEditionResults, type EditionResults } from '../../../src-main/scoring/results.js';
import { stageResult } from '../../../src-main/scoring/panel.js';
import { sheetTotal } from '../../../src-main/scoring/sheet.js';
import { buildEdition, editionArb, expertArb, percentsOf, type BuiltEdition } from '../helpers/arbitrary.js';
import { applicant, expertsOf, gbt, rulesFor, seat, sheet, uniform } from '../helpers/edition.js';

const run = (e: BuiltEdition): EditionResults => computeEditionResults({ framework: gbt, experts: expertsOf(e.seats), ...e });

describe('invariants of aggregation and ranking', () => {
  it('trimming drops exactly one lowest and one highest total, and the trimmed mean lies between them', () => {
    const rules = rulesFor('xinyang-2022', { trim: { enabled: true, minPanelSize: 3 } });
    const a = applicant('P-01');
    fc.assert(
      fc.property(fc.array(expertArb, { minLength: 3, maxLength: 7 }), (experts) => {
        const ids = experts.map((_, i) => `x${i}`);
        const sheets = experts.map((x, i) => sheet(ids[i]!, a, 'site', percentsOf(x)));
        const r = stageResult(rules, gbt, seat(a, 'site', ids), sheets);
        const totals = r.expertTotals.map((t) => t.total);
        const lo = Math.min(...totals);
        const hi = Math.max(...totals);
        expect(r.trimmed).toBe(true);
        const dropped = r.droppedExpertIds.map((id) => r.expertTotals.find((t) => t.expertId === id)!.total);
        expect(dropped.sort((x, y) => x - y)).toEqual([lo, hi]);
        expect(r.panelScore!).toBeGreaterThanOrEqual(lo);
        expect(r.panelScore!).toBeLessThanOrEqual(hi);
        const kept = r.expertTotals.filter((t) => !r.droppedExpertIds.includes(t.expertId)).map((t) => t.total);
        expect(r.panelScore!).toBeGreaterThanOrEqual(Math.min(...kept));
        expect(r.panelScore!).toBeLessThanOrEqual(Math.max(...kept));
      }),
    );
  });

  it('trimming never uses the dropped extremes: pushing them further out changes nothing', () => {
    const rules = rulesFor('xinyang-2022', { trim: { enabled: true, minPanelSize: 3 } });
    const a = applicant('P-01');
    fc.assert(
      fc.property(fc.array(expertArb, { minLength: 3, maxLength: 7 }), (experts) => {
        const ids = experts.map((_, i) => `x${i}`);
        const sheets = experts.map((x, i) => sheet(ids[i]!, a, 'site', percentsOf(x)));
        const s = seat(a, 'site', ids);
        const before = stageResult(rules, gbt, s, sheets);
        const [low, high] = [...before.expertTotals].sort((x, y) => x.total - y.total || (x.expertId < y.expertId ? -1 : 1)).filter(
          (t, i, all) => i === 0 || i === all.length - 1,
        );
        const pushed = sheets.map((x) =>
          x.expertId === low!.expertId ? { ...x, percents: uniform(0, 0) } : x.expertId === high!.expertId ? { ...x, percents: uniform(100, 100) } : x,
        );
        expect(stageResult(rules, gbt, s, pushed).panelScore).toBe(before.panelScore);
      }),
    );
  });

  it('keeps every total, panel score and weighted total within 0..totalPoints', () => {
    fc.assert(
      fc.property(editionArb, (spec) => {
        const r = run(buildEdition(spec));
        for (const sr of r.stageResults) {
          for (const t of sr.expertTotals) expect(t.total).toBeGreaterThanOrEqual(0);
          for (const t of sr.expertTotals) expect(t.total).toBeLessThanOrEqual(1000);
          if (sr.panelScore !== null) expect(sr.panelScore).toBeGreaterThanOrEqual(0);
          if (sr.panelScore !== null) expect(sr.panelScore).toBeLessThanOrEqual(1000);
        }
        for (const e of r.ranking) {
          if (e.weightedTotal === null) continue;
          expect(e.weightedTotal).toBeGreaterThanOrEqual(0);
          expect(e.weightedTotal).toBeLessThanOrEqual(r.rules.totalPoints);
        }
      }),
    );
  });

  it('never exceeds a cap, per applicant kind', () => {
    fc.assert(
      fc.property(editionArb, (spec) => {
        const r = run(buildEdition(spec));
        for (const kind of ['unit', 'individual'] as const) {
          const count = (s: string): number => r.candidates.entries.filter((e) => e.kind === kind && e.status === s).length;
          expect(count('award')).toBeLessThanOrEqual(r.rules.caps.award[kind]);
          expect(count('nomination')).toBeLessThanOrEqual(r.rules.caps.nomination[kind]);
          expect(count('award') + r.candidates.unfilled.award[kind]).toBeLessThanOrEqual(r.rules.caps.award[kind]);
        }
      }),
    );
  });

  it('makes nobody below a floor a candidate, and no nomination candidate outscores an award candidate', () => {
    fc.assert(
      fc.property(editionArb, (spec) => {
        const r = run(buildEdition(spec));
        const total = new Map(r.ranking.map((e) => [e.applicant.id, e.weightedTotal]));
        const { award, nomination } = r.rules.floors;
        for (const c of r.candidates.entries) {
          const t = total.get(c.applicantId);
          if (c.status === 'award') expect(t!).toBeGreaterThanOrEqual(((award ?? 0) * r.rules.totalPoints) / 100);
          if (c.status === 'nomination') expect(t!).toBeGreaterThanOrEqual(((nomination ?? 0) * r.rules.totalPoints) / 100);
          if (c.status === 'below-floor') expect(t!).toBeLessThan(((nomination ?? 0) * r.rules.totalPoints) / 100);
        }
        for (const kind of ['unit', 'individual'] as const) {
          const of = (s: string): number[] =>
            r.candidates.entries.filter((c) => c.kind === kind && c.status === s).map((c) => total.get(c.applicantId)!);
          if (of('award').length && of('nomination').length) {
            expect(Math.min(...of('award'))).toBeGreaterThan(Math.max(...of('nomination')) - 0.001);
          }
        }
      }),
    );
  });

  it('ranks in competition order: higher totals first, equal ranks only for genuine ties', () => {
    fc.assert(
      fc.property(editionArb, (spec) => {
        const r = run(buildEdition(spec));
        for (const kind of ['unit', 'individual'] as const) {
          const ranked = r.ranking.filter((e) => e.applicant.kind === kind && e.rank !== null);
          ranked.forEach((e, i) => {
            const prev = ranked[i - 1];
            if (!prev) return expect(e.rank).toBe(1);
            expect(e.weightedTotal!).toBeLessThanOrEqual(prev.weightedTotal!);
            if (e.rank === prev.rank) {
              expect(e.weightedTotal).toBe(prev.weightedTotal);
              expect(e.tied && prev.tied).toBe(true);
            } else {
              expect(e.rank).toBe(i + 1);
            }
          });
        }
      }),
    );
  });

  it('shortlists by score: nobody left out outscores anybody kept, and a longer list means a tie at the cut', () => {
    fc.assert(
      fc.property(editionArb, (spec) => {
        const r = run(buildEdition(spec));
        if (!r.shortlist || !r.rules.shortlist) return;
        const stage = r.rules.shortlist.afterStage;
        const score = (id: string): number | null =>
          r.stageResults.find((s) => s.applicantId === id && s.stage === stage)?.panelScore ?? null;
        const kept = r.shortlist.applicantIds.map(score) as number[];
        const left = r.ranking
          .filter((e) => !r.shortlist!.applicantIds.includes(e.applicant.id))
          .map((e) => score(e.applicant.id))
          .filter((s): s is number => s !== null);
        if (kept.length && left.length) expect(Math.min(...kept)).toBeGreaterThan(Math.max(...left));
        expect(r.shortlist.applicantIds.length > r.shortlist.size).toBe(r.shortlist.tieAtCut);
        expect(r.shortlist.applicantIds.length).toBeGreaterThanOrEqual(Math.min(r.shortlist.size, kept.length + left.length));
      }),
    );
  });

  it('does not depend on the order applicants, panels and sheets arrive in', () => {
    fc.assert(
      fc.property(editionArb, fc.gen(), (spec, g) => {
        const e = buildEdition(spec);
        const shuffled: BuiltEdition = {
          rules: e.rules,
          applicants: g(fc.shuffledSubarray, e.applicants, { minLength: e.applicants.length }),
          seats: g(fc.shuffledSubarray, e.seats, { minLength: e.seats.length }).map((s) => ({
            ...s,
            memberIds: g(fc.shuffledSubarray, s.memberIds, { minLength: s.memberIds.length }),
          })),
          sheets: g(fc.shuffledSubarray, e.sheets, { minLength: e.sheets.length }),
        };
        expect(run(shuffled)).toEqual(run(e));
      }),
    );
  });

  it('is monotone: raising one item of one expert never lowers that applicant\'s total or rank', () => {
    fc.assert(
      fc.property(editionArb, fc.nat(), fc.nat(), (spec, pickSheet, pickItem) => {
        const e = buildEdition(spec);
        if (e.sheets.length === 0) return;
        const target = e.sheets[pickSheet % e.sheets.length]!;
        const codes = Object.keys(target.percents).filter((c) => target.percents[c]! < 100);
        if (codes.length === 0) return;
        const code = codes[pickItem % codes.length]!;
        const raised = { ...target, percents: { ...target.percents, [code]: target.percents[code]! + 5 } };
        expect(sheetTotal(gbt, raised.percents)).toBeGreaterThan(sheetTotal(gbt, target.percents));
        const before = run(e).ranking.find((x) => x.applicant.id === target.applicantId)!;
        const after = run({ ...e, sheets: e.sheets.map((s) => (s === target ? raised : s)) }).ranking.find(
          (x) => x.applicant.id === target.applicantId,
        )!;
        if (before.weightedTotal === null) return;
        expect(after.weightedTotal).not.toBeNull();
        expect(after.weightedTotal!).toBeGreaterThanOrEqual(before.weightedTotal);
        expect(after.rank!).toBeLessThanOrEqual(before.rank!);
      }),
    );
  });
});
