import { initStore, openExpert, openSecretariat } from '../services/index.js';
import type { ServiceOpeners } from './session.js';

/** The real services, as the shell and browser mode open them. Tests may pass the same. */
export const serviceOpeners: ServiceOpeners = { initStore, openSecretariat, openExpert };
