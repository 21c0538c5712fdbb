import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsensusPanel, type SeatRef } from './ConsensusPanel.js';

/** The secretariat's workstation, when a panel meets there: the same consensus step, recorded by the secretariat. */
export function ConsensusTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const [seat, setSeat] = useState<SeatRef | undefined>(undefined);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('consensus.subtitle')}
      </Text>
      <ConsensusPanel editionId={editionId} seat={seat} laptop={false} onSeat={setSeat} />
    </Stack>
  );
}
