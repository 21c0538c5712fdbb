import { STAGES, type Industry, type Stage } from '../domain/words.js';
import type { Localized } from '../domain/localized.js';
import type { Applicant, Expert } from '../domain/people.js';
import type { AssignmentView } from '../domain/review.js';
import type { Panel } from '../domain/panels.js';
import type { StoreClient } from '../features/open.js';
import { UsageError } from './errors.js';

/** People type codes (WX2025-003, E07) and names; the services speak ids. These translate. */

/** The first record matching `ref` by the keys in order (code before id before name), else the message. */
function byRef<T>(all: T[], ref: string, keys: ((x: T) => string)[], notFound: Localized): T {
  for (const key of keys) {
    const found = all.find((x) => key(x) === ref);
    if (found) return found;
  }
  throw new UsageError(notFound);
}

export function applicantByCode(svc: StoreClient, editionId: string, ref: string): Applicant {
  return byRef(svc.applicants.list({ editionId }), ref, [(a) => a.code, (a) => a.id, (a) => a.name], {
    zh: `找不到申报单位“${ref}”：用 applicant list 查看编号。`,
    en: `No applicant "${ref}": see applicant list for the codes.`,
  });
}

export function expertByCode(svc: StoreClient, editionId: string, ref: string): Expert {
  return byRef(svc.experts.list({ editionId }), ref, [(e) => e.code, (e) => e.id, (e) => e.name], {
    zh: `找不到评审专家“${ref}”：用 expert list 查看编号。`,
    en: `No expert "${ref}": see expert list for the codes.`,
  });
}

export function panelByRef(svc: StoreClient, editionId: string, ref: string): Panel {
  return byRef(svc.panels.list({ editionId }), ref, [(p) => p.id, (p) => p.name], {
    zh: `找不到评审组“${ref}”：用 panel list 查看。`,
    en: `No panel "${ref}": see panel list.`,
  });
}

/** The expert's own view: applicants are known only through assignments. */
export function assignmentByCode(assignments: AssignmentView[], ref: string, stage?: Stage): AssignmentView {
  const mine = assignments.filter((a) => a.applicant.code === ref || a.applicant.id === ref || a.applicant.name === ref);
  const found = stage ? mine.find((a) => a.stage === stage) : mine[0];
  if (!found) {
    throw new UsageError({
      zh: `“${ref}”不在您${stage ? '该阶段' : ''}的评审任务中：用 assignments 查看。`,
      en: `"${ref}" is not among your assignments${stage ? ' for that stage' : ''}: see assignments.`,
    });
  }
  return found;
}

export function parseStage(value: string): Stage {
  const aliases: Record<string, Stage> = {
    材料: 'material',
    材料评审: 'material',
    现场: 'site',
    现场评审: 'site',
    答辩: 'defence',
    陈述答辩: 'defence',
    演讲答辩: 'defence',
    defense: 'defence',
  };
  const stage = (STAGES as readonly string[]).includes(value) ? (value as Stage) : aliases[value];
  if (!stage) {
    throw new UsageError({
      zh: `阶段“${value}”无效：应为 material（材料评审）、site（现场评审）或 defence（陈述答辩）。`,
      en: `Stage "${value}" is not valid: use material, site or defence.`,
    });
  }
  return stage;
}

export function parseIndustry(value: string): Industry {
  const n = Number(value.replace(/产业$/, '').replace('一', '1').replace('二', '2').replace('三', '3'));
  if (n !== 1 && n !== 2 && n !== 3) {
    throw new UsageError({
      zh: `产业“${value}”无效：应为 1、2 或 3（一、二、三产业）。`,
      en: `Industry "${value}" is not valid: use 1, 2 or 3.`,
    });
  }
  return n;
}

export function parseInteger(value: string, what: { zh: string; en: string }): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new UsageError({ zh: `${what.zh}应为整数，而不是“${value}”。`, en: `${what.en} must be a whole number, not "${value}".` });
  }
  return n;
}

/**
 * "55", "55%" or "55 %". Whether it lies on the 5 % grid is the service's rule; the CLI only
 * checks that it is a number, so the refusal reads the same from the app and the CLI.
 */
export function parsePercent(value: string): number {
  const n = Number(value.trim().replace(/\s*[%％]$/, ''));
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new UsageError({
      zh: `得分率“${value}”不是数字：请输入 0 到 100 之间、以 5 为步长的百分数，如 55。`,
      en: `Percentage "${value}" is not a number: give 0 to 100 in steps of 5, e.g. 55.`,
    });
  }
  return n;
}

export function splitList(value: string): string[] {
  return value
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
