import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comments, ScoringModel, seeded } from '../src-main/cli/demo/model.js';
import { expertRig } from './rig.js';
import { progress, round3, summary, timed } from './stats.js';

const APPLICANTS = 30;
const RUNS = 7;

/** One expert with 30 submitted material sheets exports (signs and encrypts) the bundle. */
export async function benchSealBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-bench-seal-'));
  try {
    const rig = await expertRig(dir, APPLICANTS);
    const items = rig.expert.editions.get({ editionId: rig.editionId }).framework.categories.flatMap((c) => c.items);
    const model = new ScoringModel(30);
    const rand = seeded(30);
    progress(`scoring ${APPLICANTS} sheets`);
    for (const applicantId of rig.applicantIds) {
      const sheet = rig.expert.sheets.open({ editionId: rig.editionId, applicantId, stage: 'material' });
      for (const item of items) {
        const percent = model.percent(applicantId, 'E01', 'material', item);
        rig.expert.sheets.saveItem({ sheetId: sheet.id, itemCode: item.code, percent, ...comments(item, percent, rand) });
      }
      rig.expert.sheets.submit({ sheetId: sheet.id });
    }
    progress(`exportBundle × ${RUNS}`);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const { ms, value } = await timed(() => rig.expert.bundles.export({ editionId: rig.editionId }));
      samples.push(ms);
      bytes = value.bytes.byteLength;
      if (value.sheets !== APPLICANTS) throw new Error(`bench: bundle holds ${value.sheets} sheets`);
    }
    rig.close();
    const s = summary(samples);
    return {
      what: `exportBundle: ${APPLICANTS} submitted sheets signed (EdDSA JWS) and encrypted (age) for the secretariat, recorded in the expert's store`,
      runs: s.n,
      medianMs: s.medianMs,
      maxMs: s.maxMs,
      firstMs: round3(samples[0] ?? Number.NaN),
      bytes,
      target: { ms: 100 },
      pass: s.medianMs < 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
