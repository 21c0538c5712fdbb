import { namedFile } from '../../domain/file-names.js';
import { refuse } from '../../domain/errors.js';
import type { NoticeRecord, ObjectionRecord } from '../../domain/notices.js';
import type { EditionDetail } from '../../profile/edition.js';
import { NOTICE_TITLES } from '../../report/notice-messages.js';
import type { FinalListInput, NoticeInput, NoticeRules, ObjectionReplyInput, ReportEdition, ReportInput, ReportLang } from '../../report/types.js';
import type { Ctx } from '../context.js';
import { finalListOf, getNotice, noticeRules } from './views.js';

export interface PrintedFile {
  fileName: string;
  bytes: Uint8Array;
  pages: number;
}

/**
 * Renders one of the notice's documents. The report code (assemble, pdfmake and the fonts) loads
 * only once a document is asked for, as the eligibility letters' does; a refusal comes before it.
 */
async function render(edition: EditionDetail, inputOf: (e: ReportEdition) => ReportInput, lang: ReportLang, name: string[]): Promise<PrintedFile> {
  const [{ reportEdition }, { buildReport }, { renderReport }] = await Promise.all([import('../../report/assemble.js'), import('../../report/build.js'), import('../../report/render.js')]);
  const input = inputOf(reportEdition(edition));
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
  const input = (printed: ReportEdition): NoticeInput => ({
    report: 'notice',
    edition: printed,
    kind: n.kind,
    startDate: n.startDate,
    endDate: n.endDate,
    days: n.days,
    working: n.working,
    contact: n.contact,
    entries: n.entries,
    rules: printedRules(edition, n.kind),
  });
  return render(edition, input, lang, [edition.name, n.kind === 'award-list' ? (lang === 'zh' ? '拟奖名单' : 'award-list') : lang === 'zh' ? '受理名单' : 'accepted-list']);
}

export function printReply(ctx: Ctx, edition: EditionDetail, o: ObjectionRecord, lang: ReportLang): Promise<PrintedFile> {
  if (o.state === 'received') {
    throw refuse(
      'objection.undecided',
      `第${o.number}号异议尚未审查，还没有可以告知的结果。请先决定受理或不予受理。`,
      `Objection no. ${o.number} is not yet reviewed: there is nothing to tell the objector. Accept it or decline it first.`,
    );
  }
  const state = o.state;
  const notice = getNotice(ctx, o.noticeId);
  const entry = notice.entries.find((e) => e.applicantId === o.applicantId)!;
  const input = (printed: ReportEdition): ObjectionReplyInput => ({
    report: 'objection-reply',
    edition: printed,
    noticeKind: notice.kind,
    number: o.number,
    objectorKind: o.objectorKind,
    objectorName: o.objectorName,
    receivedOn: o.receivedOn,
    applicant: { code: entry.code, name: entry.name },
    state,
    acceptedOn: o.acceptedOn,
    decidedOn: o.decidedOn,
    decision: o.decision,
    contact: notice.contact,
    rules: printedRules(edition, notice.kind),
  });
  return render(edition, input, lang, [edition.name, lang === 'zh' ? `第${o.number}号` : `no-${o.number}`]);
}

export function printFinalList(ctx: Ctx, edition: EditionDetail, lang: ReportLang): Promise<PrintedFile> {
  const list = finalListOf(ctx, edition.id);
  const notice = list.notice;
  if (!notice) {
    throw refuse('final-list.no-notice', '拟奖名单尚未公示，还没有获奖名单。请先发布拟奖名单公示。', 'The proposed award list has not been put on notice, so there is no final list yet. Issue the award-list notice first.');
  }
  const entries = list.published?.entries ?? list.entries.filter((e) => e.removedBy === null).map(({ removedBy: _r, ...e }) => e);
  const input = (printed: ReportEdition): FinalListInput => ({
    report: 'final-list',
    edition: printed,
    startDate: notice.startDate,
    endDate: notice.endDate,
    entries,
    removed: list.entries.filter((e) => e.removedBy !== null).map(({ removedBy, ...e }) => ({ ...e, objection: removedBy! })),
    publishedOn: list.published?.on ?? null,
  });
  return render(edition, input, lang, [edition.name]);
}
