import { join } from 'node:path';
import type { Notice } from '../../domain/notices.js';
import { runCli } from '../program.js';

/**
 * The demo's public notice of the proposed award list, from the command line: it runs over the
 * National Day holiday of 2026; an anonymous objection is refused, a named one is accepted,
 * investigated and rejected, its letter printed; the final list is published and printed.
 */
export async function runDemoNotice(dir: string, store: string, log: (line: string) => void): Promise<number> {
  let code = 0;
  const step = async (args: string[]): Promise<number> => {
    log('');
    log(`$ pingshen ${args.join(' ')}`);
    return runCli(['--store', store, ...args]);
  };
  const office = ['--office', '无锡市市长质量奖评审委员会办公室', '--address', '无锡市观山路199号', '--phone', '0510-81820000'];
  const printed: string[] = [];
  code ||= await runCli(['--store', store, '--json', 'notice', 'issue', 'award-list', '--start', '2026-09-28', ...office], { out: (t) => printed.push(t), err: log });
  if (code) return code;
  const notice = JSON.parse(printed.join('\n')) as Notice;
  const first = notice.entries[0]!;
  log('');
  log(`$ pingshen notice issue award-list --start 2026-09-28 ${office.join(' ')}`);
  code ||= await step(['notice', 'list']);
  code ||= await step(['notice', 'print', 'award-list', '--out', join(dir, '拟奖名单公示.pdf')]);

  const against = ['--applicant', first.code, '--grounds', `${first.name}近三年发生过重大质量投诉。`];
  // refused, as the regulation requires: the demo goes on
  const anonymous = await step(['objection', 'add', 'award-list', ...against, '--received', '2026-09-30']);
  if (anonymous !== 1) return anonymous || 1;
  code ||= await step(['objection', 'add', 'award-list', ...against, '--name', '钱七', '--phone', '13800000007', '--address', '无锡市梁溪区', '--received', '2026-10-02']);
  code ||= await step(['objection', 'accept', '1', '--on', '2026-10-08']);
  code ||= await step(['objection', 'note', '1', '--on', '2026-10-09', '--text', '调阅12315平台近三年投诉记录，仅有一般咨询，无重大质量投诉。']);
  code ||= await step(['objection', 'decide', '1', '--rejected', '--on', '2026-10-12', '--finding', '经核查，该单位近三年无重大质量投诉，异议所述不属实。']);
  code ||= await step(['objection', 'list']);
  code ||= await step(['objection', 'letter', '1', '--out', join(dir, '异议处理结果告知书-1.pdf')]);
  code ||= await step(['final-list', 'publish', '--on', '2026-10-16']);
  code ||= await step(['final-list', 'print', '--out', join(dir, '获奖名单.pdf')]);
  return code;
}
