import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../src-main/domain/files.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { saveDownload, toUpload } from '../../transport/files.js';

function rowErrors(details: unknown): ImportRowError[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is ImportRowError => typeof d === 'object' && d !== null && typeof (d as ImportRowError).row === 'number');
}

/**
 * Import applicants or experts from an Excel sheet; a bad sheet shows every bad row. `children`
 * sit beside the import button (the tab's add-by-hand button).
 */
export function SheetImport({ editionId, kind, onImported, children }: { editionId: string; kind: 'applicants' | 'experts'; onImported(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const [imported, setImported] = useState<number | null>(null);
  const importing = useAction(async (file: File) => {
    setImported(null);
    const upload = await toUpload(file);
    const result = await api.call(kind === 'applicants' ? 'applicants.import' : 'experts.import', { editionId, file: upload });
    setImported(result.imported);
    onImported();
  });
  const template = useAction(async () => saveDownload(api, mode, await api.call('templates.get', { kind })));
  const rows = importing.error ? rowErrors(importing.error.details) : [];

  return (
    <Stack gap="sm">
      <Group>
        <FilePick accept=".xlsx" onFiles={(files) => void importing.run(files[0]!)} loading={importing.busy} testId={`import-${kind}`}>
          {t(`sheetImport.import.${kind}`)}
        </FilePick>
        {children}
        <Button variant="subtle" leftSection={<Icon name="download" size={16} />} onClick={() => void template.run()} loading={template.busy}>
          {t('sheetImport.template')}
        </Button>
      </Group>
      {template.error ? <ErrorNotice error={template.error} /> : null}
      {imported !== null ? (
        <Alert color="green" icon={<Icon name="check" />} data-testid={`imported-${kind}`} withCloseButton onClose={() => setImported(null)}>
          {t('sheetImport.imported', { count: imported })}
        </Alert>
      ) : null}
      {importing.error ? (
        <Stack gap="xs" data-testid={`import-errors-${kind}`}>
          <ErrorNotice error={importing.error} title={t('sheetImport.refused')} />
          {rows.length > 0 ? (
            <Table withTableBorder striped fz="sm" data-testid="row-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('sheetImport.row')}</Table.Th>
                  <Table.Th w={160}>{t('sheetImport.column')}</Table.Th>
                  <Table.Th>{t('sheetImport.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={`${r.row}-${r.column ?? ''}-${i}`}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.column ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{l(r.reason)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
