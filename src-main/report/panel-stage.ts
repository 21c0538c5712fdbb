/**
 * One stage of a panel summary: every expert's item percentages side by side, the mean, the
 * trimmed mean where the panel was trimmed (with who was dropped), the panel's score per item,
 * and the items whose spread calls for the leader's consensus discussion.
 */
import { formatPercent, formatScore, mean } from './format.js';
import { FLAG_FILL, STRONG, note, num, spanned, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import { byId, expertShortName } from './people.js';
import type { Content, ContentNode, PanelStage, PanelSummaryInput, ReportLang } from './types.js';

const MUTED = '#8A8A8A';

export interface PanelStageContent {
  /** the stage's panel members, as a reader names them */
  members: string;
  notes: Content[];
  table: ContentNode;
  /** who signs the stage's summary: the leader first, then the members */
  signers: { role: string; name: string }[];
}

export function panelStageContent(input: PanelSummaryInput, stage: PanelStage, lang: ReportLang): PanelStageContent {
  const result = stage.result;
  const experts = byId(stage.experts);
  const name = (id: string) => expertShortName(experts.get(id), tr(lang, M.common.unlistedExpert));
  const dropped = new Set(result?.droppedExpertIds ?? []);
  const trimmed = result?.trimmed === true;
  const flagged = new Set((result?.disagreements ?? []).map((d) => d.itemCode));
  const sheets = stage.sheets;
  const kept = sheets.filter((s) => !dropped.has(s.expertId));
  const muted = (expertId: string): ContentNode => (dropped.has(expertId) ? { color: MUTED } : {});
  const extraCols = trimmed ? 4 : 3;

  const header: Content[] = [
    th(tr(lang, M.common.code)),
    th(tr(lang, M.common.item)),
    th(tr(lang, M.common.points)),
    ...sheets.map((s) =>
      th(dropped.has(s.expertId) ? `${name(s.expertId)}\n${tr(lang, M.panel.dropped)}` : name(s.expertId), muted(s.expertId)),
    ),
    th(tr(lang, M.panel.mean)),
    ...(trimmed ? [th(tr(lang, M.panel.trimmedMean))] : []),
    th(tr(lang, M.panel.range)),
    th(tr(lang, M.panel.panelScore)),
  ];
  const body: Content[][] = [header];
  // rows (counted in the titled table, whose first row is the title) that get a rule above them
  const ruled = new Set<number>([1, 2]);
  const totalsCenti = new Map(sheets.map((s) => [s.expertId, 0]));

  for (const category of input.framework.categories) {
    ruled.add(body.length + 1);
    body.push([
      td(category.code, STRONG),
      td(tr(lang, category.name), { ...STRONG, colSpan: 1 + sheets.length + extraCols }),
      ...spanned(sheets.length + extraCols),
      num(formatScore(result?.categoryMeans[category.code]), STRONG),
    ]);
    for (const item of category.items) {
      const percents = sheets.map((s) => s.percents[item.code] ?? null);
      sheets.forEach((s, i) => totalsCenti.set(s.expertId, (totalsCenti.get(s.expertId) ?? 0) + item.points * (percents[i] ?? 0)));
      const scored = percents.filter((p): p is number => p !== null);
      const keptScored = kept.map((s) => s.percents[item.code] ?? null).filter((p): p is number => p !== null);
      const isFlagged = flagged.has(item.code);
      const fill: ContentNode = isFlagged ? { fillColor: FLAG_FILL } : {};
      const range = scored.length > 0 ? Math.max(...scored) - Math.min(...scored) : null;
      body.push([
        td(item.code, fill),
        td(tr(lang, item.name), fill),
        num(String(item.points), fill),
        ...sheets.map((s, i) => num(formatPercent(percents[i]), { ...fill, ...muted(s.expertId) })),
        num(formatPercent(mean(scored)), fill),
        ...(trimmed ? [num(formatPercent(mean(keptScored)), fill)] : []),
        num(range === null ? '—' : isFlagged ? `${range} ${tr(lang, M.panel.disagreementCell)}` : String(range), fill),
        num(formatScore(result?.itemMeans[item.code]?.score), fill),
      ]);
    }
  }

  const totalOf = (expertId: string): number => (totalsCenti.get(expertId) ?? 0) / 100;
  const totals = sheets.map((s) => totalOf(s.expertId));
  const keptTotals = kept.map((s) => totalOf(s.expertId));
  ruled.add(body.length + 1);
  ruled.add(body.length + 2);
  body.push([
    td(tr(lang, M.panel.expertTotal), { ...STRONG, colSpan: 2 }),
    {},
    num(String(input.framework.totalPoints), STRONG),
    ...sheets.map((s, i) => num(formatScore(totals[i]), { ...STRONG, ...muted(s.expertId) })),
    num(formatScore(mean(totals)), STRONG),
    ...(trimmed ? [num(formatScore(mean(keptTotals)), STRONG)] : []),
    num(totals.length > 0 ? formatScore(Math.max(...totals) - Math.min(...totals)) : '—', STRONG),
    num(formatScore(result?.panelScore), { ...STRONG, fontSize: 9.5 }),
  ]);

  const notes: Content[] = [];
  if (!result || sheets.length === 0) notes.push(note(tr(lang, M.panel.noSheets)));
  if (result && sheets.length > 0) notes.push({ text: tr(lang, M.panel.scoreLine(formatScore(result.panelScore))), fontSize: 11.5 });
  if (input.rules.trim.enabled && trimmed) {
    const [high, low] = [...dropped].sort((a, b) => totalOf(b) - totalOf(a));
    if (high && low) notes.push(note(tr(lang, M.panel.trimmed(name(high), formatScore(totalOf(high)), name(low), formatScore(totalOf(low))))));
  } else if (input.rules.trim.enabled) {
    notes.push(note(tr(lang, M.panel.tooSmallToTrim(sheets.length, input.rules.trim.minPanelSize))));
  } else {
    notes.push(note(tr(lang, M.panel.noTrim)));
  }
  if (input.rules.disagreement.enabled) notes.push(note(tr(lang, M.panel.disagreement(input.rules.disagreement.threshold))));
  if (result?.undersized) notes.push(note(tr(lang, M.panel.undersized(input.rules.panelSize.min))));
  if (result && result.missingExpertIds.length > 0) {
    notes.push(note(tr(lang, M.panel.missing(result.missingExpertIds.map(name).join(lang === 'zh' ? '、' : ', ')))));
  }

  const widths = [32, '*', 32, ...sheets.map(() => 40), 40, ...(trimmed ? [46] : []), 52, 46];
  const groups = new Set([0, 3, 3 + sheets.length, widths.length]);
  const rules = {
    vLineWidth: (i: number) => (groups.has(i) ? 0.5 : 0),
    hLineWidth: (i: number) => (ruled.has(i) ? 0.5 : 0),
  };
  const leader = stage.experts.find((e) => e.id === stage.leaderId);
  const signers = [
    ...(leader ? [{ role: tr(lang, M.signatures.leaderRole), name: expertShortName(leader, '') }] : []),
    ...stage.experts.filter((e) => e !== leader).map((e) => ({ role: tr(lang, M.signatures.memberRole), name: expertShortName(e, tr(lang, M.common.unlistedExpert)) })),
  ];
  return {
    signers,
    members: stage.experts.map((e) => expertShortName(e, tr(lang, M.common.unlistedExpert))).join(lang === 'zh' ? '、' : ', '),
    notes,
    // titled with the stage and the applicant, repeated on each page the table runs on, so a
    // loose page of a long summary (or of the committee's binder) still says whose scores it holds
    table: titledTable(tr(lang, M.panel.tableTitle(M.stage[stage.stage], input.applicant.code)), 'h3', widths, body, { rules }),
  };
}
