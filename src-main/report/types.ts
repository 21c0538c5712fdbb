/**
 * What each report is made from: plain data taken from the service surface (api.ts) and the
 * domain types. A report's fingerprint is the SHA-256 of its input's canonical JSON, so an input
 * holds exactly the data the document shows and nothing about when or in which language it was
 * printed.
 */
import type { AwardList, BallotTally, Confirmation, TieSettlement } from '../domain/committee.js';
import type { Correction } from '../domain/corrections.js';
import type { ApplicantRef } from '../domain/people.js';
import type { CandidateStatus, PerKind, StageResult } from '../domain/scores.js';
import type { EditionResults } from '../scoring/results.js';
import type { ItemKind } from '../criteria/schema.js';
import type { Localized } from '../domain/localized.js';
import type { BundleRecord } from '../domain/files.js';
import type { Declaration, ItemScore } from '../domain/review.js';
import type { NoticeContact, NoticeEntry, NoticeRecord, ObjectionRecord, PublishedList } from '../domain/notices.js';
import type { NoticeKind, ObjectionState, ObjectorKind, Stage } from '../domain/words.js';

export type ReportLang = 'zh' | 'en';

export type ReportKind =
  | 'score-sheet'
  | 'panel-summary'
  | 'panel-binder'
  | 'feedback'
  | 'ranking'
  | 'ballot'
  | 'recusals'
  | 'receipt'
  | 'incomplete-letter'
  | 'not-shortlisted-letter'
  | 'award-list'
  | 'decisions'
  | NoticeReportKind;

export interface ReportEdition {
  id: string;
  name: string;
  year: number;
  city: Localized;
  regulation: Localized;
  /** 发文机关, as the 落款 and seal name it; null leaves a line to write it in by hand */
  issuingBody: string | null;
  /** the zone every printed time is read in */
  timeZone: string;
}

/** The criteria tree as the reports show it: codes, names and points, without guidance texts. */
export interface ReportFramework {
  id: string;
  standard: string;
  name: Localized;
  totalPoints: number;
  categories: {
    code: string;
    name: Localized;
    points: number;
    items: { code: string; name: Localized; points: number; kind: ItemKind }[];
  }[];
}

/** An expert as the reader sees them; an expert's own store knows only its id. */
export interface ReportExpert {
  id: string;
  code: string | null;
  name: string | null;
}

export interface ScoreSheetInput {
  report: 'score-sheet';
  edition: ReportEdition;
  framework: ReportFramework;
  applicant: ApplicantRef;
  expert: ReportExpert;
  stage: Stage;
  sheet: {
    status: 'draft' | 'submitted';
    submittedAt: string | null;
    items: Omit<ItemScore, 'updatedAt'>[];
  };
  declaration: Declaration | null;
}

/**
 * The panel leader's signed-off opinion on one stage (组长负责制): per category, the overall
 * evaluation, and who signed it off when. What the applicant reads in place of the raw merge.
 */
export interface FeedbackOpinion {
  stage: Stage;
  leader: ReportExpert;
  /** on the leader's own laptop, or recorded by the secretariat when the panel met at its workstation */
  recordedBy: 'leader' | 'secretariat';
  signedAt: string;
  categories: { code: string; strengths: string[]; opportunities: string[] }[];
  overall: string;
}

/** The same, with how each flagged item was settled: the committee's panel summary shows it too. */
export interface ReportOpinion extends FeedbackOpinion {
  flagged: { itemCode: string; base: { min: number; max: number }; final: { min: number; max: number }; resolution: 'revised' | 'stands'; reason: string }[];
}

/** A signed-off opinion as the sources list them: for one applicant. */
export type ConsensusOpinion = ReportOpinion & { applicantId: string };

/** One stage of a panel summary: the panel's experts, their submitted sheets and the result. */
export interface PanelStage {
  stage: Stage;
  /** the experts whose submitted sheets are shown, in column order */
  experts: ReportExpert[];
  /** the panel's leader (组长), who signs first; null when the panel has none or it is not known */
  leaderId: string | null;
  sheets: { expertId: string; percents: Record<string, number | null> }[];
  result: StageResult | null;
  /** the leader's signed-off consensus on this stage, when there is one that still stands */
  consensus: ReportOpinion | null;
}

/** One applicant's panel results: one stage, or every stage it was scored in, in the profile's order. */
export interface PanelSummaryInput {
  report: 'panel-summary';
  edition: ReportEdition;
  framework: ReportFramework;
  applicant: ApplicantRef;
  stages: PanelStage[];
  /** sheets not yet in, for the stages shown; empty when complete */
  missing: Localized[];
  /** changes to this applicant's panels and sheets after the packages went out, oldest first */
  corrections: Correction[];
  rules: {
    trim: { enabled: boolean; minPanelSize: number };
    disagreement: { enabled: boolean; threshold: number };
    panelSize: { min: number; max: number };
  };
}

/**
 * The committee's binder: every applicant's panel summary in one file. Each summary is exactly
 * what that applicant's own panel summary is made from, so its section shows the same
 * fingerprint as the summary printed alone.
 */
export interface PanelBinderInput {
  report: 'panel-binder';
  edition: ReportEdition;
  summaries: PanelSummaryInput[];
}

/** One expert's comments on one item, without the expert: the feedback report never names them. */
export interface ItemComment {
  stage: Stage;
  itemCode: string;
  strengths: string;
  opportunities: string;
}

export interface FeedbackInput {
  report: 'feedback';
  edition: ReportEdition;
  framework: ReportFramework;
  applicant: ApplicantRef;
  /** the stages that ran for this applicant: those with a submitted sheet */
  stages: Stage[];
  /** the leader's signed-off opinion, for each stage that has one: it replaces that stage's raw comments */
  opinions: FeedbackOpinion[];
  /** the experts' comments of the stages without a signed-off opinion */
  comments: ItemComment[];
  /** what the report still lacks (stages to come, sheets not yet in); empty when complete */
  missing: Localized[];
  /** category scores are printed only when the secretariat chooses to disclose them */
  discloseScores: boolean;
  scores: { stage: Stage; panelScore: number | null; categoryMeans: Record<string, number> }[];
}

export interface RankingInput {
  report: 'ranking';
  edition: ReportEdition;
  applicants: ApplicantRef[];
  results: Omit<EditionResults, 'stageResults'>;
  /** stage scores not yet in; empty when every applicant still in the running is fully scored */
  missing: Localized[];
}

export interface BallotCandidate {
  applicant: ApplicantRef;
  status: Extract<CandidateStatus, 'award' | 'nomination' | 'tie-at-cap'>;
  rank: number | null;
}

export interface BallotInput {
  report: 'ballot';
  edition: ReportEdition;
  vote: { numerator: number; denominator: number };
  candidates: BallotCandidate[];
}

export interface RecusalsInput {
  report: 'recusals';
  edition: ReportEdition;
  applicants: ApplicantRef[];
  experts: ReportExpert[];
  declarations: Declaration[];
  /** recusals imposed or lifted after the packages went out, oldest first */
  corrections: Correction[];
}

export interface ReceiptInput {
  report: 'receipt';
  edition: ReportEdition;
  experts: ReportExpert[];
  bundles: BundleRecord[];
}

/** 补正材料通知 (Daqing art. 13): what is missing from an application, and by when it is to come. */
export interface IncompleteLetterInput {
  report: 'incomplete-letter';
  edition: ReportEdition;
  applicant: ApplicantRef;
  missing: string[];
  dueDay: string | null;
  note: string | null;
}

/** 未入围告知书 (Daqing art. 14): why the applicant did not go on past the shortlist stage. */
export interface NotShortlistedLetterInput {
  report: 'not-shortlisted-letter';
  edition: ReportEdition;
  applicant: ApplicantRef;
  stage: Stage;
  /** the clerk's text, or the one made from the scores; paragraphs split on blank lines */
  reason: string;
}

/** The proposed award list (拟奖名单) as the committee decided it, with the caps it was decided under. */
export interface AwardListInput {
  report: 'award-list';
  edition: ReportEdition;
  caps: { award: PerKind<number>; nomination: PerKind<number> };
  list: Omit<AwardList, 'editionId'>;
}

/**
 * 评委会审议、公示与异议记录: what the edition's registers hold of the committee's decisions, the
 * notices and the objections, as its archive holds them, under the edition's retention period.
 */
export interface DecisionsInput {
  report: 'decisions';
  edition: ReportEdition;
  /** how long the records are kept (rules/retention.ts) */
  retention: Localized;
  applicants: ApplicantRef[];
  vote: { numerator: number; denominator: number } | null;
  confirmations: Confirmation[];
  settlements: TieSettlement[];
  /** every count entered, in order: a later one for the same applicant replaces an earlier */
  tallies: BallotTally[];
  /** each with the committee's confirmation of the award list it published, if it is that notice */
  notices: (NoticeRecord & { confirmationId: string | null })[];
  finalList: PublishedList | null;
  objections: ObjectionRecord[];
}

/** What the notice (公示), the objection letter and the final list print. */

export type NoticeReportKind = 'notice' | 'objection-reply' | 'final-list';

/** the regulation's articles, as the profile cites them */
export interface NoticeRules {
  notice: Localized;
  objections: Localized;
  realName: boolean;
  /** objections only within the notice period */
  withinPeriod: boolean;
}

export interface NoticeInput {
  report: 'notice';
  edition: ReportEdition;
  kind: NoticeKind;
  startDate: string;
  endDate: string;
  days: number;
  working: boolean;
  contact: NoticeContact;
  entries: NoticeEntry[];
  rules: NoticeRules;
}

export interface ObjectionReplyInput {
  report: 'objection-reply';
  edition: ReportEdition;
  noticeKind: NoticeKind;
  number: number;
  objectorKind: ObjectorKind;
  objectorName: string;
  receivedOn: string;
  applicant: { code: string; name: string };
  state: Exclude<ObjectionState, 'received'>;
  acceptedOn: string | null;
  decidedOn: string | null;
  decision: string | null;
  contact: NoticeContact;
  rules: NoticeRules;
}

export interface FinalListInput {
  report: 'final-list';
  edition: ReportEdition;
  startDate: string;
  endDate: string;
  entries: NoticeEntry[];
  removed: (NoticeEntry & { objection: number })[];
  publishedOn: string | null;
}

export type ReportInput =
  | ScoreSheetInput
  | PanelSummaryInput
  | PanelBinderInput
  | FeedbackInput
  | RankingInput
  | BallotInput
  | RecusalsInput
  | ReceiptInput
  | IncompleteLetterInput
  | NotShortlistedLetterInput
  | AwardListInput
  | DecisionsInput
  | NoticeInput
  | ObjectionReplyInput
  | FinalListInput;

// ---------------------------------------------------------------- pdfmake document definitions

export type Margin = number | [number, number] | [number, number, number, number];

export interface ContentNode {
  text?: Content;
  stack?: Content[];
  columns?: Content[];
  columnGap?: number;
  table?: {
    headerRows?: number;
    widths?: (number | string)[];
    body: Content[][];
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: TableLayout;
  ul?: Content[];
  ol?: Content[];
  canvas?: object[];
  style?: string | string[];
  bold?: boolean;
  fontSize?: number;
  color?: string;
  fillColor?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: Margin;
  colSpan?: number;
  width?: number | string;
  lineHeight?: number;
  /** the first line's indent, as a paragraph of an official letter starts two characters in */
  leadingIndent?: number;
  unbreakable?: boolean;
  noWrap?: boolean;
  border?: [boolean, boolean, boolean, boolean];
  markerColor?: string;
  pageBreak?: 'before' | 'after';
  /** an entry in the document's table of contents (and, with the contents' outlines, a bookmark) */
  tocItem?: boolean;
  toc?: { title: Content; outlines?: boolean; textStyle?: ContentNode; numberStyle?: ContentNode };
}

export type Content = string | ContentNode | Content[];

export interface TableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[][] } }) => number;
  vLineWidth?: (i: number, node: { table: { widths: unknown[] } }) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
}

export type PageDecoration = (currentPage: number, pageCount: number) => Content;

export interface DocDefinition {
  info: Record<string, string | Date>;
  language: string;
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  header: PageDecoration;
  footer: PageDecoration;
  content: Content[];
  defaultStyle: ContentNode & { font: string };
  styles: Record<string, ContentNode>;
  watermark?: { text: string; color: string; opacity: number; bold: boolean; fontSize: number };
}

/** How a report is printed; not part of the data it is made from (nor of its fingerprint). */
export interface PrintOptions {
  lang: ReportLang;
  generatedAt: Date;
  /** the expert printing from their own store: every page then carries their name, code and the time */
  reader?: { code: string; name: string };
}
