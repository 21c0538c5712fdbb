import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusView, MemberSheet } from '../../../src-main/domain/consensus.js';
import { useApp, useSession } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { saveDownload } from '../../transport/files.js';

/**
 * Sends one member's sheet back with the reason. On the leader's laptop the return notice is a
 * file for the USB stick; at the secretariat the member's next package carries the return.
 */
export function ReturnModal({ view, member, onClose, onReturned }: { view: ConsensusView; member: MemberSheet | null; onClose(): void; onReturned(message: string): void }) {
  const { t } = useTranslation();
  const { api, mode } = useApp();
  const role = useSession((s) => s.status?.role ?? null);
  const [reason, setReason] = useState('');
  const returning = useAction(async () => {
    if (!member) return;
    const made = await api.call('consensus.return', { editionId: view.editionId, applicantId: view.applicant.id, stage: view.stage, expertId: member.expertId, reason: reason.trim() });
    setReason('');
    if (made.notice) {
      await saveDownload(api, mode, made.notice);
      onReturned(t('consensus.noticeSaved', { file: made.notice.fileName }));
    } else onReturned(role === 'secretariat' ? t('consensus.returnedAtSecretariat') : t('consensus.returnedOwn'));
  });

  return (
    <Modal opened={member !== null} onClose={onClose} title={t('consensus.returnTitle', { name: member?.name ?? '' })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('consensus.returnHelp')}
        </Text>
        <Textarea label={t('consensus.returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-testid="return-reason" />
        {returning.error ? <ErrorNotice error={returning.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={() => void returning.run()} disabled={reason.trim() === ''} loading={returning.busy} data-testid="return-submit">
            {t('consensus.returnSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
