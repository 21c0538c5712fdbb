import { Argument, Command, Option } from 'commander';
import type { Notice, Objection } from '../../domain/notices.js';
import { NOTICE_KIND_NAMES, NOTICE_KINDS, OBJECTION_STATE_NAMES, OBJECTOR_KINDS, type NoticeKind, type ObjectorKind } from '../../domain/words.js';
import type { StoreClient } from '../../features/open.js';
import { removesFromReview } from '../../rules/objections.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { save } from '../files.js';
import { applicantByCode, parseInteger } from '../lookup.js';
import { DASH, renderFields, renderTable } from '../output.js';

/**
 * Public notices (公示), the working-day calendar they count in, the objection register (异议)
 * and the final award list: pingshen calendar …, notice …, objection …, final-list ….
 */

const KIND_HELP = '公示类型 / kind: award-list 拟奖名单, accepted-list 受理名单';

function noticeOf(svc: StoreClient, editionId: string, kind: NoticeKind): Notice {
  const found = svc.notices.list({ editionId }).find((n) => n.kind === kind);
  if (!found) {
    const k = NOTICE_KIND_NAMES[kind];
    throw new UsageError({ zh: `本届还没有${k.zh}公示：先用 notice issue ${kind} 发布。`, en: `This edition has no notice of the ${k.en} yet: issue it with notice issue ${kind}.` });
  }
  return found;
}

function objectionOf(svc: StoreClient, editionId: string, ref: string): Objection {
  const n = parseInteger(ref.replace(/^#/, ''), { zh: '异议编号', en: 'objection number' });
  const found = svc.objections.list({ editionId }).find((o) => o.number === n);
  if (!found) throw new UsageError({ zh: `找不到第${n}号异议：用 objection list 查看编号。`, en: `No objection no. ${n}: see objection list for the numbers.` });
  return found;
}

function saved(cli: Cli, file: { fileName: string; bytes: Uint8Array; pages: number }, out: string): void {
  const made = { file: save(file, out), bytes: file.bytes.byteLength, pages: file.pages };
  cli.emit(made, () => cli.t({ zh: `已生成 ${made.file}（${made.pages} 页）。`, en: `Wrote ${made.file} (${made.pages} pages).` }));
}

function noticeText(cli: Cli, n: Notice): string {
  const phase = { upcoming: { zh: '未开始', en: 'not yet begun' }, open: { zh: '公示中', en: 'open' }, closed: { zh: '已结束', en: 'ended' } };
  const fields = renderFields(
    [
      [{ zh: '公示', en: 'Notice' }, cli.t(NOTICE_KIND_NAMES[n.kind])],
      [{ zh: '公示期', en: 'Period' }, `${n.startDate} — ${n.endDate}（${n.days} ${cli.t(n.working ? { zh: '个工作日', en: 'working days' } : { zh: '日', en: 'days' })}）`],
      [{ zh: '状态', en: 'Status' }, cli.t(phase[n.phase])],
      [{ zh: '异议受理', en: 'Objections to' }, [n.contact.office, n.contact.address, n.contact.phone, n.contact.email].filter(Boolean).join(' · ')],
    ],
    cli.lang,
  );
  const list = renderTable(
    n.entries,
    [
      { header: { zh: '编号', en: 'Code' }, value: (e) => e.code },
      { header: { zh: '名称', en: 'Name' }, value: (e) => e.name },
      { header: { zh: '类别', en: 'Category' }, value: (e) => (e.designation ? cli.t(e.designation === 'award' ? { zh: '质量奖', en: 'award' } : { zh: '提名奖', en: 'nomination' }) : DASH) },
    ],
    cli.lang,
  );
  const warning = n.uncoveredYears.length
    ? `\n${cli.t({ zh: `注意：节假日表不含 ${n.uncoveredYears.join('、')} 年，按周一至周五计；请用 calendar set 更正。`, en: `Note: the holiday table does not hold ${n.uncoveredYears.join(', ')}; counted Monday to Friday. Correct it with calendar set.` })}`
    : '';
  return `${fields}\n\n${list}${warning}`;
}

export function registerNoticeCommands(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（节假日与调休，秘书处更正）/ the working-day calendar (holidays, make-up days, the secretariat’s corrections)');

  calendar
    .command('year <year>')
    .description('列出一年的节假日、调休上班日和更正 / list a year’s holidays, make-up working days and corrections')
    .action(async (year: string, _o: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const y = svc.calendar.year({ year: parseInteger(year, { zh: '年份', en: 'year' }) });
        const head = y.known
          ? cli.t({ zh: `${y.year} 年：节假日表已收录。`, en: `${y.year}: in the holiday table.` })
          : cli.t({ zh: `${y.year} 年：节假日表未收录，除更正外按周一至周五计。`, en: `${y.year}: not in the holiday table; Monday to Friday except where corrected.` });
        cli.emit(y, () =>
          [
            head,
            renderTable(
              y.days,
              [
                { header: { zh: '日期', en: 'Date' }, value: (d) => d.date },
                { header: { zh: '工作日', en: 'Working' }, value: (d) => cli.t(d.working ? { zh: '上班', en: 'working' } : { zh: '休息', en: 'rest' }) },
                { header: { zh: '节日', en: 'Holiday' }, value: (d) => d.holiday ?? DASH },
                { header: { zh: '调休', en: 'Make-up' }, value: (d) => (d.makeUp ? cli.t({ zh: '调休上班', en: 'make-up day' }) : DASH) },
                { header: { zh: '更正', en: 'Correction' }, value: (d) => d.correction?.note ?? DASH },
              ],
              cli.lang,
            ),
          ].join('\n'),
        );
      });
    });

  calendar
    .command('set <date>')
    .description('更正某日为工作日或休息日（覆盖节假日表）/ mark a date a working or rest day (over the holiday table)')
    .option('--working', '上班 / a working day')
    .option('--rest', '休息 / a rest day')
    .requiredOption('--note <text>', '说明，如“2027年元旦” / note, e.g. "New Year 2027"')
    .action(async (date: string, opts: { working?: boolean; rest?: boolean; note: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      if (Boolean(opts.working) === Boolean(opts.rest)) throw new UsageError({ zh: '请指定 --working 或 --rest 之一。', en: 'Give one of --working or --rest.' });
      await cli.secretariat((svc) => {
        const day = svc.calendar.setDay({ date, working: opts.working === true, note: opts.note });
        cli.emit(day, () => cli.t(day.working ? { zh: `${date} 记为工作日。`, en: `${date} is now a working day.` } : { zh: `${date} 记为休息日。`, en: `${date} is now a rest day.` }));
      });
    });

  calendar
    .command('clear <date>')
    .description('撤销某日的更正 / clear a date’s correction')
    .requiredOption('--reason <text>', '原因 / reason')
    .action(async (date: string, opts: { reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const day = svc.calendar.clearDay({ date, reason: opts.reason });
        cli.emit(day, () => cli.t({ zh: `已撤销 ${date} 的更正，按节假日表计。`, en: `Cleared the correction of ${date}; the holiday table counts.` }));
      });
    });

  const notice = program.command('notice').description('公示 / public notices');

  notice
    .command('issue')
    .description('发布公示：按办法的天数或工作日计算截止日，名单取发布时的申报单位 / issue a notice: its end counted in the profile’s days or working days, its list as it stands now')
    .addArgument(new Argument('<kind>', KIND_HELP).choices(NOTICE_KINDS))
    .requiredOption('--start <date>', '公示开始日期 YYYY-MM-DD / first day')
    .requiredOption('--office <name>', '异议受理单位 / the office objections go to')
    .option('--address <text>', '通讯地址 / postal address')
    .option('--phone <number>', '联系电话 / telephone')
    .option('--email <address>', '电子邮箱 / e-mail')
    .action(async (kind: NoticeKind, opts: { start: string; office: string; address?: string; phone?: string; email?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const n = svc.notices.issue({
          editionId: cli.edition(svc).id,
          kind,
          startDate: opts.start,
          contact: { office: opts.office, address: opts.address ?? null, phone: opts.phone ?? null, email: opts.email ?? null },
        });
        cli.emit(n, () => noticeText(cli, n));
      });
    });

  notice
    .command('list')
    .description('本届的公示 / this edition’s notices')
    .action(async (_o: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const list = svc.notices.list({ editionId: cli.edition(svc).id });
        cli.emit(list, () => (list.length ? list.map((n) => noticeText(cli, n)).join('\n\n') : cli.t({ zh: '本届尚无公示。', en: 'No notices yet.' })));
      });
    });

  notice
    .command('print')
    .description('打印公示（PDF）/ print the notice (PDF)')
    .addArgument(new Argument('<kind>', KIND_HELP).choices(NOTICE_KINDS))
    .requiredOption('--out <file>', '输出 PDF 文件 / output PDF file')
    .action(async (kind: NoticeKind, opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => saved(cli, await svc.notices.print({ noticeId: noticeOf(svc, cli.edition(svc).id, kind).id, lang: cli.lang }), opts.out));
    });

  registerObjectionCommands(program);
  registerFinalListCommands(program);
}

function objectionTable(cli: Cli, list: Objection[]): string {
  if (list.length === 0) return cli.t({ zh: '异议登记簿为空。', en: 'The objection register is empty.' });
  return renderTable(
    list,
    [
      { header: { zh: '编号', en: 'No.' }, value: (o) => `#${o.number}`, align: 'right' },
      { header: { zh: '收到', en: 'Received' }, value: (o) => o.receivedOn },
      { header: { zh: '异议人', en: 'Objector' }, value: (o) => o.objectorName },
      { header: { zh: '被异议单位', en: 'Applicant' }, value: (o) => `${o.applicantCode} ${o.applicantName}` },
      { header: { zh: '状态', en: 'Status' }, value: (o) => cli.t(OBJECTION_STATE_NAMES[o.state]) + (o.overdue ? cli.t({ zh: '（已超期）', en: ' (overdue)' }) : '') },
      { header: { zh: '受理审查期限', en: 'Review by' }, value: (o) => o.acceptBy ?? DASH },
      { header: { zh: '结论', en: 'Decision' }, value: (o) => o.decision ?? DASH },
    ],
    cli.lang,
  );
}

function registerObjectionCommands(program: Command): void {
  const objection = program.command('objection').description('异议登记与处理 / the objection register');

  objection
    .command('add')
    .description('登记收到的异议（须实名；收到日期须在办法允许的期间内）/ register an objection received (real name; the date within the period the regulation allows)')
    .addArgument(new Argument('<kind>', `${KIND_HELP}（被异议的公示 / the notice objected to）`).choices(NOTICE_KINDS))
    .requiredOption('--applicant <code>', '被异议的申报单位 / the applicant objected to')
    .option('--name <name>', '异议人真实姓名或单位名称（匿名不予受理）/ the objector’s real name or organisation (anonymous is refused)', '')
    .addOption(new Option('--objector <kind>', '个人或单位 / person or organisation').choices(OBJECTOR_KINDS).default('person'))
    .option('--organisation <text>', '所在单位或单位住所 / organisation, or an organisation’s address')
    .option('--phone <number>', '联系电话 / telephone')
    .option('--address <text>', '通讯地址 / postal address')
    .requiredOption('--received <date>', '收到异议材料日期 YYYY-MM-DD / date received')
    .requiredOption('--grounds <text>', '异议内容 / the grounds')
    .action(
      async (
        kind: NoticeKind,
        opts: { applicant: string; name: string; objector: ObjectorKind; organisation?: string; phone?: string; address?: string; received: string; grounds: string },
        cmd: Command,
      ) => {
        const cli = Cli.of(cmd);
        await cli.secretariat((svc) => {
          const editionId = cli.edition(svc).id;
          const o = svc.objections.register({
            noticeId: noticeOf(svc, editionId, kind).id,
            applicantId: applicantByCode(svc, editionId, opts.applicant).id,
            objectorKind: opts.objector,
            objectorName: opts.name,
            organisation: opts.organisation ?? null,
            phone: opts.phone ?? null,
            address: opts.address ?? null,
            receivedOn: opts.received,
            grounds: opts.grounds,
          });
          cli.emit(o, () =>
            cli.t({
              zh: `已登记第${o.number}号异议（${o.objectorName}，关于 ${o.applicantCode}）。${o.acceptBy ? `应于 ${o.acceptBy} 前完成受理审查。` : ''}`,
              en: `Registered objection no. ${o.number} (${o.objectorName}, about ${o.applicantCode}).${o.acceptBy ? ` Decide on acceptance by ${o.acceptBy}.` : ''}`,
            }),
          );
        });
      },
    );

  objection
    .command('list')
    .description('异议登记簿 / the register')
    .action(async (_o: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const list = svc.objections.list({ editionId: cli.edition(svc).id });
        cli.emit(list, () => objectionTable(cli, list));
      });
    });

  const stepped = (o: Objection, cli: Cli) => cli.t({ zh: `第${o.number}号异议：${OBJECTION_STATE_NAMES[o.state].zh}。`, en: `Objection no. ${o.number}: ${OBJECTION_STATE_NAMES[o.state].en}.` });

  objection
    .command('accept <number>')
    .description('受理 / accept for investigation')
    .requiredOption('--on <date>', '受理日期 / date')
    .action(async (ref: string, opts: { on: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const o = svc.objections.accept({ objectionId: objectionOf(svc, cli.edition(svc).id, ref).id, on: opts.on });
        cli.emit(o, () => stepped(o, cli));
      });
    });

  objection
    .command('decline <number>')
    .description('不予受理（须说明理由）/ not accepted, with the reason')
    .requiredOption('--on <date>', '日期 / date')
    .requiredOption('--reason <text>', '理由 / reason')
    .action(async (ref: string, opts: { on: string; reason: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const o = svc.objections.decline({ objectionId: objectionOf(svc, cli.edition(svc).id, ref).id, on: opts.on, reason: opts.reason });
        cli.emit(o, () => stepped(o, cli));
      });
    });

  objection
    .command('note <number>')
    .description('记录调查核实情况 / note the investigation')
    .requiredOption('--on <date>', '日期 / date')
    .requiredOption('--text <text>', '调查情况 / what was found')
    .action(async (ref: string, opts: { on: string; text: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const o = svc.objections.note({ objectionId: objectionOf(svc, cli.edition(svc).id, ref).id, on: opts.on, text: opts.text });
        cli.emit(o, () => cli.t({ zh: `已记录第${o.number}号异议的调查情况（共 ${o.notes.length} 条）。`, en: `Noted (objection no. ${o.number} has ${o.notes.length} notes).` }));
      });
    });

  objection
    .command('decide <number>')
    .description('调查结论：异议成立（受理名单：退出评审；拟奖名单：取消资格，不递补）或不成立 / conclude: upheld (accepted list: out of the review; award list: removed, no replacement) or rejected')
    .option('--upheld', '异议成立 / upheld')
    .option('--rejected', '异议不成立 / rejected')
    .requiredOption('--on <date>', '日期 / date')
    .requiredOption('--finding <text>', '调查结论 / the finding')
    .action(async (ref: string, opts: { upheld?: boolean; rejected?: boolean; on: string; finding: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      if (Boolean(opts.upheld) === Boolean(opts.rejected)) throw new UsageError({ zh: '请指定 --upheld 或 --rejected 之一。', en: 'Give one of --upheld or --rejected.' });
      await cli.secretariat((svc) => {
        const o = svc.objections.decide({ objectionId: objectionOf(svc, cli.edition(svc).id, ref).id, on: opts.on, upheld: opts.upheld === true, finding: opts.finding });
        const out = {
          zh: `${o.applicantCode} 退出评审：不再分配评审组，不入围、不排名、不列入拟奖名单；已有的评分和记录保留。`,
          en: `${o.applicantCode} is out of the review: no panel, shortlist, rank or place on the award list; what was recorded stays.`,
        };
        cli.emit(o, () => (removesFromReview(o) ? `${stepped(o, cli)} ${cli.t(out)}` : stepped(o, cli)));
      });
    });

  objection
    .command('letter <number>')
    .description('打印给异议人的受理凭证或处理结果告知书（PDF）/ print the letter to the objector (PDF)')
    .requiredOption('--out <file>', '输出 PDF 文件 / output PDF file')
    .action(async (ref: string, opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => saved(cli, await svc.objections.letter({ objectionId: objectionOf(svc, cli.edition(svc).id, ref).id, lang: cli.lang }), opts.out));
    });
}

function registerFinalListCommands(program: Command): void {
  const finalList = program.command('final-list').description('获奖名单：拟奖名单减去异议成立的单位 / the final award list: the proposed list less upheld objections');

  finalList
    .command('show')
    .description('查看获奖名单及能否公布 / show the list and whether it can be published')
    .action(async (_o: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const list = svc.finalList.get({ editionId: cli.edition(svc).id });
        cli.emit(list, () => {
          const table = renderTable(
            list.entries,
            [
              { header: { zh: '编号', en: 'Code' }, value: (e) => e.code },
              { header: { zh: '名称', en: 'Name' }, value: (e) => e.name },
              { header: { zh: '结果', en: 'Outcome' }, value: (e) => (e.removedBy === null ? cli.t({ zh: '列入', en: 'on the list' }) : cli.t({ zh: `第${e.removedBy}号异议成立，除名`, en: `removed (objection no. ${e.removedBy})` })) },
            ],
            cli.lang,
          );
          const status = list.published
            ? cli.t({ zh: `已于 ${list.published.on} 公布。`, en: `Published on ${list.published.on}.` })
            : list.blockers.length
              ? cli.t({ zh: `尚不能公布：${list.blockers.map((b) => b.zh).join('；')}。`, en: `Cannot be published yet: ${list.blockers.map((b) => b.en).join('; ')}.` })
              : cli.t({ zh: '可以公布：final-list publish --on <日期>。', en: 'Ready to publish: final-list publish --on <date>.' });
          return `${table}\n${status}`;
        });
      });
    });

  finalList
    .command('publish')
    .description('公布获奖名单（记录公布日期）/ publish the list (records the date)')
    .requiredOption('--on <date>', '公布日期 / date published')
    .action(async (opts: { on: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const list = svc.finalList.publish({ editionId: cli.edition(svc).id, on: opts.on });
        const names = list.published!.entries.map((e) => `${e.code} ${e.name}`).join(cli.lang === 'zh' ? '、' : '; ');
        cli.emit(list, () => cli.t({ zh: `获奖名单已于 ${opts.on} 公布：${names || DASH}。`, en: `Award list published on ${opts.on}: ${names || DASH}.` }));
      });
    });

  finalList
    .command('print')
    .description('打印获奖名单（PDF）/ print the list (PDF)')
    .requiredOption('--out <file>', '输出 PDF 文件 / output PDF file')
    .action(async (opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => saved(cli, await svc.finalList.print({ editionId: cli.edition(svc).id, lang: cli.lang }), opts.out));
    });
}
