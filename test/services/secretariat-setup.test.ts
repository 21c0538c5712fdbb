import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentCode, generateIdentity } from '../../src-main/crypto/identity.js';
import type { ApplicantInput, ExpertInput } from '../../src-main/domain/people.js';
import { initStore, openStore, storeClient, type StoreClient } from '../../src-main/features/open.js';
import { newSecretariat, openTestStore, PASS, TEST_KDF, tempDir, upload, writePdf } from './fixtures.js';

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const unit = (code: string, over: Partial<ApplicantInput> = {}): ApplicantInput => ({
  creditCode: null,
  idNumber: null,
  code,
  name: `申报单位${code}`,
  kind: 'unit',
  industry: 3,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  ...over,
});
const person = (code: string): ExpertInput => ({ code, name: `专家${code}`, organisation: null, title: null, industry: null, phone: null, email: null });

describe('secretariat setup', () => {
  let t: ReturnType<typeof tempDir>;
  let sec: StoreClient;
  let editionId: string;
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
    editionId = sec.editions.create({ name: '2025年信阳', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }).id;
  });
  afterEach(() => {
    sec.close();
    t.cleanup();
  });

  it('refuses edition settings that contradict the profile, with the reason, and keeps the old ones', async () => {
    expect(await codeOf(() => sec.editions.create({ name: '呼市', year: 2025, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 30, defence: 30 }, shortlistSize: 10, panelSize: { min: 5, max: 7 } } }))).toBe('edition.invalid-settings');
    const ok = sec.editions.create({ name: '呼市', year: 2025, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 10, panelSize: { min: 5, max: 7 } } });
    expect(ok.settings.weights).toEqual({ material: 30, site: 40, defence: 30 });
    try {
      sec.editions.updateSettings({ editionId, settings: { weights: { material: 40, site: 60 } } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/fixed at 30%/);
    }
    expect(sec.editions.get({ editionId }).settings).toEqual({});
    expect(await codeOf(() => sec.editions.create({ name: 'x', year: 2025, profileId: 'nowhere', frameworkId: 'gbt19580-2012', settings: {} }))).toBe('profile.not-found');
    expect(await codeOf(() => sec.editions.create({ name: '2025年信阳', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }))).toBe('edition.name-taken');
  });

  it('keeps applicant and expert codes unique within an edition and admits only the profile’s kinds', async () => {
    sec.applicants.add({ editionId, applicant: unit('A1') });
    expect(await codeOf(() => sec.applicants.add({ editionId, applicant: unit('A1') }))).toBe('applicant.code-taken');
    expect(await codeOf(() => sec.applicants.add({ editionId, applicant: unit('A2', { kind: 'individual' }) }))).toBe('applicant.kind-not-admitted');
    expect(await codeOf(() => sec.applicants.add({ editionId, applicant: unit('A3', { contactPhone: '12345' }) }))).toBe('input.invalid');
    expect(sec.applicants.add({ editionId, applicant: unit('A4', { contactPhone: '0376-6212345' }) }).contactPhone).toBe('0376-6212345');
    const jinan = sec.editions.create({ name: '济南', year: 2025, profileId: 'jinan-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 50, defence: 20 }, panelSize: { min: 3, max: 7 } } });
    expect(sec.applicants.add({ editionId: jinan.id, applicant: unit('A1', { kind: 'individual' }) }).kind).toBe('individual');
    sec.experts.add({ editionId, expert: person('E1') });
    expect(await codeOf(() => sec.experts.add({ editionId, expert: person('E1') }))).toBe('expert.code-taken');
    expect(sec.applicants.list({ editionId }).map((a) => a.code)).toEqual(['A1', 'A4']);
  });

  it('enrolls an expert’s keys once, refusing garbage, its own code and a key already held by another expert', async () => {
    const e1 = sec.experts.add({ editionId, expert: person('E1') });
    const e2 = sec.experts.add({ editionId, expert: person('E2') });
    const key = await generateIdentity();
    expect(await codeOf(() => sec.experts.enroll({ expertId: e1.id, enrollmentCode: 'PINGSHEN-KEY-1:garbage' }))).toBe('enrollment.invalid');
    expect(await codeOf(() => sec.experts.enroll({ expertId: e1.id, enrollmentCode: sec.store.enrollmentCode() }))).toBe('enrollment.own-key');
    const enrolled = sec.experts.enroll({ expertId: e1.id, enrollmentCode: enrollmentCode(key) });
    expect(enrolled).toMatchObject({ enrolled: true, fingerprint: key.fingerprint });
    expect(await codeOf(() => sec.experts.enroll({ expertId: e2.id, enrollmentCode: enrollmentCode(key) }))).toBe('enrollment.key-taken');
    expect(sec.experts.list({ editionId }).map((e) => e.enrolled)).toEqual([true, false]);
  });

  it('reads an enrollment code for the clerk to compare, storing nothing, with the same refusals as enrolling', async () => {
    const e1 = sec.experts.add({ editionId, expert: person('C1') });
    const e2 = sec.experts.add({ editionId, expert: person('C2') });
    const key = await generateIdentity();
    const checked = sec.experts.checkEnrollment({ expertId: e1.id, enrollmentCode: enrollmentCode(key) });
    expect(checked).toEqual({ expertId: e1.id, code: 'C1', name: e1.name, fingerprint: key.fingerprint, previousFingerprint: null });
    expect(checked.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    expect(sec.experts.list({ editionId }).find((e) => e.id === e1.id)).toMatchObject({ enrolled: false, fingerprint: null });
    expect(await codeOf(() => sec.experts.checkEnrollment({ expertId: e1.id, enrollmentCode: 'PINGSHEN-KEY-1:garbage' }))).toBe('enrollment.invalid');
    expect(await codeOf(() => sec.experts.checkEnrollment({ expertId: e1.id, enrollmentCode: sec.store.enrollmentCode() }))).toBe('enrollment.own-key');
    sec.experts.enroll({ expertId: e1.id, enrollmentCode: enrollmentCode(key) });
    expect(await codeOf(() => sec.experts.checkEnrollment({ expertId: e2.id, enrollmentCode: enrollmentCode(key) }))).toBe('enrollment.key-taken');
    const other = await generateIdentity();
    expect(sec.experts.checkEnrollment({ expertId: e1.id, enrollmentCode: enrollmentCode(other) })).toMatchObject({ fingerprint: other.fingerprint, previousFingerprint: key.fingerprint });
  });

  it('forms panels per scored stage with a leader among the members, flagging a size outside the rules', async () => {
    const [e1, e2, e3] = ['E1', 'E2', 'E3'].map((c) => sec.experts.add({ editionId, expert: person(c) }).id) as [string, string, string];
    expect(await codeOf(() => sec.panels.create({ editionId, panel: { stage: 'material', name: 'M', memberIds: [e1, e2], leaderId: e3 } }))).toBe('panel.leader-not-member');
    expect(await codeOf(() => sec.panels.create({ editionId, panel: { stage: 'defence', name: 'D', memberIds: [e1, e2, e3], leaderId: e1 } }))).toBe('panel.stage-not-scored');
    const small = sec.panels.create({ editionId, panel: { stage: 'material', name: 'M', memberIds: [e1, e2], leaderId: e1 } });
    expect(small.sizeFlag?.en).toMatch(/fewer than the minimum of 3/);
    const full = sec.panels.create({ editionId, panel: { stage: 'site', name: 'S', memberIds: [e1, e2, e3], leaderId: null } });
    expect(full.sizeFlag).toBeNull();
    const other = sec.editions.create({ name: '另一届', year: 2026, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    const stranger = sec.experts.add({ editionId: other.id, expert: person('E9') }).id;
    expect(await codeOf(() => sec.panels.create({ editionId, panel: { stage: 'site', name: 'S2', memberIds: [e1, stranger], leaderId: null } }))).toBe('expert.not-found');
  });

  it('gives each applicant exactly one panel per stage', async () => {
    const [e1, e2, e3] = ['E1', 'E2', 'E3'].map((c) => sec.experts.add({ editionId, expert: person(c) }).id) as [string, string, string];
    const a = sec.applicants.add({ editionId, applicant: unit('A1') }).id;
    const m1 = sec.panels.create({ editionId, panel: { stage: 'material', name: 'M1', memberIds: [e1, e2, e3], leaderId: e1 } });
    const m2 = sec.panels.create({ editionId, panel: { stage: 'material', name: 'M2', memberIds: [e1, e2, e3], leaderId: e2 } });
    const s1 = sec.panels.create({ editionId, panel: { stage: 'site', name: 'S1', memberIds: [e1, e2, e3], leaderId: e3 } });
    expect(sec.panels.assign({ panelId: m1.id, applicantIds: [a] }).applicantIds).toEqual([a]);
    expect(sec.panels.assign({ panelId: m1.id, applicantIds: [a] }).applicantIds).toEqual([a]);
    expect(await codeOf(() => sec.panels.assign({ panelId: m2.id, applicantIds: [a] }))).toBe('assignment.taken');
    expect(sec.panels.assign({ panelId: s1.id, applicantIds: [a] }).applicantIds).toEqual([a]);
  });

  it('stores PDF materials only, with their digest, and refuses a second copy', async () => {
    const a = sec.applicants.add({ editionId, applicant: unit('A1') }).id;
    const pdf = writePdf(t.dir, '自评报告.pdf', '财务数据');
    const info = sec.materials.attach({ applicantId: a, file: upload(pdf) });
    expect(info).toMatchObject({ fileName: '自评报告.pdf', size: readFileSync(pdf).length, sha256: createHash('sha256').update(readFileSync(pdf)).digest('hex') });
    expect(await codeOf(() => sec.materials.attach({ applicantId: a, file: upload(pdf) }))).toBe('material.duplicate');
    const doc = join(t.dir, 'report.docx');
    writeFileSync(doc, 'PK\u0003\u0004 not a pdf');
    expect(await codeOf(() => sec.materials.attach({ applicantId: a, file: upload(doc) }))).toBe('material.not-pdf');
    expect(sec.materials.list({ applicantId: a })).toHaveLength(1);
  });

  it('exports no package at all while an assigned expert is not enrolled', async () => {
    const e1 = sec.experts.add({ editionId, expert: person('E1') });
    const e2 = sec.experts.add({ editionId, expert: person('E2') });
    sec.experts.enroll({ expertId: e1.id, enrollmentCode: enrollmentCode(await generateIdentity()) });
    const panel = sec.panels.create({ editionId, panel: { stage: 'material', name: 'M', memberIds: [e1.id, e2.id], leaderId: e1.id } });
    sec.panels.assign({ panelId: panel.id, applicantIds: [sec.applicants.add({ editionId, applicant: unit('A1') }).id] });
    await expect(sec.packages.export({ editionId })).rejects.toMatchObject({ code: 'package.expert-not-enrolled' });
    const only = await sec.packages.export({ editionId, expertIds: [e1.id] });
    expect(only).toMatchObject([{ expertId: e1.id, applicants: 1 }]);
  });

  it('registers another criteria framework from a file, but not over a built-in one', async () => {
    const builtIn = sec.frameworks.list()[0]!;
    const file = join(t.dir, 'local.json');
    writeFileSync(file, JSON.stringify({ ...builtIn, id: 'db3202-t1002-2018', standard: 'DB3202/T 1002-2018' }));
    expect(sec.frameworks.load({ file: upload(file) }).id).toBe('db3202-t1002-2018');
    expect(sec.frameworks.list().map((f) => f.id)).toContain('db3202-t1002-2018');
    writeFileSync(file, JSON.stringify(builtIn));
    expect(await codeOf(() => sec.frameworks.load({ file: upload(file) }))).toBe('framework.id-taken');
  });
});

describe('opening stores', () => {
  it('refuses a store of the other role and a wrong passphrase, and changes the passphrase', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'expert.db');
      await initStore({ role: 'expert', path, passphrase: PASS, kdf: TEST_KDF });
      await expect(openStore({ path, passphrase: PASS }, 'secretariat')).rejects.toMatchObject({ code: 'store.wrong-role' });
      await expect(openStore({ path, passphrase: 'not the passphrase' }, 'expert')).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      const svc = await openTestStore(path, 'expert');
      expect(svc.store.info()).toMatchObject({ role: 'expert', path });
      expect(svc.store.auditLog().map((e) => e.action)).toEqual(['store.created']);
      await expect(svc.store.changePassphrase({ oldPassphrase: 'wrong passphrase', newPassphrase: '新的口令 battery staple' })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      await svc.store.changePassphrase({ oldPassphrase: PASS, newPassphrase: '新的口令 battery staple' });
      expect(svc.store.auditLog({ limit: 1 })[0]?.action).toBe('store.passphrase-changed');
      svc.close();
      await expect(openStore({ path, passphrase: PASS }, 'expert')).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      const reopened = await openStore({ path, passphrase: '新的口令 battery staple' }, 'expert').then((o) => storeClient(o));
      expect(reopened.store.verifyAuditChain()).toMatchObject({ ok: true, length: 2 });
      reopened.close();
    } finally {
      t.cleanup();
    }
  });
});
