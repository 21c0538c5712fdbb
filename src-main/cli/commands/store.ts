import { Command, Option } from 'commander';
import { DEFAULT_KDF_COST, type KdfCost } from '../../domain/limits.js';
import { ROLE_NAMES, type Role } from '../../domain/words.js';
import { Cli } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { fmtDate, renderFields, renderTable } from '../output.js';
import { parseInteger } from '../lookup.js';

/** The key-derivation cost of a new store; the default unless both bounds are checked and given. */
function kdfFrom(opts: { kdfMemory?: string; kdfIterations?: string }): KdfCost | undefined {
  if (opts.kdfMemory === undefined && opts.kdfIterations === undefined) return undefined;
  const memoryKiB = opts.kdfMemory === undefined ? DEFAULT_KDF_COST.memoryKiB : parseInteger(opts.kdfMemory, { zh: '--kdf-memory ', en: '--kdf-memory ' });
  const iterations = opts.kdfIterations === undefined ? DEFAULT_KDF_COST.iterations : parseInteger(opts.kdfIterations, { zh: '--kdf-iterations ', en: '--kdf-iterations ' });
  if (memoryKiB < 8 || memoryKiB > 4 * 1024 * 1024 || iterations < 1 || iterations > 64) {
    throw new UsageError({
      zh: '口令派生参数超出范围：内存应在 8 到 4194304 KiB 之间，轮数在 1 到 64 之间。',
      en: 'Key-derivation settings out of range: memory 8 to 4194304 KiB, passes 1 to 64.',
    });
  }
  return { memoryKiB, iterations, parallelism: 1 };
}

const RECOVERY_ADVICE = {
  zh: '请立即把恢复码抄在纸上或打印出来，与电脑分开保管：忘记口令时，凭它可用 passphrase reset 重设口令。恢复码只显示这一次，库中不保存它。',
  en: 'Write the recovery code on paper or print it now, and keep it apart from the computer: with it, passphrase reset sets a new passphrase when the old one is forgotten. It is shown this once; the store does not keep it.',
};

export function registerStoreCommands(program: Command): void {
  program
    .command('init')
    .description('新建加密库（每台电脑每个角色一个）/ create an encrypted store (one per role per machine)')
    .addOption(
      new Option('--role <role>', '角色 / role').choices(['secretariat', 'expert']).makeOptionMandatory(),
    )
    .option(
      '--kdf-memory <KiB>',
      `口令派生所用内存，默认 ${DEFAULT_KDF_COST.memoryKiB} KiB；调低会削弱库对口令猜测的防护，仅用于脚本化测试 / key-derivation memory, default ${DEFAULT_KDF_COST.memoryKiB} KiB; lower weakens the store against passphrase guessing, for scripted tests only`,
    )
    .option('--kdf-iterations <n>', `口令派生轮数，默认 ${DEFAULT_KDF_COST.iterations} / key-derivation passes, default ${DEFAULT_KDF_COST.iterations}`)
    .action(async (opts: { role: Role; kdfMemory?: string; kdfIterations?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const kdf = kdfFrom(opts);
      const path = cli.storePath();
      const passphrase = await cli.passphrase({ confirm: true });
      const { initStore, openStore, storeClient } = await import('../../features/open.js');
      const info = await initStore({ role: opts.role, path, passphrase, ...(kdf ? { kdf } : {}) });
      const store = storeClient(await openStore({ path, passphrase }));
      const enrollmentCode = store.store.enrollmentCode();
      store.close();
      cli.emit({ ...info, enrollmentCode }, () =>
        [
          cli.t({ zh: '已新建加密库。', en: 'Encrypted store created.' }),
          renderFields(
            [
              [{ zh: '角色', en: 'Role' }, cli.t(ROLE_NAMES[info.role])],
              [{ zh: '文件', en: 'File' }, info.path],
              [{ zh: '指纹', en: 'Fingerprint' }, info.fingerprint],
              [{ zh: '注册码', en: 'Enrollment code' }, enrollmentCode],
              [{ zh: '恢复码', en: 'Recovery code' }, info.recoveryCode],
            ],
            cli.lang,
          ),
          cli.t(RECOVERY_ADVICE),
          ...(info.role === 'expert'
            ? [
                cli.t({
                  zh: '请把注册码交给秘书处，并当面或电话核对指纹。',
                  en: 'Hand the enrollment code to the secretariat and compare the fingerprint in person or by phone.',
                }),
              ]
            : []),
        ].join('\n'),
      );
    });

  program
    .command('whoami')
    .description('本库的角色、指纹和注册码 / role, fingerprint and enrollment code of this store')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((svc) => {
        const info = svc.store.info();
        const enrollmentCode = svc.store.enrollmentCode();
        const zone = cli.timeZone(svc);
        cli.emit({ ...info, enrollmentCode }, () =>
          renderFields(
            [
              [{ zh: '角色', en: 'Role' }, cli.t(ROLE_NAMES[info.role])],
              [{ zh: '文件', en: 'File' }, info.path],
              [{ zh: '指纹', en: 'Fingerprint' }, info.fingerprint],
              [{ zh: '创建于', en: 'Created' }, fmtDate(info.createdAt, zone)],
              [{ zh: '注册码', en: 'Enrollment code' }, enrollmentCode],
            ],
            cli.lang,
          ),
        );
      });
    });

  const passphrase = program.command('passphrase').description('口令管理 / passphrase management');
  passphrase
    .command('change')
    .description('更改本库口令（旧口令照常提供）/ change the store passphrase (old one given as usual)')
    .option('--new-passphrase-file <file>', '新口令所在文件（或环境变量 PINGSHEN_NEW_PASSPHRASE）/ file holding the new passphrase (or env PINGSHEN_NEW_PASSPHRASE)')
    .action(async (opts: { newPassphraseFile?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const oldPassphrase = await cli.passphrase();
      const next = await cli.newPassphrase(opts.newPassphraseFile);
      const { openStore, storeClient } = await import('../../features/open.js');
      const store = storeClient(await openStore({ path: cli.storePath(), passphrase: oldPassphrase }));
      try {
        await store.store.changePassphrase({ oldPassphrase, newPassphrase: next });
      } finally {
        store.close();
      }
      cli.emit({ changed: true }, () => cli.t({ zh: '口令已更改。', en: 'Passphrase changed.' }));
    });

  passphrase
    .command('reset')
    .description('忘记口令时，用恢复码重设口令（无需旧口令）/ reset a forgotten passphrase with the recovery code (no old passphrase needed)')
    .option('--recovery-code-file <file>', '恢复码所在文件（或环境变量 PINGSHEN_RECOVERY_CODE，或隐藏输入）/ file holding the recovery code (or env PINGSHEN_RECOVERY_CODE, or typed hidden)')
    .option('--new-passphrase-file <file>', '新口令所在文件（或环境变量 PINGSHEN_NEW_PASSPHRASE）/ file holding the new passphrase (or env PINGSHEN_NEW_PASSPHRASE)')
    .action(async (opts: { recoveryCodeFile?: string; newPassphraseFile?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const path = cli.storePath();
      const recoveryCode = await cli.recoveryCode(opts.recoveryCodeFile);
      const next = await cli.newPassphrase(opts.newPassphraseFile);
      const { resetPassphrase } = await import('../../features/open.js');
      await resetPassphrase({ path, recoveryCode, newPassphrase: next });
      cli.emit({ reset: true }, () =>
        cli.t({
          zh: '口令已用恢复码重设；恢复码不变，仍可再用。今后请用新口令解锁。',
          en: 'The passphrase was reset with the recovery code; the code stays the same and can be used again. Unlock with the new passphrase from now on.',
        }),
      );
    });

  program
    .command('recovery-code')
    .description('生成新的恢复码（旧恢复码随即作废；需要口令）/ make a new recovery code (the old one stops working; needs the passphrase)')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      const passphrase = await cli.passphrase();
      const { openStore, storeClient } = await import('../../features/open.js');
      const store = storeClient(await openStore({ path: cli.storePath(), passphrase }));
      try {
        const { recoveryCode } = await store.store.renewRecoveryCode({ passphrase });
        cli.emit({ recoveryCode }, () =>
          [renderFields([[{ zh: '新恢复码', en: 'New recovery code' }, recoveryCode]], cli.lang), cli.t(RECOVERY_ADVICE)].join('\n'),
        );
      } finally {
        store.close();
      }
    });

  program
    .command('audit')
    .description('审计日志（只追加、哈希链）/ the append-only, hash-chained audit log')
    .option('--verify', '校验整条哈希链 / verify the whole hash chain')
    .option('--limit <n>', '只显示最近 n 条 / show only the latest n entries', '50')
    .action(async (opts: { verify?: boolean; limit: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const limit = parseInteger(opts.limit, { zh: '--limit ', en: '--limit ' });
      await cli.withStore((svc) => {
        if (opts.verify) {
          const check = svc.store.verifyAuditChain();
          if (!check.ok) {
            if (cli.json) cli.emit(check, () => '');
            throw new RefusedError({
              zh: `审计链在第 ${check.brokenAt} 条处断裂：日志曾被改动，请保留此库文件并报告。`,
              en: `The audit chain breaks at entry ${check.brokenAt}: the log was altered; keep this store file and report it.`,
            }, { jsonEmitted: true });
          }
          cli.emit(check, () =>
            cli.t({
              zh: `审计链完整：共 ${check.length} 条，链头 ${check.head}。`,
              en: `Audit chain intact: ${check.length} entries, head ${check.head}.`,
            }),
          );
          return;
        }
        const entries = svc.store.auditLog({ limit });
        const zone = cli.timeZone(svc);
        cli.emit(entries, () =>
          renderTable(
            entries,
            [
              { header: { zh: '序号', en: 'Seq' }, value: (e) => String(e.seq), align: 'right' },
              { header: { zh: '时间', en: 'Time' }, value: (e) => fmtDate(e.at, zone) },
              { header: { zh: '操作者', en: 'Actor' }, value: (e) => e.actor },
              { header: { zh: '操作', en: 'Action' }, value: (e) => e.action },
              { header: { zh: '哈希', en: 'Hash' }, value: (e) => e.hash.slice(0, 16) },
            ],
            cli.lang,
          ),
        );
      });
    });
}
