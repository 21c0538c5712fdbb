import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../src-main/domain/limits.js';
import { useApp, useSession } from '../../context/app-context.js';
import { acceptable } from '../../components/passphrase.js';
import { PassphraseMeter } from '../../components/PassphraseMeter.js';
import { ErrorNotice } from '../../components/States.js';

/** A forgotten passphrase replaced, the recovery code written down at creation proving the owner. */
export function ResetPassphrase({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { session } = useApp();
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const ready = code.trim() !== '' && acceptable(passphrase, MIN_PASSPHRASE_LENGTH) && confirm === passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready) await session.getState().resetPassphrase(code, passphrase);
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recovery.resetHelp')}
        </Text>
        <TextInput label={t('recovery.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus autoComplete="off" spellCheck={false} ff="monospace" data-testid="reset-code" />
        <PasswordInput label={t('start.newPassphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} autoComplete="new-password" data-testid="reset-passphrase" />
        <PassphraseMeter value={passphrase} />
        <PasswordInput
          label={t('start.confirmPassphrase')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          autoComplete="new-password"
          data-testid="reset-confirm"
          error={confirm !== '' && confirm !== passphrase ? t('start.mismatch') : undefined}
        />
        {error ? <ErrorNotice error={error} /> : null}
        <Button type="submit" loading={busy} disabled={!ready} data-testid="reset-submit">
          {t('recovery.reset')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.back')}
        </Button>
      </Stack>
    </form>
  );
}
