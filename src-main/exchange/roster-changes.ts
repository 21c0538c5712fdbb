import type { PackageChange } from '../domain/package-changes.js';
import { STAGE_NAMES } from '../domain/words.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { PackageRoster } from './package.js';

type Roster = PackageRoster[number];
type Member = Roster['members'][number];

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const who = (m: Pick<Member, 'code' | 'name'>) => `${m.code} ${m.name}`;

/**
 * What changed in who else sits on the expert's panels: a leader's package goes out of date when
 * a member joins, leaves, enrols or has a sheet returned, and the expert must be told which.
 * A panel new to the expert is said with its assignment; one that differs in a way not named
 * below is still said, so an out-of-date package never lists nothing.
 */
export function rosterChanges(before: readonly Roster[], after: readonly Roster[], panelName: (panelId: string) => string, selfId: string): PackageChange[] {
  const out: PackageChange[] = [];
  const earlier = new Map(before.map((r) => [r.panelId, r]));
  for (const r of after) {
    const was = earlier.get(r.panelId);
    if (!was || same(was, r)) continue;
    const stage = r.stage;
    const panel = `${panelName(r.panelId)}（${STAGE_NAMES[stage].zh}）`;
    const panelEn = `${panelName(r.panelId)} (${STAGE_NAMES[stage].en})`;
    const start = out.length;
    const add = (zh: string, en: string) => out.push({ kind: 'roster', applicantId: null, stage, text: { zh, en } });
    const member = (id: string | null) => r.members.find((m) => m.id === id) ?? was.members.find((m) => m.id === id);

    if (was.leaderId !== r.leaderId) {
      const leader = r.leaderId === selfId ? null : member(r.leaderId);
      if (r.leaderId === null) add(`${panel}暂无组长`, `${panelEn} has no leader for now`);
      else if (leader === null) add(`${panel}由您任组长`, `You now lead ${panelEn}`);
      else if (leader) add(`${panel}组长改为 ${who(leader)}`, `${panelEn} is now led by ${who(leader)}`);
    }
    const held = new Map(was.members.map((m) => [m.id, m]));
    const kept = new Set(r.members.map((m) => m.id));
    for (const m of r.members) {
      const old = held.get(m.id);
      if (!old) {
        add(`${panel}新增成员 ${who(m)}${m.seatedFor ? '（增派，仅评审指定申报单位）' : ''}`, `${panelEn} has a new member, ${who(m)}${m.seatedFor ? ' (a substitute for named applicants)' : ''}`);
        continue;
      }
      if (old.keys === null && m.keys !== null) add(`${who(m)} 已完成注册，其评分可以核验`, `${who(m)} is enrolled now, so their results can be verified`);
      else if (!same(old.keys, m.keys)) add(`${who(m)} 的注册密钥有更改`, `${who(m)}'s enrolled keys changed`);
      if (!same(old.recusedFrom, m.recusedFrom) || !same(old.lifted, m.lifted)) add(`${who(m)} 的回避情况有更改`, `${who(m)}'s recusals changed`);
      if (!same(old.seatedFor, m.seatedFor) || old.code !== m.code || old.name !== m.name) add(`${panel}成员 ${who(m)} 的信息有更正`, `${panelEn}: the record of ${who(m)} was corrected`);
    }
    for (const m of was.members) if (!kept.has(m.id)) add(`${who(m)} 已不在${panel}`, `${who(m)} no longer sits on ${panelEn}`);

    const returned = new Set(was.returns.map((x) => x.id));
    for (const x of r.returns) {
      if (returned.has(x.id)) continue;
      const m = member(x.expertId);
      const name = m ? who(m) : '';
      add(`秘书处退回了 ${name} 的评分表第 ${x.version} 版：${x.reason}`, `The secretariat returned version ${x.version} of ${name}'s sheet: ${x.reason}`);
    }
    if (out.length === start) add(`${panel}的成员名单有更改`, `The roster of ${panelEn} changed`);
  }
  return out;
}
