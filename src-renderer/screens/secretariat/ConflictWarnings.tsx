import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';

export type Suggestion = { expertId: string; applicantId: string; basis: 'organisation' | 'credit-code' | 'reviewed-before' | 'declared-before'; reason: { zh: string; en: string } };

/** One open suggestion: the clerk clears it with a reason, or imposes the recusal with one. */
export function SuggestionRow({ s, who, onDone }: { s: Suggestion; who: string; onDone(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const clearing = useAction(async () => {
    await api.call('conflicts.check', { expertId: s.expertId, applicantId: s.applicantId, basis: s.basis, reason });
    onDone();
  });
  const imposing = useAction(async () => {
    await api.call('declarations.impose', { expertId: s.expertId, applicantId: s.applicantId, reason: reason.trim() || l(s.reason) });
    onDone();
  });
  return (
    <Stack gap={4} data-testid="conflict-suggestion">
      <Text size="sm">{t('conflicts.line', { who, reason: l(s.reason) })}</Text>
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" placeholder={t('conflicts.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} data-testid="conflict-reason" />
        <Button size="compact-sm" variant="light" disabled={reason.trim() === ''} loading={clearing.busy} onClick={() => void clearing.run()} data-testid="conflict-clear">
          {t('conflicts.clear')}
        </Button>
        <Button size="compact-sm" variant="light" color="red" loading={imposing.busy} onClick={() => void imposing.run()} data-testid="conflict-impose">
          {t('conflicts.impose')}
        </Button>
      </Group>
      {clearing.error ? <ErrorNotice error={clearing.error} /> : null}
      {imposing.error ? <ErrorNotice error={imposing.error} /> : null}
    </Stack>
  );
}

/**
 * Conflict suggestions for the experts seated on each applicant's panel: warnings with their
 * reason, not blocks; each waits for the clerk's answer. `version` changes whenever the panels do.
 */
export function ConflictWarnings({ editionId, experts, applicants, version }: { editionId: string; experts: Expert[]; applicants: Applicant[]; version: number }) {
  const { t } = useTranslation();
  const suggestions = useCall('conflicts.suggest', { editionId });
  const [shown, setShown] = useState(version);
  if (shown !== version) {
    setShown(version);
    void suggestions.reload();
  }
  const open = (suggestions.data ?? []).filter((s) => s.state === 'open');
  if (open.length === 0) return null;
  const who = (s: Suggestion) => {
    const e = experts.find((x) => x.id === s.expertId);
    const a = applicants.find((x) => x.id === s.applicantId);
    return `${e?.code ?? ''} ${e?.name ?? ''} · ${a?.code ?? ''} ${a?.name ?? ''}`;
  };
  return (
    <Alert color="orange" variant="light" title={<Group gap="xs">{t('conflicts.title')}<Badge color="orange">{open.length}</Badge></Group>} data-testid="conflict-warnings">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('conflicts.help')}
        </Text>
        {open.map((s) => (
          <SuggestionRow key={`${s.expertId}-${s.applicantId}-${s.basis}`} s={s} who={who(s)} onDone={() => void suggestions.reload()} />
        ))}
      </Stack>
    </Alert>
  );
}
