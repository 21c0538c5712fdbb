import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { ResetPassphrase } from './ResetPassphrase.js';

export function UnlockStore() {
  const { t } = useTranslation();
  const { session } = useApp();
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [passphrase, setPassphrase] = useState('');
  const [forgotten, setForgotten] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return;
    const ok = await session.getState().unlock(passphrase);
    if (!ok) setPassphrase('');
  };

  if (forgotten) {
    return (
      <ResetPassphrase
        onCancel={() => {
          session.getState().clearError();
          setForgotten(false);
        }}
      />
    );
  }

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
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            session.getState().clearError();
            setForgotten(true);
          }}
          data-testid="unlock-forgotten"
        >
          {t('recovery.forgotten')}
        </Anchor>
      </Stack>
    </form>
  );
}
