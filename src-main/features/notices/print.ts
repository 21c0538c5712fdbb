import { namedFile } from '../../domain/file-names.js';
import { refuse } from '../../domain/errors.js';
import type { EditionDetail } from '../../profile/edition.js';
import { reportEdition } from '../../report/assemble.js';
import { NOTICE_TITLES } from '../../report/notice-messages.js';
import type { FinalListInput, NoticeInput, NoticeRules, ObjectionReplyInput, ReportInput, ReportLang } from '../../report/types.js';
import type { Ctx } from '../context.js';
import type { NoticeRecord, ObjectionRecord } from '../repo/notices.js';
import { finalListOf, getNotice, noticeRules } from './views.js';

export interface PrintedFile {
  fileName: string;
  bytes: Uint8Array;
  pages: number;
}

/** Renders one of the notice's documents; pdfmake and the fonts load only when one is asked for. */
async function render(input: ReportInput, lang: ReportLang, name: string[]): Promise<PrintedFile> {
  const [{ buildReport }, { renderReport }] = await Promise.all([import('../../report/build.js'), import('../../report/render.js')]);
  const { pdf, pages } = await renderReport(buildReport(input, { lang, generatedAt: new Date() }));
  return { fileName: namedFile([NOTICE_TITLES[input.report as keyof typeof NOTICE_TITLES][lang], ...name], '.pdf'), bytes: pdf, pages };
}

function printedRules(edition: EditionDetail, kind: NoticeRecord['kind']): NoticeRules {
  const rules = noticeRules(edition);
  return {
    notice: rules.source(kind === 'award-list' ? 'notice' : 'acceptedNotice'),
    objections: rules.source('objections'),
    realName: rules.objections.realName,
    withinPeriod: rules.objections.window === 'notice',
  };
}

export function printNotice(edition: EditionDetail, n: NoticeRecord, lang: ReportLang): Promise<PrintedFile> {
  const input: NoticeInput = {
    report: 'notice',
    edition: reportEdition(edition),
    kind: n.kind,
    startDate: n.startDate,
    endDate: n.endDate,
    days: n.days,
    working: n.working,
    contact: n.contact,
    entries: n.entries,
    rules: printedRules(edition, n.kind),
  };
  return render(input, lang, [edition.name, n.kind === 'award-list' ? (lang === 'zh' ? '拟奖名单' : 'award-list') : lang === 'zh' ? '受理名单' : 'accepted-list']);
}

export function printReply(ctx: Ctx, edition: EditionDetail, o: ObjectionRecord, lang: ReportLang): Promise<PrintedFile> {
  if (o.state === 'received') {
    throw refuse(
      'objection.undecided',
      `第${o.number}号异议尚未审查，还没有可以告知的结果。请先决定受理或不予受理。`,
      `Objection no. ${o.number} is not yet reviewed: there is nothing to tell the objector. Accept it or decline it first.`,
    );
  }
  const notice = getNotice(ctx, o.noticeId);
  const entry = notice.entries.find((e) => e.applicantId === o.applicantId)!;
  const input: ObjectionReplyInput = {
    report: 'objection-reply',
    edition: reportEdition(edition),
    noticeKind: notice.kind,
    number: o.number,
    objectorKind: o.objectorKind,
    objectorName: o.objectorName,
    receivedOn: o.receivedOn,
    applicant: { code: entry.code, name: entry.name },
    state: o.state,
    acceptedOn: o.acceptedOn,
    decidedOn: o.decidedOn,
    decision: o.decision,
    contact: notice.contact,
    rules: printedRules(edition, notice.kind),
  };
  return render(input, lang, [edition.name, lang === 'zh' ? `第${o.number}号` : `no-${o.number}`]);
}

export function printFinalList(ctx: Ctx, edition: EditionDetail, lang: ReportLang): Promise<PrintedFile> {
  const list = finalListOf(ctx, edition.id);
  if (!list.notice) {
    throw refuse('final-list.no-notice', '拟奖名单尚未公示，还没有获奖名单。请先发布拟奖名单公示。', 'The proposed award list has not been put on notice, so there is no final list yet. Issue the award-list notice first.');
  }
  const entries = list.published?.entries ?? list.entries.filter((e) => e.removedBy === null).map(({ removedBy: _r, ...e }) => e);
  const input: FinalListInput = {
    report: 'final-list',
    edition: reportEdition(edition),
    startDate: list.notice.startDate,
    endDate: list.notice.endDate,
    entries,
    removed: list.entries.filter((e) => e.removedBy !== null).map(({ removedBy, ...e }) => ({ ...e, objection: removedBy! })),
    publishedOn: list.published?.on ?? null,
  };
  return render(input, lang, [edition.name]);
}
