import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navStore } from '../../stores/nav.js';
import { ConsensusPanel, type SeatRef } from './ConsensusPanel.js';

/** The panel leader's laptop: the consensus for the panels this expert leads. */
export function ConsensusScreen({ editionId, seat }: { editionId: string; seat: SeatRef | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Anchor component="button" type="button" size="sm" onClick={() => navStore.getState().go({ screen: 'edition', editionId })} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Stack gap={2}>
        <Title order={2}>{t('consensus.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('consensus.subtitle')}
        </Text>
      </Stack>
      <ConsensusPanel editionId={editionId} seat={seat} laptop onSeat={(s) => navStore.getState().go({ screen: 'consensus', editionId, ...(s ? { seat: s } : {}) })} />
    </Stack>
  );
}
