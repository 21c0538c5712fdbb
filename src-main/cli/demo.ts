import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemoNotice } from './demo/notice.js';
import { DEMO_PASSPHRASE, runDemoWorkflow } from './demo/workflow.js';
import { runCli } from './program.js';

/**
 * `npm run demo`: a whole Wuxi review in a fresh temp folder, through the same services the CLI
 * and the app use, ending with the ranking the secretariat would see (`pingshen results`), the
 * committee's confirmation of the proposed award list and its PDF, the public notice of the award
 * list with its objections and the final list, then the edition's archive, sealed to an archive
 * office's key, written and verified from the file
 * alone as a supervisor would.
 */

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'pingshen-demo-'));
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`演示目录 / demo folder: ${dir}`);

const run = await runDemoWorkflow(dir, log);

process.env.PINGSHEN_PASSPHRASE = DEMO_PASSPHRASE;
async function step(args: string[]): Promise<number> {
  log('');
  log(`$ pingshen ${args.join(' ')}`);
  return runCli(args);
}

let code = await step(['--store', run.secretariatPath, 'results']);
// the committee reviews the candidate lists (Wuxi art. 11(5)–(6)) and adopts the proposed award list
const meeting = ['--date', '2025-11-20', '--meeting', '评委会全体会议'];
code ||= await step(['--store', run.secretariatPath, 'committee', 'confirm-list', ...meeting, '--by', '评委会主任委员']);
code ||= await step(['--store', run.secretariatPath, 'committee', 'list', '--pdf', join(dir, 'reports', '拟奖名单.pdf')]);
code ||= await runDemoNotice(dir, run.secretariatPath, log);

const officeKey = join(dir, 'archive-office.key');
const archive = join(dir, 'archive.psarchive');
const printed: string[] = [];
log('');
log(`$ pingshen archive keygen --out ${officeKey}`);
code ||= await runCli(['--json', 'archive', 'keygen', '--out', officeKey], { out: (t) => printed.push(t), err: log });
const { recipient } = JSON.parse(printed.join('\n')) as { recipient: string };
log(`档案室公钥 / archive office's public key: ${recipient}`);

const archiving = Date.now();
code ||= await step(['--store', run.secretariatPath, 'archive', 'create', '--recipient', recipient, '--out', archive]);
const madeIn = (Date.now() - archiving) / 1000;
// the supervisor's check: no store, only the file and the archive office's key
const verifying = Date.now();
code ||= await step(['archive', 'verify', archive, '--identity', officeKey]);
log('');
log(`档案 / archive: ${(statSync(archive).size / 1024).toFixed(0)} KiB，生成并核验 / made and verified in ${madeIn.toFixed(1)} s，独立核验 / verified alone in ${((Date.now() - verifying) / 1000).toFixed(1)} s`);
log(`用时 / took ${((Date.now() - started) / 1000).toFixed(1)} s。库口令 / store passphrase: "${DEMO_PASSPHRASE}"`);
process.exitCode = code;
