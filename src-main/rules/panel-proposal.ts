import type { Industry } from '../domain/words.js';
import { FlowNetwork } from './min-cost-flow.js';
import type { PanelSize } from './panel-size.js';

/**
 * The panels the app proposes for a stage (the clerk edits the proposal, then applies it): every
 * panel within the size bounds, no expert seated for an applicant they have a known conflict
 * with, panels by industry where the profile forms them so (Jinan art. 8(2)), and each expert's
 * load — the applicants they review across the edition's stages — as even as the rest allows.
 *
 * Two steps. The experts are dealt into panels of near-equal size, each placed where the
 * applicants they conflict with are already barred, so that conflicts gather in few panels and
 * leave the others open; the rest, least loaded first, fill the panels in turn, so a panel's
 * members carry like loads. Then the applicants go to panels by a min-cost flow: an applicant
 * may go only to a panel with no conflicted member, and the k-th applicant of a panel costs
 * the load its busiest member already carries, plus k (HotCRP's autoassigner and OpenReview's
 * matcher work the same way: conflicts as missing edges, loads as rising costs). Pure.
 *
 * What that guarantees, where no conflict or industry rule forces otherwise (every panel open
 * to every applicant): everyone is placed, and a panel that gets any applicant ends at most one
 * above every other panel, a panel's level being its busiest member's load before plus the
 * applicants it gets (else moving one applicant would make the placement cheaper). So in the
 * edition's first stage, or whenever every expert carries the same load, the seated experts'
 * totals differ by at most one; where each panel's members carried like loads, a stage with
 * applicants enough to lift every panel to the busiest one's level evens the totals to within
 * one, and a stage with fewer never widens the gap between the busiest expert and the least
 * busy. A stage cannot undo what the others did beyond the applicants it has: the slack.
 */

export interface ProposalExpert {
  id: string;
  industry: Industry | null;
  /** applicant reviews already held in the edition (other stages, other panels): the least loaded are seated first and given more */
  load: number;
}

export interface ProposalApplicant {
  id: string;
  industry: Industry;
}

export interface ProposalInput {
  experts: readonly ProposalExpert[];
  applicants: readonly ProposalApplicant[];
  /** pairs that must not meet: standing recusals and the conflict suggestions not cleared */
  conflicts: readonly { expertId: string; applicantId: string }[];
  size: PanelSize;
  byIndustry: boolean;
  /** how many panels; by default the fewest that seat every expert within the maximum */
  panels?: number;
}

export interface ProposedPanel {
  /** the industry the panel serves, where panels are formed by industry */
  industry: Industry | null;
  memberIds: string[];
  leaderId: string;
  applicantIds: string[];
}

export interface Proposal {
  panels: ProposedPanel[];
  /** applicants no panel could take: every panel of theirs has a conflicted member, or none was formed */
  unplaced: { applicantId: string; why: 'conflicts' | 'no-panel' }[];
  /** experts left out: more than the panels hold within the maximum */
  reserve: string[];
}

const key = (expertId: string, applicantId: string) => `${expertId}\u0000${applicantId}`;

/** Panels per group by largest remainder, each group with applicants getting at least one where it can. */
function panelsPerGroup(total: number, counts: number[]): number[] {
  const groups = counts.length;
  if (total < groups) return counts.map((_, i) => (i < total ? 1 : 0));
  const n = counts.reduce((a, b) => a + b, 0);
  const extra = total - groups;
  const shares = counts.map((c) => (extra * c) / n);
  const out = shares.map((s) => 1 + Math.floor(s));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

/**
 * Deals experts into `count` panels of near-equal size, gathering each one's conflicts where they
 * already are; where that leaves a choice, the first panel with room, so that experts without
 * conflicts, taken least loaded first, fill the panels in runs of like load.
 */
function dealExperts(experts: readonly ProposalExpert[], count: number, applicants: readonly ProposalApplicant[], conflicts: Set<string>): string[][] {
  const sizes = Array.from({ length: count }, (_, k) => Math.floor(experts.length / count) + (k < experts.length % count ? 1 : 0));
  const panels: string[][] = sizes.map(() => []);
  const barred: Set<string>[] = sizes.map(() => new Set());
  const conflictsOf = (e: ProposalExpert) => applicants.filter((a) => conflicts.has(key(e.id, a.id))).map((a) => a.id);
  const order = [...experts].map((e) => ({ e, against: conflictsOf(e) })).sort((a, b) => b.against.length - a.against.length || a.e.load - b.e.load);
  for (const { e, against } of order) {
    let best = -1;
    let bestNew = Infinity;
    for (let k = 0; k < count; k++) {
      if (panels[k]!.length >= sizes[k]!) continue;
      const fresh = against.filter((a) => !barred[k]!.has(a)).length;
      if (fresh < bestNew) {
        best = k;
        bestNew = fresh;
      }
    }
    panels[best]!.push(e.id);
    for (const a of against) barred[best]!.add(a);
  }
  return panels;
}

/** Applicants to panels: only where no member conflicts, the k-th applicant of a panel costing its busiest member's load plus k. */
function placeApplicants(panels: string[][], applicants: readonly ProposalApplicant[], conflicts: Set<string>, loadOf: (expertId: string) => number): { placed: string[][]; unplaced: string[] } {
  const n = applicants.length;
  const source = 0;
  const sink = 1 + n + panels.length;
  const net = new FlowNetwork(sink + 1);
  const edges: { applicant: number; panel: number; edge: number }[] = [];
  applicants.forEach((a, i) => {
    net.addEdge(source, 1 + i, 1, 0);
    panels.forEach((members, k) => {
      if (members.some((m) => conflicts.has(key(m, a.id)))) return;
      edges.push({ applicant: i, panel: k, edge: net.addEdge(1 + i, 1 + n + k, 1, 0) });
    });
  });
  panels.forEach((members, k) => {
    const base = panelLevel(members, loadOf);
    for (let unit = 1; unit <= n; unit++) net.addEdge(1 + n + k, sink, 1, base + unit);
  });
  net.run(source, sink);
  const placed: string[][] = panels.map(() => []);
  const done = new Set<number>();
  for (const e of edges) {
    if (net.flowOn(e.edge) > 0) {
      placed[e.panel]!.push(applicants[e.applicant]!.id);
      done.add(e.applicant);
    }
  }
  return { placed, unplaced: applicants.filter((_, i) => !done.has(i)).map((a) => a.id) };
}

/** What a panel's members already carry, as the flow weighs it: its busiest member's load. */
export function panelLevel(memberIds: readonly string[], loadOf: (expertId: string) => number): number {
  return Math.max(0, ...memberIds.map(loadOf));
}

export function proposePanels(input: ProposalInput): Proposal {
  const { min, max } = input.size;
  const conflicts = new Set(input.conflicts.map((c) => key(c.expertId, c.applicantId)));
  const loads = new Map(input.experts.map((e) => [e.id, e.load]));
  const loadOf = (id: string) => loads.get(id) ?? 0;
  // the least loaded first: they are seated before the others go to the reserve
  const experts = [...input.experts].sort((a, b) => a.load - b.load);
  const groups: { industry: Industry | null; applicants: ProposalApplicant[] }[] = input.byIndustry
    ? ([1, 2, 3] as const).map((g) => ({ industry: g, applicants: input.applicants.filter((a) => a.industry === g) })).filter((g) => g.applicants.length > 0)
    : [{ industry: null, applicants: [...input.applicants] }];
  const most = Math.min(input.applicants.length, Math.floor(experts.length / min));
  const wanted = input.panels ?? Math.max(groups.length, Math.ceil(experts.length / max));
  const total = Math.max(0, Math.min(wanted, most));
  const perGroup = panelsPerGroup(total, groups.map((g) => g.applicants.length));

  // experts to groups: as many as the group's panels hold in proportion, those of its industry first
  const seats = perGroup.map((p) => p * min);
  let spare = Math.min(experts.length, total * max) - seats.reduce((a, b) => a + b, 0);
  while (spare > 0) {
    let best = -1;
    perGroup.forEach((p, g) => {
      if (p === 0 || seats[g]! >= p * max) return;
      if (best === -1 || seats[g]! / p < seats[best]! / perGroup[best]!) best = g;
    });
    if (best === -1) break;
    seats[best]!++;
    spare--;
  }
  const members: ProposalExpert[][] = groups.map(() => []);
  const free = [...experts];
  const take = (g: number, fits: (e: ProposalExpert) => boolean) => {
    for (let i = 0; i < free.length && members[g]!.length < seats[g]!; ) {
      if (fits(free[i]!)) members[g]!.push(...free.splice(i, 1));
      else i++;
    }
  };
  if (input.byIndustry) groups.forEach((grp, g) => take(g, (e) => e.industry === grp.industry));
  groups.forEach((_, g) => take(g, (e) => e.industry === null));
  groups.forEach((_, g) => take(g, () => true));

  const panels: ProposedPanel[] = [];
  const unplaced: Proposal['unplaced'] = [];
  groups.forEach((grp, g) => {
    if (perGroup[g] === 0) {
      unplaced.push(...grp.applicants.map((a) => ({ applicantId: a.id, why: 'no-panel' as const })));
      return;
    }
    const dealt = dealExperts(members[g]!, perGroup[g]!, grp.applicants, conflicts);
    const { placed, unplaced: left } = placeApplicants(dealt, grp.applicants, conflicts, loadOf);
    dealt.forEach((memberIds, k) => panels.push({ industry: grp.industry, memberIds, leaderId: memberIds[0]!, applicantIds: placed[k]! }));
    unplaced.push(...left.map((applicantId) => ({ applicantId, why: 'conflicts' as const })));
  });
  return { panels, unplaced, reserve: free.map((e) => e.id) };
}
