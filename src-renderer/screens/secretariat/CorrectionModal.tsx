import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import type { CallFailure } from '../../transport/errors.js';

/**
 * One correction, confirmed: what it applies to, what it does (in the clerk's words, e.g. that an
 * expert's sheets stay on record but stop counting), the reason for the audit log, and the button.
 * A refusal is shown in place and keeps the reason typed; `onRefused` may offer the way out the
 * refusal names (withdraw instead of remove).
 */
export function CorrectionModal({
  opened,
  title,
  subject,
  effect,
  reasonLabel,
  reasonRequired = true,
  initialReason,
  confirmLabel,
  color = 'blue',
  canConfirm = true,
  onClose,
  onConfirm,
  onRefused,
  children,
  testId = 'correction',
}: {
  opened: boolean;
  title: string;
  subject: string;
  effect: string;
  reasonLabel?: string;
  reasonRequired?: boolean;
  /** carried over from the correction tried before (remove, then withdraw instead) */
  initialReason?: string | undefined;
  confirmLabel: string;
  color?: string;
  /** the other fields (a replacement, a panel) are filled in */
  canConfirm?: boolean;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
  onRefused?: (error: CallFailure, reason: string) => ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [wasOpen, setWasOpen] = useState(opened);
  if (opened !== wasOpen) {
    setWasOpen(opened);
    if (opened) setReason(initialReason ?? '');
  }
  const confirming = useAction(async () => {
    await onConfirm(reason.trim());
  });
  const close = () => {
    confirming.clearError();
    onClose();
  };
  const ready = canConfirm && (!reasonRequired || reason.trim() !== '');
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="sm" data-testid={`${testId}-modal`}>
        <Text size="sm" fw={500} data-testid={`${testId}-subject`}>
          {subject}
        </Text>
        <Alert color="gray" variant="light" icon={<Icon name="alert" size={16} />} p="xs" role="note" data-testid={`${testId}-effect`}>
          <Text size="sm">{effect}</Text>
        </Alert>
        {children}
        <Textarea
          label={reasonLabel ?? t('corrections.reason')}
          description={reasonRequired ? t('corrections.reasonHelp') : t('corrections.reasonOptional')}
          required={reasonRequired}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          data-testid={`${testId}-reason`}
        />
        {confirming.error ? (
          <Stack gap="xs">
            <ErrorNotice error={confirming.error} title={t('corrections.refused')} />
            {onRefused?.(confirming.error, reason.trim())}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={() => void confirming.run()} disabled={!ready} loading={confirming.busy} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
