import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultBundle } from '../../src-main/exchange/bundle.js';
import { openSealed, seal } from '../../src-main/seal/envelope.js';
import { signStatement, type StatementKind } from '../../src-main/seal/statement.js';
import type { Panels } from './consensus-fixtures.js';
import { identityOf } from './forge.js';

/**
 * What a member holding their own key could try: take the bundle their store would send next,
 * add statements they signed themselves, and seal it with their own (valid) key, so that only the
 * secretariat's judgement of who leads which panel refuses it.
 */

type Code = keyof Panels['store'];

export async function openBody(p: Panels, file: string): Promise<ResultBundle> {
  const secretariat = await identityOf(join(p.dir, 'secretariat.db'));
  const opened = await openSealed({ bytes: readFileSync(file), kind: 'result-bundle', identity: secretariat.boxIdentity, resolveSigner: (kid) => kid });
  return opened.payload as ResultBundle;
}

export async function signAs(p: Panels, code: Code, kind: StatementKind, payload: unknown): Promise<string> {
  const me = await identityOf(join(p.dir, `${code}.db`));
  return signStatement({ kind, payload, signer: { privateKeyPkcs8: me.signPrivate, kid: me.signPublic } });
}

export async function forgeBundle(p: Panels, code: Code, change: (b: ResultBundle) => Promise<ResultBundle>): Promise<string> {
  const made = await p.store[code].bundles.export({ editionId: p.editionId });
  const file = join(p.dir, `forged-${code}-${made.bundleId}.psb`);
  writeFileSync(file, made.bytes);
  const body = await change(await openBody(p, file));
  const me = await identityOf(join(p.dir, `${code}.db`));
  const secretariat = await identityOf(join(p.dir, 'secretariat.db'));
  writeFileSync(file, await seal({ kind: 'result-bundle', payload: body, signer: { privateKeyPkcs8: me.signPrivate, kid: me.signPublic }, recipients: [secretariat.boxRecipient] }));
  return file;
}

/** A bundle the member sealed by hand to someone it was not meant for (a leader of a panel the member is not on). */
export async function resealTo(p: Panels, code: Code, file: string, to: Code): Promise<string> {
  const body = await openBody(p, file);
  const me = await identityOf(join(p.dir, `${code}.db`));
  const them = await identityOf(join(p.dir, `${to}.db`));
  const out = `${file}.to-${to}`;
  writeFileSync(out, await seal({ kind: 'result-bundle', payload: body, signer: { privateKeyPkcs8: me.signPrivate, kid: me.signPublic }, recipients: [them.boxRecipient] }));
  return out;
}
