import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT_NAMES, EXPERT_NAMES, exportBundleFile, scoreAll, upload, setupReview, type Review } from './fixtures.js';

const COMMENT = '质量文化建设成效显著，标杆对比数据翔实';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Every file Pingshen itself wrote: the stores (with WAL and key file), packages and bundles. */
const OURS = /\.(db|db-wal|db-shm|key|pspkg|psb)$/;

describe('nothing confidential is ever written in the clear', () => {
  let r: Review;
  let written: string[];
  beforeAll(async () => {
    r = await setupReview();
    const [a1] = r.applicants.map((a) => a.id) as [string];
    for (const [i, e] of r.stores.entries()) {
      scoreAll(e, r.editionId, a1, 'material', 85, COMMENT);
      e.declarations.declare({ editionId: r.editionId, applicantId: r.applicants[1]!.id, conflict: true, reason: '配偶在该单位担任高管' });
      await r.sec.bundles.import({ files: [(await exportBundleFile(e, r.editionId, join(r.dir, `bundle-${i}.psb`))).file].map(upload) });
    }
    expect(r.sec.sheets.list({ editionId: r.editionId })).toHaveLength(3);
    written = filesUnder(r.dir).filter((f) => OURS.test(f));
  });
  afterAll(() => r.cleanup());

  it('writes the stores, packages and bundles this test searches', () => {
    const kinds = new Set(written.map((f) => f.replace(/^.*\./, '')));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['db', 'key', 'psb', 'pspkg']));
    expect(written.filter((f) => f.endsWith('.db'))).toHaveLength(4);
  });

  const needles: [string, string][] = [
    ...APPLICANT_NAMES.map((n): [string, string] => ['applicant name', n]),
    ...EXPERT_NAMES.map((n): [string, string] => ['expert name', n]),
    ['comment', COMMENT],
    ['conflict reason', '配偶在该单位担任高管'],
    ['material text', '商业秘密-XY2025-001'],
    ['applicant code', 'XY2025-001'],
    ['score field', '"percent":85'],
    ['item code', '4.1.2'],
    ['PDF header', '%PDF-'],
  ];

  it.each(needles)('finds no %s in any raw file', (_what, needle) => {
    const utf8 = Buffer.from(needle, 'utf8');
    const utf16 = Buffer.from(needle, 'utf16le');
    for (const file of written) {
      const bytes = readFileSync(file);
      expect(bytes.includes(utf8), `${needle} in ${file}`).toBe(false);
      expect(bytes.includes(utf16), `${needle} (UTF-16) in ${file}`).toBe(false);
    }
  });
});
