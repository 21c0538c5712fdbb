import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardList, CommitteeView } from '../../src-main/domain/committee.js';
import { getProfile } from '../../src-main/catalog/profiles.js';
import { pageTexts, squash } from '../report/pdf.js';
import { scoredEdition, type Scored } from '../services/committee-fixtures.js';
import { PASS } from '../services/fixtures.js';
import { pingshen } from './helpers.js';

/*
 * `pingshen committee …` on a Xinyang edition scored through real stores: XY-01 800, XY-02 and
 * XY-03 tied at 700 for the one award place left, XY-04 650.
 */
let r: Scored;
const MEETING = ['--date', '2026-11-20', '--meeting', '第二次评委会全体会议'];
const cli = (...args: string[]) => pingshen(['--store', r.storePath, ...args], { PINGSHEN_PASSPHRASE: PASS });

beforeAll(async () => {
  const both = (p: number): { material: [number, number, number]; site: [number, number, number] } => ({ material: [p, p, p], site: [p, p, p] });
  r = await scoredEdition({ profileId: 'xinyang-2022', percents: { 'XY-01': both(80), 'XY-02': both(70), 'XY-03': both(70), 'XY-04': both(65) } });
  r.sec.close();
}, 120_000);
afterAll(() => r.cleanup());

describe('pingshen committee', () => {
  it('shows the tie and the ballot still to be counted', async () => {
    const out = await cli('committee', 'status');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('并列（市长质量奖，1 个名额）：XY-02、XY-03，待评委会决定');
    expect(out.stdout).toContain('表决 XY-01：未录入');
    expect(out.stdout).toContain('拟奖名单（待定）：');
    expect(out.stdout).toContain('! XY-02、XY-03 在市长质量奖名额线上并列（剩 1 个名额），请记录评委会的决定。');
  });

  it('records the committee order for the tie', async () => {
    const out = await cli('committee', 'settle-tie', ...MEETING, '--order', 'XY-03,XY-02', '--method', '评委会讨论后举手表决', '--by', '主任委员', '--reason', '现场展示更充分');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('评委会 2026-11-20 决定顺序 XY-03 > XY-02（评委会讨论后举手表决；主任委员；理由：现场展示更充分）');
  });

  it('refuses a count that does not add up with exit 1 and says why, and a count that is not a number with exit 2', async () => {
    const bad = await cli('committee', 'tally', 'XY-01', ...MEETING, '--voters', '9', '--for', '6', '--against', '2');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('XY-01 的计票有误：同意、不同意、弃权和无效票合计 8 张，与投票人数 9 不符');
    const usage = await cli('committee', 'tally', 'XY-01', ...MEETING, '--voters', '九', '--for', '6');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('投票人数应为整数');
  });

  it('judges each count against two thirds of the voters and confirms the list', async () => {
    for (const [code, votesFor, against] of [['XY-01', '9', '0'], ['XY-03', '6', '3'], ['XY-02', '6', '3'], ['XY-04', '5', '4']] as const) {
      const out = await cli('committee', 'tally', code, ...MEETING, '--voters', '9', '--for', votesFor, '--against', against);
      expect(out.code, out.stderr).toBe(0);
    }
    const view = JSON.parse((await cli('--json', 'committee', 'status')).stdout) as CommitteeView;
    expect(view.ballot!.candidates.map((c) => [c.applicant.code, c.tally?.passed])).toEqual([
      ['XY-01', true],
      ['XY-03', true],
      ['XY-02', true],
      ['XY-04', false],
    ]);
    const confirmed = await cli('committee', 'confirm-list', ...MEETING, '--by', '评委会主任委员', '--note', '全体会议通过');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toContain('拟奖名单（评委会已于 2026-11-20 确认）：');
    expect(confirmed.stdout).toContain('未获通过：XY-04（同意 5/9，须 6）');
  });

  it('prints the list, as JSON, in English, and as a PDF', async () => {
    const list = JSON.parse((await cli('--json', 'committee', 'list')).stdout) as AwardList;
    expect(list.state).toBe('confirmed');
    expect(list.entries.map((e) => [e.applicant.code, e.level, e.place])).toEqual([
      ['XY-01', 'award', 1],
      ['XY-03', 'award', 2],
      ['XY-02', 'nomination', 1],
    ]);
    const en = await cli('--lang', 'en', 'committee', 'list');
    expect(en.stdout).toContain('Proposed award list (confirmed by the committee on 2026-11-20):');
    const pdf = join(r.storePath, '..', '拟奖名单.pdf');
    const made = await cli('committee', 'list', '--pdf', pdf);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    const text = squash((await pageTexts(readFileSync(pdf))).join('\n'));
    expect(text).toContain('评委会于2026年11月20日召开第二次评委会全体会议，审议评审结果，确定拟奖名单如下。');
    expect(text).toContain('XY-03申报单位XY-03');
  });

  it('passes over an applicant the eligibility check finds eligible for the nomination only, and says why', async () => {
    const conditions = getProfile('xinyang-2022').eligibility!.conditions.map((c) => `${c.id}=${c.minYears ? '2015-01-01' : 'yes'}`);
    for (const code of ['XY-01', 'XY-02', 'XY-03', 'XY-04']) {
      const out = await cli('eligibility', 'decide', code, '--decision', 'eligible', '--level', code === 'XY-01' ? 'nomination' : 'award', '--answer', ...conditions);
      expect(out.code, out.stderr).toBe(0);
    }
    const status = await cli('committee', 'status');
    expect(status.stdout).toContain('资格所限：XY-01 综合排名第 1 名（加权总分 800.00），在市长质量奖名额内，但资格审核仅认定其符合提名奖申报条件，不列入市长质量奖候选名单');
    const list = JSON.parse((await cli('--json', 'committee', 'list')).stdout) as AwardList;
    expect(list.entries.filter((e) => e.level === 'award').map((e) => e.applicant.code)).toEqual(['XY-02', 'XY-03']);
    expect(list.state).toBe('stale');
  });

  it('documents itself in both languages', async () => {
    const help = await pingshen(['committee', '--help']);
    expect(help.stdout).toMatch(/tally \[options\] <applicantCode>\s+录入一家候选单位的无记名投票结果/);
    expect(help.stdout).toContain('record how the committee settled a tie');
  });
});
