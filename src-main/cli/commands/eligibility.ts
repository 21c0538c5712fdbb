import { Command, Option } from 'commander';
import { AWARD_LEVEL_NAMES, ELIGIBILITY_STATE_NAMES, PAST_EVENT_NAMES, type AwardLevel, type PastEvent } from '../../domain/words.js';
import type { Localized } from '../../domain/localized.js';
import type { Answer } from '../../rules/eligibility.js';
import { outOfReviewReason } from '../../rules/objections.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { save } from '../files.js';
import { applicantByCode } from '../lookup.js';
import { DASH, renderFields, renderTable } from '../output.js';

const CONDITION_STATES = { met: { zh: '符合', en: 'met' }, unmet: { zh: '不符合', en: 'not met' }, open: { zh: '未填写', en: 'open' } };

/** `--answer id=yes|no|YYYY-MM-DD`, as many as the checklist has. */
function parseAnswers(list: string[] = []): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const item of list) {
    const [id, value] = item.split('=', 2) as [string, string | undefined];
    if (!id || value === undefined) throw new UsageError({ zh: `“${item}”应写作 条件编号=yes、no 或日期（如 operating=2019-05-01）。`, en: `"${item}" should read condition=yes, no or a date (e.g. operating=2019-05-01).` });
    out[id] = value === 'yes' ? true : value === 'no' ? false : value;
  }
  return out;
}

export function registerEligibilityCommands(program: Command): void {
  const group = program.command('eligibility').description('资格审核：申报条件、再次申报限制、补正与告知书 / eligibility check: conditions, re-application bars, requests and letters');

  group
    .command('list')
    .description('各申报单位的审核状态 / every applicant’s standing')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const view = svc.eligibility.list({ editionId: cli.edition(svc).id });
        cli.emit(view, () =>
          renderTable(
            view.rows,
            [
              { header: { zh: '编号', en: 'Code' }, value: (r) => r.applicant.code },
              { header: { zh: '名称', en: 'Name' }, value: (r) => r.applicant.name },
              { header: { zh: '状态', en: 'Standing' }, value: (r) => cli.t(ELIGIBILITY_STATE_NAMES[r.state]) },
              { header: { zh: '奖项', en: 'Level' }, value: (r) => cli.t(AWARD_LEVEL_NAMES[r.level]) },
              { header: { zh: '理由', en: 'Reasons' }, value: (r) => r.reasons.map((x) => cli.t(x)).join('; ') || DASH },
              { header: { zh: '评审', en: 'Review' }, value: (r) => (r.objectionUpheld ? cli.t({ zh: `已退出（第${r.objectionUpheld.number}号异议成立）`, en: `out (objection no. ${r.objectionUpheld.number} upheld)` }) : DASH) },
            ],
            cli.lang,
          ),
        );
      });
    });

  group
    .command('show <applicantCode>')
    .description('一家的清单、往届记录与限制 / one applicant’s checklist, history and bars')
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const row = svc.eligibility.list({ editionId: a.editionId }).rows.find((r) => r.applicant.id === a.id)!;
        cli.emit(row, () =>
          [
            renderFields(
              [
                [{ zh: '状态', en: 'Standing' }, cli.t(ELIGIBILITY_STATE_NAMES[row.state])],
                [{ zh: '奖项', en: 'Level' }, cli.t(AWARD_LEVEL_NAMES[row.level])],
                [{ zh: '判定日', en: 'Judged on' }, row.on],
                ...(row.objectionUpheld ? [[{ zh: '评审', en: 'Review' }, cli.t(outOfReviewReason(row.objectionUpheld))] as [Localized, string]] : []),
              ],
              cli.lang,
            ),
            renderTable(
              row.conditions,
              [
                { header: { zh: '条件', en: 'Condition' }, value: (c) => c.condition.id },
                { header: { zh: '依据', en: 'Article' }, value: (c) => c.condition.article },
                { header: { zh: '结论', en: 'State' }, value: (c) => cli.t(CONDITION_STATES[c.state]) },
                { header: { zh: '内容', en: 'Text' }, value: (c) => cli.t(c.condition.text) },
              ],
              cli.lang,
            ),
            ...row.bars.map((b) => `${b.bar.article}: ${cli.t(PAST_EVENT_NAMES[b.event])} ${b.eventOn} → ${b.until ?? '∞'}`),
            ...row.elsewhere.map((e) => `${e.year} ${e.editionName} ${e.code}: ${cli.t(ELIGIBILITY_STATE_NAMES[e.state])}`),
          ].join('\n'),
        );
      });
    });

  group
    .command('decide <applicantCode>')
    .description('逐项填写申报条件并判定（有未满足条件或限制时不能判定为通过）/ answer the checklist and decide (not eligible while a condition is unmet or a bar stands)')
    .addOption(new Option('--decision <decision>', '判定 / decision').choices(['eligible', 'ineligible']).makeOptionMandatory())
    .addOption(new Option('--level <level>', '申报奖项 / award level').choices(['award', 'nomination']).default('award'))
    .option('--answer <id=value...>', '条件答案：yes、no 或起算日期 / answers: yes, no or the day a period began')
    .option('--on <day>', '判定日（默认今天），如申报截止日 / the day judged on (today by default), e.g. the deadline')
    .option('--note <text>', '说明 / note')
    .action(async (ref: string, opts: { decision: 'eligible' | 'ineligible'; level: AwardLevel; answer?: string[]; on?: string; note?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const row = svc.eligibility.decide({ applicantId: a.id, decision: opts.decision, level: opts.level, answers: parseAnswers(opts.answer), ...(opts.on ? { on: opts.on } : {}), note: opts.note ?? null });
        cli.emit(row, () => cli.t({ zh: `${a.code}：${ELIGIBILITY_STATE_NAMES[row.state].zh}。`, en: `${a.code}: ${ELIGIBILITY_STATE_NAMES[row.state].en}.` }));
      });
    });

  group
    .command('request <applicantCode>')
    .description('材料不完整：列出须补正的材料 / materials incomplete: list what is to be supplied')
    .requiredOption('--missing <item...>', '缺少的材料 / the missing materials')
    .option('--due <day>', '补正期限，如 2026-06-30 / due day')
    .option('--note <text>', '说明 / note')
    .action(async (ref: string, opts: { missing: string[]; due?: string; note?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const row = svc.eligibility.requestMaterials({ applicantId: a.id, missing: opts.missing, ...(opts.due ? { dueDay: opts.due } : {}), note: opts.note ?? null });
        cli.emit(row, () => cli.t({ zh: `${a.code}：材料待补正（${opts.missing.length} 项）。`, en: `${a.code}: materials incomplete (${opts.missing.length} items).` }));
      });
    });

  group
    .command('reason <applicantCode>')
    .description('编辑未入围告知书的理由（不给 --text 则恢复按得分生成的理由）/ edit the not-shortlisted letter’s reason (without --text, back to the one made from the scores)')
    .option('--text <text>', '理由 / reason')
    .action(async (ref: string, opts: { text?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const row = svc.eligibility.setLetterReason({ applicantId: a.id, text: opts.text ?? null });
        cli.emit(row, () => cli.t({ zh: `已保存 ${a.code} 的告知理由。`, en: `Reason for ${a.code} saved.` }));
      });
    });

  group
    .command('letter <applicantCode>')
    .description('生成补正通知书或未入围告知书（PDF）/ make the request for materials or the not-shortlisted letter (PDF)')
    .addOption(new Option('--kind <kind>', '哪一种 / which letter').choices(['incomplete', 'not-shortlisted']).makeOptionMandatory())
    .requiredOption('--out <file>', '保存为 / save as')
    .action(async (ref: string, opts: { kind: 'incomplete' | 'not-shortlisted'; out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const a = applicantByCode(svc, cli.edition(svc).id, ref);
        const letter = await svc.eligibility.letter({ applicantId: a.id, kind: opts.kind, lang: cli.lang });
        const made = { file: save(letter, opts.out), pages: letter.pages, fingerprint: letter.fingerprint };
        cli.emit(made, () => cli.t({ zh: `已生成 ${made.file}（${made.pages} 页）。`, en: `Wrote ${made.file} (${made.pages} pages).` }));
      });
    });

  const past = group.command('past').description('往届获奖、撤销与弄虚作假记录（再次申报限制据此判断）/ earlier awards, revocations and frauds (what the bars look at)');
  past
    .command('add')
    .description('记录一条往届记录 / record an earlier event')
    .requiredOption('--holder <code>', '统一社会信用代码或居民身份证号码 / credit code or ID number')
    .requiredOption('--name <name>', '单位或个人名称 / name')
    .addOption(new Option('--event <event>', '事件 / event').choices(['award', 'nomination', 'revoked', 'fraud']).makeOptionMandatory())
    .requiredOption('--on <day>', '日期 / day')
    .option('--note <text>', '说明 / note')
    .action(async (opts: { holder: string; name: string; event: PastEvent; on: string; note?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const p = svc.eligibility.addPastAward({ holder: opts.holder, name: opts.name, event: opts.event, on: opts.on, note: opts.note ?? null });
        cli.emit(p, () => cli.t({ zh: `已记录：${p.name} ${p.on} ${PAST_EVENT_NAMES[p.event].zh}。`, en: `Recorded: ${p.name} ${PAST_EVENT_NAMES[p.event].en} on ${p.on}.` }));
      });
    });
  past
    .command('list')
    .description('列出往届记录 / list the earlier events')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const list = svc.eligibility.pastAwards({});
        cli.emit(list, () =>
          renderTable(
            list,
            [
              { header: { zh: '日期', en: 'Day' }, value: (p) => p.on },
              { header: { zh: '代码', en: 'Holder' }, value: (p) => p.holder },
              { header: { zh: '名称', en: 'Name' }, value: (p) => p.name },
              { header: { zh: '事件', en: 'Event' }, value: (p) => cli.t(PAST_EVENT_NAMES[p.event]) },
              { header: { zh: '编号', en: 'Id' }, value: (p) => p.id },
            ],
            cli.lang,
          ),
        );
      });
    });
  past
    .command('remove <id>')
    .description('删除一条录错的往届记录 / remove an earlier event recorded in error')
    .requiredOption('--reason <text>', '原因 / reason')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const out = svc.eligibility.removePastAward({ pastAwardId: id, reason: opts.reason });
        cli.emit(out, () => cli.t({ zh: `已删除：${out.removed.name} ${out.removed.on}。`, en: `Removed: ${out.removed.name} ${out.removed.on}.` }));
      });
    });
}
