import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PoolState } from '../../../src-main/domain/words.js';

/** An expert's standing in the pool: active, suspended or removed. */
const STATE_COLORS = { active: 'teal', suspended: 'orange', removed: 'red' } as const;

export function PoolStateBadge({ state }: { state: PoolState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="pool-state">
      {t(`pool.state.${state}`)}
    </Badge>
  );
}
