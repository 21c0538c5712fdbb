import { committeeView } from '../../src-main/scoring/committee.js';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../../src-main/domain/words.js';
import type { AssignmentView } from '../../src-main/domain/review.js';
import { parseCallInput } from '../../src-main/features/boundary.js';
import { STORE_CALLS } from '../../src-main/features/index.js';
import type { ReportRequest } from '../../src-main/report/request.js';
import { makeReport } from '../../src-main/report/service.js';
import type { ExpertSources, ReportSources, SecretariatSources } from '../../src-main/report/sources.js';
import { saveFile } from '../../src-main/store/atomic-write.js';
import { a1Material, applicants, bundles, declarations, experts, panels, results, sheets, wuxi, xinyang, xinyangApplicants, xinyangResults, corrections } from './fixtures.js';
import { pageTexts, squash } from './pdf.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const assignment = (applicantIndex: number, stage: Stage, declaration: AssignmentView['declaration']): AssignmentView => {
  const a = applicants[applicantIndex]!;
  return {
    applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
    stage,
    declaration,
    sheetStatus: declaration && !declaration.conflict ? 'submitted' : 'none',
    scoredItems: 23,
    totalItems: 23,
    returnReason: null,
  };
};

/** 王建国's own store: he declared no conflict with WX2025-001, a conflict with WX2025-003, nothing yet on WX2025-002. */
function expertStore() {
  const openSheet = vi.fn(() => a1Material[0]!);
  const svc: ExpertSources = {
    role: 'expert',
    edition: () => wuxi,
    me: () => ({ id: 'ex-1', code: 'E01', name: '王建国' }),
    assignments: () => [
      assignment(0, 'material', declarations[0]!),
      assignment(2, 'material', { expertId: 'ex-1', applicantId: 'ap-3', conflict: true, reason: '曾任该单位顾问', declaredAt: '2025-05-20T01:00:00.000Z', source: 'expert', lifted: null }),
      assignment(1, 'material', null),
    ],
    sheet: openSheet,
  };
  return { svc, openSheet };
}

function secretariatStore(edition = wuxi): SecretariatSources {
  const xy = edition.id === xinyang.id;
  return {
    role: 'secretariat',
    edition: () => edition,
    applicants: () => (xy ? xinyangApplicants : applicants),
    experts: () => experts,
    sheets: (_: string, f: { applicantId?: string; stage?: Stage; expertId?: string } = {}) =>
      sheets.filter((s) => (!f.applicantId || s.applicantId === f.applicantId) && (!f.stage || s.stage === f.stage) && (!f.expertId || s.expertId === f.expertId)),
    results: () => (xy ? xinyangResults : results),
    panels: () => (xy ? [] : panels),
    declarations: () => declarations,
    bundles: () => bundles,
    corrections: () => (xy ? [] : corrections),
    consensus: () => [],
    awardList: (id) => committeeView({ editionId: id, results: xy ? xinyangResults : results, vote: edition.profile.committeeVote?.fraction ?? null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null }).awardList,
    decisions: () => ({ confirmations: [], settlements: [], tallies: [], notices: [], finalList: null, objections: [] }),
  };
}

type RequestInput = { kind: ReportRequest['kind']; editionId: string; lang: 'zh' | 'en'; applicantId?: string; expertId?: string; stage?: Stage; discloseScores?: boolean };
const request = (r: Partial<RequestInput> & Pick<RequestInput, 'kind'>): RequestInput => ({ editionId: wuxi.id, lang: 'zh', ...r });

/** As a caller meets it: the request checked where it crosses in, the report made, the PDF saved. */
async function produce(src: ReportSources, req: RequestInput, out: string) {
  const parsed = parseCallInput('reports.make', STORE_CALLS['reports.make'], req) as ReportRequest;
  const made = await makeReport(src, parsed);
  return { file: saveFile(out, made.pdf), bytes: made.pdf.byteLength, pages: made.pages, fingerprint: made.fingerprint };
}

async function textOf(file: string): Promise<string> {
  return squash((await pageTexts(readFileSync(file))).join(''));
}

describe('report file names', () => {
  it('say what each PDF is and whose, by codes and names, never by an id', async () => {
    const name = async (r: Partial<RequestInput> & Pick<RequestInput, 'kind'>) =>
      (await makeReport(secretariatStore(), parseCallInput('reports.make', STORE_CALLS['reports.make'], request(r)) as ReportRequest)).fileName;
    expect(await name({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'material', expertId: 'ex-1' })).toBe('评分表-WX2025-001-E01-材料评审.pdf');
    expect(await name({ kind: 'panel-summary', applicantId: 'ap-1' })).toBe('评审组评分汇总表-WX2025-001-材料评审-现场评审.pdf');
    expect(await name({ kind: 'feedback', applicantId: 'ap-1' })).toBe('评审反馈报告-WX2025-001.pdf');
    expect(await name({ kind: 'ranking' })).toBe('综合评分排名及候选名单-无锡市市长质量奖.pdf');
    expect(await name({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'material', expertId: 'ex-1', lang: 'en' })).toBe('Score-sheet-WX2025-001-E01-Material-review.pdf');
  });
});

describe('an expert printing', () => {
  it('gets their own score sheet for an applicant they declared no conflict with', async () => {
    const { svc, openSheet } = expertStore();
    const out = join(dir, '评分表.pdf');
    const made = await produce(svc, request({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'material' }), out);
    expect(made.file).toBe(out);
    expect(made.bytes).toBe(statSync(out).size);
    expect(made.pages).toBe(2);
    expect(made.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(openSheet).toHaveBeenCalledTimes(1);
    const text = await textOf(out);
    expect(text).toContain('总分1000600.00');
    expect(text).toContain('评审专家王建国（E01）');
    expect(text).not.toContain('请填写姓名');
    expect(text).toContain(made.fingerprint);
    // every page names who printed it, and when (Beijing time)
    expect(text.match(/王建国（E01）打印\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/g)).toHaveLength(2);
  });

  it.each([
    ['a report other than a score sheet', request({ kind: 'ranking' }), '只能打印本人的评分表'],
    ["the committee's binder of panel summaries", request({ kind: 'panel-binder' }), '只能打印本人的评分表'],
    ['an applicant they declared a conflict with', request({ kind: 'score-sheet', applicantId: 'ap-3', stage: 'material' }), '利害关系'],
    ['an applicant they have not declared on', request({ kind: 'score-sheet', applicantId: 'ap-2', stage: 'material' }), '尚未就该申报单位声明'],
    ['an applicant not assigned to them', request({ kind: 'score-sheet', applicantId: 'ap-4', stage: 'material' }), '不在您的评审任务中'],
    ['a stage not assigned to them', request({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'site' }), '不在您的评审任务中'],
    ["another expert's sheet", request({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'material', expertId: 'ex-2' }), '您只能打印本人的评分表'],
  ])('is refused %s, and nothing is read or written', async (_, req, zh) => {
    const { svc, openSheet } = expertStore();
    const out = join(dir, 'refused.pdf');
    const attempt = produce(svc, req, out);
    await expect(attempt).rejects.toMatchObject({ code: 'report.forbidden' });
    await expect(attempt).rejects.toSatisfy((e: { localized: { zh: string; en: string } }) => e.localized.zh.includes(zh) && e.localized.en.length > 0);
    expect(openSheet).not.toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the secretariat printing', () => {
  it.each([
    { req: request({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'material', expertId: 'ex-2' }), expected: ['李秀英（E02）', '总分1000724.00', '声明时间：2025年5月20日10:40'] },
    { req: request({ kind: 'panel-summary', applicantId: 'ap-1', stage: 'material' }), expected: ['评审组得分：604.17'] },
    { req: request({ kind: 'panel-summary', applicantId: 'ap-1' }), expected: ['评审阶段材料评审、现场评审', '评审组得分：604.17', '评审组得分：812.50'] },
    { req: request({ kind: 'panel-binder' }), expected: ['目录', 'WX2025-001无锡华光精密机械股份有限公司', '评审组得分：604.17', '评审组得分：812.50'] },
    { req: request({ kind: 'feedback', applicantId: 'ap-1', discloseScores: true }), expected: ['合计1000604.17812.50'] },
    { req: request({ kind: 'ranking' }), expected: ['1WX2025-001无锡华光精密机械股份有限公司604.17812.50790.00745.50'] },
    { req: request({ kind: 'recusals' }), expected: ['其配偶在该单位任职'] },
    { req: request({ kind: 'receipt' }), expected: ['拒收2个'] },
  ])('makes the $req.kind report from the service data', async ({ req, expected }) => {
    const out = join(dir, `${req.kind}.pdf`);
    const made = await produce(secretariatStore(), req, out);
    expect(made.bytes).toBe(statSync(out).size);
    const text = await textOf(out);
    for (const e of expected) expect(text).toContain(e);
    expect(text).toContain(`共${made.pages}页`);
    expect(text).toContain('—1—');
  });

  it('makes the ballot where the profile decides by vote, and refuses it elsewhere', async () => {
    const made = await produce(secretariatStore(xinyang), request({ kind: 'ballot', editionId: xinyang.id, lang: 'en' }), join(dir, 'ballot.pdf'));
    expect(await textOf(made.file)).toContain('Votesneeded445667889101011');
    await expect(produce(secretariatStore(), request({ kind: 'ballot' }), join(dir, 'no.pdf'))).rejects.toMatchObject({ code: 'report.no-vote' });
  });

  it('refuses a request that lacks what its kind needs, or names an applicant the edition does not have', async () => {
    const svc = secretariatStore();
    await expect(produce(svc, request({ kind: 'panel-summary', stage: 'site' }), join(dir, 'a.pdf'))).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(produce(svc, request({ kind: 'score-sheet', applicantId: 'ap-1', stage: 'site' }), join(dir, 'b.pdf'))).rejects.toMatchObject({ code: 'report.invalid-request' });
    await expect(produce(svc, request({ kind: 'ranking', stage: 'site' }), join(dir, 'c.pdf'))).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(produce(svc, request({ kind: 'feedback', applicantId: 'ap-99' }), join(dir, 'd.pdf'))).rejects.toMatchObject({ code: 'report.not-found' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const out = join(dir, 'ranking.pdf');
    writeFileSync(out, 'old');
    const made = await produce(secretariatStore(), request({ kind: 'ranking' }), out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(out).size).toBe(made.bytes);
    expect(readdirSync(dir)).toEqual(['ranking.pdf']);
  });

  it('says where it could not write, and writes nothing', async () => {
    const out = join(dir, 'missing-folder', 'ranking.pdf');
    await expect(produce(secretariatStore(), request({ kind: 'ranking' }), out)).rejects.toMatchObject({ code: 'file.write-failed' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
