import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaterialInfo } from '../../../src-main/domain/files.js';
import type { Applicant } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { formatDateTime } from '../../format/datetime.js';
import { asCallFailure, type CallFailure } from '../../transport/errors.js';
import { toUpload } from '../../transport/files.js';
import { CorrectedNotice } from './CorrectedNotice.js';
import { CorrectionModal } from './CorrectionModal.js';
import { WithdrawnBadge } from './Withdrawn.js';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Every applicant's materials, so that the list can be searched and filtered by them. */
function useMaterials(applicants: Applicant[] | undefined) {
  const { api } = useApp();
  const [held, setHeld] = useState<Map<string, MaterialInfo[]>>(new Map());
  const [error, setError] = useState<CallFailure | null>(null);
  const ids = applicants?.map((a) => a.id).join(',') ?? '';
  const reload = useCallback(
    async (only?: string) => {
      const list = only ? [only] : ids.split(',').filter(Boolean);
      try {
        const loaded = await Promise.all(list.map(async (id) => [id, await api.call('materials.list', { applicantId: id })] as const));
        setHeld((m) => new Map([...m, ...loaded]));
        setError(null);
      } catch (e) {
        setError(asCallFailure(e));
      }
    },
    [api, ids],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { held, error, reload };
}

type Acting = { kind: 'replace' | 'remove'; material: MaterialInfo; applicant: Applicant } | null;

function Attach({ applicant, onAttached }: { applicant: Applicant; onAttached(): Promise<void> }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [done, setDone] = useState<{ n: number; of: number } | null>(null);
  const attaching = useAction(async (files: File[]) => {
    setDone({ n: 0, of: files.length });
    try {
      for (const [i, file] of files.entries()) {
        await api.call('materials.attach', { applicantId: applicant.id, file: await toUpload(file) });
        setDone({ n: i + 1, of: files.length });
      }
    } finally {
      await onAttached();
      setDone(null);
    }
  });
  return (
    <Stack gap={4} align="flex-end">
      <FilePick size="compact-xs" variant="light" accept=".pdf,application/pdf" multiple onFiles={(files) => void attaching.run(files)} loading={attaching.busy} testId={`attach-${applicant.code}`}>
        {t('materialsTab.attach')}
      </FilePick>
      {done ? <Progress w={120} size="sm" value={(done.n / done.of) * 100} /> : null}
      {attaching.error ? <ErrorNotice error={attaching.error} /> : null}
    </Stack>
  );
}

export function MaterialsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const applicants = useCall('applicants.list', { editionId });
  const materials = useMaterials(applicants.data);
  const [acting, setActing] = useState<Acting>(null);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const of = (a: Applicant) => materials.held.get(a.id);
  const finish = async (message: string, applicantId: string) => {
    setActing(null);
    setFile(null);
    setDone(message);
    await materials.reload(applicantId);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('materialsTab.help')}
      </Text>
      <CorrectedNotice message={done} onClose={() => setDone(null)} />
      {materials.error ? <ErrorNotice error={materials.error} onRetry={() => void materials.reload()} /> : null}
      <Loadable state={applicants} empty={(list) => (list.length === 0 ? <Empty icon="file" title={t('applicants.emptyTitle')} description={t('materialFix.noApplicants')} /> : null)}>
        {(list) => (
          <ListTable<Applicant>
            testId="materials-table"
            records={list}
            idAccessor={(a) => a.id}
            searchText={(a) => [a.code, a.name, ...(of(a) ?? []).map((m) => m.fileName)].join(' ')}
            searchPlaceholder={t('materialFix.search')}
            initialSort={{ column: 'code', direction: 'asc' }}
            dimmed={(a) => a.withdrawn !== null}
            rowAttributes={(a) => ({ 'data-testid': `materials-${a.code}` })}
            filters={[
              {
                key: 'held',
                label: t('materials.title'),
                options: [
                  { value: 'none', label: t('materialsTab.none') },
                  { value: 'some', label: t('materialFix.some') },
                ],
                test: (a, v) => ((of(a)?.length ?? 0) > 0) === (v === 'some'),
              },
            ]}
            columns={[
              { accessor: 'code', title: t('applicant.code'), width: 120, sortValue: (a) => a.code },
              {
                accessor: 'name',
                title: t('applicant.name'),
                width: 260,
                sortValue: (a) => a.name,
                render: (a) => (
                  <Group gap={6}>
                    <Text size="sm">{a.name}</Text>
                    <WithdrawnBadge withdrawn={a.withdrawn} kind="applicant" />
                  </Group>
                ),
              },
              {
                accessor: 'materials',
                title: t('materials.title'),
                sortValue: (a) => of(a)?.length ?? 0,
                render: (a) => {
                  const list = of(a);
                  if (!list) return <Text size="xs" c="dimmed">{t('common.loading')}</Text>;
                  if (list.length === 0)
                    return (
                      <Badge color="orange" variant="light">
                        {t('materialsTab.none')}
                      </Badge>
                    );
                  return (
                    <Stack gap={4}>
                      {list.map((m) => (
                        <Group key={m.id} gap={6} wrap="nowrap" justify="space-between" data-testid="material-line">
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">{m.fileName}</Text>
                            <Badge size="xs" variant={m.version > 1 ? 'filled' : 'outline'} color={m.version > 1 ? 'indigo' : 'gray'} data-testid="material-version">
                              {t('materialFix.version', { version: m.version })}
                            </Badge>
                            <Text span c="dimmed" size="xs">
                              {sizeText(m.size)} · {formatDateTime(m.addedAt, i18n.language)}
                            </Text>
                          </Group>
                          <Group gap={2} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" onClick={() => setActing({ kind: 'replace', material: m, applicant: a })} data-testid="material-replace">
                              {t('materialFix.replace')}
                            </Button>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => setActing({ kind: 'remove', material: m, applicant: a })} data-testid="material-remove">
                              {t('materialFix.remove')}
                            </Button>
                          </Group>
                        </Group>
                      ))}
                    </Stack>
                  );
                },
              },
              {
                accessor: 'attach',
                title: '',
                width: 130,
                textAlign: 'right',
                render: (a) => <Attach applicant={a} onAttached={() => materials.reload(a.id)} />,
              },
            ]}
          />
        )}
      </Loadable>
      <CorrectionModal
        opened={acting?.kind === 'replace'}
        testId="replace-material"
        title={t('materialFix.replaceTitle')}
        subject={acting ? t('materialFix.subject', { file: acting.material.fileName, version: acting.material.version, applicant: `${acting.applicant.code} ${acting.applicant.name}` }) : ''}
        effect={t('materialFix.replaceEffect')}
        confirmLabel={t('materialFix.replace')}
        canConfirm={file !== null}
        onClose={() => {
          setActing(null);
          setFile(null);
        }}
        onConfirm={async (reason) => {
          if (!acting || !file) return;
          const next = await api.call('materials.replace', { materialId: acting.material.id, file: await toUpload(file), reason });
          await finish(t('materialFix.replaced', { file: next.fileName, version: next.version, applicant: acting.applicant.code }), acting.applicant.id);
        }}
      >
        <Group gap="sm">
          <FilePick size="xs" variant="default" accept=".pdf,application/pdf" onFiles={(files) => setFile(files[0]!)} testId="replace-material-file">
            {t('materialFix.pickFile')}
          </FilePick>
          <Text size="sm" c={file ? undefined : 'dimmed'} data-testid="replace-material-picked">
            {file ? t('materialFix.picked', { file: file.name, size: sizeText(file.size) }) : t('materialFix.noFile')}
          </Text>
        </Group>
      </CorrectionModal>
      <CorrectionModal
        opened={acting?.kind === 'remove'}
        testId="remove-material"
        title={t('materialFix.removeTitle')}
        subject={acting ? t('materialFix.subject', { file: acting.material.fileName, version: acting.material.version, applicant: `${acting.applicant.code} ${acting.applicant.name}` }) : ''}
        effect={t('materialFix.removeEffect')}
        confirmLabel={t('materialFix.remove')}
        color="red"
        onClose={() => setActing(null)}
        onConfirm={async (reason) => {
          if (!acting) return;
          await api.call('materials.remove', { materialId: acting.material.id, reason });
          await finish(t('materialFix.removed', { file: acting.material.fileName, applicant: acting.applicant.code }), acting.applicant.id);
        }}
      />
    </Stack>
  );
}
