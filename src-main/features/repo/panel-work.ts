import type { ItemPercents, LeaderReturn } from '../../domain/consensus.js';
import type { Stage } from '../../domain/words.js';
import type { BundleDeclaration, BundleSheet } from '../../exchange/bundle.js';
import { isRecused } from '../../rules/recusal.js';
import { consensusProblems, type HeldPanel } from '../../scoring/consensus.js';
import { rulesOf } from '../../profile/edition.js';
import { signedConsensusOfEdition, type ConsensusRow } from './consensus.js';
import type { Ctx } from '../context.js';
import { declarationsOfPair } from './declarations.js';
import { getEdition } from './editions.js';
import { assignedPanelId, getPanel } from './panels.js';
import { getExpert } from './people.js';
import { findSheetRowFor, itemsOf, returnOf, versionsOf } from './sheets.js';

/** One panel's work on one applicant in one stage, as a store holds it: what the consensus stands on. */

export interface WorkItem {
  itemCode: string;
  percent: number;
  strengths: string;
  opportunities: string;
}

export interface MemberWork {
  expertId: string;
  code: string;
  name: string;
  /** the submitted sheet as it stands; null while none is in */
  current: { version: number; items: WorkItem[] } | null;
  /** sent back (by the secretariat or the leader) and not yet answered */
  pendingReturn: { id: string; reason: string; at: string } | null;
  /** every version held, by number */
  versions: Map<number, ItemPercents>;
}

export interface PanelWork {
  editionId: string;
  applicantId: string;
  stage: Stage;
  panelId: string;
  panelName: string;
  leaderId: string | null;
  /** seated and not recused, in code order */
  members: MemberWork[];
}

export function percentsOfItems(items: readonly { itemCode: string; percent: number | null }[]): ItemPercents {
  return Object.fromEntries(items.map((i) => [i.itemCode, i.percent ?? 0]));
}

/** A sheet's items as the consensus reads them: a submitted sheet has every percent. */
export function workItems(items: readonly { itemCode: string; percent: number | null; strengths: string; opportunities: string }[]): WorkItem[] {
  return items.map((i) => ({ itemCode: i.itemCode, percent: i.percent ?? 0, strengths: i.strengths, opportunities: i.opportunities }));
}

/** The panel's work as the consensus rules read it. */
export function heldPanelOf(work: PanelWork): HeldPanel {
  const byId = new Map(work.members.map((m) => [m.expertId, m]));
  return {
    panelId: work.panelId,
    leaderId: work.leaderId,
    activeMemberIds: work.members.map((m) => m.expertId),
    current(id) {
      const m = byId.get(id);
      return m?.current ? { version: m.current.version, percents: percentsOfItems(m.current.items), returned: m.pendingReturn !== null } : undefined;
    },
    version: (id, v) => byId.get(id)?.versions.get(v),
    nameOf(id) {
      const m = byId.get(id);
      return m ? `${m.name}（${m.code}）` : id;
    },
  };
}

/** What a bundle being judged would add for its own expert: the panel as it will stand once it is accepted. */
export interface Overlay {
  expertId: string;
  sheets: readonly BundleSheet[];
  declarations: readonly BundleDeclaration[];
  /** leader returns the bundle carries, already verified */
  returns: readonly LeaderReturn[];
}

/** Secretariat: the panel that reviews the applicant in the stage, with every active member's sheets (substitutes seated for it included). */
export function panelWorkAtSecretariat(ctx: Ctx, applicantId: string, stage: Stage, overlay?: Overlay): PanelWork | undefined {
  const panelId = assignedPanelId(ctx, applicantId, stage);
  if (!panelId) return undefined;
  const panel = getPanel(ctx, panelId);
  const framework = getEdition(ctx, panel.editionId).framework;
  const seated = [...panel.memberIds, ...panel.substitutes.filter((x) => x.applicantId === applicantId && !panel.memberIds.includes(x.expertId)).map((x) => x.expertId)];
  const members = seated.flatMap((id): MemberWork[] => {
    const held = declarationsOfPair(ctx, id, applicantId);
    const sent = overlay?.expertId === id ? overlay.declarations.filter((d) => d.applicantId === applicantId) : [];
    const words = sent.length > 0 ? [...held.filter((d) => d.source === 'secretariat'), ...sent.map((d) => ({ conflict: d.conflict }))] : held;
    if (isRecused(words)) return [];
    const e = getExpert(ctx, id);
    const versions = new Map(versionsOf(ctx, id, applicantId, stage).map((v) => [v.version, percentsOfItems(v.items)]));
    const row = findSheetRowFor(ctx, id, applicantId, stage);
    const open = row?.status === 'submitted' ? returnOf(ctx, row) : undefined;
    const member: MemberWork = {
      expertId: id,
      code: e.code,
      name: e.name,
      current: row?.status === 'submitted' ? { version: row.version, items: workItems(itemsOf(ctx, row.id, framework)) } : null,
      pendingReturn: open ? { id: open.id, reason: open.reason, at: open.returnedAt } : null,
      versions,
    };
    const next = overlay?.expertId === id ? overlay.sheets.find((s) => s.applicantId === applicantId && s.stage === stage) : undefined;
    if (next && next.version > (member.current?.version ?? 0)) {
      member.current = { version: next.version, items: workItems(next.items) };
      member.versions.set(next.version, percentsOfItems(next.items));
      member.pendingReturn = null;
    }
    const carried = overlay?.returns.find((r) => r.expertId === id && r.applicantId === applicantId && r.stage === stage && r.version === member.current?.version);
    if (carried && !member.pendingReturn) member.pendingReturn = { id: carried.id, reason: carried.reason, at: carried.returnedAt };
    return [member];
  });
  members.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { editionId: panel.editionId, applicantId, stage, panelId: panel.id, panelName: panel.name, leaderId: panel.leaderId, members };
}

/** Whether a signed record still stands on the members' sheets the secretariat holds; a later revision makes it stale. */
export function recordHolds(ctx: Ctx, row: ConsensusRow): boolean {
  const work = row.record && panelWorkAtSecretariat(ctx, row.applicantId, row.stage);
  if (!work || !row.record) return false;
  const edition = getEdition(ctx, row.editionId);
  return consensusProblems(row.record, heldPanelOf(work), rulesOf(edition).disagreement, edition.framework).length === 0;
}

/** Secretariat: per applicant and stage, the latest signed record, if it still stands: the panel's opinion the reports print. */
export function standingRecords(ctx: Ctx, editionId: string): ConsensusRow[] {
  const seen = new Set<string>();
  const standing: ConsensusRow[] = [];
  for (const row of signedConsensusOfEdition(ctx, editionId)) {
    const key = `${row.applicantId}\u0000${row.stage}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (recordHolds(ctx, row)) standing.push(row);
  }
  return standing;
}
