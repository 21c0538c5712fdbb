import { canonicalJson } from '../audit/canonical-json.js';
import type { PackageChange } from '../domain/package-changes.js';
import { STAGE_NAMES } from '../domain/words.js';
import { sha256Hex } from './common.js';
import type { ReviewPackage } from './package.js';
import { rosterChanges } from './roster-changes.js';

/**
 * What a review package tells its expert, without what changes on every export (its id, issue
 * time, envelope) or the materials' bytes (their digests stand for them). Two packages with the
 * same content are the same to the expert; the secretariat compares what it would send now with
 * what it last sent to know whose package is out of date, and both sides list the differences.
 */
export interface PackageContent {
  edition: Pick<ReviewPackage['edition'], 'id' | 'name' | 'year' | 'settings'>;
  expert: Pick<ReviewPackage['expert'], 'id' | 'code' | 'name'>;
  assignments: ReviewPackage['assignments'];
  materials: { id: string; applicantId: string; fileName: string; sha256: string; version: number; replaces: string | null }[];
  returns: ReviewPackage['returns'];
  lifted: ReviewPackage['lifted'];
  /** who else sits on the expert's panels, with their keys: a leader's package is out of date when a member changes */
  roster: ReviewPackage['roster'];
}

type PackageLike = Omit<ReviewPackage, 'format' | 'version' | 'materials' | 'packageId' | 'issuedAt' | 'secretariat'> & {
  materials: { id: string; applicantId: string; fileName: string; sha256: string; version?: number; replaces?: string | null }[];
};

const byKey = <T>(list: readonly T[], key: (x: T) => string): T[] => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export function packageContent(p: PackageLike): PackageContent {
  return {
    edition: { id: p.edition.id, name: p.edition.name, year: p.edition.year, settings: p.edition.settings },
    expert: { id: p.expert.id, code: p.expert.code, name: p.expert.name },
    assignments: byKey(p.assignments, (a) => `${a.applicant.id}\u0000${a.stage}`),
    materials: byKey(
      p.materials.map((m) => ({ id: m.id, applicantId: m.applicantId, fileName: m.fileName, sha256: m.sha256, version: m.version ?? 1, replaces: m.replaces ?? null })),
      (m) => m.id,
    ),
    returns: byKey(p.returns, (r) => r.id),
    lifted: byKey(p.lifted, (l) => `${l.applicantId}\u0000${l.source}\u0000${l.at}`),
    roster: byKey(p.roster, (r) => r.panelId).map((r) => ({ ...r, members: byKey(r.members, (m) => m.id), returns: byKey(r.returns, (x) => x.id) })),
  };
}

export function contentDigest(c: PackageContent): string {
  return sha256Hex(canonicalJson(c));
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * What `after` changes for the expert who holds `before`, in the order an expert reads it:
 * the edition and their own name, then per applicant. Pure; the empty list means nothing changed.
 */
export function packageChanges(before: PackageContent | null, after: PackageContent): PackageChange[] {
  if (!before) return [];
  const out: PackageChange[] = [];
  const add = (kind: PackageChange['kind'], text: PackageChange['text'], applicantId: string | null = null, stage: PackageChange['stage'] = null) =>
    out.push({ kind, applicantId, stage, text });

  if (before.edition.name !== after.edition.name || before.edition.year !== after.edition.year) {
    add('edition', { zh: `届次名称改为“${after.edition.name}”（${after.edition.year} 年）`, en: `The edition is now "${after.edition.name}" (${after.edition.year})` });
  }
  if (!same(before.edition.settings, after.edition.settings)) {
    add('edition', { zh: '本届评审规则的设置有更改', en: "The edition's rule settings changed" });
  }
  if (before.expert.code !== after.expert.code || before.expert.name !== after.expert.name) {
    add('expert', { zh: `您的登记信息更正为 ${after.expert.name}（${after.expert.code}）`, en: `Your record now reads ${after.expert.name} (${after.expert.code})` });
  }

  const seat = (a: PackageContent['assignments'][number]) => `${a.applicant.id}\u0000${a.stage}`;
  const earlier = new Map(before.assignments.map((a) => [seat(a), a]));
  const later = new Map(after.assignments.map((a) => [seat(a), a]));
  const renamed = new Set<string>();
  for (const a of after.assignments) {
    const stage = STAGE_NAMES[a.stage];
    const was = earlier.get(seat(a));
    const who = `${a.applicant.code} ${a.applicant.name}`;
    if (!was) {
      add('assignment-added', { zh: `新分配：${who}（${stage.zh}，${a.panel.name}）`, en: `Newly assigned: ${who} (${stage.en}, ${a.panel.name})` }, a.applicant.id, a.stage);
      continue;
    }
    if (!same(was.applicant, a.applicant) && !renamed.has(a.applicant.id)) {
      renamed.add(a.applicant.id);
      add(
        'applicant',
        { zh: `申报单位信息更正：${was.applicant.code} ${was.applicant.name} → ${who}`, en: `Applicant corrected: ${was.applicant.code} ${was.applicant.name} → ${who}` },
        a.applicant.id,
      );
    }
    if (was.panel.id !== a.panel.id || was.panel.name !== a.panel.name || was.leader !== a.leader) {
      const role = a.leader ? { zh: '，您任组长', en: ', you lead it' } : { zh: '', en: '' };
      add('panel', { zh: `${who}（${stage.zh}）现由${a.panel.name}评审${role.zh}`, en: `${who} (${stage.en}) is now reviewed by ${a.panel.name}${role.en}` }, a.applicant.id, a.stage);
    }
    if (!was.recusal && a.recusal) {
      add('recusal-imposed', { zh: `秘书处决定您回避 ${who}：${a.recusal.reason}`, en: `The secretariat recused you from ${who}: ${a.recusal.reason}` }, a.applicant.id, a.stage);
    }
  }
  for (const a of before.assignments) {
    if (later.has(seat(a))) continue;
    const stage = STAGE_NAMES[a.stage];
    add(
      'assignment-removed',
      { zh: `不再由您评审：${a.applicant.code} ${a.applicant.name}（${stage.zh}）`, en: `No longer yours to review: ${a.applicant.code} ${a.applicant.name} (${stage.en})` },
      a.applicant.id,
      a.stage,
    );
  }

  const code = (applicantId: string) => (after.assignments.find((a) => a.applicant.id === applicantId) ?? before.assignments.find((a) => a.applicant.id === applicantId))?.applicant.code ?? '';
  const heldBefore = new Map(before.materials.map((m) => [m.id, m]));
  const heldAfter = new Set(after.materials.map((m) => m.id));
  const replaced = new Set<string>();
  for (const m of after.materials) {
    if (heldBefore.has(m.id)) continue;
    const old = m.replaces ? heldBefore.get(m.replaces) : undefined;
    if (old) {
      replaced.add(old.id);
      add(
        'material-replaced',
        { zh: `${code(m.applicantId)} 的材料 ${old.fileName} 已换为新版本（第 ${m.version} 版）${m.fileName}`, en: `${code(m.applicantId)}: material ${old.fileName} was replaced by version ${m.version}, ${m.fileName}` },
        m.applicantId,
      );
    } else {
      add('material-added', { zh: `${code(m.applicantId)} 新增材料 ${m.fileName}`, en: `${code(m.applicantId)}: new material ${m.fileName}` }, m.applicantId);
    }
  }
  for (const m of before.materials) {
    if (heldAfter.has(m.id) || replaced.has(m.id)) continue;
    // materials of an applicant no longer assigned leave with the assignment, said above
    if (!after.assignments.some((a) => a.applicant.id === m.applicantId)) continue;
    add('material-removed', { zh: `${code(m.applicantId)} 的材料 ${m.fileName} 已被秘书处撤下`, en: `${code(m.applicantId)}: material ${m.fileName} was withdrawn by the secretariat` }, m.applicantId);
  }

  const returned = new Set(before.returns.map((r) => r.id));
  for (const r of after.returns) {
    if (returned.has(r.id)) continue;
    const stage = STAGE_NAMES[r.stage];
    add(
      'sheet-returned',
      { zh: `${code(r.applicantId)}（${stage.zh}）的评分表第 ${r.version} 版被退回修改：${r.reason}`, en: `${code(r.applicantId)} (${stage.en}): version ${r.version} of your sheet was returned for correction: ${r.reason}` },
      r.applicantId,
      r.stage,
    );
  }
  const lifted = new Set(before.lifted.map((l) => `${l.applicantId}\u0000${l.source}\u0000${l.at}`));
  for (const l of after.lifted) {
    if (lifted.has(`${l.applicantId}\u0000${l.source}\u0000${l.at}`)) continue;
    add('recusal-lifted', { zh: `秘书处撤销了您对 ${code(l.applicantId)} 的回避：${l.reason}。请重新声明。`, en: `The secretariat lifted your recusal from ${code(l.applicantId)}: ${l.reason}. Declare afresh.` }, l.applicantId);
  }
  const panelName = (panelId: string) => (after.assignments.find((a) => a.panel.id === panelId) ?? before.assignments.find((a) => a.panel.id === panelId))?.panel.name ?? '';
  out.push(...rosterChanges(before.roster, after.roster, panelName, after.expert.id));
  return out;
}
