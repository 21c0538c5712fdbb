import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';

/** Conflict of interest, declared before any material of the applicant can be seen. */
export function DeclareModal({
  editionId,
  applicant,
  onClose,
  onDeclared,
}: {
  editionId: string;
  applicant: AssignmentView['applicant'] | null;
  onClose(): void;
  onDeclared(): void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [choice, setChoice] = useState<'none' | 'conflict' | ''>('');
  const [reason, setReason] = useState('');
  // a conflict cannot be taken back by the expert: it is confirmed on a second step
  const [confirming, setConfirming] = useState(false);
  // the title keeps the name while the dialog fades out
  const [shown, setShown] = useState(applicant);
  useEffect(() => {
    if (applicant) setShown(applicant);
    setConfirming(false);
  }, [applicant]);
  const declaring = useAction(async () => {
    if (!applicant) return;
    await api.call('declarations.declare', { editionId, applicantId: applicant.id, conflict: choice === 'conflict', reason: reason.trim() });
    setChoice('');
    setReason('');
    setConfirming(false);
    onDeclared();
  });
  const ready = choice === 'none' || (choice === 'conflict' && reason.trim() !== '');

  return (
    <Modal opened={applicant !== null} onClose={onClose} title={t('declare.title', { name: shown?.name ?? '' })} size="lg" returnFocus={false}>
      {confirming ? (
        <Stack gap="md" data-testid="declare-conflict-confirm">
          <Alert color="red" variant="light" icon={<Icon name="alert" />} title={t('declare.confirmTitle', { code: shown?.code ?? '', name: shown?.name ?? '' })}>
            <Stack gap={6}>
              <Text size="sm">{t('declare.conflictEffect')}</Text>
              <Text size="sm" fw={600}>
                {t('declare.cannotUndo')}
              </Text>
            </Stack>
          </Alert>
          <Text size="sm">
            {t('declare.reasonGiven')} {reason.trim()}
          </Text>
          {declaring.error ? <ErrorNotice error={declaring.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-testid="declare-conflict-back">
              {t('declare.back')}
            </Button>
            <Button color="red" onClick={() => void declaring.run()} loading={declaring.busy} data-testid="declare-conflict-confirm-button">
              {t('declare.confirmConflict')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('declare.help')}
          </Text>
          <Radio.Group value={choice} onChange={(v) => setChoice(v as 'none' | 'conflict')} label={t('declare.question')}>
            <Stack gap="xs" mt="xs">
              <Radio value="none" label={t('declare.noConflict')} data-testid="declare-none" />
              <Radio value="conflict" label={t('declare.conflict')} data-testid="declare-conflict" />
            </Stack>
          </Radio.Group>
          <Textarea
            label={choice === 'conflict' ? t('declare.reasonRequired') : t('declare.reasonOptional')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="declare-reason"
          />
          {choice === 'conflict' ? (
            <Alert color="orange" variant="light">
              <Text size="sm">{t('declare.conflictEffect')}</Text>
              <Text size="sm" fw={600}>
                {t('declare.cannotUndo')}
              </Text>
            </Alert>
          ) : null}
          {declaring.error ? <ErrorNotice error={declaring.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => (choice === 'conflict' ? setConfirming(true) : void declaring.run())}
              disabled={!ready}
              loading={declaring.busy}
              color={choice === 'conflict' ? 'red' : undefined}
              data-testid="declare-submit"
            >
              {choice === 'conflict' ? t('declare.next') : t('declare.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
