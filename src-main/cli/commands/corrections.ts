import { Command, Option } from 'commander';
import type { ApplicantChanges, ExpertChanges } from '../../domain/people.js';
import type { PackageChange } from '../../domain/package-changes.js';
import type { Localized } from '../../domain/localized.js';
import type { Panel } from '../../domain/panels.js';
import type { StoreClient } from '../../features/open.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { upload } from '../files.js';
import { applicantByCode, expertByCode, panelByRef, parseIndustry, parseStage, splitList } from '../lookup.js';
import { renderTable, stageName } from '../output.js';

/**
 * Corrections from the command line (issue 9), one subcommand per call, under the group of the
 * thing corrected: applicant, expert, panel, material, recusal, sheet, package. Every change asks
 * for the reason the audit log keeps.
 */

const REASON = ['--reason <text>', '原因（记入审计日志）/ reason (kept in the audit log)'] as const;

function group(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`command group ${name} must be registered before its corrections`);
  return found;
}

const changeLines = (cli: Cli, changes: PackageChange[]): string => changes.map((c) => `  - ${cli.t(c.text)}`).join('\n');

function done(cli: Cli, data: unknown, text: Localized): void {
  cli.emit(data, () => cli.t(text));
}

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

function registerPanelCorrections(program: Command): void {
  const panel = group(program, 'panel');
  panel
    .command('update <panel>')
    .description('更改评审组名称或组长 / rename a panel or change its leader')
    .option('--name <name>', '新名称 / new name')
    .option('--leader <expertCode>', '新组长（须为成员）/ new leader (a member)')
    .option('--no-leader', '不设组长 / no leader')
    .option(...REASON)
    .action(async (ref: string, opts: { name?: string; leader?: string | false; reason?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const p = panelByRef(svc, editionId, ref);
        const leaderId = opts.leader === false ? null : opts.leader === undefined ? undefined : expertByCode(svc, editionId, opts.leader).id;
        const out = svc.panels.update({ panelId: p.id, ...(opts.name ? { name: opts.name } : {}), ...(leaderId !== undefined ? { leaderId } : {}), ...(opts.reason ? { reason: opts.reason } : {}) });
        done(cli, out, { zh: `已更新评审组“${out.name}”。`, en: `Panel "${out.name}" updated.` });
      });
    });
  const membership = (name: string, description: string, run: (svc: StoreClient, input: { panelId: string; expertId: string; reason: string }) => Panel, text: (p: Panel) => Localized) =>
    panel
      .command(`${name} <panel> <expertCode>`)
      .description(description)
      .requiredOption(...REASON)
      .action(async (ref: string, code: string, opts: { reason: string }, cmd: Command) => {
        const cli = Cli.of(cmd);
        await cli.secretariat((svc) => {
          const editionId = cli.edition(svc).id;
          const p = run(svc, { panelId: panelByRef(svc, editionId, ref).id, expertId: expertByCode(svc, editionId, code).id, reason: opts.reason });
          done(cli, p, text(p));
        });
      });
  membership(
    'add-member',
    '加入评审组成员 / add a member to a panel',
    (svc, input) => svc.panels.addMember(input),
    (p) => ({ zh: `已加入“${p.name}”，现有 ${p.memberIds.length} 人。`, en: `Added to "${p.name}", now ${p.memberIds.length} members.` }),
  );
  membership(
    'remove-member',
    '移出评审组成员（其评分表保留但不再计分）/ remove a member (their sheets kept, no longer counted)',
    (svc, input) => svc.panels.removeMember(input),
    (p) => ({ zh: `已移出“${p.name}”，现有 ${p.memberIds.length} 人。`, en: `Removed from "${p.name}", now ${p.memberIds.length} members.` }),
  );
  panel
    .command('replace-member <panel> <expertCode>')
    .description('替换成员（替补者接替其位置，原为组长则接任组长）/ replace a member (the replacement takes the seat, and the lead if they led)')
    .requiredOption('--by <expertCode>', '替补专家编号 / the replacement expert')
    .requiredOption(...REASON)
    .action(async (ref: string, code: string, opts: { by: string; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const out = expertByCode(svc, editionId, code);
        const by = expertByCode(svc, editionId, opts.by);
        const p = svc.panels.replaceMember({ panelId: panelByRef(svc, editionId, ref).id, expertId: out.id, byExpertId: by.id, reason: opts.reason });
        done(cli, p, { zh: `“${p.name}”：${by.code} ${by.name} 替换 ${out.code} ${out.name}。`, en: `"${p.name}": ${by.code} ${by.name} replaces ${out.code} ${out.name}.` });
      });
    });
  panel
    .command('unassign <panel> <applicantCodes...>')
    .description('取消分配 / unassign applicants from a panel')
    .requiredOption(...REASON)
    .action(async (ref: string, codes: string[], opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const applicantIds = codes.flatMap(splitList).map((c) => applicantByCode(svc, editionId, c).id);
        const p = svc.panels.unassign({ panelId: panelByRef(svc, editionId, ref).id, applicantIds, reason: opts.reason });
        done(cli, p, { zh: `已从“${p.name}”取消 ${applicantIds.length} 家的分配。`, en: `${applicantIds.length} applicant(s) unassigned from "${p.name}".` });
      });
    });
  panel
    .command('move <applicantCode> <toPanel>')
    .description('把申报单位移到同一阶段的另一个评审组 / move an applicant to another panel of the same stage')
    .requiredOption(...REASON)
    .action(async (code: string, to: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const a = applicantByCode(svc, editionId, code);
        const p = svc.panels.move({ applicantId: a.id, toPanelId: panelByRef(svc, editionId, to).id, reason: opts.reason });
        done(cli, p, { zh: `${a.code} 已移到“${p.name}”（${stageName(p.stage, 'zh')}）。`, en: `${a.code} moved to "${p.name}" (${stageName(p.stage, 'en')}).` });
      });
    });
  panel
    .command('substitute <panel> <applicantCode> <expertCode>')
    .description('为一家申报单位增派专家（如回避后人数不足）/ add an expert to a panel for one applicant (e.g. a panel short after recusals)')
    .requiredOption(...REASON)
    .option('--remove', '撤销此前的增派 / take a substitute off again')
    .action(async (ref: string, code: string, expertCode: string, opts: { reason: string; remove?: boolean }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const a = applicantByCode(svc, editionId, code);
        const e = expertByCode(svc, editionId, expertCode);
        const input = { panelId: panelByRef(svc, editionId, ref).id, applicantId: a.id, expertId: e.id, reason: opts.reason };
        const p = opts.remove ? svc.panels.removeSubstitute(input) : svc.panels.addSubstitute(input);
        done(
          cli,
          p,
          opts.remove
            ? { zh: `已撤销 ${e.code} 在“${p.name}”对 ${a.code} 的增派。`, en: `${e.code} is no longer added to "${p.name}" for ${a.code}.` }
            : { zh: `已为 ${a.code} 向“${p.name}”增派 ${e.code} ${e.name}。请导出其评审包。`, en: `${e.code} ${e.name} added to "${p.name}" for ${a.code}. Export their package.` },
        );
      });
    });
  panel
    .command('remove <panel>')
    .description('删除误建的评审组（须先取消全部分配）/ remove a panel formed in error (unassign everything first)')
    .requiredOption(...REASON)
    .action(async (ref: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const out = svc.panels.remove({ panelId: panelByRef(svc, cli.edition(svc).id, ref).id, reason: opts.reason });
        done(cli, out, { zh: `已删除评审组“${out.removed.name}”。`, en: `Panel "${out.removed.name}" removed.` });
      });
    });
  panel
    .command('entries <stage>')
    .description('哪些申报单位可进入该阶段（现场评审与陈述答辩：入围名单）/ who may enter a stage')
    .action(async (stageArg: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(stageArg);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const codes = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
        const entries = svc.panels.entries({ editionId, stage });
        cli.emit(entries, () =>
          renderTable(
            entries,
            [
              { header: { zh: '编号', en: 'Code' }, value: (e) => codes.get(e.applicantId)?.code ?? e.applicantId },
              { header: { zh: '名称', en: 'Name' }, value: (e) => codes.get(e.applicantId)?.name ?? '' },
              { header: { zh: '可进入', en: 'May enter' }, value: (e) => cli.t(e.eligible ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' }) },
              { header: { zh: '原因', en: 'Why not' }, value: (e) => (e.reason ? cli.t(e.reason) : '') },
            ],
            cli.lang,
          ),
        );
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
