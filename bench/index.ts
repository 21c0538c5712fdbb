import { benchCli } from './cli.js';
import { benchCompiled } from './compiled.js';
import { benchRanking, growth } from './rank.js';
import { benchReports } from './report.js';
import { benchSaveItem } from './save.js';
import { benchSealBundle } from './seal.js';
import { benchScoring } from './scoring.js';
import { benchSetup } from './setup.js';
import { benchViewer, runEndToEnd } from './viewer.js';
import { progress } from './stats.js';

/**
 * `npm run bench`: one JSON object on stdout with every figure issues 2, 4, 14 and 15 ask for (the README's setup on a fresh clone last: it is the slowest), each with its target and whether it was met.
 * Progress goes to stderr. Stores use a cheap key derivation (bench/rig.ts): unlocking is not what is measured (the CLI's figure measures it alongside).
 */

const started = Date.now();
const saveItem = await benchSaveItem();
const sealBundle = await benchSealBundle();
const rank100 = await benchRanking(100, 3);
const rank1000 = await benchRanking(1000, 1);
const rankGrowth = growth(rank100, rank1000);

progress('reports (bench/report.ts)');
const reports = await benchReports();
const cli = { ...(await benchCli()), compiled: benchCompiled() };
const endToEndPassed = runEndToEnd();
const viewer = benchViewer(endToEndPassed);
const scoring = benchScoring(endToEndPassed);
const setup = benchSetup();

const out = {
  machine: { node: process.versions.node, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
  saveItem,
  sealBundle,
  importVerifyRank: { at100: rank100, at1000: rank1000, growth: rankGrowth },
  reports,
  cli,
  viewer,
  scoring,
  setup,
  pass: saveItem.pass && sealBundle.pass && rank100.pass && rank1000.pass && rankGrowth.pass && reports.withinTargets && cli.pass && cli.compiled.pass && viewer.pass && scoring.pass && setup.pass,
  tookSeconds: Math.round((Date.now() - started) / 100) / 10,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
