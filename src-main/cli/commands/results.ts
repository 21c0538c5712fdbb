import { Command } from 'commander';
import type { Applicant } from '../../domain/people.js';
import type { CandidateStatus } from '../../domain/scores.js';
import type { EditionResults } from '../../scoring/results.js';
import type { Stage } from '../../domain/words.js';
import { Cli } from '../context.js';
import { save } from '../files.js';
import { parseStage } from '../lookup.js';
import { DASH, fmtNumber, renderTable, stageName, statusName, yesNo } from '../output.js';

function rankingText(cli: Cli, results: EditionResults): string {
  const status = new Map<string, CandidateStatus>(results.candidates.entries.map((e) => [e.applicantId, e.status]));
  const stages = results.rules.stages;
  const table = renderTable(
    results.ranking,
    [
      { header: { zh: '名次', en: 'Rank' }, value: (r) => (r.rank === null ? DASH : `${r.rank}${r.tied ? '=' : ''}`), align: 'right' },
      { header: { zh: '编号', en: 'Code' }, value: (r) => r.applicant.code },
      { header: { zh: '申报单位', en: 'Applicant' }, value: (r) => r.applicant.name },
      ...stages.map((s) => ({
        header: { zh: `${stageName(s.stage, 'zh')} ${s.weight}%`, en: `${stageName(s.stage, 'en')} ${s.weight}%` },
        value: (r: EditionResults['ranking'][number]) => fmtNumber(r.stageScores[s.stage]),
        align: 'right' as const,
      })),
      { header: { zh: '加权总分', en: 'Weighted' }, value: (r) => fmtNumber(r.weightedTotal), align: 'right' },
      ...(results.shortlist ? [{ header: { zh: '入围', en: 'Shortlisted' }, value: (r: EditionResults['ranking'][number]) => yesNo(r.shortlisted, cli.lang) }] : []),
      { header: { zh: '候选', en: 'Candidate' }, value: (r) => { const s = status.get(r.applicant.id); return s ? statusName(s, cli.lang) : DASH; } },
    ],
    cli.lang,
  );
  return [table, '', candidatesText(cli, results), shortlistText(cli, results), '', flagsText(cli, results)].join('\n');
}

function candidatesText(cli: Cli, results: EditionResults): string {
  const names = new Map(results.ranking.map((r) => [r.applicant.id, `${r.applicant.code} ${r.applicant.name}`]));
  const list = (s: CandidateStatus) =>
    results.candidates.entries.filter((e) => e.status === s).map((e) => names.get(e.applicantId) ?? e.applicantId);
  const award = list('award');
  const nomination = list('nomination');
  const tie = list('tie-at-cap');
  const { unfilled } = results.candidates;
  const sep = cli.lang === 'zh' ? '、' : '; ';
  const lines = [
    `${cli.t({ zh: '质量奖候选', en: 'Award candidates' })} (${award.length}): ${award.join(sep) || DASH}`,
    `${cli.t({ zh: '提名奖候选', en: 'Nomination candidates' })} (${nomination.length}): ${nomination.join(sep) || DASH}`,
  ];
  if (tie.length) lines.push(`${cli.t({ zh: '名额线上并列，待评委会决定', en: 'Tied at a cap, for the committee' })}: ${tie.join(sep)}`);
  const emptyAward = unfilled.award.unit + unfilled.award.individual;
  const emptyNomination = unfilled.nomination.unit + unfilled.nomination.individual;
  if (emptyAward || emptyNomination) {
    lines.push(
      cli.t({
        zh: `空缺名额：质量奖 ${emptyAward} 个，提名奖 ${emptyNomination} 个（名额可以少额或空缺）。`,
        en: `Places left empty: ${emptyAward} award, ${emptyNomination} nomination (caps may stay unfilled).`,
      }),
    );
  }
  return lines.join('\n');
}

function shortlistText(cli: Cli, results: EditionResults): string {
  if (!results.shortlist) return '';
  const { applicantIds, size, tieAtCut } = results.shortlist;
  return cli.t({
    zh: `入围名单：${applicantIds.length} 家（规定 ${size} 家）${tieAtCut ? '，入围线上有并列，待评委会确定' : ''}。`,
    en: `Shortlist: ${applicantIds.length} of ${size}${tieAtCut ? ', with a tie at the cut for the committee' : ''}.`,
  });
}

function flagsText(cli: Cli, results: EditionResults): string {
  if (!results.flags.length) return cli.t({ zh: '无标记。', en: 'No flags.' });
  return [
    cli.t({ zh: `标记（${results.flags.length}）：`, en: `Flags (${results.flags.length}):` }),
    ...results.flags.map((f) => `  ! ${cli.t(f.detail)}`),
  ].join('\n');
}

function stageText(cli: Cli, results: EditionResults, stage: Stage, applicants: Map<string, Applicant>): string {
  const rows = results.stageResults
    .filter((r) => r.stage === stage)
    .sort((a, b) => (b.panelScore ?? -1) - (a.panelScore ?? -1));
  const shortlisted = new Set(results.shortlist?.applicantIds ?? []);
  const showShortlist = results.rules.shortlist?.afterStage === stage;
  const table = renderTable(
    rows,
    [
      { header: { zh: '编号', en: 'Code' }, value: (r) => applicants.get(r.applicantId)?.code ?? r.applicantId },
      { header: { zh: '申报单位', en: 'Applicant' }, value: (r) => applicants.get(r.applicantId)?.name ?? '' },
      { header: { zh: '评审组得分', en: 'Panel score' }, value: (r) => fmtNumber(r.panelScore), align: 'right' },
      { header: { zh: '已交', en: 'Sheets' }, value: (r) => String(r.expertTotals.length), align: 'right' },
      { header: { zh: '未交', en: 'Missing' }, value: (r) => String(r.missingExpertIds.length), align: 'right' },
      { header: { zh: '去高低', en: 'Trimmed' }, value: (r) => yesNo(r.trimmed, cli.lang) },
      { header: { zh: '分歧条款', en: 'Disagreements' }, value: (r) => r.disagreements.map((d) => d.itemCode).join(',') || DASH },
      { header: { zh: '人数不足', en: 'Undersized' }, value: (r) => yesNo(r.undersized, cli.lang) },
      ...(showShortlist ? [{ header: { zh: '入围', en: 'Shortlisted' }, value: (r: (typeof rows)[number]) => yesNo(shortlisted.has(r.applicantId), cli.lang) }] : []),
    ],
    cli.lang,
  );
  return [`${stageName(stage, cli.lang)}`, table, '', showShortlist ? shortlistText(cli, results) : ''].filter(Boolean).join('\n');
}

/** The calls the results command makes, loaded without the other features' code, so that it answers sooner. */
async function resultsCalls() {
  const [{ editionReadingCalls }, { peopleListCalls }, { resultCalls }] = await Promise.all([
    import('../../features/editions/reading.js'),
    import('../../features/people/lists.js'),
    import('../../features/results/calls.js'),
  ]);
  return { ...editionReadingCalls, ...peopleListCalls, ...resultCalls };
}

export function registerResultsCommands(program: Command): void {
  program
    .command('results')
    .description('汇总、排名、入围名单、候选名单与标记 / aggregation, ranking, shortlist, candidates and flags')
    .option('--stage <stage>', '只看某一阶段的评审组得分 / one stage\'s panel scores')
    .option('--xlsx <file>', '另存为 Excel：排名、各阶段评审组得分和全部评分项得分 / also save the ranking, the stage panel scores and every item score as an Excel workbook')
    .action(async (opts: { stage?: string; xlsx?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const stage = opts.stage ? parseStage(opts.stage) : undefined;
      await cli.secretariatWith(resultsCalls, async (svc) => {
        const editionId = cli.edition(svc).id;
        if (opts.xlsx) {
          const file = save(await svc.results.exportXlsx({ editionId, lang: cli.lang }), opts.xlsx);
          cli.note({ zh: `已另存为 Excel：${file}`, en: `Saved as Excel: ${file}` });
        }
        const results = svc.results.get({ editionId });
        if (stage) {
          const applicants = new Map(svc.applicants.list({ editionId }).map((a) => [a.id, a]));
          cli.emit(
            { stage, stageResults: results.stageResults.filter((r) => r.stage === stage), shortlist: results.shortlist },
            () => stageText(cli, results, stage, applicants),
          );
          return;
        }
        cli.emit(results, () => rankingText(cli, results));
      });
    });
}
