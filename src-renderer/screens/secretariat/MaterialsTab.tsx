import { Badge, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { toUpload } from '../../transport/files.js';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function MaterialRow({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const materials = useCall('materials.list', { applicantId: applicant.id });
  const [done, setDone] = useState<{ n: number; of: number } | null>(null);
  const attaching = useAction(async (files: File[]) => {
    setDone({ n: 0, of: files.length });
    for (const [i, file] of files.entries()) {
      await api.call('materials.attach', { applicantId: applicant.id, file: await toUpload(file) });
      setDone({ n: i + 1, of: files.length });
    }
    await materials.reload();
    setDone(null);
  });
  return (
    <Table.Tr data-testid={`materials-${applicant.code}`}>
      <Table.Td>{applicant.code}</Table.Td>
      <Table.Td>{applicant.name}</Table.Td>
      <Table.Td>
        <Loadable state={materials}>
          {(list) =>
            list.length === 0 ? (
              <Badge color="orange" variant="light">
                {t('materialsTab.none')}
              </Badge>
            ) : (
              <Stack gap={2}>
                {list.map((m) => (
                  <Text key={m.id} size="sm">
                    {m.fileName} <Text span c="dimmed" size="xs">({sizeText(m.size)})</Text>
                  </Text>
                ))}
              </Stack>
            )
          }
        </Loadable>
        {done ? <Progress mt={4} size="sm" value={(done.n / done.of) * 100} /> : null}
        {attaching.error ? <ErrorNotice error={attaching.error} /> : null}
      </Table.Td>
      <Table.Td ta="right">
        <FilePick size="xs" variant="light" accept=".pdf,application/pdf" multiple onFiles={(files) => void attaching.run(files)} loading={attaching.busy} testId={`attach-${applicant.code}`}>
          {t('materialsTab.attach')}
        </FilePick>
      </Table.Td>
    </Table.Tr>
  );
}

export function MaterialsTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const applicants = useCall('applicants.list', { editionId });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('materialsTab.help')}
      </Text>
      <Loadable state={applicants} empty={(list) => (list.length === 0 ? <Empty icon="file" title={t('applicants.emptyTitle')} description={t('applicants.emptyHelp')} /> : null)}>
        {(list) => (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applicant.code')}</Table.Th>
                <Table.Th>{t('applicant.name')}</Table.Th>
                <Table.Th>{t('materials.title')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((a) => (
                <MaterialRow key={a.id} applicant={a} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loadable>
    </Stack>
  );
}
