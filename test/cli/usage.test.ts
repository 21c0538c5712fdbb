import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src-main/cli/program.js';
import { Actor, CHEAP_KDF, fillTemplate, pingshen, ROOT } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-usage-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const TOP_LEVEL = [
  'init', 'whoami', 'passphrase', 'audit', 'report', 'profiles', 'frameworks', 'edition', 'applicant', 'expert', 'pool', 'conflict', 'panel',
  'material', 'package', 'bundle', 'owed', 'recusal', 'results', 'sheet', 'assignments', 'declare', 'score', 'call',
];

describe('help', () => {
  it('lists every command group in both languages, with the passphrase and exit-code rules', async () => {
    const r = await pingshen(['--help']);
    expect(r.code).toBe(0);
    for (const name of TOP_LEVEL) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toContain('秘书处 / Secretariat:');
    expect(r.stdout).toContain('评审专家 / Expert:');
    expect(r.stdout).toContain('PINGSHEN_PASSPHRASE');
    expect(r.stdout).toContain('2 输入或用法有误 / bad input or usage');
  });

  it('documents each subcommand in Chinese and English', async () => {
    const r = await pingshen(['edition', '--help']);
    expect(r.stdout).toMatch(/create\s.*创建届次 \/ create an edition/);
    const all = (cmd: Command): Command[] => cmd.commands.flatMap((c) => [c, ...all(c)]);
    const undocumented = all(buildProgram())
      .filter((c) => c.name() !== 'help')
      .filter((c) => !/[\u4e00-\u9fff].*\/ ?[A-Za-z]/.test(c.description()))
      .map((c) => c.name());
    expect(undocumented).toEqual([]);
  });

  it('builds the command a command line names as the whole program builds it, and only its part', () => {
    const shape = (cmd: Command): unknown => ({
      name: cmd.name(),
      description: cmd.description(),
      arguments: cmd.registeredArguments.map((a) => a.name()),
      options: cmd.options.map((o) => o.flags),
      commands: cmd.commands.map(shape),
    });
    const whole = buildProgram();
    const names = whole.commands.map((c) => c.name()).filter((n) => n !== 'help');
    expect(names).toContain('results');
    for (const name of names) {
      const built = buildProgram(undefined, ['--store', 'x.db', '--lang', 'en', name, '--help']);
      expect(shape(built.commands.find((c) => c.name() === name)!)).toEqual(shape(whole.commands.find((c) => c.name() === name)!));
      expect(built.options.map((o) => o.flags)).toEqual(whole.options.map((o) => o.flags));
    }
    expect(buildProgram(undefined, ['--store', 'x.db', '--json', 'results']).commands.map((c) => c.name())).toEqual(['results']);
    for (const argv of [[], ['--help'], ['-V'], ['help', 'results'], ['result']]) expect(buildProgram(undefined, argv).commands.length).toBe(whole.commands.length);
  });

  it('says in the material help that materials are read in the app, never extracted', async () => {
    const r = await pingshen(['material', '--help']);
    expect(r.stdout).toContain('the CLI never writes them to disk in the clear');
    expect(r.stdout).not.toMatch(/^\s+(extract|open)\b/m);
  });
});

describe('bad command lines', () => {
  it('refuses an unknown command with exit 2 and a suggestion', async () => {
    const r = await pingshen(['result']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'result'");
    expect(r.stderr).toContain('results');
  });

  it('never takes a passphrase as an argument', async () => {
    const r = await pingshen(['--passphrase', 'secret-secret', '--store', join(dir, 'x.db'), 'whoami']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--passphrase'");
  });

  it('asks for a store path in one sentence', async () => {
    const r = await pingshen(['applicant', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('未指定库文件：请用 --store <路径> 或环境变量 PINGSHEN_STORE 指定。');
  });

  it('explains where a passphrase comes from when there is no terminal to type it', async () => {
    const r = await pingshen(['--lang', 'en', '--store', join(dir, 'none.db'), 'init', '--role', 'expert']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Passphrase needed: pass --passphrase-file <file>, set PINGSHEN_PASSPHRASE, or run in a terminal to type it.');
  });

  it('refuses a stage name it does not know', async () => {
    const r = await pingshen(['--store', join(dir, 'none.db'), 'results', '--stage', 'visit'], { PINGSHEN_PASSPHRASE: 'irrelevant words' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('阶段“visit”无效：应为 material（材料评审）、site（现场评审）或 defence（陈述答辩）。');
  });
});

describe('a malformed applicant sheet', () => {
  it('is refused whole with every bad row listed, and nothing is imported', async () => {
    const sec = Actor.create(dir, 'sec');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    await sec.ok('edition', 'create', '--name', '2026年度无锡市市长质量奖', '--year', '2026', '--profile', 'wuxi-2024', '--panel-min', '5', '--panel-max', '7');
    const file = await fillTemplate(
      'applicants',
      [
        ['WX2026-001', '无锡恒瑞达精密机械有限公司', '单位', '二产业', '', '', ''],
        ['WX2026-002', '', '单位', '二产业', '', '', ''],
        ['WX2026-003', '宜兴市竹海生态茶业有限公司', '单位', '四产业', '', '', ''],
        ['WX2026-001', '江阴澄江特种钢管股份有限公司', '单位', '2', '', '', ''],
      ],
      join(dir, 'bad.xlsx'),
    );
    const r = await sec.run('applicant', 'import', file);
    expect(r.code).toBe(2);
    const [head, ...rows] = r.stderr.trim().split('\n');
    expect(head).toContain('第 3、4、5 行');
    expect(rows.some((l) => l.includes('第 3 行') && l.includes('名称'))).toBe(true);
    expect(rows.some((l) => l.includes('第 4 行') && l.includes('四产业'))).toBe(true);
    expect(rows.some((l) => l.includes('第 5 行') && l.includes('WX2026-001'))).toBe(true);

    const json = await sec.run('--json', '--lang', 'en', 'applicant', 'import', file);
    const parsed = JSON.parse(json.stdout) as { error: { code: string; rows: { row: number }[] } };
    expect(parsed.error.code).toBe('xlsx.invalid-rows');
    expect([...new Set(parsed.error.rows.map((x) => x.row))]).toEqual([3, 4, 5]);
    expect(await sec.json<unknown[]>('applicant', 'list')).toEqual([]);
  });
});

describe('any call by name', () => {
  it('lists every call of the table, makes one with JSON input and a file, and refuses bad input as the app would', async () => {
    const listed = JSON.parse((await pingshen(['--json', 'call', '--list'])).stdout) as { call: string; access: string }[];
    expect(listed).toContainEqual({ call: 'applicants.add', access: 'secretariat' });
    expect(listed).toContainEqual({ call: 'sheets.saveItem', access: 'expert' });

    const sec = Actor.create(dir, 'caller');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    const created = JSON.parse(
      await sec.ok('call', 'editions.create', JSON.stringify({ name: '2026年度无锡', year: 2026, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings: { panelSize: { min: 5, max: 7 } } })),
    ) as { id: string; name: string };
    expect(created.name).toBe('2026年度无锡');
    expect(JSON.parse(await sec.ok('call', 'editions.list'))).toEqual([expect.objectContaining({ id: created.id })]);

    const framework = JSON.parse(readFileSync(join(ROOT, 'resources', 'criteria', 'gbt19580-2012.json'), 'utf8')) as { id: string };
    const file = join(dir, 'local.json');
    writeFileSync(file, JSON.stringify({ ...framework, id: 'db3202-t1002-2018' }));
    expect(JSON.parse(await sec.ok('call', 'frameworks.load', JSON.stringify({ file: { $file: file } }))).id).toBe('db3202-t1002-2018');

    const bad = await sec.run('call', 'editions.create', JSON.stringify({ name: '2027', year: 'next year' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('输入有误');
    expect((await sec.run('call', 'editions.dropAll')).code).toBe(2);
    expect((await sec.run('call', 'sheets.saveItem', '{}')).stderr).toContain('仅限评审专家');
  });
});
