import type { Localized } from '../../domain/localized.js';
import { refuse } from '../../domain/errors.js';
import { STAGE_NAMES } from '../../domain/words.js';
import type { EditionResults } from '../../scoring/results.js';
import type { IncompleteLetterInput, NotShortlistedLetterInput } from '../../report/types.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { latestEligibilityEvent, letterReasonOf } from '../repo/eligibility.js';
import { getApplicant } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { LM } from '../../report/letter-messages.js';

/**
 * The reason a not-shortlisted applicant reads, made from the scores: its score in the shortlist's
 * stage, its place among those scored and the shortlist's size. Null for an applicant that is on
 * the shortlist, or while no shortlist is decided.
 */
export function notShortlistedDraft(results: EditionResults, applicantId: string): Localized | null {
  const shortlist = results.shortlist;
  const stage = results.rules.shortlist?.afterStage;
  if (!shortlist || !stage || shortlist.applicantIds.includes(applicantId)) return null;
  const ranked = results.stageResults.filter((r) => r.stage === stage && r.panelScore !== null).sort((a, b) => b.panelScore! - a.panelScore!);
  if (!ranked.some((r) => r.applicantId === applicantId) && !results.ranking.some((r) => r.applicant.id === applicantId)) return null;
  const at = ranked.findIndex((r) => r.applicantId === applicantId);
  const name = STAGE_NAMES[stage];
  if (at < 0) return LM.notShortlisted.unscored(name, shortlist.size);
  const rank = ranked.findIndex((r) => r.panelScore === ranked[at]!.panelScore) + 1;
  return LM.notShortlisted.fromScores(name, ranked[at]!.panelScore!.toFixed(2), rank, ranked.length, shortlist.size);
}

export async function makeLetter(ctx: Ctx, applicantId: string, kind: 'incomplete' | 'not-shortlisted', lang: 'zh' | 'en') {
  const a = getApplicant(ctx, applicantId);
  const edition = getEdition(ctx, a.editionId);
  const { reportEdition, applicantRef } = await import('../../report/assemble.js');
  let input: IncompleteLetterInput | NotShortlistedLetterInput;
  if (kind === 'incomplete') {
    const last = latestEligibilityEvent(ctx, a.id);
    if (last?.state !== 'incomplete') {
      throw refuse('eligibility.no-request', `${a.code} 没有待补正的材料：请先记录缺少哪些材料。`, `${a.code} has no request for missing materials: record what is missing first.`);
    }
    input = { report: 'incomplete-letter', edition: reportEdition(edition), applicant: applicantRef(a), missing: last.missing, dueDay: last.dueDay, note: last.note };
  } else {
    const results = editionResults(ctx, a.editionId);
    const draft = notShortlistedDraft(results, a.id);
    const stage = results.rules.shortlist?.afterStage;
    if (!draft || !stage) {
      throw refuse(
        'eligibility.not-unshortlisted',
        `${a.code} 不需要未入围告知书：入围名单尚未确定，或该单位已入围。`,
        `${a.code} takes no notice of not being shortlisted: the shortlist is not decided yet, or it is on it.`,
      );
    }
    input = { report: 'not-shortlisted-letter', edition: reportEdition(edition), applicant: applicantRef(a), stage, reason: letterReasonOf(ctx, a.id) ?? draft[lang] };
  }
  const [{ buildReport }, { renderReport }, { reportFingerprint }, { reportFileName }] = await Promise.all([
    import('../../report/build.js'),
    import('../../report/render.js'),
    import('../../report/fingerprint.js'),
    import('../../report/service.js'),
  ]);
  const { pdf, pages } = await renderReport(buildReport(input, { lang, generatedAt: new Date(ctx.now()) }));
  return { fileName: reportFileName(input, lang), bytes: new Uint8Array(pdf), pages, fingerprint: reportFingerprint(input) };
}
