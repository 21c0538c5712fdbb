import { Command } from 'commander';
import type { CriteriaFramework, CriteriaItem } from '../../criteria/schema.js';
import type { ScoreSheet } from '../../domain/review.js';
import { editionTimeZone } from '../../domain/time.js';
import type { EditionDetail } from '../../profile/edition.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { applicantByCode, assignmentByCode, expertByCode, parsePercent, parseStage, splitList } from '../lookup.js';
import { DASH, fmtDate, fmtNumber, fmtPercent, renderFields, renderTable, stageName, truncate } from '../output.js';

/** "4.1.2 55 4.1.3 60 …" into pairs; the percentages' grid is the service's rule. */
function scorePairs(args: string[]): [string, number][] {
  if (args.length % 2 !== 0) {
    throw new UsageError({
      zh: '条款与得分率须成对给出，如 4.1.2 55 4.1.3 60。',
      en: 'Give items and percentages in pairs, e.g. 4.1.2 55 4.1.3 60.',
    });
  }
  const pairs: [string, number][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([args[i] ?? '', parsePercent(args[i + 1] ?? '')]);
  return pairs;
}

function itemsOf(framework: CriteriaFramework): Map<string, CriteriaItem> {
  return new Map(framework.categories.flatMap((c) => c.items.map((i) => [i.code, i] as const)));
}

const SHEET_STATUS = { draft: { zh: '草稿', en: 'draft' }, submitted: { zh: '已提交（锁定）', en: 'submitted (locked)' } };

export function renderSheet(cli: Cli, sheet: ScoreSheet, edition: EditionDetail, heading: string): string {
  const framework = edition.framework;
  const items = itemsOf(framework);
  const scored = sheet.items.filter((i) => i.percent !== null).length;
  const table = renderTable(
    sheet.items,
    [
      { header: { zh: '条款', en: 'Item' }, value: (i) => i.itemCode },
      { header: { zh: '名称', en: 'Name' }, value: (i) => items.get(i.itemCode)?.name[cli.lang] ?? '' },
      { header: { zh: '分值', en: 'Points' }, value: (i) => String(items.get(i.itemCode)?.points ?? ''), align: 'right' },
      { header: { zh: '得分率', en: '%' }, value: (i) => fmtPercent(i.percent), align: 'right' },
      {
        header: { zh: '得分', en: 'Score' },
        value: (i) => (i.percent === null ? DASH : fmtNumber(((items.get(i.itemCode)?.points ?? 0) * i.percent) / 100)),
        align: 'right',
      },
      { header: { zh: '优势', en: 'Strengths' }, value: (i) => truncate(i.strengths, 24) || DASH },
      { header: { zh: '改进机会', en: 'Opportunities' }, value: (i) => truncate(i.opportunities, 24) || DASH },
    ],
    cli.lang,
  );
  const fields = renderFields(
    [
      [{ zh: '状态', en: 'Status' }, cli.t(SHEET_STATUS[sheet.status])],
      [{ zh: '已评条款', en: 'Items scored' }, `${scored}/${sheet.items.length}`],
      [{ zh: '合计', en: 'Total' }, `${fmtNumber(sheet.total)} / ${framework.totalPoints}`],
      [{ zh: '提交于', en: 'Submitted' }, fmtDate(sheet.submittedAt, editionTimeZone(edition.settings))],
    ],
    cli.lang,
  );
  return `${heading}\n${table}\n\n${fields}`;
}

export function registerScoreCommands(program: Command): void {
  const score = program.command('score').description('专家评分（5% 步长）/ expert scoring (5 % steps)');

  score
    .command('set <applicantCode> <stage> <itemCode> <percent> [more...]')
    .description(
      '为条款打分并立即保存草稿，如 score set WX2025-001 material 4.1.2 55；可一次给出多对“条款 得分率” / score items, saved as a draft at once; several "item percent" pairs may follow',
    )
    .option('--strengths <text>', '优势（仅一对时）/ strengths (with a single pair)')
    .option('--opportunities <text>', '改进机会（仅一对时）/ opportunities for improvement (with a single pair)')
    .action(
      async (
        code: string,
        stageArg: string,
        itemCode: string,
        percentArg: string,
        more: string[],
        opts: { strengths?: string; opportunities?: string },
        cmd: Command,
      ) => {
        const cli = Cli.of(cmd);
        const stage = parseStage(stageArg);
        const pairs = scorePairs([itemCode, percentArg, ...more]);
        if (pairs.length > 1 && (opts.strengths !== undefined || opts.opportunities !== undefined)) {
          throw new UsageError({
            zh: '--strengths 和 --opportunities 只能与一对“条款 得分率”一起使用。',
            en: '--strengths and --opportunities go with a single "item percent" pair.',
          });
        }
        await cli.expert((svc) => {
          const editionId = cli.edition(svc).id;
          const assignment = assignmentByCode(svc.assignments.mine({ editionId }), code, stage);
          const items = itemsOf(svc.editions.get({ editionId }).framework);
          for (const [item] of pairs) {
            if (!items.has(item)) {
              throw new UsageError({
                zh: `条款“${item}”不在评价准则中：用 score show 查看条款编号。`,
                en: `Item "${item}" is not in the criteria: see score show for the item codes.`,
              });
            }
          }
          const sheet = svc.sheets.open({ editionId, applicantId: assignment.applicant.id, stage });
          const saved = pairs.map(([item, percent]) => {
            const current = sheet.items.find((i) => i.itemCode === item);
            return svc.sheets.saveItem({
              sheetId: sheet.id,
              itemCode: item,
              percent,
              strengths: opts.strengths ?? current?.strengths ?? '',
              opportunities: opts.opportunities ?? current?.opportunities ?? '',
            });
          });
          const missing = svc.sheets.missingItems({ sheetId: sheet.id }).length;
          cli.emit(saved, () =>
            [
              ...saved.map((s) => {
                const item = items.get(s.itemCode);
                const points = item?.points ?? 0;
                const score = fmtNumber((points * (s.percent ?? 0)) / 100);
                return cli.t({
                  zh: `${s.itemCode} ${item?.name.zh ?? ''}：${s.percent}% → ${score} 分（满分 ${points}）`,
                  en: `${s.itemCode} ${item?.name.en ?? ''}: ${s.percent}% → ${score} of ${points} points`,
                });
              }),
              cli.t({ zh: `已保存草稿；尚有 ${missing} 个条款未评。`, en: `Draft saved; ${missing} items left.` }),
            ].join('\n'),
          );
        });
      },
    );

  score
    .command('show <applicantCode> <stage>')
    .description('查看我的评分表 / show my score sheet')
    .action(async (code: string, stageArg: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(stageArg);
      await cli.expert((svc) => {
        const editionId = cli.edition(svc).id;
        const assignment = assignmentByCode(svc.assignments.mine({ editionId }), code, stage);
        const sheet = svc.sheets.open({ editionId, applicantId: assignment.applicant.id, stage });
        const heading = `${assignment.applicant.code} ${assignment.applicant.name} · ${stageName(stage, cli.lang)}`;
        cli.emit(sheet, () => renderSheet(cli, sheet, svc.editions.get({ editionId }), heading));
      });
    });
}

export function registerSheetCommands(program: Command): void {
  const sheet = program.command('sheet').description('评分表 / score sheets');

  sheet
    .command('submit <applicantCodes> <stage>')
    .description('专家提交评分表（全部条款评完；提交后锁定）；多家用逗号分隔 / expert: submit complete score sheets (then locked); comma-separate several applicants')
    .action(async (codes: string, stageArg: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(stageArg);
      await cli.expert((svc) => {
        const editionId = cli.edition(svc).id;
        const assignments = svc.assignments.mine({ editionId });
        const targets = splitList(codes).map((code) => assignmentByCode(assignments, code, stage).applicant);
        const sheets = targets.map((a) => svc.sheets.open({ editionId, applicantId: a.id, stage }));
        // an incomplete sheet goes first, so its refusal comes before any other sheet is locked
        const order = sheets.map((sheet, i) => ({ i, missing: svc.sheets.missingItems({ sheetId: sheet.id }).length })).sort((a, b) => b.missing - a.missing);
        const submitted: ScoreSheet[] = [];
        for (const { i } of order) submitted[i] = svc.sheets.submit({ sheetId: sheets[i]?.id ?? '' });
        cli.emit(submitted, () =>
          submitted
            .map((sheet, i) =>
              cli.t({
                zh: `已提交 ${targets[i]?.code ?? ''} 的${stageName(stage, 'zh')}评分表，合计 ${fmtNumber(sheet.total)} 分，已锁定。`,
                en: `Submitted the ${stageName(stage, 'en')} sheet for ${targets[i]?.code ?? ''}: total ${fmtNumber(sheet.total)}, now locked.`,
              }),
            )
            .join('\n'),
        );
      });
    });

  sheet
    .command('list')
    .description('秘书处：已收到的评分表 / secretariat: score sheets received')
    .option('--applicant <code>', '只看该申报单位 / only this applicant')
    .option('--stage <stage>', '只看该阶段 / only this stage')
    .option('--expert <code>', '只看该专家 / only this expert')
    .action(async (opts: { applicant?: string; stage?: string; expert?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = opts.stage ? parseStage(opts.stage) : undefined;
      await cli.secretariat((svc) => {
        const editionId = cli.edition(svc).id;
        const experts = new Map(svc.experts.list({ editionId }).map((e) => [e.id, e]));
        const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
        const sheets = svc.sheets.list({ editionId, filter: {
          ...(opts.applicant ? { applicantId: applicantByCode(svc, editionId, opts.applicant).id } : {}),
          ...(stage ? { stage } : {}),
          ...(opts.expert ? { expertId: expertByCode(svc, editionId, opts.expert).id } : {}),
        } });
        const zone = cli.timeZone(svc, editionId);
        cli.emit(sheets, () =>
          renderTable(
            sheets,
            [
              { header: { zh: '申报单位', en: 'Applicant' }, value: (s) => applicants.get(s.applicantId)?.code ?? DASH },
              { header: { zh: '名称', en: 'Name' }, value: (s) => applicants.get(s.applicantId)?.name ?? '' },
              { header: { zh: '阶段', en: 'Stage' }, value: (s) => stageName(s.stage, cli.lang) },
              { header: { zh: '专家', en: 'Expert' }, value: (s) => experts.get(s.expertId)?.name ?? DASH },
              { header: { zh: '合计', en: 'Total' }, value: (s) => fmtNumber(s.total), align: 'right' },
              { header: { zh: '提交于', en: 'Submitted' }, value: (s) => fmtDate(s.submittedAt, zone) },
            ],
            cli.lang,
          ),
        );
      });
    });

  sheet
    .command('show <applicantCode> <stage>')
    .description('查看评分表（秘书处须用 --expert 指定专家）/ show a score sheet (the secretariat names the expert with --expert)')
    .option('--expert <code>', '专家编号（秘书处）/ expert code (secretariat)')
    .action(async (code: string, stageArg: string, opts: { expert?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = parseStage(stageArg);
      await cli.withStore((store) => {
        const editionId = cli.edition(store).id;
        const edition = store.editions.get({ editionId });
        if (store.role === 'expert') {
          const assignment = assignmentByCode(store.assignments.mine({ editionId }), code, stage);
          const own = store.sheets.open({ editionId, applicantId: assignment.applicant.id, stage });
          const heading = `${assignment.applicant.code} ${assignment.applicant.name} · ${stageName(stage, cli.lang)}`;
          cli.emit(own, () => renderSheet(cli, own, edition, heading));
          return;
        }
        if (!opts.expert) {
          throw new UsageError({ zh: '请用 --expert <专家编号> 指定要查看谁的评分表。', en: 'Name the expert whose sheet to show with --expert <code>.' });
        }
        const applicant = applicantByCode(store, editionId, code);
        const expert = expertByCode(store, editionId, opts.expert);
        const [found] = store.sheets.list({ editionId, filter: { applicantId: applicant.id, stage, expertId: expert.id } });
        if (!found) {
          throw new UsageError({
            zh: `尚未收到 ${expert.name} 对 ${applicant.code} 的${stageName(stage, 'zh')}评分表。`,
            en: `No ${stageName(stage, 'en')} sheet from ${expert.name} for ${applicant.code} has been received.`,
          });
        }
        const heading = `${applicant.code} ${applicant.name} · ${stageName(stage, cli.lang)} · ${expert.name}`;
        cli.emit(found, () => renderSheet(cli, found, edition, heading));
      });
    });
}
