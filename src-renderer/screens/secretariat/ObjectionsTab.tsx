import { Badge, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Objection } from '../../../src-main/domain/notices.js';
import type { ObjectorKind } from '../../../src-main/domain/words.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDay } from '../../format/datetime.js';
import { sourceText } from '../../format/sources.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { ObjectionDrawer, STATE_COLOR } from './ObjectionDrawer.js';

/** The objection register: each objection received, under real name, with its deadline, investigation and decision. */
export function ObjectionsTab({ edition }: { edition: EditionDetail }) {
  const { t, i18n } = useTranslation();
  const objections = useCall('objections.list', { editionId: edition.id });
  const notices = useCall('notices.list', { editionId: edition.id });
  const [openId, setOpenId] = useState<string | null>(null);
  const open = objections.data?.find((o) => o.id === openId) ?? null;

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('objections.registerTitle')}
        </Title>
        <Loadable state={objections}>
          {(list) => (
            <ListTable<Objection>
              testId="objection-register"
              records={list}
              idAccessor={(o) => o.id}
              searchText={(o) => `${o.objectorName} ${o.applicantCode} ${o.applicantName} ${o.grounds}`}
              searchPlaceholder={t('objections.search')}
              initialSort={{ column: 'number', direction: 'asc' }}
              onRowClick={(o) => setOpenId(o.id)}
              rowAttributes={(o) => ({ 'data-state': o.state })}
              empty={{ title: t('objections.none'), description: t('objections.noneHint') }}
              columns={[
                { accessor: 'number', title: t('objections.number'), width: 70, sortValue: (o) => o.number, render: (o) => `#${o.number}` },
                { accessor: 'receivedOn', title: t('objections.receivedOn'), width: 140, sortValue: (o) => o.receivedOn, render: (o) => formatDay(o.receivedOn, i18n.language) },
                { accessor: 'objectorName', title: t('objections.objector'), render: (o) => o.objectorName },
                { accessor: 'applicant', title: t('objections.applicant'), sortValue: (o) => o.applicantCode, render: (o) => `${o.applicantCode} ${o.applicantName}` },
                {
                  accessor: 'state',
                  title: t('objections.state'),
                  width: 190,
                  render: (o) => (
                    <Group gap={4}>
                      <Badge variant="light" color={STATE_COLOR[o.state]}>
                        {t(`objections.states.${o.state}`)}
                      </Badge>
                      {o.overdue ? (
                        <Badge color="red" variant="filled" data-testid="objection-overdue">
                          {t('objections.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  ),
                },
                { accessor: 'acceptBy', title: t('objections.acceptBy'), width: 140, render: (o) => (o.acceptBy ? formatDay(o.acceptBy, i18n.language) : '—') },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Loadable state={notices} empty={(list) => (list.length === 0 ? <Empty icon="inbox" title={t('objections.noNotice')} description={t('objections.noNoticeHint')} /> : null)}>
        {(list) => <RegisterCard edition={edition} notices={list} onRegistered={() => void objections.reload()} />}
      </Loadable>
      <ObjectionDrawer objection={open} onClose={() => setOpenId(null)} onChanged={() => void objections.reload()} />
    </Stack>
  );
}

function RegisterCard({ edition, notices, onRegistered }: { edition: EditionDetail; notices: { id: string; kind: string; entries: { applicantId: string; code: string; name: string }[] }[]; onRegistered(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [noticeId, setNoticeId] = useState<string>(notices[notices.length - 1]!.id);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [objectorKind, setObjectorKind] = useState<ObjectorKind>('person');
  const [objectorName, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [receivedOn, setReceived] = useState('');
  const [grounds, setGrounds] = useState('');
  const notice = notices.find((n) => n.id === noticeId) ?? notices[0]!;
  const registering = useAction(async () => {
    if (!applicantId) return;
    await api.call('objections.register', { noticeId: notice.id, applicantId, objectorKind, objectorName, organisation, phone, address, receivedOn, grounds: grounds.trim() });
    setName('');
    setOrganisation('');
    setPhone('');
    setAddress('');
    setGrounds('');
    setApplicantId(null);
    onRegistered();
  });
  return (
    <Card withBorder padding="md" data-testid="objection-register-card">
      <Stack gap="sm">
        <Title order={5}>{t('objections.registerNew')}</Title>
        <Text size="sm" c="dimmed">
          {t('objections.realNameHint', { source: sourceText(edition.profile.sources.objections, i18n.language) })}
        </Text>
        <SimpleGrid cols={3}>
          <Select
            label={t('objections.notice')}
            data={notices.map((n) => ({ value: n.id, label: t(`notice.kinds.${n.kind}`) }))}
            value={notice.id}
            onChange={(v) => {
              if (v) setNoticeId(v);
              setApplicantId(null);
            }}
            allowDeselect={false}
            data-testid="objection-notice"
          />
          <Select label={t('objections.applicant')} data={notice.entries.map((e) => ({ value: e.applicantId, label: `${e.code} ${e.name}` }))} value={applicantId} onChange={setApplicantId} searchable data-testid="objection-applicant" />
          <TextInput type="date" label={t('objections.receivedOn')} value={receivedOn} onChange={(e) => setReceived(e.currentTarget.value)} data-testid="objection-received" />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('objections.objectorKind')}
            </Text>
            <SegmentedControl
              value={objectorKind}
              onChange={(v) => setObjectorKind(v as ObjectorKind)}
              data={[
                { value: 'person', label: t('objections.person') },
                { value: 'organisation', label: t('objections.organisation') },
              ]}
            />
          </Stack>
          <TextInput label={t(objectorKind === 'person' ? 'objections.personName' : 'objections.orgName')} value={objectorName} onChange={(e) => setName(e.currentTarget.value)} data-testid="objection-name" />
          <TextInput label={t(objectorKind === 'person' ? 'objections.workplace' : 'objections.orgAddress')} value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} />
          <TextInput label={t('objections.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} data-testid="objection-phone" />
          <TextInput label={t('objections.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea label={t('objections.grounds')} value={grounds} onChange={(e) => setGrounds(e.currentTarget.value)} autosize minRows={2} data-testid="objection-grounds" />
        {registering.error ? <ErrorNotice error={registering.error} /> : null}
        <Group justify="flex-end">
          <Button onClick={() => void registering.run()} disabled={!applicantId || receivedOn === '' || grounds.trim() === ''} loading={registering.busy} data-testid="objection-register">
            {t('objections.register')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
