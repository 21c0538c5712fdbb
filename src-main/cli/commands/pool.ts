import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import type { PoolExpert, PoolExpertChanges } from '../../domain/pool.js';
import { POOL_STATE_NAMES, POOL_STATES, type PoolState } from '../../domain/words.js';
import type { StoreClient } from '../../features/open.js';
import type { ConflictSuggestion } from '../../features/panels/conflicts.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { save, upload } from '../files.js';
import { applicantByCode, expertByCode, panelByRef, parseIndustry, parseStage, splitList } from '../lookup.js';
import { DASH, industryName, renderTable, stageName } from '../output.js';

/** The expert pool (专家库), conflict suggestions and panels the app proposes, on the command line. */

function poolByCode(svc: StoreClient, ref: string): PoolExpert {
  const all = svc.pool.list({});
  const found = all.find((e) => e.code === ref) ?? all.find((e) => e.id === ref) ?? all.find((e) => e.name === ref);
  if (!found) throw new UsageError({ zh: `专家库中找不到“${ref}”：用 pool list 查看编号。`, en: `No pool expert "${ref}": see pool list for the codes.` });
  return found;
}

const SUGGESTION_STATES = { open: { zh: '待复核', en: 'open' }, checked: { zh: '已复核无冲突', en: 'cleared' }, recused: { zh: '已回避', en: 'recused' } };

function renderSuggestions(cli: Cli, svc: StoreClient, editionId: string, list: ConflictSuggestion[]): string {
  const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e]));
  const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
  return renderTable(
    list,
    [
      { header: { zh: '专家', en: 'Expert' }, value: (s) => experts.get(s.expertId)?.code ?? DASH },
      { header: { zh: '申报单位', en: 'Applicant' }, value: (s) => applicants.get(s.applicantId)?.code ?? DASH },
      { header: { zh: '依据', en: 'Basis' }, value: (s) => s.basis },
      { header: { zh: '提示', en: 'Suggestion' }, value: (s) => cli.t(s.reason) },
      { header: { zh: '状态', en: 'State' }, value: (s) => cli.t(SUGGESTION_STATES[s.state]) },
    ],
    cli.lang,
  );
}

export function registerPoolCommands(program: Command): void {
  const pool = program.command('pool').description('专家库：跨届次保存专家、资格、状态与密钥 / the expert pool, kept across editions');

  pool
    .command('list')
    .description('列出库内专家 / list the pool')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const experts = svc.pool.list({});
        cli.emit(experts, () =>
          renderTable(
            experts,
            [
              { header: { zh: '编号', en: 'Code' }, value: (e) => e.code },
              { header: { zh: '姓名', en: 'Name' }, value: (e) => e.name },
              { header: { zh: '工作单位', en: 'Organisation' }, value: (e) => e.organisation ?? DASH },
              { header: { zh: '产业', en: 'Industry' }, value: (e) => (e.industry ? industryName(e.industry, cli.lang) : DASH) },
              { header: { zh: '状态', en: 'Status' }, value: (e) => cli.t(POOL_STATE_NAMES[e.status.state]) },
              { header: { zh: '已注册', en: 'Enrolled' }, value: (e) => cli.t(e.enrolled ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' }) },
              { header: { zh: '届次', en: 'Editions' }, value: (e) => String(e.editions), align: 'right' },
            ],
            cli.lang,
          ),
        );
      });
    });

  pool
    .command('show <code>')
    .description('一位专家：资格、参加的届次、评审组与工作量 / one expert: qualifications, editions, panels and workload')
    .action(async (code: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const detail = svc.pool.get({ expertId: poolByCode(svc, code).id });
        const e = detail.expert;
        cli.emit(detail, () =>
          [
            `${e.code} ${e.name}  ${e.organisation ?? ''} ${e.title ?? ''}`.trim(),
            cli.t({ zh: `状态：${POOL_STATE_NAMES[e.status.state].zh}${e.status.reason ? `（${e.status.reason}）` : ''}`, en: `Status: ${POOL_STATE_NAMES[e.status.state].en}${e.status.reason ? ` (${e.status.reason})` : ''}` }),
            ...e.qualifications.map((q) => `  ${q.name} ${q.certificate ?? ''} ${q.obtainedOn ?? ''}`.trimEnd()),
            renderTable(
              detail.seats,
              [
                { header: { zh: '届次', en: 'Edition' }, value: (s) => s.editionName },
                { header: { zh: '编号', en: 'Code' }, value: (s) => s.code },
                { header: { zh: '评审组', en: 'Panels' }, value: (s) => s.panels.map((p) => `${p.name}（${stageName(p.stage, cli.lang)}${p.leader ? cli.t({ zh: '，组长', en: ', leader' }) : ''}）`).join('；') || DASH },
                { header: { zh: '评审任务', en: 'Load' }, value: (s) => String(s.load), align: 'right' },
                { header: { zh: '已提交', en: 'Submitted' }, value: (s) => String(s.sheetsSubmitted), align: 'right' },
              ],
              cli.lang,
            ),
            cli.t({ zh: `合计评审任务 ${detail.load} 项。`, en: `${detail.load} reviews in all.` }),
          ].join('\n'),
        );
      });
    });

  pool
    .command('add')
    .description('把专家加入专家库 / add an expert to the pool')
    .requiredOption('--code <code>', '库内编号 / pool code')
    .requiredOption('--name <name>', '姓名 / name')
    .option('--organisation <name>', '工作单位 / organisation')
    .option('--credit-code <code>', '工作单位的统一社会信用代码 / the organisation\'s unified social credit code')
    .option('--title <title>', '职称 / title')
    .option('--industry <1|2|3>', '产业 / industry')
    .option('--speciality <text>', '专业特长 / speciality')
    .option('--phone <phone>', '电话 / phone')
    .option('--email <email>', '电子邮箱 / e-mail')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const added = svc.pool.add({
          expert: {
            code: opts.code!,
            name: opts.name!,
            organisation: opts.organisation ?? null,
            creditCode: opts.creditCode ?? null,
            title: opts.title ?? null,
            industry: opts.industry ? parseIndustry(opts.industry) : null,
            speciality: opts.speciality ?? null,
            phone: opts.phone ?? null,
            email: opts.email ?? null,
          },
        });
        cli.emit(added, () => cli.t({ zh: `已将 ${added.code} ${added.name} 加入专家库。`, en: `${added.code} ${added.name} added to the pool.` }));
      });
    });

  pool
    .command('update <code>')
    .description('更正库内专家信息，只改给出的项（给空值即清除）；各届读取更正后的信息 / correct a pool record: only the options given change (an empty value clears one); every edition reads the corrected details')
    .option('--code <code>', '新的库内编号 / new pool code')
    .option('--name <name>', '姓名 / name')
    .option('--organisation <name>', '工作单位 / organisation')
    .option('--credit-code <code>', '工作单位的统一社会信用代码 / the organisation\'s unified social credit code')
    .option('--title <title>', '职称 / title')
    .option('--industry <1|2|3>', '产业（给空值即清除）/ industry (empty clears it)')
    .option('--speciality <text>', '专业特长 / speciality')
    .option('--phone <phone>', '电话 / phone')
    .option('--email <email>', '电子邮箱 / e-mail')
    .option('--reason <text>', '更正原因，记入审计日志 / why, for the audit log')
    .action(async (code: string, opts: Record<string, string | undefined>, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const { reason, industry, ...fields } = opts;
        const changes: PoolExpertChanges = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        if (industry !== undefined) changes.industry = industry === '' ? null : parseIndustry(industry);
        if (Object.keys(changes).length === 0) throw new UsageError({ zh: '没有给出要更正的项：见 pool update --help。', en: 'Nothing to correct was given: see pool update --help.' });
        const e = svc.pool.update({ expertId: poolByCode(svc, code).id, changes, ...(reason ? { reason } : {}) });
        cli.emit(e, () => cli.t({ zh: `已更正 ${e.code} ${e.name} 的信息。`, en: `The record of ${e.code} ${e.name} is corrected.` }));
      });
    });

  pool
    .command('status <code>')
    .description('在库、暂停或除名，须写明原因 / active, suspended or removed, with the reason')
    .addOption(new Option('--state <state>', '状态 / state').choices([...POOL_STATES]).makeOptionMandatory())
    .requiredOption('--reason <text>', '原因 / reason')
    .action(async (code: string, opts: { state: PoolState; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = svc.pool.setStatus({ expertId: poolByCode(svc, code).id, state: opts.state, reason: opts.reason });
        cli.emit(e, () => cli.t({ zh: `${e.code} 现为“${POOL_STATE_NAMES[e.status.state].zh}”。`, en: `${e.code} is now ${POOL_STATE_NAMES[e.status.state].en}.` }));
      });
    });

  pool
    .command('qualify <code>')
    .description('记录一项资格（如评审员培训）/ record a qualification (e.g. the examiner training)')
    .requiredOption('--name <name>', '资格名称 / qualification')
    .option('--certificate <no>', '证书编号 / certificate number')
    .option('--date <yyyy-mm-dd>', '取得日期 / date obtained')
    .action(async (code: string, opts: { name: string; certificate?: string; date?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = svc.pool.addQualification({ expertId: poolByCode(svc, code).id, qualification: { name: opts.name, certificate: opts.certificate ?? null, obtainedOn: opts.date ?? null } });
        cli.emit(e, () => cli.t({ zh: `已为 ${e.code} 记录资格“${opts.name}”。`, en: `Qualification "${opts.name}" recorded for ${e.code}.` }));
      });
    });

  pool
    .command('unqualify <code>')
    .description('删除一项资格，须写明原因 / remove a qualification, with the reason')
    .requiredOption('--name <name>', '资格名称 / qualification')
    .option('--certificate <no>', '证书编号，同名资格有多项时必填 / certificate number, needed where several share the name')
    .requiredOption('--reason <text>', '原因 / reason')
    .action(async (code: string, opts: { name: string; certificate?: string; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const expert = poolByCode(svc, code);
        const held = expert.qualifications.filter((q) => q.name === opts.name && (opts.certificate === undefined || q.certificate === opts.certificate));
        if (held.length !== 1) {
          throw new UsageError(
            held.length === 0
              ? { zh: `${expert.code} 没有资格“${opts.name}”：用 pool show ${expert.code} 查看。`, en: `${expert.code} holds no qualification "${opts.name}": see pool show ${expert.code}.` }
              : { zh: `${expert.code} 有 ${held.length} 项资格“${opts.name}”：用 --certificate 指明哪一项。`, en: `${expert.code} holds ${held.length} qualifications "${opts.name}": say which with --certificate.` },
          );
        }
        const e = svc.pool.removeQualification({ qualificationId: held[0]!.id, reason: opts.reason });
        cli.emit(e, () => cli.t({ zh: `已删除 ${e.code} 的资格“${opts.name}”。`, en: `Qualification "${opts.name}" of ${e.code} removed.` }));
      });
    });

  pool
    .command('enroll <code> <enrollment-code>')
    .description('登记专家的注册码，一次登记，各届通用 / register the expert\'s enrollment code once, for every edition')
    .action(async (code: string, enrollmentCode: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const e = svc.pool.enroll({ expertId: poolByCode(svc, code).id, enrollmentCode });
        cli.emit(e, () => cli.t({ zh: `已登记 ${e.code}，指纹 ${e.fingerprint}。`, en: `${e.code} enrolled, fingerprint ${e.fingerprint}.` }));
      });
    });

  pool
    .command('draw <codes>')
    .description('从专家库选入本届（逗号分隔的库内编号；已注册的无须再注册）/ seat pool experts in the edition (already enrolled ones need no new enrolment)')
    .action(async (codes: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const seats = svc.pool.draw({ editionId, experts: splitList(codes).map((c) => ({ expertId: poolByCode(svc, c).id })) });
        const enrolled = seats.filter((s) => s.enrolled).length;
        cli.emit(seats, () =>
          cli.t({ zh: `已选入 ${seats.length} 位专家，其中 ${enrolled} 位已注册。`, en: `${seats.length} experts drawn into the edition, ${enrolled} of them already enrolled.` }),
        );
      });
    });

  pool
    .command('import <xlsx>')
    .description('从 Excel 导入（新编号加入，已有编号更正；有错行则全部不导入）/ import from Excel (new codes join, known ones are corrected; all or nothing)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const r = await svc.pool.import({ file: upload(file) });
        cli.emit(r, () => cli.t({ zh: `新增 ${r.added} 位，更正 ${r.updated} 位，新增资格 ${r.qualifications} 项。`, en: `${r.added} added, ${r.updated} corrected, ${r.qualifications} qualifications added.` }));
      });
    });

  pool
    .command('export <xlsx>')
    .description('导出专家库为 Excel / export the pool to Excel')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const saved = save(await svc.pool.export({}), file);
        cli.emit({ file: saved }, () => cli.t({ zh: `已保存 ${saved}。`, en: `Saved ${saved}.` }));
      });
    });

  const conflict = program.command('conflict').description('利益冲突提示：复核或决定回避 / conflict suggestions: clear or impose a recusal');

  conflict
    .command('list')
    .description('本届评审组成员与其申报单位之间的提示 / suggestions for panel members and their applicants')
    .option('--stage <stage>', '阶段 / stage')
    .action(async (opts: { stage?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const list = svc.conflicts.suggest({ editionId, ...(opts.stage ? { stage: parseStage(opts.stage) } : {}) });
        cli.emit(list, () => renderSuggestions(cli, svc, editionId, list));
      });
    });

  conflict
    .command('panel <panel>')
    .description('一个评审组的提示：成员及替补与本组的申报单位，可含待分配的 / one panel\'s suggestions, as the app shows them at assignment: its members (and substitutes) with the applicants it reviews, and with those about to be assigned')
    .option('--applicants <codes>', '待分配给本组的申报单位编号，逗号分隔 / applicants about to be assigned to the panel, comma-separated codes')
    .action(async (ref: string, opts: { applicants?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const panel = panelByRef(svc, editionId, ref);
        const applicantIds = opts.applicants === undefined ? undefined : splitList(opts.applicants).map((code) => applicantByCode(svc, editionId, code).id);
        const list = svc.conflicts.forPanel({ panelId: panel.id, ...(applicantIds ? { applicantIds } : {}) });
        cli.emit(list, () =>
          list.length === 0
            ? cli.t({ zh: `“${panel.name}”没有利益冲突提示。`, en: `No conflict suggestions for "${panel.name}".` })
            : renderSuggestions(cli, svc, editionId, list),
        );
      });
    });

  conflict
    .command('clear <expert> <applicant>')
    .description('复核后确认无利益冲突，写明原因 / after checking, record that there is no conflict, with the reason')
    .addOption(new Option('--basis <basis>', '提示依据 / the suggestion\'s basis').choices(['organisation', 'credit-code', 'reviewed-before', 'declared-before']).makeOptionMandatory())
    .requiredOption('--reason <text>', '原因 / reason')
    .action(async (expert: string, applicant: string, opts: { basis: 'organisation' | 'credit-code' | 'reviewed-before' | 'declared-before'; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const s = svc.conflicts.check({ expertId: expertByCode(svc, editionId, expert).id, applicantId: applicantByCode(svc, editionId, applicant).id, basis: opts.basis, reason: opts.reason });
        cli.emit(s, () => cli.t({ zh: `已记录：${expert} 与 ${applicant} 经复核无利益冲突。`, en: `Recorded: ${expert} and ${applicant} checked, no conflict.` }));
      });
    });
}

/** A proposal as a file the clerk edits: codes, not ids. */
const ProposalFileSchema = z.strictObject({
  stage: z.string(),
  panels: z.array(z.strictObject({ name: z.string(), members: z.array(z.string()), leader: z.string().nullable(), applicants: z.array(z.string()) })).min(1),
});

export function registerProposalCommands(panel: Command): void {
  panel
    .command('propose')
    .description('由程序提出一个阶段的评审组方案（不作改动；--out 保存为可编辑的文件）/ propose a stage\'s panels (changes nothing; --out saves an editable file)')
    .requiredOption('--stage <stage>', '阶段 / stage')
    .option('--panels <n>', '评审组个数 / how many panels')
    .option('--out <file>', '把方案保存为 JSON，编辑后用 panel apply 应用 / save the proposal as JSON to edit and apply with panel apply')
    .action(async (opts: { stage: string; panels?: string; out?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(opts.stage);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const proposal = svc.panels.propose({ editionId, stage, ...(opts.panels ? { panels: Number(opts.panels) } : {}) });
        const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e.code]));
        const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a.code]));
        const file = {
          stage,
          panels: proposal.panels.map((p) => ({ name: p.name, members: p.memberIds.map((id) => experts.get(id)!), leader: experts.get(p.leaderId) ?? null, applicants: p.applicantIds.map((id) => applicants.get(id)!) })),
        };
        // what each panel's members will review in the whole edition: the proposal evens it across the stages
        const workload = (p: (typeof proposal.panels)[number]) => {
          const after = p.memberIds.map((id) => (proposal.loads[id] ?? 0) + p.applicantIds.length);
          return Math.min(...after) === Math.max(...after) ? String(after[0]) : `${Math.min(...after)}–${Math.max(...after)}`;
        };
        if (opts.out) save({ fileName: opts.out, bytes: new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`) }, opts.out);
        for (const u of proposal.unplaced) cli.note({ zh: `未能安排 ${applicants.get(u.applicantId)}：${u.reason.zh}。`, en: `Not placed: ${applicants.get(u.applicantId)}: ${u.reason.en}.` });
        cli.emit(proposal, () =>
          [
            renderTable(
              file.panels.map((p, k) => ({ ...p, workload: workload(proposal.panels[k]!) })),
              [
                { header: { zh: '评审组', en: 'Panel' }, value: (p) => p.name },
                { header: { zh: '组长', en: 'Leader' }, value: (p) => p.leader ?? DASH },
                { header: { zh: '成员', en: 'Members' }, value: (p) => p.members.join(',') },
                { header: { zh: '申报单位', en: 'Applicants' }, value: (p) => p.applicants.join(',') },
                { header: { zh: '成员本届评审任务（含本组）', en: 'Members\' reviews in the edition (with this panel)' }, value: (p) => p.workload },
              ],
              cli.lang,
            ),
            cli.t({
              zh: `避开 ${proposal.avoided} 对利益冲突或提示；后备 ${proposal.reserve.length} 人。尚未应用${opts.out ? `：编辑 ${opts.out} 后用 panel apply 应用` : ''}。`,
              en: `${proposal.avoided} conflicting or suggested pairs kept apart; ${proposal.reserve.length} in reserve. Not applied yet${opts.out ? `: edit ${opts.out}, then panel apply it` : ''}.`,
            }),
          ].join('\n'),
        );
      });
    });

  panel
    .command('apply <file>')
    .description('应用（可能已编辑的）评审组方案：全部创建或全部不创建 / apply a (possibly edited) proposal, all or nothing')
    .action(async (path: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      let parsed: z.infer<typeof ProposalFileSchema>;
      try {
        parsed = ProposalFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      } catch {
        throw new UsageError({ zh: `“${path}”不是 panel propose --out 写出的方案文件。`, en: `"${path}" is not a proposal file as panel propose --out writes it.` });
      }
      const stage = parseStage(parsed.stage);
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const applied = svc.panels.applyProposal({
          editionId,
          stage,
          panels: parsed.panels.map((p) => ({
            name: p.name,
            memberIds: p.members.map((c) => expertByCode(svc, editionId, c).id),
            leaderId: p.leader === null ? null : expertByCode(svc, editionId, p.leader).id,
            applicantIds: p.applicants.map((c) => applicantByCode(svc, editionId, c).id),
          })),
        });
        if (applied.suggestions.length) cli.note({ zh: `注意：${applied.suggestions.length} 项利益冲突提示待复核（conflict list）。`, en: `Note: ${applied.suggestions.length} conflict suggestions await checking (conflict list).` });
        cli.emit(applied, () => cli.t({ zh: `已创建 ${applied.panels.length} 个评审组（${stageName(stage, 'zh')}）。`, en: `${applied.panels.length} panels created (${stageName(stage, 'en')}).` }));
      });
    });
}
