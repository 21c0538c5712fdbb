import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, type Identity } from '../../src-main/crypto/identity.js';
import { isPingshenError } from '../../src-main/domain/errors.js';
import { signStatement, verifyStatement } from '../../src-main/seal/statement.js';

let leader: Identity;
let member: Identity;

beforeAll(async () => {
  [leader, member] = await Promise.all([generateIdentity(), generateIdentity()]);
});

const payload = { id: 'r-1', expertId: 'E02', version: 1, reason: '4.1.2 评分与评语不符，请复核' };
const by = (id: Identity) => ({ privateKeyPkcs8: id.signPrivate, kid: id.signPublic });
const knows = (...ids: Identity[]) => (kid: string) => (ids.some((i) => i.signPublic === kid) ? kid : null);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isPingshenError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('signed statements', () => {
  it('verify under the signer’s key and give back the payload and who signed', async () => {
    const jws = await signStatement({ kind: 'leader-return', payload, signer: by(leader) });
    expect(await verifyStatement({ jws, kind: 'leader-return', resolveSigner: knows(leader) })).toEqual({ payload, kid: leader.signPublic });
  });

  it('refuse an altered payload, a key no one enrolled, a forged key id, and the wrong kind', async () => {
    const jws = await signStatement({ kind: 'leader-return', payload, signer: by(leader) });
    const [head, body, sig] = jws.split('.') as [string, string, string];
    const altered = Buffer.from(JSON.stringify({ ...payload, version: 2 })).toString('base64url');
    expect(await code(verifyStatement({ jws: `${head}.${altered}.${sig}`, kind: 'leader-return', resolveSigner: knows(leader) }))).toBe('statement.bad-signature');
    expect(await code(verifyStatement({ jws, kind: 'leader-return', resolveSigner: knows(member) }))).toBe('statement.unknown-signer');
    // a member signs with their own key but names the leader's: the leader's key does not verify it
    const forgedHead = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'pingshen+leader-return', kid: leader.signPublic })).toString('base64url');
    const own = (await signStatement({ kind: 'leader-return', payload, signer: by(member) })).split('.')[2];
    expect(await code(verifyStatement({ jws: `${forgedHead}.${body}.${own}`, kind: 'leader-return', resolveSigner: knows(leader, member) }))).toBe('statement.bad-signature');
    expect(await code(verifyStatement({ jws, kind: 'consensus-record', resolveSigner: knows(leader) }))).toBe('statement.wrong-kind');
    expect(await code(verifyStatement({ jws: 'not a jws', kind: 'leader-return', resolveSigner: knows(leader) }))).toBe('statement.unreadable');
  });
});
