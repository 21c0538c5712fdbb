import { Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleOutcome } from '../../../src-main/domain/files.js';
import type { Localized } from '../../../src-main/domain/localized.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { asCallFailure } from '../../transport/errors.js';
import { toUpload } from '../../transport/files.js';
import { formatDateTime } from '../../format/datetime.js';
import { followIntake, intakeCalls } from '../../secretariat/intake.js';

const STATUS_COLOR = { accepted: 'green', duplicate: 'gray', refused: 'red' } as const;

/** Many result bundles at once: each verified on its own, so one bad file refuses only itself. */
export function IntakeTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const experts = useCall('experts.list', { editionId });
  const applicants = useCall('applicants.list', { editionId });
  const bundles = useCall('bundles.list', { editionId });
  const owed = useCall('results.owedWork', { editionId });
  const [outcomes, setOutcomes] = useState<BundleOutcome[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  // many files to a call, imported as a job of main's with its own progress and batching
  const intake = async (files: File[]) => {
    setOutcomes([]);
    setProgress({ done: 0, total: files.length });
    let before = 0;
    for (const call of intakeCalls(files)) {
      const refuseAll = (reason: Localized) =>
        setOutcomes((list) => [...list, ...call.map((file): BundleOutcome => ({ status: 'refused', fileName: file.name, reason }))]);
      try {
        const { jobId } = await api.call('bundles.intakeStart', { files: await Promise.all(call.map(toUpload)) });
        const last = await followIntake(api, jobId, (status) => setProgress({ done: before + status.done, total: files.length }));
        if (last.error) refuseAll(last.error.message);
        else setOutcomes((list) => [...list, ...last.outcomes]);
      } catch (e) {
        refuseAll(asCallFailure(e).localized);
      }
      before += call.length;
      setProgress({ done: before, total: files.length });
    }
    await Promise.all([bundles.reload(), owed.reload()]);
  };

  const expertName = (id: string) => experts.data?.find((e) => e.id === id)?.name ?? '—';
  const applicantName = (id: string) => {
    const a = applicants.data?.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : id;
  };

  return (
    <Stack gap="lg">
      <Group>
        <FilePick multiple onFiles={(files) => void intake(files)} loading={progress !== null && progress.done < progress.total} testId="intake-bundles">
          {t('intake.import')}
        </FilePick>
        <Text size="sm" c="dimmed">
          {t('intake.help')}
        </Text>
      </Group>
      {progress ? (
        <Stack gap={4} data-testid="intake-progress">
          <Progress value={(progress.done / progress.total) * 100} size="lg" animated={progress.done < progress.total} />
          <Text size="sm">{t('intake.progress', progress)}</Text>
        </Stack>
      ) : null}
      {outcomes.length > 0 ? (
        <Table withTableBorder verticalSpacing="xs" data-testid="intake-outcomes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('packages.file')}</Table.Th>
              <Table.Th>{t('intake.outcome')}</Table.Th>
              <Table.Th>{t('expert.name')}</Table.Th>
              <Table.Th>{t('intake.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcomes.map((o, i) => (
              <Table.Tr key={`${o.fileName}-${i}`} data-status={o.status}>
                <Table.Td>{o.fileName}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[o.status]}>{t(`intake.status.${o.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{o.status === 'refused' ? '—' : expertName(o.expertId)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {o.status === 'refused' ? l(o.reason) : o.status === 'accepted' ? t(o.replaced ? 'intake.acceptedReplacing' : 'intake.acceptedSheets', { sheets: o.sheets }) : t('intake.duplicateNote')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('intake.owedTitle')}
        </Title>
        <Loadable state={owed} empty={(list) => (list.length === 0 ? <Empty icon="check" title={t('intake.owedNone')} /> : null)}>
          {(list) => (
            <Table verticalSpacing={4} fz="sm" data-testid="owed-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('expert.name')}</Table.Th>
                  <Table.Th>{t('applicant.name')}</Table.Th>
                  <Table.Th>{t('common.stage')}</Table.Th>
                  <Table.Th>{t('intake.owes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((w) => (
                  <Table.Tr key={`${w.expertId}-${w.applicantId}-${w.stage}`}>
                    <Table.Td>{w.expertName}</Table.Td>
                    <Table.Td>{applicantName(w.applicantId)}</Table.Td>
                    <Table.Td>{t(`stage.${w.stage}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="orange">
                        {t(`intake.owed.${w.state}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loadable>
      </Card>
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('intake.historyTitle')}
        </Title>
        <Loadable state={bundles} empty={(list) => (list.length === 0 ? <Empty icon="inbox" title={t('intake.historyNone')} /> : null)}>
          {(list) => (
            <Table verticalSpacing={4} fz="sm" data-testid="bundles-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('intake.receivedAt')}</Table.Th>
                  <Table.Th>{t('expert.name')}</Table.Th>
                  <Table.Th>{t('intake.sequence')}</Table.Th>
                  <Table.Th>{t('intake.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((b, i) => (
                  <Table.Tr key={b.bundleId ?? `unread-${i}`}>
                    <Table.Td>{formatDateTime(b.receivedAt, i18n.language)}</Table.Td>
                    <Table.Td>{b.expertId === null ? b.fileName : expertName(b.expertId)}</Table.Td>
                    <Table.Td>{b.sequence ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={b.status === 'accepted' ? 'green' : b.status === 'superseded' ? 'gray' : 'red'}>
                        {t(`intake.record.${b.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loadable>
      </Card>
    </Stack>
  );
}
