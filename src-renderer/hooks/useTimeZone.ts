import { editionTimeZone } from '../../src-main/domain/time.js';
import { DEFAULT_TIME_ZONE } from '../format/datetime.js';
import { useCall } from './useCall.js';

/**
 * The time zone a screen shows an edition's times in: the edition's `timeZone` setting, China's
 * (Asia/Shanghai) when it has none, and meanwhile while the edition loads. Never the machine's.
 */
export function useTimeZone(editionId: string | null | undefined): string {
  const edition = useCall('editions.get', editionId ? { editionId } : null);
  return edition.data ? editionTimeZone(edition.data.settings) : DEFAULT_TIME_ZONE;
}
