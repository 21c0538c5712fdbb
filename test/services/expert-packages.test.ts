import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIdentity, parseEnrollmentCode, type Identity } from '../../src-main/crypto/identity.js';
import { buildReviewPackage } from '../../src-main/exchange/package.js';
import { seal } from '../../src-main/seal/envelope.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { asUpload, setupReview, upload, writePdf, type Review } from './fixtures.js';

describe('an expert imports review packages', () => {
  let r: Review;
  let e1: StoreClient;
  beforeEach(async () => {
    r = await setupReview();
    e1 = r.stores[0]!;
  });
  afterEach(() => r.cleanup());

  /** A package as the real secretariat would make it, but signed by `signer` claiming `claims`. */
  async function forgedPackage(signer: Identity, claims: { signPublic: string; boxRecipient: string; fingerprint: string }, editionId: string): Promise<string> {
    const edition = r.sec.editions.get({ editionId: r.editionId });
    const a = r.applicants[0]!;
    const me = r.experts[0]!;
    const body = buildReviewPackage({
      packageId: randomUUID(),
      issuedAt: new Date(Date.now() + 60_000).toISOString(),
      edition: { id: editionId, name: edition.name, year: edition.year, profile: edition.profile, framework: edition.framework, settings: edition.settings },
      secretariat: claims,
      expert: { id: me.id, code: me.code, name: me.name, fingerprint: me.fingerprint! },
      assignments: [{ applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry }, stage: 'material', panel: { id: randomUUID(), name: '伪造评审组' }, leader: true, recusal: null }],
      materials: [],
      returns: [],
      lifted: [],
      roster: [],
    });
    const bytes = await seal({
      kind: 'review-package',
      payload: body,
      signer: { privateKeyPkcs8: signer.signPrivate, kid: signer.signPublic },
      recipients: [parseEnrollmentCode(e1.store.enrollmentCode()).boxRecipient],
    });
    const file = join(r.dir, `forged-${randomUUID()}.pspkg`);
    writeFileSync(file, bytes);
    return file;
  }

  it('names each package and bundle for the edition, the step and the expert, in characters every file system takes', async () => {
    expect(r.packageFiles.map((f) => basename(f))).toEqual(['2025年信阳市市长质量奖-材料评审-现场评审-E01张伟-评审包.pspkg', '2025年信阳市市长质量奖-材料评审-现场评审-E02李娜-评审包.pspkg', '2025年信阳市市长质量奖-材料评审-现场评审-E03王强-评审包.pspkg']);
    const first = await e1.bundles.export({ editionId: r.editionId });
    const second = await e1.bundles.export({ editionId: r.editionId });
    expect(first.fileName).toBe('2025年信阳市市长质量奖-材料评审-现场评审-E01张伟-结果包.psbundle');
    expect(second.fileName).toBe('2025年信阳市市长质量奖-材料评审-现场评审-E01张伟-结果包-2.psbundle');
    for (const name of [...r.packageFiles.map((f) => basename(f)), first.fileName]) expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });

  it('tells each expert who they are in the edition, as the package named them', () => {
    expect(r.stores.map((s) => s.experts.me({ editionId: r.editionId }))).toEqual(
      r.experts.map((e) => ({ id: e.id, code: e.code, name: e.name })),
    );
    expect(r.stores[1]!.experts.me({ editionId: r.editionId })).toEqual({ id: r.experts[1]!.id, code: 'E02', name: '李娜' });
    expect(() => e1.experts.me({ editionId: randomUUID() })).toThrow(expect.objectContaining({ code: 'edition.not-found' }));
  });

  it('shows the secretariat’s fingerprint and refuses a package whose signer does not match the one given', async () => {
    const file = r.packageFiles.find((f) => f.includes('-E01'))!;
    const secFingerprint = r.sec.store.info().fingerprint;
    expect(await e1.packages.import(({
	file: upload(file),
	secretariatFingerprint: secFingerprint.toLowerCase()
}))).toMatchObject({
      id: r.editionId,
      secretariatFingerprint: secFingerprint,
    });
    await expect(e1.packages.import(({
	file: upload(file),
	secretariatFingerprint: 'AAAA BBBB'
}))).rejects.toMatchObject({ code: 'package.fingerprint-mismatch' });
  });

  it('refuses a package signed by someone else, whether it names the secretariat or itself', async () => {
    const mallory = await generateIdentity();
    const secKeys = parseEnrollmentCode(r.sec.store.enrollmentCode());
    const posing = await forgedPackage(mallory, secKeys, r.editionId);
    await expect(e1.packages.import({ file: upload(posing) })).rejects.toMatchObject({ code: 'package.signer-mismatch' });
    const itself = { signPublic: mallory.signPublic, boxRecipient: mallory.boxRecipient, fingerprint: mallory.fingerprint };
    const own = await forgedPackage(mallory, itself, r.editionId);
    await expect(e1.packages.import({ file: upload(own) })).rejects.toMatchObject({ code: 'package.other-secretariat' });
    const newEdition = await forgedPackage(mallory, itself, randomUUID());
    await expect(e1.packages.import(({
	file: upload(newEdition),
	secretariatFingerprint: r.sec.store.info().fingerprint
}))).rejects.toMatchObject({
      code: 'package.fingerprint-mismatch',
    });
    expect(e1.editions.list()).toHaveLength(1);
    expect(e1.assignments.mine({ editionId: r.editionId })).toHaveLength(6);
  });

  it('takes a newer package’s assignments and materials, refuses an older one, and re-imports an imported one as a no-op', async () => {
    const first = r.packageFiles.find((f) => f.includes('-E01'))!;
    const extra = r.sec.applicants.add({ editionId: r.editionId, applicant: { code: 'XY2025-004', name: '信阳毛尖茶业有限公司', kind: 'unit', industry: 1, contactName: null, contactPhone: null, contactEmail: null } });
    r.sec.materials.attach({ applicantId: extra.id, file: upload(writePdf(r.dir, '茶业.pdf', '茶园产量')) });
    r.sec.panels.assign({ panelId: r.panels.material!.id, applicantIds: [extra.id] });
    const [older] = await r.sec.packages.export(({
	editionId: r.editionId,
	expertIds: [r.experts[0]!.id]
}));
    const [newer] = await r.sec.packages.export(({
	editionId: r.editionId,
	expertIds: [r.experts[0]!.id]
}));
    await e1.packages.import({ file: asUpload(newer!) });
    await expect(e1.packages.import({ file: asUpload(older!) })).rejects.toMatchObject({ code: 'package.stale' });
    expect(e1.assignments.mine({ editionId: r.editionId })).toHaveLength(7);
    e1.declarations.declare({ editionId: r.editionId, applicantId: extra.id, conflict: false, reason: '' });
    expect(e1.materials.forReview({ editionId: r.editionId, applicantId: extra.id }).map((m) => m.fileName)).toEqual(['茶业.pdf']);
    await expect(e1.packages.import({ file: upload(first) })).resolves.toMatchObject({ id: r.editionId });
    expect(e1.assignments.mine({ editionId: r.editionId })).toHaveLength(7);
  });
});
