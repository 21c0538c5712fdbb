import { refuse } from '../../domain/errors.js';
import { STAGE_NAMES, type Stage } from '../../domain/words.js';
import type { Ctx } from '../context.js';
import { meIn, requireClear } from '../gates.js';
import { standing } from '../../rules/recusal.js';
import { leaderReturnOf } from '../repo/consensus.js';
import { declarationsOfPair } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { panelDeclarations, panelSheetVersions } from '../repo/panel-bundles.js';
import { percentsOfItems, workItems, type MemberWork, type PanelWork } from '../repo/panel-work.js';
import { seatsOfExpert } from '../repo/panels.js';
import { getApplicant, getExpert } from '../repo/people.js';
import { currentRoster, seatedOnRoster, type RosterMember, type RosterPanel } from '../repo/roster.js';
import { findSheetRowFor, itemsOf, versionsOf } from '../repo/sheets.js';

/**
 * The panel leader's own laptop, on site without network: the panels the leader leads come from
 * the leader's package (roster), the members' sheets from the bundles the leader imported, the
 * leader's own from the leader's own store.
 */

export function notLeader(ctx: Ctx, applicantId: string, stage: Stage): Error {
  const code = getApplicant(ctx, applicantId).code;
  return refuse(
    'consensus.not-leader',
    `您不是${code}（${STAGE_NAMES[stage].zh}）评审组的组长：合议由该评审组组长主持。`,
    `You do not lead the panel reviewing ${code} (${STAGE_NAMES[stage].en}): the panel's leader holds its consensus.`,
  );
}

/** The seat the leader leads for this applicant and stage, with its roster. */
export function ledSeat(ctx: Ctx, editionId: string, applicantId: string, stage: Stage): { me: string; panel: RosterPanel; panelName: string } {
  const me = meIn(ctx, editionId);
  const seat = seatsOfExpert(ctx, me).find((s) => s.applicantId === applicantId && s.stage === stage);
  const panel = seat && currentRoster(ctx, editionId).find((p) => p.panelId === seat.panelId);
  if (!seat || !panel || panel.leaderId !== me) throw notLeader(ctx, applicantId, stage);
  return { me, panel, panelName: seat.panelName };
}

/** Recused on the leader's laptop: by the secretariat (as the package says), or by the member's own declaration the secretariat has not lifted. */
function recused(ctx: Ctx, editionId: string, m: RosterMember, applicantId: string): boolean {
  if (m.recusedFrom.includes(applicantId)) return true;
  const declared = panelDeclarations(ctx, editionId, m.id).find((d) => d.applicantId === applicantId);
  return declared?.conflict === true && !m.lifted.includes(applicantId);
}

/**
 * The panel's work as the leader's laptop holds it; refused unless this expert leads the panel
 * and has declared no conflict with the applicant (a recused leader can neither read its sheets
 * nor lead its consensus). `counting` asks only how far the panel is, which an undeclared leader
 * may know.
 */
export function panelWorkOnLaptop(ctx: Ctx, editionId: string, applicantId: string, stage: Stage, counting = false): PanelWork {
  const { me, panel, panelName } = ledSeat(ctx, editionId, applicantId, stage);
  if (!counting) requireClear(ctx, me, applicantId);
  const framework = getEdition(ctx, editionId).framework;
  const self = getExpert(ctx, me);
  const own = findSheetRowFor(ctx, me, applicantId, stage);
  const members: MemberWork[] = [
    {
      expertId: me,
      code: self.code,
      name: self.name,
      current: own?.status === 'submitted' ? { version: own.version, items: workItems(itemsOf(ctx, own.id, framework)) } : null,
      // the leader's own returned sheet reopens at once as a draft
      pendingReturn: null,
      versions: new Map(versionsOf(ctx, me, applicantId, stage).map((v) => [v.version, percentsOfItems(v.items)])),
    },
  ];
  for (const m of panel.members) {
    if (!seatedOnRoster(m, applicantId) || recused(ctx, editionId, m, applicantId)) continue;
    const versions = panelSheetVersions(ctx, m.id, applicantId, stage);
    const latest = versions.at(-1);
    const mine = latest && leaderReturnOf(ctx, m.id, applicantId, stage, latest.version);
    const secretariat = latest && panel.returns.find((r) => r.expertId === m.id && r.applicantId === applicantId && r.version === latest.version);
    members.push({
      expertId: m.id,
      code: m.code,
      name: m.name,
      current: latest ? { version: latest.version, items: workItems(latest.items) } : null,
      pendingReturn: mine ? { id: mine.id, reason: mine.reason, at: mine.returnedAt } : secretariat ? { id: secretariat.id, reason: secretariat.reason, at: secretariat.at } : null,
      versions: new Map(versions.map((v) => [v.version, percentsOfItems(v.items)])),
    });
  }
  members.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { editionId, applicantId, stage, panelId: panel.panelId, panelName, leaderId: me, members };
}

/** Every applicant and stage the leader leads and is not recused from. */
export function ledSeats(ctx: Ctx, editionId: string): { applicantId: string; stage: Stage }[] {
  const me = meIn(ctx, editionId);
  const led = new Set(currentRoster(ctx, editionId).filter((p) => p.leaderId === me).map((p) => p.panelId));
  return seatsOfExpert(ctx, me)
    .filter((s) => led.has(s.panelId) && standing(declarationsOfPair(ctx, me, s.applicantId)) !== 'conflicted')
    .map((s) => ({ applicantId: s.applicantId, stage: s.stage }));
}
