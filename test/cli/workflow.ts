import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '../../src-main/domain/words.js';
import { makePdf } from '../../src-main/cli/demo/pdf.js';
import { Actor, fillTemplate, type Run, CHEAP_KDF } from './helpers.js';

/**
 * A small Wuxi review driven only through `pingshen` subcommands: three applicants, three experts
 * sitting on all three stage panels, E03 conflicted with the third applicant.
 */
export const APPLICANTS = [
  ['WX2025-001', '无锡恒瑞达精密机械有限公司', '单位', '二产业', '王立新', '0510-82345678', 'wang@hengruida.example.cn'],
  ['WX2025-002', '宜兴市竹海生态茶业有限公司', '单位', '一产业', '周敏', '13912345678', ''],
  ['WX2025-003', '无锡运河物流集团有限公司', '单位', 3, '', '', ''],
];
export const [A, B, C] = APPLICANTS.map((r) => String(r[0])) as [string, string, string];
export const EXPERT_CODES = ['E01', 'E02', 'E03'] as const;
const EXPERTS = [
  ['E01', '张明远', '江南大学商学院', '教授', 2, '13900000001', ''],
  ['E02', '李淑芬', '无锡市质量协会', '正高级工程师', '三产业', '', 'li@wxqa.example.cn'],
  ['E03', '王建国', '无锡市标准化研究院', '研究员', '', '', ''],
];
export const STRENGTH = '质量文化建设扎实，全员参与度高';
export const CONFLICT_REASON = '本人近三年曾为该公司提供管理咨询';

/** Every item at the same percentage: totals are worked out by hand (points × percent). */
const PERCENT: Record<string, Record<string, number>> = {
  [A]: { E01: 75, E02: 70, E03: 75 },
  [B]: { E01: 55, E02: 60, E03: 55 },
  [C]: { E01: 40, E02: 40 },
};
const ITEMS = ['4.1.2', '4.1.3', '4.1.4', '4.2.2', '4.2.3', '4.3.2', '4.3.3', '4.4.2', '4.4.3', '4.4.4', '4.4.5', '4.4.6', '4.4.7', '4.5.2', '4.5.3', '4.6.2', '4.6.3', '4.7.2', '4.7.3', '4.7.4', '4.7.5', '4.7.6', '4.7.7'];

export interface Prepared {
  dir: string;
  sec: Actor;
  experts: Record<string, Actor>;
  /** bundle files per expert, in the order they were exported */
  bundles: Record<string, string[]>;
  packages: string[];
  material: string;
  /** outcomes of steps the tests look at afterwards */
  offGrid: Run;
  aboveRange: Run;
  recusedScore: Run;
  recusedMaterials: Run;
  /** E01's first bundle (declarations only), never imported */
  earlyBundle: string;
}

async function expertRound(e: Actor, code: string, stages: Stage[], pkg: string, out: string, first: boolean, record: Partial<Prepared>): Promise<void> {
  await e.ok('package', 'import', pkg);
  if (first) {
    const clear = code === 'E03' ? [A, B] : [A, B, C];
    await e.ok('declare', ...clear, '--no-conflict');
    if (code === 'E03') {
      await e.ok('declare', C, '--conflict', '--reason', CONFLICT_REASON);
      record.recusedScore = await e.run('score', 'set', C, 'material', '4.1.2', '50');
      record.recusedMaterials = await e.run('material', 'list', C);
    }
    if (code === 'E01') {
      // exported and never handed in: the replay the secretariat must refuse later
      record.earlyBundle = out.replace(/-1\.psbundle$/, '-0.psbundle');
      await e.ok('bundle', 'export', '--out', record.earlyBundle);
      record.offGrid = await e.run('score', 'set', A, 'material', '4.1.2', '57');
      record.aboveRange = await e.run('score', 'set', A, 'material', '4.1.2', '105');
      await e.ok('score', 'set', A, 'material', '4.1.2', '75', '--strengths', STRENGTH, '--opportunities', '数字化转型的成效尚待显现');
    }
  }
  for (const stage of stages) {
    const mine = Object.keys(PERCENT).filter((applicant) => PERCENT[applicant]?.[code] !== undefined);
    for (const applicant of mine) {
      const percent = String(PERCENT[applicant]?.[code]);
      await e.ok('score', 'set', applicant, stage, ...ITEMS.flatMap((item) => [item, percent]));
    }
    await e.ok('sheet', 'submit', mine.join(','), stage);
  }
  await e.ok('bundle', 'export', '--out', out);
}

export async function prepareWorkflow(dir: string): Promise<Prepared> {
  const record: Partial<Prepared> = {};
  const sec = Actor.create(dir, 'secretariat');
  await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
  await sec.ok('edition', 'create', '--name', '2025年度无锡市市长质量奖', '--year', '2025', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '7');
  await sec.ok('applicant', 'import', await fillTemplate('applicants', APPLICANTS, join(dir, 'applicants.xlsx')));
  await sec.ok('expert', 'import', await fillTemplate('experts', EXPERTS, join(dir, 'experts.xlsx')));

  const experts = Object.fromEntries(EXPERT_CODES.map((code) => [code, Actor.create(dir, code)]));
  const inits = await Promise.all(EXPERT_CODES.map((code) => experts[code]!.json<{ enrollmentCode: string }>('init', '--role', 'expert', ...CHEAP_KDF)));
  for (const [i, code] of EXPERT_CODES.entries()) {
    const enrollment = inits[i]!.enrollmentCode;
    if (code === 'E01') await sec.ok('expert', 'enroll', code, enrollment);
    else {
      writeFileSync(join(dir, `${code}.enroll.txt`), `${enrollment}\n`);
      await sec.ok('expert', 'enroll', code, '--file', join(dir, `${code}.enroll.txt`));
    }
  }
  for (const [stage, name] of [['material', '材料评审组'], ['site', '现场评审组'], ['defence', '陈述答辩组']] as const) {
    await sec.ok('panel', 'create', '--stage', stage, '--name', name, '--members', EXPERT_CODES.join(','), '--leader', 'E01');
  }
  await sec.ok('panel', 'assign', '材料评审组', '--all');
  const material = join(dir, `${A}-自评报告.pdf`);
  writeFileSync(material, makePdf([`Self-assessment report ${A}`]));
  await sec.ok('material', 'attach', A, material);

  const bundles: Record<string, string[]> = Object.fromEntries(EXPERT_CODES.map((c) => [c, []]));
  const packages: string[] = [];
  const round = async (n: number, stages: Stage[]) => {
    const exported = await sec.json<{ expertId: string; expertCode: string; file: string; sha256: string; applicants: number; bytes: number }[]>('package', 'export', '--out', join(dir, `packages-${n}`));
    packages.push(...exported.map((p) => p.file));
    mkdirSync(join(dir, 'bundles'), { recursive: true });
    await Promise.all(
      exported.map(async (p) => {
        const code = p.expertCode;
        const out = join(dir, 'bundles', `${code}-${n}.psbundle`);
        await expertRound(experts[code]!, code, stages, p.file, out, n === 1, record);
        bundles[code]!.push(out);
      }),
    );
    await sec.ok('bundle', 'import', ...EXPERT_CODES.map((code) => bundles[code]!.at(-1)!));
  };

  await round(1, ['material']);
  await sec.ok('panel', 'assign', '现场评审组', '--shortlist');
  await sec.ok('panel', 'assign', '陈述答辩组', '--shortlist');
  await round(2, ['site', 'defence']);
  return { dir, sec, experts, bundles, packages, material, ...record } as Prepared;
}
