/**
 * Child of bench/cli.ts: the key derivation that unlocks a store (PINGSHEN_PASSPHRASE, the store
 * as argument), the first in a fresh process as the CLI's is, so it includes compiling Argon2's
 * WebAssembly. Prints the milliseconds it took.
 */
import { deriveKey } from '../src-main/crypto/kdf.js';
import { readKeyFile } from '../src-main/store/keyfile.js';

const [store] = process.argv.slice(2);
const passphrase = process.env.PINGSHEN_PASSPHRASE;
if (!store || !passphrase) throw new Error('usage: PINGSHEN_PASSPHRASE=… node --import tsx bench/unlock.ts <store>');
const { kdf } = readKeyFile(store);
const started = performance.now();
(await deriveKey(passphrase, kdf)).fill(0);
process.stdout.write(`${performance.now() - started}\n`);
