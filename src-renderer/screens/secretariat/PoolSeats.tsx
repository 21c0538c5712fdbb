import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PoolSeat } from '../../../src-main/domain/pool.js';

/** Every edition that seated a pool expert: the seat's code, their panels there (stage, leader, applicants) and their workload. */
export function PoolSeats({ seats }: { seats: PoolSeat[] }) {
  const { t } = useTranslation();
  if (seats.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('pool.noEditions')}
      </Text>
    );
  }
  return (
    <Table fz="sm" withTableBorder data-testid="pool-seats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('edition.name')}</Table.Th>
          <Table.Th>{t('expert.code')}</Table.Th>
          <Table.Th>{t('tabs.panels')}</Table.Th>
          <Table.Th ta="right">{t('pool.load')}</Table.Th>
          <Table.Th ta="right">{t('pool.submitted')}</Table.Th>
          <Table.Th ta="right">{t('pool.conflictsDeclared')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {seats.map((s) => (
          <Table.Tr key={s.expertId} data-testid={`pool-seat-${s.year}`}>
            <Table.Td>
              <Group gap={4}>
                <Text size="sm">{s.editionName}</Text>
                {s.withdrawn ? (
                  <Badge size="xs" color="gray" variant="light">
                    {t('pool.seatWithdrawn')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>{s.code}</Table.Td>
            <Table.Td>
              {s.panels.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('pool.noPanel')}
                </Text>
              ) : (
                <Group gap={4}>
                  {s.panels.map((p) => (
                    <Badge key={p.panelId} variant="outline" size="sm" data-testid="pool-seat-panel">
                      {t('pool.panelLine', { stage: t(`stage.${p.stage}`), name: p.name, count: p.applicants })}
                      {p.leader ? ` · ${t('panels.leader')}` : ''}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td ta="right" data-testid="pool-seat-load">
              {s.load}
            </Table.Td>
            <Table.Td ta="right">{s.sheetsSubmitted}</Table.Td>
            <Table.Td ta="right">{s.conflictsDeclared}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
