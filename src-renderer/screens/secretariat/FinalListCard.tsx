import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDay } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { saveDownload } from '../../transport/files.js';

/** The final award list: the notice's award list less the applicants an upheld objection removed, published once with its date, and printed. */
export function FinalListCard({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const list = useCall('finalList.get', { editionId });
  const [on, setOn] = useState('');
  const publishing = useAction(async () => {
    await api.call('finalList.publish', { editionId, on });
    await list.reload();
  });
  const printing = useAction(async () => {
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    await saveDownload(api, mode, await api.call('finalList.print', { editionId, lang }));
  });
  return (
    <Card withBorder padding="md" data-testid="final-list">
      <Loadable state={list}>
        {(f) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="sm">
                <Title order={5}>{t('finalList.title')}</Title>
                {f.published ? (
                  <Badge color="teal" data-testid="final-published">
                    {t('finalList.publishedOn', { date: formatDay(f.published.on, i18n.language) })}
                  </Badge>
                ) : null}
              </Group>
              {f.notice ? (
                <Button variant="light" size="xs" leftSection={<Icon name="file" size={14} />} onClick={() => void printing.run()} loading={printing.busy} data-testid="final-print">
                  {t('finalList.print')}
                </Button>
              ) : null}
            </Group>
            {f.entries.length > 0 ? (
              <Table withTableBorder fz="sm" data-testid="final-entries">
                <Table.Tbody>
                  {f.entries.map((e) => (
                    <Table.Tr key={e.applicantId} data-removed={e.removedBy === null ? 'no' : 'yes'} style={e.removedBy === null ? undefined : { opacity: 0.6 }}>
                      <Table.Td w={130}>{e.code}</Table.Td>
                      <Table.Td>{e.name}</Table.Td>
                      <Table.Td w={120}>{e.designation ? t(`notice.designations.${e.designation}`) : '—'}</Table.Td>
                      <Table.Td w={260}>
                        {e.removedBy === null ? (
                          <Badge variant="light" color="blue">
                            {t('finalList.stays')}
                          </Badge>
                        ) : (
                          <Badge variant="light" color="red">
                            {t('finalList.removed', { number: e.removedBy })}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            {!f.published && f.blockers.length > 0 ? (
              <Alert color="gray" data-testid="final-blockers">
                <Text size="sm">{t('finalList.notYet')}</Text>
                <List size="sm">
                  {f.blockers.map((b) => (
                    <List.Item key={b.en}>{l(b)}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {!f.published && f.blockers.length === 0 ? (
              <Group align="flex-end" gap="sm">
                <TextInput type="date" label={t('finalList.on')} value={on} onChange={(e) => setOn(e.currentTarget.value)} data-testid="final-on" />
                <Button onClick={() => void publishing.run()} disabled={on === ''} loading={publishing.busy} data-testid="final-publish">
                  {t('finalList.publish')}
                </Button>
              </Group>
            ) : null}
            {publishing.error ? <ErrorNotice error={publishing.error} /> : null}
            {printing.error ? <ErrorNotice error={printing.error} /> : null}
          </Stack>
        )}
      </Loadable>
    </Card>
  );
}
