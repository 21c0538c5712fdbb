import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalList, Notice, Objection } from '../../src-main/domain/notices.js';
import { exportBundleFile, PASS, scoreAll, setupReview, upload, type Review } from '../services/fixtures.js';
import { pageTexts, squash } from '../report/pdf.js';
import { Actor } from './helpers.js';

/** A notice over National Day 2026 and its objections, from the command line (Xinyang). */

let r: Review;
let dir: string;
let sec: Actor;

beforeAll(async () => {
  r = await setupReview();
  for (const e of r.stores) {
    for (const [i, a] of r.applicants.entries()) {
      scoreAll(e, r.editionId, a.id, 'material', 85 - 10 * i);
      scoreAll(e, r.editionId, a.id, 'site', 85 - 10 * i);
    }
  }
  const files = [];
  for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, r.editionId, join(r.dir, `b${i}.psb`))).file);
  await r.sec.bundles.import({ files: files.map(upload) });
  // Xinyang art. 21: the committee's ballot passes every candidate and it confirms the list it puts on notice
  const meeting = { heldOn: '2026-09-25', meeting: '评委会全体会议' };
  for (const a of r.applicants) r.sec.committee.recordTally({ editionId: r.editionId, ...meeting, applicantId: a.id, voters: 9, votesFor: 7, votesAgainst: 2, abstentions: 0, invalid: 0 });
  r.sec.committee.confirmList({ editionId: r.editionId, ...meeting, confirmedBy: '评委会主任委员', note: null });
  r.sec.close();
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-notices-'));
  const passFile = join(dir, 'sec.pass');
  writeFileSync(passFile, `${PASS}\n`);
  sec = new Actor(r.secretariatPath, passFile);
}, 120_000);

afterAll(() => {
  r.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the notice and objections from the command line', () => {
  it('issues the award-list notice over National Day and prints it', async () => {
    const n = await sec.json<Notice>('notice', 'issue', 'award-list', '--start', '2026-09-29', '--office', '信阳市市长质量奖评审委员会秘书处', '--phone', '0376-6200000');
    // Tue 29, Wed 30 September; Thu 8, Fri 9, Sat 10 (make-up) October
    expect(n.endDate).toBe('2026-10-10');
    expect(n.entries.map((e) => [e.code, e.designation])).toEqual([
      ['XY2025-001', 'award'],
      ['XY2025-002', 'award'],
      ['XY2025-003', 'nomination'],
    ]);
    const shown = await sec.ok('notice', 'list');
    expect(shown).toContain('2026-09-29 — 2026-10-10（5 个工作日）');
    const out = join(dir, 'notice.pdf');
    expect(await sec.ok('notice', 'print', 'award-list', '--out', out)).toContain('已生成');
    expect(existsSync(out)).toBe(true);
  });

  it('refuses an anonymous objection, citing the article, and registers a named one with its deadline', async () => {
    const anonymous = await sec.run('objection', 'add', 'award-list', '--applicant', 'XY2025-001', '--received', '2026-10-08', '--grounds', '质量事故');
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('匿名异议不予受理（第二十三条');
    expect(await sec.ok('objection', 'list')).toContain('异议登记簿为空');

    const o = await sec.json<Objection>(
      'objection', 'add', 'award-list', '--applicant', 'XY2025-001', '--name', '赵六', '--phone', '13912345678',
      '--received', '2026-10-08', '--grounds', '该单位近三年发生质量事故。',
    );
    expect([o.number, o.acceptBy]).toEqual([1, '2026-10-14']);
  });

  it('accepts, investigates and rejects it, prints the letter, and publishes the final list', async () => {
    await sec.ok('objection', 'accept', '1', '--on', '2026-10-09');
    expect((await sec.run('objection', 'decide', '1', '--rejected', '--on', '2026-10-12', '--finding', '查无实据')).stderr).toContain('还没有调查记录');
    await sec.ok('objection', 'note', '1', '--on', '2026-10-12', '--text', '调阅近三年监管记录，无质量事故。');
    expect(await sec.ok('objection', 'decide', '1', '--rejected', '--on', '2026-10-13', '--finding', '经核查，异议所述事故不属实。')).toContain('第1号异议：异议不成立。');
    const letter = join(dir, 'letter.pdf');
    await sec.ok('objection', 'letter', '#1', '--out', letter);
    expect(existsSync(letter)).toBe(true);

    expect(await sec.ok('final-list', 'show')).toContain('可以公布');
    expect(await sec.ok('final-list', 'publish', '--on', '2026-10-16')).toContain('获奖名单已于 2026-10-16 公布：XY2025-001');
    expect(await sec.ok('final-list', 'show')).toContain('已于 2026-10-16 公布');
    const list = await sec.json<FinalList>('final-list', 'show');
    expect(list.published?.on).toBe('2026-10-16');
    await sec.ok('final-list', 'print', '--out', join(dir, 'final.pdf'));
  });

  it('prints the committee’s counts and confirmation, the notice and the objection with its steps in the register of them', async () => {
    const out = join(dir, 'decisions.pdf');
    expect(await sec.ok('--lang', 'en', 'report', 'decisions', '--out', out)).toContain('Wrote');
    const text = squash((await pageTexts(readFileSync(out))).join(''));
    expect(text).toContain('Registerofcommitteedecisions,noticesandobjections');
    expect(text).toContain('4committeedecisions,1noticeand1objectiononrecord.');
    expect(text).toContain('Theproposedawardlistthecommitteeconfirmedon2026-09-25(评委会全体会议)');
    expect(text).toMatch(/Accepted2026-10-09Investigated2026-10-12:调阅近三年监管记录，无质量事故。Rejected2026-10-13:经核查，异议所述事故不属实。Rejected/);
    expect(text).toMatch(/Thefinallistwaspublishedon2026-10-16\(recorded[^)]+\):XY2025-001\(award\),XY2025-002\(award\),XY2025-003\(nomination\)3\.Objections/);
  });

  it('takes an applicant out of the review on an upheld objection to the accepted list, and says so where its check is listed', async () => {
    await sec.ok('notice', 'issue', 'accepted-list', '--start', '2026-09-28', '--office', '信阳市市长质量奖评审委员会秘书处');
    await sec.ok('objection', 'add', 'accepted-list', '--applicant', 'XY2025-003', '--name', '钱七', '--received', '2026-10-08', '--grounds', '该单位近三年有亏损。');
    await sec.ok('objection', 'accept', '2', '--on', '2026-10-09');
    await sec.ok('objection', 'note', '2', '--on', '2026-10-12', '--text', '调阅审计报告。');
    const decided = await sec.ok('objection', 'decide', '2', '--upheld', '--on', '2026-10-13', '--finding', '2024年度亏损，不符合第十三条第（五）项。');
    expect(decided).toContain('第2号异议：异议成立。 XY2025-003 退出评审');
    expect(await sec.ok('eligibility', 'list')).toMatch(/XY2025-003.*已退出（第2号异议成立）/);
    expect(await sec.ok('eligibility', 'show', 'XY2025-003')).toContain('受理名单公示第2号异议经调查成立（2026-10-13），已退出评审：2024年度亏损');
    expect(await sec.ok('results')).not.toContain('XY2025-003');
  });

  it('corrects a day the holiday table does not know', async () => {
    expect(await sec.ok('calendar', 'year', '2099')).toContain('节假日表未收录');
    await sec.ok('calendar', 'set', '2099-01-01', '--rest', '--note', '元旦');
    expect(await sec.ok('calendar', 'year', '2099')).toMatch(/2099-01-01\s+休息.*元旦/);
    const both = await sec.run('calendar', 'set', '2099-01-02', '--rest', '--working', '--note', 'x');
    expect(both.code).toBe(2);
  });
});
