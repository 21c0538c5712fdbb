import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { BundleOutcome } from '../../domain/files.js';
import { Cli } from '../context.js';
import { describePackageChanges } from './corrections.js';
import { RefusedError } from '../errors.js';
import { save, upload } from '../files.js';
import { expertByCode, splitList } from '../lookup.js';
import { DASH, fmtDate, renderTable, stageName } from '../output.js';

/** Progress on stderr, one line per step, only for people watching a terminal. */
function progress(cli: Cli, label: { zh: string; en: string }) {
  return (done: number, total: number) => {
    if (!cli.json && process.stderr.isTTY) process.stderr.write(`\r${cli.t(label)} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

export function registerPackageCommands(program: Command): void {
  const pkg = program.command('package').description('评审包（秘书处导出，专家导入）/ review packages (secretariat exports, expert imports)');

  pkg
    .command('export')
    .description('为每位已分配任务的专家导出只有本人能打开的评审包 / export one package per assigned expert, readable only by that expert')
    .requiredOption('--out <dir>', '输出文件夹 / output folder')
    .option('--expert <codes>', '只为这些专家导出（逗号分隔）/ only for these experts (comma-separated)')
    .action(async (opts: { out: string; expert?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const edition = cli.edition(svc);
        const experts = new Map(svc.experts.list({ editionId: edition.id }).map((e) => [e.id, e]));
        const expertIds = opts.expert ? splitList(opts.expert).map((code) => expertByCode(svc, edition.id, code).id) : undefined;
        const made = await svc.packages.export(
          { editionId: edition.id, ...(expertIds ? { expertIds } : {}) },
          { progress: progress(cli, { zh: '导出评审包', en: 'Exporting packages' }) },
        );
        mkdirSync(opts.out, { recursive: true });
        const exported: { expertId: string; expertCode: string | null; file: string; sha256: string; applicants: number; bytes: number }[] = [];
        for (const p of made) {
          const file = save(p, join(resolve(opts.out), p.fileName));
          exported.push({ expertId: p.expertId, expertCode: experts.get(p.expertId)?.code ?? null, file, sha256: p.sha256, applicants: p.applicants, bytes: p.size });
        }
        cli.emit(exported, () =>
          renderTable(
            exported,
            [
              { header: { zh: '专家', en: 'Expert' }, value: (p) => experts.get(p.expertId)?.code ?? p.expertId },
              { header: { zh: '姓名', en: 'Name' }, value: (p) => experts.get(p.expertId)?.name ?? '' },
              { header: { zh: '申报单位数', en: 'Applicants' }, value: (p) => String(p.applicants), align: 'right' },
              { header: { zh: '字节', en: 'Bytes' }, value: (p) => String(p.bytes), align: 'right' },
              { header: { zh: '文件', en: 'File' }, value: (p) => p.file },
            ],
            cli.lang,
          ),
        );
      });
    });

  pkg
    .command('import <file>')
    .description('专家导入自己的评审包 / an expert imports their review package')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.expert(async (svc) => {
        const edition = await svc.packages.import({ file: upload(file) });
        const assignments = svc.assignments.mine({ editionId: edition.id });
        cli.emit({ edition, assignments: assignments.length }, () =>
          [
            cli.t({
              zh: `已导入评审包：${edition.name}，共 ${assignments.length} 项评审任务。请先用 declare 逐家申明有无利益冲突。`,
              en: `Package imported: ${edition.name}, ${assignments.length} assignments. Declare conflicts first (declare).`,
            }),
            describePackageChanges(cli, edition.changes),
          ]
            .filter(Boolean)
            .join('\n'),
        );
      });
    });
}

function outcomeLine(cli: Cli, o: BundleOutcome & { file: string }, names: Map<string, string>): string {
  if (o.status === 'accepted') {
    return cli.t({
      zh: `已接收：${names.get(o.expertId) ?? o.expertId}，${o.sheets} 张评分表${o.replaced ? '（取代先前的结果包）' : ''}`,
      en: `accepted: ${names.get(o.expertId) ?? o.expertId}, ${o.sheets} score sheets${o.replaced ? ' (replaces the earlier bundle)' : ''}`,
    });
  }
  if (o.status === 'duplicate') {
    return cli.t({
      zh: `重复：${names.get(o.expertId) ?? o.expertId} 的此结果包已导入过，未做更改`,
      en: `duplicate: this bundle from ${names.get(o.expertId) ?? o.expertId} was already imported; nothing changed`,
    });
  }
  return `${cli.t({ zh: '拒收', en: 'refused' })}: ${o.file}: ${cli.t(o.reason)}`;
}

export function registerBundleCommands(program: Command): void {
  const bundle = program.command('bundle').description('结果包（专家导出，秘书处导入）/ result bundles (expert exports, secretariat imports)');

  bundle
    .command('export')
    .description('专家导出已签名、加密的结果包 / an expert exports the signed, encrypted result bundle')
    .requiredOption('--out <file>', '输出文件 / output file')
    .action(async (opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.expert(async (svc) => {
        const made = await svc.bundles.export({ editionId: cli.edition(svc).id });
        const result = { file: save(made, resolve(opts.out)), bundleId: made.bundleId, sha256: made.sha256, sheets: made.sheets };
        cli.emit(result, () =>
          cli.t({
            zh: `已导出结果包 ${result.file}（${result.sheets} 张已提交评分表，SHA-256 ${result.sha256.slice(0, 16)}…）。请交给秘书处。`,
            en: `Bundle written to ${result.file} (${result.sheets} submitted sheets, SHA-256 ${result.sha256.slice(0, 16)}…). Hand it to the secretariat.`,
          }),
        );
      });
    });

  bundle
    .command('import <files...>')
    .description('秘书处导入并逐一校验结果包（坏包整包拒收）/ the secretariat imports and verifies bundles (a bad bundle is refused whole)')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      const outcomes = await cli.secretariat(async (svc) => {
        const received = await svc.bundles.import({ files: files.map(upload) }, { progress: progress(cli, { zh: '校验结果包', en: 'Verifying bundles' }) });
        // the user knows each file by the path they typed
        const result = received.map((o, i) => ({ ...o, file: files[i] ?? o.fileName }));
        const names = new Map(
          svc.editions.list().flatMap((e) => svc.experts.list({ editionId: e.id }).map((x) => [x.id, `${x.code} ${x.name}`] as const)),
        );
        cli.emit(result, () => result.map((o) => outcomeLine(cli, o, names)).join('\n'));
        return result;
      });
      const refused = outcomes.filter((o) => o.status === 'refused');
      if (refused.length) {
        throw new RefusedError({
          zh: `${refused.length} 个结果包被拒收，原因见上；其余已处理。`,
          en: `${refused.length} bundle(s) refused, see above; the others were processed.`,
        }, { jsonEmitted: true });
      }
    });

  bundle
    .command('list')
    .description('已收到的结果包 / bundles received')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const edition = cli.edition(svc);
        const experts = new Map(svc.experts.list({ editionId: edition.id }).map((e) => [e.id, e]));
        const bundles = svc.bundles.list({ editionId: edition.id });
        const zone = cli.timeZone(svc, edition.id);
        const status = { accepted: { zh: '有效', en: 'accepted' }, superseded: { zh: '已被取代', en: 'superseded' }, refused: { zh: '拒收', en: 'refused' } };
        cli.emit(bundles, () =>
          renderTable(
            bundles,
            [
              // a file that could not be opened names no expert: it is known by its file name
              { header: { zh: '专家', en: 'Expert' }, value: (b) => (b.expertId === null ? undefined : experts.get(b.expertId))?.code ?? DASH },
              { header: { zh: '姓名', en: 'Name' }, value: (b) => (b.expertId === null ? undefined : experts.get(b.expertId))?.name ?? '' },
              { header: { zh: '文件', en: 'File' }, value: (b) => b.fileName },
              { header: { zh: '序号', en: 'Seq' }, value: (b) => (b.sequence === null ? DASH : String(b.sequence)), align: 'right' },
              { header: { zh: '状态', en: 'Status' }, value: (b) => cli.t(status[b.status]) },
              { header: { zh: '收到于', en: 'Received' }, value: (b) => fmtDate(b.receivedAt, zone) },
              { header: { zh: 'SHA-256', en: 'SHA-256' }, value: (b) => b.sha256.slice(0, 16) },
              { header: { zh: '原因', en: 'Reason' }, value: (b) => (b.reason ? cli.t(b.reason) : '') },
            ],
            cli.lang,
          ),
        );
      });
    });

  program
    .command('owed')
    .description('尚欠的评审工作（未交包、未申明、未提交）/ work still owed (no bundle, undeclared, not submitted)')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const edition = cli.edition(svc);
        const applicants = new Map(svc.applicants.list({ editionId: edition.id }).map((a) => [a.id, a]));
        const owed = svc.results.owedWork({ editionId: edition.id });
        const state = {
          'no-bundle': { zh: '未交结果包', en: 'no bundle' },
          undeclared: { zh: '未申明', en: 'undeclared' },
          'not-submitted': { zh: '未提交', en: 'not submitted' },
          returned: { zh: '已退回修改', en: 'returned for correction' },
        };
        cli.emit(owed, () =>
          owed.length === 0
            ? cli.t({ zh: '没有尚欠的评审工作。', en: 'No work is owed.' })
            : renderTable(
                owed,
                [
                  { header: { zh: '专家', en: 'Expert' }, value: (o) => o.expertName },
                  { header: { zh: '申报单位', en: 'Applicant' }, value: (o) => applicants.get(o.applicantId)?.code ?? o.applicantId },
                  { header: { zh: '名称', en: 'Name' }, value: (o) => applicants.get(o.applicantId)?.name ?? '' },
                  { header: { zh: '阶段', en: 'Stage' }, value: (o) => stageName(o.stage, cli.lang) },
                  { header: { zh: '状态', en: 'State' }, value: (o) => cli.t(state[o.state]) },
                ],
                cli.lang,
              ),
        );
      });
    });
}
