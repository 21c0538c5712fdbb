import { backupCalls } from './backup/calls.js';
import { bundleCalls } from './bundles/calls.js';
import { committeeCalls } from './committee/calls.js';
import { consensusCalls } from './consensus/calls.js';
import { declarationCalls } from './declarations/calls.js';
import { editionCalls } from './editions/calls.js';
import { eligibilityCalls } from './eligibility/calls.js';
import { materialCalls } from './materials/calls.js';
import { noticeCalls } from './notices/calls.js';
import { objectionCalls } from './notices/objection-calls.js';
import { packageCalls } from './packages/calls.js';
import { panelCalls } from './panels/calls.js';
import { peopleCalls } from './people/calls.js';
import { poolCalls } from './pool/calls.js';
import { recordCalls } from './records/calls.js';
import { reportCalls } from './reports/calls.js';
import { resultCalls } from './results/calls.js';
import { scoringCalls } from './scoring/calls.js';
import { storeCalls } from './store/calls.js';

/** Every call a store answers, from every feature: the one table the hosts derive theirs from. */
export const STORE_CALLS = {
  ...storeCalls,
  ...editionCalls,
  ...peopleCalls,
  ...eligibilityCalls,
  ...poolCalls,
  ...panelCalls,
  ...materialCalls,
  ...packageCalls,
  ...declarationCalls,
  ...scoringCalls,
  ...bundleCalls,
  ...resultCalls,
  ...committeeCalls,
  ...consensusCalls,
  ...reportCalls,
  ...recordCalls,
  ...backupCalls,
  ...noticeCalls,
  ...objectionCalls,
};

export type StoreCalls = typeof STORE_CALLS;
