import { z } from 'zod';
import { refuse } from '../domain/errors.js';

/** jose and the key helpers (age beside them) load with the first statement, not with every store opening. */
const libraries = async () => ({ jose: await import('jose'), keys: await import('./envelope.js') });

/**
 * A signed statement: a JSON payload signed as a compact JWS (EdDSA, jose), not encrypted. It is
 * for what must stay verifiable as it travels on, from hand to hand: a panel leader's return of a
 * sheet goes to the member, back in the member's next bundle and in the leader's own; a leader's
 * consensus record goes in the leader's bundle; an edition archive's manifest is checked years
 * later by a supervisor on a machine that never saw the secretariat's store. Whoever knows the
 * signer's key checks it; nobody without the private key can make one.
 */

export type StatementKind = 'leader-return' | 'consensus-record' | 'edition-archive';

const TYP_PREFIX = 'pingshen+';

const HeaderSchema = z.object({ alg: z.literal('EdDSA'), typ: z.string(), kid: z.string().regex(/^[\x20-\x7e]{1,200}$/) });

const NAMES: Record<StatementKind, { zh: string; en: string }> = {
  'leader-return': { zh: '组长的退回记录', en: "leader's return" },
  'consensus-record': { zh: '组长的合议记录', en: "leader's consensus record" },
  'edition-archive': { zh: '档案清单', en: 'archive manifest' },
};

export async function signStatement(input: { kind: StatementKind; payload: unknown; signer: { privateKeyPkcs8: string; kid: string } }): Promise<string> {
  const json = JSON.stringify(input.payload);
  if (json === undefined) throw new Error('the payload is not JSON-serialisable');
  const { jose, keys } = await libraries();
  return new jose.CompactSign(Buffer.from(json, 'utf8'))
    .setProtectedHeader({ alg: 'EdDSA', typ: TYP_PREFIX + input.kind, kid: input.signer.kid })
    .sign(keys.signingKey(input.signer.privateKeyPkcs8));
}

/**
 * The payload, once the signature of a signer the caller knows holds; the key id is the signer's
 * public key. Every refusal says which statement and why, and nothing of it is returned.
 */
export async function verifyStatement(input: {
  jws: string;
  kind: StatementKind;
  resolveSigner: (kid: string) => string | null;
}): Promise<{ payload: unknown; kid: string }> {
  const name = NAMES[input.kind];
  const { jose, keys } = await libraries();
  let header: z.infer<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(jose.decodeProtectedHeader(input.jws));
  } catch {
    throw refuse('statement.unreadable', `${name.zh}无法读取，已拒收。`, `The ${name.en} cannot be read and was refused.`);
  }
  if (header.typ !== TYP_PREFIX + input.kind) {
    throw refuse('statement.wrong-kind', `所附文件不是${name.zh}，已拒收。`, `What was attached is not a ${name.en}; it was refused.`);
  }
  const known = input.resolveSigner(header.kid);
  const key = known === null ? null : keys.publicKeyFrom(known);
  if (key === null) {
    throw refuse(
      'statement.unknown-signer',
      `${name.zh}的签名者未登记（${header.kid}），已拒收。`,
      `The ${name.en} is signed by someone not enrolled (${header.kid}) and was refused.`,
    );
  }
  try {
    const verified = await jose.compactVerify(input.jws, key, { algorithms: ['EdDSA'] });
    return { payload: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload)), kid: header.kid };
  } catch {
    throw refuse(
      'statement.bad-signature',
      `${name.zh}的签名不成立：内容被改动过，或并非由其所称的人签署。已拒收。`,
      `The signature on the ${name.en} does not hold: it was altered or not signed by whom it claims. It was refused.`,
    );
  }
}
