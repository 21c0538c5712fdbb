import type { UpheldObjection } from '../../rules/objections.js';
import type { Ineligibility } from '../../scoring/records.js';
import { Encrypter } from 'age-encryption';
import { zipSync, type Zippable } from 'fflate';
import type { ChainEntry } from '../../audit/chain.js';
import type { Applicant, Expert } from '../../domain/people.js';
import type { Declaration, DeclarationEvent, SheetReturn, SheetVersion } from '../../domain/review.js';
import type { Panel } from '../../domain/panels.js';
import type { AwardLevel, Stage } from '../../domain/words.js';
import { editionTimeZone } from '../../domain/time.js';
import type { EditionDetail } from '../../profile/edition.js';
import { retentionText, type Retention } from '../../rules/retention.js';
import type { EditionResults } from '../../scoring/results.js';
import { signStatement } from '../../seal/statement.js';
import { sha256Hex } from '../common.js';
import { decisionCounts, decisionCountsText, NO_DECISIONS, type DecisionCounts } from './decisions.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  jsonFile,
  PATHS,
  recordDigest,
  REPORTS_DIR,
  type BundleEntry,
  type CommitteeEntries,
  type ConsensusEntry,
  type Files,
  type Manifest,
  type NoticesEntries,
  type ObjectionEntry,
  type Protection,
} from './format.js';

/** An edition's records as the store holds them, ready to be written as archive files. */
export interface EditionRecordSet {
  edition: EditionDetail;
  /**
   * an applicant found ineligible, or taken off the accepted list by an upheld objection, carries
   * why: the verifier leaves it out of the results as the store does; where the edition uses the
   * eligibility check, each carries the levels it may be placed at, as the candidates were chosen
   */
  applicants: (Omit<Applicant, 'idNumber'> & { idNumber?: string | null; ineligible?: Ineligibility; objection?: UpheldObjection; levels?: AwardLevel[] })[];
  experts: (Expert & { signPublic: string | null; boxRecipient: string | null })[];
  panels: Omit<Panel, 'sizeFlag'>[];
  seats: { applicantId: string; stage: Stage; panelId: string; memberIds: string[] }[];
  declarations: Declaration[];
  declarationEvents: DeclarationEvent[];
  sheetReturns: SheetReturn[];
  sheetVersions: SheetVersion[];
  consensus: ConsensusEntry[];
  bundles: { entry: BundleEntry; bytes: Uint8Array }[];
  results: EditionResults;
  /** the committee's decisions: null while it has recorded none */
  committee: CommitteeEntries | null;
  /** the notices and the final list: null while no notice was issued */
  notices: NoticesEntries | null;
  objections: ObjectionEntry[];
}

/** The record files: what an archive holds of the edition itself (format.ts, isRecordFile). */
export function recordFiles(r: EditionRecordSet): Files {
  const { profile, framework, ...edition } = r.edition;
  const files: Files = new Map([
    [PATHS.edition, jsonFile(edition)],
    [PATHS.profile, jsonFile(profile)],
    [PATHS.criteria, jsonFile(framework)],
    [PATHS.applicants, jsonFile(r.applicants)],
    [PATHS.experts, jsonFile(r.experts)],
    [PATHS.panels, jsonFile(r.panels)],
    [PATHS.seats, jsonFile(r.seats)],
    [PATHS.declarations, jsonFile(r.declarations)],
    [PATHS.declarationEvents, jsonFile(r.declarationEvents)],
    [PATHS.sheetReturns, jsonFile(r.sheetReturns)],
    [PATHS.sheetVersions, jsonFile(r.sheetVersions)],
    [PATHS.consensus, jsonFile(r.consensus)],
    [PATHS.bundles, jsonFile(r.bundles.map((b) => b.entry))],
    [PATHS.results, jsonFile(r.results)],
  ]);
  // DECISION_PATHS: each only once there is something to hold
  if (r.committee) files.set(PATHS.committee, jsonFile(r.committee));
  if (r.notices) files.set(PATHS.notices, jsonFile(r.notices));
  if (r.objections.length > 0) files.set(PATHS.objections, jsonFile(r.objections));
  for (const b of r.bundles) files.set(b.entry.path, b.bytes);
  return files;
}

/** What the registers hold of the committee, the notices and the objections, counted. */
export function decisionsOf(r: EditionRecordSet): DecisionCounts {
  return decisionCounts({ committee: r.committee ?? NO_DECISIONS.committee, notices: r.notices ?? NO_DECISIONS.notices, objections: r.objections });
}

export interface ArchiveMaking {
  archiveId: string;
  createdAt: string;
  secretariat: Manifest['secretariat'];
  retention: Retention;
  /** the secretariat's whole audit log, from its first entry */
  audit: ChainEntry[];
  reports: { fileName: string; bytes: Uint8Array }[];
  protection: Protection;
  signer: { privateKeyPkcs8: string; kid: string };
}

function cover(r: EditionRecordSet, m: ArchiveMaking, bundles: number, reports: number): Uint8Array {
  const e = r.edition;
  const held = decisionCountsText(decisionsOf(r));
  const kept = retentionText(m.retention);
  const sealedTo =
    m.protection.kind === 'encrypted'
      ? { zh: `已加密，仅以下接收方（age）可打开：${m.protection.recipients.join('、')}`, en: `encrypted; only these recipients (age) can open it: ${m.protection.recipients.join(', ')}` }
      : { zh: '未加密（明文档案，秘书处已确认）：任何拿到文件的人都能读取其内容', en: 'not encrypted (a plain archive, as the secretariat confirmed): anyone who has the file can read it' };
  const lines = [
    '评审 Pingshen 届次档案 / Pingshen edition archive',
    '',
    `届次 Edition: ${e.name}（${e.year}）`,
    `规则 Rules: ${e.profile.city.zh} ${e.profile.regulation.zh} / ${e.profile.regulation.en}`,
    `评价准则 Criteria: ${e.framework.standard}`,
    `保存期限: ${kept.zh}`,
    `Retention: ${kept.en}`,
    `制作时间 Made: ${m.createdAt}`,
    `档案编号 Archive id: ${m.archiveId}`,
    `秘书处签名指纹 Secretariat's fingerprint: ${m.secretariat.fingerprint}`,
    `保护: ${sealedTo.zh}`,
    `Protection: ${sealedTo.en}`,
    '',
    `内容 Contents: ${bundles} 个结果包（原样）/ result bundles as received, 秘书处审计日志 / the secretariat's audit log,`,
    `  登记册 / registers, 规则与准则 / profile and criteria, 最终结果 / final results, ${reports} 份报告 / reports (PDF).`,
    `  登记册中有${held.zh} / the registers hold ${held.en}.`,
    '',
    '核验 Verify:',
    '  pingshen archive verify <本文件 / this file> [--identity <接收方密钥文件 / recipient key file>]',
    '  它核对清单签名、每个文件的哈希、每位专家的签名和审计链，并按档案中的规则从签名结果包重算结果。',
    '  It checks the manifest signature, every hash, every expert signature and the audit chain, and',
    '  recomputes the results from the signed bundles under the archived rules.',
    '请当面或电话与秘书处核对上面的签名指纹。/ Compare the fingerprint above with the secretariat in person or by phone.',
    '',
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Compressing the PDFs and the sealed bundles again would cost time for nothing. */
const STORED = /\.(pdf|age)$/;

/**
 * The archive file: record files, audit log, reports and cover, the manifest of their hashes
 * signed by the secretariat, zipped, then sealed with age unless the archive is to be plain.
 */
export async function buildArchive(r: EditionRecordSet, m: ArchiveMaking): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const files = recordFiles(r);
  files.set(PATHS.audit, jsonFile(m.audit));
  for (const report of m.reports) files.set(`${REPORTS_DIR}${report.fileName}`, report.bytes);
  files.set(PATHS.cover, cover(r, m, r.bundles.length, m.reports.length));
  const head = m.audit.at(-1);
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    archiveId: m.archiveId,
    createdAt: m.createdAt,
    edition: { id: r.edition.id, name: r.edition.name, year: r.edition.year, profileId: r.edition.profileId, frameworkId: r.edition.frameworkId, timeZone: editionTimeZone(r.edition.settings) },
    secretariat: m.secretariat,
    retention: m.retention,
    protection: m.protection,
    auditHead: { seq: head?.seq ?? 0, hash: head?.hash ?? '0'.repeat(64) },
    recordDigest: recordDigest(files),
    files: [...files.entries()]
      .map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.byteLength }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
  const jws = await signStatement({ kind: 'edition-archive', payload: manifest, signer: m.signer });
  const entries: Zippable = { [PATHS.cover]: files.get(PATHS.cover)!, [PATHS.manifest]: Buffer.from(jws, 'ascii') };
  for (const [path, bytes] of files) if (path !== PATHS.cover) entries[path] = [bytes, { level: STORED.test(path) ? 0 : 6 }];
  const zip = zipSync(entries);
  if (m.protection.kind === 'plain') return { bytes: zip, manifest };
  const encrypter = new Encrypter();
  for (const recipient of m.protection.recipients) encrypter.addRecipient(recipient);
  return { bytes: await encrypter.encrypt(zip), manifest };
}
