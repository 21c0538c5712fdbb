import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentCode, generateIdentity } from '../../src-main/crypto/identity.js';
import type { ApplicantInput, ExpertInput } from '../../src-main/domain/people.js';
import type { SecretariatService } from '../../src-main/services/api.js';
import { initStore, openExpert, openSecretariat } from '../../src-main/services/index.js';
import { PASS, newSecretariat, tempDir, writePdf } from './fixtures.js';

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const unit = (code: string, over: Partial<ApplicantInput> = {}): ApplicantInput => ({
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
  let sec: SecretariatService;
  let editionId: string;
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
    editionId = sec.createEdition({ name: '2025年信阳', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }).id;
  });
  afterEach(() => {
    sec.close();
    t.cleanup();
  });

  it('refuses edition settings that contradict the profile, with the reason, and keeps the old ones', async () => {
    expect(await codeOf(() => sec.createEdition({ name: '呼市', year: 2025, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 30, defence: 30 }, shortlistSize: 10, panelSize: { min: 5, max: 7 } } }))).toBe('edition.invalid-settings');
    const ok = sec.createEdition({ name: '呼市', year: 2025, profileId: 'hohhot-draft', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 40, defence: 30 }, shortlistSize: 10, panelSize: { min: 5, max: 7 } } });
    expect(ok.settings.weights).toEqual({ material: 30, site: 40, defence: 30 });
    try {
      sec.updateEditionSettings(editionId, { weights: { material: 40, site: 60 } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/fixed at 30%/);
    }
    expect(sec.getEdition(editionId).settings).toEqual({});
    expect(await codeOf(() => sec.createEdition({ name: 'x', year: 2025, profileId: 'nowhere', frameworkId: 'gbt19580-2012', settings: {} }))).toBe('profile.not-found');
    expect(await codeOf(() => sec.createEdition({ name: '2025年信阳', year: 2025, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} }))).toBe('edition.name-taken');
  });

  it('keeps applicant and expert codes unique within an edition and admits only the profile’s kinds', async () => {
    sec.addApplicant(editionId, unit('A1'));
    expect(await codeOf(() => sec.addApplicant(editionId, unit('A1')))).toBe('applicant.code-taken');
    expect(await codeOf(() => sec.addApplicant(editionId, unit('A2', { kind: 'individual' })))).toBe('applicant.kind-not-admitted');
    expect(await codeOf(() => sec.addApplicant(editionId, unit('A3', { contactPhone: '12345' })))).toBe('input.invalid');
    expect(sec.addApplicant(editionId, unit('A4', { contactPhone: '0376-6212345' })).contactPhone).toBe('0376-6212345');
    const jinan = sec.createEdition({ name: '济南', year: 2025, profileId: 'jinan-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 50, defence: 20 }, panelSize: { min: 3, max: 7 } } });
    expect(sec.addApplicant(jinan.id, unit('A1', { kind: 'individual' })).kind).toBe('individual');
    sec.addExpert(editionId, person('E1'));
    expect(await codeOf(() => sec.addExpert(editionId, person('E1')))).toBe('expert.code-taken');
    expect(sec.listApplicants(editionId).map((a) => a.code)).toEqual(['A1', 'A4']);
  });

  it('enrolls an expert’s keys once, refusing garbage, its own code and a key already held by another expert', async () => {
    const e1 = sec.addExpert(editionId, person('E1'));
    const e2 = sec.addExpert(editionId, person('E2'));
    const key = await generateIdentity();
    expect(await codeOf(() => sec.enrollExpert(e1.id, 'PINGSHEN-KEY-1:garbage'))).toBe('enrollment.invalid');
    expect(await codeOf(() => sec.enrollExpert(e1.id, sec.enrollmentCode()))).toBe('enrollment.own-key');
    const enrolled = sec.enrollExpert(e1.id, enrollmentCode(key));
    expect(enrolled).toMatchObject({ enrolled: true, fingerprint: key.fingerprint });
    expect(await codeOf(() => sec.enrollExpert(e2.id, enrollmentCode(key)))).toBe('enrollment.key-taken');
    expect(sec.listExperts(editionId).map((e) => e.enrolled)).toEqual([true, false]);
  });

  it('forms panels per scored stage with a leader among the members, flagging a size outside the rules', async () => {
    const [e1, e2, e3] = ['E1', 'E2', 'E3'].map((c) => sec.addExpert(editionId, person(c)).id) as [string, string, string];
    expect(await codeOf(() => sec.createPanel(editionId, { stage: 'material', name: 'M', memberIds: [e1, e2], leaderId: e3 }))).toBe('panel.leader-not-member');
    expect(await codeOf(() => sec.createPanel(editionId, { stage: 'defence', name: 'D', memberIds: [e1, e2, e3], leaderId: e1 }))).toBe('panel.stage-not-scored');
    const small = sec.createPanel(editionId, { stage: 'material', name: 'M', memberIds: [e1, e2], leaderId: e1 });
    expect(small.sizeFlag?.en).toMatch(/fewer than the minimum of 3/);
    const full = sec.createPanel(editionId, { stage: 'site', name: 'S', memberIds: [e1, e2, e3], leaderId: null });
    expect(full.sizeFlag).toBeNull();
    const other = sec.createEdition({ name: '另一届', year: 2026, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    const stranger = sec.addExpert(other.id, person('E9')).id;
    expect(await codeOf(() => sec.createPanel(editionId, { stage: 'site', name: 'S2', memberIds: [e1, stranger], leaderId: null }))).toBe('expert.not-found');
  });

  it('gives each applicant exactly one panel per stage', async () => {
    const [e1, e2, e3] = ['E1', 'E2', 'E3'].map((c) => sec.addExpert(editionId, person(c)).id) as [string, string, string];
    const a = sec.addApplicant(editionId, unit('A1')).id;
    const m1 = sec.createPanel(editionId, { stage: 'material', name: 'M1', memberIds: [e1, e2, e3], leaderId: e1 });
    const m2 = sec.createPanel(editionId, { stage: 'material', name: 'M2', memberIds: [e1, e2, e3], leaderId: e2 });
    const s1 = sec.createPanel(editionId, { stage: 'site', name: 'S1', memberIds: [e1, e2, e3], leaderId: e3 });
    expect(sec.assign(m1.id, [a]).applicantIds).toEqual([a]);
    expect(sec.assign(m1.id, [a]).applicantIds).toEqual([a]);
    expect(await codeOf(() => sec.assign(m2.id, [a]))).toBe('assignment.taken');
    expect(sec.assign(s1.id, [a]).applicantIds).toEqual([a]);
  });

  it('stores PDF materials only, with their digest, and refuses a second copy', async () => {
    const a = sec.addApplicant(editionId, unit('A1')).id;
    const pdf = writePdf(t.dir, '自评报告.pdf', '财务数据');
    const info = sec.attachMaterial(a, pdf);
    expect(info).toMatchObject({ fileName: '自评报告.pdf', size: readFileSync(pdf).length, sha256: createHash('sha256').update(readFileSync(pdf)).digest('hex') });
    expect(await codeOf(() => sec.attachMaterial(a, pdf))).toBe('material.duplicate');
    const doc = join(t.dir, 'report.docx');
    writeFileSync(doc, 'PK\u0003\u0004 not a pdf');
    expect(await codeOf(() => sec.attachMaterial(a, doc))).toBe('material.not-pdf');
    expect(await codeOf(() => sec.attachMaterial(a, join(t.dir, 'missing.pdf')))).toBe('material.unreadable');
    expect(sec.listMaterials(a)).toHaveLength(1);
  });

  it('exports no package at all while an assigned expert is not enrolled', async () => {
    const e1 = sec.addExpert(editionId, person('E1'));
    const e2 = sec.addExpert(editionId, person('E2'));
    sec.enrollExpert(e1.id, enrollmentCode(await generateIdentity()));
    const panel = sec.createPanel(editionId, { stage: 'material', name: 'M', memberIds: [e1.id, e2.id], leaderId: e1.id });
    sec.assign(panel.id, [sec.addApplicant(editionId, unit('A1')).id]);
    const out = join(t.dir, 'out');
    await expect(sec.exportPackages(editionId, out)).rejects.toMatchObject({ code: 'package.expert-not-enrolled' });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const only = await sec.exportPackages(editionId, out, { expertIds: [e1.id] });
    expect(only).toMatchObject([{ expertId: e1.id, applicants: 1 }]);
  });

  it('registers another criteria framework from a file, but not over a built-in one', async () => {
    const builtIn = sec.listFrameworks()[0]!;
    const file = join(t.dir, 'local.json');
    writeFileSync(file, JSON.stringify({ ...builtIn, id: 'db3202-t1002-2018', standard: 'DB3202/T 1002-2018' }));
    expect(sec.loadFramework(file).id).toBe('db3202-t1002-2018');
    expect(sec.listFrameworks().map((f) => f.id)).toContain('db3202-t1002-2018');
    writeFileSync(file, JSON.stringify(builtIn));
    expect(await codeOf(() => sec.loadFramework(file))).toBe('framework.id-taken');
  });
});

describe('opening stores', () => {
  it('refuses a store of the other role and a wrong passphrase, and changes the passphrase', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'expert.db');
      await initStore({ role: 'expert', path, passphrase: PASS });
      await expect(openSecretariat({ path, passphrase: PASS })).rejects.toMatchObject({ code: 'store.wrong-role' });
      await expect(openExpert({ path, passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      const svc = await openExpert({ path, passphrase: PASS });
      expect(svc.info()).toMatchObject({ role: 'expert', path });
      expect(svc.auditLog().map((e) => e.action)).toEqual(['store.created']);
      await expect(svc.changePassphrase('wrong passphrase', '新的口令 battery staple')).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      await svc.changePassphrase(PASS, '新的口令 battery staple');
      expect(svc.auditLog({ limit: 1 })[0]?.action).toBe('store.passphrase-changed');
      svc.close();
      await expect(openExpert({ path, passphrase: PASS })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
      const reopened = await openExpert({ path, passphrase: '新的口令 battery staple' });
      expect(reopened.verifyAuditChain()).toMatchObject({ ok: true, length: 2 });
      reopened.close();
    } finally {
      t.cleanup();
    }
  });
});
