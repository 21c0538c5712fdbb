import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '../../../src-main/domain/notices.js';
import { ListTable } from '../../components/ListTable.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDay } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';

/**
 * The working-day calendar the notices count in: a year's holidays and make-up working days
 * from the holiday table, and the secretariat's corrections, which win (for a year the table
 * does not know yet, or a local change).
 */
export function CalendarCard({ initialYear, onChanged }: { initialYear: number; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [year, setYear] = useState(initialYear);
  const days = useCall('calendar.year', { year });
  const [date, setDate] = useState('');
  const [working, setWorking] = useState<'rest' | 'working'>('rest');
  const [note, setNote] = useState('');
  const changed = async () => {
    await days.reload();
    onChanged();
  };
  const setting = useAction(async () => {
    await api.call('calendar.setDay', { date, working: working === 'working', note: note.trim() });
    setDate('');
    setNote('');
    await changed();
  });
  const clearing = useAction(async (d: string) => {
    await api.call('calendar.clearDay', { date: d, reason: t('calendar.clearReason') });
    await changed();
  });

  return (
    <Card withBorder padding="md" data-testid="calendar-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t('calendar.title')}</Title>
          <NumberInput value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)} min={2000} max={2100} w={110} aria-label={t('calendar.year')} data-testid="calendar-year" />
        </Group>
        <Loadable state={days}>
          {(y) => (
            <Stack gap="xs">
              {y.known ? null : (
                <Alert color="yellow" data-testid="calendar-unknown">
                  {t('calendar.unknownYear', { year: y.year })}
                </Alert>
              )}
              <ListTable<CalendarDayView>
                testId="calendar-days"
                records={y.days}
                idAccessor={(d) => d.date}
                fz="sm"
                empty={{ title: t('calendar.noDays') }}
                columns={[
                  { accessor: 'date', title: t('calendar.date'), width: 150, sortValue: (d) => d.date, render: (d) => formatDay(d.date, i18n.language) },
                  {
                    accessor: 'working',
                    title: t('calendar.kind'),
                    width: 120,
                    render: (d) => (
                      <Badge variant="light" color={d.working ? 'blue' : 'gray'}>
                        {t(d.working ? 'calendar.working' : 'calendar.rest')}
                      </Badge>
                    ),
                  },
                  { accessor: 'holiday', title: t('calendar.holiday'), render: (d) => [d.holiday, d.makeUp ? t('calendar.makeUp') : null].filter(Boolean).join(' · ') || '—' },
                  { accessor: 'correction', title: t('calendar.correction'), render: (d) => d.correction?.note ?? '—' },
                  {
                    accessor: 'actions',
                    title: '',
                    width: 90,
                    textAlign: 'right',
                    render: (d) =>
                      d.correction ? (
                        <Button size="compact-xs" variant="subtle" onClick={() => void clearing.run(d.date)} data-testid="calendar-clear">
                          {t('calendar.clear')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </Stack>
          )}
        </Loadable>
        <Text size="sm" c="dimmed">
          {t('calendar.correctHint')}
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput type="date" label={t('calendar.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="calendar-date" />
          <SegmentedControl
            value={working}
            onChange={(v) => setWorking(v as 'rest' | 'working')}
            data={[
              { value: 'rest', label: t('calendar.rest') },
              { value: 'working', label: t('calendar.working') },
            ]}
            data-testid="calendar-working"
          />
          <TextInput label={t('calendar.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} data-testid="calendar-note" />
          <Button onClick={() => void setting.run()} disabled={date === '' || note.trim() === ''} loading={setting.busy} data-testid="calendar-set">
            {t('calendar.set')}
          </Button>
        </Group>
        {setting.error ? <ErrorNotice error={setting.error} /> : null}
        {clearing.error ? <ErrorNotice error={clearing.error} /> : null}
      </Stack>
    </Card>
  );
}
