/**
 * The public notice (公示) with its list, dates and where and how to object; the letter telling
 * an objector what became of the objection (Xinyang art. 24, Daqing arts. 22 and 24); and the
 * final award list the notice leaves (Xinyang art. 22: an upheld objection removes the
 * applicant, no one moves up). Official-notice layout, sealed by the issuing body.
 */
import type { NoticeEntry } from '../domain/notices.js';
import { frame, note, num, particulars, table, td, th, titledTable } from './layout.js';
import { tr } from './messages.js';
import { N } from './notice-messages.js';
import type { Content, DocDefinition, FinalListInput, NoticeInput, ObjectionReplyInput, PrintOptions, ReportLang } from './types.js';

/** 2026-10-09 → 2026年10月9日 (GB/T 9704: Arabic numerals, no padding) */
export function calendarDay(date: string, lang: ReportLang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const para = (text: string): Content => ({ text, margin: [0, 0, 0, 6], lineHeight: 1.5 });

function listTable(lang: ReportLang, entries: NoticeEntry[], withDesignation: boolean): Content {
  if (entries.length === 0) return note(tr(lang, N.empty));
  const head = [th(tr(lang, N.number)), th(tr(lang, N.code)), th(tr(lang, N.name)), ...(withDesignation ? [th(tr(lang, N.designation))] : [])];
  const rows = entries.map((e, i) => [
    num(String(i + 1), { alignment: 'center' }),
    td(e.code),
    td(e.name),
    ...(withDesignation ? [td(e.designation ? tr(lang, N.designations[e.designation]) : '—')] : []),
  ]);
  return table(withDesignation ? [30, 80, '*', 80] : [30, 80, '*'], 1, [head, ...rows]);
}

function contactTable(lang: ReportLang, c: NoticeInput['contact']): Content {
  const pairs: [string, string][] = [[tr(lang, N.office), c.office]];
  if (c.address) pairs.push([tr(lang, N.address), c.address]);
  if (c.phone) pairs.push([tr(lang, N.phone), c.phone]);
  if (c.email) pairs.push([tr(lang, N.email), c.email]);
  return particulars(pairs, 1);
}

export function buildNotice(input: NoticeInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const e = input.edition;
  const p = N.period(calendarDay(input.startDate, lang), calendarDay(input.endDate, lang), input.days, input.working);
  const content: Content[] = [
    { text: tr(lang, N.heading(e.name, input.kind)), style: 'h2', alignment: 'center', margin: [0, 0, 0, 10] },
    para(tr(lang, N.opening(tr(lang, e.regulation), tr(lang, input.rules.notice), input.kind))),
    listTable(lang, input.entries, input.kind === 'award-list'),
    { text: '', margin: [0, 0, 0, 8] },
    para(tr(lang, N.periodLine(p))),
    para(tr(lang, N.objectIn(input.contact.office, input.rules.withinPeriod))),
    ...(input.rules.realName ? [para(tr(lang, N.realName))] : []),
    note(tr(lang, N.objectionRule(tr(lang, input.rules.objections)))),
    { text: tr(lang, N.contactTitle), style: 'h3', margin: [0, 10, 0, 4] },
    contactTable(lang, input.contact),
  ];
  return frame({ input, print, confidential: false, closing: { seal: true, dated: calendarDay(input.startDate, lang) }, content });
}

export function buildObjectionReply(input: ObjectionReplyInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const day = (d: string | null) => (d ? calendarDay(d, lang) : '—');
  const applicant = `${input.applicant.code} ${input.applicant.name}`;
  const outcome = (() => {
    switch (input.state) {
      case 'accepted':
        return N.outcome.accepted(day(input.acceptedOn));
      case 'not-accepted':
        return N.outcome['not-accepted'](input.decision ?? '');
      case 'upheld':
        return N.outcome.upheld(input.decision ?? '', applicant, input.noticeKind);
      case 'rejected':
        return N.outcome.rejected(input.decision ?? '');
    }
  })();
  const content: Content[] = [
    { text: tr(lang, N.salutation(input.objectorName)), margin: [0, 0, 0, 8] },
    para(tr(lang, N.received(day(input.receivedOn), applicant, input.noticeKind, input.number))),
    para(tr(lang, outcome)),
    para(tr(lang, N.thanks)),
    para(tr(lang, N.enquiries(input.contact.office, input.contact.phone))),
    note(tr(lang, N.objectionRule(tr(lang, input.rules.objections)))),
  ];
  return frame({ input, print, confidential: false, closing: { seal: true }, content });
}

export function buildFinalList(input: FinalListInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const span = N.span(calendarDay(input.startDate, lang), calendarDay(input.endDate, lang));
  const removed: Content[][] = [
    [th(tr(lang, N.code)), th(tr(lang, N.name)), th(tr(lang, N.designation)), th(tr(lang, N.objection))],
    ...input.removed.map((r) => [td(r.code), td(r.name), td(r.designation ? tr(lang, N.designations[r.designation]) : '—'), num(`#${r.objection}`, { alignment: 'center' })]),
  ];
  const content: Content[] = [
    para(tr(lang, N.finalOpening(span))),
    listTable(lang, input.entries, true),
    ...(input.removed.length > 0 ? [titledTable(tr(lang, N.removedTitle), 'h3', [80, '*', 80, 50], removed)] : []),
    ...(input.publishedOn ? [{ text: tr(lang, N.publishedOn(calendarDay(input.publishedOn, lang))), margin: [0, 10, 0, 0] } as Content] : []),
  ];
  return frame({
    input,
    print,
    confidential: input.publishedOn === null,
    closing: { seal: true, ...(input.publishedOn ? { dated: calendarDay(input.publishedOn, lang) } : {}) },
    ...(input.publishedOn === null ? { missing: [N.unpublished] } : {}),
    content,
  });
}

