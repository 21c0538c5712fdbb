/**
 * makeReport: the one entry point the CLI and the app call. It gathers the report's data through
 * the caller's own service (so the role's rules apply), builds, renders and writes the PDF.
 */
import type { ExpertService, SecretariatService } from '../services/api.js';
import { buildReport } from './build.js';
import { reportFingerprint } from './fingerprint.js';
import { gatherForExpert } from './gather-expert.js';
import { gatherForSecretariat } from './gather-secretariat.js';
import { renderReport } from './render.js';
import { parseRequest, type ReportRequest, type ReportRequestInput } from './request.js';
import type { ReportInput } from './types.js';
import { writeAtomically } from './write.js';

export interface MadeReport {
  file: string;
  bytes: number;
  pages: number;
  /** SHA-256 of the report's data, as printed on its pages */
  fingerprint: string;
}

function gather(svc: SecretariatService | ExpertService, req: ReportRequest): ReportInput {
  return svc.info().role === 'secretariat'
    ? gatherForSecretariat(svc as SecretariatService, req)
    : gatherForExpert(svc as ExpertService, req);
}

export async function makeReport(
  svc: SecretariatService | ExpertService,
  request: ReportRequestInput,
  outFile: string,
): Promise<MadeReport> {
  const { request: req, outFile: out } = parseRequest(request, outFile);
  const input = gather(svc, req);
  const { pdf, pages } = await renderReport(buildReport(input, { lang: req.lang, generatedAt: new Date() }));
  const file = await writeAtomically(out, pdf);
  return { file, bytes: pdf.length, pages, fingerprint: reportFingerprint(input) };
}
