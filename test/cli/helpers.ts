import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'pingshen.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: `node bin/pingshen.mjs …`, the build in out/cli (test/cli/build.ts), in its own process. */
export function pingshen(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.PINGSHEN_PASSPHRASE;
  delete base.PINGSHEN_STORE;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Stores the tests create are cheap to unlock: `init` is given a low key-derivation cost. */
export const CHEAP_KDF = ['--kdf-memory', '64', '--kdf-iterations', '1'];

/** One person at one store: the global options every command of theirs carries. */
export class Actor {
  constructor(
    readonly store: string,
    readonly passphraseFile: string,
  ) {}

  static create(dir: string, name: string, passphrase = `${name} 的口令 passphrase`): Actor {
    const file = join(dir, `${name}.pass`);
    writeFileSync(file, `${passphrase}\n`);
    return new Actor(join(dir, `${name}.db`), file);
  }

  run(...args: string[]): Promise<Run> {
    return pingshen(['--store', this.store, '--passphrase-file', this.passphraseFile, ...args]);
  }

  /** Runs a step that must succeed; a failure shows the CLI's own sentence. */
  async ok(...args: string[]): Promise<string> {
    const r = await this.run(...args);
    if (r.code !== 0) throw new Error(`pingshen ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  async json<T>(...args: string[]): Promise<T> {
    return JSON.parse(await this.ok('--json', ...args)) as T;
  }
}

/** The shipped template, filled in below its header row, as a secretariat would. */
export async function fillTemplate(template: 'applicants' | 'experts', rows: (string | number)[][], out: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(ROOT, 'resources', 'templates', `${template}-template.xlsx`));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${template} template has no worksheet`);
  rows.forEach((row, i) => {
    sheet.getRow(i + 2).values = row;
  });
  await workbook.xlsx.writeFile(out);
  return out;
}

export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x5a;
  return copy;
}
