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
import type { ReportInput } from './types.js';
import { safeFileName } from '../domain/file-names.js';

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

/** A name that says what the PDF is: kind, applicant and stage where given, language. */
export function reportFileName(r: ReportRequest): string {
  const parts: string[] = [r.kind, r.editionId.slice(0, 8)];
  if ('applicantId' in r && r.applicantId) parts.push(r.applicantId.slice(0, 8));
  if ('stage' in r && r.stage) parts.push(r.stage);
  parts.push(r.lang);
  return safeFileName(`pingshen-${parts.join('-')}.pdf`);
}

export async function makeReport(src: ReportSources, req: ReportRequest): Promise<MadeReport> {
  const input = gather(src, req);
  const { pdf, pages } = await renderReport(buildReport(input, { lang: req.lang, generatedAt: new Date() }));
  return { fileName: reportFileName(req), pdf, pages, fingerprint: reportFingerprint(input) };
}
