import { PANEL_CORRECTIONS, RECORD_CORRECTIONS, RECUSAL_CORRECTIONS, type Correction } from '../../domain/corrections.js';
import type { Localized } from '../../domain/localized.js';
import { STAGE_NAMES, type Stage } from '../../domain/words.js';
import type { Ctx } from '../context.js';
import { firstPackageExportAt } from './packages.js';
import { findApplicant, findExpert } from './people.js';
import { versionsOfEdition } from './sheets.js';

/**
 * The changes made to an edition after its first package went out, from the audit log (and the
 * versions received after a return), each told in both languages with today's names: the
 * reports' annex of corrections. Entries of other editions are left out.
 */

const ACTIONS: readonly string[] = [...RECUSAL_CORRECTIONS, ...PANEL_CORRECTIONS, ...RECORD_CORRECTIONS];

const FIELD_NAMES: Record<string, Localized> = {
  code: { zh: '编号', en: 'code' },
  name: { zh: '名称', en: 'name' },
  kind: { zh: '类型', en: 'kind' },
  industry: { zh: '产业', en: 'industry' },
  contactName: { zh: '联系人', en: 'contact' },
  contactPhone: { zh: '联系电话', en: 'phone' },
  contactEmail: { zh: '电子邮箱', en: 'e-mail' },
  organisation: { zh: '工作单位', en: 'organisation' },
  title: { zh: '职称', en: 'title' },
  phone: { zh: '电话', en: 'phone' },
  email: { zh: '电子邮箱', en: 'e-mail' },
};

type Detail = Record<string, unknown>;
const str = (d: Detail, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);

interface PanelName {
  id: string;
  edition_id: string;
  stage: Stage;
  name: string;
}

export function correctionsOf(ctx: Ctx, editionId: string): Correction[] {
  const since = firstPackageExportAt(ctx, editionId);
  if (!since) return [];
  const panels = new Map((ctx.stmt('SELECT id, edition_id, stage, name FROM panels WHERE edition_id = ?').all(editionId) as PanelName[]).map((p) => [p.id, p]));
  const applicant = (id: string | null) => (id ? findApplicant(ctx, id) : undefined);
  const expert = (id: string | null) => (id ? findExpert(ctx, id) : undefined);
  const who = (id: string | null): string => {
    const e = expert(id);
    return e ? `${e.code} ${e.name}` : '—';
  };
  const what = (id: string | null): string => {
    const a = applicant(id);
    return a ? `${a.code} ${a.name}` : '—';
  };
  const panelName = (id: string | null): Localized => {
    const p = id ? panels.get(id) : undefined;
    return p ? { zh: p.name, en: p.name } : { zh: '已删除的评审组', en: 'a removed panel' };
  };
  const because = (d: Detail): Localized => {
    const r = str(d, 'reason');
    return r ? { zh: `：${r}`, en: `: ${r}` } : { zh: '', en: '' };
  };
  const inEdition = (d: Detail): boolean => {
    if (str(d, 'editionId')) return d.editionId === editionId;
    const panelId = str(d, 'panelId') ?? str(d, 'toPanelId');
    if (panelId) return panels.has(panelId);
    const a = applicant(str(d, 'applicantId'));
    if (a) return a.editionId === editionId;
    return expert(str(d, 'expertId'))?.editionId === editionId;
  };

  const rows = ctx
    .stmt(`SELECT at, action, detail_json FROM audit_log WHERE at >= ? AND action IN (${ACTIONS.map(() => '?').join(', ')}) ORDER BY seq`)
    .all(since, ...ACTIONS) as { at: string; action: string; detail_json: string }[];
  const out: Correction[] = [];
  for (const row of rows) {
    const d = JSON.parse(row.detail_json) as Detail;
    if (!inEdition(d)) continue;
    const panelId = str(d, 'panelId');
    const panelStage = panelId ? (panels.get(panelId)?.stage ?? null) : null;
    const base = {
      at: row.at,
      action: row.action,
      applicantId: str(d, 'applicantId'),
      stage: (str(d, 'stage') as Stage | null) ?? panelStage,
      panelId: panelId ?? str(d, 'toPanelId'),
      expertId: str(d, 'expertId'),
    };
    const add = (text: Localized, over: Partial<Correction> = {}) => out.push({ ...base, ...over, text });
    const r = because(d);
    const p = panelName(panelId);
    const stage = base.stage ? STAGE_NAMES[base.stage] : { zh: '', en: '' };
    switch (row.action) {
      case 'applicant.corrected':
      case 'expert.corrected': {
        const changed = Object.entries((d.changed ?? {}) as Record<string, [unknown, unknown]>);
        const list = (lang: 'zh' | 'en') => changed.map(([f, [from, to]]) => `${FIELD_NAMES[f]?.[lang] ?? f} ${String(from ?? '—')} → ${String(to ?? '—')}`).join(lang === 'zh' ? '；' : '; ');
        const subject = row.action === 'applicant.corrected' ? what(base.applicantId) : who(base.expertId);
        add({ zh: `更正 ${subject}：${list('zh')}${r.zh}`, en: `Corrected ${subject}: ${list('en')}${r.en}` });
        break;
      }
      case 'applicant.withdrawn':
        add({ zh: `${what(base.applicantId)} 撤回申报${r.zh}`, en: `${what(base.applicantId)} withdrew${r.en}` });
        break;
      case 'expert.withdrawn':
        add({ zh: `专家 ${who(base.expertId)} 退出评审，其评分表保留、不再计分${r.zh}`, en: `Expert ${who(base.expertId)} withdrew; their sheets are kept and no longer count${r.en}` });
        break;
      case 'material.replaced':
        add({
          zh: `${what(base.applicantId)} 的材料 ${str(d, 'previousFileName')} 换为第 ${String(d.version)} 版 ${str(d, 'fileName')}${r.zh}`,
          en: `${what(base.applicantId)}: material ${str(d, 'previousFileName')} replaced by version ${String(d.version)}, ${str(d, 'fileName')}${r.en}`,
        });
        break;
      case 'material.removed':
        add({ zh: `${what(base.applicantId)} 的材料 ${str(d, 'fileName')} 被撤下${r.zh}`, en: `${what(base.applicantId)}: material ${str(d, 'fileName')} removed${r.en}` });
        break;
      case 'recusal.imposed':
        add({ zh: `秘书处决定 ${who(base.expertId)} 回避 ${what(base.applicantId)}${r.zh}`, en: `The secretariat recused ${who(base.expertId)} from ${what(base.applicantId)}${r.en}` });
        break;
      case 'recusal.lifted': {
        const source = d.source === 'secretariat' ? { zh: '秘书处决定的', en: 'imposed ' } : { zh: '本人申报的', en: 'declared ' };
        add({ zh: `撤销 ${who(base.expertId)} 对 ${what(base.applicantId)} ${source.zh}回避${r.zh}`, en: `Lifted the ${source.en}recusal of ${who(base.expertId)} from ${what(base.applicantId)}${r.en}` });
        break;
      }
      case 'panel.updated': {
        const [fromName, toName] = (d.name ?? []) as [string, string];
        const [fromLeader, toLeader] = (d.leaderId ?? []) as [string | null, string | null];
        if (fromName !== toName) add({ zh: `评审组 ${fromName} 更名为 ${toName}${r.zh}`, en: `Panel ${fromName} renamed ${toName}${r.en}` });
        if (fromLeader !== toLeader) add({ zh: `${p.zh} 组长由 ${who(fromLeader)} 改为 ${who(toLeader)}${r.zh}`, en: `${p.en}: leader ${who(fromLeader)} replaced by ${who(toLeader)}${r.en}` });
        break;
      }
      case 'panel.member-added':
        add({ zh: `${who(base.expertId)} 加入${p.zh}${r.zh}`, en: `${who(base.expertId)} joined ${p.en}${r.en}` });
        break;
      case 'panel.member-removed':
        add({ zh: `${who(base.expertId)} 离开${p.zh}，其评分表不再计分${r.zh}`, en: `${who(base.expertId)} left ${p.en}; their sheets no longer count${r.en}` });
        break;
      case 'panel.member-replaced': {
        const lead = d.leader === true ? { zh: '，并接任组长', en: ', and leads it now' } : { zh: '', en: '' };
        add({
          zh: `${p.zh}：${who(str(d, 'byExpertId'))} 替换 ${who(base.expertId)}${lead.zh}${r.zh}`,
          en: `${p.en}: ${who(str(d, 'byExpertId'))} replaces ${who(base.expertId)}${lead.en}${r.en}`,
        });
        break;
      }
      case 'panel.unassigned':
        for (const id of (d.applicantIds ?? []) as string[]) {
          add({ zh: `${what(id)} 不再由${p.zh}评审${r.zh}`, en: `${what(id)} is no longer reviewed by ${p.en}${r.en}` }, { applicantId: id });
        }
        break;
      case 'panel.moved': {
        const from = panelName(str(d, 'fromPanelId'));
        const to = panelName(str(d, 'toPanelId'));
        add({ zh: `${what(base.applicantId)}（${stage.zh}）由${from.zh}改由${to.zh}评审${r.zh}`, en: `${what(base.applicantId)} (${stage.en}) moved from ${from.en} to ${to.en}${r.en}` });
        break;
      }
      case 'panel.substitute-added':
        add({ zh: `为 ${what(base.applicantId)} 向${p.zh}增派 ${who(base.expertId)}${r.zh}`, en: `${who(base.expertId)} added to ${p.en} for ${what(base.applicantId)}${r.en}` });
        break;
      case 'panel.substitute-removed':
        add({ zh: `撤销 ${who(base.expertId)} 在${p.zh}对 ${what(base.applicantId)} 的增派${r.zh}`, en: `${who(base.expertId)} no longer added to ${p.en} for ${what(base.applicantId)}${r.en}` });
        break;
      case 'sheet.returned':
        add({
          zh: `退回 ${who(base.expertId)} 对 ${what(base.applicantId)} 的${stage.zh}评分表第 ${String(d.version)} 版${r.zh}`,
          en: `Returned ${who(base.expertId)}'s ${stage.en} sheet for ${what(base.applicantId)}, version ${String(d.version)}${r.en}`,
        });
        break;
    }
  }
  for (const v of versionsOfEdition(ctx, editionId)) {
    if (v.version < 2 || v.recordedAt < since) continue;
    const stage = STAGE_NAMES[v.stage];
    out.push({
      at: v.recordedAt,
      action: 'sheet.resubmitted',
      applicantId: v.applicantId,
      stage: v.stage,
      panelId: null,
      expertId: v.expertId,
      text: {
        zh: `收到 ${who(v.expertId)} 对 ${what(v.applicantId)} 的${stage.zh}评分表第 ${v.version} 版（退回后重新提交）`,
        en: `Received ${who(v.expertId)}'s ${stage.en} sheet for ${what(v.applicantId)}, version ${v.version} (resubmitted after a return)`,
      },
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
