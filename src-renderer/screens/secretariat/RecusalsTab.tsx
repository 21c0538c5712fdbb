import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Textarea, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { formatDateTime } from '../../format/datetime.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import type { Declaration } from '../../../src-main/domain/review.js';
import { LiftRecusalModal } from './LiftRecusalModal.js';

/** The recusal register (every declaration, conflict or not, and every imposed recusal), and a recusal the secretariat imposes when an expert failed to declare. */
export function RecusalsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const register = useCall('declarations.register', { editionId });
  const timeZone = useTimeZone(editionId);
  const experts = useCall('experts.list', { editionId });
  const applicants = useCall('applicants.list', { editionId });
  const [expertId, setExpertId] = useState<string | null>(null);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [lifting, setLifting] = useState<Declaration | null>(null);
  const imposing = useAction(async () => {
    if (!expertId || !applicantId) return;
    await api.call('declarations.impose', { expertId, applicantId, reason: reason.trim() });
    setReason('');
    setApplicantId(null);
    await register.reload();
  });
  const expertName = (id: string) => {
    const e = experts.data?.find((x) => x.id === id);
    return e ? `${e.code} ${e.name}` : '—';
  };
  const applicantName = (id: string) => {
    const a = applicants.data?.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : '—';
  };

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('recusals.registerTitle')}
        </Title>
        <Loadable state={register} empty={(list) => (list.length === 0 ? <Empty icon="gavel" title={t('recusals.none')} description={t('guide.recusalsNone')} /> : null)}>
          {(list) => (
            <ListTable<Declaration>
              testId="recusal-register"
              records={list}
              idAccessor={(d) => `${d.expertId}-${d.applicantId}-${d.source}`}
              searchText={(d) => `${applicantName(d.applicantId)} ${expertName(d.expertId)} ${d.reason} ${d.lifted?.reason ?? ''}`}
              searchPlaceholder={t('table.searchPeople')}
              initialSort={{ column: 'applicant', direction: 'asc' }}
              dimmed={(d) => d.lifted !== null}
              rowAttributes={(d) => ({ 'data-conflict': d.conflict ? 'yes' : 'no' })}
              filters={[
                {
                  key: 'conflict',
                  label: t('recusals.conflict'),
                  options: [
                    { value: 'yes', label: t('recusals.conflictYes') },
                    { value: 'no', label: t('recusals.conflictNo') },
                  ],
                  test: (d, v) => d.conflict === (v === 'yes'),
                },
                { key: 'source', label: t('recusals.source'), options: (['expert', 'secretariat'] as const).map((v) => ({ value: v, label: t(`recusals.by.${v}`) })), test: (d, v) => d.source === v },
                {
                  key: 'lifted',
                  label: t('recusalFix.standing'),
                  options: [
                    { value: 'standing', label: t('recusalFix.standingYes') },
                    { value: 'lifted', label: t('recusals.lifted') },
                  ],
                  test: (d, v) => (d.lifted !== null) === (v === 'lifted'),
                },
              ]}
              columns={[
                { accessor: 'applicant', title: t('applicant.name'), sortValue: (d) => applicantName(d.applicantId), render: (d) => applicantName(d.applicantId) },
                { accessor: 'expert', title: t('expert.name'), sortValue: (d) => expertName(d.expertId), render: (d) => expertName(d.expertId) },
                {
                  accessor: 'conflict',
                  title: t('recusals.conflict'),
                  width: 130,
                  sortValue: (d) => (d.conflict ? 0 : 1),
                  render: (d) => (
                    <Badge variant={d.conflict ? 'filled' : 'light'} color={d.conflict ? 'red' : 'teal'}>
                      {t(d.conflict ? 'recusals.conflictYes' : 'recusals.conflictNo')}
                    </Badge>
                  ),
                },
                { accessor: 'reason', title: t('recusals.reason'), render: (d) => d.reason || '—' },
                {
                  accessor: 'source',
                  title: t('recusals.source'),
                  width: 110,
                  sortValue: (d) => d.source,
                  render: (d) => (
                    <Badge variant="light" color={d.source === 'secretariat' ? 'red' : 'blue'}>
                      {t(`recusals.by.${d.source}`)}
                    </Badge>
                  ),
                },
                { accessor: 'declaredAt', title: t('recusals.at'), width: 150, sortValue: (d) => d.declaredAt, render: (d) => formatDateTime(d.declaredAt, i18n.language, timeZone) },
                {
                  accessor: 'actions',
                  title: '',
                  width: 100,
                  textAlign: 'right',
                  render: (d) =>
                    d.lifted ? (
                      <Tooltip label={`${formatDateTime(d.lifted.at, i18n.language, timeZone)} ${d.lifted.reason}`} multiline maw={360}>
                        <Badge variant="outline" color="gray" data-testid="recusal-lifted">
                          {t('recusals.lifted')}
                        </Badge>
                      </Tooltip>
                    ) : d.conflict ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => setLifting(d)} data-testid="recusal-lift">
                        {t('recusals.lift')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={5}>{t('recusals.imposeTitle')}</Title>
          <SimpleGrid cols={2}>
            <Select label={t('expert.name')} data={(experts.data ?? []).map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))} value={expertId} onChange={setExpertId} searchable data-testid="recusal-expert" />
            <Select label={t('applicant.name')} data={(applicants.data ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))} value={applicantId} onChange={setApplicantId} searchable data-testid="recusal-applicant" />
          </SimpleGrid>
          <Textarea label={t('recusals.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="recusal-reason" />
          {imposing.error ? <ErrorNotice error={imposing.error} /> : null}
          <Group justify="flex-end">
            <Button color="red" onClick={() => void imposing.run()} disabled={!expertId || !applicantId || reason.trim() === ''} loading={imposing.busy} data-testid="recusal-impose">
              {t('recusals.impose')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <LiftRecusalModal
        declaration={lifting}
        pair={lifting ? `${expertName(lifting.expertId)} · ${applicantName(lifting.applicantId)}` : ''}
        onClose={() => setLifting(null)}
        onLifted={() => {
          setLifting(null);
          void register.reload();
        }}
      />
    </Stack>
  );
}
