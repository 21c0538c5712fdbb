import { Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { navStore } from '../../stores/nav.js';
import { BackupReminder } from './BackupReminder.js';
import { NewEdition } from './NewEdition.js';

export function SecretariatHome() {
  const { t } = useTranslation();
  const l = useLocalized();
  const editions = useCall('editions.list', {});
  const profiles = useCall('profiles.list', {});
  const frameworks = useCall('frameworks.list', {});
  const city = (id: string) => {
    const p = profiles.data?.find((x) => x.id === id);
    return p ? l(p.city) : id;
  };
  const standard = (id: string) => frameworks.data?.find((x) => x.id === id)?.standard ?? id;
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group justify="space-between">
        <Title order={2}>{t('secretariat.home.title')}</Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => navStore.getState().go({ screen: 'pool' })} data-testid="open-pool">
            {t('pool.heading')}
          </Button>
          {!creating ? (
            <Button onClick={() => setCreating(true)} data-testid="new-edition-open">
              {t('secretariat.home.newEdition')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <BackupReminder />
      {creating ? <NewEdition onCancel={() => setCreating(false)} /> : null}
      <Card withBorder padding="lg">
        <Loadable
          state={editions}
          empty={(list) =>
            list.length === 0 && !creating ? (
              <Empty icon="inbox" title={t('secretariat.home.emptyTitle')} description={t('secretariat.home.emptyHelp')}>
                <Button onClick={() => setCreating(true)}>{t('secretariat.home.newEdition')}</Button>
              </Empty>
            ) : null
          }
        >
          {(list) => (
            <Table highlightOnHover verticalSpacing="sm" data-testid="editions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('edition.name')}</Table.Th>
                  <Table.Th>{t('edition.year')}</Table.Th>
                  <Table.Th>{t('edition.profile')}</Table.Th>
                  <Table.Th>{t('edition.framework')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.name}</Table.Td>
                    <Table.Td>{e.year}</Table.Td>
                    <Table.Td>{city(e.profileId)}</Table.Td>
                    <Table.Td>{standard(e.frameworkId)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" onClick={() => navStore.getState().go({ screen: 'edition', editionId: e.id })}>
                        {t('common.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loadable>
      </Card>
    </Stack>
  );
}
