import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleOutcome } from '../../../src-main/domain/files.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { toUpload } from '../../transport/files.js';

const STATUS_COLOR = { accepted: 'green', duplicate: 'gray', refused: 'red' } as const;

/** The leader's laptop: the members' bundles from the USB stick, each verified on its own. */
export function ImportBundles({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [outcomes, setOutcomes] = useState<BundleOutcome[]>([]);
  const importing = useAction(async (files: File[]) => {
    setOutcomes(await api.call('consensus.importBundles', { files: await Promise.all(files.map(toUpload)) }));
    onImported();
  });

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group>
          <FilePick multiple onFiles={(files) => void importing.run(files)} loading={importing.busy} testId="consensus-import">
            {t('consensus.importBundles')}
          </FilePick>
          <Text size="sm" c="dimmed">
            {t('consensus.importHelp')}
          </Text>
        </Group>
        {importing.error ? <ErrorNotice error={importing.error} /> : null}
        {outcomes.length > 0 ? (
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="consensus-import-outcomes">
            <Table.Tbody>
              {outcomes.map((o, i) => (
                <Table.Tr key={`${o.fileName}-${i}`} data-status={o.status}>
                  <Table.Td>{o.fileName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[o.status]}>{t(`consensus.importStatus.${o.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{o.status === 'refused' ? l(o.reason) : o.status === 'accepted' ? t('consensus.importAccepted', { sheets: o.sheets }) : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Card>
  );
}
