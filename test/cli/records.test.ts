import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionResults } from '../../src-main/scoring/results.js';
import { exportBundleFile, PASS, scoreAll, setupReview, upload, type Review } from '../services/fixtures.js';
import { Actor, CHEAP_KDF, flipByte, pingshen } from './helpers.js';
import { fingerprintFile } from '../store/helpers.js';

/**
 * Records that last, from the command line: the archive made and verified where the store never
 * was, the recovery code, the backup restored elsewhere, and what deletion refuses.
 */

let r: Review;
let dir: string;
let sec: Actor;

beforeAll(async () => {
  r = await setupReview();
  for (const [i, e] of r.stores.entries()) {
    for (const a of r.applicants) scoreAll(e, r.editionId, a.id, 'material', 60 + 5 * i);
  }
  const files = [];
  for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, r.editionId, join(r.dir, `b${i}.psb`))).file);
  await r.sec.bundles.import({ files: files.map(upload) });
  // the CLI opens the store on its own
  r.sec.close();
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-records-'));
  const passFile = join(dir, 'sec.pass');
  writeFileSync(passFile, `${PASS}\n`);
  sec = new Actor(r.secretariatPath, passFile);
}, 120_000);

afterAll(() => {
  r.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the archive from the command line', () => {
  it('is made for the archive office’s key, verified as written, and verified again on a machine without the store', async () => {
    const key = join(dir, 'office.key');
    const { recipient } = JSON.parse((await pingshen(['--json', 'archive', 'keygen', '--out', key])).stdout) as { recipient: string };
    expect(recipient).toMatch(/^age1/);
    expect(readFileSync(key, 'utf8')).toMatch(/^AGE-SECRET-KEY-1/m);

    const out = join(dir, 'archive.psarchive');
    const made = await sec.json<{ verified: boolean; recorded: boolean; bundles: number; protection: { recipients: string[] } }>('archive', 'create', '--recipient', recipient, '--out', out);
    expect(made).toMatchObject({ verified: true, recorded: true, bundles: 3 });
    expect(made.protection.recipients).toContain(recipient);

    const elsewhere = mkdtempSync(join(tmpdir(), 'pingshen-supervisor-'));
    try {
      const copy = join(elsewhere, 'archive.psarchive');
      copyFileSync(out, copy);
      const ok = await pingshen(['archive', 'verify', copy, '--identity', key]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('档案核验通过');
      expect(ok.stdout.match(/^✓ /gm)).toHaveLength(7);

      writeFileSync(copy, flipByte(readFileSync(copy), 5000));
      const bad = await pingshen(['archive', 'verify', copy, '--identity', key]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('✗');
      expect(bad.stderr).toContain('档案核验未通过');

      const locked = await pingshen(['--lang', 'en', 'archive', 'verify', out]);
      expect(locked.code).toBe(1);
      expect(locked.stdout).toContain('This archive is encrypted');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a plain archive without --confirm-plain, saying what plain means', async () => {
    const run = await sec.run('archive', 'create', '--plain', '--out', join(dir, 'plain.psarchive'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('任何拿到这个文件的人');
    expect(existsSync(join(dir, 'plain.psarchive'))).toBe(false);
  });

  it('refuses to delete an edition without its full name', async () => {
    const run = await sec.run('edition', 'delete', '--confirm-name', '不是这个名字');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('须输入其完整名称');
  });
});

describe('the recovery code from the command line', () => {
  it('is printed once at init, resets a forgotten passphrase, and a wrong one changes nothing', async () => {
    const me = Actor.create(dir, 'expert-r');
    const created = await me.json<{ recoveryCode: string }>('init', '--role', 'expert', ...CHEAP_KDF);
    const codeFile = join(dir, 'code.txt');
    const newPass = join(dir, 'new.pass');
    writeFileSync(newPass, '忘了旧口令之后的新口令\n');

    // another store's code is a well-formed code, and still not this store's
    const other = await Actor.create(dir, 'expert-o').json<{ recoveryCode: string }>('init', '--role', 'expert', ...CHEAP_KDF);
    writeFileSync(codeFile, other.recoveryCode);
    const before = [fingerprintFile(me.store), fingerprintFile(`${me.store}.key`)];
    const wrong = await pingshen(['--store', me.store, 'passphrase', 'reset', '--recovery-code-file', codeFile, '--new-passphrase-file', newPass]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('不是此存储的恢复码');
    writeFileSync(codeFile, created.recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    const mistyped = await pingshen(['--store', me.store, 'passphrase', 'reset', '--recovery-code-file', codeFile, '--new-passphrase-file', newPass]);
    expect(mistyped.code).toBe(2);
    expect([fingerprintFile(me.store), fingerprintFile(`${me.store}.key`)]).toEqual(before);

    writeFileSync(codeFile, created.recoveryCode);
    const reset = await pingshen(['--store', me.store, 'passphrase', 'reset', '--recovery-code-file', codeFile, '--new-passphrase-file', newPass]);
    expect(reset.code).toBe(0);
    expect((await pingshen(['--store', me.store, '--passphrase-file', newPass, 'whoami'])).code).toBe(0);
    expect((await me.run('whoami')).code).toBe(1);
  });
});

describe('backup and restore from the command line', () => {
  it('restores the secretariat’s store elsewhere with the same results', async () => {
    const file = join(dir, 'sec.psbackup');
    await sec.ok('backup', 'create', '--out', file);
    const restored = new Actor(join(dir, 'restored', 'secretariat.db'), sec.passphraseFile);
    await restored.ok('restore', file);
    expect(await restored.json<EditionResults>('results')).toEqual(await sec.json<EditionResults>('results'));
    expect((await restored.json<{ last: { kind: string } }>('backup', 'status')).last.kind).toBe('restored');
    const again = await restored.run('restore', file);
    expect(again.code).toBe(1);
  });

  it('deletes a store only with its fingerprint', async () => {
    const me = Actor.create(dir, 'expert-d');
    const created = await me.json<{ fingerprint: string }>('init', '--role', 'expert', ...CHEAP_KDF);
    expect((await me.run('delete-store', '--confirm-fingerprint', 'ABCD')).code).toBe(2);
    expect(existsSync(me.store)).toBe(true);
    await me.ok('delete-store', '--confirm-fingerprint', created.fingerprint);
    expect(existsSync(me.store) || existsSync(`${me.store}.key`)).toBe(false);
  });
});
