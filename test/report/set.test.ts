import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatScore } from '../../src-main/report/format.js';
import { renderPool } from '../../src-main/report/pool.js';
import { checkAccess, parseCallInput } from '../../src-main/features/boundary.js';
import { STORE_CALLS } from '../../src-main/features/index.js';
import { makeReportSet, writeReportSet, type MadeReportSet, type ReportSetProgress } from '../../src-main/report/set.js';
import { pageTexts, squash } from './pdf.js';
import { syntheticEdition } from './synthetic.js';
import { syntheticSources } from './synthetic-service.js';

const data = syntheticEdition(3);
const textOf = async (file: string) => squash((await pageTexts(readFileSync(file))).join('\n'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-set-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the report set', () => {
  const progress: ReportSetProgress[] = [];
  let made: MadeReportSet;
  let paths: string[];
  let setDir: string;
  const fileOf = (f: MadeReportSet['files'][number]) => paths[made.files.indexOf(f)]!;
  beforeAll(async () => {
    setDir = mkdtempSync(join(tmpdir(), 'pingshen-set-all-'));
    made = await makeReportSet(syntheticSources(data), { editionId: data.edition.id, lang: 'zh', discloseScores: true, onProgress: (p) => progress.push(p) });
    paths = await writeReportSet(made, setDir);
  }, 60_000);
  afterAll(() => rmSync(setDir, { recursive: true, force: true }));

  it("writes each applicant's feedback report, the committee's binder of panel summaries and the ranking, and nothing else", () => {
    const expected = [...data.applicants.map((a) => `评审反馈报告-${a.code}.pdf`), '评审组评分汇总表汇编.pdf', '综合评分排名及候选名单.pdf'];
    expect(readdirSync(setDir).sort()).toEqual([...expected].sort());
    expect(paths).toEqual(expected.map((n) => join(setDir, n)));
    for (const f of made.files) {
      const bytes = readFileSync(fileOf(f));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBe(f.bytes.byteLength);
    }
    expect(made.size).toBe(made.files.reduce((s, f) => s + f.bytes.byteLength, 0));
  });

  it("binds every applicant's panel numbers of every stage, each applicant from a new page, with contents", async () => {
    const file = made.files.find((f) => f.kind === 'panel-binder')!;
    expect(file.applicantCode).toBeNull();
    const pages = (await pageTexts(readFileSync(fileOf(file)))).map(squash);
    expect(pages).toHaveLength(file.pages);
    expect(pages[0]).toContain('目录');
    let previous = 0;
    for (const a of data.applicants) {
      const first = pages.findIndex((p, i) => i > 0 && p.includes(`${a.code}${a.name}`) && p.includes('评审阶段材料评审、现场评审、陈述答辩'));
      expect(first).toBeGreaterThan(previous);
      // the contents give the page each applicant starts on
      expect(pages[0]).toContain(`${a.code}${a.name}${first + 1}`);
      const stagePages: number[] = [];
      for (const [stage, zh] of [['material', '材料评审'], ['site', '现场评审'], ['defence', '陈述答辩']] as const) {
        const result = data.results.stageResults.find((r) => r.applicantId === a.id && r.stage === stage)!;
        const page = pages.findIndex((p, i) => i >= first && p.includes(`${zh}评审组专家`) && p.includes(`评审组得分：${formatScore(result.panelScore)}`));
        expect(page).toBeGreaterThanOrEqual(first);
        stagePages.push(page);
      }
      expect(stagePages[0]).toBeLessThan(stagePages[1]!);
      expect(stagePages[1]).toBeLessThan(stagePages[2]!);
      previous = stagePages[2]!;
    }
    expect(pages.at(-1)).toContain(`—${file.pages}—`);
      expect(pages.at(-1)).toContain(`共${file.pages}页`);
  });

  it('reports its progress file by file, up to the whole set', () => {
    expect(progress).toHaveLength(made.files.length);
    expect(progress.map((p) => p.done)).toEqual(made.files.map((_, i) => i + 1));
    expect(progress.every((p) => p.total === made.files.length)).toBe(true);
    expect(new Set(progress.map((p) => p.name))).toEqual(new Set(paths.map((f) => f.slice(setDir.length + 1))));
  });

  it('puts the ranking of all applicants in the set', async () => {
    const ranking = made.files.find((f) => f.kind === 'ranking')!;
    const text = await textOf(fileOf(ranking));
    for (const a of data.applicants) expect(text).toContain(a.code);
  });
});

describe('a report set that fails', () => {
  it('says which report could not be rendered, and leaves the folder as it was', async () => {
    const broken = structuredClone(data.edition);
    (broken.framework.categories[2] as { name: unknown }).name = null;
    const src = { ...syntheticSources(data), edition: () => broken };
    writeFileSync(join(dir, 'earlier.pdf'), 'kept');
    const attempt = makeReportSet(src, { editionId: data.edition.id, lang: 'zh', discloseScores: false, threads: 2 }).then((m) => writeReportSet(m, dir));
    await expect(attempt).rejects.toMatchObject({ code: 'report.render-failed' });
    await expect(attempt).rejects.toSatisfy((e: { localized: { zh: string; en: string } }) => e.localized.zh.includes('未写入任何文件') && /WX2025-00\d|ranking|binder/i.test(e.localized.en));
    expect(readdirSync(dir)).toEqual(['earlier.pdf']);
    expect(readFileSync(join(dir, 'earlier.pdf'), 'utf8')).toBe('kept');
  });

  it('refuses an expert, and bad options, before writing anything', async () => {
    const call = STORE_CALLS['reports.makeSet'];
    expect(() => checkAccess(call.access, 'expert')).toThrow(expect.objectContaining({ code: 'session.wrong-role' }));
    expect(() => parseCallInput('reports.makeSet', call, { editionId: data.edition.id, lang: 'fr' })).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects the reports of a render thread that dies, queued ones included', async () => {
    const pool = renderPool(1, () => new Worker('process.exit(3)', { eval: true }));
    const first = pool.render({ report: 'ranking' } as never, 'zh', new Date());
    const second = pool.render({ report: 'ranking' } as never, 'zh', new Date());
    await expect(first).rejects.toThrow('exit code 3');
    await expect(second).rejects.toThrow('exit code 3');
    await pool.close();
  });
});
