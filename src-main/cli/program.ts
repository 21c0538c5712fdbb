import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { Command, CommanderError, Option } from 'commander';
import { registerCallCommand } from './commands/call.js';
import { registerCommitteeCommands } from './commands/committee.js';
import { registerCorrectionCommands } from './commands/corrections.js';
import { registerDeclarationCommands } from './commands/recusal.js';
import { registerCatalogCommands, registerEditionCommands } from './commands/edition.js';
import { registerEligibilityCommands } from './commands/eligibility.js';
import { registerBundleCommands, registerPackageCommands } from './commands/exchange.js';
import { registerMaterialCommands } from './commands/material.js';
import { registerNoticeCommands } from './commands/notice.js';
import { registerPanelCommands } from './commands/panel.js';
import { registerArchiveCommands, registerBackupCommands, registerRetentionCommands, registerStoreDeleteCommand } from './commands/records.js';
import { registerApplicantCommands, registerExpertCommands } from './commands/people.js';
import { registerPoolCommands } from './commands/pool.js';
import { registerReportCommands, registerReportSetCommand } from './commands/report.js';
import { registerResultsCommands } from './commands/results.js';
import { registerScoreCommands, registerSheetCommands } from './commands/score.js';
import { registerStoreCommands } from './commands/store.js';
import { ioOfProgram, processIo, type Io } from './context.js';
import { describeError } from './errors.js';
import { displayWidth, type Lang } from './output.js';

const HELP_AFTER = `
口令 / Passphrase:
  按顺序取自 --passphrase-file <文件>、环境变量 PINGSHEN_PASSPHRASE，或在终端中隐藏输入；
  口令从不作为命令行参数（ps 和命令历史会看到它）。
  Taken from --passphrase-file <file>, then env PINGSHEN_PASSPHRASE, else typed hidden in a
  terminal; never as a command-line argument (ps and the shell history would show it).

环境变量 / Environment:
  PINGSHEN_STORE           库文件路径（同 --store）/ store file (as --store)
  PINGSHEN_PASSPHRASE      口令 / passphrase
  PINGSHEN_NEW_PASSPHRASE  passphrase change/reset 的新口令 / new passphrase for passphrase change/reset
  PINGSHEN_RECOVERY_CODE   passphrase reset 的恢复码 / recovery code for passphrase reset

退出码 / Exit codes:
  0 成功 / success   1 操作被拒绝 / operation refused   2 输入或用法有误 / bad input or usage

流程 / Workflow:
  秘书处 / secretariat: init → edition create → applicant import → eligibility decide → expert import → expert enroll
    （下一届 / next edition: pool draw，无须再注册 / no new enrolment）→ panel propose → panel apply
    （或 / or panel create / panel assign） → material attach → package export
  专家 / expert: init → whoami（把注册码交给秘书处 / hand over the enrollment code）→ package import
    → declare → score set → sheet submit → bundle export
  秘书处 / secretariat: bundle import → results → committee confirm-shortlist → panel assign --shortlist → package export → …
    → committee settle-tie / tally / confirm-list → committee list --pdf → report

申报材料只在桌面应用中阅读，命令行不会把材料以明文写到磁盘上。
Materials are read in the desktop app; the CLI never writes them to disk in the clear.
`;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const GROUPS: [string, string[]][] = [
  ['两种角色 / Both roles:', ['init', 'whoami', 'passphrase', 'recovery-code', 'backup', 'restore', 'delete-store', 'audit', 'material', 'package', 'bundle', 'sheet', 'report', 'call']],
  ['秘书处 / Secretariat:', ['profiles', 'frameworks', 'edition', 'applicant', 'expert', 'pool', 'conflict', 'panel', 'recusal', 'owed', 'results', 'committee', 'report-set', 'archive', 'retention']],
  ['评审专家 / Expert:', ['assignments', 'declare', 'score']],
];

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

/**
 * The program in parts, each with the top-level commands it adds, in the order help lists them.
 * A command line that names a command builds only the part that adds it: building all 139
 * commands cost every command some 10 ms (issue 15). Help, the version and an unknown name get
 * the whole program, and so do a part that adds commands to other parts' groups (addsTo) and
 * those groups, so that each command is built exactly as in the whole program.
 */
interface Part {
  names: readonly string[];
  register(program: Command): void;
  addsTo?: readonly string[];
}

const PARTS: readonly Part[] = [
  { names: ['init', 'whoami', 'passphrase', 'recovery-code', 'audit'], register: registerStoreCommands },
  { names: ['profiles', 'frameworks'], register: registerCatalogCommands },
  { names: ['edition'], register: registerEditionCommands },
  { names: ['applicant'], register: registerApplicantCommands },
  { names: ['expert'], register: registerExpertCommands },
  { names: ['eligibility'], register: registerEligibilityCommands },
  { names: ['pool', 'conflict'], register: registerPoolCommands },
  { names: ['panel'], register: registerPanelCommands },
  { names: ['material'], register: registerMaterialCommands },
  { names: ['package'], register: registerPackageCommands },
  { names: ['assignments', 'declare', 'recusal'], register: registerDeclarationCommands },
  { names: ['score'], register: registerScoreCommands },
  { names: ['sheet'], register: registerSheetCommands },
  { names: ['bundle', 'owed'], register: registerBundleCommands },
  { names: ['results'], register: registerResultsCommands },
  { names: ['committee'], register: registerCommitteeCommands },
  { names: ['report'], register: registerReportCommands },
  { names: ['report-set'], register: registerReportSetCommand },
  { names: ['calendar', 'notice', 'objection', 'final-list'], register: registerNoticeCommands },
  { names: [], register: registerCorrectionCommands, addsTo: ['applicant', 'expert', 'material', 'recusal', 'sheet', 'package', 'panel'] },
  { names: ['archive'], register: registerArchiveCommands },
  { names: ['retention'], register: registerRetentionCommands, addsTo: ['edition'] },
  { names: ['backup', 'restore'], register: registerBackupCommands },
  { names: ['delete-store'], register: registerStoreDeleteCommand },
  { names: ['call'], register: registerCallCommand },
];

/** The part that adds the named command, when it can be built alone. */
function partAlone(name: string): Part | undefined {
  if (PARTS.some((p) => p.addsTo?.includes(name))) return undefined;
  const part = PARTS.find((p) => p.names.includes(name));
  return part?.addsTo ? undefined : part;
}

/** The command a command line names past the program's own options; none when it asks for help or the version. */
function commandNamed(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['-h', '--help', '-V', '--version', '--'].includes(arg)) return undefined;
    if (!arg.startsWith('-')) return arg;
    if (takesValue.has(arg)) i++;
  }
  return undefined;
}

/** The program, whole, or only the part that adds the command `argv` names (PARTS). */
export function buildProgram(io: Io = processIo, argv: readonly string[] = []): Command {
  const program = new Command('pingshen');
  ioOfProgram.set(program, io);
  program
    .description('评审 Pingshen：市长质量奖专家评审（加密、离线、可审计）/ expert review for government quality awards (encrypted, offline, audited)')
    .option('--store <path>', '加密库文件（或环境变量 PINGSHEN_STORE）/ encrypted store file (or env PINGSHEN_STORE)')
    .option('--passphrase-file <file>', '从文件读取口令（或环境变量 PINGSHEN_PASSPHRASE）/ read the passphrase from a file (or env PINGSHEN_PASSPHRASE)')
    .option('--edition <ref>', '届次：编号、名称或年度（库中仅一届时可省略）/ edition id, name or year (optional when the store holds one)')
    .option('--json', '输出机器可读的 JSON / machine-readable JSON output')
    .addOption(new Option('--lang <lang>', '输出语言 / output language').choices(['zh', 'en']).default('zh'))
    .version(version, '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令帮助 / show help for a command')
    .addHelpText('after', HELP_AFTER)
    .configureHelp({ showGlobalOptions: true, displayWidth: (s: string) => displayWidth(stripVTControlCharacters(s)) })
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(true);

  const named = commandNamed(program, argv);
  const part = named === undefined ? undefined : partAlone(named);
  for (const { register } of part ? [part] : PARTS) register(program);
  for (const cmd of program.commands) {
    const group = GROUPS.find(([, names]) => names.includes(cmd.name()));
    if (group) cmd.helpGroup(group[0]);
  }

  for (const cmd of allCommands(program)) {
    cmd.exitOverride().configureOutput(program.configureOutput()).helpOption('-h, --help', '显示帮助 / show help');
    cmd.configureHelp(program.configureHelp());
  }
  return program;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs one command line; returns the exit code instead of exiting, so tests and the demo can call it. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version')) return 0;
    if (e instanceof CommanderError && e.code === 'commander.help') return 2;
    const lang = (program.opts().lang as Lang | undefined) ?? langFromArgv(argv);
    const reported = describeError(e, lang);
    if (program.opts().json && reported.json) io.out(JSON.stringify(reported.json, null, 2));
    io.err(reported.sentence);
    return reported.exitCode;
  }
}
