import { ActionIcon, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeTie, CommitteeView } from '../../../src-main/domain/committee.js';
import type { ApplicantRef } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { Icon } from '../../components/icons.js';
import { useAction } from '../../hooks/useAction.js';

/** The committee's minutes as the clerk enters them after the meeting: each one dated and named. */

const today = (): string => new Date().toISOString().slice(0, 10);

function useMeeting() {
  const [heldOn, setHeldOn] = useState(today);
  const [meeting, setMeeting] = useState('');
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(heldOn) && meeting.trim() !== '';
  return { heldOn, meeting: meeting.trim(), ok, setHeldOn, setMeeting };
}

function MeetingFields({ m }: { m: ReturnType<typeof useMeeting> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2}>
      <TextInput type="date" label={t('committee.heldOn')} value={m.heldOn} onChange={(e) => m.setHeldOn(e.currentTarget.value)} data-testid="committee-date" />
      <TextInput label={t('committee.meeting')} placeholder={t('committee.meetingHint')} value={m.meeting} onChange={(e) => m.setMeeting(e.currentTarget.value)} data-testid="committee-meeting" data-autofocus />
    </SimpleGrid>
  );
}

function Actions({ onClose, onSave, disabled, busy, label }: { onClose(): void; onSave(): void; disabled: boolean; busy: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button onClick={onSave} disabled={disabled} loading={busy} data-testid="committee-save">
        {label}
      </Button>
    </Group>
  );
}

/** The committee's confirmation of the shortlist or of the proposed award list. */
export function ConfirmModal({ editionId, subject, onClose, onDone }: { editionId: string; subject: 'shortlist' | 'award-list' | null; onClose(): void; onDone(view: CommitteeView): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const m = useMeeting();
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const saving = useAction(async () => {
    const input = { editionId, heldOn: m.heldOn, meeting: m.meeting, confirmedBy: by.trim(), note: note.trim() || null };
    onDone(await api.call(subject === 'shortlist' ? 'committee.confirmShortlist' : 'committee.confirmList', input));
  });
  return (
    <Modal opened={subject !== null} onClose={onClose} title={t(subject === 'shortlist' ? 'committee.confirmShortlist' : 'committee.confirmList')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(subject === 'shortlist' ? 'committee.confirmShortlistHint' : 'committee.confirmListHint')}
        </Text>
        <MeetingFields m={m} />
        <TextInput label={t('committee.confirmedBy')} placeholder={t('committee.confirmedByHint')} value={by} onChange={(e) => setBy(e.currentTarget.value)} data-testid="committee-by" />
        <Textarea label={t('committee.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
        {saving.error ? <ErrorNotice error={saving.error} /> : null}
        <Actions onClose={onClose} onSave={() => void saving.run()} disabled={!m.ok || by.trim() === ''} busy={saving.busy} label={t('committee.record')} />
      </Stack>
    </Modal>
  );
}

/** The order the committee decided among tied applicants, first placed first, with how and why. */
export function SettleTieModal({ editionId, tie, onClose, onDone }: { editionId: string; tie: CommitteeTie | null; onClose(): void; onDone(view: CommitteeView): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const m = useMeeting();
  const [order, setOrder] = useState<ApplicantRef[]>(tie?.applicants ?? []);
  const [shownFor, setShownFor] = useState<CommitteeTie | null>(tie);
  const [method, setMethod] = useState('');
  const [by, setBy] = useState('');
  const [reason, setReason] = useState('');
  if (tie !== shownFor) {
    setShownFor(tie);
    setOrder(tie?.applicants ?? []);
  }
  const move = (i: number, by: number) => {
    const next = [...order];
    const [a] = next.splice(i, 1);
    if (a) next.splice(i + by, 0, a);
    setOrder(next);
  };
  const saving = useAction(async () => {
    if (!tie) return;
    onDone(await api.call('committee.settleTie', { editionId, heldOn: m.heldOn, meeting: m.meeting, scope: tie.scope, order: order.map((a) => a.id), method: method.trim(), settledBy: by.trim(), reason: reason.trim() }));
  });
  return (
    <Modal opened={tie !== null} onClose={onClose} title={t('committee.settleTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('committee.settleHint', { places: tie?.places ?? 0 })}
        </Text>
        <Stack gap={4} data-testid="tie-order">
          {order.map((a, i) => (
            <Group key={a.id} gap="xs" data-testid={`tie-order-${a.code}`}>
              <Text size="sm" w={24} ta="right">
                {i + 1}.
              </Text>
              <Text size="sm" style={{ flex: 1 }}>
                {a.code} {a.name}
              </Text>
              <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('committee.moveUp')} data-testid={`tie-up-${a.code}`}>
                <Icon name="chevronUp" size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={t('committee.moveDown')}>
                <Icon name="chevronDown" size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <MeetingFields m={m} />
        <SimpleGrid cols={2}>
          <TextInput label={t('committee.method')} placeholder={t('committee.methodHint')} value={method} onChange={(e) => setMethod(e.currentTarget.value)} data-testid="tie-method" />
          <TextInput label={t('committee.settledBy')} value={by} onChange={(e) => setBy(e.currentTarget.value)} data-testid="tie-by" />
        </SimpleGrid>
        <Textarea label={t('committee.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={1000} data-testid="tie-reason" />
        {saving.error ? <ErrorNotice error={saving.error} /> : null}
        <Actions onClose={onClose} onSave={() => void saving.run()} disabled={!m.ok || !method.trim() || !by.trim() || !reason.trim()} busy={saving.busy} label={t('committee.record')} />
      </Stack>
    </Modal>
  );
}

const COUNTS = ['voters', 'votesFor', 'votesAgainst', 'abstentions', 'invalid'] as const;
type Counts = Record<(typeof COUNTS)[number], number | string>;

/** One candidate's secret-ballot count (Xinyang art. 21), as the scrutineers read it out. */
export function TallyModal({ editionId, applicant, onClose, onDone }: { editionId: string; applicant: ApplicantRef | null; onClose(): void; onDone(view: CommitteeView): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const m = useMeeting();
  const [counts, setCounts] = useState<Counts>({ voters: '', votesFor: '', votesAgainst: 0, abstentions: 0, invalid: 0 });
  const numbers = COUNTS.map((k) => (typeof counts[k] === 'number' ? (counts[k] as number) : null));
  const saving = useAction(async () => {
    if (!applicant || numbers.some((n) => n === null)) return;
    const [voters, votesFor, votesAgainst, abstentions, invalid] = numbers as number[];
    onDone(await api.call('committee.recordTally', { editionId, heldOn: m.heldOn, meeting: m.meeting, applicantId: applicant.id, voters: voters!, votesFor: votesFor!, votesAgainst: votesAgainst!, abstentions: abstentions!, invalid: invalid! }));
  });
  return (
    <Modal opened={applicant !== null} onClose={onClose} title={t('committee.tallyTitle', { applicant: applicant ? `${applicant.code} ${applicant.name}` : '' })} size="lg">
      <Stack gap="sm">
        <MeetingFields m={m} />
        <SimpleGrid cols={5}>
          {COUNTS.map((k) => (
            <NumberInput key={k} label={t(`committee.count.${k}`)} min={0} allowDecimal={false} value={counts[k]} onChange={(v) => setCounts({ ...counts, [k]: v })} data-testid={`tally-${k}`} />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('committee.tallyHint')}
        </Text>
        {saving.error ? <ErrorNotice error={saving.error} /> : null}
        <Actions onClose={onClose} onSave={() => void saving.run()} disabled={!m.ok || numbers.some((n) => n === null)} busy={saving.busy} label={t('committee.record')} />
      </Stack>
    </Modal>
  );
}
