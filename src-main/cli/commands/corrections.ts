import { Command, Option } from 'commander';
import type { ApplicantChanges, ExpertChanges } from '../../domain/people.js';
import type { PackageChange } from '../../domain/package-changes.js';
import type { StoreClient } from '../../features/open.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { upload } from '../files.js';
import { applicantByCode, expertByCode, parseIndustry, parseStage } from '../lookup.js';
import { stageName } from '../output.js';
import { changeLines, done, group, REASON } from './correction-kit.js';
import { registerPanelCorrections } from './panel-corrections.js';

/**
 * Corrections from the command line (issue 9), one subcommand per call, under the group of the
 * thing corrected: applicant, expert, panel, material, recusal, sheet, package. Every change asks
 * for the reason the audit log keeps.
 */

interface ApplicantFieldOpts {
  code?: string;
  name?: string;
  kind?: 'unit' | 'individual';
  industry?: string;
  creditCode?: string;
  idNumber?: string;
  contact?: string;
  phone?: string;
  email?: string;
}

function applicantChanges(o: ApplicantFieldOpts): ApplicantChanges {
  const changes: ApplicantChanges = {};
  if (o.code !== undefined) changes.code = o.code;
  if (o.name !== undefined) changes.name = o.name;
  if (o.kind !== undefined) changes.kind = o.kind;
  if (o.industry !== undefined) changes.industry = parseIndustry(o.industry);
  if (o.creditCode !== undefined) changes.creditCode = o.creditCode || null;
  if (o.idNumber !== undefined) changes.idNumber = o.idNumber || null;
  if (o.contact !== undefined) changes.contactName = o.contact || null;
  if (o.phone !== undefined) changes.contactPhone = o.phone || null;
  if (o.email !== undefined) changes.contactEmail = o.email || null;
  if (Object.keys(changes).length === 0) throw new UsageError({ zh: '没有要更正的字段：请至少给出一个，如 --name。', en: 'Nothing to correct: give at least one field, such as --name.' });
  return changes;
}

interface ExpertFieldOpts {
  code?: string;
  name?: string;
  organisation?: string;
  title?: string;
  industry?: string;
  phone?: string;
  email?: string;
}

function expertChanges(o: ExpertFieldOpts): ExpertChanges {
  const changes: ExpertChanges = {};
  if (o.code !== undefined) changes.code = o.code;
  if (o.name !== undefined) changes.name = o.name;
  if (o.organisation !== undefined) changes.organisation = o.organisation || null;
  if (o.title !== undefined) changes.title = o.title || null;
  if (o.industry !== undefined) changes.industry = o.industry === '' ? null : parseIndustry(o.industry);
  if (o.phone !== undefined) changes.phone = o.phone || null;
  if (o.email !== undefined) changes.email = o.email || null;
  if (Object.keys(changes).length === 0) throw new UsageError({ zh: '没有要更正的字段：请至少给出一个，如 --name。', en: 'Nothing to correct: give at least one field, such as --name.' });
  return changes;
}

function registerPeopleCorrections(program: Command): void {
  const applicant = group(program, 'applicant');
  applicant
    .command('update <applicantCode>')
    .description('更正申报单位信息（已发出的评审包随之过期）/ correct an applicant (packages that named it go out of date)')
    .option('--code <code>', '新编号 / new code')
    .option('--name <name>', '新名称 / new name')
    .addOption(new Option('--kind <kind>', '类型 / kind').choices(['unit', 'individual']))
    .option('--industry <1|2|3>', '所属产业 / industry')
    .option('--credit-code <code>', '统一社会信用代码（空字符串清除）/ unified social credit code ("" clears)')
    .option('--id-number <number>', '居民身份证号码（空字符串清除）/ resident ID-card number ("" clears)')
    .option('--contact <name>', '联系人（空字符串清除）/ contact person ("" clears)')
    .option('--phone <phone>', '联系电话 / phone')
    .option('--email <email>', '电子邮箱 / e-mail')
    .option(...REASON)
    .action(async (ref: string, opts: ApplicantFieldOpts & { reason?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const fixed = svc.applicants.update({ applicantId: a.id, changes: applicantChanges(opts), ...(opts.reason ? { reason: opts.reason } : {}) });
        done(cli, fixed, { zh: `已更正申报单位：${fixed.code} ${fixed.name}。`, en: `Applicant corrected: ${fixed.code} ${fixed.name}.` });
      });
    });
  applicant
    .command('remove <applicantCode>')
    .description('删除误录的申报单位（已发出评审包、有声明或评分表后不能删除，只能撤回）/ remove an applicant entered in error')
    .requiredOption(...REASON)
    .action(async (ref: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const out = svc.applicants.remove({ applicantId: a.id, reason: opts.reason });
        done(cli, out, { zh: `已删除申报单位 ${a.code} ${a.name}。`, en: `Applicant ${a.code} ${a.name} removed.` });
      });
    });
  applicant
    .command('withdraw <applicantCode>')
    .description('撤回申报：不再分配和排名，记录保留 / withdraw an applicant: no longer assigned or ranked, the record kept')
    .requiredOption(...REASON)
    .action(async (ref: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const out = svc.applicants.withdraw({ applicantId: a.id, reason: opts.reason });
        done(cli, out, {
          zh: `${a.code} ${a.name} 已撤回申报。请重新导出其评审专家的评审包（package status 查看）。`,
          en: `${a.code} ${a.name} withdrew. Export its experts' packages again (see package status).`,
        });
      });
    });

  const expert = group(program, 'expert');
  expert
    .command('update <expertCode>')
    .description('更正评审专家信息 / correct an expert')
    .option('--code <code>', '新编号 / new code')
    .option('--name <name>', '姓名 / name')
    .option('--organisation <org>', '工作单位 / organisation')
    .option('--title <title>', '职称 / title')
    .option('--industry <1|2|3>', '专业产业（空字符串清除）/ industry ("" clears)')
    .option('--phone <phone>', '电话 / phone')
    .option('--email <email>', '电子邮箱 / e-mail')
    .option(...REASON)
    .action(async (ref: string, opts: ExpertFieldOpts & { reason?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = expertByCode(svc, cli.edition(svc).id, ref);
        const fixed = svc.experts.update({ expertId: e.id, changes: expertChanges(opts), ...(opts.reason ? { reason: opts.reason } : {}) });
        done(cli, fixed, { zh: `已更正评审专家：${fixed.code} ${fixed.name}。`, en: `Expert corrected: ${fixed.code} ${fixed.name}.` });
      });
    });
  expert
    .command('remove <expertCode>')
    .description('删除误录的评审专家（已发出评审包后只能退出）/ remove an expert entered in error')
    .requiredOption(...REASON)
    .action(async (ref: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = expertByCode(svc, cli.edition(svc).id, ref);
        const out = svc.experts.remove({ expertId: e.id, reason: opts.reason });
        done(cli, out, { zh: `已删除评审专家 ${e.code} ${e.name}。`, en: `Expert ${e.code} ${e.name} removed.` });
      });
    });
  expert
    .command('withdraw <expertCode>')
    .description('专家退出：离开所有评审组，其评分表保留但不再计分 / an expert withdraws: off every panel, their sheets kept but no longer counted')
    .requiredOption(...REASON)
    .action(async (ref: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = expertByCode(svc, cli.edition(svc).id, ref);
        const out = svc.experts.withdraw({ expertId: e.id, reason: opts.reason });
        done(cli, out, { zh: `评审专家 ${e.code} ${e.name} 已退出本届评审。`, en: `Expert ${e.code} ${e.name} has withdrawn from this edition.` });
      });
    });
}

function registerOtherCorrections(program: Command): void {
  const material = group(program, 'material');
  const materialOf = (cli: Cli, svc: StoreClient, code: string, fileName: string) => {
    const a = applicantByCode(svc, cli.edition(svc).id, code);
    const m = svc.materials.list({ applicantId: a.id }).find((x) => x.fileName === fileName || x.id === fileName);
    if (!m) throw new UsageError({ zh: `${a.code} 没有名为“${fileName}”的材料：用 material list ${a.code} 查看。`, en: `${a.code} has no material "${fileName}": see material list ${a.code}.` });
    return m;
  };
  material
    .command('replace <applicantCode> <fileName> <pdf>')
    .description('用新版本替换材料（专家下次导入评审包时看到更新）/ replace a material with a new version')
    .requiredOption(...REASON)
    .action(async (code: string, fileName: string, pdf: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const m = materialOf(cli, svc, code, fileName);
        const next = svc.materials.replace({ materialId: m.id, file: upload(pdf), reason: opts.reason });
        done(cli, next, { zh: `已用 ${next.fileName}（第 ${next.version} 版）替换 ${m.fileName}。`, en: `${m.fileName} replaced by ${next.fileName} (version ${next.version}).` });
      });
    });
  material
    .command('remove <applicantCode> <fileName>')
    .description('撤下误传的材料 / remove a material attached in error')
    .requiredOption(...REASON)
    .action(async (code: string, fileName: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const m = materialOf(cli, svc, code, fileName);
        const out = svc.materials.remove({ materialId: m.id, reason: opts.reason });
        done(cli, out, { zh: `已撤下材料 ${m.fileName}。`, en: `Material ${m.fileName} removed.` });
      });
    });

  group(program, 'recusal')
    .command('lift <expertCode> <applicantCode>')
    .description('撤销回避（专家误报或秘书处误定），原记录保留 / lift a recusal declared or imposed in error; the original is kept')
    .addOption(new Option('--source <source>', '回避来源 / who recorded it').choices(['expert', 'secretariat']).default('expert'))
    .requiredOption(...REASON)
    .action(async (expertCode: string, applicantCode: string, opts: { source: 'expert' | 'secretariat'; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const e = expertByCode(svc, editionId, expertCode);
        const a = applicantByCode(svc, editionId, applicantCode);
        const out = svc.declarations.lift({ expertId: e.id, applicantId: a.id, source: opts.source, reason: opts.reason });
        done(cli, out, {
          zh: `已撤销 ${e.code} 对 ${a.code} 的回避。该专家导入下一个评审包后重新声明。`,
          en: `${e.code}'s recusal from ${a.code} is lifted. The expert declares afresh after importing their next package.`,
        });
      });
    });

  group(program, 'sheet')
    .command('return <expertCode> <applicantCode> <stage>')
    .description('把已提交的评分表退回专家修改（此版本保留但不再计分）/ return a submitted sheet to its expert for correction')
    .requiredOption(...REASON)
    .action(async (expertCode: string, applicantCode: string, stageArg: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(stageArg);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const e = expertByCode(svc, editionId, expertCode);
        const a = applicantByCode(svc, editionId, applicantCode);
        const [sheet] = svc.sheets.list({ editionId, filter: { applicantId: a.id, expertId: e.id, stage } });
        if (!sheet) throw new UsageError({ zh: `尚未收到 ${e.code} 对 ${a.code}（${stageName(stage, 'zh')}）的评分表。`, en: `No sheet from ${e.code} for ${a.code} (${stageName(stage, 'en')}) has been received.` });
        const out = svc.sheets.return({ sheetId: sheet.id, reason: opts.reason });
        done(cli, out, {
          zh: `已退回 ${e.code} 对 ${a.code} 的评分表（第 ${out.version} 版）。请重新导出该专家的评审包。`,
          en: `${e.code}'s sheet for ${a.code} (version ${out.version}) is returned. Export that expert's package again.`,
        });
      });
    });

  group(program, 'package')
    .command('status')
    .description('哪些专家的评审包已过期，以及新包会带来的更改 / whose package is out of date, and what a new one changes')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e]));
        const status = svc.packages.status({ editionId });
        cli.emit(status, () =>
          status
            .map((s) => {
              const e = experts.get(s.expertId);
              const who = `${e?.code ?? s.expertId} ${e?.name ?? ''}`;
              if (!s.outOfDate) return cli.t({ zh: `${who}：评审包是最新的`, en: `${who}: package up to date` });
              if (!s.exportedAt) return cli.t({ zh: `${who}：尚未导出评审包`, en: `${who}: no package exported yet` });
              return `${cli.t({ zh: `${who}：评审包已过期，新包将带来：`, en: `${who}: package out of date; a new one brings:` })}\n${changeLines(cli, s.changes)}`;
            })
            .join('\n'),
        );
      });
    });
}

export function registerCorrectionCommands(program: Command): void {
  registerPeopleCorrections(program);
  registerPanelCorrections(program);
  registerOtherCorrections(program);
}

/** What `package import` says an updated package changed. */
export function describePackageChanges(cli: Cli, changes: PackageChange[]): string {
  if (changes.length === 0) return '';
  return `${cli.t({ zh: '此评审包带来的更改：', en: 'What this package changes:' })}\n${changeLines(cli, changes)}`;
}
