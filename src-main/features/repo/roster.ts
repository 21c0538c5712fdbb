import type { PackageRoster } from '../../exchange/package.js';
import type { Ctx } from '../context.js';
import { findDeclaration } from './declarations.js';
import { latestPackage } from './packages.js';
import { getPanel, seatsOfExpert } from './panels.js';
import { expertKeys, getExpert } from './people.js';
import { returnsOfExpert } from './sheets.js';

export type Roster = PackageRoster;
export type RosterPanel = Roster[number];
export type RosterMember = RosterPanel['members'][number];

/**
 * Secretariat: whom the expert's package names on each panel the expert sits on. The leader
 * learns every other member, their keys, recusals and the secretariat's returns of their sheets;
 * a member learns only the leader.
 */
export function rosterFor(ctx: Ctx, expertId: string): Roster {
  const panelIds = [...new Set(seatsOfExpert(ctx, expertId).map((s) => s.panelId))];
  return panelIds.map((id): RosterPanel => {
    const p = getPanel(ctx, id);
    const leads = p.leaderId === expertId;
    // substitutes sit on the panel for the applicants they were seated for, and only for those
    const substitutes = new Map<string, string[]>();
    for (const sub of p.substitutes) if (!p.memberIds.includes(sub.expertId)) substitutes.set(sub.expertId, [...(substitutes.get(sub.expertId) ?? []), sub.applicantId]);
    const others = leads
      ? [...p.memberIds, ...substitutes.keys()].filter((m) => m !== expertId)
      : p.leaderId !== null && p.leaderId !== expertId
        ? [p.leaderId]
        : [];
    const members = others.map((m): RosterMember => {
      const e = getExpert(ctx, m);
      const standing = (applicantId: string, source: 'expert' | 'secretariat') => findDeclaration(ctx, m, applicantId, source);
      return {
        id: e.id,
        code: e.code,
        name: e.name,
        keys: expertKeys(ctx, m),
        recusedFrom: leads ? p.applicantIds.filter((a) => standing(a, 'secretariat')?.lifted === null) : [],
        lifted: leads ? p.applicantIds.filter((a) => standing(a, 'expert')?.lifted) : [],
        seatedFor: substitutes.get(m) ?? null,
      };
    });
    const returns = leads
      ? others.flatMap((m) =>
          returnsOfExpert(ctx, m)
            .filter((r) => r.stage === p.stage && p.applicantIds.includes(r.applicantId))
            .map((r) => ({ id: r.id, expertId: m, applicantId: r.applicantId, version: r.version, reason: r.reason, at: r.returnedAt })),
        )
      : [];
    return { panelId: p.id, stage: p.stage, leaderId: p.leaderId, members, returns };
  });
}

/** Whether a roster member sits on the panel for this applicant: a member always, a substitute where seated. */
export function seatedOnRoster(m: RosterMember, applicantId: string): boolean {
  return m.seatedFor === null || m.seatedFor.includes(applicantId);
}

/** Expert side: the roster as a package gave it. */
export function insertRoster(ctx: Ctx, packageId: string, roster: Roster): void {
  ctx.stmt('INSERT INTO package_rosters (package_id, roster_json) VALUES (?, ?)').run(packageId, JSON.stringify(roster));
}

/** Expert side: the roster of the package the expert works from. */
export function currentRoster(ctx: Ctx, editionId: string): Roster {
  const pkg = latestPackage(ctx, editionId);
  if (!pkg) return [];
  const json = ctx.stmt('SELECT roster_json FROM package_rosters WHERE package_id = ?').pluck().get(pkg.package_id) as string | undefined;
  return json === undefined ? [] : (JSON.parse(json) as Roster);
}

/** The panels this expert leads, as the roster names them. */
export function ledPanels(roster: Roster, me: string): RosterPanel[] {
  return roster.filter((p) => p.leaderId === me);
}

/** Whom a member's bundle is sealed to besides the secretariat: the leaders of the member's panels. */
export function leaderRecipients(roster: Roster, me: string): string[] {
  const recipients = roster.flatMap((p) => p.members.filter((m) => m.id === p.leaderId && m.id !== me && m.keys !== null).map((m) => m.keys!.boxRecipient));
  return [...new Set(recipients)];
}

/** Every panel leader's signing key the packages in this store name, in any edition. */
export function leaderSignKeys(ctx: Ctx): string[] {
  const editions = ctx.stmt('SELECT DISTINCT edition_id FROM packages').pluck().all() as string[];
  return editions.flatMap((id) => currentRoster(ctx, id).flatMap((p) => p.members.filter((m) => m.id === p.leaderId && m.keys !== null).map((m) => m.keys!.signPublic)));
}
