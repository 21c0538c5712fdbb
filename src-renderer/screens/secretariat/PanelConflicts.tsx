import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { ErrorNotice } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { SuggestionRow, type Suggestion } from './ConflictWarnings.js';

/**
 * The conflict suggestions of one panel, where the clerk assigns: every member with every
 * applicant assigned or picked to be (`pending`), each with its reason. An open one is settled
 * here — no conflict, with the reason, or a recusal imposed — and a settled one says how it was.
 */
export function PanelConflicts({ panel, experts, applicants, pending, onSettled }: { panel: Panel; experts: Expert[]; applicants: Applicant[]; pending: string[]; onSettled(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const suggestions = useCall('conflicts.forPanel', { panelId: panel.id, applicantIds: pending });
  // an assignment, a new member or a substitute brings new pairs: ask again whenever the panel changes
  const people = JSON.stringify([panel.memberIds, panel.applicantIds, panel.substitutes.map((s) => [s.expertId, s.applicantId])]);
  const [shown, setShown] = useState(people);
  if (shown !== people) {
    setShown(people);
    void suggestions.reload();
  }
  if (suggestions.error) return <ErrorNotice error={suggestions.error} onRetry={() => void suggestions.reload()} />;
  const list = suggestions.data ?? [];
  if (list.length === 0) return null;
  const open = list.filter((s) => s.state === 'open');
  const settled = list.filter((s) => s.state !== 'open');
  const who = (s: Suggestion) => {
    const e = experts.find((x) => x.id === s.expertId);
    const a = applicants.find((x) => x.id === s.applicantId);
    const later = panel.applicantIds.includes(s.applicantId) ? '' : t('conflicts.pending');
    return `${e?.code ?? ''} ${e?.name ?? ''} · ${a?.code ?? ''} ${a?.name ?? ''}${later}`;
  };
  return (
    <Alert
      color={open.length > 0 ? 'orange' : 'gray'}
      variant="light"
      title={
        <Group gap="xs">
          {t('conflicts.panelTitle')}
          {open.length > 0 ? <Badge color="orange">{open.length}</Badge> : null}
        </Group>
      }
      data-testid="panel-conflicts"
    >
      <Stack gap="sm">
        {open.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('conflicts.panelHelp')}
          </Text>
        ) : null}
        {open.map((s) => (
          <SuggestionRow
            key={`${s.expertId}-${s.applicantId}-${s.basis}`}
            s={s}
            who={who(s)}
            onDone={() => {
              void suggestions.reload();
              onSettled();
            }}
          />
        ))}
        {settled.map((s) => (
          <Text key={`${s.expertId}-${s.applicantId}-${s.basis}`} size="xs" c="dimmed" data-testid="conflict-settled">
            {t('conflicts.line', { who: who(s), reason: l(s.reason) })} — {s.state === 'recused' ? t('conflicts.recused') : t('conflicts.checked', { reason: s.checked?.reason ?? '' })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
