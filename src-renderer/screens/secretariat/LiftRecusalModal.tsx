import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Declaration } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';

/**
 * Lifts a recusal that was declared or imposed in error. The original stays in the register and its
 * history; the expert's next package carries the lift, and the expert then declares afresh.
 */
export function LiftRecusalModal({ declaration, pair, onClose, onLifted }: { declaration: Declaration | null; pair: string; onClose(): void; onLifted(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const lifting = useAction(async () => {
    if (!declaration) return;
    await api.call('declarations.lift', { expertId: declaration.expertId, applicantId: declaration.applicantId, source: declaration.source, reason: reason.trim() });
    setReason('');
    onLifted();
  });
  return (
    <Modal opened={declaration !== null} onClose={onClose} title={t('recusals.liftTitle')} size="lg">
      {declaration ? (
        <Stack gap="sm">
          <Text size="sm">{pair}</Text>
          <Text size="sm" c="dimmed">
            {t('recusals.liftEffect')}
          </Text>
          <Textarea
            label={t('recusals.liftReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            data-testid="lift-reason"
          />
          {lifting.error ? <ErrorNotice error={lifting.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void lifting.run()} disabled={reason.trim() === ''} loading={lifting.busy} data-testid="lift-confirm">
              {t('recusals.lift')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
