import { refuse } from '../../domain/errors.js';
import type { Panel, PanelInput } from '../../domain/panels.js';
import { STAGE_NAMES } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { sizeFlag } from '../../rules/panel-size.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import type { PanelRecord } from '../repo/panels.js';
import { findExpert } from '../repo/people.js';

/** A panel as the calls hand it out: with its size flag. */
export const flagged = (ctx: Ctx, p: PanelRecord): Panel => ({ ...p, sizeFlag: sizeFlag(rulesOf(getEdition(ctx, p.editionId)).panelSize, p.memberIds.length) });

/** A new panel's checks, shared by panels.create and an applied proposal: returns its members, each once. */
export function checkNewPanel(ctx: Ctx, editionId: string, i: PanelInput, takenNames: ReadonlySet<string>): string[] {
  const edition = getEdition(ctx, editionId);
  const stage = STAGE_NAMES[i.stage];
  if (!rulesOf(edition).stages.some((s) => s.stage === i.stage)) {
    throw refuse(
      'panel.stage-not-scored',
      `本届评审规则中${stage.zh}不是评分环节，不能为其组建评审组。`,
      `The ${stage.en} is not a scored stage under this edition's rules, so it takes no panel.`,
    );
  }
  const members = [...new Set(i.memberIds)];
  if (members.length !== i.memberIds.length) {
    throw refuse('panel.duplicate-member', '同一位专家在成员名单中出现了两次。', 'The same expert is listed twice among the members.');
  }
  for (const memberId of members) {
    const expert = findExpert(ctx, memberId);
    if (expert?.editionId !== editionId) {
      throw refuse('expert.not-found', '所选成员中有一位不是本届的评审专家。请刷新专家名单后重新选择。', 'One of the chosen members is not an expert of this edition. Refresh the expert list and choose again.', { memberId });
    }
    if (expert.withdrawn) throw refuse('expert.withdrawn', `专家 ${expert.code} 已退出本届评审，不能加入评审组。`, `Expert ${expert.code} has withdrawn from this edition and cannot join a panel.`);
  }
  if (i.leaderId !== null && !members.includes(i.leaderId)) {
    throw refuse(
      'panel.leader-not-member',
      '组长必须是评审组成员：请先把组长加入成员名单。',
      'The leader must be a member of the panel: add the leader to the members.',
    );
  }
  if (takenNames.has(i.name)) {
    throw refuse('panel.name-taken', `${stage.zh}已有名为“${i.name}”的评审组。`, `The ${stage.en} already has a panel named "${i.name}".`);
  }
  return members;
}
