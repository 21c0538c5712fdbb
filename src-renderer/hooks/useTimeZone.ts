import { DEFAULT_TIME_ZONE } from '../format/datetime.js';

/**
 * The time zone a screen shows the edition's times in. Until editions carry a `timeZone`
 * setting this is the default (Beijing time); once they do, this hook reads it, and every screen
 * that asks here follows.
 */
export function useTimeZone(_editionId?: string): string {
  return DEFAULT_TIME_ZONE;
}
