import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatcher.js';
import { Session } from '../../src-main/ipc/session.js';
import { PASS, TEST_OPENERS } from './fixtures.js';

/**
 * The app's own records calls, which no store answers: deleting the open store (its fingerprint
 * typed, the retention period heard), verifying an archive with no store at all, and the
 * recipient key pair a supervisor's machine makes for itself.
 */

const dirs: string[] = [];
const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function app() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-app-records-'));
  dirs.push(dir);
  const session = new Session(dir, TEST_OPENERS);
  sessions.push(session);
  const ctx = { session, host: { mode: 'browser' as const, version: '0.0.0-test' } };
  return {
    dir,
    async call<T = unknown>(name: string, input: unknown): Promise<T> {
      const r = await dispatch(ctx, name as never, input as never);
      if (!r.ok) throw Object.assign(new Error(r.error.message.en), { code: r.error.code, message: r.error.message });
      return r.value as T;
    },
    refused: async (name: string, input: unknown) => {
      const r = await dispatch(ctx, name as never, input as never);
      if (r.ok) throw new Error(`${name} was not refused`);
      return r.error;
    },
  };
}

const NAME = '2025年大庆市政府质量奖';

async function daqingSecretariat() {
  const a = app();
  await a.call('session.create', { role: 'secretariat', passphrase: PASS });
  const edition = await a.call<{ id: string }>('editions.create', {
    name: NAME,
    year: 2025,
    profileId: 'daqing-2018',
    frameworkId: 'gbt19580-2012',
    settings: { weights: { material: 40, site: 60 }, shortlistSize: 10, panelSize: { min: 3, max: 7 } },
  });
  const { info } = await a.call<{ info: { fingerprint: string } }>('session.status', {});
  return { a, editionId: edition.id, fingerprint: info.fingerprint };
}

describe('deleting the open store from the app', () => {
  it('needs its fingerprint typed, is refused while an edition is kept without a verified archive, and then deletes it', async () => {
    const { a, editionId, fingerprint } = await daqingSecretariat();
    const path = join(a.dir, 'secretariat.db');

    expect(await a.refused('session.deleteStore', { confirmFingerprint: 'ABCD 1234' })).toMatchObject({ code: 'store.delete-unconfirmed' });
    const kept = await a.refused('session.deleteStore', { confirmFingerprint: fingerprint.toLowerCase() });
    expect(kept).toMatchObject({ code: 'retention.in-force', message: { zh: expect.stringContaining(`“${NAME}”（至 2035-12-31）`) } });
    expect(await a.call('session.status', {})).toMatchObject({ role: 'secretariat', stores: { secretariat: true } });
    expect(existsSync(path)).toBe(true);

    const { recipient } = await a.call<{ recipient: string }>('archive.keygen', {});
    const made = await a.call<{ fileName: string; bytes: Uint8Array }>('archive.create', { editionId, protection: { kind: 'encrypted', recipients: [recipient] } });
    expect(await a.call('archive.verify', { file: { fileName: made.fileName, bytes: made.bytes } })).toMatchObject({ recorded: true });

    expect(await a.call('session.deleteStore', { confirmFingerprint: fingerprint })).toMatchObject({ role: null, stores: { secretariat: false } });
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.key`)).toBe(false);
    expect(await a.refused('editions.list', {})).toMatchObject({ code: 'session.locked' });
  }, 60_000);

  it('deletes an expert’s store, which holds only copies, at once', async () => {
    const a = app();
    await a.call('session.create', { role: 'expert', passphrase: PASS });
    const { info } = await a.call<{ info: { fingerprint: string } }>('session.status', {});
    expect(await a.call('session.deleteStore', { confirmFingerprint: info.fingerprint })).toMatchObject({ role: null, stores: { expert: false } });
  });
});

describe('verifying an archive with no store', () => {
  it('opens it with the key file made for the archive office, and names what failed when the file or the signer is not right', async () => {
    const { a, editionId, fingerprint } = await daqingSecretariat();
    const key = await a.call<{ fileName: string; bytes: Uint8Array; recipient: string }>('archive.keygen', {});
    expect(new TextDecoder().decode(key.bytes)).toMatch(new RegExp(`^# created: .*\\n# public key: ${key.recipient}\\nAGE-SECRET-KEY-1[0-9A-Z]+\\n$`));
    const made = await a.call<{ fileName: string; bytes: Uint8Array }>('archive.create', { editionId, protection: { kind: 'encrypted', recipients: [key.recipient] } });
    await a.call('session.lock', { reason: 'user' });

    const supervisor = app();
    const file = { fileName: made.fileName, bytes: made.bytes };
    const keyFile = { fileName: key.fileName, bytes: key.bytes };
    expect(await supervisor.call('archive.check', { file, keyFile, fingerprint })).toMatchObject({ ok: true, archive: { edition: { name: NAME }, retention: { until: '2035-12-31' } } });

    const without = await supervisor.call<{ ok: boolean; checks: { id: string; ok: boolean }[] }>('archive.check', { file });
    expect(without.ok).toBe(false);
    expect(without.checks.find((c) => !c.ok)?.id).toBe('container');

    const otherSigner = await supervisor.call<{ ok: boolean; checks: { id: string; ok: boolean }[] }>('archive.check', { file, keyFile, fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000' });
    expect(otherSigner.ok).toBe(false);
    expect(otherSigner.checks.find((c) => !c.ok)?.id).toBe('manifest');

    const flipped = new Uint8Array(made.bytes);
    flipped[flipped.length - 40] = flipped[flipped.length - 40]! ^ 1;
    expect(await supervisor.call('archive.check', { file: { ...file, bytes: flipped }, keyFile })).toMatchObject({ ok: false });

    expect(await supervisor.refused('archive.check', { file, keyFile: { fileName: 'notes.txt', bytes: new TextEncoder().encode('# public key: age1xyz\n') } })).toMatchObject({ code: 'archive.no-identity' });
  }, 60_000);
});
