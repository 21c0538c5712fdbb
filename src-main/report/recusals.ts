/**
 * 回避记录: every conflict-of-interest declaration on record, recusals first (the expert's own and
 * those the secretariat imposed, Daqing art. 35), then the declarations of no conflict, with times.
 */
import { timeZoneName } from '../domain/time.js';
import { formatDateTime } from './format.js';
import { STRONG, frame, h2, note, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import { correctionsTable } from './corrections.js';
import { applicantLabel, byId, expertLabel } from './people.js';
import type { Content, DocDefinition, PrintOptions, RecusalsInput } from './types.js';

export function buildRecusals(input: RecusalsInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const experts = byId(input.experts);
  const applicants = byId(input.applicants);
  const recusals = input.declarations.filter((d) => d.conflict);
  const clear = input.declarations.filter((d) => !d.conflict);
  const imposed = recusals.filter((d) => d.source === 'secretariat').length;
  const who = (id: string) => expertLabel(experts.get(id), tr(lang, M.common.unlistedExpert));
  const what = (id: string) => applicantLabel(applicants.get(id), tr(lang, M.common.unlistedApplicant));
  const none = (title: string): Content => ({ stack: [h2(title), note(tr(lang, M.common.none))], unbreakable: true });

  const recusalBody: Content[][] = [
    [th(tr(lang, M.common.time)), th(tr(lang, M.common.expert)), th(tr(lang, M.common.applicant)), th(tr(lang, M.recusals.source)), th(tr(lang, M.common.reason))],
    ...recusals.map((d) => [
      td(formatDateTime(d.declaredAt, lang, input.edition.timeZone)),
      td(who(d.expertId)),
      td(what(d.applicantId)),
      td(tr(lang, M.recusals.sources[d.source]), d.source === 'secretariat' ? STRONG : {}),
      td(d.lifted ? `${d.reason || '—'}\n${tr(lang, M.recusals.lifted(formatDateTime(d.lifted.at, lang, input.edition.timeZone), d.lifted.reason))}` : d.reason || '—'),
    ]),
  ];
  const clearBody: Content[][] = [
    [th(tr(lang, M.common.time)), th(tr(lang, M.common.expert)), th(tr(lang, M.common.applicant)), th(tr(lang, M.recusals.source))],
    ...clear.map((d) => [td(formatDateTime(d.declaredAt, lang, input.edition.timeZone)), td(who(d.expertId)), td(what(d.applicantId)), td(tr(lang, M.recusals.sources[d.source]))]),
  ];

  const content: Content[] = [
    { text: tr(lang, M.recusals.summary(input.declarations.length, recusals.length, imposed, clear.length)), margin: [0, 0, 0, 2] },
    note(tr(lang, M.frame.timeZone(timeZoneName(input.edition.timeZone)))),
    recusals.length === 0 ? none(tr(lang, M.recusals.recusalsTitle)) : titledTable(tr(lang, M.recusals.recusalsTitle), 'h2', [78, 72, 112, 52, '*'], recusalBody),
    clear.length === 0 ? none(tr(lang, M.recusals.clearTitle)) : titledTable(tr(lang, M.recusals.clearTitle), 'h2', [78, 100, '*', 80], clearBody),
    ...(input.corrections.length > 0 ? [correctionsTable(tr(lang, M.corrections.recusalsTitle), input.corrections, lang, input.edition.timeZone)] : []),
  ];
  return frame({ input, print, confidential: true, closing: { seal: false }, content });
}
