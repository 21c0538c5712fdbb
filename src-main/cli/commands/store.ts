import { Command, Option } from 'commander';
import type { Role } from '../../services/api.js';
import { Cli } from '../context.js';
import { RefusedError } from '../errors.js';
import { fmtDate, renderFields, renderTable } from '../output.js';
import { parseInteger } from '../lookup.js';

const ROLE_NAMES = {
  secretariat: { zh: '秘书处', en: 'secretariat' },
  expert: { zh: '评审专家', en: 'expert' },
} as const;

export function registerStoreCommands(program: Command): void {
  program
    .command('init')
    .description('新建加密库（每台电脑每个角色一个）/ create an encrypted store (one per role per machine)')
    .addOption(
      new Option('--role <role>', '角色 / role').choices(['secretariat', 'expert']).makeOptionMandatory(),
    )
    .action(async (opts: { role: Role }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const path = cli.storePath();
      const passphrase = await cli.passphrase({ confirm: true });
      const { initStore, openAnyStore } = await import('../../services/index.js');
      const info = await initStore({ role: opts.role, path, passphrase });
      const store = await openAnyStore({ path, passphrase });
      const enrollmentCode = store.svc.enrollmentCode();
      store.svc.close();
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
      await cli.withStore(({ svc }) => {
        const info = svc.info();
        const enrollmentCode = svc.enrollmentCode();
        cli.emit({ ...info, enrollmentCode }, () =>
          renderFields(
            [
              [{ zh: '角色', en: 'Role' }, cli.t(ROLE_NAMES[info.role])],
              [{ zh: '文件', en: 'File' }, info.path],
              [{ zh: '指纹', en: 'Fingerprint' }, info.fingerprint],
              [{ zh: '创建于', en: 'Created' }, fmtDate(info.createdAt)],
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
      const { openAnyStore } = await import('../../services/index.js');
      const store = await openAnyStore({ path: cli.storePath(), passphrase: oldPassphrase });
      try {
        await store.svc.changePassphrase(oldPassphrase, next);
      } finally {
        store.svc.close();
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
      await cli.withStore(({ svc }) => {
        if (opts.verify) {
          const check = svc.verifyAuditChain();
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
        const entries = svc.auditLog({ limit });
        cli.emit(entries, () =>
          renderTable(
            entries,
            [
              { header: { zh: '序号', en: 'Seq' }, value: (e) => String(e.seq), align: 'right' },
              { header: { zh: '时间', en: 'Time' }, value: (e) => fmtDate(e.at) },
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
