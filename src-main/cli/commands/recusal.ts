import { Command } from 'commander';
import type { Declaration } from '../../domain/review.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { applicantByCode, assignmentByCode, expertByCode, splitList } from '../lookup.js';
import { DASH, fmtDate, renderTable, stageName } from '../output.js';

const SOURCE = { expert: { zh: '专家申明', en: 'declared' }, secretariat: { zh: '秘书处指定', en: 'imposed' } };

export function registerDeclarationCommands(program: Command): void {
  program
    .command('assignments')
    .description('专家：我的评审任务、申明与评分进度 / expert: my assignments, declarations and progress')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.expert((svc) => {
        const assignments = svc.assignments.mine({ editionId: cli.edition(svc).id });
        const sheet = { none: { zh: '未开始', en: 'not started' }, draft: { zh: '草稿', en: 'draft' }, submitted: { zh: '已提交', en: 'submitted' } };
        cli.emit(assignments, () =>
          renderTable(
            assignments,
            [
              { header: { zh: '编号', en: 'Code' }, value: (a) => a.applicant.code },
              { header: { zh: '申报单位', en: 'Applicant' }, value: (a) => a.applicant.name },
              { header: { zh: '阶段', en: 'Stage' }, value: (a) => stageName(a.stage, cli.lang) },
              {
                header: { zh: '利益冲突', en: 'Conflict' },
                value: (a) =>
                  a.declaration === null
                    ? cli.t({ zh: '未申明', en: 'undeclared' })
                    : a.declaration.conflict
                      ? cli.t({ zh: '有（回避）', en: 'yes (recused)' })
                      : cli.t({ zh: '无', en: 'none' }),
              },
              { header: { zh: '评分表', en: 'Sheet' }, value: (a) => cli.t(sheet[a.sheetStatus]) },
              { header: { zh: '已评条款', en: 'Scored' }, value: (a) => `${a.scoredItems}/${a.totalItems}`, align: 'right' },
            ],
            cli.lang,
          ),
        );
      });
    });

  program
    .command('declare <applicantCodes...>')
    .description('专家：申明与申报单位有无利益冲突（阅读材料前；可一次申明多家）/ expert: declare a conflict of interest or none, before reading materials (several applicants at once)')
    .option('--no-conflict', '无利益冲突 / no conflict of interest')
    .option('--conflict', '有利益冲突，回避 / conflicted: step out of this review')
    .option('--reason <text>', '说明（有冲突时必填）/ reason (required for a conflict)', '')
    .action(async (codes: string[], opts: { conflict?: boolean; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const source = cmd.getOptionValueSource('conflict');
      if (source === undefined || source === 'default') {
        throw new UsageError({
          zh: '请用 --conflict（有冲突，回避）或 --no-conflict（无冲突）明确申明。',
          en: 'Declare explicitly with --conflict (conflicted, recuse) or --no-conflict.',
        });
      }
      const conflict = opts.conflict === true;
      await cli.expert((svc) => {
        const editionId = cli.edition(svc).id;
        const assignments = svc.assignments.mine({ editionId });
        const targets = codes.flatMap(splitList).map((code) => assignmentByCode(assignments, code).applicant);
        const declarations = targets.map((a) => svc.declarations.declare({ editionId, applicantId: a.id, conflict, reason: opts.reason }));
        const list = targets.map((a) => a.code).join(cli.lang === 'zh' ? '、' : ', ');
        cli.emit(declarations, () =>
          conflict
            ? cli.t({
                zh: `已申明与 ${list} 有利益冲突：您将回避其评审，其材料保持密封。`,
                en: `Conflict declared for ${list}: you step out of its review and its materials stay sealed.`,
              })
            : cli.t({
                zh: `已申明与 ${list} 无利益冲突：现在可以阅读材料和评分。`,
                en: `No conflict declared for ${list}: you may now read the materials and score.`,
              }),
        );
      });
    });

  const recusal = program.command('recusal').description('回避 / recusals');

  recusal
    .command('impose <expertCode> <applicantCode>')
    .description('秘书处指定专家回避（专家未申明时）/ the secretariat imposes a recusal the expert did not declare')
    .requiredOption('--reason <text>', '回避原因 / reason')
    .action(async (expertCode: string, applicantCode: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const expert = expertByCode(svc, editionId, expertCode);
        const applicant = applicantByCode(svc, editionId, applicantCode);
        const declaration = svc.declarations.impose({ expertId: expert.id, applicantId: applicant.id, reason: opts.reason });
        cli.emit(declaration, () =>
          cli.t({
            zh: `已指定 ${expert.code} ${expert.name} 回避 ${applicant.code} ${applicant.name}。请重新导出该专家的评审包。`,
            en: `${expert.code} ${expert.name} is recused from ${applicant.code} ${applicant.name}. Export that expert's package again.`,
          }),
        );
      });
    });

  recusal
    .command('list')
    .description('回避记录：全部利益冲突申明（有或无）与秘书处指定的回避，含时间 / recusal register: every declaration (conflict or not) and every imposed recusal, with times')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e]));
        const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
        const register = svc.declarations.register({ editionId });
        const zone = cli.timeZone(svc, editionId);
        cli.emit(register, () =>
          renderTable<Declaration>(
            register,
            [
              { header: { zh: '申报单位', en: 'Applicant' }, value: (d) => applicants.get(d.applicantId)?.code ?? DASH },
              { header: { zh: '专家编号', en: 'Expert code' }, value: (d) => experts.get(d.expertId)?.code ?? DASH },
              { header: { zh: '专家', en: 'Expert' }, value: (d) => experts.get(d.expertId)?.name ?? DASH },
              {
                header: { zh: '利益冲突', en: 'Conflict' },
                value: (d) => cli.t(d.conflict ? { zh: '有（回避）', en: 'yes (recused)' } : { zh: '无', en: 'no' }),
              },
              { header: { zh: '来源', en: 'Source' }, value: (d) => cli.t(SOURCE[d.source]) },
              { header: { zh: '原因', en: 'Reason' }, value: (d) => d.reason || DASH },
              { header: { zh: '时间', en: 'Time' }, value: (d) => fmtDate(d.declaredAt, zone) },
            ],
            cli.lang,
          ),
        );
      });
    });
}
