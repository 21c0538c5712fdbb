import { Alert, Button, Checkbox, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../src-main/domain/limits.js';
import { useApp, useSession } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { acceptable } from '../../components/passphrase.js';
import { PassphraseMeter } from '../../components/PassphraseMeter.js';
import { ErrorNotice } from '../../components/States.js';

export function CreateStore() {
  const { t } = useTranslation();
  const { session } = useApp();
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [understood, setUnderstood] = useState(false);

  const strongEnough = acceptable(passphrase, MIN_PASSPHRASE_LENGTH);
  const matches = confirm !== '' && confirm === passphrase;
  const ready = strongEnough && matches && understood;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready) await session.getState().create(passphrase);
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('start.createHelp')}
        </Text>
        <Stack gap={6}>
          <PasswordInput
            label={t('start.newPassphrase')}
            description={t('start.passphraseRule', { min: MIN_PASSPHRASE_LENGTH })}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoFocus
            autoComplete="new-password"
            data-testid="create-passphrase"
            error={passphrase !== '' && !strongEnough ? t('start.tooWeak', { min: MIN_PASSPHRASE_LENGTH }) : undefined}
          />
          <PassphraseMeter value={passphrase} />
        </Stack>
        <PasswordInput
          label={t('start.confirmPassphrase')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          autoComplete="new-password"
          data-testid="create-confirm"
          error={confirm !== '' && !matches ? t('start.mismatch') : undefined}
        />
        <Alert color="orange" variant="light" icon={<Icon name="alert" />} title={t('start.lossWarningTitle')}>
          {t('start.lossWarning')}
        </Alert>
        <Checkbox
          label={t('start.understood')}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="create-understood"
        />
        {error ? <ErrorNotice error={error} /> : null}
        <Button type="submit" loading={busy} disabled={!ready} data-testid="create-submit">
          {busy ? t('start.creating') : t('start.create')}
        </Button>
      </Stack>
    </form>
  );
}
