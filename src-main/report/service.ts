/**
 * makeReport: gathers the report's data from what the caller may read (so the role's rules
 * apply), builds and renders it. The PDF comes back as bytes; where it is saved is the host's
 * business.
 */
import { buildReport } from './build.js';
import { reportFingerprint } from './fingerprint.js';
import { gatherForExpert } from './gather-expert.js';
import { gatherForSecretariat } from './gather-secretariat.js';
import { renderReport } from './render.js';
import type { ReportRequest } from './request.js';
import type { ReportSources } from './sources.js';
import { M } from './messages.js';
import type { ReportInput, ReportLang } from './types.js';
import { namedFile } from '../domain/file-names.js';

export interface MadeReport {
  fileName: string;
  pdf: Uint8Array;
  pages: number;
  /** SHA-256 of the report's data, as printed on its pages */
  fingerprint: string;
}

function gather(src: ReportSources, req: ReportRequest): ReportInput {
  return src.role === 'secretariat' ? gatherForSecretariat(src, req) : gatherForExpert(src, req);
}

/**
 * A name that says what the PDF is and whose: 评分表-WX2025-004-E03-材料评审.pdf,
 * 评审反馈报告-WX2025-004.pdf, 综合评分排名及候选名单-2025年度无锡市市长质量奖.pdf; never an id.
 */
export function reportFileName(input: ReportInput, lang: ReportLang): string {
  const title = M.titles[input.report][lang];
  const stage = (s: keyof typeof M.stage) => M.stage[s][lang];
  switch (input.report) {
    case 'score-sheet':
      return namedFile([title, input.applicant.code, input.expert.code ?? input.expert.name ?? '', stage(input.stage)], '.pdf');
    case 'panel-summary':
      return namedFile([title, input.applicant.code, ...input.stages.map((s) => stage(s.stage))], '.pdf');
    case 'feedback':
    case 'incomplete-letter':
    case 'not-shortlisted-letter':
      return namedFile([title, input.applicant.code], '.pdf');
    default:
      return namedFile([title, input.edition.name], '.pdf');
  }
}

export async function makeReport(src: ReportSources, req: ReportRequest): Promise<MadeReport> {
  const input = gather(src, req);
  const reader = src.role === 'expert' ? src.me(req.editionId) : undefined;
  const { pdf, pages } = await renderReport(buildReport(input, { lang: req.lang, generatedAt: new Date(), ...(reader ? { reader: { code: reader.code, name: reader.name } } : {}) }));
  return { fileName: reportFileName(input, req.lang), pdf, pages, fingerprint: reportFingerprint(input) };
}
