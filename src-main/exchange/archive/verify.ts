import { Decrypter } from 'age-encryption';
import { unzipSync } from 'fflate';
import type { z } from 'zod';
import { walkChain } from '../../audit/chain.js';
import { fingerprint } from '../../crypto/identity.js';
import { EditionDetailSchema, type EditionDetail } from '../../profile/edition.js';
import { EditionResultsSchema, type EditionResults } from '../../scoring/results.js';
import { openWithFileKey } from '../../seal/file-key.js';
import { verifyStatement } from '../../seal/statement.js';
import { isPingshenError } from '../../domain/errors.js';
import { parseResultBundle, type ResultBundle } from '../bundle.js';
import { sha256Hex } from '../common.js';
import { checkDecisions, checkDecisionsAudit, decisionCounts, decisionCountsText, NO_DECISIONS, type DecisionRegisters } from './decisions.js';
import {
  ApplicantsRegister,
  AuditLogSchema,
  BundlesRegister,
  CommitteeRegister,
  ConsensusRegister,
  DeclarationsRegister,
  ExpertsRegister,
  DECISION_PATHS,
  ManifestSchema,
  NoticesRegister,
  ObjectionsRegister,
  PATHS,
  recordDigest,
  SeatsRegister,
  SheetReturnsRegister,
  SheetVersionsRegister,
  type BundleEntry,
  type Files,
  type Manifest,
} from './format.js';
import { compareResults, namesOf, recordsFromArchive, type ArchivedRegisters, type Names } from './recompute.js';
import { resultsFromRecords } from '../../scoring/records.js';
import { Check, type ArchiveCheck, type ArchiveVerification } from './verification.js';

/**
 * Verifies an edition archive with nothing but the file (and, when it is encrypted, the key of
 * one of its recipients): the manifest's signature, every file's hash, every bundle's bytes, file
 * key and expert signature, the secretariat's audit chain and what it says was received, the
 * registers against the signed bundles, and the results, recomputed under the archived rules
 * from the signed bundles and compared with those recorded. It never throws on a bad archive: it
 * says what it checked and what failed.
 */

const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'ascii');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const startsWith = (bytes: Uint8Array, magic: Buffer): boolean => bytes.byteLength >= magic.length && Buffer.from(bytes.buffer, bytes.byteOffset, magic.length).equals(magic);

export interface VerifyOptions {
  /** age identities (AGE-SECRET-KEY-1…) of recipients the archive may be sealed to */
  identities: string[];
  /** the secretariat's fingerprint as compared out of band; the signer must have it */
  expectFingerprint?: string;
}

async function openContainer(bytes: Uint8Array, identities: string[], check: Check): Promise<{ zip: Uint8Array; sealed: boolean } | null> {
  if (startsWith(bytes, ZIP_MAGIC)) return { zip: bytes, sealed: false };
  if (!startsWith(bytes, AGE_MAGIC)) {
    check.fail('这不是 Pingshen 届次档案（既不是 age 加密文件，也不是 zip）。请选择由“生成档案”得到的文件。', 'This is not a Pingshen edition archive (neither an age-encrypted file nor a zip). Choose the file “make archive” produced.');
    return null;
  }
  if (identities.length === 0) {
    check.fail('此档案已加密：请提供其接收方之一的密钥文件（命令行 --identity）。', 'This archive is encrypted: give the key file of one of its recipients (on the command line, --identity).');
    return null;
  }
  const d = new Decrypter();
  try {
    for (const identity of identities) d.addIdentity(identity);
  } catch {
    check.fail('所给的密钥文件不是 age 私钥（应以 AGE-SECRET-KEY-1 开头）。', 'The key file given is not an age secret key (it starts with AGE-SECRET-KEY-1).');
    return null;
  }
  try {
    return { zip: await d.decrypt(bytes), sealed: true };
  } catch (e) {
    if (e instanceof Error && /no identity matched/.test(e.message)) {
      check.fail('所给的密钥不是此档案的接收方，无法解密。请使用档案加密给的那把密钥。', 'The key given is not a recipient of this archive, so it cannot be decrypted. Use the key the archive was sealed to.');
    } else {
      check.fail('档案无法解密：文件不完整或被改动过（age 逐块认证内容）。', 'The archive cannot be decrypted: the file is incomplete or altered (age authenticates every chunk).');
    }
    return null;
  }
}

async function readManifest(files: Files, opts: VerifyOptions, check: Check): Promise<Manifest | null> {
  const jws = files.get(PATHS.manifest);
  if (!jws) {
    check.fail(`档案中没有签名清单 ${PATHS.manifest}。`, `The archive has no signed manifest ${PATHS.manifest}.`);
    return null;
  }
  let payload: unknown;
  let kid: string;
  try {
    // the manifest names its signer; who that is, the fingerprint compared out of band says
    ({ payload, kid } = await verifyStatement({ jws: Buffer.from(jws).toString('ascii'), kind: 'edition-archive', resolveSigner: (k) => k }));
  } catch (e) {
    check.fail(`清单签名不成立：${isPingshenError(e) ? e.localized.zh : String(e)}`, `The manifest signature does not hold: ${isPingshenError(e) ? e.localized.en : String(e)}`);
    return null;
  }
  const parsed = ManifestSchema.safeParse(payload);
  if (!parsed.success) {
    check.fail('清单签名成立，但其内容不是本版本 Pingshen 认识的档案清单。', 'The manifest signature holds, but its content is not an archive manifest this version of Pingshen knows.');
    return null;
  }
  const m = parsed.data;
  if (m.secretariat.signPublic !== kid || fingerprint(kid) !== m.secretariat.fingerprint) {
    check.fail('清单所述的秘书处密钥与签名所用的密钥不一致。', 'The secretariat key the manifest names is not the key it was signed with.');
  }
  const expected = opts.expectFingerprint?.replace(/\s+/g, '').toUpperCase();
  if (expected !== undefined && expected !== m.secretariat.fingerprint.replace(/\s+/g, '')) {
    check.fail(
      `签名者指纹 ${m.secretariat.fingerprint} 与所给的秘书处指纹不符：此档案不是该秘书处签发的。`,
      `The signer's fingerprint ${m.secretariat.fingerprint} is not the secretariat fingerprint given: this archive was not signed by that secretariat.`,
    );
  }
  return m;
}

function checkFiles(files: Files, m: Manifest, check: Check): void {
  const listed = new Set(m.files.map((f) => f.path));
  for (const f of m.files) {
    const bytes = files.get(f.path);
    if (!bytes) check.fail(`清单所列文件 ${f.path} 不在档案中`, `${f.path}, listed in the manifest, is missing from the archive`);
    else if (bytes.byteLength !== f.size || sha256Hex(bytes) !== f.sha256) check.fail(`${f.path} 的哈希与清单不符：文件被改动过`, `${f.path} does not match its hash in the manifest: the file was altered`);
  }
  for (const path of files.keys()) {
    if (path !== PATHS.manifest && !listed.has(path)) check.fail(`档案中的 ${path} 不在清单中`, `${path} is in the archive but not in the manifest`);
  }
  if (check.problems.length === 0 && recordDigest(files) !== m.recordDigest) {
    check.fail('记录摘要与清单不符', 'the record digest does not match the manifest');
  }
}

function readJson<S extends z.ZodType>(files: Files, path: string, schema: S, check: Check): z.output<S> | null {
  const bytes = files.get(path);
  if (!bytes) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    if (parsed.success) return parsed.data;
  } catch {
    // reported below, as any unreadable file is
  }
  check.fail(`${path} 无法读取或格式不对`, `${path} cannot be read or has the wrong shape`);
  return null;
}

/** The edition in its three files (summary and settings, profile, criteria), put back together. */
function readEdition(files: Files, check: Check): EditionDetail | null {
  const whole = (path: string): unknown => {
    const bytes = files.get(path);
    try {
      return bytes ? JSON.parse(Buffer.from(bytes).toString('utf8')) : undefined;
    } catch {
      return undefined;
    }
  };
  const edition = whole(PATHS.edition);
  const parsed = EditionDetailSchema.safeParse(edition && typeof edition === 'object' ? { ...edition, profile: whole(PATHS.profile), framework: whole(PATHS.criteria) } : undefined);
  if (parsed.success) return parsed.data;
  check.fail('档案中的届次、规则或评价准则无法读取或格式不对', 'the archived edition, profile or criteria cannot be read or have the wrong shape');
  return null;
}

interface OpenedBundle {
  entry: BundleEntry;
  bundle: ResultBundle;
}

async function checkBundles(files: Files, m: Manifest, entries: BundleEntry[], reg: Pick<ArchivedRegisters, 'experts'>, names: Names, check: Check): Promise<OpenedBundle[]> {
  const keys = new Map(reg.experts.map((e) => [e.id, e.signPublic]));
  const opened: OpenedBundle[] = [];
  for (const entry of entries) {
    const bytes = files.get(entry.path);
    const where = `${entry.path}（${entry.fileName}）`;
    const whereEn = `${entry.path} (${entry.fileName})`;
    if (!bytes) {
      check.fail(`导入登记中的结果包 ${where} 不在档案中`, `the bundle ${whereEn} in the import register is missing from the archive`);
      continue;
    }
    if (sha256Hex(bytes) !== entry.sha256) {
      check.fail(`结果包 ${where} 与收到时的哈希不符`, `the bundle ${whereEn} does not match the hash it had when received`);
      continue;
    }
    if (entry.status === 'refused') continue;
    const signPublic = entry.expertId === null ? null : (keys.get(entry.expertId) ?? null);
    if (signPublic === null || entry.fileKey === null) {
      check.fail(`结果包 ${where} 的专家未登记密钥，或缺少文件密钥，无法核对签名`, `the bundle ${whereEn} has no enrolled expert key or no file key, so its signature cannot be checked`);
      continue;
    }
    const o = await openWithFileKey({ bytes, fileKey: Buffer.from(entry.fileKey, 'hex'), kind: 'result-bundle', signPublic });
    if (!o.ok) {
      const why = {
        unreadable: { zh: '无法用其文件密钥解密（文件或密钥被改动过）', en: 'does not decrypt with its file key (the file or the key was altered)' },
        'wrong-kind': { zh: '不是结果包', en: 'is not a result bundle' },
        'other-signer': { zh: '不是由其专家登记的密钥签名的', en: 'is not signed with its expert’s enrolled key' },
        'bad-signature': { zh: '专家签名不成立', en: 'does not carry a valid signature of its expert' },
      }[o.problem];
      check.fail(`结果包 ${where} ${why.zh}`, `the bundle ${whereEn} ${why.en}`);
      continue;
    }
    const parsed = parseResultBundle(o.payload);
    if (!parsed.ok) {
      check.fail(`结果包 ${where} 的内容格式不对：${parsed.reason.zh}`, `the bundle ${whereEn} is malformed: ${parsed.reason.en}`);
      continue;
    }
    const b = parsed.bundle;
    const expert = names.expert(b.expertId);
    if (b.bundleId !== entry.bundleId || b.expertId !== entry.expertId || b.sequence !== entry.sequence || b.editionId !== m.edition.id) {
      check.fail(`结果包 ${where} 的编号、专家、序号或届次与导入登记不符`, `the bundle ${whereEn} names another id, expert, sequence or edition than the import register`);
    }
    if (sha256Hex(JSON.stringify(b)) !== entry.payloadSha256) check.fail(`结果包 ${where} 的内容与收到时记录的不符`, `the content of bundle ${whereEn} is not what was recorded on receipt`);
    if (!o.rcpt.includes(m.secretariat.boxRecipient)) check.fail(`结果包 ${where} 不是加密给本秘书处的`, `the bundle ${whereEn} was not sealed to this secretariat`);
    const chain = walkChain(b.audit);
    if (!chain.ok || chain.head !== b.auditHead.hash || chain.length !== b.auditHead.seq) {
      check.fail(`专家 ${expert} 的结果包 ${where} 所附审计链不完整`, `the audit chain in expert ${expert}'s bundle ${whereEn} does not hold`);
    }
    opened.push({ entry, bundle: b });
  }
  return opened;
}

/** The registers of the committee, the notices and the objections, each empty where the archive has none; null where one cannot be read. */
function readDecisions(files: Files, check: Check): DecisionRegisters | null {
  const optional = <T>(path: string, read: () => T | null, none: T): T | null => (files.has(path) ? read() : none);
  const committee = optional(PATHS.committee, () => readJson(files, PATHS.committee, CommitteeRegister, check), NO_DECISIONS.committee);
  const notices = optional(PATHS.notices, () => readJson(files, PATHS.notices, NoticesRegister, check), NO_DECISIONS.notices);
  const objections = optional(PATHS.objections, () => readJson(files, PATHS.objections, ObjectionsRegister, check), NO_DECISIONS.objections);
  return committee && notices && objections ? { committee, notices, objections } : null;
}

/**
 * The audit chain, what it says was received, and (from version 2) the committee's decisions,
 * notices and objections it records; `decisions` is null for an archive made before they were
 * archived, or when its registers cannot be read.
 */
function checkAudit(files: Files, m: Manifest, entries: BundleEntry[] | null, decisions: DecisionRegisters | null, names: Names, check: Check): number {
  const log = readJson(files, PATHS.audit, AuditLogSchema, check);
  if (!log) return 0;
  const chain = walkChain(log);
  if (!chain.ok) {
    check.fail(`秘书处审计链在第 ${chain.brokenAt} 条处断裂`, `the secretariat's audit chain breaks at entry ${chain.brokenAt}`);
    return log.length;
  }
  if (chain.head !== m.auditHead.hash || chain.length !== m.auditHead.seq) check.fail('审计日志的链头与签名清单不符', 'the head of the audit log is not the one the signed manifest names');
  const created = log[0];
  if (created?.action !== 'store.created' || created.actor !== `secretariat:${m.secretariat.fingerprint}`) {
    check.fail('审计日志不是由签署清单的秘书处库开始的', 'the audit log does not begin with the store of the secretariat that signed the manifest');
  }
  if (entries) {
    const logged = new Map<string, string>();
    for (const e of log) {
      if (e.action === 'bundle.accepted' && e.detail.editionId === m.edition.id) logged.set(String(e.detail.bundleId), String(e.detail.sha256));
    }
    const kept = new Map(entries.filter((b) => b.status !== 'refused').map((b) => [b.bundleId ?? '', b]));
    for (const [bundleId, sha] of logged) {
      const b = kept.get(bundleId);
      if (!b) check.fail(`审计日志记载已接收结果包 ${bundleId}，但档案的导入登记中没有它`, `the audit log records bundle ${bundleId} as accepted, but the archive's import register lacks it`);
      else if (b.sha256 !== sha) check.fail(`结果包 ${bundleId} 的哈希与审计日志记载的不符`, `bundle ${bundleId} does not have the hash the audit log recorded`);
    }
    for (const [bundleId, b] of kept) {
      if (!logged.has(bundleId)) check.fail(`导入登记中的结果包 ${b.path} 在审计日志中没有接收记录`, `the audit log never recorded accepting ${b.path} of the import register`);
    }
  }
  if (decisions) checkDecisionsAudit(log, m.edition.id, decisions, names, check);
  return log.length;
}

export async function verifyArchive(bytes: Uint8Array, opts: VerifyOptions): Promise<ArchiveVerification> {
  const sha256 = sha256Hex(bytes);
  const checks: ArchiveCheck[] = [];
  const finish = (archive: ArchiveVerification['archive']): ArchiveVerification => ({ ok: checks.every((c) => c.ok), sha256, archive, checks });

  const container = new Check('container');
  const opened = await openContainer(bytes, opts.identities, container);
  let files: Files | null = null;
  if (opened) {
    try {
      files = new Map(Object.entries(unzipSync(opened.zip)));
    } catch {
      container.fail('档案的 zip 结构已损坏。', 'The archive’s zip structure is damaged.');
    }
  }
  checks.push(
    opened?.sealed
      ? container.done(`已用接收方密钥解密（age）并读取 ${files?.size ?? 0} 个文件`, `decrypted with a recipient's key (age); ${files?.size ?? 0} files read`)
      : container.done(`明文 zip，读取 ${files?.size ?? 0} 个文件`, `a plain zip; ${files?.size ?? 0} files read`),
  );
  if (!files) return finish(null);

  const manifestCheck = new Check('manifest');
  const m = await readManifest(files, opts, manifestCheck);
  checks.push(
    manifestCheck.done(
      m ? `清单由秘书处签名，指纹 ${m.secretariat.fingerprint}（请与秘书处当面或电话核对）` : '清单签名未能核对',
      m ? `the manifest is signed by the secretariat, fingerprint ${m.secretariat.fingerprint} (compare it with the secretariat in person or by phone)` : 'the manifest signature could not be checked',
    ),
  );
  // nothing else in the archive can be trusted without the manifest
  if (!m) return finish(null);

  const filesCheck = new Check('files');
  checkFiles(files, m, filesCheck);
  checks.push(filesCheck.done(`清单所列 ${m.files.length} 个文件逐一核对哈希`, `the hash of each of the ${m.files.length} files the manifest lists`));

  const registersCheck = new Check('registers');
  const edition = readEdition(files, registersCheck);
  const reg = {
    applicants: readJson(files, PATHS.applicants, ApplicantsRegister, registersCheck),
    experts: readJson(files, PATHS.experts, ExpertsRegister, registersCheck),
    seats: readJson(files, PATHS.seats, SeatsRegister, registersCheck),
    declarations: readJson(files, PATHS.declarations, DeclarationsRegister, registersCheck),
    sheetReturns: readJson(files, PATHS.sheetReturns, SheetReturnsRegister, registersCheck),
    sheetVersions: readJson(files, PATHS.sheetVersions, SheetVersionsRegister, registersCheck),
    consensus: readJson(files, PATHS.consensus, ConsensusRegister, registersCheck),
  };
  const entries = readJson(files, PATHS.bundles, BundlesRegister, registersCheck);
  const complete = Object.values(reg).every((v) => v !== null) ? (reg as ArchivedRegisters) : null;
  const names = namesOf({ applicants: reg.applicants ?? [], experts: reg.experts ?? [] });
  const decisions = readDecisions(files, registersCheck);
  if (decisions && edition && reg.applicants) {
    const known = { applicantIds: new Set(reg.applicants.map((a) => a.id)), withdrawn: new Set(reg.applicants.filter((a) => a.withdrawn).map((a) => a.id)) };
    checkDecisions(decisions, edition, known, names, registersCheck);
  }
  const counted = decisionCountsText(decisionCounts(decisions ?? NO_DECISIONS));
  // the import register, read apart, is one of them
  const registerFiles = Object.keys(reg).length + 1 + DECISION_PATHS.filter((p) => files.has(p)).length;

  const bundlesCheck = new Check('bundles');
  const bundles = entries ? await checkBundles(files, m, entries, { experts: reg.experts ?? [] }, names, bundlesCheck) : [];
  if (!entries) bundlesCheck.fail('导入登记无法读取，结果包未能核对', 'the import register cannot be read, so the bundles were not checked');
  const experts = new Set(bundles.map((b) => b.bundle.expertId)).size;
  checks.push(
    bundlesCheck.done(
      `${entries?.length ?? 0} 个收到的结果包逐字节核对；其中 ${bundles.length} 个已接收的用文件密钥解密，核对了 ${experts} 位专家的签名及其审计链`,
      `${entries?.length ?? 0} received bundles checked byte for byte; ${bundles.length} accepted ones decrypted with their file keys, the signatures of ${experts} experts and their audit chains checked`,
    ),
  );

  const auditCheck = new Check('audit');
  // an archive of version 1 holds no register of them, which its audit log may well record
  const length = checkAudit(files, m, entries, m.version >= 2 ? decisions : null, names, auditCheck);
  checks.push(
    m.version >= 2
      ? auditCheck.done(
          `秘书处审计链 ${length} 条，及其记载的每个已接收结果包、评委会决定、公示和异议处理步骤`,
          `the secretariat's audit chain of ${length} entries, and every bundle it records as accepted, every committee decision, notice and objection step it records`,
        )
      : auditCheck.done(`秘书处审计链 ${length} 条，及其记载的每个已接收结果包`, `the secretariat's audit chain of ${length} entries, and every bundle it records as accepted`),
  );

  const resultsCheck = new Check('results');
  const recorded = readJson(files, PATHS.results, EditionResultsSchema, resultsCheck);
  let recomputed: EditionResults | null = null;
  if (edition && complete) {
    try {
      const records = recordsFromArchive(edition, complete, bundles.map((b) => b.bundle), registersCheck);
      recomputed = resultsFromRecords(records);
    } catch (e) {
      resultsCheck.fail(`无法按档案中的规则重算：${isPingshenError(e) ? e.localized.zh : String(e)}`, `the results cannot be recomputed under the archived rules: ${isPingshenError(e) ? e.localized.en : String(e)}`);
    }
  } else {
    resultsCheck.fail('届次或登记册无法读取，结果未能重算', 'the edition or the registers cannot be read, so the results were not recomputed');
  }
  checks.push(
    registersCheck.done(
      `登记册 ${registerFiles} 份；其中专家的声明与各版评分表逐一对照签名结果包；${counted.zh}，与名单、档案中的规则逐一对照${m.version >= 2 ? '' : '（此档案为第 1 版，制作时尚不归档评委会决定、公示与异议）'}`,
      `${registerFiles} registers; the experts' declarations and every sheet version held against the signed bundles; ${counted.en} held against the lists and the archived rules${m.version >= 2 ? '' : " (a version 1 archive, made before the committee's decisions, the notices and the objections were archived)"}`,
    ),
  );
  if (recorded && recomputed) compareResults(recorded, recomputed, names, resultsCheck);
  checks.push(
    resultsCheck.done(
      `按档案中的规则（${m.edition.profileId}）从 ${bundles.length} 个签名结果包重算 ${recomputed?.ranking.length ?? 0} 家的评审组得分、加权总分、名次和候选结论，并与记录的结果比对`,
      `panel scores, weighted totals, ranks and candidacies of ${recomputed?.ranking.length ?? 0} applicants recomputed under the archived rules (${m.edition.profileId}) from ${bundles.length} signed bundles and compared with the recorded results`,
    ),
  );

  return finish({
    archiveId: m.archiveId,
    createdAt: m.createdAt,
    edition: m.edition,
    fingerprint: m.secretariat.fingerprint,
    retention: m.retention,
    protection: m.protection,
    recordDigest: m.recordDigest,
    auditSeq: m.auditHead.seq,
    files: m.files.length,
  });
}
