/**
 * First pages rendered to PNG (poppler's pdftoppm) under test-results/report-pages/, to be looked
 * at by eye whenever the layout changes; the test checks they exist in the intended orientation.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicantRef, ballotInput, feedbackInput, panelSummaryInput, reportExpert, scoreSheetInput } from '../../src-main/report/assemble.js';
import type { ReportInput } from '../../src-main/report/types.js';
import { a1Material, applicants, declarations, experts, panels, results, sheets, wuxi, xinyang, xinyangApplicants, xinyangResults, corrections } from './fixtures.js';
import { render } from './pdf.js';

const OUT = join(process.cwd(), 'test-results', 'report-pages');

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const reports: { name: string; input: ReportInput; orientation: 'portrait' | 'landscape' }[] = [
  {
    name: 'score-sheet',
    input: scoreSheetInput({ edition: wuxi, applicant: applicantRef(applicants[0]!), expert: reportExpert(experts[0]!), sheet: a1Material[0]!, declaration: declarations[0]! }),
    orientation: 'portrait',
  },
  { name: 'panel-summary', input: panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: ['material'], experts, sheets, results, panels, corrections }), orientation: 'landscape' },
  { name: 'feedback', input: feedbackInput({ edition: wuxi, applicant: applicants[0]!, sheets, results, discloseScores: true }), orientation: 'portrait' },
  { name: 'ballot', input: ballotInput({ edition: xinyang, applicants: xinyangApplicants, results: xinyangResults })!, orientation: 'portrait' },
];

/** A4 in points, as pdftoppm sizes it at 60 dpi (it rounds up) */
const A4_AT_60DPI = [Math.ceil((595.28 * 60) / 72), Math.ceil((841.89 * 60) / 72)];

describe('first pages as images', () => {
  it.each(reports)('$name renders its first page on A4 $orientation', async ({ name, input, orientation }) => {
    mkdirSync(OUT, { recursive: true });
    for (const lang of ['zh', 'en'] as const) {
      const pdfFile = join(OUT, `${name}-${lang}.pdf`);
      writeFileSync(pdfFile, (await render(input, lang)).pdf);
      const prefix = join(OUT, `${name}-${lang}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
      const { width, height } = pngSize(`${prefix}.png`);
      expect(orientation === 'portrait' ? [width, height] : [height, width]).toEqual(A4_AT_60DPI);
    }
  });
});
