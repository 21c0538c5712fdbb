import { Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../src-main/domain/limits.js';
import { useApp, useSession } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { acceptable } from '../../components/passphrase.js';
import { ErrorNotice } from '../../components/States.js';
import { toUpload } from '../../transport/files.js';

/** A backup made on another machine (or before a disk failed) restored as this machine's store of its role. */
export function RestoreBackup({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { session } = useApp();
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [file, setFile] = useState<File | null>(null);
  const [by, setBy] = useState<'passphrase' | 'code'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const ready = file !== null && (by === 'passphrase' ? passphrase !== '' : code.trim() !== '' && acceptable(newPassphrase, MIN_PASSPHRASE_LENGTH));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !file) return;
    await session.getState().restore({ file: await toUpload(file), proof: by === 'passphrase' ? { passphrase } : { recoveryCode: code, newPassphrase } });
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('backup.restoreHelp')}
        </Text>
        <Group>
          <FilePick variant="light" onFiles={([f]) => setFile(f ?? null)} testId="restore-file">
            {t('backup.pickFile')}
          </FilePick>
          <Text size="sm">{file?.name ?? t('backup.noFile')}</Text>
        </Group>
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'passphrase' | 'code')}
          data={[
            { value: 'passphrase', label: t('backup.byPassphrase') },
            { value: 'code', label: t('backup.byCode') },
          ]}
        />
        {by === 'passphrase' ? (
          <PasswordInput label={t('start.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} data-testid="restore-passphrase" />
        ) : (
          <>
            <TextInput label={t('recovery.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} ff="monospace" autoComplete="off" />
            <PasswordInput label={t('start.newPassphrase')} description={t('start.passphraseRule', { min: MIN_PASSPHRASE_LENGTH })} value={newPassphrase} onChange={(e) => setNewPassphrase(e.currentTarget.value)} />
          </>
        )}
        {error ? <ErrorNotice error={error} /> : null}
        <Button type="submit" loading={busy} disabled={!ready} data-testid="restore-submit">
          {t('backup.restore')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.back')}
        </Button>
      </Stack>
    </form>
  );
}
