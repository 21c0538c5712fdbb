import { Command, Option } from 'commander';
import type { AwardList, CommitteeView } from '../../domain/committee.js';
import { AWARD_LEVEL_NAMES, CONFIRMATION_SUBJECT_NAMES } from '../../domain/words.js';
import type { StoreClient } from '../../features/open.js';
import { Cli } from '../context.js';
import { save } from '../files.js';
import { applicantByCode, parseInteger, splitList } from '../lookup.js';
import { DASH, renderTable } from '../output.js';

/** `pingshen committee …`: what the committee decided, recorded after its meeting (评委会审议). */

interface MeetingOpts {
  date: string;
  meeting: string;
}

const MEETING: [string, string][] = [
  ['--date <YYYY-MM-DD>', '会议日期 / the meeting’s date'],
  ['--meeting <name>', '会议，如“第二次评委会全体会议” / the meeting, e.g. “second plenary meeting”'],
];

function withMeeting(cmd: Command): Command {
  for (const [flags, text] of MEETING) cmd.requiredOption(flags, text);
  return cmd;
}

const meeting = (o: MeetingOpts) => ({ heldOn: o.date, meeting: o.meeting });

function shortlistText(cli: Cli, view: CommitteeView): string[] {
  const s = view.shortlist;
  if (!s) return [];
  const names = s.applicants.map((a) => a.code).join(cli.lang === 'zh' ? '、' : ', ');
  const c = s.confirmation;
  const state = !c
    ? cli.t({ zh: '评委会尚未确认', en: 'not yet confirmed by the committee' })
    : s.matches
      ? cli.t({ zh: `评委会已于 ${c.heldOn} ${c.meeting}确认（${c.confirmedBy}）`, en: `confirmed by the committee on ${c.heldOn}, ${c.meeting} (${c.confirmedBy})` })
      : cli.t({ zh: `与评委会 ${c.heldOn} 的确认不再一致，须重新确认`, en: `no longer matches the committee's confirmation of ${c.heldOn}; confirm it again` });
  return [cli.t({ zh: `入围名单（${s.applicants.length}/${s.size}）：${names || DASH}；${state}。`, en: `Shortlist (${s.applicants.length}/${s.size}): ${names || DASH}; ${state}.` })];
}

function tiesText(cli: Cli, view: CommitteeView): string[] {
  return view.ties.map((t) => {
    const where = t.scope === 'shortlist' ? CONFIRMATION_SUBJECT_NAMES.shortlist : t.level ? AWARD_LEVEL_NAMES[t.level] : { zh: '', en: '' };
    const who = t.applicants.map((a) => a.code).join(cli.lang === 'zh' ? '、' : ', ');
    const s = t.settlement;
    const codeOf = (id: string) => t.applicants.find((a) => a.id === id)?.code ?? id;
    return s
      ? cli.t({
          zh: `并列（${where.zh}，${t.places} 个名额）：${who}，评委会 ${s.heldOn} 决定顺序 ${s.order.map(codeOf).join(' > ')}（${s.method}；${s.settledBy}；理由：${s.reason}）`,
          en: `Tie (${where.en}, ${t.places} places): ${who}; settled by the committee on ${s.heldOn} as ${s.order.map(codeOf).join(' > ')} (${s.method}; ${s.settledBy}; reason: ${s.reason})`,
        })
      : cli.t({ zh: `并列（${where.zh}，${t.places} 个名额）：${who}，待评委会决定`, en: `Tie (${where.en}, ${t.places} places): ${who}, for the committee to settle` });
  });
}

function listText(cli: Cli, list: AwardList): string {
  const state = {
    pending: { zh: '待定', en: 'pending' },
    ready: { zh: '待评委会确认', en: 'awaiting the committee’s confirmation' },
    confirmed: { zh: `评委会已于 ${list.confirmation?.heldOn ?? ''} 确认`, en: `confirmed by the committee on ${list.confirmation?.heldOn ?? ''}` },
    stale: { zh: '确认后有变化，须重新确认', en: 'changed since confirmed; confirm again' },
  }[list.state];
  const table = renderTable(
    list.entries,
    [
      { header: { zh: '奖项', en: 'Level' }, value: (e) => cli.t(AWARD_LEVEL_NAMES[e.level]) },
      { header: { zh: '序号', en: 'No.' }, value: (e) => String(e.place), align: 'right' },
      { header: { zh: '编号', en: 'Code' }, value: (e) => e.applicant.code },
      { header: { zh: '申报单位', en: 'Applicant' }, value: (e) => e.applicant.name },
      { header: { zh: '排名', en: 'Rank' }, value: (e) => String(e.rank), align: 'right' },
      { header: { zh: '依据', en: 'Basis' }, value: (e) => cli.t(e.basis) },
    ],
    cli.lang,
  );
  return [
    cli.t({ zh: `拟奖名单（${state.zh}）：`, en: `Proposed award list (${state.en}):` }),
    list.entries.length > 0 ? table : DASH,
    ...list.excluded.map((x) => cli.t({ zh: `  未获通过：${x.applicant.code}（同意 ${x.tally.votesFor}/${x.tally.voters}，须 ${x.tally.needed}）`, en: `  Not passed: ${x.applicant.code} (${x.tally.votesFor} of ${x.tally.voters} for, ${x.tally.needed} needed)` })),
    ...list.passedOver.map((x) => cli.t({ zh: `  资格所限：${x.applicant.code} ${x.reason.zh}`, en: `  Passed over: ${x.applicant.code} ${x.reason.en}` })),
    ...list.pending.map((p) => `  ! ${cli.t(p)}`),
  ].join('\n');
}

function viewText(cli: Cli, view: CommitteeView): string {
  const ballot = view.ballot
    ? view.ballot.candidates.map((c) =>
        c.tally
          ? cli.t({ zh: `表决 ${c.applicant.code}：投票 ${c.tally.voters} 人，同意 ${c.tally.votesFor}，须 ${c.tally.needed}，${c.tally.passed ? '通过' : '未通过'}`, en: `Ballot ${c.applicant.code}: ${c.tally.votesFor} of ${c.tally.voters} for, ${c.tally.needed} needed, ${c.tally.passed ? 'passed' : 'not passed'}` })
          : cli.t({ zh: `表决 ${c.applicant.code}：未录入`, en: `Ballot ${c.applicant.code}: not entered` }),
      )
    : [];
  return [...shortlistText(cli, view), ...tiesText(cli, view), ...ballot, listText(cli, view.awardList)].join('\n');
}

async function run(cmd: Command, fn: (svc: StoreClient, editionId: string) => CommitteeView): Promise<void> {
  const cli = Cli.of(cmd);
  await cli.secretariat((svc) => {
    const view = fn(svc, cli.edition(svc).id);
    cli.emit(view, () => viewText(cli, view));
  });
}

export function registerCommitteeCommands(program: Command): void {
  const committee = program
    .command('committee')
    .description('评委会审议：确认入围名单、并列的决定、无记名投票、拟奖名单 / the committee’s decision: shortlist, ties, secret ballot, proposed award list');

  committee
    .command('status')
    .description('入围名单、并列、表决与拟奖名单的现状 / where the shortlist, ties, ballot and proposed award list stand')
    .action(async (_o: unknown, cmd: Command) => run(cmd, (svc, editionId) => svc.committee.get({ editionId })));

  withMeeting(committee.command('confirm-shortlist').description('记录评委会确认入围名单（无锡第十一条第三项）/ record the committee’s confirmation of the shortlist (Wuxi art. 11(3))'))
    .requiredOption('--by <who>', '确认人，如主任委员 / who confirmed, e.g. the chair')
    .option('--note <text>', '备注 / a note')
    .action(async (o: MeetingOpts & { by: string; note?: string }, cmd: Command) =>
      run(cmd, (svc, editionId) => svc.committee.confirmShortlist({ editionId, ...meeting(o), confirmedBy: o.by, note: o.note ?? null })),
    );

  withMeeting(committee.command('settle-tie').description('记录评委会对并列的决定：顺序、方式和理由 / record how the committee settled a tie: order, method and reason'))
    .addOption(new Option('--scope <scope>', '并列所在：名额线或入围线 / where the tie is: at a cap or at the shortlist').choices(['cap', 'shortlist']).default('cap'))
    .requiredOption('--order <codes>', '并列单位的编号，按决定的先后，逗号分隔 / the tied applicants’ codes in the decided order, comma-separated')
    .requiredOption('--method <how>', '决定方式，如“评委会讨论后举手表决” / how it was decided')
    .requiredOption('--by <who>', '决定人 / who decided')
    .requiredOption('--reason <text>', '理由 / the reason')
    .action(async (o: MeetingOpts & { scope: 'cap' | 'shortlist'; order: string; method: string; by: string; reason: string }, cmd: Command) =>
      run(cmd, (svc, editionId) =>
        svc.committee.settleTie({
          editionId,
          ...meeting(o),
          scope: o.scope,
          order: splitList(o.order).map((code) => applicantByCode(svc, editionId, code).id),
          method: o.method,
          settledBy: o.by,
          reason: o.reason,
        }),
      ),
    );

  withMeeting(committee.command('tally <applicantCode>').description('录入一家候选单位的无记名投票结果（信阳第二十一条）/ enter one candidate’s secret-ballot count (Xinyang art. 21)'))
    .requiredOption('--voters <n>', '投票人数（含弃权和无效票）/ voters, abstentions and invalid ballots included')
    .requiredOption('--for <n>', '同意票 / votes for')
    .option('--against <n>', '不同意票 / votes against', '0')
    .option('--abstain <n>', '弃权票 / abstentions', '0')
    .option('--invalid <n>', '无效票 / invalid ballots', '0')
    .action(async (code: string, o: MeetingOpts & { voters: string; for: string; against: string; abstain: string; invalid: string }, cmd: Command) =>
      run(cmd, (svc, editionId) =>
        svc.committee.recordTally({
          editionId,
          ...meeting(o),
          applicantId: applicantByCode(svc, editionId, code).id,
          voters: parseInteger(o.voters, { zh: '投票人数', en: 'The number of voters' }),
          votesFor: parseInteger(o.for, { zh: '同意票', en: 'Votes for' }),
          votesAgainst: parseInteger(o.against, { zh: '不同意票', en: 'Votes against' }),
          abstentions: parseInteger(o.abstain, { zh: '弃权票', en: 'Abstentions' }),
          invalid: parseInteger(o.invalid, { zh: '无效票', en: 'Invalid ballots' }),
        }),
      ),
    );

  withMeeting(committee.command('confirm-list').description('记录评委会确认拟奖名单 / record the committee’s confirmation of the proposed award list'))
    .requiredOption('--by <who>', '确认人 / who confirmed')
    .option('--note <text>', '备注 / a note')
    .action(async (o: MeetingOpts & { by: string; note?: string }, cmd: Command) =>
      run(cmd, (svc, editionId) => svc.committee.confirmList({ editionId, ...meeting(o), confirmedBy: o.by, note: o.note ?? null })),
    );

  committee
    .command('list')
    .description('拟奖名单，可另存为 PDF / the proposed award list, optionally as a PDF')
    .option('--pdf <file>', '另存为 PDF / also save it as a PDF')
    .action(async (o: { pdf?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const editionId = cli.edition(svc).id;
        const list = svc.committee.awardList({ editionId });
        if (o.pdf) {
          const file = save(await svc.reports.make({ kind: 'award-list', editionId, lang: cli.lang }), o.pdf);
          cli.note({ zh: `已另存为 PDF：${file}`, en: `Saved as PDF: ${file}` });
        }
        cli.emit(list, () => listText(cli, list));
      });
    });
}
