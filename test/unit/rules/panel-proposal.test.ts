import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork } from '../../../src-main/rules/min-cost-flow.js';
import { panelLevel, proposePanels, type Proposal, type ProposalInput } from '../../../src-main/rules/panel-proposal.js';
import type { Industry } from '../../../src-main/domain/words.js';

/**
 * The panels the app proposes (issue 13, part 3), for every generated pool and applicant set: no
 * known conflict is assigned, sizes stay within bounds, and where no conflict or industry rule
 * forces otherwise the experts' loads differ by at most one — across the edition's stages where a
 * stage's applicants can make up what the others did (the proposal's doc comment says exactly
 * what is guaranteed; each property below is one part of it).
 */

const industry = fc.constantFrom<Industry>(1, 2, 3);

const input = (opts: { conflicts: boolean; byIndustry: boolean }) =>
  fc
    .record({
      experts: fc.array(fc.record({ industry: fc.option(industry, { nil: null }), load: fc.nat(5) }), { minLength: 0, maxLength: 24 }),
      applicants: fc.array(industry, { minLength: 0, maxLength: 30 }),
      min: fc.integer({ min: 1, max: 5 }),
      span: fc.nat(4),
      panels: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
      density: fc.double({ min: 0, max: 0.4, noNaN: true }),
      seed: fc.nat(),
    })
    .map((g): ProposalInput => {
      const experts = g.experts.map((e, i) => ({ id: `e${i}`, ...e }));
      const applicants = g.applicants.map((ind, i) => ({ id: `a${i}`, industry: ind }));
      let s = g.seed;
      const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const conflicts = opts.conflicts ? experts.flatMap((e) => applicants.filter(() => rnd() < g.density).map((a) => ({ expertId: e.id, applicantId: a.id }))) : [];
      return { experts, applicants, conflicts, size: { min: g.min, max: g.min + g.span }, byIndustry: opts.byIndustry, panels: g.panels };
    });

const loadOf = (i: ProposalInput) => (id: string) => i.experts.find((e) => e.id === id)?.load ?? 0;

/** each seated expert's load before the stage plus the applicants their panel gets in it */
function totals(i: ProposalInput, p: Proposal): Map<string, number> {
  const out = new Map<string, number>();
  for (const panel of p.panels) for (const m of panel.memberIds) out.set(m, loadOf(i)(m) + panel.applicantIds.length);
  return out;
}

/** each panel's busiest member's load before the stage plus the applicants it gets */
const levels = (i: ProposalInput, p: Proposal) => p.panels.map((panel) => panelLevel(panel.memberIds, loadOf(i)) + panel.applicantIds.length);

/**
 * Experts in runs of like load, a panel's worth each (panels of one size, as many as the runs),
 * listed in any order: the panels can carry like loads, so the totals can be evened.
 */
const cohorts = fc
  .record({
    size: fc.integer({ min: 1, max: 4 }),
    runs: fc.array(fc.nat(6), { minLength: 1, maxLength: 5 }),
    applicants: fc.nat(30),
    seed: fc.nat(),
  })
  .map(({ size, runs, applicants, seed }): ProposalInput => {
    const experts = runs.flatMap((load, r) => Array.from({ length: size }, (_, k) => ({ id: `e${r}-${k}`, industry: null, load })));
    const order = experts.map((e, k) => ({ e, rank: (seed * (k + 7919)) % 104729 })).sort((a, b) => a.rank - b.rank).map((x) => x.e);
    return {
      experts: order,
      applicants: Array.from({ length: applicants }, (_, k) => ({ id: `a${k}`, industry: 2 as Industry })),
      conflicts: [],
      size: { min: size, max: size },
      byIndustry: false,
      panels: runs.length,
    };
  });

/** every expert and applicant once, at most */
function checkShape(i: ProposalInput, p: Proposal): void {
  const seated = p.panels.flatMap((x) => x.memberIds);
  expect(new Set([...seated, ...p.reserve]).size).toBe(seated.length + p.reserve.length);
  expect([...seated, ...p.reserve].sort()).toEqual(i.experts.map((e) => e.id).sort());
  const placed = p.panels.flatMap((x) => x.applicantIds);
  expect([...placed, ...p.unplaced.map((u) => u.applicantId)].sort()).toEqual(i.applicants.map((a) => a.id).sort());
  for (const panel of p.panels) expect(panel.memberIds).toContain(panel.leaderId);
}

describe('the proposed panels', () => {
  it('never seat an expert for an applicant they have a known conflict with', () => {
    fc.assert(
      fc.property(fc.boolean().chain((byIndustry) => input({ conflicts: true, byIndustry })), (i) => {
        const p = proposePanels(i);
        checkShape(i, p);
        const banned = new Set(i.conflicts.map((c) => `${c.expertId}|${c.applicantId}`));
        for (const panel of p.panels) for (const m of panel.memberIds) for (const a of panel.applicantIds) expect(banned.has(`${m}|${a}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keep every panel within the size bounds', () => {
    fc.assert(
      fc.property(fc.boolean().chain((byIndustry) => input({ conflicts: true, byIndustry })), (i) => {
        for (const panel of proposePanels(i).panels) {
          expect(panel.memberIds.length).toBeGreaterThanOrEqual(i.size.min);
          expect(panel.memberIds.length).toBeLessThanOrEqual(i.size.max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('place everyone and keep every panel\'s level within one of the others\' where neither a conflict nor panels by industry force otherwise', () => {
    fc.assert(
      fc.property(input({ conflicts: false, byIndustry: false }), (i) => {
        const p = proposePanels(i);
        checkShape(i, p);
        // with a panel to form, nobody is left out but those the maximum cannot hold
        if (p.panels.length > 0) {
          expect(p.unplaced).toEqual([]);
          expect(p.reserve.length).toBe(Math.max(0, i.experts.length - p.panels.length * i.size.max));
        }
        const level = levels(i, p);
        for (const [k, panel] of p.panels.entries()) {
          if (panel.applicantIds.length === 0) continue;
          for (const other of level) expect(level[k]! - other).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('give experts who carried the same load before totals that differ by at most one', () => {
    fc.assert(
      fc.property(
        input({ conflicts: false, byIndustry: false }).chain((i) => fc.nat(6).map((load) => ({ ...i, experts: i.experts.map((e) => ({ ...e, load })) }))),
        (i) => {
          const t = [...totals(i, proposePanels(i)).values()];
          if (t.length > 0) expect(Math.max(...t) - Math.min(...t)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('even the edition\'s totals to within one where the stage has the applicants to, and never widen the gap where it has not', () => {
    fc.assert(
      fc.property(cohorts, (i) => {
        const p = proposePanels(i);
        const t = totals(i, p);
        const before = [...t.keys()].map((id) => loadOf(i)(id));
        const after = [...t.values()];
        if (after.length === 0) return;
        const spread = Math.max(...after) - Math.min(...after);
        const highest = Math.max(...before);
        const slack = p.panels.reduce((n, panel) => n + highest - panelLevel(panel.memberIds, loadOf(i)), 0);
        if (i.applicants.length >= slack) expect(spread).toBeLessThanOrEqual(1);
        else expect(spread).toBeLessThanOrEqual(Math.max(1, highest - Math.min(...before)));
      }),
      { numRuns: 300 },
    );
  });

  it('keep the totals across an edition\'s stages within one where each stage has an applicant for every panel', () => {
    fc.assert(
      fc.property(
        fc.record({
          size: fc.integer({ min: 1, max: 4 }),
          panels: fc.integer({ min: 1, max: 5 }),
          stages: fc.array(fc.nat(12), { minLength: 1, maxLength: 4 }),
        }),
        ({ size, panels, stages }) => {
          const held = new Map(Array.from({ length: size * panels }, (_, k) => [`e${k}`, 0]));
          stages.forEach((extra, s) => {
            const applicants = Array.from({ length: panels + extra }, (_, k) => ({ id: `s${s}a${k}`, industry: 2 as Industry }));
            const experts = [...held].map(([id, load]) => ({ id, industry: null, load }));
            const p = proposePanels({ experts, applicants, conflicts: [], size: { min: size, max: size }, byIndustry: false, panels });
            expect(p.unplaced).toEqual([]);
            for (const panel of p.panels) for (const m of panel.memberIds) held.set(m, held.get(m)! + panel.applicantIds.length);
          });
          const t = [...held.values()];
          expect(Math.max(...t) - Math.min(...t)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keep panel levels within one inside each industry where panels are formed by industry', () => {
    fc.assert(
      fc.property(input({ conflicts: false, byIndustry: true }), (i) => {
        const p = proposePanels(i);
        const industryOf = new Map(i.applicants.map((a) => [a.id, a.industry]));
        for (const panel of p.panels) for (const a of panel.applicantIds) expect(industryOf.get(a)).toBe(panel.industry);
        const level = levels(i, p);
        for (const [k, panel] of p.panels.entries()) {
          if (panel.applicantIds.length === 0) continue;
          p.panels.forEach((other, j) => {
            if (other.industry === panel.industry) expect(level[k]! - level[j]!).toBeLessThanOrEqual(1);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('give more applicants to the panel whose members reviewed less in the other stages', () => {
    const input: ProposalInput = {
      experts: [4, 4, 0, 0].map((load, i) => ({ id: `e${i}`, industry: null, load })),
      applicants: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, industry: 2 as Industry })),
      conflicts: [],
      size: { min: 2, max: 2 },
      byIndustry: false,
    };
    const p = proposePanels(input);
    const light = p.panels.find((x) => x.memberIds.includes('e2'))!;
    expect([...light.memberIds].sort()).toEqual(['e2', 'e3']);
    expect(light.applicantIds).toHaveLength(5);
    expect([...totals(input, p).values()]).toEqual([5, 5, 5, 5]);
  });

  it('form Jinan-style panels of each industry from experts of that industry first', () => {
    const experts = [1, 1, 1, 2, 2, 2, 3, 3, 3].map((ind, i) => ({ id: `e${i}`, industry: ind as Industry, load: 0 }));
    const applicants = [1, 1, 2, 2, 3, 3].map((ind, i) => ({ id: `a${i}`, industry: ind as Industry }));
    const p = proposePanels({ experts, applicants, conflicts: [], size: { min: 3, max: 5 }, byIndustry: true });
    expect(p.panels.map((x) => x.industry)).toEqual([1, 2, 3]);
    for (const panel of p.panels) for (const m of panel.memberIds) expect(experts.find((e) => e.id === m)?.industry).toBe(panel.industry);
  });

  it('route an applicant around the panel of the expert who conflicts with it, and say who no panel could take', () => {
    const experts = ['e0', 'e1', 'e2', 'e3'].map((id) => ({ id, industry: null, load: 0 }));
    const applicants = ['a0', 'a1', 'a2', 'a3'].map((id) => ({ id, industry: 2 as Industry }));
    const p = proposePanels({ experts, applicants, conflicts: [{ expertId: 'e0', applicantId: 'a0' }], size: { min: 2, max: 2 }, byIndustry: false });
    const a0 = p.panels.find((x) => x.applicantIds.includes('a0'))!;
    expect(a0.memberIds).not.toContain('e0');
    expect(p.panels.map((x) => x.applicantIds.length)).toEqual([2, 2]);
    const blocked = proposePanels({
      experts,
      applicants,
      conflicts: ['e0', 'e2'].map((expertId) => ({ expertId, applicantId: 'a1' })).concat(['e1', 'e3'].map((expertId) => ({ expertId, applicantId: 'a1' }))),
      size: { min: 2, max: 2 },
      byIndustry: false,
    });
    expect(blocked.unplaced).toEqual([{ applicantId: 'a1', why: 'conflicts' }]);
  });

  it('seat the least loaded experts first and keep the rest in reserve', () => {
    const experts = [5, 0, 3, 1].map((load, i) => ({ id: `e${i}`, industry: null, load }));
    const p = proposePanels({ experts, applicants: [{ id: 'a0', industry: 1 }], conflicts: [], size: { min: 1, max: 2 }, byIndustry: false });
    expect(p.reserve.sort()).toEqual(['e0', 'e2']);
  });
});

describe('the min-cost flow', () => {
  it('sends the most flow at the least cost', () => {
    // two routes of two units each, one cheaper; four wanted, three can pass the bottleneck
    const net = new FlowNetwork(4);
    const cheap = net.addEdge(0, 1, 2, 1);
    const dear = net.addEdge(0, 2, 2, 5);
    net.addEdge(1, 3, 2, 0);
    net.addEdge(2, 3, 1, 0);
    expect(net.run(0, 3)).toEqual({ flow: 3, cost: 7 });
    expect([net.flowOn(cheap), net.flowOn(dear)]).toEqual([2, 1]);
  });

  it('refuses a negative cost it could not handle', () => {
    expect(() => new FlowNetwork(2).addEdge(0, 1, 1, -1)).toThrow(/non-negative/);
  });
});
