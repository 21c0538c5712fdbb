import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_ARCHIVE_CONFIRMATION } from '../../src-main/domain/records.js';
import { DECISION_PATHS, PATHS } from '../../src-main/exchange/archive/format.js';
import { verifyArchive } from '../../src-main/exchange/archive/verify.js';
import { openStore } from '../../src-main/features/open.js';
import type { Identity } from '../../src-main/crypto/identity.js';
import { failed, openArchive, resign, sealArchive, type ArchiveFiles } from './archive-kit.js';
import { exportBundleFile, PASS, scoreAll, setupReview, TEST_KDF, upload, type Review } from './fixtures.js';

/**
 * The edition archive, made by the secretariat and verified with nothing but the file and the
 * archive office's key: a supervisor's machine that never saw the store. Any changed byte, a
 * missing bundle or a recorded result that the signed bundles do not give makes it fail, naming
 * what failed.
 */

let r: Review;
let office: string;
let archive: Uint8Array;
let secretariat: Identity;
let fresh: string;

function flip(bytes: Uint8Array, at = Math.floor(bytes.byteLength / 2)): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

const open = (bytes: Uint8Array) => openArchive(bytes, office);
const seal = (files: ArchiveFiles) => sealArchive(files, office);

beforeAll(async () => {
  r = await setupReview();
  const id = r.editionId;
  const [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
  const [e1, e2, e3] = r.stores as [Review['stores'][0], Review['stores'][0], Review['stores'][0]];
  for (const [i, e] of [e1, e2, e3].entries()) {
    scoreAll(e, id, a1, 'material', 70 + 5 * i, '过程管理体系完善');
    scoreAll(e, id, a1, 'site', 75 + 5 * i);
    scoreAll(e, id, a2, 'material', 60);
    scoreAll(e, id, a2, 'site', 65);
  }
  e3.declarations.declare({ editionId: id, applicantId: a3, conflict: true, reason: '曾任该单位质量顾问' });
  for (const e of [e1, e2]) {
    scoreAll(e, id, a3, 'material', 50);
    scoreAll(e, id, a3, 'site', 55);
  }
  const files = [];
  for (const [i, e] of [e1, e2, e3].entries()) files.push((await exportBundleFile(e, id, join(r.dir, `bundle-${i + 1}.psb`))).file);
  await r.sec.bundles.import({ files: files.map(upload) });
  // the secretariat's own acts the archive must carry for the results to come out the same
  r.sec.declarations.impose({ expertId: r.experts[1]!.id, applicantId: a2, reason: '秘书处查明其曾为该单位提供咨询' });
  const sheet = r.sec.sheets.list({ editionId: id, filter: { applicantId: a1, stage: 'material', expertId: r.experts[0]!.id } })[0]!;
  r.sec.sheets.return({ sheetId: sheet.id, reason: '4.1.2 的评语与分数不符，请复核' });

  office = await generateX25519Identity();
  const made = await r.sec.archive.create({ editionId: id, protection: { kind: 'encrypted', recipients: [await identityToRecipient(office)] } });
  archive = made.bytes;
  const raw = await openStore({ path: r.secretariatPath, passphrase: PASS, kdf: TEST_KDF }, 'secretariat');
  secretariat = raw.ctx.identity;
  raw.close();
  fresh = mkdtempSync(join(tmpdir(), 'pingshen-supervisor-'));
  writeFileSync(join(fresh, made.fileName), archive);
}, 120_000);

afterAll(() => {
  r.cleanup();
  rmSync(fresh, { recursive: true, force: true });
});

describe('an edition archive', () => {
  it('verifies from the file alone with the archive office’s key, every check passing, the results recomputed equal', async () => {
    const file = join(fresh, readdirSync(fresh)[0]!);
    const v = await verifyArchive(new Uint8Array(readFileSync(file)), { identities: [office], expectFingerprint: secretariat.fingerprint });
    expect(failed(v)).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checks.map((c) => c.id)).toEqual(['container', 'manifest', 'files', 'bundles', 'audit', 'registers', 'results']);
    expect(v.archive).toMatchObject({ edition: { id: r.editionId, year: 2025 }, fingerprint: secretariat.fingerprint, retention: { years: null } });
    expect(v.checks.find((c) => c.id === 'bundles')!.done.en).toContain('the signatures of 3 experts');
    expect(v.checks.find((c) => c.id === 'results')!.done.en).toContain('of 3 applicants');
  });

  it('holds every bundle as received, the registers, the rules, the audit log, the results and every report', async () => {
    const files = await open(archive);
    const names = Object.keys(files);
    expect(names.filter((n) => n.startsWith('bundles/'))).toHaveLength(3);
    for (const [i, n] of names.filter((n) => n.startsWith('bundles/')).sort().entries()) {
      expect(Buffer.from(files[n]!).equals(readFileSync(join(r.dir, `bundle-${i + 1}.psb`)))).toBe(true);
    }
    // no committee decision, notice or objection yet: their registers are not written
    for (const p of Object.values(PATHS)) expect(names.includes(p), p).toBe(!(DECISION_PATHS as readonly string[]).includes(p));
    // a feedback report per applicant, the binder, the ranking, the recusal register, the receipt and (Xinyang art. 21) the ballot
    expect(names.filter((n) => n.startsWith('reports/') && n.endsWith('.pdf')).length).toBe(3 + 1 + 1 + 3);
    expect(Buffer.from(files[PATHS.cover]!).toString('utf8')).toContain('本届所用规则未规定资料保存期限');
    const results = JSON.parse(Buffer.from(files[PATHS.results]!).toString('utf8'));
    expect(results).toEqual(JSON.parse(JSON.stringify(r.sec.results.get({ editionId: r.editionId }))));
    // the recusal imposed after the sheets arrived, and the returned sheet, are in what was recomputed
    expect(results.flags.some((f: { code: string }) => f.code === 'recused-sheet-excluded')).toBe(true);
  });

  it('refuses to open without a recipient’s key, or with another key', async () => {
    expect(failed(await verifyArchive(archive, { identities: [] }))).toEqual([{ id: 'container', problems: [expect.stringContaining('This archive is encrypted')] }]);
    const other = await generateX25519Identity();
    expect(failed(await verifyArchive(archive, { identities: [other] }))[0]!.problems[0]).toContain('not a recipient');
  });

  it('fails on a byte flipped in the encrypted file', async () => {
    const v = await verifyArchive(flip(archive), { identities: [office] });
    expect(v.ok).toBe(false);
    expect(failed(v)[0]!.id).toBe('container');
  });

  it('fails on a byte flipped in any component, naming the file', async () => {
    const files = await open(archive);
    const components = Object.keys(files).filter((p) => p !== PATHS.manifest);
    const one = (prefix: string) => components.find((p) => p.startsWith(prefix))!;
    for (const path of [PATHS.cover, PATHS.profile, PATHS.criteria, PATHS.edition, PATHS.experts, PATHS.seats, PATHS.bundles, PATHS.audit, PATHS.results, one('bundles/'), one('reports/')]) {
      const changed = { ...files, [path]: flip(files[path]!) };
      const v = await verifyArchive(await seal(changed), { identities: [office] });
      expect(v.ok, path).toBe(false);
      expect(failed(v).find((c) => c.id === 'files')?.problems, path).toContain(`${path} does not match its hash in the manifest: the file was altered`);
    }
  });

  it('fails on a byte flipped in the manifest: its signature no longer holds', async () => {
    const files = await open(archive);
    const jws = files[PATHS.manifest]!;
    const v = await verifyArchive(await seal({ ...files, [PATHS.manifest]: flip(jws, jws.byteLength - 10) }), { identities: [office] });
    expect(failed(v).map((c) => c.id)).toEqual(['manifest']);
    expect(v.archive).toBeNull();
  });

  it('fails when a bundle is removed, saying which', async () => {
    const files = await open(archive);
    const gone = Object.keys(files).find((p) => p.startsWith('bundles/'))!;
    delete files[gone];
    const v = await verifyArchive(await seal(files), { identities: [office] });
    const problems = failed(v).flatMap((c) => c.problems);
    expect(problems).toContain(`${gone}, listed in the manifest, is missing from the archive`);
    expect(problems.some((p) => p.includes(gone) && p.includes('missing from the archive') && p.startsWith('the bundle'))).toBe(true);
  });

  it('fails when a recorded result was changed, even under a valid signature, because the signed bundles give another', async () => {
    const files = await open(archive);
    const results = JSON.parse(Buffer.from(files[PATHS.results]!).toString('utf8'));
    const first = results.ranking[0];
    first.weightedTotal += 10;
    files[PATHS.results] = Buffer.from(`${JSON.stringify(results, null, 2)}\n`);
    await resign(files, secretariat);
    const v = await verifyArchive(await seal(files), { identities: [office] });
    expect(failed(v)).toEqual([
      {
        id: 'results',
        problems: [`${first.applicant.code}: the recorded weighted total is ${first.weightedTotal}, recomputed from the signed bundles ${first.weightedTotal - 10}`],
      },
    ]);
  });

  it('fails when a register says an expert declared what their signed bundle does not', async () => {
    const files = await open(archive);
    const declarations = JSON.parse(Buffer.from(files[PATHS.declarations]!).toString('utf8'));
    const conflict = declarations.find((d: { conflict: boolean; source: string }) => d.conflict && d.source === 'expert');
    conflict.conflict = false;
    conflict.reason = '';
    files[PATHS.declarations] = Buffer.from(`${JSON.stringify(declarations, null, 2)}\n`);
    await resign(files, secretariat);
    const v = await verifyArchive(await seal(files), { identities: [office] });
    // the results are recomputed from what the expert signed, so only the register is at fault
    expect(failed(v)).toEqual([{ id: 'registers', problems: ["the register's declaration of expert E03 on XY2025-003 differs from their signed bundle"] }]);
  });

  it('fails when another key signed the manifest than the fingerprint the supervisor compared', async () => {
    const v = await verifyArchive(archive, { identities: [office], expectFingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' });
    expect(failed(v).map((c) => c.id)).toEqual(['manifest']);
  });
});

describe('making an archive', () => {
  it('refuses a plain archive without the confirmation that says what it means', async () => {
    await expect(r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'plain', confirm: 'yes' } })).rejects.toMatchObject({
      code: 'archive.plain-unconfirmed',
      localized: { en: expect.stringContaining('anyone who gets the file') },
    });
  });

  it('refuses no recipient and a recipient that is not an age key', async () => {
    await expect(r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'encrypted', recipients: [] } })).rejects.toMatchObject({ code: 'archive.no-recipient' });
    await expect(r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'encrypted', recipients: ['age1notakey'] } })).rejects.toMatchObject({ code: 'archive.bad-recipient' });
  });

  it('makes a plain signed archive once confirmed, which verifies without any key', async () => {
    const made = await r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'plain', confirm: PLAIN_ARCHIVE_CONFIRMATION } });
    expect(Buffer.from(made.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const v = await verifyArchive(made.bytes, { identities: [] });
    expect(failed(v)).toEqual([]);
    expect(v.archive?.protection).toEqual({ kind: 'plain' });
  }, 60_000);
});

describe('an archive of an edition put right', () => {
  it('recomputes without the applicant who withdrew, as the store ranks it, the withdrawal read from the archived register', async () => {
    const review = await setupReview();
    try {
      const id = review.editionId;
      const [a1, a2, a3] = review.applicants as [Review['applicants'][0], Review['applicants'][0], Review['applicants'][0]];
      for (const [i, e] of review.stores.entries()) {
        for (const a of [a1, a2, a3]) {
          scoreAll(e, id, a.id, 'material', 60 + 5 * i);
          scoreAll(e, id, a.id, 'site', 65 + 5 * i);
        }
      }
      const files = [];
      for (const [i, e] of review.stores.entries()) files.push((await exportBundleFile(e, id, join(review.dir, `put-right-${i + 1}.psb`))).file);
      await review.sec.bundles.import({ files: files.map(upload) });
      review.sec.applicants.withdraw({ applicantId: a2.id, reason: '申报单位书面撤回申报' });
      const recorded = review.sec.results.get({ editionId: id });
      expect(recorded.ranking.map((e) => e.applicant.code)).not.toContain(a2.code);
      expect(recorded.withdrawn).toMatchObject([{ applicant: { code: a2.code }, reason: '申报单位书面撤回申报' }]);

      const key = await generateX25519Identity();
      const made = await review.sec.archive.create({ editionId: id, protection: { kind: 'encrypted', recipients: [await identityToRecipient(key)] } });
      const v = await verifyArchive(made.bytes, { identities: [key] });
      expect(failed(v)).toEqual([]);
      expect(v.checks.find((c) => c.id === 'results')!.done.en).toContain('of 2 applicants');
    } finally {
      review.cleanup();
    }
  }, 120_000);
});
