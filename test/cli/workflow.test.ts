import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionResults } from '../../src-main/scoring/results.js';
import type { BundleOutcome, BundleRecord } from '../../src-main/domain/files.js';
import { loadIdentity } from '../../src-main/crypto/identity.js';
import { openSealed, seal } from '../../src-main/seal/envelope.js';
import { openStore } from '../../src-main/store/open.js';
import { makePdf } from '../../src-main/cli/demo/pdf.js';
import { pageTexts, squash } from '../report/pdf.js';
import { Actor, flipByte } from './helpers.js';
import { A, APPLICANTS, B, C, CONFLICT_REASON, prepareWorkflow, STRENGTH, type Prepared } from './workflow.js';

let w: Prepared;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-'));
  w = await prepareWorkflow(dir);
}, 150_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ranking = async (actor: Actor) => (await actor.json<EditionResults>('results')).ranking.map((r) => [r.applicant.code, r.weightedTotal, r.rank]);

describe('the whole review through the CLI', () => {
  it('ranks the applicants by the Wuxi weights and names the candidates a committee would see', async () => {
    const results = await w.sec.json<EditionResults>('results');
    // A: (750 + 700 + 750) / 3 in every stage; B: (550 + 600 + 550) / 3; C: E03 recused, (400 + 400) / 2
    expect(results.ranking.map((r) => [r.applicant.code, r.stageScores.material, r.stageScores.site, r.stageScores.defence, r.weightedTotal, r.rank])).toEqual([
      [A, 733.33, 733.33, 733.33, 733.33, 1],
      [B, 566.67, 566.67, 566.67, 566.67, 2],
      [C, 400, 400, 400, 400, 3],
    ]);
    const status = Object.fromEntries(results.candidates.entries.map((e) => [results.ranking.find((r) => r.applicant.id === e.applicantId)?.applicant.code, e.status]));
    expect(status).toEqual({ [A]: 'award', [B]: 'nomination', [C]: 'below-floor' });
    expect(results.candidates.unfilled.award.unit).toBe(4);
    // Wuxi sends 20 on from the material review, so all three were shortlisted
    expect(results.shortlist?.applicantIds).toHaveLength(3);
  });

  it('prints the ranking as an aligned Chinese table with two decimals', async () => {
    const out = await w.sec.ok('results');
    const line = (code: string) => out.split('\n').find((l) => l.includes(code)) ?? '';
    expect(line(A)).toMatch(/^\s*1\s+WX2025-001\s+无锡恒瑞达精密机械有限公司\s+733\.33\s+733\.33\s+733\.33\s+733\.33\s+是\s+质量奖候选$/);
    expect(line(B)).toContain('提名奖候选');
    expect(line(C)).toContain('未达分数线');
    // CJK names take two columns each, so the score columns start at the same screen column
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(width(line(A).slice(0, line(A).indexOf('733.33')))).toBe(width(line(B).slice(0, line(B).indexOf('566.67'))));
    expect(out).toContain('质量奖候选 (1)');
  });


  it('saves the results as Excel with --xlsx: the ranking and a sheet per stage', async () => {
    const file = join(dir, '结果.xlsx');
    await w.sec.ok('results', '--xlsx', file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['排名', '材料评审评分', '现场评审评分', '陈述答辩评分']);
    const first = wb.getWorksheet('排名')!.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(7).value]).toEqual([1, A, 733.33]);
  });

  it('keeps the conflicted expert out: no score, no materials, and the register shows every declaration', async () => {
    expect(w.recusedScore.code).toBe(1);
    expect(w.recusedScore.stderr.trim()).toBe(`您与申报单位 ${C} 存在利益冲突（已回避）：不能查看其材料或评分。`);
    expect(w.recusedMaterials.code).toBe(1);
    const lines = (await w.sec.ok('recusal', 'list')).split('\n');
    expect(lines.find((l) => l.includes(CONFLICT_REASON))).toMatch(/WX2025-003\s+E03\s+王建国\s+有（回避）\s+专家申明/);
    // the eight declarations of no conflict are on the register too, with their times
    const clear = lines.filter((l) => /\s无\s+专家申明\s/.test(l));
    expect(clear).toHaveLength(8);
    expect(clear[0]).toMatch(/^\s*WX2025-001\s+E01\s/);
    expect(clear.every((l) => /\d{4}-\d{2}-\d{2}/.test(l))).toBe(true);
  });

  it('lists the materials to an expert who declared no conflict', async () => {
    const out = await w.experts.E01!.ok('material', 'list', A);
    expect(out).toMatch(/WX2025-001\s+WX2025-001-自评报告\.pdf\s+\d+/);
  });

  it('refuses a percentage off the 5 % grid or above 100 % with one sentence and exit 2', () => {
    expect(w.offGrid.code).toBe(2);
    expect(w.offGrid.stderr.trim()).toBe('得分率 57% 无效：应为 0 到 100 之间、以 5% 为步长的整数，如 55。');
    expect(w.aboveRange.code).toBe(2);
    expect(w.aboveRange.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows the expert their locked sheet with the comments they typed', async () => {
    const out = await w.experts.E01!.ok('score', 'show', A, 'material');
    expect(out).toContain('已提交（锁定）');
    expect(out).toMatch(/合计\s+750\.00 \/ 1000/);
    expect(out).toMatch(/4\.1\.2\s+高层领导的作用\s+50\s+75%\s+37\.50\s+质量文化建设扎实/);
  });

  it('keeps applicant names and comments out of the store file, the packages and the bundles', () => {
    const files = [join(dir, 'secretariat.db'), ...w.packages, ...Object.values(w.bundles).flat()];
    const secrets = [...APPLICANTS.map((a) => String(a[1])), STRENGTH, CONFLICT_REASON].map((s) => Buffer.from(s, 'utf8'));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${file} holds "${secret.toString()}"`).toBe(false);
    }
  });
});

describe('bundles that must be refused whole', () => {
  const importJson = async (...files: string[]) => {
    const r = await w.sec.run('--json', 'bundle', 'import', ...files);
    return { code: r.code, stderr: r.stderr, outcomes: JSON.parse(r.stdout) as BundleOutcome[] };
  };

  it('refuses a bundle altered at any of several bytes, or truncated, and the ranking stays', async () => {
    const before = await ranking(w.sec);
    const good = new Uint8Array(readFileSync(w.bundles.E01!.at(-1)!));
    const positions = [0, 25, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 20, good.length - 1];
    const files = positions.map((at) => {
      const file = join(dir, `altered-${at}.psbundle`);
      writeFileSync(file, flipByte(good, at));
      return file;
    });
    const truncated = join(dir, 'truncated.psbundle');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    const { code, stderr, outcomes } = await importJson(...files, truncated);
    expect(code).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(Array(files.length + 1).fill('refused'));
    expect(stderr.trim()).toBe(`${files.length + 1} 个结果包被拒收，原因见上；其余已处理。`);
    expect(await ranking(w.sec)).toEqual(before);
  });

  it('takes the same bundle twice as a duplicate that changes nothing', async () => {
    const { code, outcomes } = await importJson(w.bundles.E02!.at(-1)!);
    expect(code).toBe(0);
    expect(outcomes[0]?.status).toBe('duplicate');
  });

  it('refuses a replayed earlier bundle, and an already superseded one changes nothing', async () => {
    const before = await ranking(w.sec);
    const { code, outcomes } = await importJson(w.earlyBundle, w.bundles.E01![0]!);
    expect(code).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: 'refused', reason: { zh: expect.stringContaining('重放') } });
    expect(outcomes[1]?.status).toBe('duplicate');
    expect(await ranking(w.sec)).toEqual(before);
  });

  describe('forged bundles', () => {
    let secretariat: ReturnType<typeof loadIdentity>;
    let e01: ReturnType<typeof loadIdentity>;
    let e02: ReturnType<typeof loadIdentity>;
    let payload: Record<string, unknown>;

    beforeAll(async () => {
      const identityOf = async (actor: Actor) => {
        const store = await openStore({ path: actor.store, passphrase: readFileSync(actor.passphraseFile, 'utf8').trim() });
        try {
          return loadIdentity(store.db);
        } finally {
          store.close();
        }
      };
      secretariat = await identityOf(w.sec);
      e01 = await identityOf(w.experts.E01!);
      e02 = await identityOf(w.experts.E02!);
      const opened = await openSealed({
        bytes: new Uint8Array(readFileSync(w.bundles.E01!.at(-1)!)),
        kind: 'result-bundle',
        identity: secretariat.boxIdentity,
        resolveSigner: (kid) => kid,
      });
      payload = opened.payload as Record<string, unknown>;
    });

    const sealAs = async (signer: ReturnType<typeof loadIdentity>, content: Record<string, unknown>, name: string) => {
      const bytes = await seal({
        kind: 'result-bundle',
        payload: content,
        signer: { privateKeyPkcs8: signer.signPrivate, kid: signer.signPublic },
        recipients: [secretariat.boxRecipient],
      });
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };

    it('refuses E01’s results re-signed by another enrolled expert', async () => {
      const file = await sealAs(e02, { ...payload, bundleId: randomUUID(), sequence: 9 }, 're-signed.psbundle');
      const { code, outcomes } = await importJson(file);
      expect(code).toBe(1);
      expect(outcomes[0]).toMatchObject({ status: 'refused', reason: { zh: expect.stringContaining('冒名') } });
    });

    it('refuses a genuinely signed bundle for another edition', async () => {
      const file = await sealAs(e01, { ...payload, bundleId: randomUUID(), sequence: 9, editionId: randomUUID() }, 'other-edition.psbundle');
      const { code, outcomes } = await importJson(file);
      expect(code).toBe(1);
      expect(outcomes[0]).toMatchObject({ status: 'refused', reason: { en: expect.stringContaining('edition') } });
    });

    it('keeps the refusals of this edition’s bundles in the register while the accepted ones stand', async () => {
      const records = await w.sec.json<BundleRecord[]>('bundle', 'list');
      expect(records.filter((r) => r.status === 'accepted')).toHaveLength(3);
      expect(records.filter((r) => r.status === 'superseded')).toHaveLength(3);
      expect(records.filter((r) => r.status === 'refused').map((r) => r.reason?.zh ?? '')).toEqual(
        expect.arrayContaining([expect.stringContaining('冒名'), expect.stringContaining('重放')]),
      );
    });
  });
});

describe('refusals a user meets', () => {
  it('refuses a wrong passphrase with exit 1, one sentence, and leaves the store file untouched', async () => {
    const store = join(dir, 'secretariat.db');
    const before = readFileSync(store);
    const wrong = join(dir, 'wrong.pass');
    writeFileSync(wrong, 'not the passphrase at all');
    const r = await new Actor(store, wrong).run('results');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('口令不正确');
    expect(r.stdout).toBe('');
    expect(readFileSync(store).equals(before)).toBe(true);
    const en = await new Actor(store, wrong).run('--lang', 'en', 'results');
    expect(en.stderr).toMatch(/passphrase/i);
  });

  it('refuses a secretariat command on an expert store', async () => {
    const r = await w.experts.E01!.run('results');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('此命令只能在秘书处库上运行，而所给的是专家库。');
  });

  it('prints machine-readable JSON for lists', async () => {
    const applicants = await w.sec.json<{ code: string; name: string }[]>('applicant', 'list');
    expect(applicants.map((a) => a.code)).toEqual([A, B, C]);
    const assignments = await w.experts.E03!.json<{ applicant: { code: string }; declaration: { conflict: boolean } | null }[]>('assignments');
    expect(assignments.filter((a) => a.declaration?.conflict).map((a) => a.applicant.code)).toEqual([C, C, C]);
    const owed = await w.sec.json<unknown[]>('owed');
    expect(owed).toEqual([]);
  });

  it('writes the committee’s ranking report as a PDF', async () => {
    const file = join(dir, 'ranking.pdf');
    const made = await w.sec.json<{ file: string; pages: number }>('report', 'ranking', '--out', file);
    expect(made.pages).toBeGreaterThan(0);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes the whole report set for the committee into a folder', async () => {
    const out = join(dir, 'set');
    const made = await w.sec.json<{ files: { file: string; kind: string }[] }>('report-set', '--out', out);
    const kinds = made.files.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'ranking')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'feedback').length).toBeGreaterThan(0);
    for (const f of made.files) expect(readFileSync(f.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('prints the scores by category in the feedback report only with --disclose-scores', async () => {
    const text = async (file: string) => squash((await pageTexts(new Uint8Array(readFileSync(file)))).join('\n'));
    const hidden = join(dir, 'feedback.pdf');
    const shown = join(dir, 'feedback-scores.pdf');
    await w.sec.ok('report', 'feedback', '--applicant', A, '--out', hidden);
    await w.sec.ok('report', 'feedback', '--applicant', A, '--disclose-scores', '--out', shown);
    expect(await text(hidden)).not.toContain('各类目得分');
    expect(await text(shown)).toContain('各类目得分');
    expect(await text(shown)).toContain('733.33');
    const misplaced = await w.sec.run('report', 'ranking', '--disclose-scores', '--out', join(dir, 'r.pdf'));
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr.trim()).toBe('--disclose-scores 只用于反馈报告（report feedback）。');
  });

  it('keeps an intact audit chain in every store', async () => {
    for (const actor of [w.sec, w.experts.E03!]) {
      const check = await actor.json<{ ok: boolean; length: number }>('audit', '--verify');
      expect(check.ok).toBe(true);
      expect(check.length).toBeGreaterThan(3);
    }
  });
});

/** Issue 9 from the command line, after the review above: each correction, its refusal, and what the expert is told. */
describe('corrections through the CLI', () => {
  it('corrects an applicant’s name, which the results then carry and the package status announces', async () => {
    await w.sec.ok('applicant', 'update', B, '--name', '宜兴市竹海生态茶业股份有限公司', '--reason', '营业执照名称');
    const results = await w.sec.json<EditionResults>('results');
    expect(results.ranking.find((r) => r.applicant.code === B)?.applicant.name).toBe('宜兴市竹海生态茶业股份有限公司');
    const status = await w.sec.ok('package', 'status');
    expect(status).toContain('E01 张明远：评审包已过期，新包将带来：');
    expect(status).toContain(`申报单位信息更正：${B} 宜兴市竹海生态茶业有限公司 → ${B} 宜兴市竹海生态茶业股份有限公司`);
  });

  it('returns a sheet; the expert is told why, revises it, and the resubmitted version counts', async () => {
    const idOfA = (await w.sec.json<EditionResults>('results')).ranking.find((r) => r.applicant.code === A)!.applicant.id;
    const totalsOfA = async () => (await w.sec.json<EditionResults>('results')).stageResults.find((s) => s.stage === 'material' && s.applicantId === idOfA)?.expertTotals.length;
    expect(await totalsOfA()).toBe(3);
    await w.sec.ok('sheet', 'return', 'E02', A, 'material', '--reason', '4.1.2 评语与得分不一致');
    expect(await totalsOfA()).toBe(2);
    const [pkg] = await w.sec.json<{ file: string }[]>('package', 'export', '--out', join(dir, 'packages-return'), '--expert', 'E02');
    const imported = await w.experts.E02!.ok('package', 'import', pkg!.file);
    expect(imported).toContain('此评审包带来的更改：');
    expect(imported).toContain(`${A}（材料评审）的评分表第 1 版被退回修改：4.1.2 评语与得分不一致`);
    await w.experts.E02!.ok('score', 'set', A, 'material', '4.1.2', '80');
    await w.experts.E02!.ok('sheet', 'submit', A, 'material');
    const out = join(dir, 'bundles', 'E02-revised.psbundle');
    await w.experts.E02!.ok('bundle', 'export', '--out', out);
    expect(await w.sec.ok('bundle', 'import', out)).toMatch(/^已接收/m);
    expect(await totalsOfA()).toBe(3);
  });

  it('lifts a recusal, keeping it in the register', async () => {
    await w.sec.ok('recusal', 'lift', 'E03', C, '--source', 'expert', '--reason', '经核实，咨询合同未签订');
    const register = await w.sec.json<{ expertId: string; conflict: boolean; lifted: { reason: string } | null }[]>('recusal', 'list');
    expect(register.filter((d) => d.lifted).map((d) => d.lifted!.reason)).toEqual(['经核实，咨询合同未签订']);
  });

  it('seats a substitute expert for one applicant, and refuses removing an expert whose work is on record', async () => {
    await w.sec.ok('expert', 'add', '--code', 'E04', '--name', '陈思远');
    await w.sec.ok('panel', 'substitute', '现场评审组', C, 'E04', '--reason', '回避后人数不足，增派');
    const panels = await w.sec.json<{ name: string; substitutes: { expertId: string; reason: string }[] }[]>('panel', 'list');
    expect(panels.find((p) => p.name === '现场评审组')?.substitutes.map((s) => s.reason)).toEqual(['回避后人数不足，增派']);
    const refused = await w.sec.run('expert', 'remove', 'E01', '--reason', '误录');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('只能让其退出');
    expect((await w.sec.run('expert', 'remove', 'E04', '--reason', '改派他人')).code).toBe(0);
  });

  it('replaces a material with a new version', async () => {
    const revised = join(dir, `${A}-自评报告（修订）.pdf`);
    writeFileSync(revised, makePdf([`Revised self-assessment ${A}`]));
    await w.sec.ok('material', 'replace', A, `${A}-自评报告.pdf`, revised, '--reason', '申报单位提交修订版');
    const list = await w.sec.json<{ fileName: string; version: number }[]>('material', 'list', A);
    expect(list.map((m) => [m.fileName, m.version])).toEqual([[`${A}-自评报告（修订）.pdf`, 2]]);
  });

  it('lists who may enter the site review', async () => {
    const entries = await w.sec.json<{ eligible: boolean }[]>('panel', 'entries', 'site');
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.eligible)).toBe(true);
  });
});
