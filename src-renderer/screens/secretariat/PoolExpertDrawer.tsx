import { Badge, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolState } from '../../../src-main/domain/words.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { formatDateTime } from '../../format/datetime.js';
import { PoolStateBadge } from './PoolStateBadge.js';

/** One pool expert: profile, qualifications, status with its reason, and every edition that seated them, with panels and workload. */
export function PoolExpertDrawer({ expertId, onClose, onChanged }: { expertId: string | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const zone = useTimeZone(null);
  const detail = useCall('pool.get', expertId === null ? null : { expertId });
  const [state, setState] = useState<PoolState | null>(null);
  const [reason, setReason] = useState('');
  const [qual, setQual] = useState({ name: '', certificate: '', obtainedOn: '' });
  const changed = () => {
    void detail.reload();
    onChanged();
  };
  const setting = useAction(async () => {
    if (!expertId || !state) return;
    await api.call('pool.setStatus', { expertId, state, reason });
    setState(null);
    setReason('');
    changed();
  });
  const qualifying = useAction(async () => {
    if (!expertId) return;
    await api.call('pool.addQualification', { expertId, qualification: { name: qual.name, certificate: qual.certificate, obtainedOn: qual.obtainedOn } });
    setQual({ name: '', certificate: '', obtainedOn: '' });
    changed();
  });

  return (
    <Drawer opened={expertId !== null} onClose={onClose} position="right" size="xl" title={t('pool.detail')} data-testid="pool-drawer">
      <Loadable state={detail}>
        {({ expert: e, seats, load }) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={3}>
                {e.code} {e.name}
              </Title>
              <PoolStateBadge state={e.status.state} />
            </Group>
            <Text size="sm">{[e.organisation, e.title, e.speciality].filter(Boolean).join(' · ') || '—'}</Text>
            <Text size="sm" c="dimmed">
              {[e.creditCode, e.phone, e.email].filter(Boolean).join(' · ')}
            </Text>
            {e.status.reason ? (
              <Text size="sm" data-testid="pool-status-reason">
                {t('pool.statusSince', { date: formatDateTime(e.status.at, i18n.language, zone), reason: e.status.reason })}
              </Text>
            ) : null}
            <Divider label={t('pool.qualifications')} />
            {e.qualifications.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('pool.noQualifications')}
              </Text>
            ) : (
              <Stack gap={2} data-testid="pool-qualifications">
                {e.qualifications.map((q) => (
                  <Text key={q.id} size="sm">
                    {[q.name, q.certificate, q.obtainedOn].filter(Boolean).join(' · ')}
                  </Text>
                ))}
              </Stack>
            )}
            <SimpleGrid cols={3}>
              <TextInput size="xs" label={t('pool.qualification')} value={qual.name} onChange={(x) => setQual({ ...qual, name: x.currentTarget.value })} data-testid="qual-name" />
              <TextInput size="xs" label={t('pool.certificate')} value={qual.certificate} onChange={(x) => setQual({ ...qual, certificate: x.currentTarget.value })} />
              <TextInput size="xs" type="date" label={t('pool.obtainedOn')} value={qual.obtainedOn} onChange={(x) => setQual({ ...qual, obtainedOn: x.currentTarget.value })} />
            </SimpleGrid>
            {qualifying.error ? <ErrorNotice error={qualifying.error} /> : null}
            <Button size="xs" variant="light" w="fit-content" disabled={qual.name.trim() === ''} loading={qualifying.busy} onClick={() => void qualifying.run()} data-testid="qual-add">
              {t('pool.addQualification')}
            </Button>
            <Divider label={t('pool.status')} />
            <Group align="flex-end">
              <Select
                size="xs"
                label={t('pool.newStatus')}
                data={(['active', 'suspended', 'removed'] as const).filter((s) => s !== e.status.state).map((s) => ({ value: s, label: t(`pool.state.${s}`) }))}
                value={state}
                onChange={(v) => setState(v as PoolState | null)}
                comboboxProps={{ withinPortal: true }}
                data-testid="pool-status-select"
              />
              <Textarea size="xs" label={t('pool.statusReason')} value={reason} onChange={(x) => setReason(x.currentTarget.value)} autosize style={{ flex: 1 }} data-testid="pool-status-reason-input" />
            </Group>
            {setting.error ? <ErrorNotice error={setting.error} /> : null}
            <Button size="xs" color="orange" variant="light" w="fit-content" disabled={!state || reason.trim() === ''} loading={setting.busy} onClick={() => void setting.run()} data-testid="pool-status-submit">
              {t('pool.setStatus')}
            </Button>
            <Divider label={t('pool.history', { load })} />
            {seats.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('pool.noEditions')}
              </Text>
            ) : (
              <Table fz="sm" withTableBorder data-testid="pool-seats">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('edition.name')}</Table.Th>
                    <Table.Th>{t('expert.code')}</Table.Th>
                    <Table.Th>{t('tabs.panels')}</Table.Th>
                    <Table.Th ta="right">{t('pool.load')}</Table.Th>
                    <Table.Th ta="right">{t('pool.submitted')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {seats.map((s) => (
                    <Table.Tr key={s.expertId}>
                      <Table.Td>{s.editionName}</Table.Td>
                      <Table.Td>{s.code}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {s.panels.map((p) => (
                            <Badge key={p.panelId} variant="outline" size="sm">
                              {p.name}
                              {p.leader ? ` · ${t('panels.leader')}` : ''}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{s.load}</Table.Td>
                      <Table.Td ta="right">{s.sheetsSubmitted}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Loadable>
    </Drawer>
  );
}
