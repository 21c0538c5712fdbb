import type { Command } from 'commander';
import type { Localized } from '../../domain/localized.js';
import type { PackageChange } from '../../domain/package-changes.js';
import type { Cli } from '../context.js';

/** What every correction command shares: the reason it asks for, its group, and how it reports. */

export const REASON = ['--reason <text>', '原因（记入审计日志）/ reason (kept in the audit log)'] as const;

export function group(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`command group ${name} must be registered before its corrections`);
  return found;
}

export const changeLines = (cli: Cli, changes: PackageChange[]): string => changes.map((c) => `  - ${cli.t(c.text)}`).join('\n');

export function done(cli: Cli, data: unknown, text: Localized): void {
  cli.emit(data, () => cli.t(text));
}
