/**
 * The service surface, in the domain's words. The CLI, the IPC contract (desktop app) and the
 * browser-mode transport all call exactly these methods; nothing else reaches the store.
 * Every method validates its input again (zod) — callers are never trusted.
 * Errors are thrown as PingshenError with a stable code and a localized, actionable message; a
 * failed call changes nothing.
 */
import type { EditionSummary } from '../domain/editions.js';
import type { EditionDetail } from '../profile/edition.js';
import type { BundleOutcome, BundleRecord, MaterialInfo, PackageExport, SheetImportResult } from '../domain/files.js';
import type { Panel } from '../domain/panels.js';
import type { Applicant, ApplicantInput, Expert, ExpertInput, ExpertSelf } from '../domain/people.js';
import type { AssignmentView, Declaration, ItemScore, OwedWork, ScoreSheet } from '../domain/review.js';
import type { AuditEntry, StoreInfo } from '../domain/store.js';
import type { Stage } from '../domain/vocabulary.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EditionResults } from '../scoring/results.js';
import type { EditionSettings } from '../profile/settings.js';
import type { Profile } from '../profile/schema.js';

/** Both roles. */
export interface StoreService {
  info(): StoreInfo;
  /** the public enrollment code an expert hands to the secretariat (text, safe to e-mail) */
  enrollmentCode(): string;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  auditLog(opts?: { limit?: number }): AuditEntry[];
  verifyAuditChain(): { ok: true; head: string; length: number } | { ok: false; brokenAt: number };
  close(): void;
}

export interface SecretariatService extends StoreService {
  listProfiles(): Profile[];
  listFrameworks(): CriteriaFramework[];
  loadFramework(file: string): CriteriaFramework; // validate and register a framework file

  createEdition(input: { name: string; year: number; profileId: string; frameworkId: string; settings: EditionSettings }): EditionDetail;
  updateEditionSettings(editionId: string, settings: EditionSettings): EditionDetail;
  listEditions(): EditionSummary[];
  getEdition(editionId: string): EditionDetail;

  addApplicant(editionId: string, input: ApplicantInput): Applicant;
  listApplicants(editionId: string): Applicant[];
  importApplicants(editionId: string, xlsxFile: string): Promise<SheetImportResult>; // throws with ImportRowError[]
  addExpert(editionId: string, input: ExpertInput): Expert;
  listExperts(editionId: string): Expert[];
  importExperts(editionId: string, xlsxFile: string): Promise<SheetImportResult>;
  enrollExpert(expertId: string, enrollmentCode: string): Expert;

  createPanel(editionId: string, input: { stage: Stage; name: string; memberIds: string[]; leaderId: string | null }): Panel;
  listPanels(editionId: string): Panel[];
  assign(panelId: string, applicantIds: string[]): Panel;

  attachMaterial(applicantId: string, pdfFile: string): MaterialInfo;
  listMaterials(applicantId: string): MaterialInfo[];

  exportPackages(editionId: string, outDir: string, opts?: { expertIds?: string[]; onProgress?: (done: number, total: number) => void }): Promise<PackageExport[]>;

  importBundles(files: string[], opts?: { onProgress?: (done: number, total: number) => void }): Promise<BundleOutcome[]>;
  listBundles(editionId: string): BundleRecord[];
  owedWork(editionId: string): OwedWork[];

  imposeRecusal(input: { expertId: string; applicantId: string; reason: string }): Declaration;
  /** 回避记录: every declaration of the edition, conflict or not, from both sources, by applicant code, expert code and time */
  recusalRegister(editionId: string): Declaration[];
  listSheets(editionId: string, filter?: { applicantId?: string; stage?: Stage; expertId?: string }): ScoreSheet[];
  results(editionId: string): EditionResults;
}

export interface ExpertService extends StoreService {
  /**
   * The first package of an edition pins its secretariat; pass the fingerprint the secretariat
   * gave in person or by phone to have a package from any other signer refused.
   */
  importPackage(file: string, opts?: { secretariatFingerprint?: string }): Promise<EditionSummary & { secretariatFingerprint: string }>;
  listEditions(): EditionSummary[];
  getEdition(editionId: string): EditionDetail;
  /** who this store's expert is in the edition (code and name as the package gave them) */
  whoAmI(editionId: string): ExpertSelf;
  myAssignments(editionId: string): AssignmentView[];

  declare(input: { editionId: string; applicantId: string; conflict: boolean; reason: string }): Declaration;
  listMaterials(editionId: string, applicantId: string): MaterialInfo[]; // refused unless declared no conflict
  readMaterial(editionId: string, materialId: string): Uint8Array; // refused unless declared no conflict

  openSheet(input: { editionId: string; applicantId: string; stage: Stage }): ScoreSheet; // refused if conflicted/undeclared
  saveItem(input: { sheetId: string; itemCode: string; percent: number | null; strengths: string; opportunities: string }): ItemScore;
  missingItems(sheetId: string): string[];
  submitSheet(sheetId: string): ScoreSheet; // refused while items are missing; then locked

  exportBundle(editionId: string, outFile: string): Promise<{ file: string; bundleId: string; sha256: string; sheets: number }>;
}
