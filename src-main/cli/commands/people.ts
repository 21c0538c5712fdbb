import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { ApplicantKind } from '../../domain/words.js';
import { Cli } from '../context.js';
import { upload } from '../files.js';
import { UsageError } from '../errors.js';
import { expertByCode, parseIndustry } from '../lookup.js';
import { DASH, industryName, kindName, renderTable } from '../output.js';

export function registerApplicantCommands(program: Command): void {
  const applicant = program.command('applicant').description('申报单位 / applicants');

  applicant
    .command('add')
    .description('添加申报单位 / add an applicant')
    .requiredOption('--code <code>', '申报编号，如 WX2025-001 / the secretariat\'s number')
    .requiredOption('--name <name>', '单位全称（或个人姓名）/ full name')
    .requiredOption('--industry <1|2|3>', '所属产业：1、2、3（一、二、三产业）/ industry')
    .addOption(new Option('--kind <kind>', '类型 / kind').choices(['unit', 'individual']).default('unit'))
    .option('--credit-code <code>', '统一社会信用代码（18 位，核对校验码）/ unified social credit code (18 characters, check character verified)')
    .option('--id-number <number>', '个人申报：居民身份证号码（18 位，核对校验码）/ individuals: resident ID-card number (18 characters, check character verified)')
    .option('--contact <name>', '联系人 / contact person')
    .option('--phone <phone>', '联系电话 / contact phone')
    .option('--email <email>', '电子邮箱 / contact e-mail')
    .action(
      async (
        opts: { code: string; name: string; industry: string; kind: ApplicantKind; creditCode?: string; idNumber?: string; contact?: string; phone?: string; email?: string },
        cmd: Command,
      ) => {
        const cli = Cli.of(cmd);
        const industry = parseIndustry(opts.industry);
        await cli.secretariat((svc) => {
          const added = svc.applicants.add({ editionId: cli.edition(svc).id, applicant: {
            code: opts.code,
            name: opts.name,
            kind: opts.kind,
            industry,
            creditCode: opts.creditCode ?? null,
            idNumber: opts.idNumber ?? null,
            contactName: opts.contact ?? null,
            contactPhone: opts.phone ?? null,
            contactEmail: opts.email ?? null,
          } });
          cli.emit(added, () =>
            cli.t({ zh: `已添加申报单位 ${added.code} ${added.name}。`, en: `Applicant ${added.code} ${added.name} added.` }),
          );
        });
      },
    );

  applicant
    .command('list')
    .description('列出申报单位 / list applicants')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const applicants = svc.applicants.list({ editionId: cli.edition(svc).id });
        cli.emit(applicants, () =>
          renderTable(
            applicants,
            [
              { header: { zh: '编号', en: 'Code' }, value: (a) => a.code },
              { header: { zh: '名称', en: 'Name' }, value: (a) => a.name },
              { header: { zh: '类型', en: 'Kind' }, value: (a) => kindName(a.kind, cli.lang) },
              { header: { zh: '产业', en: 'Industry' }, value: (a) => industryName(a.industry, cli.lang) },
              { header: { zh: '信用代码 / 身份证号', en: 'Credit code / ID' }, value: (a) => a.creditCode ?? a.idNumber ?? DASH },
              { header: { zh: '联系人', en: 'Contact' }, value: (a) => a.contactName ?? DASH },
              { header: { zh: '电话', en: 'Phone' }, value: (a) => a.contactPhone ?? DASH },
            ],
            cli.lang,
          ),
        );
      });
    });

  applicant
    .command('import <xlsx>')
    .description('从 Excel 表导入（模板见 resources/templates/applicants-template.xlsx；有错行则全部不导入）/ import from an .xlsx sheet (all or nothing)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const result = await svc.applicants.import({ editionId: cli.edition(svc).id, file: upload(file) });
        cli.emit(result, () =>
          cli.t({ zh: `已导入 ${result.imported} 家申报单位。`, en: `${result.imported} applicants imported.` }),
        );
      });
    });
}

export function registerExpertCommands(program: Command): void {
  const expert = program.command('expert').description('评审专家 / experts');

  expert
    .command('add')
    .description('添加评审专家 / add an expert')
    .requiredOption('--code <code>', '专家编号，如 E01 / the expert\'s number')
    .requiredOption('--name <name>', '姓名 / full name')
    .option('--organisation <org>', '工作单位 / organisation')
    .option('--title <title>', '职称 / title')
    .option('--industry <1|2|3>', '专业产业 / industry of expertise')
    .option('--phone <phone>', '电话 / phone')
    .option('--email <email>', '电子邮箱 / e-mail')
    .action(
      async (
        opts: { code: string; name: string; organisation?: string; title?: string; industry?: string; phone?: string; email?: string },
        cmd: Command,
      ) => {
        const cli = Cli.of(cmd);
        const industry = opts.industry === undefined ? null : parseIndustry(opts.industry);
        await cli.secretariat((svc) => {
          const added = svc.experts.add({ editionId: cli.edition(svc).id, expert: {
            code: opts.code,
            name: opts.name,
            organisation: opts.organisation ?? null,
            title: opts.title ?? null,
            industry,
            phone: opts.phone ?? null,
            email: opts.email ?? null,
          } });
          cli.emit(added, () =>
            cli.t({ zh: `已添加评审专家 ${added.code} ${added.name}。`, en: `Expert ${added.code} ${added.name} added.` }),
          );
        });
      },
    );

  expert
    .command('list')
    .description('列出评审专家及注册状态 / list experts and their enrollment')
    .action(async (_opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const experts = svc.experts.list({ editionId: cli.edition(svc).id });
        cli.emit(experts, () =>
          renderTable(
            experts,
            [
              { header: { zh: '编号', en: 'Code' }, value: (e) => e.code },
              { header: { zh: '姓名', en: 'Name' }, value: (e) => e.name },
              { header: { zh: '工作单位', en: 'Organisation' }, value: (e) => e.organisation ?? DASH },
              { header: { zh: '职称', en: 'Title' }, value: (e) => e.title ?? DASH },
              { header: { zh: '产业', en: 'Industry' }, value: (e) => industryName(e.industry, cli.lang) },
              {
                header: { zh: '已注册', en: 'Enrolled' },
                value: (e) => (e.enrolled ? cli.t({ zh: '是', en: 'yes' }) : cli.t({ zh: '否', en: 'no' })),
              },
              { header: { zh: '指纹', en: 'Fingerprint' }, value: (e) => e.fingerprint ?? DASH },
            ],
            cli.lang,
          ),
        );
      });
    });

  expert
    .command('import <xlsx>')
    .description('从 Excel 表导入（模板见 resources/templates/experts-template.xlsx；有错行则全部不导入）/ import from an .xlsx sheet (all or nothing)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat(async (svc) => {
        const result = await svc.experts.import({ editionId: cli.edition(svc).id, file: upload(file) });
        cli.emit(result, () => cli.t({ zh: `已导入 ${result.imported} 位评审专家。`, en: `${result.imported} experts imported.` }));
      });
    });

  expert
    .command('enroll <expertCode> [enrollmentCode]')
    .description('登记专家注册码（先当面或电话核对指纹）/ register an expert\'s enrollment code (compare the fingerprint first)')
    .option('--file <file>', '从文件读取注册码 / read the enrollment code from a file')
    .action(async (code: string, enrollmentCode: string | undefined, opts: { file?: string }, cmd: Command) => {
      const cli = Cli.of(cmd);
      const text = opts.file ? readFileSync(opts.file, 'utf8').trim() : enrollmentCode;
      if (!text) {
        throw new UsageError({
          zh: '缺少注册码：把它作为参数给出，或用 --file <文件>。',
          en: 'No enrollment code: give it as an argument or with --file <file>.',
        });
      }
      await cli.secretariat((svc) => {
        const edition = cli.edition(svc);
        const enrolled = svc.experts.enroll({ expertId: expertByCode(svc, edition.id, code).id, enrollmentCode: text });
        cli.emit(enrolled, () =>
          cli.t({
            zh: `已为 ${enrolled.code} ${enrolled.name} 登记注册码，指纹 ${enrolled.fingerprint ?? DASH}。`,
            en: `Enrolled ${enrolled.code} ${enrolled.name}, fingerprint ${enrolled.fingerprint ?? DASH}.`,
          }),
        );
      });
    });
}
