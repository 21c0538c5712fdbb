import { z } from 'zod';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { EditionResults } from '../scoring/results.js';
import type { Profile } from '../profile/schema.js';
import { EditionSettingsSchema } from '../profile/settings.js';
import { type Applicant, ApplicantInputSchema, type Expert, ExpertInputSchema, type ExpertSelf } from '../domain/people.js';
import type { AssignmentView, Declaration, ItemScore, OwedWork, ScoreSheet } from '../domain/review.js';
import type { AuditEntry, StoreInfo } from '../domain/store.js';
import type { BundleOutcome, BundleRecord, MaterialInfo, PackageExport, SheetImportResult } from '../domain/files.js';
import type { EditionDetail } from '../profile/edition.js';
import type { EditionSummary } from '../domain/editions.js';
import { type Panel, PanelInputSchema } from '../domain/panels.js';
import { type Role, RoleSchema } from '../domain/vocabulary.js';
import { AssignSchema, CreateEditionSchema, DeclareSchema, EnrollSchema, ImposeRecusalSchema, OpenSheetSchema, SaveItemSchema, SheetFilterSchema } from '../services/schemas.js';
import { IdSchema, PassphraseSchema } from '../domain/values.js';
import { ReportRequestSchema } from '../report/request.js';
import { MAX_FILE_BYTES, MIN_PASSPHRASE_LENGTH } from './limits.js';
import type { ReportSetStart, ReportSetStatus } from './report-set/types.js';
import type { AppInfo, Download, SessionStatus, Settings } from './types.js';

/**
 * The one list of calls the renderer can make. A name not in this table does not exist; every
 * input is parsed with its schema before any service sees it; `access` says who may call:
 * 'open' needs no store, 'unlocked' needs either role's store, a role needs that role's store.
 * The service schemas are reused so that the boundary and the service apply the same rules.
 */

export type Access = 'open' | 'unlocked' | Role;

export interface CallDef<I extends z.ZodType, O> {
  access: Access;
  input: I;
  /** phantom: carries the output type to the renderer's Api; never set */
  readonly output?: [O];
}

function def<O>() {
  return <I extends z.ZodType>(access: Access, input: I): CallDef<I, O> => ({ access, input });
}


const FileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20) && n !== '.' && n !== '..', 'a file name, not a path');

const BytesSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'file contents (bytes)' })
  .refine((b) => b.byteLength > 0, 'the file is empty')
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, 'the file is larger than 256 MiB');

export const UploadSchema = z.strictObject({ fileName: FileNameSchema, bytes: BytesSchema });

const withExtension = (ext: string) =>
  UploadSchema.refine((f) => f.fileName.toLowerCase().endsWith(ext), { message: `a ${ext} file`, path: ['fileName'] });

const Empty = z.strictObject({});
const EditionRef = z.strictObject({ editionId: IdSchema });
const SheetRef = z.strictObject({ sheetId: IdSchema });
const JobRef = z.strictObject({ jobId: IdSchema });


/** `size` is the package's byte count (the service's `bytes`), `bytes` its contents */
export type PackageDownload = Omit<PackageExport, 'file' | 'bytes'> & Download & { size: number };
export type BundleDownload = Download & { bundleId: string; sha256: string; sheets: number };
export type BundleIntakeOutcome = BundleOutcome & { fileName: string };
export type ReportDownload = Download & { pages: number; fingerprint: string };

export const CONTRACT = {
  'app.info': def<AppInfo>()('open', Empty),

  'session.status': def<SessionStatus>()('open', Empty),
  'session.create': def<SessionStatus>()(
    'open',
    z.strictObject({ role: RoleSchema, passphrase: PassphraseSchema.pipe(z.string().min(MIN_PASSPHRASE_LENGTH)) }),
  ),
  'session.unlock': def<SessionStatus>()('open', z.strictObject({ role: RoleSchema, passphrase: PassphraseSchema })),
  'session.lock': def<SessionStatus>()('open', z.strictObject({ reason: z.enum(['idle', 'user']) })),
  'session.touch': def<SessionStatus>()('open', Empty),

  'settings.get': def<Settings>()('open', Empty),
  'settings.set': def<Settings>()('open', z.strictObject({ idleMinutes: z.number().int().min(1).max(240) })),

  'host.saveFile': def<{ saved: boolean; path: string | null }>()(
    'open',
    z.strictObject({ fileName: FileNameSchema, bytes: BytesSchema }),
  ),
  'host.saveFiles': def<{ saved: boolean; folder: string | null }>()(
    'open',
    z.strictObject({ files: z.array(z.strictObject({ fileName: FileNameSchema, bytes: BytesSchema })).min(1).max(500) }),
  ),

  'store.info': def<StoreInfo>()('unlocked', Empty),
  'store.enrollmentCode': def<string>()('unlocked', Empty),
  'store.changePassphrase': def<null>()(
    'unlocked',
    z.strictObject({
      oldPassphrase: PassphraseSchema,
      newPassphrase: PassphraseSchema.pipe(z.string().min(MIN_PASSPHRASE_LENGTH)),
    }),
  ),
  'store.auditLog': def<AuditEntry[]>()('unlocked', z.strictObject({ limit: z.number().int().min(1).max(10_000).optional() })),
  'store.verifyAuditChain': def<{ ok: true; head: string; length: number } | { ok: false; brokenAt: number }>()(
    'unlocked',
    Empty,
  ),

  'secretariat.listProfiles': def<Profile[]>()('secretariat', Empty),
  'secretariat.listFrameworks': def<CriteriaFramework[]>()('secretariat', Empty),
  'secretariat.loadFramework': def<CriteriaFramework>()('secretariat', z.strictObject({ file: withExtension('.json') })),
  'secretariat.createEdition': def<EditionDetail>()('secretariat', CreateEditionSchema),
  'secretariat.updateEditionSettings': def<EditionDetail>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, settings: EditionSettingsSchema }),
  ),
  'secretariat.listEditions': def<EditionSummary[]>()('secretariat', Empty),
  'secretariat.getEdition': def<EditionDetail>()('secretariat', EditionRef),
  'secretariat.addApplicant': def<Applicant>()('secretariat', z.strictObject({ editionId: IdSchema, applicant: ApplicantInputSchema })),
  'secretariat.listApplicants': def<Applicant[]>()('secretariat', EditionRef),
  'secretariat.importApplicants': def<SheetImportResult>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, file: withExtension('.xlsx') }),
  ),
  'secretariat.addExpert': def<Expert>()('secretariat', z.strictObject({ editionId: IdSchema, expert: ExpertInputSchema })),
  'secretariat.listExperts': def<Expert[]>()('secretariat', EditionRef),
  'secretariat.importExperts': def<SheetImportResult>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, file: withExtension('.xlsx') }),
  ),
  'secretariat.template': def<Download>()('secretariat', z.strictObject({ kind: z.enum(['applicants', 'experts']) })),
  'secretariat.enrollExpert': def<Expert>()('secretariat', EnrollSchema),
  'secretariat.createPanel': def<Panel>()('secretariat', z.strictObject({ editionId: IdSchema, panel: PanelInputSchema })),
  'secretariat.listPanels': def<Panel[]>()('secretariat', EditionRef),
  'secretariat.assign': def<Panel>()('secretariat', AssignSchema),
  'secretariat.attachMaterial': def<MaterialInfo>()(
    'secretariat',
    z.strictObject({ applicantId: IdSchema, file: withExtension('.pdf') }),
  ),
  'secretariat.listMaterials': def<MaterialInfo[]>()('secretariat', z.strictObject({ applicantId: IdSchema })),
  'secretariat.exportPackages': def<PackageDownload[]>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, expertIds: z.array(IdSchema).min(1).optional() }),
  ),
  'secretariat.importBundles': def<BundleIntakeOutcome[]>()(
    'secretariat',
    z.strictObject({ files: z.array(UploadSchema).min(1).max(200) }),
  ),
  'secretariat.listBundles': def<BundleRecord[]>()('secretariat', EditionRef),
  'secretariat.owedWork': def<OwedWork[]>()('secretariat', EditionRef),
  'secretariat.imposeRecusal': def<Declaration>()('secretariat', ImposeRecusalSchema),
  'secretariat.recusalRegister': def<Declaration[]>()('secretariat', EditionRef),
  'secretariat.listSheets': def<ScoreSheet[]>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, filter: SheetFilterSchema }),
  ),
  'secretariat.results': def<EditionResults>()('secretariat', EditionRef),

  'report.make': def<ReportDownload>()('unlocked', ReportRequestSchema),
  'report.setStart': def<ReportSetStart>()(
    'secretariat',
    z.strictObject({ editionId: IdSchema, lang: z.enum(['zh', 'en']), discloseScores: z.boolean().default(false) }),
  ),
  'report.setStatus': def<ReportSetStatus>()('secretariat', JobRef),
  'report.setDownload': def<Download>()('secretariat', JobRef),

  'expert.importPackage': def<EditionSummary>()('expert', z.strictObject({ file: UploadSchema })),
  'expert.listEditions': def<EditionSummary[]>()('expert', Empty),
  'expert.getEdition': def<EditionDetail>()('expert', EditionRef),
  'expert.whoAmI': def<ExpertSelf>()('expert', EditionRef),
  'expert.myAssignments': def<AssignmentView[]>()('expert', EditionRef),
  'expert.declare': def<Declaration>()('expert', DeclareSchema),
  'expert.listMaterials': def<MaterialInfo[]>()('expert', z.strictObject({ editionId: IdSchema, applicantId: IdSchema })),
  'expert.readMaterial': def<Uint8Array>()('expert', z.strictObject({ editionId: IdSchema, materialId: IdSchema })),
  'expert.openSheet': def<ScoreSheet>()('expert', OpenSheetSchema),
  'expert.saveItem': def<ItemScore>()('expert', SaveItemSchema),
  'expert.missingItems': def<string[]>()('expert', SheetRef),
  'expert.submitSheet': def<ScoreSheet>()('expert', SheetRef),
  'expert.exportBundle': def<BundleDownload>()('expert', EditionRef),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type Contract = typeof CONTRACT;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Contract[N]['output']>[0];

/** What the renderer sees: one function, typed by the table above. */
export interface Api {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}
