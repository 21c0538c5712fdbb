import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Textarea, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { formatDateTime } from '../../format/datetime.js';
import type { Declaration } from '../../../src-main/domain/review.js';
import { LiftRecusalModal } from './LiftRecusalModal.js';

/** The recusal register (every declaration, conflict or not, and every imposed recusal), and a recusal the secretariat imposes when an expert failed to declare. */
export function RecusalsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const register = useCall('declarations.register', { editionId });
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
    return e ? `${e.code} ${e.name}` : id;
  };
  const applicantName = (id: string) => {
    const a = applicants.data?.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : id;
  };

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('recusals.registerTitle')}
        </Title>
        <Loadable state={register} empty={(list) => (list.length === 0 ? <Empty icon="gavel" title={t('recusals.none')} /> : null)}>
          {(list) => (
            <Table verticalSpacing="xs" data-testid="recusal-register">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applicant.name')}</Table.Th>
                  <Table.Th>{t('expert.name')}</Table.Th>
                  <Table.Th>{t('recusals.conflict')}</Table.Th>
                  <Table.Th>{t('recusals.reason')}</Table.Th>
                  <Table.Th>{t('recusals.source')}</Table.Th>
                  <Table.Th>{t('recusals.at')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={`${d.expertId}-${d.applicantId}-${d.source}`} data-conflict={d.conflict ? 'yes' : 'no'} opacity={d.lifted ? 0.6 : 1}>
                    <Table.Td>{applicantName(d.applicantId)}</Table.Td>
                    <Table.Td>{expertName(d.expertId)}</Table.Td>
                    <Table.Td>
                      <Badge variant={d.conflict ? 'filled' : 'light'} color={d.conflict ? 'red' : 'teal'}>
                        {t(d.conflict ? 'recusals.conflictYes' : 'recusals.conflictNo')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.reason}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={d.source === 'secretariat' ? 'red' : 'blue'}>
                        {t(`recusals.by.${d.source}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateTime(d.declaredAt, i18n.language)}</Table.Td>
                    <Table.Td ta="right">
                      {d.lifted ? (
                        <Tooltip label={`${formatDateTime(d.lifted.at, i18n.language)} ${d.lifted.reason}`} multiline maw={360}>
                          <Badge variant="outline" color="gray" data-testid="recusal-lifted">
                            {t('recusals.lifted')}
                          </Badge>
                        </Tooltip>
                      ) : d.conflict ? (
                        <Button size="compact-xs" variant="subtle" onClick={() => setLifting(d)} data-testid="recusal-lift">
                          {t('recusals.lift')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
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
