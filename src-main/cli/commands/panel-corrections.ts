import type { Command } from 'commander';
import type { Localized } from '../../domain/localized.js';
import type { Panel } from '../../domain/panels.js';
import type { StoreClient } from '../../features/open.js';
import { Cli } from '../context.js';
import { applicantByCode, expertByCode, panelByRef, parseStage, splitList } from '../lookup.js';
import { renderTable, stageName } from '../output.js';
import { done, group, REASON } from './correction-kit.js';

/** Corrections to panels from the command line: name and leader, members, assignments, substitutes, entries. */
export function registerPanelCorrections(program: Command): void {
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
