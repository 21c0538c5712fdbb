/**
 * 综合评分排名及候选名单: for the committee — the rules applied (weights, floors, caps, shortlist,
 * tie-break), every applicant's stage scores, weighted total and rank, the award and nomination
 * candidates per applicant kind with the places left empty, and the flags to be resolved.
 */
import type { ApplicantKind } from '../domain/words.js';
import type { RankingEntry } from '../domain/scores.js';
import { formatDateTime, formatPercent, formatScore } from './format.js';
import { STRONG, committeeSignatures, frame, h2, h3, note, num, particulars, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import { applicantLabel, byId } from './people.js';
import type { Content, DocDefinition, PrintOptions, RankingInput, ReportLang } from './types.js';

const KINDS: ApplicantKind[] = ['unit', 'individual'];
/** blank lines for the committee members' signatures: no regulation fixes the committee's size */
const COMMITTEE_LINES = 12;

function rulesBlock(input: RankingInput, lang: ReportLang): Content {
  const { rules, shortlist } = input.results;
  const sep = lang === 'zh' ? '；' : '; ';
  const weights = rules.stages.map((s) => tr(lang, M.ranking.stageWeight(M.stage[s.stage], s.weight))).join(sep);
  const floorOf = (level: 'award' | 'nomination') => {
    const p = rules.floors[level];
    return p === null ? null : tr(lang, M.ranking.floor(M.ranking[level], p, formatScore((rules.totalPoints * p) / 100)));
  };
  const floors = [floorOf('award'), floorOf('nomination')].filter((f): f is string => f !== null);
  const caps = KINDS.filter((k) => rules.caps.award[k] + rules.caps.nomination[k] > 0).map((k) =>
    tr(lang, M.ranking.cap(M.kind[k], rules.caps.award[k], rules.caps.nomination[k])),
  );
  const tieBreak = rules.tieBreak
    .map((t) => tr(lang, t.by === 'stage' ? M.ranking.tieByStage(M.stage[t.stage]) : M.ranking.tieByCategory(t.code)))
    .join(' → ');
  const pairs: [string, string][] = [
    [tr(lang, M.ranking.weights), weights],
    [tr(lang, M.ranking.floors), floors.length > 0 ? floors.join(sep) : tr(lang, M.common.none)],
    [tr(lang, M.ranking.caps), caps.join(sep)],
    [
      tr(lang, M.ranking.shortlist),
      rules.shortlist && shortlist
        ? tr(lang, M.ranking.shortlistRule(M.stage[rules.shortlist.afterStage], rules.shortlist.size, shortlist.applicantIds.length)) +
          (shortlist.tieAtCut ? ` ${tr(lang, M.ranking.shortlistTie)}` : '')
        : tr(lang, M.common.none),
    ],
    [tr(lang, M.ranking.tieBreak), tieBreak || tr(lang, M.common.none)],
  ];
  return { stack: [h2(tr(lang, M.ranking.rulesTitle)), particulars(pairs, 1)], unbreakable: true };
}

function rankingTable(input: RankingInput, lang: ReportLang): Content {
  const { rules, shortlist, candidates } = input.results;
  const status = new Map(candidates.entries.map((e) => [e.applicantId, e.status]));
  const withShortlist = shortlist !== null;
  // a kind column only where the profile admits both units and individuals (Jinan)
  const withKind = KINDS.every((k) => rules.caps.award[k] + rules.caps.nomination[k] > 0);
  const rows = [...input.results.ranking].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.applicant.code < b.applicant.code ? -1 : 1),
  );
  const header = [
    th(tr(lang, M.ranking.rank)),
    th(tr(lang, M.common.code)),
    th(tr(lang, M.common.applicant)),
    ...(withKind ? [th(tr(lang, M.common.kind))] : []),
    ...rules.stages.map((s) => th(tr(lang, M.ranking.stageWeight(M.stage[s.stage], s.weight)))),
    th(tr(lang, M.ranking.weighted)),
    th(tr(lang, M.ranking.ofFull)),
    ...(withShortlist ? [th(tr(lang, M.ranking.shortlisted))] : []),
    th(tr(lang, M.ranking.outcome)),
  ];
  const line = (r: RankingEntry): Content[] => {
    const st = status.get(r.applicant.id);
    const share = r.weightedTotal === null ? null : Math.round((r.weightedTotal / rules.totalPoints) * 1000) / 10;
    return [
      num(r.rank === null ? '—' : `${r.rank}${r.tied ? tr(lang, M.ranking.tied) : ''}`, { alignment: 'center' }),
      td(r.applicant.code),
      td(r.applicant.name),
      ...(withKind ? [td(tr(lang, M.kind[r.applicant.kind]), { alignment: 'center' })] : []),
      ...rules.stages.map((s) => num(formatScore(r.stageScores[s.stage]))),
      num(formatScore(r.weightedTotal)),
      num(formatPercent(share)),
      ...(withShortlist ? [td(tr(lang, r.shortlisted ? M.ranking.yes : M.ranking.no), { alignment: 'center' })] : []),
      td(st ? tr(lang, M.ranking.status[st]) : '—', st === 'award' || st === 'nomination' ? STRONG : {}),
    ];
  };
  const widths = [36, 62, '*', ...(withKind ? [58] : []), ...rules.stages.map(() => 62), 54, 44, ...(withShortlist ? [54] : []), 88];
  return titledTable(tr(lang, M.ranking.tableTitle), 'h2', widths, [header, ...rows.map(line)]);
}

/** Each list stays on one page with its heading; the section heading goes with the first list. */
function candidateLists(input: RankingInput, lang: ReportLang): Content[] {
  const { rules, candidates } = input.results;
  const applicants = byId(input.applicants);
  const rank = new Map(input.results.ranking.map((r) => [r.applicant.id, r]));
  const groups: Content[][] = [];
  for (const kind of KINDS) {
    for (const level of ['award', 'nomination'] as const) {
      const cap = rules.caps[level][kind];
      if (cap === 0) continue;
      const listed = candidates.entries
        .filter((e) => e.kind === kind && e.status === level)
        .map((e) => rank.get(e.applicantId))
        .filter((r): r is RankingEntry => r !== undefined)
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
      groups.push([
        h3(tr(lang, M.ranking.listHeading(M.kind[kind], M.ranking[level], cap, candidates.unfilled[level][kind]))),
        listed.length === 0
          ? note(tr(lang, M.common.none))
          : { ol: listed.map((r) => `${applicantLabel(applicants.get(r.applicant.id) ?? r.applicant, r.applicant.code)}　${formatScore(r.weightedTotal)}`) },
      ]);
    }
    const tied = candidates.entries.filter((e) => e.kind === kind && e.status === 'tie-at-cap');
    if (tied.length > 0) {
      groups.push([
        h3(`${tr(lang, M.kind[kind])} · ${tr(lang, M.ranking.status['tie-at-cap'])}`),
        { ul: tied.map((e) => applicantLabel(applicants.get(e.applicantId), tr(lang, M.common.unlistedApplicant))) },
      ]);
    }
  }
  groups[0]?.unshift(h2(tr(lang, M.ranking.candidatesTitle)));
  return groups.map((g) => ({ stack: g, unbreakable: true }));
}

function flagsTable(input: RankingInput, lang: ReportLang): Content[] {
  const flags = input.results.flags;
  const applicants = byId(input.applicants);
  if (flags.length === 0) return [{ stack: [h2(tr(lang, M.ranking.flagsTitle)), note(tr(lang, M.common.none))], unbreakable: true }];
  const body: Content[][] = [
    [th(tr(lang, M.ranking.flagKind)), th(tr(lang, M.common.applicant)), th(tr(lang, M.common.stage)), th(tr(lang, M.common.item)), th(tr(lang, M.ranking.flagDetail))],
    ...flags.map((f) => [
      td(tr(lang, M.ranking.flag[f.code])),
      td(f.applicantId ? applicantLabel(applicants.get(f.applicantId), tr(lang, M.common.unlistedApplicant)) : '—'),
      td(f.stage ? tr(lang, M.stage[f.stage]) : '—'),
      td(f.itemCode ?? '—'),
      td(tr(lang, f.detail)),
    ]),
  ];
  return [titledTable(tr(lang, M.ranking.flagsTitle), 'h2', [84, 170, 76, 40, '*'], body)];
}

/** Applicants who withdrew: named, with the date and reason, never ranked. */
function withdrawnTable(input: RankingInput, lang: ReportLang): Content[] {
  const list = input.results.withdrawn;
  if (list.length === 0) return [];
  const body: Content[][] = [
    [th(tr(lang, M.common.applicant)), th(tr(lang, M.common.time)), th(tr(lang, M.common.reason))],
    ...list.map((w) => [td(applicantLabel(w.applicant, w.applicant.code)), td(formatDateTime(w.at, lang, input.edition.timeZone)), td(w.reason)]),
  ];
  return [titledTable(tr(lang, M.ranking.withdrawnTitle), 'h2', [220, 100, '*'], body)];
}

export function buildRanking(input: RankingInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const content: Content[] = [
    rulesBlock(input, lang),
    rankingTable(input, lang),
    ...candidateLists(input, lang),
    ...withdrawnTable(input, lang),
    ...flagsTable(input, lang),
  ];
  const closing = { seal: true, after: committeeSignatures(lang, COMMITTEE_LINES) };
  return frame({ input, print, orientation: 'landscape', confidential: true, missing: input.missing, closing, content });
}
