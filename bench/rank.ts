import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comments, ScoringModel, seeded } from '../src-main/cli/demo/model.js';
import { demoApplicants } from '../src-main/cli/demo/people.js';
import { enrollmentCode, generateIdentity, parseEnrollmentCode, type Identity } from '../src-main/crypto/identity.js';
import type { Stage } from '../src-main/domain/words.js';
import { buildResultBundle } from '../src-main/exchange/bundle.js';
import { seal } from '../src-main/seal/envelope.js';
import type { Upload } from '../src-main/domain/files.js';
import { openStore, storeClient, type StoreClient } from '../src-main/features/open.js';
import { expertLog } from '../test/helpers/expert-log.js';
import { intakeFloor } from './intake-floor.js';
import { benchStore, PASSPHRASE } from './rig.js';
import { percentile, progress, round3, timed } from './stats.js';

const PANEL_SIZE = 7;
const PER_PANEL = 50;
const STAGES: Stage[] = ['material', 'site', 'defence'];

interface Seat {
  expertId: string;
  expertCode: string;
  identity: Identity;
  stage: Stage;
  applicantIds: string[];
}

/**
 * An edition under the Hohhot profile (weights and shortlist set per edition: 30/50/20, every
 * applicant goes on) with panels of 7 experts, each panel reviewing up to 50 applicants per stage.
 * The secretariat side is built through the services; the experts' bundles are sealed directly
 * with each expert's own enrolled key, which is what an expert store would produce, without
 * typing hundreds of thousands of item scores first.
 */
async function prepare(dir: string, applicants: number) {
  const secPath = join(dir, 'secretariat.db');
  const sec = await benchStore('secretariat', secPath);
  const edition = sec.editions.create({
    name: `基准 ${applicants} 家`,
    year: 2025,
    profileId: 'hohhot-draft',
    frameworkId: 'gbt19580-2012',
    settings: { weights: { material: 30, site: 50, defence: 20 }, shortlistSize: applicants, panelSize: { min: PANEL_SIZE, max: PANEL_SIZE } },
  });
  const pool = demoApplicants(2025);
  const applicantIds = Array.from({ length: applicants }, (_, i) => {
    const base = pool[i % pool.length]!;
    return sec.applicants.add({ editionId: edition.id, applicant: { ...base, code: `BN-${String(i + 1).padStart(4, '0')}` } }).id;
  });
  const seats: Seat[] = [];
  let n = 0;
  for (const stage of STAGES) {
    for (let p = 0; p * PER_PANEL < applicants; p++) {
      const members: Seat[] = [];
      for (let m = 0; m < PANEL_SIZE; m++) {
        n += 1;
        const expertCode = `E${String(n).padStart(4, '0')}`;
        const expert = sec.experts.add({ editionId: edition.id, expert: { code: expertCode, name: `专家${n}`, organisation: null, title: null, industry: null, phone: null, email: null } });
        const identity = await generateIdentity();
        sec.experts.enroll({ expertId: expert.id, enrollmentCode: enrollmentCode(identity) });
        members.push({ expertId: expert.id, expertCode, identity, stage, applicantIds: applicantIds.slice(p * PER_PANEL, (p + 1) * PER_PANEL) });
      }
      const panel = sec.panels.create({ editionId: edition.id, panel: { stage, name: `${stage}-${p + 1}`, memberIds: members.map((s) => s.expertId), leaderId: members[0]!.expertId } });
      sec.panels.assign({ panelId: panel.id, applicantIds: members[0]!.applicantIds });
      seats.push(...members);
    }
  }
  return { sec, editionId: edition.id, seats };
}

async function sealBundles(sec: StoreClient, editionId: string, seats: Seat[]): Promise<Upload[]> {
  const recipient = parseEnrollmentCode(sec.store.enrollmentCode()).boxRecipient;
  const items = sec.editions.get({ editionId }).framework.categories.flatMap((c) => c.items);
  const model = new ScoringModel(seats.length);
  const codes = new Map(sec.applicants.list({ editionId }).map((a) => [a.id, a.code]));
  const files: Upload[] = [];
  const at = new Date().toISOString();
  for (const seat of seats) {
    const rand = seeded(files.length + 1);
    const sheets = seat.applicantIds.map((applicantId) => ({
      sheetId: randomUUID(),
      applicantId,
      stage: seat.stage,
      version: 1,
      returnId: null,
      submittedAt: at,
      items: items.map((item) => {
        const percent = model.percent(codes.get(applicantId) ?? applicantId, seat.expertCode, seat.stage, item);
        return { itemCode: item.code, percent, ...comments(item, percent, rand) };
      }),
    }));
    const declarations = seat.applicantIds.map((applicantId) => ({ applicantId, conflict: false, reason: '', declaredAt: at }));
    const audit = expertLog(`expert:${seat.identity.fingerprint}`, editionId, sheets, declarations, at);
    const bundle = buildResultBundle({
      bundleId: randomUUID(),
      editionId,
      expertId: seat.expertId,
      packageId: randomUUID(),
      sequence: 1,
      createdAt: at,
      sheets,
      declarations,
      audit,
      auditHead: { seq: audit.at(-1)!.seq, hash: audit.at(-1)!.hash },
      leaderReturns: [],
      consensus: [],
    });
    const bytes = await seal({
      kind: 'result-bundle',
      payload: bundle,
      signer: { privateKeyPkcs8: seat.identity.signPrivate, kid: seat.identity.signPublic },
      recipients: [recipient],
    });
    files.push({ fileName: `${seat.expertCode}.psbundle`, bytes });
  }
  return files;
}

/** One import of every file into a fresh copy of the prepared store, then the ranking. */
async function importAndRank(dir: string, snapshot: string, run: number, files: Upload[], editionId: string, applicants: number) {
  const path = join(dir, `import-${run}.db`);
  copyFileSync(snapshot, path);
  copyFileSync(`${snapshot}.key`, `${path}.key`);
  const sec = storeClient(await openStore({ path, passphrase: PASSPHRASE }));
  try {
    // a call takes at most 200 files, as a clerk's import does; larger intakes go in calls of 200
    const { ms: importMs, value: outcomes } = await timed(async () => {
      const all = [];
      for (let i = 0; i < files.length; i += 200) all.push(...(await sec.bundles.import({ files: files.slice(i, i + 200) })));
      return all;
    });
    const { ms: rankMs, value: results } = await timed(() => sec.results.get({ editionId }));
    const refused = outcomes.filter((o) => o.status !== 'accepted');
    if (refused.length) throw new Error(`bench: ${refused.length} bundles not accepted: ${JSON.stringify(refused[0])}`);
    const ranked = results.ranking.filter((r) => r.weightedTotal !== null).length;
    if (ranked !== applicants) throw new Error(`bench: only ${ranked} of ${applicants} applicants ranked`);
    return { importMs, rankMs };
  } finally {
    sec.close();
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}.key`]) rmSync(f, { force: true });
  }
}

const median = (xs: readonly number[]): number => round3(percentile([...xs].sort((a, b) => a - b), 50));

/**
 * Import + verify + rank against the floor (bench/intake-floor.ts), in turn `pairs` times on the
 * same files, each import into a fresh copy of the same prepared store. Target: the median of the
 * pairs' ratios at most 2.
 */
export async function benchRanking(applicants: number, pairs: number) {
  const dir = mkdtempSync(join(tmpdir(), `pingshen-bench-rank-${applicants}-`));
  try {
    progress(`edition of ${applicants} applicants: setting up`);
    const { ms: setupMs, value: rig } = await timed(() => prepare(dir, applicants));
    const files = await sealBundles(rig.sec, rig.editionId, rig.seats);
    rig.sec.close();
    const snapshot = join(dir, 'secretariat.db');
    const opened = await openStore({ path: snapshot, passphrase: PASSPHRASE });
    const boxIdentity = opened.ctx.identity.boxIdentity;
    opened.close();
    const signKeys = new Map(rig.seats.map((s) => [s.identity.signPublic, s.identity.signPublic]));
    const runs: { importMs: number; rankMs: number; floorMs: number }[] = [];
    for (let run = 0; run < pairs; run++) {
      progress(`importing ${files.length} bundles and ranking, then the floor (${run + 1} of ${pairs})`);
      const measured = await importAndRank(dir, snapshot, run, files, rig.editionId, applicants);
      runs.push({ ...measured, floorMs: await intakeFloor(dir, files, boxIdentity, signKeys) });
    }
    const ratio = median(runs.map((r) => (r.importMs + r.rankMs) / r.floorMs));
    return {
      applicants,
      experts: rig.seats.length,
      bundles: files.length,
      bytes: files.reduce((n, f) => n + f.bytes.byteLength, 0),
      sheets: rig.seats.reduce((n, s) => n + s.applicantIds.length, 0),
      pairs,
      importAndVerifyMs: median(runs.map((r) => r.importMs)),
      rankMs: median(runs.map((r) => r.rankMs)),
      totalMs: median(runs.map((r) => r.importMs + r.rankMs)),
      floorMs: median(runs.map((r) => r.floorMs)),
      ratioToFloor: ratio,
      setupMs: round3(setupMs),
      target: { ratioToFloor: 2 },
      pass: ratio <= 2,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cost grows linearly: ten times the applicants take at most 11 times as long. */
export function growth(at100: { totalMs: number }, at1000: { totalMs: number }) {
  const ratio = Math.round((at1000.totalMs / at100.totalMs) * 100) / 100;
  return { ratio, target: { ratio: 11 }, pass: ratio <= 11 };
}
