import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';

export function UnlockStore() {
  const { t } = useTranslation();
  const { session } = useApp();
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [passphrase, setPassphrase] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return;
    const ok = await session.getState().unlock(passphrase);
    if (!ok) setPassphrase('');
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('start.unlockHelp')}
        </Text>
        <PasswordInput
          label={t('start.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoFocus
          autoComplete="current-password"
          data-testid="unlock-passphrase"
        />
        {error ? <ErrorNotice error={error} /> : null}
        <Button type="submit" loading={busy} disabled={passphrase === ''} data-testid="unlock-submit">
          {busy ? t('start.unlocking') : t('start.unlock')}
        </Button>
      </Stack>
    </form>
  );
}
