/**
 * The service surface, in the domain's words. The CLI, the IPC contract (desktop app) and the
 * browser-mode transport all call exactly these methods; nothing else reaches the store.
 * Every method validates its input again (zod) — callers are never trusted.
 * Errors are thrown as PingshenError (src-main/services/errors.ts) with a stable code and a
 * localized, actionable message; a failed call changes nothing.
 */
import type { ApplicantKind, Industry, Role, Stage } from '../domain/vocabulary.js';
import type { CriteriaFramework, EditionResults, EditionSettings, Profile } from '../domain/types.js';
import type { Localized } from '../domain/localized.js';

export interface StoreInfo {
  role: Role;
  path: string;
  /** fingerprint of this store's public identity (signing key), for out-of-band comparison */
  fingerprint: string;
  createdAt: string; // ISO 8601
}

export interface EditionSummary {
  id: string;
  name: string;
  year: number;
  profileId: string;
  frameworkId: string;
  createdAt: string;
}

export interface EditionDetail extends EditionSummary {
  profile: Profile;
  framework: CriteriaFramework;
  settings: EditionSettings;
}

export interface Applicant {
  id: string;
  editionId: string;
  code: string;
  name: string;
  kind: ApplicantKind;
  industry: Industry;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}
export type ApplicantInput = Omit<Applicant, 'id' | 'editionId'>;

export interface Expert {
  id: string;
  editionId: string;
  code: string;
  name: string;
  organisation: string | null;
  title: string | null;
  industry: Industry | null;
  phone: string | null;
  email: string | null;
  /** set once the expert's enrollment key has been registered */
  enrolled: boolean;
  fingerprint: string | null;
}
export type ExpertInput = Omit<Expert, 'id' | 'editionId' | 'enrolled' | 'fingerprint'>;

export interface Panel {
  id: string;
  editionId: string;
  stage: Stage;
  name: string;
  leaderId: string | null;
  memberIds: string[];
  applicantIds: string[];
  /** the panel's size lies outside the edition's bounds: a warning, not a refusal */
  sizeFlag: Localized | null;
}

export interface MaterialInfo {
  id: string;
  applicantId: string;
  fileName: string;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface ImportRowError {
  row: number; // 1-based sheet row, as Excel shows it
  column?: string;
  reason: Localized;
}

export interface SheetImportResult {
  imported: number;
}

export interface PackageExport {
  expertId: string;
  file: string;
  sha256: string;
  applicants: number;
  bytes: number;
}

export type BundleOutcome =
  | { status: 'accepted'; bundleId: string; expertId: string; sheets: number; replaced: string | null }
  | { status: 'duplicate'; bundleId: string; expertId: string }
  | { status: 'refused'; file: string; reason: Localized };

export interface BundleRecord {
  bundleId: string;
  expertId: string;
  sequence: number;
  sha256: string;
  receivedAt: string;
  status: 'accepted' | 'superseded' | 'refused';
  reason: Localized | null;
}

export interface Declaration {
  expertId: string;
  applicantId: string;
  conflict: boolean;
  reason: string;
  declaredAt: string;
  source: 'expert' | 'secretariat';
}

/** The expert a store speaks for in an edition, as the secretariat named them in its review package. */
export interface ExpertSelf {
  id: string;
  code: string;
  name: string;
}

export interface ItemScore {
  itemCode: string;
  percent: number | null; // null = not yet scored
  strengths: string;
  opportunities: string;
  updatedAt: string | null;
}

export interface ScoreSheet {
  id: string;
  editionId: string;
  expertId: string;
  applicantId: string;
  stage: Stage;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  items: ItemScore[];
  total: number; // sum of scored items, 2 decimals
}

export interface AssignmentView {
  applicant: Pick<Applicant, 'id' | 'code' | 'name' | 'kind' | 'industry'>;
  stage: Stage;
  declaration: Declaration | null; // null = not yet declared
  sheetStatus: 'none' | 'draft' | 'submitted';
  scoredItems: number;
  totalItems: number;
}

export interface OwedWork {
  expertId: string;
  expertName: string;
  applicantId: string;
  stage: Stage;
  state: 'no-bundle' | 'undeclared' | 'not-submitted';
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  hash: string;
}

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
