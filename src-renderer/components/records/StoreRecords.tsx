import { Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../context/app-context.js';
import { formatDateTime } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { saveDownload } from '../../transport/files.js';
import { Icon } from '../icons.js';
import { ErrorNotice } from '../States.js';
import { RecoveryCodeSheet } from './RecoveryCodeSheet.js';
import { MONOSPACE_INPUT } from '../monospace.js';

/**
 * The open store's own safekeeping, for either role: a backup to a file the user keeps apart, a
 * new recovery code (the old one then stops working), and deleting the store, which the retention
 * period may refuse.
 */
export function StoreRecords({ onDeleted }: { onDeleted(): void }) {
  const { t, i18n } = useTranslation();
  const { api, mode, session } = useApp();
  const status = useSession((s) => s.status);
  const backups = useCall('backup.status', {});
  const recovery = useCall('store.recoveryStatus', {});
  const [passphrase, setPassphrase] = useState('');
  const [newCode, setNewCode] = useState<string | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [deleteError, setDeleteError] = useState(false);

  const backup = useAction(async () => {
    const made = await api.call('backup.create', {});
    await saveDownload(api, mode, made);
    await backups.reload();
  });
  const renew = useAction(async () => {
    const { recoveryCode } = await api.call('store.renewRecoveryCode', { passphrase });
    setPassphrase('');
    setNewCode(recoveryCode);
    await recovery.reload();
  });
  const remove = async () => {
    setDeleteError(false);
    if (await session.getState().deleteStore(fingerprint)) onDeleted();
    else setDeleteError(true);
  };
  const failure = useSession((s) => s.error);
  const last = backups.data?.last;

  return (
    <Stack gap="md">
      <Divider label={t('backup.title')} />
      <Text size="sm" c="dimmed">
        {last ? t('backup.last', { date: formatDateTime(last.madeAt, i18n.language) }) : t('backup.never')}
      </Text>
      {backup.error ? <ErrorNotice error={backup.error} /> : null}
      <Button variant="light" leftSection={<Icon name="download" size={16} />} loading={backup.busy} onClick={() => void backup.run()} data-testid="backup-create">
        {t('backup.create')}
      </Button>

      <Divider label={t('recovery.title')} />
      <Text size="sm" c="dimmed">
        {recovery.data?.hasRecoveryCode === false ? t('recovery.none') : t('recovery.renewHelp')}
      </Text>
      {newCode && status?.role ? (
        <RecoveryCodeSheet code={newCode} role={status.role} fingerprint={status.info?.fingerprint ?? null} />
      ) : (
        <>
          <PasswordInput label={t('settings.oldPassphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} data-testid="renew-passphrase" />
          {renew.error ? <ErrorNotice error={renew.error} /> : null}
          <Button variant="light" disabled={passphrase === ''} loading={renew.busy} onClick={() => void renew.run()} data-testid="renew-code">
            {t('recovery.renew')}
          </Button>
        </>
      )}

      <Divider label={t('storeDelete.title')} color="red" />
      <Text size="sm" c="dimmed">
        {t('storeDelete.help')}
      </Text>
      <TextInput
        label={t('storeDelete.typeFingerprint', { fingerprint: status?.info?.fingerprint ?? '' })}
        value={fingerprint}
        onChange={(e) => setFingerprint(e.currentTarget.value)}
        styles={MONOSPACE_INPUT}
        data-testid="delete-store-fingerprint"
      />
      {deleteError && failure ? <ErrorNotice error={failure} /> : null}
      <Group>
        <Button color="red" variant="light" disabled={fingerprint.trim() === ''} onClick={() => void remove()} data-testid="delete-store">
          {t('storeDelete.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
