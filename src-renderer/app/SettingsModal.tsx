import { Button, Divider, Modal, NumberInput, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../src-main/domain/limits.js';
import { acceptable } from '../components/passphrase.js';
import { PassphraseMeter } from '../components/PassphraseMeter.js';
import { ErrorNotice } from '../components/States.js';
import { StoreRecords } from '../components/records/StoreRecords.js';
import { asCallFailure, type CallFailure } from '../transport/errors.js';
import { useApp, useSession } from '../context/app-context.js';

export function SettingsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const idle = useSession((s) => s.status?.idleMinutes ?? 15);
  const [minutes, setMinutes] = useState<number>(idle);
  const [oldPass, setOldPass] = useState('');
  const [newPass, setNewPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<CallFailure | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => setMinutes(idle), [idle, opened]);

  const changePassphrase = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.call('store.changePassphrase', { oldPassphrase: oldPass, newPassphrase: newPass });
      setDone(true);
      setOldPass('');
      setNewPass('');
      setConfirm('');
    } catch (e) {
      setError(asCallFailure(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.title')} size="md">
      <Stack gap="md">
        <NumberInput
          label={t('settings.idleMinutes')}
          description={t('settings.idleHelp')}
          min={1}
          max={240}
          value={minutes}
          onChange={(v) => setMinutes(typeof v === 'number' ? v : idle)}
          data-testid="idle-minutes"
        />
        <Button onClick={() => void session.getState().setIdleMinutes(minutes)} disabled={minutes === idle} variant="light">
          {t('settings.saveIdle')}
        </Button>
        <Divider label={t('settings.changePassphrase')} />
        <PasswordInput label={t('settings.oldPassphrase')} value={oldPass} onChange={(e) => setOldPass(e.currentTarget.value)} />
        <PasswordInput label={t('start.newPassphrase')} value={newPass} onChange={(e) => setNewPass(e.currentTarget.value)} />
        <PassphraseMeter value={newPass} />
        <PasswordInput
          label={t('start.confirmPassphrase')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={confirm !== '' && confirm !== newPass ? t('start.mismatch') : undefined}
        />
        {error ? <ErrorNotice error={error} /> : null}
        {done ? <Text c="green">{t('settings.passphraseChanged')}</Text> : null}
        <Button
          onClick={() => void changePassphrase()}
          loading={busy}
          disabled={oldPass === '' || confirm !== newPass || !acceptable(newPass, MIN_PASSPHRASE_LENGTH)}
        >
          {t('settings.changePassphrase')}
        </Button>
        <StoreRecords onDeleted={onClose} />
      </Stack>
    </Modal>
  );
}
