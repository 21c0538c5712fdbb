import type { CriteriaFramework } from '../criteria/schema.js';
import type { ExpertRef } from '../domain/people.js';
import type { ScoreSheet } from '../domain/review.js';
import { byText } from '../domain/order.js';
import type { CandidateStatus } from '../domain/scores.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import type { EditionResults } from '../scoring/results.js';

/**
 * The results as a workbook the secretariat can sort, filter and sum in Excel or WPS: the ranking
 * on one sheet, then one sheet per scored stage with a row for every expert's sheet that counts
 * (the applicant's panel score beside it, every item's percent, the expert's total). Every
 * number is a number cell (a format shows "55%" or "604.17", the value stays 55 or 604.17), the
 * header row is frozen and filterable, and the applicant's code stays in view while scrolling.
 */

type Lang = 'zh' | 'en';

export interface ResultsWorkbookData {
  editionName: string;
  framework: CriteriaFramework;
  experts: ExpertRef[];
  results: EditionResults;
  /** the edition's submitted sheets; only those the results count are listed */
  sheets: ScoreSheet[];
}

const WORDS = {
  ranking: { zh: '排名', en: 'Ranking' },
  rank: { zh: '名次', en: 'Rank' },
  code: { zh: '编号', en: 'Code' },
  applicant: { zh: '申报单位', en: 'Applicant' },
  weighted: { zh: '加权总分', en: 'Weighted total' },
  share: { zh: '得分率（%）', en: 'Of full marks (%)' },
  shortlisted: { zh: '入围', en: 'Shortlisted' },
  outcome: { zh: '候选结果', en: 'Outcome' },
  tied: { zh: '并列', en: 'Tied' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  panelScore: { zh: '评审组得分', en: 'Panel score' },
  expertCode: { zh: '专家编号', en: 'Expert code' },
  expert: { zh: '专家', en: 'Expert' },
  expertTotal: { zh: '专家总分', en: 'Expert total' },
  counted: { zh: '计入平均', en: 'In the mean' },
  dropped: { zh: '去掉（最高或最低）', en: 'dropped (highest or lowest)' },
  stageSuffix: { zh: '评分', en: 'scores' },
  status: {
    award: { zh: '奖项候选', en: 'award candidate' },
    nomination: { zh: '提名奖候选', en: 'nomination candidate' },
    'tie-at-cap': { zh: '名额处并列', en: 'tied at the cap' },
    'below-floor': { zh: '未达分数线', en: 'below the floor' },
    'not-placed': { zh: '未入选', en: 'not placed' },
  } satisfies Record<CandidateStatus, { zh: string; en: string }>,
} as const;

const SCORE = '0.00';
const PERCENT = '0"%"';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** The parts of exceljs used here, so the module is loaded only when a workbook is made. */
interface Worksheet {
  columns: { header: string; width: number; style?: { numFmt?: string } }[];
  addRow(values: (string | number | null)[]): unknown;
  views: { state: 'frozen'; xSplit: number; ySplit: number }[];
  autoFilter: { from: { row: number; column: number }; to: { row: number; column: number } };
  getRow(n: number): { font: { bold: boolean } };
}

function fill(ws: Worksheet, columns: Column[], rows: (string | number | null)[][], frozenColumns: number): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function rankingRows(d: ResultsWorkbookData, lang: Lang): { columns: Column[]; rows: (string | number | null)[][] } {
  const { rules, ranking, candidates, shortlist } = d.results;
  const status = new Map(candidates.entries.map((e) => [e.applicantId, e.status]));
  const columns: Column[] = [
    { header: WORDS.rank[lang], width: 8 },
    { header: WORDS.code[lang], width: 14 },
    { header: WORDS.applicant[lang], width: 36 },
    ...rules.stages.map((s) => ({ header: `${STAGE_NAMES[s.stage][lang]}（${s.weight}%）`, width: 16, numFmt: SCORE })),
    { header: WORDS.weighted[lang], width: 12, numFmt: SCORE },
    { header: WORDS.share[lang], width: 12, numFmt: '0.0' },
    { header: WORDS.tied[lang], width: 8 },
    ...(shortlist ? [{ header: WORDS.shortlisted[lang], width: 8 }] : []),
    { header: WORDS.outcome[lang], width: 16 },
  ];
  const rows = ranking.map((r) => {
    const st = status.get(r.applicant.id);
    return [
      r.rank,
      r.applicant.code,
      r.applicant.name,
      ...rules.stages.map((s) => r.stageScores[s.stage] ?? null),
      r.weightedTotal,
      r.weightedTotal === null ? null : Math.round((r.weightedTotal / rules.totalPoints) * 1000) / 10,
      r.tied ? WORDS.yes[lang] : '',
      ...(shortlist ? [r.shortlisted ? WORDS.yes[lang] : WORDS.no[lang]] : []),
      st ? WORDS.status[st][lang] : '',
    ];
  });
  return { columns, rows };
}

/** One row per counted expert sheet of the stage, applicants in the ranking's order; an applicant without one gets a row of its own. */
function stageRows(d: ResultsWorkbookData, stage: Stage, lang: Lang): { columns: Column[]; rows: (string | number | null)[][] } {
  const items = d.framework.categories.flatMap((c) => c.items);
  const experts = new Map(d.experts.map((e) => [e.id, e]));
  const columns: Column[] = [
    { header: WORDS.code[lang], width: 14 },
    { header: WORDS.applicant[lang], width: 30 },
    { header: WORDS.panelScore[lang], width: 12, numFmt: SCORE },
    { header: WORDS.expertCode[lang], width: 10 },
    { header: WORDS.expert[lang], width: 10 },
    { header: WORDS.expertTotal[lang], width: 12, numFmt: SCORE },
    { header: WORDS.counted[lang], width: 12 },
    ...items.map((i) => ({ header: `${i.code} ${i.name[lang]}（${i.points}）`, width: 12, numFmt: PERCENT })),
  ];
  const rows: (string | number | null)[][] = [];
  for (const entry of d.results.ranking) {
    const a = entry.applicant;
    const result = d.results.stageResults.find((r) => r.applicantId === a.id && r.stage === stage);
    if (!result) continue;
    const counted = result.expertTotals
      .map((t) => ({ total: t.total, expert: experts.get(t.expertId), sheet: d.sheets.find((s) => s.applicantId === a.id && s.stage === stage && s.expertId === t.expertId) }))
      .sort((x, y) => byText(x.expert?.code ?? '', y.expert?.code ?? ''));
    if (counted.length === 0) rows.push([a.code, a.name, result.panelScore, null, null, null, null, ...items.map(() => null)]);
    for (const c of counted) {
      const percents = new Map((c.sheet?.items ?? []).map((i) => [i.itemCode, i.percent]));
      const dropped = result.droppedExpertIds.includes(c.expert?.id ?? '');
      rows.push([
        a.code,
        a.name,
        result.panelScore,
        c.expert?.code ?? null,
        c.expert?.name ?? null,
        c.total,
        dropped ? WORDS.dropped[lang] : WORDS.yes[lang],
        ...items.map((i) => percents.get(i.code) ?? null),
      ]);
    }
  }
  return { columns, rows };
}

/** Excel refuses these in a sheet name, and names longer than 31 characters. */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export async function resultsWorkbook(d: ResultsWorkbookData, lang: Lang): Promise<Uint8Array> {
  // loaded on demand: exceljs takes ~0.6 s to load and most calls never write a sheet
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pingshen 评审';
  wb.title = d.editionName;
  const ranking = rankingRows(d, lang);
  fill(wb.addWorksheet(sheetName(WORDS.ranking[lang])) as unknown as Worksheet, ranking.columns, ranking.rows, 3);
  for (const { stage } of d.results.rules.stages) {
    const s = stageRows(d, stage, lang);
    const name = lang === 'zh' ? `${STAGE_NAMES[stage].zh}${WORDS.stageSuffix.zh}` : `${STAGE_NAMES[stage].en} ${WORDS.stageSuffix.en}`;
    fill(wb.addWorksheet(sheetName(name)) as unknown as Worksheet, s.columns, s.rows, 2);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
