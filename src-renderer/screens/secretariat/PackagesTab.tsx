import { Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDownload } from '../../../src-main/domain/files.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { Empty, ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { saveDownload, saveDownloads } from '../../transport/files.js';

/** One sealed package per enrolled expert, handed over as files. */
export function PackagesTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const { api, mode } = useApp();
  const experts = useCall('experts.list', { editionId });
  const panels = useCall('panels.list', { editionId });
  const [packages, setPackages] = useState<PackageDownload[] | null>(null);
  // a package is made for every expert who sits on a panel with applicants and has enrolled
  const seated = new Set((panels.data ?? []).filter((p) => p.applicantIds.length > 0).flatMap((p) => p.memberIds));
  const withWork = (experts.data ?? []).filter((e) => seated.has(e.id));
  const ready = withWork.filter((e) => e.enrolled);
  const unenrolled = withWork.filter((e) => !e.enrolled);
  const exporting = useAction(async () => {
    setPackages(await api.call('packages.export', { editionId, expertIds: ready.map((e) => e.id) }));
  });
  const saving = useAction(async (files: PackageDownload[]) => (files.length === 1 ? saveDownload(api, mode, files[0]!) : saveDownloads(api, mode, files)));
  const name = (id: string) => {
    const e = experts.data?.find((x) => x.id === id);
    return e ? `${e.code} ${e.name}` : id;
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('packages.help')}
      </Text>
      {unenrolled.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="packages-unenrolled">
          {t('packages.unenrolled', { names: unenrolled.map((e) => e.name).join(t('common.sep')) })}
        </Alert>
      ) : null}
      {experts.error ? <ErrorNotice error={experts.error} onRetry={() => void experts.reload()} /> : null}
      {panels.error ? <ErrorNotice error={panels.error} onRetry={() => void panels.reload()} /> : null}
      {experts.data && panels.data && ready.length === 0 ? <Empty icon="file" title={t('packages.noneTitle')} description={t('packages.noneHelp')} /> : null}
      <Group>
        <Button leftSection={<Icon name="file" size={16} />} onClick={() => void exporting.run()} loading={exporting.busy} disabled={ready.length === 0} data-testid="export-packages">
          {t('packages.export', { count: ready.length })}
        </Button>
        {packages && packages.length > 0 ? (
          <Button variant="light" leftSection={<Icon name="download" size={16} />} onClick={() => void saving.run(packages)} loading={saving.busy} data-testid="download-all-packages">
            {t('packages.downloadAll', { count: packages.length })}
          </Button>
        ) : null}
      </Group>
      {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
      {saving.error ? <ErrorNotice error={saving.error} /> : null}
      {packages === null || packages.length === 0 ? null : (
        <Table verticalSpacing="xs" data-testid="packages-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('expert.name')}</Table.Th>
              <Table.Th>{t('packages.applicants')}</Table.Th>
              <Table.Th>{t('packages.file')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {packages.map((p) => (
              <Table.Tr key={p.expertId}>
                <Table.Td>{name(p.expertId)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{p.applicants}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.fileName}</Text>
                </Table.Td>
                <Table.Td>
                  <Code>{p.sha256.slice(0, 16)}…</Code>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" leftSection={<Icon name="download" size={14} />} onClick={() => void saving.run([p])}>
                    {t('common.download')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
