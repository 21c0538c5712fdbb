import { Command } from 'commander';
import type { MaterialInfo } from '../../domain/files.js';
import { Cli } from '../context.js';
import { upload } from '../files.js';
import { applicantByCode, assignmentByCode } from '../lookup.js';
import { fmtDate, renderTable } from '../output.js';

function materialTable(cli: Cli, rows: (MaterialInfo & { applicantCode: string })[], zone: string): string {
  return renderTable(
    rows,
    [
      { header: { zh: '申报单位', en: 'Applicant' }, value: (m) => m.applicantCode },
      { header: { zh: '文件名', en: 'File' }, value: (m) => m.fileName },
      { header: { zh: '字节', en: 'Bytes' }, value: (m) => String(m.size), align: 'right' },
      { header: { zh: 'SHA-256', en: 'SHA-256' }, value: (m) => m.sha256.slice(0, 16) },
      { header: { zh: '添加于', en: 'Added' }, value: (m) => fmtDate(m.addedAt, zone) },
    ],
    cli.lang,
  );
}

export function registerMaterialCommands(program: Command): void {
  const material = program
    .command('material')
    .description('申报材料（PDF）/ application materials (PDF)')
    .addHelpText(
      'after',
      '\n专家在桌面应用中阅读材料；命令行不会把材料以明文写到磁盘上。\nExperts read materials in the desktop app; the CLI never writes them to disk in the clear.',
    );

  material
    .command('attach <applicantCode> <pdf>')
    .description('秘书处为申报单位附加 PDF 材料 / the secretariat attaches a PDF to an applicant')
    .action(async (code: string, file: string, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.secretariat((svc) => {
        const applicant = applicantByCode(svc, cli.edition(svc).id, code);
        const info = svc.materials.attach({ applicantId: applicant.id, file: upload(file) });
        cli.emit(info, () =>
          cli.t({
            zh: `已为 ${applicant.code} 附加材料 ${info.fileName}（${info.size} 字节）。`,
            en: `Attached ${info.fileName} (${info.size} bytes) to ${applicant.code}.`,
          }),
        );
      });
    });

  material
    .command('list [applicantCode]')
    .description('列出材料（专家须先申明无利益冲突）/ list materials (an expert must first declare no conflict)')
    .action(async (code: string | undefined, _opts: unknown, cmd: Command) => {
      const cli = Cli.of(cmd);
      await cli.withStore((store) => {
        const editionId = cli.edition(store).id;
        let rows: (MaterialInfo & { applicantCode: string })[];
        if (store.role === 'secretariat') {
          const applicants = code ? [applicantByCode(store, editionId, code)] : store.applicants.list({ editionId });
          rows = applicants.flatMap((a) => store.materials.list({ applicantId: a.id }).map((m) => ({ ...m, applicantCode: a.code })));
        } else {
          const assignments = store.assignments.mine({ editionId });
          const applicants = code
            ? [assignmentByCode(assignments, code).applicant]
            : [...new Map(assignments.filter((a) => a.declaration?.conflict === false).map((a) => [a.applicant.id, a.applicant])).values()];
          rows = applicants.flatMap((a) => store.materials.forReview({ editionId, applicantId: a.id }).map((m) => ({ ...m, applicantCode: a.code })));
        }
        cli.emit(rows, () => materialTable(cli, rows, cli.timeZone(store, editionId)));
      });
    });
}
