import { Command } from 'commander';
import type { EditionSettings } from '../../profile/settings.js';
import type { Profile } from '../../profile/schema.js';
import type { Stage } from '../../domain/words.js';
import type { EditionDetail } from '../../profile/edition.js';
import { editionTimeZone } from '../../domain/time.js';
import { Cli } from '../context.js';
import { upload } from '../files.js';
import { UsageError } from '../errors.js';
import { parseInteger, parseStage, splitList } from '../lookup.js';
import { DASH, fmtDate, renderFields, renderTable, stageName, type Lang } from '../output.js';

interface SettingsOptions {
  weights?: string;
  shortlist?: string;
  panelMin?: string;
  panelMax?: string;
  trim?: string;
  trimMin?: string;
  disagreement?: string;
  issuingBody?: string;
  timeZone?: string;
}

function addSettingsOptions(cmd: Command): Command {
  return cmd
    .option('--weights <list>', '各阶段权重（%），如 material=30,site=50,defence=20 / stage weights in %')
    .option('--shortlist <n>', '材料评审后入围数 / shortlist size after material review')
    .option('--panel-min <n>', '评审组最少人数 / minimum panel size')
    .option('--panel-max <n>', '评审组最多人数 / maximum panel size')
    .option('--trim <on|off>', '去掉一个最高分和一个最低分 / drop one highest and one lowest total')
    .option('--trim-min <n>', '评审组达到此人数才去掉最高最低分 / panel size from which trimming applies')
    .option('--disagreement <pp|off>', '同一条款专家分歧超过此百分点即标记 / flag items where experts differ by more than this many points')
    .option('--issuing-body <name>', '发文机关（报告落款和盖章处的名称）/ issuing body, as the reports\' closing and seal name it')
    .option('--time-zone <zone>', '时区，默认 Asia/Shanghai（北京时间）/ time zone of every date, by default Asia/Shanghai');
}

function onOff(value: string, what: string): boolean {
  if (/^(on|yes|true|1|是|开)$/i.test(value)) return true;
  if (/^(off|no|false|0|否|关)$/i.test(value)) return false;
  throw new UsageError({ zh: `${what} 应为 on 或 off，而不是“${value}”。`, en: `${what} takes on or off, not "${value}".` });
}

/** Only what was given on the command line, laid over `base`; the service validates the result. */
function settingsFrom(opts: SettingsOptions, base: EditionSettings): EditionSettings {
  const settings: EditionSettings = structuredClone(base);
  if (opts.weights !== undefined) {
    const weights: Partial<Record<Stage, number>> = {};
    for (const part of splitList(opts.weights)) {
      const [stage, value] = part.split(/[=:：]/);
      if (!stage || value === undefined) {
        throw new UsageError({
          zh: `权重“${part}”格式不对：应写成 阶段=百分数，如 material=30。`,
          en: `Weight "${part}" is malformed: write stage=percent, e.g. material=30.`,
        });
      }
      weights[parseStage(stage)] = parseInteger(value.replace(/%$/, ''), { zh: '权重', en: 'A weight' });
    }
    settings.weights = weights;
  }
  if (opts.shortlist !== undefined) settings.shortlistSize = parseInteger(opts.shortlist, { zh: '入围数', en: 'The shortlist size' });
  if (opts.panelMin !== undefined || opts.panelMax !== undefined) {
    settings.panelSize = { ...settings.panelSize };
    if (opts.panelMin !== undefined) settings.panelSize.min = parseInteger(opts.panelMin, { zh: '最少人数', en: '--panel-min' });
    if (opts.panelMax !== undefined) settings.panelSize.max = parseInteger(opts.panelMax, { zh: '最多人数', en: '--panel-max' });
  }
  if (opts.trim !== undefined || opts.trimMin !== undefined) {
    settings.trim = { enabled: opts.trim !== undefined ? onOff(opts.trim, '--trim') : (settings.trim?.enabled ?? true) };
    const min = opts.trimMin ?? (base.trim?.minPanelSize !== undefined ? String(base.trim.minPanelSize) : undefined);
    if (min !== undefined) settings.trim.minPanelSize = parseInteger(min, { zh: '--trim-min ', en: '--trim-min ' });
  }
  if (opts.disagreement !== undefined) {
    settings.disagreement = /^(off|no|false|否|关)$/i.test(opts.disagreement)
      ? { enabled: false }
      : { enabled: true, threshold: parseInteger(opts.disagreement, { zh: '分歧阈值', en: 'The disagreement threshold' }) };
  }
  if (opts.issuingBody !== undefined) settings.issuingBody = opts.issuingBody;
  if (opts.timeZone !== undefined) settings.timeZone = opts.timeZone;
  return settings;
}

export function describeProfile(p: Profile, settings: EditionSettings, lang: Lang): [{ zh: string; en: string }, string][] {
  const open = lang === 'zh' ? '本届设定' : 'set per edition';
  const orOpen = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? open : `${v}${unit}`);
  const weights = p.stages
    .map((s) => `${stageName(s.stage, lang)} ${orOpen(settings.weights?.[s.stage] ?? s.weight, '%')}`)
    .join(lang === 'zh' ? '，' : ', ');
  const floor = (v: number | null) => (v === null ? DASH : `${v}%`);
  const shortlist = p.shortlist
    ? `${stageName(p.shortlist.afterStage, lang)} → ${orOpen(settings.shortlistSize ?? (p.shortlist.size === 'edition' ? null : p.shortlist.size))}`
    : DASH;
  const trim = settings.trim ?? p.trim;
  const disagreement = settings.disagreement ?? p.disagreement;
  const min = settings.panelSize?.min ?? p.panelSize.min;
  const max = settings.panelSize?.max ?? p.panelSize.max;
  return [
    [{ zh: '城市', en: 'City' }, p.city[lang]],
    [{ zh: '依据', en: 'Regulation' }, p.regulation[lang]],
    [{ zh: '评分阶段与权重', en: 'Stages and weights' }, weights],
    [{ zh: '分数线（奖/提名）', en: 'Floors (award/nomination)' }, `${floor(p.floors.award)} / ${floor(p.floors.nomination)}`],
    [
      { zh: '名额（奖/提名）', en: 'Caps (award/nomination)' },
      `${p.caps.award.unit}+${p.caps.award.individual} / ${p.caps.nomination.unit}+${p.caps.nomination.individual}`,
    ],
    [{ zh: '入围', en: 'Shortlist' }, shortlist],
    [{ zh: '评审组人数', en: 'Panel size' }, min === null && max === null ? open : `${orOpen(min)}–${orOpen(max)}`],
    [{ zh: '去最高最低分', en: 'Trim' }, trim.enabled ? `≥ ${trim.minPanelSize ?? p.trim.minPanelSize}` : DASH],
    [
      { zh: '分歧标记', en: 'Disagreement flag' },
      disagreement.enabled ? `> ${disagreement.threshold ?? p.disagreement.threshold} ${lang === 'zh' ? '个百分点' : 'points'}` : DASH,
    ],
    [{ zh: '发文机关', en: 'Issuing body' }, settings.issuingBody ?? DASH],
    [{ zh: '时区', en: 'Time zone' }, editionTimeZone(settings)],
  ];
}

function showEdition(cli: Cli, e: EditionDetail): string {
  return renderFields(
    [
      [{ zh: '届次', en: 'Edition' }, `${e.name}（${e.year}）`],
      [{ zh: '编号', en: 'Id' }, e.id],
      [{ zh: '准则', en: 'Criteria' }, `${e.framework.name[cli.lang]} · ${e.framework.totalPoints}`],
      [{ zh: '规则', en: 'Profile' }, e.profile.id],
      ...describeProfile(e.profile, e.settings, cli.lang),
      [{ zh: '创建于', en: 'Created' }, fmtDate(e.createdAt, editionTimeZone(e.settings))],
    ],
    cli.lang,
  );
}

export function registerEditionCommands(program: Command): void {
  const edition = program.command('edition').description('届次 / editions (award rounds)');

  addSettingsOptions(
    edition
      .command('create')
      .description('创建届次 / create an edition')
      .requiredOption('--name <name>', '届次名称，如 2025年无锡市市长质量奖 / edition name')
      .requiredOption('--year <year>', '年度 / year')
      .requiredOption('--profile <id>', '城市规则（profiles 可查看）/ city profile id (see profiles)')
      .option('--framework <id>', '评价准则（frameworks 可查看）/ criteria framework id (see frameworks)', 'gbt19580-2012'),
  ).action(async (opts: SettingsOptions & { name: string; year: string; profile: string; framework: string }, cmd: Command) => {
    const cli = Cli.of(cmd);
    const year = parseInteger(opts.year, { zh: '年度', en: 'The year' });
    const settings = settingsFrom(opts, {});
    await cli.secretariat((svc) => {
      const created = svc.editions.create({ name: opts.name, year, profileId: opts.profile, frameworkId: opts.framework, settings });
      cli.emit(created, () => `${cli.t({ zh: '已创建届次。', en: 'Edition created.' })}\n${showEdition(cli, created)}`);
    });
  });

  addSettingsOptions(
    edition.command('settings').description('修改本届设置（规则未定之处）/ change the edition settings the profile leaves open'),
  ).action(async (opts: SettingsOptions, cmd: Command) => {
    const cli = Cli.of(cmd);
    await cli.secretariat((svc) => {
      const current = svc.editions.get({ editionId: cli.edition(svc).id });
      const updated = svc.editions.updateSettings({ editionId: current.id, settings: settingsFrom(opts, current.settings) });
      cli.emit(updated, () => `${cli.t({ zh: '设置已更新。', en: 'Settings updated.' })}\n${showEdition(cli, updated)}`);
    });
  });

  edition
    .command('list')
    .description('列出届次 / list editions')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((svc) => {
        const editions = svc.editions.list();
        const zoneOf = (editionId: string) => cli.timeZone(svc, editionId);
        cli.emit(editions, () =>
          renderTable(
            editions,
            [
              { header: { zh: '编号', en: 'Id' }, value: (e) => e.id },
              { header: { zh: '名称', en: 'Name' }, value: (e) => e.name },
              { header: { zh: '年度', en: 'Year' }, value: (e) => String(e.year), align: 'right' },
              { header: { zh: '规则', en: 'Profile' }, value: (e) => e.profileId },
              { header: { zh: '准则', en: 'Criteria' }, value: (e) => e.frameworkId },
              { header: { zh: '创建于', en: 'Created' }, value: (e) => fmtDate(e.createdAt, zoneOf(e.id)) },
            ],
            cli.lang,
          ),
        );
      });
    });

  edition
    .command('show')
    .description('届次详情与生效规则 / edition details and the rules in force')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((svc) => {
        const detail = svc.editions.get({ editionId: cli.edition(svc).id });
        cli.emit(detail, () => showEdition(cli, detail));
      });
    });
}

export function registerCatalogCommands(program: Command): void {
  program
    .command('profiles')
    .description('各城市评审规则 / city profiles (the regulations as data)')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const profiles = svc.profiles.list();
        cli.emit(profiles, () =>
          profiles.map((p) => `${p.id}\n${renderFields(describeProfile(p, {}, cli.lang), cli.lang)}`).join('\n\n'),
        );
      });
    });

  program
    .command('frameworks')
    .description('评价准则（如 GB/T 19580-2012）/ criteria frameworks')
    .option('--load <file>', '从文件载入并校验另一套准则 / validate and register a framework file')
    .action(async (opts: { load?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        if (opts.load) {
          const loaded = svc.frameworks.load({ file: upload(opts.load) });
          cli.note({ zh: `已载入准则 ${loaded.id}。`, en: `Framework ${loaded.id} loaded.` });
        }
        const frameworks = svc.frameworks.list();
        cli.emit(frameworks, () =>
          renderTable(
            frameworks,
            [
              { header: { zh: '编号', en: 'Id' }, value: (f) => f.id },
              { header: { zh: '名称', en: 'Name' }, value: (f) => f.name[cli.lang] },
              { header: { zh: '标准', en: 'Standard' }, value: (f) => f.standard },
              { header: { zh: '总分', en: 'Points' }, value: (f) => String(f.totalPoints), align: 'right' },
              { header: { zh: '条款数', en: 'Items' }, value: (f) => String(f.categories.reduce((n, c) => n + c.items.length, 0)), align: 'right' },
            ],
            cli.lang,
          ),
        );
      });
    });
}

