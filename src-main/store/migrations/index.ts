import { m001 } from './001-core.js';
import { m002 } from './002-review.js';
import { m003 } from './003-history.js';
import { m004 } from './004-corrections.js';
import { m005 } from './005-consensus.js';
import { m006 } from './006-percent-index.js';
import { m007 } from './007-pool.js';
import { m008 } from './008-records.js';
import { m009 } from './009-eligibility.js';
import { m010 } from './010-notices.js';
import { m011 } from './011-committee.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

/** Every schema step the app knows, in order; versions are 1..n without gaps. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];
