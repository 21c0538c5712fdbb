import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { toWire } from '../../ipc/wire.js';
import { Cli } from '../context.js';
import { UsageError } from '../errors.js';
import { save, upload } from '../files.js';
import { renderTable } from '../output.js';

/**
 * Every call a store answers, straight from the call table: a call added to a feature is here
 * at once, validated exactly as from the app. Input is JSON; a value {"$file": "path"} is that
 * file, read as the call's upload. Files a call hands back go into --out, or come out as base64.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function withFiles(value: Json): unknown {
  if (Array.isArray(value)) return value.map(withFiles);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const file = value.$file;
    if (keys.length === 1 && typeof file === 'string') return upload(file);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFiles(v)]));
  }
  return value;
}

/** Each { fileName, bytes } in the output saved into dir and shown by its path. */
function savedInto(dir: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => savedInto(dir, v));
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const o = value as Record<string, unknown>;
    if (typeof o.fileName === 'string' && o.bytes instanceof Uint8Array) {
      const { bytes, ...rest } = o;
      return { ...rest, file: save({ fileName: o.fileName, bytes }, join(dir, o.fileName)) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, savedInto(dir, v)]));
  }
  return value;
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new UsageError({ zh: `输入不是有效的 JSON：${String(e)}`, en: `The input is not valid JSON: ${String(e)}` });
  }
}

export function registerCallCommand(program: Command): void {
  program
    .command('call [name] [input]')
    .description('直接调用任一接口（输入为 JSON；{"$file": "路径"} 表示读取该文件）/ make any call directly (input as JSON; {"$file": "path"} reads that file)')
    .option('--list', '列出所有接口及可调用的角色 / list every call and who may make it')
    .option('--out <dir>', '把接口返回的文件保存到此文件夹 / save the files a call returns into this folder')
    .action(async (name: string | undefined, input: string | undefined, opts: { list?: boolean; out?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      // the call table holds every feature: loaded only for this command, so other commands start quickly
      const { STORE_CALLS } = await import('../../features/index.js');
      if (opts.list || name === undefined) {
        const rows = Object.entries(STORE_CALLS).map(([call, def]) => ({ call, access: def.access }));
        cli.emit(rows, () =>
          renderTable(rows, [
            { header: { zh: '接口', en: 'Call' }, value: (r) => r.call },
            { header: { zh: '可调用', en: 'Who may call' }, value: (r) => r.access },
          ], cli.lang),
        );
        return;
      }
      if (!Object.hasOwn(STORE_CALLS, name)) {
        throw new UsageError({ zh: `没有名为“${name}”的接口：用 call --list 查看全部。`, en: `There is no call named "${name}": see call --list.` });
      }
      const args = withFiles(input === undefined ? {} : parseJson(input));
      await cli.withStore(async (store) => {
        const [group, verb] = name.split('.') as [string, string];
        const method = (store as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[group]![verb]!;
        const value = await method(args);
        const shown = opts.out ? savedInto((mkdirSync(resolve(opts.out), { recursive: true }), resolve(opts.out)), value) : toWire(value);
        cli.io.out(JSON.stringify(shown ?? null, null, 2));
      });
    });
}
