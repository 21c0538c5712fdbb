import { z } from 'zod';
import { PingshenError } from '../domain/errors.js';
import { DownloadSchema, UploadSchema } from '../domain/files.js';
import { MIN_PASSPHRASE_LENGTH } from '../domain/limits.js';
import { IdSchema, PassphraseSchema } from '../domain/values.js';
import { RoleSchema } from '../domain/vocabulary.js';
import type { Access, CallAids, CallDef } from '../features/call.js';
import { secretariatSources } from '../features/repo/report-sources.js';
import { storeRetentionStanding } from '../features/records/retention.js';
import { getEdition } from '../features/repo/editions.js';
import { identitiesIn, newRecipientKey } from '../exchange/archive/keys.js';
import { ArchiveVerificationSchema } from '../exchange/archive/verification.js';
import { verifyArchive } from '../exchange/archive/verify.js';
import type { HostCtx } from './host.js';
import { intakeJobs } from './intake.js';
import { newFolder, setFolderName } from './report-set/folder.js';
import { reportSetJobs } from './report-set/jobs.js';
import { ReportSetStartSchema, ReportSetStatusSchema, type ReportSetStart } from './report-set/types.js';
import { intoFolder, intoZip } from './report-set/work.js';
import { AppInfoSchema, IntakeStatusSchema, SessionStatusSchema, SettingsSchema } from './types.js';

/**
 * The app's own calls, around the stores: the session (create, unlock, lock), settings, saving
 * files through the host, and the two long works that run as jobs of the session: the intake of
 * result bundles and the report set.
 */
function appCall<I extends z.ZodType, O extends z.ZodType, R extends z.output<O> | Promise<z.output<O>>>(def: {
  access: Access;
  input: I;
  output: O;
  passive?: boolean;
  run(input: z.output<I>, ctx: HostCtx, aids: CallAids): R;
}): CallDef<I, O, HostCtx> & { run(input: z.output<I>, ctx: HostCtx, aids: CallAids): R } {
  return def;
}

function hostUnavailable(): PingshenError {
  return new PingshenError('host.unavailable', {
    zh: '浏览器模式下由浏览器保存文件，此操作不可用。',
    en: 'In browser mode the browser saves files; this call is not available.',
  });
}

const Empty = z.strictObject({});
const JobRef = z.strictObject({ jobId: IdSchema });
const NewPassphrase = PassphraseSchema.pipe(z.string().min(MIN_PASSPHRASE_LENGTH));

export const APP_CALLS = {
  'app.info': appCall({
    access: 'open',
    passive: true,
    input: Empty,
    output: AppInfoSchema,
    run: (_i, { session, host }) => ({ name: 'Pingshen', version: host.version, mode: host.mode, dataDir: session.dataDir }),
  }),

  'session.status': appCall({ access: 'open', passive: true, input: Empty, output: SessionStatusSchema, run: (_i, { session }) => session.status() }),
  'session.create': appCall({
    access: 'open',
    passive: true,
    input: z.strictObject({ role: RoleSchema, passphrase: NewPassphrase }),
    output: SessionStatusSchema.extend({ recoveryCode: z.string() }),
    run: (i, { session }) => session.create(i.role, i.passphrase),
  }),
  'session.resetPassphrase': appCall({
    access: 'open',
    passive: true,
    input: z.strictObject({ role: RoleSchema, recoveryCode: z.string().min(1).max(200), newPassphrase: NewPassphrase }),
    output: SessionStatusSchema,
    run: (i, { session }) => session.resetPassphrase(i.role, i.recoveryCode, i.newPassphrase),
  }),
  'session.unlock': appCall({
    access: 'open',
    passive: true,
    input: z.strictObject({ role: RoleSchema, passphrase: PassphraseSchema }),
    output: SessionStatusSchema,
    run: (i, { session }) => session.unlock(i.role, i.passphrase),
  }),
  'session.restore': appCall({
    access: 'open',
    passive: true,
    input: z.strictObject({
      file: UploadSchema,
      proof: z.union([
        z.strictObject({ passphrase: PassphraseSchema }),
        z.strictObject({ recoveryCode: z.string().min(1).max(200), newPassphrase: NewPassphrase }),
      ]),
    }),
    output: SessionStatusSchema,
    run: (i, { session }) => session.restore(i.file, i.proof),
  }),
  'session.lock': appCall({
    access: 'open',
    passive: true,
    input: z.strictObject({ reason: z.enum(['idle', 'user']) }),
    output: SessionStatusSchema,
    run: (i, { session }) => session.lock(i.reason),
  }),
  'session.touch': appCall({
    access: 'open',
    input: Empty,
    output: SessionStatusSchema,
    run(_i, { session }) {
      session.touch();
      return session.status();
    },
  }),

  /**
   * Deletes the open store and its key file, the session locked: only with its fingerprint typed
   * to confirm, and never while an edition in it is still kept by its retention period without a
   * verified archive.
   */
  'session.deleteStore': appCall({
    access: 'unlocked',
    // like locking, it waits for the calls already running: it must not count as one of them
    passive: true,
    input: z.strictObject({ confirmFingerprint: z.string().max(100) }),
    output: SessionStatusSchema,
    async run(i, { session }) {
      const ctx = session.storeCtx();
      if (i.confirmFingerprint.replace(/\s+/g, '').toUpperCase() !== ctx.identity.fingerprint.replace(/\s+/g, '')) {
        throw new PingshenError('store.delete-unconfirmed', {
          zh: `所输入的指纹与本库的指纹（${ctx.identity.fingerprint}）不符；未做任何更改。`,
          en: `The fingerprint typed is not this store's (${ctx.identity.fingerprint}); nothing was changed.`,
        });
      }
      const check = await storeRetentionStanding(ctx);
      if (!check.mayDelete) throw new PingshenError('retention.in-force', check.refusal!);
      return session.deleteOpenStore();
    },
  }),

  /** An archive verified without any store: what a supervisor's machine does, with a recipient's key file. */
  'archive.check': appCall({
    access: 'open',
    input: z.strictObject({ file: UploadSchema, keyFile: UploadSchema.optional(), fingerprint: z.string().max(100).optional() }),
    output: ArchiveVerificationSchema,
    async run(i) {
      const identities = i.keyFile ? identitiesIn(new TextDecoder().decode(i.keyFile.bytes)) : [];
      if (i.keyFile && identities.length === 0) {
        throw new PingshenError('archive.no-identity', {
          zh: '所选的密钥文件中没有 age 私钥（AGE-SECRET-KEY-1 开头的一行）。请选择 pingshen archive keygen 或 age-keygen 生成的文件。',
          en: 'The key file chosen holds no age secret key (a line starting AGE-SECRET-KEY-1). Choose the file pingshen archive keygen or age-keygen made.',
        });
      }
      return verifyArchive(i.file.bytes, { identities, ...(i.fingerprint ? { expectFingerprint: i.fingerprint } : {}) });
    },
  }),

  /**
   * A recipient's key pair for whoever keeps or checks archives (the archive office, a supervisor):
   * the key file to keep offline, and the public key the secretariat seals archives to.
   */
  'archive.keygen': appCall({
    access: 'open',
    input: Empty,
    output: DownloadSchema.extend({ recipient: z.string() }),
    async run() {
      const { keyFile, recipient } = await newRecipientKey();
      return { fileName: `档案接收方私钥-${new Date().toISOString().slice(0, 10)}.txt`, bytes: new TextEncoder().encode(keyFile), recipient };
    },
  }),

  'settings.get': appCall({ access: 'open', passive: true, input: Empty, output: SettingsSchema, run: (_i, { session }) => session.settings() }),
  'settings.set': appCall({
    access: 'open',
    input: SettingsSchema,
    output: SettingsSchema,
    run: (i, { session }) => session.saveSettings({ ...session.settings(), idleMinutes: i.idleMinutes }),
  }),

  'host.saveFile': appCall({
    access: 'open',
    input: UploadSchema,
    output: z.strictObject({ saved: z.boolean(), path: z.string().nullable() }),
    run(i, { host }) {
      if (!host.saveFile) throw hostUnavailable();
      return host.saveFile(i);
    },
  }),
  'host.saveFiles': appCall({
    access: 'open',
    input: z.strictObject({ files: z.array(UploadSchema).min(1).max(500) }),
    output: z.strictObject({ saved: z.boolean(), folder: z.string().nullable() }),
    run(i, { host }) {
      if (!host.saveFiles) throw hostUnavailable();
      return host.saveFiles(i.files);
    },
  }),

  /** up to 200 result bundles in one call, opened and judged as a job (ipc/intake.ts); the status says how far it has got */
  'bundles.intakeStart': appCall({
    access: 'secretariat',
    input: z.strictObject({ files: z.array(UploadSchema).min(1).max(200) }),
    output: z.strictObject({ jobId: z.string() }),
    run: (i, { session }) => ({ jobId: intakeJobs(session).start(i.files) }),
  }),
  'bundles.intakeStatus': appCall({
    access: 'secretariat',
    input: JobRef,
    output: IntakeStatusSchema,
    run: (i, { session }) => intakeJobs(session).status(i.jobId),
  }),

  /**
   * The whole report set as a job: start returns at once, the renderer asks for progress, and in
   * browser mode takes the zip at the end. Where the files go is the shell's business: in
   * Electron the user picks a folder in a native dialog; the renderer never names a path.
   */
  'reports.setStart': appCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, lang: z.enum(['zh', 'en']), discloseScores: z.boolean().default(false) }),
    output: ReportSetStartSchema,
    async run(i, { session, host }): Promise<ReportSetStart> {
      const ctx = session.storeCtx();
      const edition = getEdition(ctx, i.editionId);
      const name = setFolderName(edition.name, i.lang, new Date());
      const request = { editionId: edition.id, lang: i.lang, discloseScores: i.discloseScores };
      const src = secretariatSources(ctx);
      const jobs = reportSetJobs(session);
      jobs.claim();
      try {
        if (!host.pickFolder) return { started: true, jobId: jobs.run(intoZip(src, request, `${name}.zip`)), folder: null };
        const parent = await host.pickFolder();
        if (parent === null) {
          jobs.release();
          return { started: false };
        }
        const folder = await newFolder(parent, name);
        return { started: true, jobId: jobs.run(intoFolder(src, request, folder)), folder };
      } catch (e) {
        jobs.release();
        throw e;
      }
    },
  }),
  'reports.setStatus': appCall({
    access: 'secretariat',
    input: JobRef,
    output: ReportSetStatusSchema,
    run: (i, { session }) => reportSetJobs(session).status(i.jobId),
  }),
  'reports.setDownload': appCall({
    access: 'secretariat',
    input: JobRef,
    output: DownloadSchema,
    run: (i, { session }) => reportSetJobs(session).take(i.jobId),
  }),
};
