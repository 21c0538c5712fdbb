/**
 * A recipient's key pair, as age-keygen writes it and as the archive office keeps it: the secret
 * key on a line of its own, its public key (the one the secretariat seals archives to) in a comment.
 */

/** Non-empty lines that are not comments, as age's recipient and identity files hold them. */
export function keyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The age secret keys (AGE-SECRET-KEY-1…) in a key file's text. */
export function identitiesIn(text: string): string[] {
  return keyLines(text).filter((l) => l.startsWith('AGE-SECRET-KEY-'));
}

/** A new key pair: the key file's text and the public key to hand to the secretariat. */
export async function newRecipientKey(at: Date = new Date()): Promise<{ keyFile: string; recipient: string }> {
  // loaded here: reading key files, as every CLI start may, needs no cryptography
  const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  return { keyFile: `# created: ${at.toISOString()}\n# public key: ${recipient}\n${identity}\n`, recipient };
}
