import { benchCli } from './cli.js';
import { benchRanking } from './rank.js';
import { benchReports } from './report.js';
import { benchSaveItem } from './save.js';
import { benchSealBundle } from './seal.js';
import { benchViewer } from './viewer.js';
import { progress } from './stats.js';

/**
 * `npm run bench`: one JSON object on stdout with every figure issues 2, 4, 14 and 15 ask for, each with its target and whether it was met.
 * Progress goes to stderr. Stores use a cheap key derivation (bench/rig.ts): unlocking is not what is measured (the CLI's figure measures it alongside).
 */

const started = Date.now();
const saveItem = await benchSaveItem();
const sealBundle = await benchSealBundle();
const rank100 = await benchRanking(100, 2000);
const rank1000 = await benchRanking(1000, null);

progress('reports (bench/report.ts)');
const reports = await benchReports();
const cli = await benchCli();
const viewer = benchViewer();

const out = {
  machine: { node: process.versions.node, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
  saveItem,
  sealBundle,
  importVerifyRank: { at100: rank100, at1000: { ...rank1000, note: 'no target: shows how the cost grows with ten times the applicants' } },
  reports,
  cli,
  viewer,
  pass: saveItem.pass && sealBundle.pass && rank100.pass === true && reports.withinTargets && cli.pass && viewer.pass,
  tookSeconds: Math.round((Date.now() - started) / 100) / 10,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
