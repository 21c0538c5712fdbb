import type { ChainEntry } from '../audit/chain.js';
import { walkChain } from '../audit/chain.js';
import type { Localized } from '../domain/localized.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import type { BundleSheet, ResultBundle } from './bundle.js';
import type { BundleRefusal } from './check-bundle.js';

/**
 * A bundle judged against what the secretariat already holds from the same expert, and against
 * the expert's own audit log. The laptop is not trusted: a sheet received as submitted changes
 * only after it was returned (by the secretariat, or by the panel's leader in a return signed with
 * the leader's key), a conflict received stands until the secretariat lifts it, nothing received
 * vanishes, the log only grows, and what the bundle says was scored and declared is what the log
 * recorded. Pure: the importer gathers what the store holds. A panel leader's laptop judges a
 * member's bundle the same way, for the part that concerns the panels the leader leads.
 */

export interface HeldSheet {
  applicantId: string;
  stage: Stage;
  version: number;
  submittedAt: string;
  items: { itemCode: string; percent: number | null; strengths: string; opportunities: string }[];
  /**
   * the returns of this version the next one may answer: the secretariat's, and any the panel's
   * leader signed whose signature the importer verified
   */
  openReturnIds: string[];
}

export interface HeldDeclaration {
  applicantId: string;
  conflict: boolean;
  reason: string;
  declaredAt: string;
  lifted: boolean;
}

export interface Held {
  editionId: string;
  /** the expert's store writes its log as this actor */
  actor: string;
  sheets: HeldSheet[];
  /** the expert's own declarations received so far */
  declarations: HeldDeclaration[];
  /** the log's head as the last accepted bundle showed it */
  head: { seq: number; hash: string } | null;
  /** a received sheet may leave later bundles only when the secretariat took its ground away */
  mayVanish(applicantId: string, stage: Stage): boolean;
  codeOf(applicantId: string): string;
}

const key = (applicantId: string, stage: Stage) => `${applicantId}\u0000${stage}`;

function who(held: Held, applicantId: string, stage: Stage): Localized {
  const code = held.codeOf(applicantId);
  return { zh: `${code}（${STAGE_NAMES[stage].zh}）的评分表`, en: `the sheet for ${code} (${STAGE_NAMES[stage].en})` };
}

function sameContent(a: HeldSheet, b: BundleSheet): boolean {
  if (a.submittedAt !== b.submittedAt || a.items.length !== b.items.length) return false;
  const byCode = new Map(a.items.map((i) => [i.itemCode, i]));
  return b.items.every((i) => {
    const h = byCode.get(i.itemCode);
    return h !== undefined && h.percent === i.percent && h.strengths === i.strengths && h.opportunities === i.opportunities;
  });
}

function sheetProblems(b: ResultBundle, held: Held): Localized[] {
  const problems: Localized[] = [];
  const heldByKey = new Map(held.sheets.map((s) => [key(s.applicantId, s.stage), s]));
  const sent = new Set(b.sheets.map((s) => key(s.applicantId, s.stage)));
  for (const s of b.sheets) {
    const w = who(held, s.applicantId, s.stage);
    const h = heldByKey.get(key(s.applicantId, s.stage));
    if (!h) {
      if (s.version !== 1 || s.returnId !== null) {
        problems.push({ zh: `${w.zh}为第 ${s.version} 版，但秘书处从未收到过此前的版本`, en: `${w.en} is version ${s.version}, but no earlier version was ever received` });
      }
      continue;
    }
    if (s.version === h.version) {
      if (!sameContent(h, s)) {
        problems.push({
          zh: `${w.zh}（第 ${h.version} 版）已提交给秘书处，未经退回却被改动`,
          en: `${w.en} (version ${h.version}) was already received as submitted and has changed without being returned`,
        });
      }
    } else if (!(s.version === h.version + 1 && s.returnId !== null && h.openReturnIds.includes(s.returnId))) {
      const returned = h.openReturnIds.length > 0;
      problems.push({
        zh: `${w.zh}为第 ${s.version} 版，而所持为第 ${h.version} 版且${returned ? '退回的是该版' : '未经秘书处或组长退回'}`,
        en: `${w.en} is version ${s.version}, while version ${h.version} is held${returned ? ', which is the one returned' : ', and neither the secretariat nor the panel leader returned it'}`,
      });
    }
  }
  for (const h of held.sheets) {
    if (!sent.has(key(h.applicantId, h.stage)) && !held.mayVanish(h.applicantId, h.stage)) {
      const w = who(held, h.applicantId, h.stage);
      problems.push({ zh: `已收到的${w.zh}在本结果包中缺失`, en: `${w.en}, already received, is missing from this bundle` });
    }
  }
  return problems;
}

function declarationProblems(b: ResultBundle, held: Held): Localized[] {
  const problems: Localized[] = [];
  const sent = new Map(b.declarations.map((d) => [d.applicantId, d]));
  for (const h of held.declarations) {
    if (h.lifted) continue;
    const code = held.codeOf(h.applicantId);
    const d = sent.get(h.applicantId);
    if (!d) {
      problems.push({ zh: `已收到的对 ${code} 的利益冲突声明在本结果包中缺失`, en: `the declaration on ${code}, already received, is missing from this bundle` });
    } else if (h.conflict && (!d.conflict || d.reason !== h.reason || d.declaredAt !== h.declaredAt)) {
      problems.push({
        zh: `专家已声明与 ${code} 存在利益冲突，秘书处已收到；该声明只能由秘书处解除，不能由专家撤回或改动`,
        en: `the expert declared a conflict with ${code}, which the secretariat received; only the secretariat can lift it, the expert cannot withdraw or change it`,
      });
    }
  }
  return problems;
}

/** What the expert's log says was scored and declared, replayed from its entries. */
interface Replayed {
  percents: Map<string, Map<string, number | null>>;
  submitted: Set<string>;
  /** applicant → the expert's last word on it in this edition, unless the secretariat lifted it */
  declared: Map<string, boolean>;
}

function replay(entries: readonly ChainEntry[], editionId: string): Replayed {
  const r: Replayed = { percents: new Map(), submitted: new Set(), declared: new Map() };
  for (const e of entries) {
    const d = e.detail;
    const sheetId = typeof d.sheetId === 'string' ? d.sheetId : null;
    switch (e.action) {
      case 'sheet.opened':
        if (sheetId) r.percents.set(sheetId, new Map());
        break;
      case 'sheet.reopened':
        if (sheetId) r.percents.set(sheetId, new Map(Object.entries((d.percents ?? {}) as Record<string, number | null>)));
        break;
      case 'sheet.item-saved':
        if (sheetId && typeof d.itemCode === 'string') r.percents.get(sheetId)?.set(d.itemCode, typeof d.percent === 'number' ? d.percent : null);
        break;
      case 'sheet.submitted':
        if (sheetId) r.submitted.add(sheetId);
        break;
      case 'declaration.made':
        if (d.editionId === editionId && typeof d.applicantId === 'string') r.declared.set(d.applicantId, d.conflict === true);
        break;
      case 'declaration.lifted':
        if (d.editionId === editionId && typeof d.applicantId === 'string' && d.source === 'expert') r.declared.delete(d.applicantId);
        break;
    }
  }
  return r;
}

function chainProblems(b: ResultBundle, held: Held): Localized[] {
  const walk = walkChain(b.audit);
  if (!walk.ok) {
    return [{ zh: `专家的审计日志在第 ${walk.brokenAt} 条处断裂：日志曾被改动`, en: `the expert's audit log breaks at entry ${walk.brokenAt}: it was altered` }];
  }
  const problems: Localized[] = [];
  const last = b.audit[b.audit.length - 1];
  if (!last || last.seq !== b.auditHead.seq || last.hash !== b.auditHead.hash) {
    problems.push({ zh: '结果包所记的审计日志末尾与所附日志不符', en: "the bundle's audit head does not match the log it carries" });
  }
  if (b.audit.some((e) => e.actor !== held.actor)) {
    problems.push({ zh: '所附审计日志含有不是该专家库写下的条目', en: "the log carries entries not written by this expert's store" });
  }
  if (held.head) {
    const at = b.audit[held.head.seq - 1];
    if (!at || at.hash !== held.head.hash) {
      problems.push({
        zh: `专家的审计日志没有延续秘书处此前收到的第 ${held.head.seq} 条：日志被改写或截短`,
        en: `the expert's audit log does not continue entry ${held.head.seq} the secretariat received before: it was rewritten or shortened`,
      });
    }
  }
  const log = replay(b.audit, b.editionId);
  for (const s of b.sheets) {
    const w = who(held, s.applicantId, s.stage);
    const logged = log.percents.get(s.sheetId);
    const matches = logged !== undefined && log.submitted.has(s.sheetId) && s.items.every((i) => logged.get(i.itemCode) === i.percent);
    if (!matches) {
      problems.push({ zh: `${w.zh}与专家审计日志所记的打分不符`, en: `${w.en} does not match the scores the expert's audit log recorded` });
    }
  }
  const sent = new Map(b.declarations.map((d) => [d.applicantId, d.conflict]));
  for (const [applicantId, conflict] of log.declared) {
    if (sent.get(applicantId) !== conflict) {
      const code = held.codeOf(applicantId);
      problems.push({ zh: `对 ${code} 的利益冲突声明与专家审计日志所记不符`, en: `the declaration on ${code} does not match what the expert's audit log recorded` });
    }
  }
  for (const applicantId of sent.keys()) {
    if (!log.declared.has(applicantId)) {
      const code = held.codeOf(applicantId);
      problems.push({ zh: `对 ${code} 的声明在专家审计日志中没有记录`, en: `the declaration on ${code} is not in the expert's audit log` });
    }
  }
  return problems;
}

/** The part of a bundle a judge keeps: a panel leader keeps only what concerns the panels the leader leads. */
export interface Scope {
  sheet(applicantId: string, stage: Stage): boolean;
  applicant(applicantId: string): boolean;
}

/** The bundle with only the sheets and declarations in scope; its audit log stays whole. */
export function inScope(b: ResultBundle, scope: Scope | undefined): ResultBundle {
  if (!scope) return b;
  return { ...b, sheets: b.sheets.filter((s) => scope.sheet(s.applicantId, s.stage)), declarations: b.declarations.filter((d) => scope.applicant(d.applicantId)) };
}

export function historyProblems(b: ResultBundle, held: Held, scope?: Scope): BundleRefusal | null {
  // the log is judged whole: it must continue and replay to exactly what the bundle carries
  const part = inScope(b, scope);
  const reasons = [...chainProblems(b, held), ...sheetProblems(part, held), ...declarationProblems(part, held)];
  return reasons.length ? { code: 'bundle.rewrites-history', reasons } : null;
}
