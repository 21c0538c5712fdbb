import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../src-main/domain/notices.js';
import type { NoticeKind } from '../../../src-main/domain/words.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDay } from '../../format/datetime.js';
import { sourceText } from '../../format/sources.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { saveDownload } from '../../transport/files.js';
import { CalendarCard } from './CalendarCard.js';
import { FinalListCard } from './FinalListCard.js';

const PHASE_COLOR = { upcoming: 'gray', open: 'blue', closed: 'teal' } as const;

/** Public notices: issuing one with its period counted on the calendar, the lists they published, printing them, and the final list. */
export function NoticeTab({ edition }: { edition: EditionDetail }) {
  const notices = useCall('notices.list', { editionId: edition.id });
  const kinds: NoticeKind[] = edition.profile.acceptedNotice ? ['accepted-list', 'award-list'] : ['award-list'];

  return (
    <Stack gap="lg">
      <Loadable state={notices}>
        {(list) => (
          <Stack gap="lg">
            {list.map((n) => (
              <NoticeCard key={n.id} notice={n} editionName={edition.name} />
            ))}
            {kinds.some((k) => !list.some((n) => n.kind === k)) ? (
              <IssueCard key={list.length} editionId={edition.id} kinds={kinds.filter((k) => !list.some((n) => n.kind === k))} edition={edition} onIssued={() => void notices.reload()} />
            ) : null}
          </Stack>
        )}
      </Loadable>
      <FinalListCard editionId={edition.id} />
      <CalendarCard initialYear={new Date().getFullYear()} onChanged={() => void notices.reload()} />
    </Stack>
  );
}

function NoticeCard({ notice: n, editionName }: { notice: Notice; editionName: string }) {
  const { t, i18n } = useTranslation();
  const { api, mode } = useApp();
  const printing = useAction(async () => {
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    await saveDownload(api, mode, await api.call('notices.print', { noticeId: n.id, lang }));
  });
  return (
    <Card withBorder padding="md" data-testid={`notice-${n.kind}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={5}>{t(`notice.kinds.${n.kind}`)}</Title>
            <Badge color={PHASE_COLOR[n.phase]} variant="light" data-testid="notice-phase">
              {t(`notice.phase.${n.phase}`)}
            </Badge>
          </Group>
          <Button variant="light" size="xs" leftSection={<Icon name="file" size={14} />} onClick={() => void printing.run()} loading={printing.busy} data-testid="notice-print">
            {t('notice.print')}
          </Button>
        </Group>
        <Text size="sm" data-testid="notice-period">
          {t(n.working ? 'notice.periodWorking' : 'notice.periodDays', { start: formatDay(n.startDate, i18n.language), end: formatDay(n.endDate, i18n.language), days: n.days })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('notice.objectionsTo', { office: [n.contact.office, n.contact.address, n.contact.phone, n.contact.email].filter(Boolean).join(' · ') })}
        </Text>
        {n.uncoveredYears.length > 0 ? <Alert color="yellow">{t('notice.uncovered', { years: n.uncoveredYears.join(', '), edition: editionName })}</Alert> : null}
        <Table striped withTableBorder fz="sm" data-testid="notice-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('notice.code')}</Table.Th>
              <Table.Th>{t('notice.name')}</Table.Th>
              {n.kind === 'award-list' ? <Table.Th w={120}>{t('notice.designation')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {n.entries.map((e) => (
              <Table.Tr key={e.applicantId}>
                <Table.Td>{e.code}</Table.Td>
                <Table.Td>{e.name}</Table.Td>
                {n.kind === 'award-list' ? <Table.Td>{e.designation ? t(`notice.designations.${e.designation}`) : '—'}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {printing.error ? <ErrorNotice error={printing.error} /> : null}
      </Stack>
    </Card>
  );
}

function IssueCard({ editionId, kinds, edition, onIssued }: { editionId: string; kinds: NoticeKind[]; edition: EditionDetail; onIssued(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [kind, setKind] = useState<NoticeKind>(kinds[kinds.length - 1]!);
  const [startDate, setStart] = useState('');
  const [office, setOffice] = useState(edition.settings.issuingBody ?? '');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const length = kind === 'award-list' ? edition.profile.notice : edition.profile.acceptedNotice;
  const issuing = useAction(async () => {
    await api.call('notices.issue', { editionId, kind, startDate, contact: { office: office.trim(), address, phone, email } });
    onIssued();
  });
  return (
    <Card withBorder padding="md" data-testid="notice-issue-card">
      <Stack gap="sm">
        <Title order={5}>{t('notice.issueTitle')}</Title>
        {length ? (
          <Text size="sm" c="dimmed">
            {t(length.working ? 'notice.lengthWorking' : 'notice.lengthDays', { days: length.days, source: sourceText(edition.profile.sources[kind === 'award-list' ? 'notice' : 'acceptedNotice'], i18n.language) })}
          </Text>
        ) : null}
        <SimpleGrid cols={3}>
          <Select label={t('notice.kind')} data={kinds.map((k) => ({ value: k, label: t(`notice.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as NoticeKind)} allowDeselect={false} data-testid="notice-kind" />
          <TextInput type="date" label={t('notice.start')} value={startDate} onChange={(e) => setStart(e.currentTarget.value)} data-testid="notice-start" />
          <TextInput label={t('notice.office')} value={office} onChange={(e) => setOffice(e.currentTarget.value)} data-testid="notice-office" />
          <TextInput label={t('notice.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} data-testid="notice-address" />
          <TextInput label={t('notice.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} data-testid="notice-phone" />
          <TextInput label={t('notice.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-testid="notice-email" />
        </SimpleGrid>
        {issuing.error ? <ErrorNotice error={issuing.error} /> : null}
        <Group justify="flex-end">
          <Button onClick={() => void issuing.run()} disabled={startDate === '' || office.trim() === ''} loading={issuing.busy} data-testid="notice-issue">
            {t('notice.issue')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
