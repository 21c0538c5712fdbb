import { Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleOutcome, BundleRecord } from '../../../src-main/domain/files.js';
import type { Localized } from '../../../src-main/domain/localized.js';
import type { OwedWork } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { asCallFailure } from '../../transport/errors.js';
import { toUpload } from '../../transport/files.js';
import { formatDateTime } from '../../format/datetime.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { followIntake, intakeCalls } from '../../secretariat/intake.js';

const STATUS_COLOR = { accepted: 'green', duplicate: 'gray', refused: 'red' } as const;

type Numbered<T> = T & { n: number };

/** Many result bundles at once: each verified on its own, so one bad file refuses only itself. */
export function IntakeTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const experts = useCall('experts.list', { editionId });
  const applicants = useCall('applicants.list', { editionId });
  const bundles = useCall('bundles.list', { editionId });
  const timeZone = useTimeZone(editionId);
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
  // a bundle refused unread has no sender but its file name
  const sender = (b: BundleRecord) => (b.expertId === null ? b.fileName : expertName(b.expertId));
  const applicantName = (id: string) => {
    const a = applicants.data?.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : '—';
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
        <ListTable<Numbered<BundleOutcome>>
          testId="intake-outcomes"
          records={outcomes.map((o, n) => ({ ...o, n }))}
          idAccessor={(o) => String(o.n)}
          searchText={(o) => `${o.fileName} ${o.status === 'refused' ? l(o.reason) : expertName(o.expertId)}`}
          rowAttributes={(o) => ({ 'data-status': o.status })}
          filters={[{ key: 'status', label: t('intake.outcome'), options: (['accepted', 'duplicate', 'refused'] as const).map((v) => ({ value: v, label: t(`intake.status.${v}`) })), test: (o, v) => o.status === v }]}
          columns={[
            { accessor: 'fileName', title: t('packages.file'), sortValue: (o) => o.fileName },
            { accessor: 'status', title: t('intake.outcome'), width: 100, sortValue: (o) => o.status, render: (o) => <Badge color={STATUS_COLOR[o.status]}>{t(`intake.status.${o.status}`)}</Badge> },
            { accessor: 'expert', title: t('expert.name'), width: 140, sortValue: (o) => (o.status === 'refused' ? null : expertName(o.expertId)), render: (o) => (o.status === 'refused' ? '—' : expertName(o.expertId)) },
            {
              accessor: 'detail',
              title: t('intake.detail'),
              render: (o) => (
                <Text size="sm">
                  {o.status === 'refused' ? l(o.reason) : o.status === 'accepted' ? t(o.replaced ? 'intake.acceptedReplacing' : 'intake.acceptedSheets', { sheets: o.sheets }) : t('intake.duplicateNote')}
                </Text>
              ),
            },
          ]}
        />
      ) : null}
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('intake.owedTitle')}
        </Title>
        <Loadable
          state={owed}
          empty={(list) =>
            list.length === 0 ? (
              (bundles.data?.length ?? 0) === 0 ? (
                <Empty icon="inbox" title={t('guide.nothingOwedTitle')} description={t('guide.nothingOwed')} />
              ) : (
                <Empty icon="check" title={t('intake.owedNone')} description={t('guide.owedNone')} />
              )
            ) : null
          }
        >
          {(list) => (
            <ListTable<OwedWork>
              testId="owed-table"
              records={list}
              idAccessor={(w) => `${w.expertId}-${w.applicantId}-${w.stage}`}
              searchText={(w) => `${w.expertName} ${applicantName(w.applicantId)}`}
              searchPlaceholder={t('table.searchPeople')}
              initialSort={{ column: 'expert', direction: 'asc' }}
              filters={[
                { key: 'stage', label: t('common.stage'), options: [...new Set(list.map((w) => w.stage))].map((s) => ({ value: s, label: t(`stage.${s}`) })), test: (w, v) => w.stage === v },
                { key: 'state', label: t('intake.owes'), options: (['no-bundle', 'undeclared', 'not-submitted', 'returned'] as const).map((v) => ({ value: v, label: t(`intake.owed.${v}`) })), test: (w, v) => w.state === v },
              ]}
              fz="sm"
              columns={[
                { accessor: 'expert', title: t('expert.name'), sortValue: (w) => w.expertName, render: (w) => w.expertName },
                { accessor: 'applicant', title: t('applicant.name'), sortValue: (w) => applicantName(w.applicantId), render: (w) => applicantName(w.applicantId) },
                { accessor: 'stage', title: t('common.stage'), width: 110, sortValue: (w) => w.stage, render: (w) => t(`stage.${w.stage}`) },
                {
                  accessor: 'state',
                  title: t('intake.owes'),
                  width: 160,
                  sortValue: (w) => w.state,
                  render: (w) => (
                    <Badge variant="light" color="orange">
                      {t(`intake.owed.${w.state}`)}
                    </Badge>
                  ),
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Card withBorder padding="md">
        <Title order={5} mb="sm">
          {t('intake.historyTitle')}
        </Title>
        <Loadable state={bundles} empty={(list) => (list.length === 0 ? <Empty icon="inbox" title={t('intake.historyNone')} description={t('guide.historyNone')} /> : null)}>
          {(list) => (
            <ListTable<BundleRecord>
              testId="bundles-table"
              records={list}
              idAccessor={(b) => b.bundleId ?? `unread-${b.receivedAt}-${b.fileName}`}
              searchText={(b) => `${sender(b)} ${b.reason ? l(b.reason) : ''}`}
              searchPlaceholder={t('table.searchExperts')}
              initialSort={{ column: 'receivedAt', direction: 'desc' }}
              filters={[{ key: 'status', label: t('intake.outcome'), options: (['accepted', 'superseded', 'refused'] as const).map((v) => ({ value: v, label: t(`intake.record.${v}`) })), test: (b, v) => b.status === v }]}
              columns={[
                { accessor: 'receivedAt', title: t('intake.receivedAt'), width: 160, sortValue: (b) => b.receivedAt, render: (b) => formatDateTime(b.receivedAt, i18n.language, timeZone) },
                { accessor: 'expert', title: t('expert.name'), sortValue: (b) => sender(b), render: (b) => sender(b) },
                { accessor: 'sequence', title: t('intake.sequence'), width: 80, textAlign: 'right', sortValue: (b) => b.sequence, render: (b) => b.sequence ?? '—' },
                {
                  accessor: 'status',
                  title: t('intake.outcome'),
                  sortValue: (b) => b.status,
                  render: (b) => (
                    <Group gap={6} wrap="nowrap">
                      <Badge variant="light" color={b.status === 'accepted' ? 'green' : b.status === 'superseded' ? 'gray' : 'red'}>
                        {t(`intake.record.${b.status}`)}
                      </Badge>
                      {b.reason ? <Text size="xs" c="dimmed">{l(b.reason)}</Text> : null}
                    </Group>
                  ),
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
    </Stack>
  );
}
