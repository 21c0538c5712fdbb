import { Alert, Badge, Button, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageDownload } from '../../../src-main/domain/files.js';
import type { Expert } from '../../../src-main/domain/people.js';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { formatDateTime } from '../../format/datetime.js';
import { saveDownload, saveDownloads } from '../../transport/files.js';
import { WithdrawnBadge } from './Withdrawn.js';

type Status = CallOutput<'packages.status'>[number];
type State = 'current' | 'outdated' | 'never' | 'unenrolled';

/** How many changes a row lists before it says how many more there are. */
const SHOWN_CHANGES = 4;

/**
 * One sealed package per enrolled expert, handed over as files; and per expert, whether the
 * package they hold is still what they would get now, and if not what a new one changes.
 */
export function PackagesTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const experts = useCall('experts.list', { editionId });
  const panels = useCall('panels.list', { editionId });
  const status = useCall('packages.status', { editionId });
  const [packages, setPackages] = useState<PackageDownload[] | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  // a package is made for every expert who sits on a panel with applicants, or is added for one, and has enrolled
  const seated = new Set((panels.data ?? []).filter((p) => p.applicantIds.length > 0).flatMap((p) => [...p.memberIds, ...p.substitutes.map((s) => s.expertId)]));
  const withWork = (experts.data ?? []).filter((e) => seated.has(e.id) && !e.withdrawn);
  const ready = withWork.filter((e) => e.enrolled);
  const unenrolled = withWork.filter((e) => !e.enrolled);
  const expert = (id: string): Expert | undefined => experts.data?.find((x) => x.id === id);
  const stateOf = (s: Status): State => (!expert(s.expertId)?.enrolled ? 'unenrolled' : s.exportedAt === null ? 'never' : s.outOfDate ? 'outdated' : 'current');
  const outdated = (status.data ?? []).filter((s) => {
    const st = stateOf(s);
    return (st === 'outdated' || st === 'never') && !expert(s.expertId)?.withdrawn;
  });
  const exporting = useAction(async (expertIds: string[]) => {
    const made = await api.call('packages.export', { editionId, expertIds });
    // the newest file per expert, those just made first
    setPackages((before) => [...made, ...(before ?? []).filter((p) => !made.some((m) => m.expertId === p.expertId))]);
    await status.reload();
    return made;
  });
  const saving = useAction(async (files: PackageDownload[]) => (files.length === 1 ? saveDownload(api, mode, files[0]!) : saveDownloads(api, mode, files)));
  const reexport = async (expertId: string) => {
    const made = await exporting.run([expertId]);
    if (made && made.length > 0) await saving.run(made);
  };
  const name = (id: string) => {
    const e = expert(id);
    return e ? `${e.code} ${e.name}` : '';
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('packages.help')}
      </Text>
      {unenrolled.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="packages-unenrolled">
          {t('packages.unenrolled', { names: unenrolled.map((e) => e.name).join(t('common.sep')) })}
        </Alert>
      ) : null}
      {experts.error ? <ErrorNotice error={experts.error} onRetry={() => void experts.reload()} /> : null}
      {panels.error ? <ErrorNotice error={panels.error} onRetry={() => void panels.reload()} /> : null}
      {status.error ? <ErrorNotice error={status.error} onRetry={() => void status.reload()} /> : null}
      {experts.data && panels.data && ready.length === 0 ? <Empty icon="file" title={t('packages.noneTitle')} description={t('packages.noneHelp')} /> : null}
      <Group>
        <Button leftSection={<Icon name="file" size={16} />} onClick={() => void exporting.run(ready.map((e) => e.id))} loading={exporting.busy} disabled={ready.length === 0} data-testid="export-packages">
          {t('packages.export', { count: ready.length })}
        </Button>
        {outdated.length > 0 ? (
          <Button
            variant="light"
            color="orange"
            onClick={() => void exporting.run(outdated.filter((s) => stateOf(s) !== 'unenrolled').map((s) => s.expertId))}
            loading={exporting.busy}
            disabled={outdated.every((s) => stateOf(s) === 'unenrolled')}
            data-testid="export-outdated"
          >
            {t('packageStatus.exportOutdated', { count: outdated.filter((s) => stateOf(s) !== 'unenrolled').length })}
          </Button>
        ) : null}
        {packages && packages.length > 0 ? (
          <Button variant="light" leftSection={<Icon name="download" size={16} />} onClick={() => void saving.run(packages)} loading={saving.busy} data-testid="download-all-packages">
            {t('packages.downloadAll', { count: packages.length })}
          </Button>
        ) : null}
      </Group>
      {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
      {saving.error ? <ErrorNotice error={saving.error} /> : null}
      {packages === null || packages.length === 0 ? null : (
        <ListTable<PackageDownload>
          testId="packages-table"
          records={packages}
          idAccessor={(p) => p.expertId}
          searchText={(p) => `${name(p.expertId)} ${p.fileName}`}
          searchPlaceholder={t('table.searchExperts')}
          columns={[
            { accessor: 'expert', title: t('expert.name'), sortValue: (p) => expert(p.expertId)?.code, render: (p) => name(p.expertId) },
            { accessor: 'applicants', title: t('packages.applicants'), width: 110, sortValue: (p) => p.applicants, render: (p) => <Badge variant="light">{p.applicants}</Badge> },
            { accessor: 'fileName', title: t('packages.file'), sortValue: (p) => p.fileName, render: (p) => <Text size="sm">{p.fileName}</Text> },
            { accessor: 'sha256', title: 'SHA-256', render: (p) => <Code>{p.sha256.slice(0, 16)}…</Code> },
            {
              accessor: 'download',
              title: '',
              width: 100,
              textAlign: 'right',
              render: (p) => (
                <Button size="xs" variant="subtle" leftSection={<Icon name="download" size={14} />} onClick={() => void saving.run([p])}>
                  {t('common.download')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Stack gap="xs">
        <Title order={5}>{t('packageStatus.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('packageStatus.help')}
        </Text>
        {status.data && status.data.length === 0 ? <Empty icon="file" title={t('packageStatus.noneTitle')} description={t('packageStatus.noneHelp')} /> : null}
        {status.data && status.data.length > 0 ? (
          <ListTable<Status>
            testId="package-status"
            records={status.data}
            idAccessor={(s) => s.expertId}
            searchText={(s) => [name(s.expertId), ...s.changes.map((c) => l(c.text))].join(' ')}
            searchPlaceholder={t('table.searchExperts')}
            initialSort={{ column: 'expert', direction: 'asc' }}
            dimmed={(s) => expert(s.expertId)?.withdrawn != null}
            rowAttributes={(s) => ({ 'data-testid': `package-status-${expert(s.expertId)?.code ?? ''}`, 'data-state': stateOf(s) })}
            filters={[
              {
                key: 'state',
                label: t('packageStatus.state'),
                options: (['outdated', 'never', 'current', 'unenrolled'] as const).map((v) => ({ value: v, label: t(`packageStatus.states.${v}`) })),
                test: (s, v) => stateOf(s) === v,
              },
            ]}
            columns={[
              {
                accessor: 'expert',
                title: t('expert.name'),
                width: 200,
                sortValue: (s) => expert(s.expertId)?.code,
                render: (s) => (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{name(s.expertId)}</Text>
                    <WithdrawnBadge withdrawn={expert(s.expertId)?.withdrawn ?? null} kind="expert" />
                  </Group>
                ),
              },
              { accessor: 'exportedAt', title: t('packageStatus.exportedAt'), width: 150, sortValue: (s) => s.exportedAt, render: (s) => (s.exportedAt ? formatDateTime(s.exportedAt, i18n.language) : '—') },
              {
                accessor: 'state',
                title: t('packageStatus.state'),
                width: 110,
                sortValue: (s) => ['outdated', 'never', 'unenrolled', 'current'].indexOf(stateOf(s)),
                render: (s) => {
                  const st = stateOf(s);
                  return (
                    <Badge variant="light" color={st === 'current' ? 'teal' : st === 'unenrolled' ? 'gray' : 'orange'}>
                      {t(`packageStatus.states.${st}`)}
                    </Badge>
                  );
                },
              },
              {
                accessor: 'changes',
                title: t('packageStatus.changes'),
                render: (s) => {
                  if (s.changes.length === 0) return <Text size="sm" c="dimmed">{stateOf(s) === 'current' ? t('packageStatus.noChanges') : stateOf(s) === 'never' ? t('packageStatus.first') : '—'}</Text>;
                  const all = open.has(s.expertId);
                  const list = all ? s.changes : s.changes.slice(0, SHOWN_CHANGES);
                  return (
                    <Stack gap={2}>
                      <List size="sm" spacing={0} data-testid="package-changes">
                        {list.map((c, i) => (
                          <List.Item key={i}>{l(c.text)}</List.Item>
                        ))}
                      </List>
                      {s.changes.length > SHOWN_CHANGES ? (
                        <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => setOpen((o) => new Set(all ? [...o].filter((x) => x !== s.expertId) : [...o, s.expertId]))}>
                          {all ? t('packageStatus.fewer') : t('packageStatus.more', { count: s.changes.length - SHOWN_CHANGES })}
                        </Button>
                      ) : null}
                    </Stack>
                  );
                },
              },
              {
                accessor: 'actions',
                title: '',
                width: 130,
                textAlign: 'right',
                render: (s) => {
                  const st = stateOf(s);
                  if (st === 'unenrolled' || st === 'current' || expert(s.expertId)?.withdrawn) return null;
                  return (
                    <Button size="compact-xs" variant="light" color="orange" leftSection={<Icon name="download" size={12} />} onClick={() => void reexport(s.expertId)} loading={exporting.busy} data-testid="package-reexport">
                      {st === 'never' ? t('packageStatus.exportOne') : t('packageStatus.reexport')}
                    </Button>
                  );
                },
              },
            ]}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
