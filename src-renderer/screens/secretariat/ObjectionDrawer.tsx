import { Alert, Badge, Button, Divider, Drawer, Group, SegmentedControl, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Objection } from '../../../src-main/domain/notices.js';
import type { ObjectionState } from '../../../src-main/domain/words.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDay } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { saveDownload } from '../../transport/files.js';

export const STATE_COLOR: Record<ObjectionState, string> = { received: 'yellow', accepted: 'blue', 'not-accepted': 'gray', upheld: 'red', rejected: 'teal' };

/** One objection: its particulars, the investigation notes, the next step its state allows, and the letter to the objector. */
export function ObjectionDrawer({ objection: o, onClose, onChanged }: { objection: Objection | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api, mode } = useApp();
  const [on, setOn] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'rejected' | 'upheld'>('rejected');
  const act = useAction(async (call: () => Promise<unknown>) => {
    await call();
    setText('');
    onChanged();
  });
  const printing = useAction(async () => {
    if (!o) return;
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    await saveDownload(api, mode, await api.call('objections.letter', { objectionId: o.id, lang }));
  });
  const day = (d: string | null) => (d ? formatDay(d, i18n.language) : '—');
  const ready = on !== '' && text.trim() !== '';

  return (
    <Drawer opened={o !== null} onClose={onClose} position="right" size="lg" title={o ? t('objections.drawerTitle', { number: o.number }) : ''} data-testid="objection-drawer">
      {o ? (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color={STATE_COLOR[o.state]} data-testid="objection-state">
              {t(`objections.states.${o.state}`)}
            </Badge>
            {o.overdue ? <Badge color="red">{t('objections.overdue')}</Badge> : null}
          </Group>
          <Text size="sm">{t('objections.about', { applicant: `${o.applicantCode} ${o.applicantName}`, notice: t(`notice.kinds.${o.noticeKind}`) })}</Text>
          <Text size="sm">{t('objections.from', { name: o.objectorName, kind: t(`objections.${o.objectorKind}`), contact: [o.organisation, o.phone, o.address].filter(Boolean).join(' · ') || '—' })}</Text>
          <Text size="sm">{t('objections.receivedLine', { on: day(o.receivedOn), by: day(o.acceptBy) })}</Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {o.grounds}
          </Text>
          {o.notes.length > 0 || o.decision ? (
            <Timeline bulletSize={14} lineWidth={2}>
              {o.acceptedOn ? <Timeline.Item title={t('objections.acceptedOn', { on: day(o.acceptedOn) })} /> : null}
              {o.notes.map((n) => (
                <Timeline.Item key={n.at} title={day(n.notedOn)}>
                  <Text size="sm">{n.text}</Text>
                </Timeline.Item>
              ))}
              {o.decision ? (
                <Timeline.Item title={t('objections.decidedOn', { on: day(o.decidedOn), state: t(`objections.states.${o.state}`) })}>
                  <Text size="sm" data-testid="objection-decision">
                    {o.decision}
                  </Text>
                </Timeline.Item>
              ) : null}
            </Timeline>
          ) : null}
          {o.state === 'upheld' ? (
            <Alert color="red" data-testid="objection-effect">
              {t(`objections.effect.${o.noticeKind}`)}
            </Alert>
          ) : null}
          <Divider />
          {o.state === 'received' || o.state === 'accepted' ? (
            <Stack gap="xs">
              <TextInput type="date" label={t('objections.stepDate')} value={on} onChange={(e) => setOn(e.currentTarget.value)} data-testid="objection-on" />
              {o.state === 'accepted' ? (
                <SegmentedControl
                  value={outcome}
                  onChange={(v) => setOutcome(v as 'rejected' | 'upheld')}
                  data={[
                    { value: 'rejected', label: t('objections.states.rejected') },
                    { value: 'upheld', label: t('objections.states.upheld') },
                  ]}
                  data-testid="objection-outcome"
                />
              ) : null}
              <Textarea label={t(o.state === 'received' ? 'objections.declineReason' : 'objections.noteOrFinding')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="objection-text" />
              <Group justify="flex-end" gap="xs">
                {o.state === 'received' ? (
                  <>
                    <Button variant="default" disabled={!ready} onClick={() => void act.run(() => api.call('objections.decline', { objectionId: o.id, on, reason: text.trim() }))} data-testid="objection-decline">
                      {t('objections.decline')}
                    </Button>
                    <Button disabled={on === ''} onClick={() => void act.run(() => api.call('objections.accept', { objectionId: o.id, on }))} data-testid="objection-accept">
                      {t('objections.accept')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button variant="default" disabled={!ready} onClick={() => void act.run(() => api.call('objections.note', { objectionId: o.id, on, text: text.trim() }))} data-testid="objection-note">
                      {t('objections.note')}
                    </Button>
                    <Button
                      color={outcome === 'upheld' ? 'red' : undefined}
                      disabled={!ready}
                      onClick={() => void act.run(() => api.call('objections.decide', { objectionId: o.id, on, upheld: outcome === 'upheld', finding: text.trim() }))}
                      data-testid="objection-decide"
                    >
                      {t('objections.decide')}
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          ) : null}
          {act.error ? <ErrorNotice error={act.error} /> : null}
          {o.state !== 'received' ? (
            <Group justify="flex-end">
              <Button variant="light" leftSection={<Icon name="file" size={14} />} onClick={() => void printing.run()} loading={printing.busy} data-testid="objection-letter">
                {t(o.state === 'accepted' ? 'objections.acceptanceLetter' : 'objections.replyLetter')}
              </Button>
            </Group>
          ) : null}
          {printing.error ? <ErrorNotice error={printing.error} /> : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
