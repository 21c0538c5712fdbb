/**
 * From what the services return (api.ts) to what a report is made from (types.ts). Pure: the
 * service fetches, these select and reshape, so tests and the benchmark exercise the same path.
 */
import { RECUSAL_CORRECTIONS, type Correction } from '../domain/corrections.js';
import type { Applicant, ApplicantRef, Expert } from '../domain/people.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EditionResults } from '../scoring/results.js';
import type { Stage } from '../domain/words.js';
import type { BundleRecord } from '../domain/files.js';
import type { Declaration, ScoreSheet } from '../domain/review.js';
import type { Localized } from '../domain/localized.js';
import { editionTimeZone } from '../domain/time.js';
import type { EditionDetail } from '../profile/edition.js';
import type { EditionDecisions } from '../domain/notices.js';
import { retentionOf, retentionText } from '../rules/retention.js';
import { confirmationOfNotice } from '../scoring/committee.js';
import { M } from './messages.js';
import { missingForRanking, missingForStages } from './missing.js';
import { expertShortName } from './people.js';
import type { PanelLeads } from './sources.js';
import type {
  BallotCandidate,
  ConsensusOpinion,
  FeedbackOpinion,
  BallotInput,
  DecisionsInput,
  FeedbackInput,
  PanelBinderInput,
  PanelStage,
  PanelSummaryInput,
  RankingInput,
  ReceiptInput,
  RecusalsInput,
  ReportEdition,
  ReportExpert,
  ReportFramework,
  ScoreSheetInput,
} from './types.js';

export function reportEdition(e: EditionDetail): ReportEdition {
  return {
    id: e.id,
    name: e.name,
    year: e.year,
    city: e.profile.city,
    regulation: e.profile.regulation,
    issuingBody: e.settings.issuingBody ?? null,
    timeZone: editionTimeZone(e.settings),
  };
}

export function reportFramework(f: CriteriaFramework): ReportFramework {
  return {
    id: f.id,
    standard: f.standard,
    name: f.name,
    totalPoints: f.totalPoints,
    categories: f.categories.map((c) => ({
      code: c.code,
      name: c.name,
      points: c.points,
      items: c.items.map((i) => ({ code: i.code, name: i.name, points: i.points, kind: i.kind })),
    })),
  };
}

export function applicantRef(a: Pick<Applicant, 'id' | 'code' | 'name' | 'kind' | 'industry'>): ApplicantRef {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry };
}

export function reportExpert(e: Pick<Expert, 'id' | 'code' | 'name'>): ReportExpert {
  return { id: e.id, code: e.code, name: e.name };
}

export function scoreSheetInput(d: {
  edition: EditionDetail;
  applicant: ApplicantRef;
  expert: ReportExpert;
  sheet: ScoreSheet;
  declaration: Declaration | null;
}): ScoreSheetInput {
  return {
    report: 'score-sheet',
    edition: reportEdition(d.edition),
    framework: reportFramework(d.edition.framework),
    applicant: d.applicant,
    expert: d.expert,
    stage: d.sheet.stage,
    sheet: {
      status: d.sheet.status,
      submittedAt: d.sheet.submittedAt,
      items: d.sheet.items.map(({ itemCode, percent, strengths, opportunities }) => ({ itemCode, percent, strengths, opportunities })),
    },
    declaration: d.declaration,
  };
}

/**
 * Only submitted sheets count: a draft is the expert's own business until it is signed. Each
 * stage asked for becomes a section, in the order given, with the leader's signed-off consensus
 * on it when there is one.
 */
export function panelSummaryInput(d: {
  edition: EditionDetail;
  applicant: Applicant;
  stages: readonly Stage[];
  experts: Expert[];
  sheets: ScoreSheet[];
  results: EditionResults;
  panels: PanelLeads[];
  corrections: Correction[];
  consensus?: readonly ConsensusOpinion[];
}): PanelSummaryInput {
  const stages = d.stages.map((stage) => panelStage(d, stage));
  const byId = new Map(d.experts.map((e) => [e.id, e]));
  const missing = missingForStages(
    stages.map((s) => ({
      stage: s.stage,
      result: s.result,
      missingNames: (s.result?.missingExpertIds ?? []).map((id) => expertShortName(byId.get(id), M.common.unlistedExpert.zh)),
    })),
  );
  return {
    report: 'panel-summary',
    edition: reportEdition(d.edition),
    framework: reportFramework(d.edition.framework),
    applicant: applicantRef(d.applicant),
    stages,
    missing,
    corrections: correctionsFor(d.applicant.id, d.stages, d.panels, d.corrections),
    rules: { trim: d.results.rules.trim, disagreement: d.results.rules.disagreement, panelSize: d.results.rules.panelSize },
  };
}

export function sheetsByApplicant(sheets: ScoreSheet[]): Map<string, ScoreSheet[]> {
  const byApplicant = new Map<string, ScoreSheet[]>();
  for (const s of sheets) {
    const list = byApplicant.get(s.applicantId);
    if (list) list.push(s);
    else byApplicant.set(s.applicantId, [s]);
  }
  return byApplicant;
}

/**
 * Every applicant with a panel score in some stage, in the edition's applicant order (the order
 * of the ranking's ties and of the secretariat's lists); an applicant never scored has no section.
 */
/**
 * The changes a panel summary annexes: those naming the applicant in the stages shown (or in no
 * stage: its record or materials), and those to the panels that review it there.
 */
function correctionsFor(applicantId: string, stages: readonly Stage[], panels: PanelLeads[], all: Correction[]): Correction[] {
  const its = new Set(panels.filter((p) => stages.includes(p.stage) && p.applicantIds.includes(applicantId)).map((p) => p.id));
  return all.filter((c) => {
    if (c.applicantId === applicantId) return c.stage === null || stages.includes(c.stage);
    return c.applicantId === null && c.panelId !== null && its.has(c.panelId);
  });
}

export function panelBinderInput(d: {
  edition: EditionDetail;
  applicants: Applicant[];
  experts: Expert[];
  sheets: ScoreSheet[];
  results: EditionResults;
  panels: PanelLeads[];
  corrections: Correction[];
  consensus?: readonly ConsensusOpinion[];
}): PanelBinderInput {
  const sheetsOf = sheetsByApplicant(d.sheets);
  const summaries: PanelSummaryInput[] = [];
  for (const applicant of d.applicants) {
    const sheets = sheetsOf.get(applicant.id) ?? [];
    const stages = stagesScored({ edition: d.edition, applicant, sheets, results: d.results });
    if (stages.length > 0) summaries.push(panelSummaryInput({ ...d, applicant, stages, sheets }));
  }
  return { report: 'panel-binder', edition: reportEdition(d.edition), summaries };
}

/** The leader's opinion on this applicant's stage, without the applicant it belongs to. */
function opinionOn(consensus: readonly ConsensusOpinion[] | undefined, applicantId: string, stage: Stage): ConsensusOpinion | undefined {
  return consensus?.find((c) => c.applicantId === applicantId && c.stage === stage);
}

function panelStage(
  d: { applicant: Applicant; experts: Expert[]; sheets: ScoreSheet[]; results: EditionResults; panels: PanelLeads[]; consensus?: readonly ConsensusOpinion[] },
  stage: Stage,
): PanelStage {
  const submitted = d.sheets
    .filter((s) => s.status === 'submitted' && s.applicantId === d.applicant.id && s.stage === stage)
    .sort((a, b) => expertOrder(d.experts, a.expertId) - expertOrder(d.experts, b.expertId));
  const result = d.results.stageResults.find((r) => r.applicantId === d.applicant.id && r.stage === stage) ?? null;
  const shownIds = new Set([...submitted.map((s) => s.expertId), ...(result?.missingExpertIds ?? [])]);
  const panel = d.panels.find((p) => p.stage === stage && p.applicantIds.includes(d.applicant.id));
  return {
    stage,
    experts: d.experts.filter((e) => shownIds.has(e.id)).map(reportExpert),
    leaderId: panel?.leaderId ?? null,
    sheets: submitted.map((s) => ({
      expertId: s.expertId,
      percents: Object.fromEntries(s.items.map((i) => [i.itemCode, i.percent])),
    })),
    result,
    consensus: withoutApplicant(opinionOn(d.consensus, d.applicant.id, stage)) ?? null,
  };
}

function withoutApplicant(c: ConsensusOpinion | undefined) {
  if (!c) return undefined;
  const { applicantId: _known, ...opinion } = c;
  return opinion;
}

/** The stages, in the profile's order, in which the applicant has a panel score: at least one submitted sheet. */
export function stagesScored(d: { edition: EditionDetail; applicant: Pick<Applicant, 'id'>; sheets: ScoreSheet[]; results: EditionResults }): Stage[] {
  const scored = new Set<Stage>([
    ...d.results.stageResults.filter((r) => r.applicantId === d.applicant.id && r.panelScore !== null).map((r) => r.stage),
    ...d.sheets.filter((s) => s.applicantId === d.applicant.id && s.status === 'submitted').map((s) => s.stage),
  ]);
  return d.edition.profile.stages.map((s) => s.stage).filter((s) => scored.has(s));
}

function expertOrder(experts: Expert[], id: string): number {
  const i = experts.findIndex((e) => e.id === id);
  return i < 0 ? experts.length : i;
}

/**
 * A stage with the leader's signed-off opinion is read in the leader's words; the other stages'
 * comments keep their stage and item but lose their author, and are sorted by text so that not
 * even their order tells which expert wrote what.
 */
export function feedbackInput(d: {
  edition: EditionDetail;
  applicant: Applicant;
  stage?: Stage;
  sheets: ScoreSheet[];
  results: EditionResults;
  discloseScores: boolean;
  consensus?: readonly ConsensusOpinion[];
}): FeedbackInput {
  const asked = d.edition.profile.stages.map((s) => s.stage).filter((s) => d.stage === undefined || s === d.stage);
  const submitted = d.sheets.filter((s) => s.status === 'submitted' && s.applicantId === d.applicant.id && asked.includes(s.stage));
  // the report names only the stages that ran for this applicant: those with a submitted sheet
  const ran = asked.filter((stage) => submitted.some((s) => s.stage === stage));
  const opinions: FeedbackOpinion[] = ran.flatMap((stage) => {
    const c = opinionOn(d.consensus, d.applicant.id, stage);
    // the flagged items and their settlement stay with the committee's papers
    return c ? [{ stage, leader: c.leader, recordedBy: c.recordedBy, signedAt: c.signedAt, categories: c.categories, overall: c.overall }] : [];
  });
  // a stage with the leader's signed-off opinion is read in the leader's words, not as the raw merge
  const raw = ran.filter((s) => !opinions.some((o) => o.stage === s));
  const comments = submitted
    .filter((s) => raw.includes(s.stage))
    .flatMap((s) => s.items.map((i) => ({ stage: s.stage, itemCode: i.itemCode, strengths: i.strengths, opportunities: i.opportunities })))
    .filter((c) => c.strengths.trim() !== '' || c.opportunities.trim() !== '')
    .sort((a, b) => compare(a.itemCode, b.itemCode) || compare(a.stage, b.stage) || compare(a.strengths, b.strengths) || compare(a.opportunities, b.opportunities));
  const resultOf = (stage: Stage) => d.results.stageResults.find((x) => x.applicantId === d.applicant.id && x.stage === stage);
  const scores = d.discloseScores
    ? ran.map((stage) => {
        const r = resultOf(stage);
        return { stage, panelScore: r?.panelScore ?? null, categoryMeans: r?.categoryMeans ?? {} };
      })
    : [];
  return {
    report: 'feedback',
    edition: reportEdition(d.edition),
    framework: reportFramework(d.edition.framework),
    applicant: applicantRef(d.applicant),
    stages: ran,
    opinions,
    comments,
    missing: feedbackMissing(d.results, d.applicant.id, asked),
    discloseScores: d.discloseScores,
    scores,
  };
}

/**
 * A feedback report is provisional while a stage this applicant is still in has not run or
 * still awaits sheets. A stage after a shortlist the applicant missed will not run for it: that
 * is not missing. The experts stay unnamed, as everywhere in this report.
 */
function feedbackMissing(results: EditionResults, applicantId: string, asked: readonly Stage[]): Localized[] {
  const entry = results.ranking.find((r) => r.applicant.id === applicantId);
  const cut = results.rules.shortlist ? results.rules.stages.findIndex((s) => s.stage === results.rules.shortlist!.afterStage) : -1;
  const lines: Localized[] = [];
  results.rules.stages.forEach(({ stage }, i) => {
    if (!asked.includes(stage)) return;
    if (cut >= 0 && i > cut && entry?.shortlisted === false) return;
    const r = results.stageResults.find((x) => x.applicantId === applicantId && x.stage === stage);
    if (!r || r.panelScore === null) lines.push(M.missing.noSheets(M.stage[stage]));
    else if (r.missingExpertIds.length > 0) lines.push(M.missing.partial(M.stage[stage], 1));
  });
  return lines;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function rankingInput(d: { edition: EditionDetail; applicants: Applicant[]; results: EditionResults }): RankingInput {
  const { stageResults: _shownElsewhere, ...results } = d.results;
  return { report: 'ranking', edition: reportEdition(d.edition), applicants: d.applicants.map(applicantRef), results, missing: missingForRanking(results) };
}

/** null when the profile does not decide by vote. */
export function ballotInput(d: { edition: EditionDetail; applicants: Applicant[]; results: EditionResults }): BallotInput | null {
  const vote = d.edition.profile.committeeVote;
  if (!vote) return null;
  const byId = new Map(d.applicants.map((a) => [a.id, a]));
  const rankOf = new Map(d.results.ranking.map((r) => [r.applicant.id, r.rank]));
  const candidates: BallotCandidate[] = [];
  for (const e of d.results.candidates.entries) {
    const a = byId.get(e.applicantId);
    if (!a || (e.status !== 'award' && e.status !== 'nomination' && e.status !== 'tie-at-cap')) continue;
    candidates.push({ applicant: applicantRef(a), status: e.status, rank: rankOf.get(a.id) ?? null });
  }
  candidates.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compare(a.applicant.code, b.applicant.code));
  return { report: 'ballot', edition: reportEdition(d.edition), vote: vote.fraction, candidates };
}

export function recusalsInput(d: { edition: EditionDetail; applicants: Applicant[]; experts: Expert[]; declarations: Declaration[]; corrections: Correction[] }): RecusalsInput {
  return {
    report: 'recusals',
    edition: reportEdition(d.edition),
    applicants: d.applicants.map(applicantRef),
    experts: d.experts.map(reportExpert),
    declarations: [...d.declarations].sort((a, b) => compare(a.declaredAt, b.declaredAt)),
    corrections: d.corrections.filter((c) => (RECUSAL_CORRECTIONS as readonly string[]).includes(c.action)),
  };
}

export function receiptInput(d: { edition: EditionDetail; experts: Expert[]; bundles: BundleRecord[] }): ReceiptInput {
  return {
    report: 'receipt',
    edition: reportEdition(d.edition),
    experts: d.experts.map(reportExpert),
    bundles: [...d.bundles].sort((a, b) => compare(a.receivedAt, b.receivedAt)),
  };
}

export function decisionsInput(d: { edition: EditionDetail; applicants: Applicant[]; decisions: EditionDecisions }): DecisionsInput {
  const { notices, ...rest } = d.decisions;
  return {
    report: 'decisions',
    edition: reportEdition(d.edition),
    retention: retentionText(retentionOf(d.edition.profile, d.edition.year)),
    applicants: d.applicants.map(applicantRef),
    vote: d.edition.profile.committeeVote?.fraction ?? null,
    ...rest,
    notices: notices.map((n) => ({ ...n, confirmationId: confirmationOfNotice(n, d.decisions.confirmations) })),
  };
}
