import type { CriteriaFramework } from '../criteria/schema.js';
import type { Localized } from '../domain/localized.js';
import { type Stage, STAGE_NAMES } from '../domain/words.js';
import { isOnGrid } from '../scoring/sheet.js';
import { itemCodes } from '../criteria/items.js';
import { standing } from '../rules/recusal.js';
import type { ResultBundle } from './bundle.js';

/** What the secretariat's store knows that a bundle is checked against. */
export interface BundleFacts {
  /** the edition named by the bundle, if this store holds it */
  edition: { id: string; framework: CriteriaFramework; scoredStages: Stage[] } | undefined;
  /** the expert named by the bundle, if this store holds it */
  expert: { id: string; editionId: string; signPublic: string | null } | undefined;
  /** the key whose signature the envelope verified */
  signerKey: string;
  applicantCode(applicantId: string): string | undefined;
  /** whether the expert sits on the panel that reviews this applicant in this stage */
  seated(applicantId: string, stage: Stage): boolean;
  /** whether the secretariat recused this expert from the applicant */
  recusedBySecretariat(applicantId: string): boolean;
}

export interface BundleRefusal {
  code: string;
  reasons: Localized[];
}

const refusal = (code: string, zh: string, en: string): BundleRefusal => ({ code, reasons: [{ zh, en }] });

/** Who the bundle comes from: a mismatch makes the rest meaningless. */
function identityProblem(b: ResultBundle, f: BundleFacts): BundleRefusal | null {
  if (!f.expert || f.expert.editionId !== b.editionId) {
    return refusal(
      'bundle.unknown-expert',
      '结果包声称来自本届没有的评审专家',
      'the bundle claims to come from an expert who is not in this edition',
    );
  }
  if (f.expert.signPublic === null || f.expert.signPublic !== f.signerKey) {
    return refusal(
      'bundle.signer-mismatch',
      '结果包的签名密钥不是其所声称专家登记的密钥（可能是他人冒名签发）',
      'the bundle is signed with a key other than the one enrolled for the expert it names (possibly impersonation)',
    );
  }
  return null;
}

function sheetProblems(b: ResultBundle, f: BundleFacts, framework: CriteriaFramework, scored: Stage[]): Localized[] {
  const problems: Localized[] = [];
  const seen = new Set<string>();
  const codes = itemCodes(framework);
  for (const sheet of b.sheets) {
    const code = f.applicantCode(sheet.applicantId) ?? sheet.applicantId;
    const stage = STAGE_NAMES[sheet.stage];
    const who = { zh: `${code}（${stage.zh}）的评分表`, en: `the sheet for ${code} (${stage.en})` };
    const key = `${sheet.applicantId}\u0000${sheet.stage}`;
    if (seen.has(key)) problems.push({ zh: `${who.zh}出现两次`, en: `${who.en} appears twice` });
    seen.add(key);
    if (!scored.includes(sheet.stage)) {
      problems.push({ zh: `${who.zh}属于本届不计分的环节`, en: `${who.en} is for a stage this edition does not score` });
    }
    if (!f.seated(sheet.applicantId, sheet.stage)) {
      problems.push({ zh: `${who.zh}：该专家所在评审组未分配此申报单位`, en: `${who.en}: the applicant is not assigned to this expert's panel` });
    }
    if (standing(b.declarations.filter((d) => d.applicantId === sheet.applicantId)) !== 'clear') {
      problems.push({
        zh: `${who.zh}：该专家未声明与此申报单位无利益冲突，或已声明存在冲突`,
        en: `${who.en}: the expert has not declared no conflict with this applicant, or declared a conflict`,
      });
    }
    if (f.recusedBySecretariat(sheet.applicantId)) {
      problems.push({ zh: `${who.zh}：秘书处已要求该专家回避此申报单位`, en: `${who.en}: the secretariat recused this expert from the applicant` });
    }
    const items = new Map<string, number>();
    for (const item of sheet.items) {
      if (items.has(item.itemCode)) problems.push({ zh: `${who.zh}的评分项 ${item.itemCode} 重复`, en: `${who.en} repeats item ${item.itemCode}` });
      items.set(item.itemCode, item.percent);
      if (!isOnGrid(item.percent, framework.percentStep)) {
        problems.push({
          zh: `${who.zh}的评分项 ${item.itemCode} 为 ${item.percent}%，不在 0–100% 的 ${framework.percentStep}% 步长上`,
          en: `${who.en} scores ${item.itemCode} at ${item.percent}%, off the ${framework.percentStep}% grid from 0 to 100%`,
        });
      }
    }
    const missing = codes.filter((c) => !items.has(c));
    if (missing.length) problems.push({ zh: `${who.zh}缺少评分项 ${missing.join('、')}`, en: `${who.en} lacks items ${missing.join(', ')}` });
    const extra = [...items.keys()].filter((c) => !codes.includes(c));
    if (extra.length) problems.push({ zh: `${who.zh}含准则中没有的评分项 ${extra.join('、')}`, en: `${who.en} has items not in the framework: ${extra.join(', ')}` });
  }
  return problems;
}

function declarationProblems(b: ResultBundle, f: BundleFacts): Localized[] {
  const problems: Localized[] = [];
  const seen = new Set<string>();
  for (const d of b.declarations) {
    const code = f.applicantCode(d.applicantId);
    // an applicant this store does not know has no code to name it by: its id means nothing to a reader
    const named = code === undefined ? { zh: '一家本届没有的申报单位', en: 'an applicant not in this edition' } : { zh: `申报单位 ${code}`, en: `applicant ${code}` };
    if (seen.has(d.applicantId)) {
      problems.push({ zh: `对${named.zh}的声明出现两次`, en: `two declarations for ${named.en}` });
    }
    seen.add(d.applicantId);
    if (code === undefined) {
      problems.push({ zh: '有一项声明指向本届没有的申报单位', en: 'a declaration names an applicant who is not in this edition' });
    }
    if (d.conflict && d.reason.trim() === '') {
      problems.push({ zh: `对${named.zh}的冲突声明没有理由`, en: `the conflict declared for ${named.en} has no reason` });
    }
  }
  return problems;
}

export type CheckedEdition = NonNullable<BundleFacts['edition']>;

/**
 * Whether the bundle is for an edition this store holds and comes from the expert it names,
 * signed with that expert's enrolled key.
 */
export function bundleIdentity(
  b: ResultBundle,
  f: BundleFacts,
): { ok: true; edition: CheckedEdition } | { ok: false; refusal: BundleRefusal } {
  if (!f.edition) {
    return {
      ok: false,
      refusal: refusal(
        'bundle.wrong-edition',
        '结果包属于本库中没有的届次',
        'the bundle is for an edition this store does not hold',
      ),
    };
  }
  const problem = identityProblem(b, f);
  return problem ? { ok: false, refusal: problem } : { ok: true, edition: f.edition };
}

/**
 * Everything that must hold before a bundle's sheets may count, as reasons a secretary can read.
 * null: the content may be accepted. Sequence and duplicates are judged by the importer, which
 * knows the bundles already received.
 */
export function bundleContentProblems(
  b: ResultBundle,
  f: BundleFacts,
  edition: CheckedEdition,
): BundleRefusal | null {
  const reasons = [...declarationProblems(b, f), ...sheetProblems(b, f, edition.framework, edition.scoredStages)];
  return reasons.length ? { code: 'bundle.invalid-content', reasons } : null;
}
