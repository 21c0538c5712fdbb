/**
 * 结果包导入回执: which result bundles the secretariat accepted, which a later bundle superseded and
 * which it refused and why, each with the SHA-256 of the file as received.
 */
import type { BundleRecord } from '../domain/files.js';
import { timeZoneName } from '../domain/time.js';
import { formatDateTime } from './format.js';
import { FLAG_FILL, frame, note, num, table, td, th } from './layout.js';
import { M, tr } from './messages.js';
import { byId, expertLabel } from './people.js';
import type { Content, DocDefinition, PrintOptions, ReceiptInput } from './types.js';

/** 64 hex digits in groups of eight, four groups a line (or fewer, for a narrow column): readable aloud, comparable by eye. */
export function groupedHex(hex: string, perLine = 4): string {
  const groups = hex.match(/.{1,8}/g) ?? [hex];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines.join('\n');
}

export function buildReceipt(input: ReceiptInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const experts = byId(input.experts);
  const count = (status: BundleRecord['status']) => input.bundles.filter((b) => b.status === status).length;
  // a bundle from nobody on file (or a file that could not be opened) is known only by its file name
  const sender = (b: BundleRecord): string => {
    const expert = b.expertId === null ? undefined : experts.get(b.expertId);
    return expert ? expertLabel(expert, '') : `${tr(lang, M.receipt.unknownExpert)}\n${b.fileName}`;
  };

  const body: Content[][] = [
    [
      th(tr(lang, M.receipt.received)),
      th(tr(lang, M.common.expert)),
      th(tr(lang, M.receipt.sequence)),
      th(tr(lang, M.receipt.status)),
      th(tr(lang, M.receipt.sha256)),
      th(tr(lang, M.common.reason)),
    ],
    ...input.bundles.map((b) => [
      td(formatDateTime(b.receivedAt, lang, input.edition.timeZone)),
      td(sender(b)),
      num(b.sequence === null ? '—' : String(b.sequence), { alignment: 'center' }),
      td(tr(lang, M.receipt.statuses[b.status]), b.status === 'refused' ? { fillColor: FLAG_FILL } : {}),
      // two groups a line: the standard's type area leaves the reason a column of its own
      td(groupedHex(b.sha256, 2), { style: 'mono' }),
      td(b.reason ? tr(lang, b.reason) : '—'),
    ]),
  ];

  const content: Content[] = [
    { text: tr(lang, M.receipt.summary(input.bundles.length, count('accepted'), count('superseded'), count('refused'))), margin: [0, 0, 0, 2] },
    note(tr(lang, M.frame.timeZone(timeZoneName(input.edition.timeZone)))),
    { text: '', margin: [0, 0, 0, 6] },
    input.bundles.length === 0 ? note(tr(lang, M.common.none)) : table([76, 70, 20, 40, 72, '*'], 1, body),
  ];
  return frame({ input, print, confidential: true, closing: { seal: true }, content });
}
