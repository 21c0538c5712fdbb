import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PlainDatabase from 'better-sqlite3';
import type CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { itemWriter } from '../src-main/features/scoring/item-writer.js';
import { openStore as openStoreFile } from '../src-main/store/open.js';
import { openStore, storeClient } from '../src-main/features/open.js';
import { BENCH_KDF, PASSPHRASE, expertRig } from './rig.js';
import { progress, round3, summary } from './stats.js';

const SAVES = 5000;
const WARM_UP = 200;

interface SaveInput {
  sheetId: string;
  itemCode: string;
  percent: number;
  strengths: string;
  opportunities: string;
}

function inputs(sheetId: string, itemCodes: string[], n: number): SaveInput[] {
  return Array.from({ length: n }, (_, i) => ({
    sheetId,
    itemCode: itemCodes[i % itemCodes.length] ?? '',
    percent: ((i * 7) % 21) * 5,
    strengths: `建立了系统的方法，并在主要部门得到展开（第 ${i} 次修改）`,
    opportunities: '方法在基层和分支机构的展开尚不充分',
  }));
}

/** The same file, decrypted table by table into a plain SQLite file with the same schema and pragmas. */
function plainCopy(expertPath: string, cipher: CipherDatabase.Database, plainPath: string): PlainDatabase.Database {
  const plain = new PlainDatabase(plainPath);
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  plain.pragma('temp_store = MEMORY');
  const schema = cipher
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid")
    .all() as { type: string; name: string; sql: string }[];
  plain.transaction(() => {
    for (const s of schema) plain.exec(s.sql);
    for (const t of schema.filter((s) => s.type === 'table')) {
      const rows = cipher.prepare(`SELECT * FROM "${t.name}"`).all() as Record<string, unknown>[];
      const first = rows[0];
      if (!first) continue;
      const cols = Object.keys(first);
      const insert = plain.prepare(`INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
      for (const row of rows) insert.run(...cols.map((c) => row[c]));
    }
  })();
  plain.pragma('foreign_keys = ON');
  progress(`baseline copy of ${expertPath} made`);
  return plain;
}

/** The very writer the service uses (features/scoring/item-writer.ts), on the plain copy. */
function baselineSave(db: PlainDatabase.Database, actor: string) {
  const writer = itemWriter(db as unknown as CipherDatabase.Database, actor);
  return (i: SaveInput) => {
    if (writer.gate(i.sheetId)?.status !== 'draft') throw new Error('baseline sheet is not a draft');
    writer.write(i, new Date().toISOString());
  };
}

/**
 * The two in turn, save by save, warm-up first: a drift in the machine's speed (another process,
 * a checkpoint of the other file) then touches both series alike.
 */
function measureInTurn(n: number, warmUp: number, list: SaveInput[], a: (i: SaveInput) => void, b: (i: SaveInput) => void): { a: number[]; b: number[] } {
  for (const i of list.slice(0, warmUp)) {
    a(i);
    b(i);
  }
  const samples: { a: number[]; b: number[] } = { a: [], b: [] };
  for (const i of list.slice(warmUp, warmUp + n)) {
    let started = performance.now();
    a(i);
    samples.a.push(performance.now() - started);
    started = performance.now();
    b(i);
    samples.b.push(performance.now() - started);
  }
  return samples;
}

export async function benchSaveItem() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-bench-save-'));
  try {
    const rig = await expertRig(dir, 1);
    const sheet = rig.expert.sheets.open({ editionId: rig.editionId, applicantId: rig.applicantIds[0]!, stage: 'material' });
    const list = inputs(sheet.id, sheet.items.map((i) => i.itemCode), WARM_UP + SAVES);
    const actor = `expert:${rig.expert.store.info().fingerprint}`;
    rig.close();

    const copied = await openStoreFile({ path: rig.expertPath, passphrase: PASSPHRASE, kdf: BENCH_KDF });
    const plain = plainCopy(rig.expertPath, copied.db, join(dir, 'plain.db'));
    copied.close();
    const expert = storeClient(await openStore({ path: rig.expertPath, passphrase: PASSPHRASE }, 'expert'));
    progress(`saveItem × ${SAVES} on the encrypted store, each in turn with the same statements on plain better-sqlite3`);
    const samples = measureInTurn(SAVES, WARM_UP, list, (i) => expert.sheets.saveItem(i), baselineSave(plain, actor));
    expert.close();
    plain.close();
    const encrypted = summary(samples.a);
    const baseline = summary(samples.b);

    const ratio = round3(encrypted.p99Ms / baseline.p99Ms);
    const medianRatio = round3(encrypted.medianMs / baseline.medianMs);
    return {
      what: 'saveItem through the expert service on the encrypted store (SQLCipher, WAL, synchronous=FULL) vs the same SQL on plain better-sqlite3 with the same pragmas',
      encrypted,
      baseline,
      p99Ratio: ratio,
      medianRatio,
      target: { p99Ms: 2, ratio: 2 },
      pass: encrypted.p99Ms < 2 && ratio <= 2,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
