import { itemCodes } from '../criteria/items.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { CategoryOpinion, ConsensusRecord, FlaggedItem, ItemPercents, Opinion, Settlement, SheetState, Spread } from '../domain/consensus.js';
import type { Localized } from '../domain/localized.js';
import { disagreements, type Disagreement } from '../rules/disagreement.js';
import { mergeComments } from './comments.js';

/**
 * The consensus step's rules, one predicate for every place that applies them: the leader's
 * laptop and the secretariat's workstation before signing off, and the secretariat's intake of a
 * leader's signed record. Pure.
 */

/** One member's sheet when the consensus opened (base) and as it stands (final). */
export interface PanelMember {
  expertId: string;
  base: SheetState;
  final: SheetState;
}

function spreadOf(sheets: readonly { percents: ItemPercents }[], code: string): Spread {
  const percents = sheets.map((s) => s.percents[code] ?? 0);
  return { min: Math.min(...percents), max: Math.max(...percents) };
}

/**
 * The items the leader must settle: those the panel disagreed on beyond the threshold when the
 * consensus opened, and those it still disagrees on (a revision can open a new gap), in the
 * framework's order.
 */
export function flaggedItems(rule: Disagreement, framework: CriteriaFramework, members: readonly PanelMember[]): FlaggedItem[] {
  const base = members.map((m) => m.base);
  const final = members.map((m) => m.final);
  const codes = new Set([...disagreements(rule, framework, base), ...disagreements(rule, framework, final)].map((d) => d.itemCode));
  return itemCodes(framework)
    .filter((code) => codes.has(code))
    .map((itemCode) => ({ itemCode, base: spreadOf(base, itemCode), final: spreadOf(final, itemCode) }));
}

/**
 * Why a flagged item is not settled as recorded, or null. "Revised" means the members' own
 * revisions closed the gap: the final spread must lie within the threshold. Otherwise the
 * difference stands, and the leader says why.
 */
export function settlementProblem(rule: Disagreement, item: FlaggedItem, settlement: Omit<Settlement, 'itemCode'> | undefined): Localized | null {
  const code = item.itemCode;
  const gap = item.final.max - item.final.min;
  if (!settlement) {
    return { zh: `评分项 ${code} 尚未记录合议结果（成员已修改评分，或保留差异并说明理由）`, en: `item ${code} has no outcome recorded yet (members revised their scores, or the difference stands with a reason)` };
  }
  if (settlement.resolution === 'revised' && gap > rule.threshold) {
    return {
      zh: `评分项 ${code} 的评分仍相差 ${gap} 个百分点，超过 ${rule.threshold} 个百分点的阈值：不能记为“已修改”；请退回评分表由成员修改，或记为“保留差异”并说明理由`,
      en: `item ${code} is still ${gap} points apart, above the ${rule.threshold}-point threshold, so it cannot be recorded as revised; return the sheet for the member to revise, or record that the difference stands, with the reason`,
    };
  }
  if (settlement.resolution === 'stands' && settlement.reason.trim() === '') {
    return { zh: `评分项 ${code} 保留差异，须说明理由`, en: `item ${code}: the difference stands, so say why` };
  }
  return null;
}

/** Whether the opinion names the criteria's categories, each at most once. */
export function opinionShapeProblems(framework: CriteriaFramework, opinion: Opinion): Localized[] {
  const problems: Localized[] = [];
  const codes = new Set(framework.categories.map((c) => c.code));
  const seen = new Set<string>();
  for (const c of opinion.categories) {
    if (!codes.has(c.code)) problems.push({ zh: `评审组意见中的类目 ${c.code} 不在评价准则中`, en: `the opinion names category ${c.code}, which is not in the criteria` });
    if (seen.has(c.code)) problems.push({ zh: `评审组意见中的类目 ${c.code} 出现两次`, en: `the opinion has category ${c.code} twice` });
    seen.add(c.code);
  }
  return problems;
}

/** Why the opinion cannot be signed off yet, or nothing. */
export function opinionProblems(framework: CriteriaFramework, opinion: Opinion | null): Localized[] {
  if (!opinion) return [{ zh: '尚未填写评审组意见和综合评价', en: "the panel's opinion and overall evaluation are not written yet" }];
  const problems = opinionShapeProblems(framework, opinion);
  if (opinion.overall.trim() === '') problems.push({ zh: '尚未填写综合评价', en: 'the overall evaluation is not written yet' });
  return problems;
}

/** What a store holds of one panel's sheets for one applicant and stage, for matching a record against. */
export interface HeldPanel {
  panelId: string;
  leaderId: string | null;
  /** seated and not recused */
  activeMemberIds: readonly string[];
  /** the member's sheet as it stands; returned: sent back and not yet answered */
  current(expertId: string): (SheetState & { returned: boolean }) | undefined;
  /** any version of the member's sheet the store holds */
  version(expertId: string, version: number): ItemPercents | undefined;
  nameOf(expertId: string): string;
}

function samePercents(framework: CriteriaFramework, a: ItemPercents, b: ItemPercents): boolean {
  const codes = itemCodes(framework);
  return Object.keys(a).length === codes.length && Object.keys(b).length === codes.length && codes.every((c) => a[c] !== undefined && a[c] === b[c]);
}

function memberProblems(record: ConsensusRecord, held: HeldPanel, framework: CriteriaFramework): Localized[] {
  const problems: Localized[] = [];
  const listed = new Set<string>();
  for (const m of record.members) {
    const who = held.nameOf(m.expertId);
    if (listed.has(m.expertId)) problems.push({ zh: `成员 ${who} 在合议记录中出现两次`, en: `member ${who} appears twice in the record` });
    listed.add(m.expertId);
    if (!held.activeMemberIds.includes(m.expertId)) {
      problems.push({ zh: `合议记录含有不在该评审组（或已回避）的专家 ${who}`, en: `the record lists ${who}, who does not sit on the panel or is recused` });
      continue;
    }
    const now = held.current(m.expertId);
    if (!now) {
      problems.push({ zh: `尚未收到 ${who} 的评分表，无法核对合议记录`, en: `no sheet from ${who} is held, so the record cannot be checked against it` });
    } else if (now.version !== m.final.version || !samePercents(framework, now.percents, m.final.percents)) {
      problems.push({
        zh: `合议记录中 ${who} 的评分表（第 ${m.final.version} 版）与所持的第 ${now.version} 版不符`,
        en: `the record's sheet from ${who} (version ${m.final.version}) does not match version ${now.version} held`,
      });
    } else if (now.returned) {
      problems.push({ zh: `${who} 的评分表已退回修改，尚未收到修改后的版本`, en: `the sheet from ${who} was sent back and its revised version has not come in` });
    }
    const base = held.version(m.expertId, m.base.version);
    if (m.base.version > m.final.version || !base || !samePercents(framework, base, m.base.percents)) {
      problems.push({
        zh: `合议记录中 ${who} 合议开始时的评分表（第 ${m.base.version} 版）与所持记录不符`,
        en: `the record's sheet from ${who} when the consensus opened (version ${m.base.version}) does not match what is held`,
      });
    }
  }
  for (const id of held.activeMemberIds) {
    if (!listed.has(id)) problems.push({ zh: `合议记录缺少成员 ${held.nameOf(id)} 的评分表`, en: `the record leaves out the sheet of member ${held.nameOf(id)}` });
  }
  return problems;
}

function flaggedProblems(record: ConsensusRecord, rule: Disagreement, framework: CriteriaFramework): Localized[] {
  const expected = flaggedItems(rule, framework, record.members);
  const recorded = new Map(record.flagged.map((f) => [f.itemCode, f]));
  const problems: Localized[] = [];
  for (const item of expected) {
    const f = recorded.get(item.itemCode);
    const problem = settlementProblem(rule, item, f);
    if (problem) problems.push(problem);
    else if (f && (f.base.min !== item.base.min || f.base.max !== item.base.max || f.final.min !== item.final.min || f.final.max !== item.final.max)) {
      problems.push({ zh: `合议记录中评分项 ${item.itemCode} 的分差与评分表不符`, en: `the record's spread for item ${item.itemCode} does not match the sheets` });
    }
  }
  const expectedCodes = new Set(expected.map((i) => i.itemCode));
  for (const f of record.flagged) {
    if (!expectedCodes.has(f.itemCode)) {
      problems.push({ zh: `合议记录列出的评分项 ${f.itemCode} 并无超过阈值的分歧`, en: `the record lists item ${f.itemCode}, on which the sheets do not disagree beyond the threshold` });
    }
  }
  if (record.flagged.length !== recorded.size) problems.push({ zh: '合议记录中有评分项出现两次', en: 'the record lists an item twice' });
  return problems;
}

/**
 * Why a consensus record does not hold against the sheets a store holds, or nothing: it must be
 * the panel's leader's, cover every active member, stand on the members' current sheets and on
 * versions actually received when it opened, settle every flagged item as the rules allow, and
 * carry an overall evaluation.
 */
export function consensusProblems(record: ConsensusRecord, held: HeldPanel, rule: Disagreement, framework: CriteriaFramework): Localized[] {
  const problems: Localized[] = [];
  if (held.leaderId === null || record.leaderId !== held.leaderId) {
    problems.push({ zh: '合议记录不是由该评审组的组长签署的', en: "the record is not signed off by the panel's leader" });
  }
  if (record.panelId !== held.panelId) {
    problems.push({ zh: '合议记录所属的评审组不是评审该申报单位此环节的评审组', en: 'the record is for another panel than the one that reviews this applicant in this stage' });
  }
  return [...problems, ...memberProblems(record, held, framework), ...flaggedProblems(record, rule, framework), ...opinionProblems(framework, record.opinion)];
}

/** One member's comments, item by item. */
export interface MemberComments {
  items: readonly { itemCode: string; strengths: string; opportunities: string }[];
}

/**
 * The app's proposal for the panel's opinion: per category, every member's strengths and
 * opportunities on its items, each point once, in the framework's item order. The leader edits it.
 */
export function proposeOpinion(framework: CriteriaFramework, members: readonly MemberComments[]): CategoryOpinion[] {
  const byItem = members.map((m) => new Map(m.items.map((i) => [i.itemCode, i])));
  return framework.categories.map((cat) => {
    const comments = cat.items.flatMap((item) => byItem.map((m) => m.get(item.code)).filter((c) => c !== undefined));
    return {
      code: cat.code,
      strengths: mergeComments(comments.map((c) => c.strengths)),
      opportunities: mergeComments(comments.map((c) => c.opportunities)),
    };
  });
}
