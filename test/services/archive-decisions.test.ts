import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../src-main/crypto/identity.js';
import { PATHS, type CommitteeEntries, type NoticesEntries, type ObjectionEntry } from '../../src-main/exchange/archive/format.js';
import { verifyArchive } from '../../src-main/exchange/archive/verify.js';
import { openStore } from '../../src-main/features/open.js';
import { pageTexts, squash } from '../report/pdf.js';
import { failed, openArchive, readJsonFile, resign, sealArchive, writeJsonFile, type ArchiveFiles } from './archive-kit.js';
import { scoredEdition, type Scored } from './committee-fixtures.js';
import { PASS, TEST_KDF } from './fixtures.js';

/**
 * An edition that went through the committee, its notices and an objection keeps all of it in its
 * archive's registers and its printed register: the committee's settlement of a tie, the ballot
 * counts (a recount too), the proposed award list it confirmed; the accepted-list and award-list
 * notices with the lists they published and the committee's confirmation the latter published;
 * each objection with its steps and outcome, and the final list less the one upheld. The
 * verification holds them against each other, the archived rules and the audit log, and the
 * retention period keeps the edition until an archive holds its latest step.
 */

const MEETING = { heldOn: '2026-11-20', meeting: '第二次评委会全体会议' };
const CONTACT = { office: '信阳市市长质量奖评审委员会秘书处', address: '信阳市羊山新区新七大道', phone: '0376-6200000', email: null };

let r: Scored;
let office: string;
let secretariat: Identity;
let files: ArchiveFiles;
const id = (code: string) => r.applicants[code]!.id;
const codeOf = (applicantId: string) => Object.values(r.applicants).find((a) => a.id === applicantId)!.code;

async function makeArchive(): Promise<Uint8Array> {
  return (await r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'encrypted', recipients: [await identityToRecipient(office)] } })).bytes;
}

beforeAll(async () => {
  const both = (p: number): { material: [number, number, number]; site: [number, number, number] } => ({ material: [p, p, p], site: [p, p, p] });
  // Xinyang 2022: XY-02 and XY-03 tie for the one award place left after XY-01; XY-05 is below the floor
  r = await scoredEdition({ profileId: 'xinyang-2022', percents: { 'XY-01': both(80), 'XY-02': both(70), 'XY-03': both(70), 'XY-04': both(65), 'XY-05': both(55) } });
  const e = r.editionId;
  r.sec.notices.issue({ editionId: e, kind: 'accepted-list', startDate: '2026-09-01', contact: CONTACT });
  r.sec.committee.settleTie({ editionId: e, ...MEETING, scope: 'cap', order: [id('XY-02'), id('XY-03')], method: '评委会讨论后举手表决', settledBy: '主任委员 陈副市长', reason: 'XY-02 的现场展示更充分' });
  const tally = (code: string, votesFor: number) => ({ editionId: e, ...MEETING, applicantId: id(code), voters: 9, votesFor, votesAgainst: 9 - votesFor, abstentions: 0, invalid: 0 });
  for (const code of ['XY-01', 'XY-02', 'XY-03']) r.sec.committee.recordTally(tally(code, 8));
  // a miscounted ballot read again: the later count replaces the earlier
  r.sec.committee.recordTally(tally('XY-04', 5));
  r.sec.committee.recordTally(tally('XY-04', 7));
  r.sec.committee.confirmList({ editionId: e, ...MEETING, confirmedBy: '评委会主任委员 陈副市长', note: '全体会议通过' });

  const notice = r.sec.notices.issue({ editionId: e, kind: 'award-list', startDate: '2026-11-23', contact: CONTACT });
  const base = { noticeId: notice.id, objectorKind: 'person' as const, organisation: null, phone: '13912345678', address: '信阳市浉河区' };
  const upheld = r.sec.objections.register({ ...base, applicantId: id('XY-03'), objectorName: '赵六', receivedOn: '2026-11-24', grounds: '该单位申报材料中的财务数据与审计报告不符。' });
  r.sec.objections.accept({ objectionId: upheld.id, on: '2026-11-25' });
  r.sec.objections.note({ objectionId: upheld.id, on: '2026-11-26', text: '核对审计报告原件，营业收入虚增。' });
  r.sec.objections.decide({ objectionId: upheld.id, on: '2026-11-27', upheld: true, finding: '申报材料财务数据与审计报告不符，异议成立。' });
  const declined = r.sec.objections.register({ ...base, applicantId: id('XY-01'), objectorName: '钱七', receivedOn: '2026-11-25', grounds: '听说该单位产品有质量问题。' });
  r.sec.objections.decline({ objectionId: declined.id, on: '2026-11-26', reason: '未提供任何证明材料。' });
  r.sec.finalList.publish({ editionId: e, on: '2026-12-01' });

  office = await generateX25519Identity();
  files = await openArchive(await makeArchive(), office);
  const raw = await openStore({ path: r.storePath, passphrase: PASS, kdf: TEST_KDF }, 'secretariat');
  secretariat = raw.ctx.identity;
  raw.close();
}, 180_000);
afterAll(() => r.cleanup());

describe('the registers of an edition that went through the committee, its notices and an objection', () => {
  it('hold the committee’s settlement, every ballot count and the proposed award list it confirmed', () => {
    const c = readJsonFile<CommitteeEntries>(files, PATHS.committee);
    expect(c.settlements).toMatchObject([{ scope: 'cap', level: 'award', order: [id('XY-02'), id('XY-03')], method: '评委会讨论后举手表决', settledBy: '主任委员 陈副市长', reason: 'XY-02 的现场展示更充分', ...MEETING }]);
    expect(c.tallies.map((t) => [codeOf(t.applicantId), t.voters, t.votesFor, t.needed, t.passed])).toEqual([
      ['XY-01', 9, 8, 6, true],
      ['XY-02', 9, 8, 6, true],
      ['XY-03', 9, 8, 6, true],
      ['XY-04', 9, 5, 6, false],
      ['XY-04', 9, 7, 6, true],
    ]);
    expect(c.confirmations).toHaveLength(1);
    const [confirmed] = c.confirmations;
    expect(confirmed).toMatchObject({ subject: 'award-list', confirmedBy: '评委会主任委员 陈副市长', note: '全体会议通过', ...MEETING, recordedAt: expect.any(String) });
    expect(confirmed!.snapshot.map((s) => [codeOf(s.applicantId), s.level])).toEqual([
      ['XY-01', 'award'],
      ['XY-02', 'award'],
      ['XY-03', 'nomination'],
      ['XY-04', 'nomination'],
    ]);
  });

  it('hold each notice with the list it published, the committee’s confirmation the award list came from, and the final list less the objection upheld', () => {
    const n = readJsonFile<NoticesEntries>(files, PATHS.notices);
    const confirmationId = readJsonFile<CommitteeEntries>(files, PATHS.committee).confirmations[0]!.id;
    expect(n.notices.map((x) => [x.kind, x.startDate, x.endDate, x.days, x.working, x.contact.office, x.entries.length, x.confirmationId])).toEqual([
      ['accepted-list', '2026-09-01', '2026-09-07', 5, true, CONTACT.office, 5, null],
      ['award-list', '2026-11-23', '2026-11-27', 5, true, CONTACT.office, 4, confirmationId],
    ]);
    expect(n.finalList).toMatchObject({ noticeId: n.notices[1]!.id, on: '2026-12-01', at: expect.any(String) });
    expect(n.finalList!.entries.map((e) => [e.code, e.designation])).toEqual([
      ['XY-01', 'award'],
      ['XY-02', 'award'],
      ['XY-04', 'nomination'],
    ]);
  });

  it('hold each objection with who objected, when, every step and its outcome', () => {
    const o = readJsonFile<ObjectionEntry[]>(files, PATHS.objections);
    expect(o.map((x) => [x.number, codeOf(x.applicantId), x.objectorName, x.receivedOn, x.acceptedOn, x.notes.map((n) => n.notedOn), x.decidedOn, x.state, x.decision])).toEqual([
      [1, 'XY-03', '赵六', '2026-11-24', '2026-11-25', ['2026-11-26'], '2026-11-27', 'upheld', '申报材料财务数据与审计报告不符，异议成立。'],
      [2, 'XY-01', '钱七', '2026-11-25', null, [], '2026-11-26', 'not-accepted', '未提供任何证明材料。'],
    ]);
    expect(o[0]).toMatchObject({ phone: '13912345678', address: '信阳市浉河区', grounds: '该单位申报材料中的财务数据与审计报告不符。', registeredAt: expect.any(String) });
  });

  it('verify from the file alone, each checked against the lists, the rules and the audit log, and counted where the app and the CLI show the checks', async () => {
    const v = await verifyArchive(await sealArchive(files, office), { identities: [office] });
    expect(failed(v)).toEqual([]);
    const registers = v.checks.find((c) => c.id === 'registers')!.done;
    expect(registers.zh).toContain('登记册 11 份');
    expect(registers.zh).toContain('评委会决定 7 项、公示 2 份、异议 2 件');
    expect(registers.en).toContain('7 committee decisions, 2 notices and 2 objections held against the lists and the archived rules');
    expect(v.checks.find((c) => c.id === 'audit')!.done.en).toContain('every committee decision, notice and objection step it records');
    expect(Buffer.from(files[PATHS.cover]!).toString('utf8')).toContain('登记册中有评委会决定 7 项、公示 2 份、异议 2 件');
  });

  it('print in the register of committee decisions, notices and objections, which the archive holds beside the committee’s resolution', async () => {
    const reports = Object.keys(files).filter((p) => p.startsWith('reports/'));
    expect(reports).toContain('reports/拟奖名单-2026年度市长质量奖.pdf');
    const printed = reports.find((p) => p.includes('评委会审议、公示与异议记录'));
    expect(printed).toBeDefined();
    const text = squash((await pageTexts(files[printed!]!)).join(''));
    expect(text).toContain('共记录评委会决定7项、公示2份、异议2件。');
    expect(text).toContain('保存期限：本届所用规则未规定资料保存期限。');
    // the committee: the list it confirmed, the tie it settled, the counts with the one replaced
    expect(text).toMatch(/2026年11月20日第二次评委会全体会议拟奖名单评委会主任委员陈副市长XY-01（市长质量奖）、XY-02（市长质量奖）、XY-03（提名奖）、XY-04（提名奖）（4）全体会议通过/);
    expect(text).toMatch(/市长质量奖名额线（组织）1\.XY-022\.XY-03评委会讨论后举手表决主任委员陈副市长XY-02的现场展示更充分/);
    expect(text).toMatch(/申报单位XY-04（XY-04）954006已由后一次计票取代/);
    expect(text).toMatch(/申报单位XY-04（XY-04）972006通过/);
    // the notices, the award list's from the committee's confirmation, and the final list
    expect(text).toContain('受理名单2026年9月1日至2026年9月7日（5个工作日）');
    expect(text).toContain('评委会2026年11月20日（第二次评委会全体会议）确认的拟奖名单');
    expect(text).toContain('获奖名单已于2026年12月1日公布');
    expect(text).toContain('因异议成立未列入：XY-03（第1号异议）。');
    // each objection's steps and outcome
    expect(text).toMatch(/2026年11月24日收到，.+登记2026年11月25日受理2026年11月26日调查：核对审计报告原件，营业收入虚增。2026年11月27日异议成立：申报材料财务数据与审计报告不符，异议成立。异议成立/);
    expect(text).toMatch(/钱七（个人）听说该单位产品有质量问题。2026年11月25日收到，.+登记2026年11月26日不予受理：未提供任何证明材料。不予受理/);
  });

  it('print the same register on demand, in English too', async () => {
    const made = await r.sec.reports.make({ kind: 'decisions', editionId: r.editionId, lang: 'en' });
    const text = squash((await pageTexts(made.bytes)).join(''));
    expect(text).toContain('Registerofcommitteedecisions,noticesandobjections');
    expect(text).toContain('7committeedecisions,2noticesand2objectionsonrecord.');
    expect(text).toContain('Leftoffafteranupheldobjection:XY-03(objectionno.1).');
    expect(text).toContain('Upheld');
    expect(text).toContain('Replacedbyalatercount');
  });
});

describe('verifying the registers of the committee, the notices and the objections', () => {
  const verify = async (edit: (f: ArchiveFiles) => void) => {
    const copy = { ...files };
    edit(copy);
    await resign(copy, secretariat);
    return failed(await verifyArchive(await sealArchive(copy, office), { identities: [office] }));
  };

  it('fails, under a valid signature, when a register leaves out an objection the audit log records', async () => {
    const problems = await verify((f) => writeJsonFile(f, PATHS.objections, readJsonFile<ObjectionEntry[]>(f, PATHS.objections).slice(1)));
    expect(problems).toContainEqual({ id: 'audit', problems: [expect.stringMatching(/^the audit log records the objection \S+, but the archive's registers lack it$/)] });
    // without it, nothing removed XY-03 from the final list
    expect(problems).toContainEqual({ id: 'registers', problems: ["the final list published on 2026-12-01 is not the notice's list less those an upheld objection removed (XY-03)"] });
  });

  it('fails when the award-list notice publishes another list than the committee confirmed', async () => {
    const problems = await verify((f) => {
      const n = readJsonFile<NoticesEntries>(f, PATHS.notices);
      n.notices[1]!.entries = n.notices[1]!.entries.filter((e) => e.code !== 'XY-04');
      writeJsonFile(f, PATHS.notices, n);
    });
    expect(problems).toContainEqual({ id: 'registers', problems: expect.arrayContaining(['the notice of the proposed award list from 2026-11-23 does not publish the list the committee confirmed before it was issued']) });
  });

  it('fails when a ballot count says a candidate passed whom the rules do not pass', async () => {
    const problems = await verify((f) => {
      const c = readJsonFile<CommitteeEntries>(f, PATHS.committee);
      c.tallies[3]!.passed = true;
      writeJsonFile(f, PATHS.committee, c);
    });
    expect(problems).toEqual([{ id: 'registers', problems: ['the count for XY-04 is recorded as passed; under the archived rules it needs 6 votes and does not pass'] }]);
  });

  it('fails when the final list keeps the applicant an upheld objection removed', async () => {
    const problems = await verify((f) => {
      const n = readJsonFile<NoticesEntries>(f, PATHS.notices);
      n.finalList!.entries = n.notices[1]!.entries;
      writeJsonFile(f, PATHS.notices, n);
    });
    expect(problems).toEqual([{ id: 'registers', problems: ["the final list published on 2026-12-01 is not the notice's list less those an upheld objection removed (XY-03)"] }]);
  });

  it('fails when an objection’s steps do not fit its outcome', async () => {
    const problems = await verify((f) => {
      const o = readJsonFile<ObjectionEntry[]>(f, PATHS.objections);
      o[0]!.notes = [];
      writeJsonFile(f, PATHS.objections, o);
    });
    expect(problems).toContainEqual({ id: 'registers', problems: ['the steps recorded for objection no. 1 do not fit its outcome, upheld'] });
    expect(problems).toContainEqual({ id: 'audit', problems: ['the audit log records 1 investigation note(s) on objection no. 1, the register holds 0'] });
  });

  it('still verifies an archive of version 1, made before these registers existed, saying so', async () => {
    const copy = { ...files };
    for (const p of [PATHS.committee, PATHS.notices, PATHS.objections]) delete copy[p];
    await resign(copy, secretariat, (m) => {
      m.version = 1;
    });
    const v = await verifyArchive(await sealArchive(copy, office), { identities: [office] });
    expect(failed(v)).toEqual([]);
    expect(v.checks.find((c) => c.id === 'registers')!.done.en).toContain("a version 1 archive, made before the committee's decisions, the notices and the objections were archived");
  });
});

describe('the retention period of such an edition', () => {
  it('counts an archive made before the committee’s or an objection’s latest step as no longer holding the edition', async () => {
    const made = await makeArchive();
    expect(await r.sec.archive.verify({ file: { fileName: 'a.psarchive', bytes: made } })).toMatchObject({ recorded: true });
    expect(await r.sec.retention.get({ editionId: r.editionId })).toMatchObject({ archive: { current: true } });
    const notice = r.sec.notices.list({ editionId: r.editionId }).find((n) => n.kind === 'award-list')!;
    const late = r.sec.objections.register({ noticeId: notice.id, applicantId: id('XY-02'), objectorKind: 'organisation', objectorName: '信阳某某商贸有限公司', organisation: null, phone: null, address: null, receivedOn: '2026-11-27', grounds: '补充异议。' });
    expect(await r.sec.retention.get({ editionId: r.editionId })).toMatchObject({ archive: { current: false } });
    const again = await makeArchive();
    expect(await r.sec.archive.verify({ file: { fileName: 'b.psarchive', bytes: again } })).toMatchObject({ recorded: true });
    r.sec.objections.decline({ objectionId: late.id, on: '2026-11-30', reason: '重复异议。' });
    expect(await r.sec.retention.get({ editionId: r.editionId })).toMatchObject({ archive: { current: false } });
  }, 120_000);
});
