import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { useCall } from '../../hooks/useCall.js';
import { navStore } from '../../stores/nav.js';

/** On an expert's edition: the way into the consensus, shown only to a panel's leader. */
export function LeaderEntry({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const seats = useCall('consensus.seats', { editionId });
  const count = seats.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert color="blue" variant="light" icon={<Icon name="users" />} data-testid="leader-entry">
      <Group justify="space-between">
        <Text size="sm">{t('consensus.entryHelp', { count })}</Text>
        <Button size="xs" onClick={() => navStore.getState().go({ screen: 'consensus', editionId })} data-testid="open-consensus">
          {t('consensus.entry')}
        </Button>
      </Group>
    </Alert>
  );
}
