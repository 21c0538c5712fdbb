/**
 * Report benchmark (issue 4): the full set for an edition of 100 applicants — a feedback report
 * for each, a panel summary for each applicant and stage, and the ranking — built from synthetic
 * data and rendered with the subset CJK font. Target: under 20 s and under 10 MB in all.
 */
import type { Stage } from '../src-main/domain/types.js';
import { feedbackInput, panelSummaryInput, rankingInput } from '../src-main/report/assemble.js';
import { buildReport } from '../src-main/report/build.js';
import { renderReport } from '../src-main/report/render.js';
import type { ReportInput } from '../src-main/report/types.js';
import { syntheticEdition } from '../test/report/synthetic.js';

export interface ReportBench {
  applicants: number;
  ms: number;
  /** CPU time of this process: on a shared machine it varies less than the wall clock */
  cpuMs: number;
  totalBytes: number;
  files: number;
  pages: number;
  targets: { ms: number; bytes: number };
  withinTargets: boolean;
}

export async function benchReports(applicantCount = 100): Promise<ReportBench> {
  const data = syntheticEdition(applicantCount);
  const stages: Stage[] = data.edition.profile.stages.map((s) => s.stage);
  const generatedAt = new Date();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const inputs: ReportInput[] = [rankingInput(data)];
  for (const applicant of data.applicants) {
    inputs.push(feedbackInput({ ...data, applicant, discloseScores: true }));
    for (const stage of stages) inputs.push(panelSummaryInput({ ...data, applicant, stage }));
  }
  let totalBytes = 0;
  let pages = 0;
  for (const input of inputs) {
    const rendered = await renderReport(buildReport(input, { lang: 'zh', generatedAt }));
    totalBytes += rendered.pdf.length;
    pages += rendered.pages;
  }
  const ms = Math.round(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const targets = { ms: 20_000, bytes: 10 * 1024 * 1024 };
  return {
    applicants: applicantCount,
    ms,
    cpuMs,
    totalBytes,
    files: inputs.length,
    pages,
    targets,
    withinTargets: ms < targets.ms && totalBytes < targets.bytes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchReports(), null, 2));
}
