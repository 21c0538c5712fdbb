import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/icons.js';
import { formatTimeInZone } from '../../format/datetime.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { saveStatus, type ScoringState } from '../../stores/scoring.js';

/**
 * Says exactly what the store holds: saving, saved at a time, or failed with a retry. Saving
 * shows a still icon, not a spinner: every score typed is a save of a few milliseconds, and a
 * spinner for each would keep the compositor drawing frames the whole time the expert types.
 */
export function SaveIndicator({ store }: { store: StoreApi<ScoringState> }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const timeZone = useTimeZone(useStore(store, (s) => s.sheet?.editionId));
  // a fresh object per call: compared field by field, or every store change would re-render forever
  const status = useStore(store, useShallow((s: ScoringState) => saveStatus(s)));
  const readOnly = useStore(store, (s) => s.readOnly);

  if (readOnly)
    return (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="save-status" data-state="locked">
        {t('save.locked')}
      </Text>
    );
  switch (status.kind) {
    case 'saving':
      return (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }} data-testid="save-status" data-state="saving" aria-live="polite">
          <Icon name="upload" size={14} />
          <Text size="sm" c="dimmed">
            {t('save.saving')}
          </Text>
        </Group>
      );
    case 'saved':
      return (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }} data-testid="save-status" data-state="saved" aria-live="polite">
          <Icon name="check" size={14} />
          <Text size="sm" c="teal">
            {t('save.savedAt', { time: formatTimeInZone(status.at, timeZone) })}
          </Text>
        </Group>
      );
    case 'failed':
      return (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }} data-testid="save-status" data-state="failed" role="alert">
          <Tooltip label={l(status.error.localized)} multiline w={320}>
            <Text size="sm" c="red" fw={600}>
              {t('save.failed')}
            </Text>
          </Tooltip>
          <Button size="compact-xs" color="red" variant="light" onClick={() => store.getState().retry()}>
            {t('common.retry')}
          </Button>
        </Group>
      );
    default:
      return (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="save-status" data-state="idle">
          {t('save.idle')}
        </Text>
      );
  }
}
