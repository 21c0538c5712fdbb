import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ArchiveReport } from '../../components/records/ArchiveReport.js';
import { RecipientKey } from '../../components/records/RecipientKey.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { toUpload } from '../../transport/files.js';

/**
 * An archive verified with no store at all, as on a supervisor's machine: the file, the key file
 * of one of its recipients (for an encrypted one), and the fingerprint compared with the secretariat.
 */
export function VerifyArchive({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [report, setReport] = useState<CallOutput<'archive.check'> | null>(null);
  const verify = useAction(async () => {
    if (!file) return;
    setReport(null);
    setReport(
      await api.call('archive.check', {
        file: await toUpload(file),
        ...(keyFile ? { keyFile: await toUpload(keyFile) } : {}),
        ...(fingerprint.trim() ? { fingerprint: fingerprint.trim() } : {}),
      }),
    );
  });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('archive.checkHelp')}
      </Text>
      <Group>
        <FilePick variant="light" onFiles={([f]) => setFile(f ?? null)} testId="check-archive-file">
          {t('archive.pickArchive')}
        </FilePick>
        <Text size="sm">{file?.name ?? t('backup.noFile')}</Text>
      </Group>
      <Group>
        <FilePick variant="light" onFiles={([f]) => setKeyFile(f ?? null)} testId="check-key-file">
          {t('archive.pickKey')}
        </FilePick>
        <Text size="sm">{keyFile?.name ?? t('archive.noKey')}</Text>
      </Group>
      <TextInput label={t('archive.expectFingerprint')} description={t('archive.expectFingerprintHelp')} value={fingerprint} onChange={(e) => setFingerprint(e.currentTarget.value)} ff="monospace" />
      {verify.error ? <ErrorNotice error={verify.error} /> : null}
      <Button onClick={() => void verify.run()} loading={verify.busy} disabled={!file} data-testid="check-archive">
        {t('archive.verify')}
      </Button>
      {report ? <ArchiveReport v={report} /> : null}
      <Divider label={t('archive.keygenTitle')} />
      <RecipientKey />
      <Button variant="subtle" onClick={onCancel}>
        {t('common.back')}
      </Button>
    </Stack>
  );
}
