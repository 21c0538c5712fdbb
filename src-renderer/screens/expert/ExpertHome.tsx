import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { useRememberPlace } from '../../hooks/usePlace.js';
import { navStore } from '../../stores/nav.js';
import { packageNewsStore } from '../../stores/package-news.js';
import { toUpload } from '../../transport/files.js';
import { EnrollmentCard } from './EnrollmentCard.js';

/** The city and standard of an edition, read from the package the expert imported. */
function EditionRules({ editionId }: { editionId: string }) {
  const l = useLocalized();
  const edition = useCall('editions.get', { editionId });
  return (
    <Text size="sm" c="dimmed">
      {edition.data ? `${l(edition.data.profile.city)} · ${edition.data.framework.standard}` : '…'}
    </Text>
  );
}

export function ExpertHome() {
  const { t } = useTranslation();
  const { api } = useApp();
  const editions = useCall('editions.list', {});
  useRememberPlace({ screen: 'home' });
  const importing = useAction(async (file: File) => {
    const summary = await api.call('packages.import', { file: await toUpload(file) });
    packageNewsStore.getState().record(summary.id, summary.changes);
    await editions.reload();
    navStore.getState().go({ screen: 'edition', editionId: summary.id });
  });

  const importButton = (
    <FilePick onFiles={(files) => void importing.run(files[0]!)} loading={importing.busy} testId="import-package">
      {t('expert.home.importPackage')}
    </FilePick>
  );

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group justify="space-between">
        <Title order={2}>{t('expert.home.title')}</Title>
        {importButton}
      </Group>
      {importing.error ? <ErrorNotice error={importing.error} title={t('expert.home.importFailed')} /> : null}
      <Card withBorder padding="lg">
        <Loadable
          state={editions}
          empty={(list) =>
            list.length === 0 ? (
              <Empty icon="inbox" title={t('expert.home.emptyTitle')} description={t('expert.home.emptyHelp')}>
                {importButton}
              </Empty>
            ) : null
          }
        >
          {(list) => (
            <Table highlightOnHover verticalSpacing="sm" data-testid="expert-editions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('edition.name')}</Table.Th>
                  <Table.Th>{t('edition.year')}</Table.Th>
                  <Table.Th>{t('edition.profile')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.name}</Table.Td>
                    <Table.Td>{e.year}</Table.Td>
                    <Table.Td>
                      <EditionRules editionId={e.id} />
                    </Table.Td>
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
      <EnrollmentCard />
    </Stack>
  );
}
