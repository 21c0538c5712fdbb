import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsensusSeat, ConsensusState } from '../../../src-main/domain/consensus.js';
import type { Stage } from '../../../src-main/domain/words.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { ImportBundles } from './ImportBundles.js';

const STATE_COLOR: Record<ConsensusState, string> = { waiting: 'gray', ready: 'blue', open: 'orange', signed: 'green' };

/** Every applicant and stage the leader (or the secretariat) may hold a consensus for, and how far each is. */
export function ConsensusSeats({ editionId, laptop, onOpen }: { editionId: string; laptop: boolean; onOpen(seat: { applicantId: string; stage: Stage }): void }) {
  const { t } = useTranslation();
  const seats = useCall('consensus.seats', { editionId });

  return (
    <Stack gap="md">
      {laptop ? (
        <ImportBundles onImported={() => void seats.reload()} />
      ) : null}
      <Card withBorder padding="md">
        <Loadable state={seats} empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('consensus.seatsEmpty')} description={t('consensus.seatsEmptyHelp')} /> : null)}>
          {(list) => (
            <Table verticalSpacing="sm" data-testid="consensus-seats">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applicant.code')}</Table.Th>
                  <Table.Th>{t('applicant.name')}</Table.Th>
                  <Table.Th>{t('common.stage')}</Table.Th>
                  <Table.Th>{t('consensus.title')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((s) => (
                  <SeatRow key={`${s.applicant.id}-${s.stage}`} seat={s} onOpen={() => onOpen({ applicantId: s.applicant.id, stage: s.stage })} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loadable>
      </Card>
    </Stack>
  );
}

function SeatRow({ seat, onOpen }: { seat: ConsensusSeat; onOpen(): void }) {
  const { t } = useTranslation();
  const id = `${seat.applicant.code}-${seat.stage}`;
  return (
    <Table.Tr data-testid={`consensus-seat-${id}`} data-state={seat.state}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={500}>{seat.applicant.code}</Text>
      </Table.Td>
      <Table.Td>{seat.applicant.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="outline">{t(`stage.${seat.stage}`)}</Badge>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Badge color={STATE_COLOR[seat.state]} variant="light">
            {t(`consensus.state.${seat.state}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('consensus.submitted', { submitted: seat.submitted, expected: seat.expected })}
          </Text>
          {seat.flagged > 0 ? (
            <Badge color="orange" variant="outline">
              {t('consensus.flaggedCount', { count: seat.flagged })}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        <Button size="xs" variant={seat.state === 'signed' ? 'light' : 'filled'} disabled={seat.state === 'waiting'} onClick={onOpen} data-testid={`consensus-open-${id}`}>
          {seat.state === 'signed' ? t('consensus.view') : t('consensus.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
