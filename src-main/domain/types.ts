/**
 * The domain's shared vocabulary. Every folder (criteria, profile, scoring, store, seal,
 * services, report, ipc, renderer) speaks these types, so a word means one thing everywhere.
 * Scores: an item's percentage is an integer 0..100 in steps of 5; points are on the
 * framework's scale (GB/T 19580: 1000). Weights, floors and thresholds are integer percents
 * so that "adds up to 100" is exact.
 */

import type { Localized } from './localized.js';
import type { ApplicantRef } from './people.js';
import type { ApplicantKind, Stage } from './vocabulary.js';

// ---------------------------------------------------------------- criteria framework

/** process items are judged on ADLI, results items on LeTCI */
export type ItemKind = 'process' | 'results';

export interface CriteriaItem {
  code: string; // "4.1.2"
  name: Localized;
  points: number;
  kind: ItemKind;
  guidance: Localized;
}

export interface CriteriaCategory {
  code: string; // "4.1"
  name: Localized;
  points: number;
  items: CriteriaItem[];
}

/** One scoring band, e.g. 50–65 %, with what it means for process and results items. */
export interface ScoringBand {
  min: number;
  max: number;
  process: Localized;
  results: Localized;
}

export interface CriteriaFramework {
  id: string; // "gbt19580-2012"
  name: Localized;
  standard: string; // "GB/T 19580-2012"
  totalPoints: number;
  percentStep: number; // 5
  bands: ScoringBand[];
  categories: CriteriaCategory[];
}

// ---------------------------------------------------------------- city profile

export type TieBreakKey =
  | { by: 'stage'; stage: Stage } // higher panel score in that stage wins
  | { by: 'category'; code: string }; // higher panel mean in that criteria category (e.g. "4.7" results)

export interface PerKind<T> {
  unit: T;
  individual: T;
}

export interface Profile {
  id: string; // "wuxi-2024"
  city: Localized;
  regulation: Localized; // title of the regulation
  cycleYears: number;
  applicantKinds: ApplicantKind[];
  /** scored stages in order; weight null = the regulation leaves it open, set per edition */
  stages: { stage: Stage; weight: number | null }[];
  /** percent of full marks; null = no floor */
  floors: { award: number | null; nomination: number | null };
  /** per applicant kind; a kind the profile does not admit has cap 0 */
  caps: { award: PerKind<number>; nomination: PerKind<number> };
  /** size: number fixed by the regulation, 'edition' = set per edition, null = no shortlist */
  shortlist: { afterStage: Stage; size: number | 'edition' } | null;
  /** null bound = set per edition */
  panelSize: { min: number | null; max: number | null };
  trim: { enabled: boolean; minPanelSize: number };
  /** flag an item when max − min of the panel's percentages exceeds threshold (percentage points) */
  disagreement: { enabled: boolean; threshold: number };
  tieBreak: TieBreakKey[];
  /** Xinyang art. 21: the committee decides by secret ballot, ≥ 2/3 of voters */
  committeeVote: { fraction: { numerator: number; denominator: number } } | null;
  notice: { days: number; working: boolean };
  retentionYears: number | null;
  /** article references, one per rule, for the reports and the help text */
  sources: Record<string, string>;
}

/** What the secretariat sets per edition where the profile leaves it open (or switches on). */
export interface EditionSettings {
  weights?: Partial<Record<Stage, number>>;
  shortlistSize?: number;
  panelSize?: { min?: number; max?: number };
  trim?: { enabled: boolean; minPanelSize?: number };
  disagreement?: { enabled: boolean; threshold?: number };
  /** no regulation fixes a tie-break; replaces the profile's default order for this edition */
  tieBreak?: TieBreakKey[];
}

/** Profile with edition settings applied: every open value is filled. */
export interface EffectiveRules {
  profileId: string;
  stages: { stage: Stage; weight: number }[]; // weights add up to 100
  floors: Profile['floors'];
  caps: Profile['caps'];
  shortlist: { afterStage: Stage; size: number } | null;
  panelSize: { min: number; max: number };
  trim: Profile['trim'];
  disagreement: Profile['disagreement'];
  tieBreak: TieBreakKey[];
  totalPoints: number;
}

// ---------------------------------------------------------------- scoring input

/** One submitted score sheet, reduced to what aggregation needs. */
export interface SubmittedSheet {
  expertId: string;
  applicantId: string;
  stage: Stage;
  /** item code → percent (0..100, step 5); every item of the framework present */
  percents: Record<string, number>;
}

/** Who sits on the panel that reviews this applicant in this stage, after recusals. */
export interface PanelSeat {
  applicantId: string;
  stage: Stage;
  panelId: string;
  memberIds: string[];
  recusedIds: string[];
}

// ---------------------------------------------------------------- aggregation output

export interface ItemDisagreement {
  itemCode: string;
  min: number;
  max: number;
}

export interface StageResult {
  applicantId: string;
  stage: Stage;
  /** each submitted expert total, on the framework scale */
  expertTotals: { expertId: string; total: number }[];
  /** mean of expert totals (trimmed when applied), rounded to 2 decimals; null if no sheet */
  panelScore: number | null;
  trimmed: boolean;
  /** expert ids dropped by trimming (one highest, one lowest) */
  droppedExpertIds: string[];
  /** per item: the panel's mean percent and mean score */
  itemMeans: Record<string, { percent: number; score: number }>;
  /** per category: the panel's mean score */
  categoryMeans: Record<string, number>;
  disagreements: ItemDisagreement[];
  /** panel size after recusals is below the minimum */
  undersized: boolean;
  missingExpertIds: string[]; // seated, not recused, no submitted sheet yet
}

export interface RankingEntry {
  applicant: ApplicantRef;
  stageScores: Partial<Record<Stage, number | null>>;
  /** Σ weight × stage panel score, 2 decimals; null while a scored stage is missing */
  weightedTotal: number | null;
  /** competition ranking (1, 2, 2, 4) after tie-breaks; null when weightedTotal is null */
  rank: number | null;
  /** still tied with another applicant after every tie-break */
  tied: boolean;
  shortlisted: boolean | null; // null when the profile has no shortlist
}

export type CandidateStatus = 'award' | 'nomination' | 'tie-at-cap' | 'below-floor' | 'not-placed';

export interface CandidateEntry {
  applicantId: string;
  kind: ApplicantKind;
  status: CandidateStatus;
}

export interface Flag {
  code:
    | 'disagreement'
    | 'undersized-panel'
    | 'missing-sheets'
    | 'tie-at-cap'
    | 'tie-at-shortlist'
    /** a recusal imposed after the expert's sheet was accepted: the sheet no longer counts */
    | 'recused-sheet-excluded';
  applicantId?: string;
  stage?: Stage;
  itemCode?: string;
  detail: Localized;
}

export interface EditionResults {
  rules: EffectiveRules;
  stageResults: StageResult[];
  shortlist: { applicantIds: string[]; size: number; tieAtCut: boolean } | null;
  ranking: RankingEntry[];
  candidates: {
    entries: CandidateEntry[];
    /** award/nomination places left empty, per kind */
    unfilled: { award: PerKind<number>; nomination: PerKind<number> };
  };
  flags: Flag[];
}
