import type { Api } from '../../src-main/ipc/contract.js';
import { CallFailure } from './errors.js';

/**
 * The main side may lock the store on its own (idle time passed while the page was quiet).
 * Any call refused as locked then sends the app back to the start screen, instead of leaving
 * an error on whatever screen was open.
 */
export function lockAware(api: Api, onLocked: () => void): Api {
  return {
    async call(name, input) {
      try {
        return await api.call(name, input);
      } catch (error) {
        if (error instanceof CallFailure && error.code === 'session.locked') onLocked();
        throw error;
      }
    },
  };
}
