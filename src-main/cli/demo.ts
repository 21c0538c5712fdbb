import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSPHRASE, runDemoWorkflow } from './demo/workflow.js';
import { runCli } from './program.js';

/**
 * `npm run demo`: a whole Wuxi review in a fresh temp folder, through the same services the CLI
 * and the app use, ending with the ranking the secretariat would see (`pingshen results`).
 */

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'pingshen-demo-'));
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`演示目录 / demo folder: ${dir}`);

const run = await runDemoWorkflow(dir, log);

process.env.PINGSHEN_PASSPHRASE = DEMO_PASSPHRASE;
log('');
log(`$ pingshen --store ${run.secretariatPath} results`);
const code = await runCli(['--store', run.secretariatPath, 'results']);
log('');
log(`用时 / took ${((Date.now() - started) / 1000).toFixed(1)} s。库口令 / store passphrase: "${DEMO_PASSPHRASE}"`);
process.exitCode = code;
