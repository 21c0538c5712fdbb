import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreSheet } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';

/**
 * Sends a submitted sheet back to its expert with the reason. Nothing of the sheet changes here:
 * the version stays on record, stops counting, and the expert's next package reopens it.
 */
export function ReturnSheetModal({ sheet, who, onClose, onReturned }: { sheet: ScoreSheet | null; who: string; onClose(): void; onReturned(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const returning = useAction(async () => {
    if (!sheet) return;
    await api.call('sheets.return', { sheetId: sheet.id, reason: reason.trim() });
    setReason('');
    onReturned();
  });
  return (
    <Modal opened={sheet !== null} onClose={onClose} title={t('returnSheet.title')} size="lg">
      {sheet ? (
        <Stack gap="sm">
          <Text size="sm">{t('returnSheet.who', { who, stage: t(`stage.${sheet.stage}`), version: sheet.version })}</Text>
          <Text size="sm" c="dimmed">
            {t('returnSheet.effect')}
          </Text>
          <Textarea
            label={t('returnSheet.reason')}
            description={t('returnSheet.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            data-testid="return-reason"
          />
          {returning.error ? <ErrorNotice error={returning.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => void returning.run()} disabled={reason.trim() === ''} loading={returning.busy} data-testid="return-confirm">
              {t('returnSheet.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
