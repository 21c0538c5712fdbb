import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Localized } from '../domain/localized.js';
import type { EditionSummary } from '../domain/editions.js';
import type { Role } from '../domain/words.js';
import { UsageError } from './errors.js';
import { pick, type Lang } from './output.js';
import { readHidden } from './prompt.js';
import { writeOut } from './stdout.js';
import type { CallTable } from '../features/call.js';
import type { Client } from '../features/client.js';
import type { StoreClient } from '../features/open.js';
import { DEFAULT_TIME_ZONE, editionTimeZone } from '../domain/time.js';

export interface GlobalOptions {
  store?: string;
  passphraseFile?: string;
  json?: boolean;
  lang?: Lang;
  edition?: string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => writeOut(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The output each program writes to, so in-process runs (demo, tests) can capture it. */
export const ioOfProgram = new WeakMap<Command, Io>();

function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * What every command needs: the global options, where output goes, and the store, opened with a
 * passphrase taken from a file, the environment or a hidden prompt — never from an argument,
 * which `ps` and the shell history would show.
 */
export class Cli {
  readonly lang: Lang;
  readonly json: boolean;

  constructor(
    private readonly opts: GlobalOptions,
    readonly io: Io = processIo,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.lang = opts.lang ?? 'zh';
    this.json = opts.json ?? false;
  }

  static of(cmd: Command): Cli {
    return new Cli(cmd.optsWithGlobals<GlobalOptions>(), ioOfProgram.get(rootOf(cmd)) ?? processIo);
  }

  t(text: Localized): string {
    return pick(text, this.lang);
  }

  storePath(): string {
    const path = this.opts.store ?? this.env.PINGSHEN_STORE;
    if (!path) {
      throw new UsageError({
        zh: '未指定库文件：请用 --store <路径> 或环境变量 PINGSHEN_STORE 指定。',
        en: 'No store given: pass --store <path> or set PINGSHEN_STORE.',
      });
    }
    return resolve(path);
  }

  /** whether a store was named, by --store or PINGSHEN_STORE */
  hasStore(): boolean {
    return Boolean(this.opts.store ?? this.env.PINGSHEN_STORE);
  }

  async passphrase(opts: { confirm?: boolean } = {}): Promise<string> {
    if (this.opts.passphraseFile) return stripNewline(readFileSync(this.opts.passphraseFile, 'utf8'));
    const fromEnv = this.env.PINGSHEN_PASSPHRASE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return this.prompt({ zh: '口令', en: 'Passphrase' }, opts.confirm ?? false);
  }

  async newPassphrase(file: string | undefined): Promise<string> {
    if (file) return stripNewline(readFileSync(file, 'utf8'));
    const fromEnv = this.env.PINGSHEN_NEW_PASSPHRASE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return this.prompt({ zh: '新口令', en: 'New passphrase' }, true);
  }

  /** The recovery code from paper: a file, env PINGSHEN_RECOVERY_CODE, or typed hidden. */
  async recoveryCode(file: string | undefined): Promise<string> {
    if (file) return stripNewline(readFileSync(file, 'utf8'));
    const fromEnv = this.env.PINGSHEN_RECOVERY_CODE;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    return this.prompt({ zh: '恢复码', en: 'Recovery code' }, false);
  }

  private async prompt(label: Localized, confirm: boolean): Promise<string> {
    if (!process.stdin.isTTY) {
      throw new UsageError({
        zh: `需要${label.zh}：请用 --passphrase-file <文件> 或环境变量 PINGSHEN_PASSPHRASE 提供，或在终端中运行以输入。`,
        en: `${label.en} needed: pass --passphrase-file <file>, set PINGSHEN_PASSPHRASE, or run in a terminal to type it.`,
      });
    }
    const first = await readHidden(`${this.t(label)}: `);
    if (confirm) {
      const again = await readHidden(this.t({ zh: '再输入一次: ', en: 'Repeat: ' }));
      if (again !== first) {
        throw new UsageError({ zh: '两次输入的口令不一致，未做任何更改。', en: 'The two entries differ; nothing was changed.' });
      }
    }
    return first;
  }

  async withStore<T>(fn: (store: StoreClient) => T | Promise<T>): Promise<T> {
    return this.withCalls(everyCall, fn);
  }

  /**
   * The store with only the calls `load` gives: a command that names its features loads their
   * code alone (issue 15: `results --json` answers within its unlock + 150 ms), where
   * withStore loads every feature.
   */
  async withCalls<C extends CallTable, T>(load: () => Promise<C>, fn: (store: Client<C>) => T | Promise<T>): Promise<T> {
    // the features (schemas, crypto, the native SQLCipher module) load when a store is opened,
    // not at start, so that --help and --version answer at once
    const [{ openStore }, { clientOf }, calls] = await Promise.all([import('../features/store-open.js'), import('../features/client.js'), load()]);
    const store = clientOf(calls, await openStore({ path: this.storePath(), passphrase: await this.passphrase() }));
    try {
      return await fn(store);
    } finally {
      store.close();
    }
  }

  async secretariat<T>(fn: (svc: StoreClient) => T | Promise<T>): Promise<T> {
    return this.secretariatWith(everyCall, fn);
  }

  async secretariatWith<C extends CallTable, T>(load: () => Promise<C>, fn: (svc: Client<C>) => T | Promise<T>): Promise<T> {
    return this.withCalls(load, (store) => {
      if (store.role !== 'secretariat') throw wrongRole('secretariat');
      return fn(store);
    });
  }

  async expert<T>(fn: (svc: StoreClient) => T | Promise<T>): Promise<T> {
    return this.withStore((store) => {
      if (store.role !== 'expert') throw wrongRole('expert');
      return fn(store);
    });
  }

  /**
   * The zone this command's times are read in: the given edition's; for what belongs to the
   * store rather than an edition (its creation, the audit log), the edition --edition names or
   * the store's only one, else China's.
   */
  timeZone(svc: EditionCalls, editionId?: string): string {
    if (editionId !== undefined) return editionTimeZone(svc.editions.get({ editionId }).settings);
    const editions = svc.editions.list();
    if (this.opts.edition === undefined && editions.length !== 1) return DEFAULT_TIME_ZONE;
    try {
      return editionTimeZone(svc.editions.get({ editionId: this.edition(svc).id }).settings);
    } catch {
      return DEFAULT_TIME_ZONE;
    }
  }

  /** The edition named by --edition (id, name or year), or the only one in the store. */
  edition(svc: Pick<EditionCalls, 'editions'>): EditionSummary {
    const editions = svc.editions.list();
    const wanted = this.opts.edition;
    if (wanted) {
      const found =
        editions.find((e) => e.id === wanted) ??
        editions.find((e) => e.name === wanted) ??
        (editions.filter((e) => String(e.year) === wanted).length === 1
          ? editions.find((e) => String(e.year) === wanted)
          : undefined);
      if (!found) {
        throw new UsageError({
          zh: `找不到届次“${wanted}”：用 edition list 查看已有届次。`,
          en: `No edition "${wanted}": see edition list.`,
        });
      }
      return found;
    }
    const [only, ...rest] = editions;
    if (!only) {
      throw new UsageError({
        zh: '库中还没有届次：秘书处先用 edition create 创建，专家先用 package import 导入评审包。',
        en: 'The store has no edition yet: the secretariat runs edition create; an expert runs package import.',
      });
    }
    if (rest.length) {
      throw new UsageError({
        zh: `库中有 ${editions.length} 个届次，请用 --edition 指定其一（edition list 可查看）。`,
        en: `The store holds ${editions.length} editions; choose one with --edition (see edition list).`,
      });
    }
    return only;
  }

  /** JSON for scripts, or the human rendering. */
  emit(data: unknown, human: () => string): void {
    if (this.json) this.io.out(JSON.stringify(data, null, 2));
    else this.io.out(human());
  }

  /** Progress and notes go to stderr so that stdout stays clean for --json. */
  note(text: Localized): void {
    if (!this.json) this.io.err(this.t(text));
  }
}

async function everyCall() {
  return (await import('../features/index.js')).STORE_CALLS;
}

/** What naming an edition needs of the store: any client that has the editions' calls. */
type EditionCalls = { editions: Pick<StoreClient['editions'], 'list' | 'get'> };

function wrongRole(needed: Role): UsageError {
  return needed === 'secretariat'
    ? new UsageError({
        zh: '此命令只能在秘书处库上运行，而所给的是专家库。',
        en: 'This command runs on a secretariat store; the store given is an expert store.',
      })
    : new UsageError({
        zh: '此命令只能在专家库上运行，而所给的是秘书处库。',
        en: 'This command runs on an expert store; the store given is a secretariat store.',
      });
}
