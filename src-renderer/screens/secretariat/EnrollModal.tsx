import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import { FilePick } from '../../components/FilePick.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';

type Checked = CallOutput<'experts.checkEnrollment'> | CallOutput<'pool.checkEnrollment'>;

/** Whom the key is for: a seat in an edition, or a pool expert, whose key every edition that seats them uses. */
export interface EnrollTarget {
  scope: 'experts' | 'pool';
  id: string;
  code: string;
  name: string;
}

/**
 * Enrolment in two steps: the code is read first, without storing anything, and the clerk compares
 * the fingerprint it holds with the one the expert reads out from their own laptop; only on
 * confirmation is it registered.
 */
export function EnrollModal({ expert, onClose, onEnrolled }: { expert: EnrollTarget | null; onClose(): void; onEnrolled(fingerprint: string): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const checking = useAction(async () => {
    if (!expert) return;
    const input = { expertId: expert.id, enrollmentCode: code.trim() };
    setChecked(expert.scope === 'pool' ? await api.call('pool.checkEnrollment', input) : await api.call('experts.checkEnrollment', input));
  });
  const enrolling = useAction(async () => {
    if (!expert) return;
    const input = { expertId: expert.id, enrollmentCode: code.trim() };
    const enrolled = expert.scope === 'pool' ? await api.call('pool.enroll', input) : await api.call('experts.enroll', input);
    setCode('');
    setChecked(null);
    onEnrolled(enrolled.fingerprint ?? '');
  });
  const close = () => {
    setChecked(null);
    checking.clearError();
    enrolling.clearError();
    onClose();
  };
  return (
    <Modal opened={expert !== null} onClose={close} title={t('enrol.title', { code: expert?.code ?? '', name: expert?.name ?? '' })} size="lg">
      {checked ? (
        <Stack gap="md" data-testid="enroll-confirm-step">
          <Text size="sm">{t('enrol.compare', { code: checked.code, name: checked.name })}</Text>
          <Stack gap={4} align="center" py="sm">
            <Text size="xs" c="dimmed">
              {t('enrol.fingerprintOf', { name: checked.name })}
            </Text>
            <Code fz="xl" px="md" py="xs" data-testid="enroll-fingerprint" style={{ letterSpacing: 1, whiteSpace: 'normal', textAlign: 'center' }}>
              {checked.fingerprint}
            </Code>
          </Stack>
          {checked.previousFingerprint ? (
            <Alert color="orange" variant="light" data-testid="enroll-replaces">
              {t('enrol.replaces', { fingerprint: checked.previousFingerprint })}
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('enrol.mismatch')}
          </Text>
          {enrolling.error ? <ErrorNotice error={enrolling.error} /> : null}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setChecked(null)} data-testid="enroll-back">
              {t('enrol.back')}
            </Button>
            <Button onClick={() => void enrolling.run()} loading={enrolling.busy} leftSection={<Icon name="check" size={16} />} data-testid="enroll-submit">
              {t('enrol.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md" data-testid="enroll-code-step">
          <Text size="sm" c="dimmed">
            {t('enrol.help')}
          </Text>
          <Textarea label={t('enrol.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autosize minRows={3} data-autofocus data-testid="enroll-code" />
          <FilePick variant="default" size="xs" accept=".txt,text/plain" onFiles={(files) => void files[0]!.text().then((text) => setCode(text.trim()))}>
            {t('enrol.fromFile')}
          </FilePick>
          {checking.error ? <ErrorNotice error={checking.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void checking.run()} disabled={code.trim() === ''} loading={checking.busy} data-testid="enroll-check">
              {t('enrol.check')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
