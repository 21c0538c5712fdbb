import { Alert, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { toUpload } from '../../transport/files.js';

/** A member takes in the leader's return notice from the USB stick: the returned sheet reopens as the next version. */
export function ReturnNoticeImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [done, setDone] = useState<string | null>(null);
  const importing = useAction(async (file: File) => {
    const r = await api.call('returns.import', { file: await toUpload(file) });
    setDone(t('consensus.returnsImported', { code: r.applicantCode, stage: t(`stage.${r.stage}`), version: r.version, reason: r.reason }));
    onImported();
  });
  return (
    <Stack gap="xs">
      <Group>
        <FilePick variant="light" onFiles={(files) => void importing.run(files[0]!)} loading={importing.busy} testId="import-return">
          {t('consensus.returnsImport')}
        </FilePick>
        <Text size="sm" c="dimmed">
          {t('consensus.returnsImportHelp')}
        </Text>
      </Group>
      {importing.error ? <ErrorNotice error={importing.error} title={t('consensus.returnsImportFailed')} /> : null}
      {done ? (
        <Alert color="orange" withCloseButton onClose={() => setDone(null)} data-testid="return-imported">
          {done}
        </Alert>
      ) : null}
    </Stack>
  );
}
