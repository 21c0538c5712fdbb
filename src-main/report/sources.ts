import type { AwardList } from '../domain/committee.js';
import type { Correction } from '../domain/corrections.js';
import type { BundleRecord } from '../domain/files.js';
import type { EditionDecisions } from '../domain/notices.js';
import type { Panel } from '../domain/panels.js';
import type { Applicant, Expert, ExpertSelf } from '../domain/people.js';
import type { AssignmentView, Declaration, ScoreSheet } from '../domain/review.js';
import type { Stage } from '../domain/words.js';
import type { EditionDetail } from '../profile/edition.js';
import type { EditionResults } from '../scoring/results.js';
import type { ConsensusOpinion } from './types.js';

/**
 * What the reports read, and nothing more: the secretariat's view of an edition, or an expert's
 * view of their own work. The features layer provides them from the open store; tests provide
 * them by hand.
 */
export interface SecretariatSources {
  readonly role: 'secretariat';
  edition(editionId: string): EditionDetail;
  applicants(editionId: string): Applicant[];
  experts(editionId: string): Expert[];
  sheets(editionId: string, filter?: { applicantId?: string; stage?: Stage; expertId?: string }): ScoreSheet[];
  results(editionId: string): EditionResults;
  /** who leads each panel and whom it reviews: the panel summaries' signature lines */
  panels(editionId: string): PanelLeads[];
  /** every declaration, conflict or not, from both sources */
  declarations(editionId: string): Declaration[];
  bundles(editionId: string): BundleRecord[];
  /** changes made after the first package went out, oldest first: the reports' annex */
  corrections(editionId: string): Correction[];
  /** per applicant and stage, the panel leader's signed-off consensus that still stands on the sheets */
  consensus(editionId: string): ConsensusOpinion[];
  /** the proposed award list as the committee's records make it */
  awardList(editionId: string): AwardList;
  /** the committee's decisions, the notices and the objections, as recorded */
  decisions(editionId: string): EditionDecisions;
}

export type PanelLeads = Pick<Panel, 'id' | 'stage' | 'leaderId' | 'applicantIds'>;

export interface ExpertSources {
  readonly role: 'expert';
  edition(editionId: string): EditionDetail;
  assignments(editionId: string): AssignmentView[];
  me(editionId: string): ExpertSelf;
  /** the expert's own sheet; asked for only once an assignment says it exists */
  sheet(editionId: string, applicantId: string, stage: Stage): ScoreSheet;
}

export type ReportSources = SecretariatSources | ExpertSources;
