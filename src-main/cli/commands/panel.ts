import { Command } from 'commander';
import type { Panel } from '../../domain/panels.js';
import type { StoreClient } from '../../features/open.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { applicantByCode, expertByCode, panelByRef, parseStage, splitList } from '../lookup.js';
import { DASH, renderTable, stageName, truncate } from '../output.js';

function codes(ids: string[], known: Map<string, { code: string }>): string {
  return ids
    .map((id) => known.get(id)?.code ?? id)
    .sort()
    .join(',');
}

function panelRows(cli: Cli, svc: StoreClient, editionId: string, panels: Panel[]): string {
  const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e]));
  const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
  return renderTable(
    panels,
    [
      { header: { zh: '评审组', en: 'Panel' }, value: (p) => p.name },
      { header: { zh: '阶段', en: 'Stage' }, value: (p) => stageName(p.stage, cli.lang) },
      { header: { zh: '组长', en: 'Leader' }, value: (p) => (p.leaderId ? (experts.get(p.leaderId)?.name ?? DASH) : DASH) },
      { header: { zh: '成员', en: 'Members' }, value: (p) => codes(p.memberIds, experts) },
      { header: { zh: '申报单位数', en: 'Applicants' }, value: (p) => String(p.applicantIds.length), align: 'right' },
      {
        header: { zh: '申报单位', en: 'Applicant codes' },
        value: (p) => truncate(codes(p.applicantIds, applicants), 60),
      },
    ],
    cli.lang,
  );
}

export function registerPanelCommands(program: Command): void {
  const panel = program.command('panel').description('评审组与分配 / panels and assignments');

  panel
    .command('create')
    .description('按阶段创建评审组 / create a panel for a stage')
    .requiredOption('--stage <stage>', '阶段：material、site 或 defence / stage')
    .requiredOption('--name <name>', '评审组名称，如 材料评审一组 / panel name')
    .requiredOption('--members <codes>', '成员专家编号，逗号分隔 / member expert codes, comma-separated')
    .option('--leader <code>', '组长专家编号（须为成员）/ leader\'s expert code (a member)')
    .action(async (opts: { stage: string; name: string; members: string; leader?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(opts.stage);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const memberIds = splitList(opts.members).map((code) => expertByCode(svc, editionId, code).id);
        const leaderId = opts.leader ? expertByCode(svc, editionId, opts.leader).id : null;
        const created = svc.panels.create({ editionId, panel: { stage, name: opts.name, memberIds, leaderId } });
        if (created.sizeFlag) cli.note({ zh: `注意：${created.sizeFlag.zh}。`, en: `Note: ${created.sizeFlag.en}.` });
        cli.emit(created, () =>
          cli.t({
            zh: `已创建评审组“${created.name}”（${stageName(stage, 'zh')}，${created.memberIds.length} 人）。`,
            en: `Panel "${created.name}" created (${stageName(stage, 'en')}, ${created.memberIds.length} members).`,
          }),
        );
      });
    });

  panel
    .command('list')
    .description('列出评审组 / list panels')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const panels = svc.panels.list({ editionId });
        cli.emit(panels, () => panelRows(cli, svc, editionId, panels));
      });
    });

  panel
    .command('assign <panel> [applicantCodes...]')
    .description('把申报单位分配给评审组（--all 全部，--shortlist 入围名单）/ assign applicants to a panel (--all, or --shortlist after material review)')
    .option('--all', '可进入该阶段、尚未分到其他组的全部申报单位 / every applicant that may enter the stage and has no other panel in it')
    .option('--shortlist', '材料评审后的入围名单 / the shortlist after material review')
    .action(async (ref: string, codes: string[], opts: { all?: boolean; shortlist?: boolean }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const sources = [codes.length > 0, !!opts.all, !!opts.shortlist].filter(Boolean).length;
      if (sources !== 1) {
        throw new UsageError({
          zh: '请给出申报单位编号，或 --all，或 --shortlist，三者选一。',
          en: 'Give applicant codes, or --all, or --shortlist: exactly one of them.',
        });
      }
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const target = panelByRef(svc, editionId, ref);
        let applicantIds: string[];
        if (opts.all) {
          // every applicant that may enter the stage and has no other panel in it
          const taken = new Set(svc.panels.list({ editionId }).filter((p) => p.stage === target.stage && p.id !== target.id).flatMap((p) => p.applicantIds));
          const entries = svc.panels.entries({ editionId, stage: target.stage });
          applicantIds = entries.filter((e) => e.eligible && !taken.has(e.applicantId)).map((e) => e.applicantId);
          if (applicantIds.length === 0) {
            const why = entries.find((e) => e.reason)?.reason;
            throw new UsageError({
              zh: `没有可分配给“${target.name}”的申报单位${why ? `：${why.zh}` : '（均已分配）'}。用 panel entries ${target.stage} 查看。`,
              en: `No applicant can be assigned to "${target.name}"${why ? `: ${why.en}` : ' (all are assigned)'}. See panel entries ${target.stage}.`,
            });
          }
        }
        else if (opts.shortlist) {
          const shortlist = svc.results.get({ editionId }).shortlist;
          if (!shortlist || shortlist.applicantIds.length === 0) {
            throw new UsageError({
              zh: '还没有入围名单：先导入材料评审结果包，用 results 查看。',
              en: 'There is no shortlist yet: import the material-review bundles first, then see results.',
            });
          }
          applicantIds = shortlist.applicantIds;
        } else applicantIds = codes.flatMap(splitList).map((code) => applicantByCode(svc, editionId, code).id);
        const updated = svc.panels.assign({ panelId: target.id, applicantIds });
        cli.emit(updated, () =>
          cli.t({
            zh: `评审组“${updated.name}”现有 ${updated.applicantIds.length} 家申报单位。`,
            en: `Panel "${updated.name}" now has ${updated.applicantIds.length} applicants.`,
          }),
        );
      });
    });
}
