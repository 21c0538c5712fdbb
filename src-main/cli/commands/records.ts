import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { PLAIN_ARCHIVE_CONFIRMATION, PLAIN_ARCHIVE_MEANING } from '../../domain/records.js';
import { DEFAULT_TIME_ZONE } from '../../domain/time.js';
import { identitiesIn, keyLines, newRecipientKey } from '../../exchange/archive/keys.js';
import type { ArchiveVerification } from '../../exchange/archive/verification.js';
import { Cli } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { save, upload } from '../files.js';
import { fmtDate, renderFields, renderTable } from '../output.js';

/**
 * Records that last: the edition archive (make, verify anywhere, the archive office's key), the
 * retention period, and deleting an edition once its records may go.
 */

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError({ zh: `无法读取文件“${path}”（${String((e as NodeJS.ErrnoException).code ?? e)}）。`, en: `Cannot read "${path}" (${String((e as NodeJS.ErrnoException).code ?? e)}).` });
  }
}

function identitiesFrom(paths: string[]): string[] {
  const found = paths.flatMap((p) => identitiesIn(readKeyFile(p)));
  if (paths.length > 0 && found.length === 0) {
    throw new UsageError({
      zh: '所给的密钥文件中没有 age 私钥（AGE-SECRET-KEY-1 开头的一行）。请给出 archive keygen 或 age-keygen 生成的文件。',
      en: 'The key file given holds no age secret key (a line starting AGE-SECRET-KEY-1). Give the file archive keygen or age-keygen made.',
    });
  }
  return found;
}

/** The verification as a supervisor reads it: what was checked, each with ✓ or ✗ and every problem. */
export function renderVerification(v: ArchiveVerification, cli: Cli): string {
  const lines = [
    v.ok
      ? cli.t({ zh: '档案核验通过：所有检查均成立。', en: 'Archive verified: every check holds.' })
      : cli.t({ zh: '档案核验未通过：见下面标 ✗ 的检查。', en: 'Archive verification FAILED: see the checks marked ✗ below.' }),
  ];
  const a = v.archive;
  if (a) {
    const kept = a.retention.until === null ? { zh: '规则未规定', en: 'not set by the rules' } : { zh: `${a.retention.years} 年，至 ${a.retention.until}`, en: `${a.retention.years} years, until ${a.retention.until}` };
    lines.push(
      renderFields(
        [
          [{ zh: '届次', en: 'Edition' }, `${a.edition.name}（${a.edition.year}，${a.edition.profileId}）`],
          [{ zh: '制作于', en: 'Made' }, fmtDate(a.createdAt, a.edition.timeZone)],
          [{ zh: '签名者指纹', en: 'Signer fingerprint' }, `${a.fingerprint}  ${cli.t({ zh: '（请与秘书处当面或电话核对）', en: '(compare with the secretariat in person or by phone)' })}`],
          [{ zh: '保存期限', en: 'Retention' }, cli.t(kept)],
          [{ zh: '保护', en: 'Protection' }, a.protection.kind === 'plain' ? cli.t({ zh: '明文（未加密）', en: 'plain (not encrypted)' }) : a.protection.recipients.join(', ')],
          [{ zh: '文件 SHA-256', en: 'File SHA-256' }, v.sha256],
        ],
        cli.lang,
      ),
    );
  }
  for (const c of v.checks) {
    lines.push(`${c.ok ? '✓' : '✗'} ${cli.t(c.done)}`);
    for (const p of c.problems) lines.push(`    - ${cli.t(p)}`);
  }
  return lines.join('\n');
}

function failedVerification(cli: Cli): RefusedError {
  return new RefusedError(
    { zh: '档案核验未通过：它被改动过、不完整，或其记录的结果与签名结果包不符（见上）。', en: 'The archive did not verify: it was altered, is incomplete, or its recorded results are not what the signed bundles give (see above).' },
    { jsonEmitted: cli.json },
  );
}

export function registerArchiveCommands(program: Command): void {
  const archive = program.command('archive').description('届次档案：生成、核验（任何电脑）、档案室密钥 / the edition archive: make, verify (on any machine), the archive office’s key');

  archive
    .command('create')
    .description('生成本届档案，清单由秘书处签名，加密给所指定的接收方；写出后立即核验 / make the edition’s archive, its manifest signed by the secretariat, sealed to the recipients named; verified as soon as written')
    .requiredOption('--out <file>', '档案文件 / archive file')
    .option('--recipient <age1…>', '接收方 age 公钥，可重复（如档案室、监督部门）/ a recipient’s age public key, repeatable (archive office, supervisor)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--recipients-file <file>', '接收方公钥文件，每行一个 / a file of recipients, one per line')
    .option('--plain', '生成不加密的明文档案（须同时给出 --confirm-plain）/ make a plain, unencrypted archive (needs --confirm-plain too)')
    .option('--confirm-plain', '确认明文档案任何拿到文件的人都能读 / confirm that anyone who has a plain archive can read it')
    .action(async (opts: { out: string; recipient: string[]; recipientsFile?: string; plain?: boolean; confirmPlain?: boolean }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const recipients = [...opts.recipient, ...(opts.recipientsFile ? keyLines(readKeyFile(opts.recipientsFile)) : [])];
      if (opts.plain && recipients.length > 0) {
        throw new UsageError({ zh: '--plain 与 --recipient 不能同时使用：档案要么加密，要么明文。', en: '--plain and --recipient exclude each other: an archive is encrypted or plain.' });
      }
      if (opts.plain && !opts.confirmPlain) {
        throw new UsageError({ zh: `${PLAIN_ARCHIVE_MEANING.zh}确认后请加上 --confirm-plain 再运行；未做任何更改。`, en: `${PLAIN_ARCHIVE_MEANING.en} To go ahead, add --confirm-plain; nothing was changed.` });
      }
      await cli.secretariat(async (svc) => {
        const editionId = cli.edition(svc).id;
        const made = await svc.archive.create(
          { editionId, protection: opts.plain ? { kind: 'plain', confirm: PLAIN_ARCHIVE_CONFIRMATION } : { kind: 'encrypted', recipients }, lang: cli.lang },
          { progress: (done, total, name) => cli.note({ zh: `[${done}/${total}] ${name}`, en: `[${done}/${total}] ${name}` }) },
        );
        const file = save(made, opts.out);
        // read back from where it was written: what is recorded as verified is the file on the medium
        const checked = await svc.archive.verify({ file: upload(file) });
        const summary = { archiveId: made.archiveId, sha256: made.sha256, size: made.size, bundles: made.bundles, reports: made.reports, decisions: made.decisions, retention: made.retention, protection: made.protection };
        cli.emit({ ...summary, file, verified: checked.verification.ok, recorded: checked.recorded, note: checked.note }, () =>
          [
            cli.t({ zh: `已写出档案 ${file}（${made.size} 字节，${made.bundles} 个结果包，${made.reports} 份报告）。`, en: `Wrote the archive ${file} (${made.size} bytes, ${made.bundles} bundles, ${made.reports} reports).` }),
            cli.t({ zh: `登记册中有${made.decisionsText.zh}。`, en: `The registers hold ${made.decisionsText.en}.` }),
            renderFields(
              [
                [{ zh: '保存期限', en: 'Retention' }, cli.t(made.retentionText)],
                [{ zh: '保护', en: 'Protection' }, made.protection.kind === 'plain' ? cli.t({ zh: '明文（未加密）', en: 'plain (not encrypted)' }) : made.protection.recipients.join(', ')],
                [{ zh: 'SHA-256', en: 'SHA-256' }, made.sha256],
              ],
              cli.lang,
            ),
            renderVerification(checked.verification, cli),
            checked.recorded
              ? cli.t({ zh: '已记为本届经核验的档案。', en: 'Recorded as the edition’s verified archive.' })
              : checked.note
                ? cli.t(checked.note)
                : '',
          ]
            .filter((l) => l !== '')
            .join('\n'),
        );
        if (!checked.verification.ok) throw failedVerification(cli);
      });
    });

  archive
    .command('verify <file>')
    .description('核验档案：在从未见过秘书处库的电脑上也可运行 / verify an archive; runs on a machine that never saw the secretariat’s store')
    .option('--identity <file>', '接收方私钥文件（档案加密时需要），可重复 / a recipient’s key file (for an encrypted archive), repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--fingerprint <fp>', '与秘书处核对过的签名指纹：签名者须是它 / the secretariat fingerprint compared out of band: the signer must have it')
    .action(async (path: string, opts: { identity: string[]; fingerprint?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const file = upload(path);
      const withStore = opts.identity.length === 0 && cli.hasStore();
      let verification: ArchiveVerification;
      let recorded: { recorded: boolean; note: { zh: string; en: string } | null } | null = null;
      if (withStore) {
        // the secretariat's own store opens its archive, and records it once verified
        const r = await cli.secretariat((svc) => svc.archive.verify({ file }));
        verification = r.verification;
        recorded = { recorded: r.recorded, note: r.note };
      } else {
        const { verifyArchive } = await import('../../exchange/archive/verify.js');
        verification = await verifyArchive(file.bytes, { identities: identitiesFrom(opts.identity), ...(opts.fingerprint ? { expectFingerprint: opts.fingerprint } : {}) });
      }
      cli.emit({ ...verification, ...recorded }, () =>
        [
          renderVerification(verification, cli),
          recorded?.recorded ? cli.t({ zh: '已记为本届经核验的档案。', en: 'Recorded as the edition’s verified archive.' }) : recorded?.note ? cli.t(recorded.note) : '',
        ]
          .filter((l) => l !== '')
          .join('\n'),
      );
      if (!verification.ok) throw failedVerification(cli);
    });

  archive
    .command('keygen')
    .description('生成接收方密钥（如档案室）：私钥写入文件，公钥打印出来交给秘书处；与 age-keygen 相同 / make a recipient key (the archive office’s): the secret key goes to the file, the public key is printed for the secretariat; as age-keygen makes')
    .requiredOption('--out <file>', '私钥文件（仅本人可读；请离线保管）/ secret key file (owner-only; keep it offline)')
    .action(async (opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const { keyFile, recipient } = await newRecipientKey();
      const file = resolve(opts.out);
      try {
        writeFileSync(file, keyFile, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        throw new UsageError({ zh: `无法写入 ${file}（${String((e as NodeJS.ErrnoException).code ?? e)}）：文件已存在或位置不可写。`, en: `Cannot write ${file} (${String((e as NodeJS.ErrnoException).code ?? e)}): it exists or the place is not writable.` });
      }
      cli.emit({ file, recipient }, () =>
        [
          renderFields([[{ zh: '公钥（交给秘书处）', en: 'Public key (for the secretariat)' }, recipient], [{ zh: '私钥文件', en: 'Secret key file' }, file]], cli.lang),
          cli.t({ zh: '私钥文件能打开所有加密给此公钥的档案：请离线保管、做好备份；丢失后这些档案将无法打开。', en: 'The secret key file opens every archive sealed to this public key: keep it offline and backed up; lost, those archives cannot be opened.' }),
        ].join('\n'),
      );
    });

  archive
    .command('list')
    .description('本届经本库核验的档案 / the edition’s archives this store verified')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const editionId = cli.edition(svc).id;
        const list = await svc.archive.list({ editionId });
        const zone = cli.timeZone(svc, editionId);
        cli.emit(list, () =>
          renderTable(
            list,
            [
              { header: { zh: '制作于', en: 'Made' }, value: (a) => fmtDate(a.madeAt, zone) },
              { header: { zh: '核验于', en: 'Verified' }, value: (a) => fmtDate(a.verifiedAt, zone) },
              { header: { zh: '仍完整', en: 'Current' }, value: (a) => cli.t(a.current ? { zh: '是', en: 'yes' } : { zh: '否（此后有改动）', en: 'no (changed since)' }) },
              { header: { zh: '保护', en: 'Protection' }, value: (a) => (a.plain ? cli.t({ zh: '明文', en: 'plain' }) : `${a.recipients.length}`) },
              { header: { zh: 'SHA-256', en: 'SHA-256' }, value: (a) => a.sha256.slice(0, 16) },
            ],
            cli.lang,
          ),
        );
      });
    });
}

export function registerRetentionCommands(program: Command): void {
  program
    .command('retention')
    .description('本届资料保存期限，以及现在能否删除 / the edition’s retention period, and whether it may be deleted now')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const editionId = cli.edition(svc).id;
        const s = await svc.retention.get({ editionId });
        cli.emit(s, () =>
          [
            renderFields(
              [
                [{ zh: '保存期限', en: 'Retention' }, cli.t(s.text)],
                [{ zh: '经核验的档案', en: 'Verified archive' }, s.archive ? `${fmtDate(s.archive.madeAt, cli.timeZone(svc, editionId))}${s.archive.current ? '' : cli.t({ zh: '（此后有改动，不再完整）', en: ' (changed since: no longer whole)' })}` : cli.t({ zh: '无', en: 'none' })],
                [{ zh: '可以删除', en: 'May be deleted' }, cli.t(s.mayDelete ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })],
              ],
              cli.lang,
            ),
            s.refusal ? cli.t(s.refusal) : '',
          ]
            .filter((l) => l !== '')
            .join('\n'),
        );
      });
    });

  // with the other edition commands, where people look for it
  const edition = program.commands.find((c) => c.name() === 'edition');
  if (!edition) throw new Error('the edition command must be registered before the retention commands');
  edition
    .command('delete')
    .description('删除本届及其全部记录；保存期内须先有经核验的本届档案 / delete the edition and all its records; within the retention period a verified archive of it must exist first')
    .requiredOption('--confirm-name <name>', '本届的完整名称，以确认 / the edition’s full name, to confirm')
    .action(async (opts: { confirmName: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const e = cli.edition(svc);
        const { deleted } = await svc.editions.delete({ editionId: e.id, confirmName: opts.confirmName });
        cli.emit({ editionId: e.id, deleted }, () => cli.t({ zh: `已删除届次“${e.name}”及其全部记录；审计日志记下了此次删除。`, en: `Deleted the edition "${e.name}" and all its records; the audit log records the deletion.` }));
      });
    });
}

export function registerBackupCommands(program: Command): void {
  const backup = program.command('backup').description('库的加密备份 / encrypted backups of the store');
  backup
    .command('create')
    .description('把本库备份到一个文件（如 U 盘）；恢复时需要口令或恢复码 / back the store up to a file (a USB stick, say); restoring it needs the passphrase or the recovery code')
    .requiredOption('--out <file>', '备份文件 / backup file')
    .action(async (opts: { out: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((svc) => {
        const made = svc.backup.create();
        const file = save(made, opts.out);
        cli.emit({ file, sha256: made.sha256, size: made.size, madeAt: made.madeAt }, () =>
          cli.t({ zh: `已备份到 ${file}（${made.size} 字节）。请把它与电脑分开保管。`, en: `Backed up to ${file} (${made.size} bytes). Keep it apart from the computer.` }),
        );
      });
    });
  backup
    .command('status')
    .description('上次备份，以及此后有改动、需要再备份的届次 / the last backup, and the editions changed since that need another')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((svc) => {
        const s = svc.backup.status();
        const zone = cli.timeZone(svc);
        cli.emit(s, () =>
          [
            s.last
              ? cli.t({ zh: `上次备份：${fmtDate(s.last.madeAt, zone)}（${s.last.fileName}）`, en: `Last backup: ${fmtDate(s.last.madeAt, zone)} (${s.last.fileName})` })
              : cli.t({ zh: '本库从未备份。', en: 'This store was never backed up.' }),
            ...s.due.map((d) =>
              cli.t({ zh: `需要备份：“${d.name}”自上次备份以来有改动（最近 ${fmtDate(d.changedAt, cli.timeZone(svc, d.editionId))}）`, en: `Back up: "${d.name}" changed since the last backup (last at ${fmtDate(d.changedAt, cli.timeZone(svc, d.editionId))})` }),
            ),
          ].join('\n'),
        );
      });
    });

  program
    .command('restore <file>')
    .description('把备份恢复为 --store 所指的新库（不会覆盖已有的库）；口令照常提供，或用恢复码并设新口令 / restore a backup as the new store --store names (never over an existing one); the passphrase as usual, or the recovery code and a new passphrase')
    .option('--recovery-code-file <file>', '用恢复码代替口令（并设新口令）/ prove it with the recovery code instead (and set a new passphrase)')
    .option('--new-passphrase-file <file>', '用恢复码时的新口令 / the new passphrase, with the recovery code')
    .action(async (path: string, opts: { recoveryCodeFile?: string; newPassphraseFile?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const target = cli.storePath();
      const file = upload(path);
      const proof = opts.recoveryCodeFile
        ? { recoveryCode: await cli.recoveryCode(opts.recoveryCodeFile), newPassphrase: await cli.newPassphrase(opts.newPassphraseFile) }
        : { passphrase: await cli.passphrase() };
      const { restoreStore } = await import('../../features/open.js');
      const header = await restoreStore({ bytes: file.bytes, fileName: file.fileName, path: target, proof });
      cli.emit({ store: target, ...header }, () =>
        [
          cli.t({ zh: `已恢复为 ${target}。`, en: `Restored as ${target}.` }),
          renderFields(
            [
              [{ zh: '备份于', en: 'Backed up' }, fmtDate(header.madeAt, DEFAULT_TIME_ZONE)],
              [{ zh: '指纹', en: 'Fingerprint' }, header.fingerprint],
              [{ zh: '届次', en: 'Editions' }, header.editions.map((e) => e.name).join('、') || '—'],
            ],
            cli.lang,
          ),
        ].join('\n'),
      );
    });
}

export function registerStoreDeleteCommand(program: Command): void {
  program
    .command('delete-store')
    .description('删除本库（库文件及其密钥文件）；秘书处库中仍在保存期内的届次须先有经核验的档案 / delete this store (its file and key file); editions of a secretariat store within their retention period need a verified archive first')
    .requiredOption('--confirm-fingerprint <fp>', '本库的指纹（见 whoami），以确认 / this store’s fingerprint (see whoami), to confirm')
    .action(async (opts: { confirmFingerprint: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const path = cli.storePath();
      const check = await cli.withStore(async (svc) => {
        const fp = svc.store.info().fingerprint;
        if (opts.confirmFingerprint.replace(/\s+/g, '').toUpperCase() !== fp.replace(/\s+/g, '')) {
          throw new UsageError({ zh: `所给指纹与本库的（${fp}）不符；未做任何更改。`, en: `The fingerprint given is not this store's (${fp}); nothing was changed.` });
        }
        return svc.retention.storeCheck();
      });
      if (!check.mayDelete) throw new RefusedError(check.refusal!);
      const { removeStoreFiles } = await import('../../store/open.js');
      removeStoreFiles(path);
      cli.emit({ deleted: path }, () => cli.t({ zh: `已删除库 ${path} 及其密钥文件。`, en: `Deleted the store ${path} and its key file.` }));
    });
}
