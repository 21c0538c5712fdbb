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
            ],
            cli.lang,
          ),
          info.role === 'expert'
            ? cli.t({
                zh: '请把注册码交给秘书处，并当面或电话核对指纹。',
                en: 'Hand the enrollment code to the secretariat and compare the fingerprint in person or by phone.',
              })
            : cli.t({
                zh: '请牢记口令：忘记口令将无法打开此库。',
                en: 'Keep the passphrase safe: without it the store cannot be opened.',
              }),
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
