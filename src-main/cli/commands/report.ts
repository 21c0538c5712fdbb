import { resolve } from 'node:path';
import { Argument, Command } from 'commander';
import type { Stage } from '../../domain/words.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { save } from '../files.js';
import { applicantByCode, assignmentByCode, expertByCode, parseStage } from '../lookup.js';

const KINDS = ['score-sheet', 'panel-summary', 'panel-binder', 'feedback', 'ranking', 'ballot', 'recusals', 'receipt', 'award-list', 'decisions'] as const;
type Kind = (typeof KINDS)[number];

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('生成 PDF 报告 / make a PDF report')
    .addArgument(
      new Argument('<kind>', '报告类型 / kind: score-sheet 评分表, panel-summary 评审组汇总, panel-binder 评审组汇总汇编, feedback 反馈报告, ranking 排名与候选, ballot 表决票, recusals 回避记录, receipt 导入回执, award-list 拟奖名单, decisions 评委会审议、公示与异议记录').choices(KINDS),
    )
    .requiredOption('--out <file>', '输出 PDF 文件 / output PDF file')
    .option('--applicant <code>', '申报单位编号（评分表、汇总、反馈）/ applicant code (score sheet, summary, feedback)')
    .option('--expert <code>', '专家编号（秘书处打印某专家评分表）/ expert code (secretariat printing an expert\'s sheet)')
    .option('--stage <stage>', '阶段 / stage')
    .option('--disclose-scores', '反馈报告中列出各类目得分（仅在办法允许公开时使用）/ feedback: print the scores by category (only where the regulation allows disclosing them)')
    .action(async (kind: Kind, opts: { out: string; applicant?: string; expert?: string; stage?: string; discloseScores?: boolean }, cmd: Command) => {
      const cli = Cli.of(cmd);
      if (opts.discloseScores && kind !== 'feedback') {
        throw new UsageError({
          zh: '--disclose-scores 只用于反馈报告（report feedback）。',
          en: '--disclose-scores applies only to the feedback report (report feedback).',
        });
      }
      const stage: Stage | undefined = opts.stage ? parseStage(opts.stage) : undefined;
      await cli.withStore(async (store) => {
        const editionId = cli.edition(store).id;
        let applicantId: string | undefined;
        let expertId: string | undefined;
        if (store.role === 'secretariat') {
          if (opts.applicant) applicantId = applicantByCode(store, editionId, opts.applicant).id;
          if (opts.expert) expertId = expertByCode(store, editionId, opts.expert).id;
        } else if (opts.applicant) {
          applicantId = assignmentByCode(store.assignments.mine({ editionId }), opts.applicant, stage).applicant.id;
        }
        const report = await store.reports.make({
          kind,
          editionId,
          ...(applicantId ? { applicantId } : {}),
          ...(expertId ? { expertId } : {}),
          ...(stage ? { stage } : {}),
          ...(opts.discloseScores ? { discloseScores: true } : {}),
          lang: cli.lang,
        } as Parameters<typeof store.reports.make>[0]);
        const made = { file: save(report, opts.out), bytes: report.bytes.byteLength, pages: report.pages, fingerprint: report.fingerprint };
        cli.emit(made, () =>
          cli.t({
            zh: `已生成 ${made.file}（${made.pages} 页，${made.bytes} 字节，指纹 ${made.fingerprint.slice(0, 16)}）。`,
            en: `Wrote ${made.file} (${made.pages} pages, ${made.bytes} bytes, fingerprint ${made.fingerprint.slice(0, 16)}).`,
          }),
        );
      });
    });
}

/** Everything the committee reads, in one go: feedback and panel summaries per applicant, the ranking. */
export function registerReportSetCommand(program: Command): void {
  program
    .command('report-set')
    .description('生成整套报告（每家的反馈报告、全部单位的评审组评分汇总表汇编、排名）/ make the full report set (a feedback report per applicant, the binder of every panel summary, the ranking)')
    .requiredOption('--out <dir>', '输出文件夹 / output folder')
    .option('--disclose-scores', '反馈报告中列出各类目得分 / feedback: print the scores by category')
    .action(async (opts: { out: string; discloseScores?: boolean }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore(async (store) => {
        const editionId = cli.edition(store).id;
        const set = await store.reports.makeSet(
          { editionId, lang: cli.lang, discloseScores: opts.discloseScores === true },
          { progress: (done, total, name) => cli.note({ zh: `[${done}/${total}] ${name}`, en: `[${done}/${total}] ${name}` }) },
        );
        const { writeReportSet } = await import('../../report/set.js');
        const paths = await writeReportSet(set, opts.out);
        const made = {
          dir: resolve(opts.out),
          files: set.files.map((f, i) => ({ file: paths[i], kind: f.kind, applicantCode: f.applicantCode, bytes: f.bytes.byteLength, pages: f.pages, fingerprint: f.fingerprint })),
          bytes: set.size,
          pages: set.pages,
        };
        cli.emit(made, () =>
          cli.t({
            zh: `已在 ${made.dir} 生成 ${made.files.length} 份报告（共 ${made.pages} 页，${made.bytes} 字节）。`,
            en: `Wrote ${made.files.length} reports to ${made.dir} (${made.pages} pages, ${made.bytes} bytes).`,
          }),
        );
      });
    });
}
