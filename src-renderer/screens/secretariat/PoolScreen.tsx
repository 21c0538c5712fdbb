import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolExpert } from '../../../src-main/domain/pool.js';
import { FilePick } from '../../components/FilePick.js';
import { Icon } from '../../components/icons.js';
import { useIndustryLabel } from '../../components/labels.js';
import { ListTable } from '../../components/ListTable.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { navStore } from '../../stores/nav.js';
import { saveDownload, toUpload } from '../../transport/files.js';
import { INDUSTRIES } from './AddPerson.js';
import { PoolExpertDrawer } from './PoolExpertDrawer.js';
import { BLANK_POOL_FORM, PoolExpertFields, poolFormReady, poolInputOf } from './PoolExpertForm.js';
import { PoolStateBadge } from './PoolStateBadge.js';

/** Adds one expert to the pool by hand; a refused value is shown under its field and everything typed stays. */
function AddPoolExpert({ opened, onClose, onAdded }: { opened: boolean; onClose(): void; onAdded(e: PoolExpert): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [form, setForm] = useState(BLANK_POOL_FORM);
  const adding = useAction(async () => {
    const added = await api.call('pool.add', { expert: poolInputOf(form) });
    setForm(BLANK_POOL_FORM);
    onAdded(added);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('pool.add')} size="lg">
      <Stack gap="sm">
        <PoolExpertFields
          form={form}
          set={(patch) => {
            if (patch.code !== undefined) adding.clearError();
            setForm({ ...form, ...patch });
          }}
          prefix="pool-add"
          refused={adding.error}
        />
        {adding.error && adding.error.code !== 'pool.code-taken' ? <ErrorNotice error={adding.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void adding.run()} disabled={!poolFormReady(form)} loading={adding.busy} data-testid="pool-add-submit">
            {t('pool.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The expert pool: everyone the secretariat keeps across editions, with their status,
 * enrolment and how many editions seated them; imported from and exported to Excel.
 */
export function PoolScreen() {
  const { t } = useTranslation();
  const { api, mode } = useApp();
  const industry = useIndustryLabel();
  const pool = useCall('pool.list', {});
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [imported, setImported] = useState<{ added: number; updated: number; qualifications: number } | null>(null);
  const importing = useAction(async (file: File) => {
    setImported(await api.call('pool.import', { file: await toUpload(file) }));
    void pool.reload();
  });
  const exporting = useAction(async () => saveDownload(api, mode, await api.call('pool.export', {})));

  return (
    <Stack gap="md" maw={1300} mx="auto">
      <Anchor component="button" type="button" size="sm" onClick={() => navStore.getState().reset()} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Stack gap={2}>
        <Title order={2}>{t('pool.heading')}</Title>
        <Text size="sm" c="dimmed">
          {t('pool.help')}
        </Text>
      </Stack>
      <Group>
        <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)} data-testid="pool-add-open">
          {t('pool.add')}
        </Button>
        <FilePick accept=".xlsx" onFiles={(files) => void importing.run(files[0]!)} loading={importing.busy} testId="pool-import">
          {t('pool.import')}
        </FilePick>
        <Button variant="subtle" leftSection={<Icon name="download" size={16} />} onClick={() => void exporting.run()} loading={exporting.busy} data-testid="pool-export">
          {t('pool.export')}
        </Button>
      </Group>
      {importing.error ? <ErrorNotice error={importing.error} title={t('sheetImport.refused')} /> : null}
      {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
      {imported ? (
        <Text size="sm" c="teal" data-testid="pool-imported">
          {t('pool.imported', imported)}
        </Text>
      ) : null}
      <Card withBorder padding="md">
        <Loadable state={pool}>
          {(list) => (
            <ListTable<PoolExpert>
              testId="pool-table"
              records={list}
              idAccessor={(e) => e.id}
              onRowClick={(e) => setOpenId(e.id)}
              rowAttributes={(e) => ({ 'data-testid': `pool-row-${e.code}` })}
              dimmed={(e) => e.status.state !== 'active'}
              searchText={(e) => [e.code, e.name, e.organisation, e.creditCode, e.speciality, e.title, ...e.qualifications.map((q) => q.name)].filter(Boolean).join(' ')}
              searchPlaceholder={t('pool.search')}
              initialSort={{ column: 'code', direction: 'asc' }}
              empty={{ title: t('pool.emptyTitle'), description: t('pool.emptyHelp') }}
              filters={[
                { key: 'state', label: t('pool.status'), options: (['active', 'suspended', 'removed'] as const).map((s) => ({ value: s, label: t(`pool.state.${s}`) })), test: (e, v) => e.status.state === v },
                { key: 'industry', label: t('applicant.industry'), options: INDUSTRIES.map((i) => ({ value: String(i), label: t(`industry.${i}`) })), test: (e, v) => String(e.industry) === v },
              ]}
              columns={[
                { accessor: 'code', title: t('expert.code'), width: 90, sortValue: (e) => e.code },
                { accessor: 'name', title: t('expert.name'), sortValue: (e) => e.name },
                { accessor: 'organisation', title: t('expert.organisation'), sortValue: (e) => e.organisation, render: (e) => [e.organisation, e.title].filter(Boolean).join(' · ') || '—' },
                { accessor: 'speciality', title: t('pool.speciality'), render: (e) => e.speciality ?? '—' },
                { accessor: 'industry', title: t('applicant.industry'), width: 90, sortValue: (e) => e.industry, render: (e) => industry(e.industry) },
                { accessor: 'status', title: t('pool.status'), width: 90, sortValue: (e) => e.status.state, render: (e) => <PoolStateBadge state={e.status.state} /> },
                { accessor: 'enrolled', title: t('experts.enrolment'), width: 90, sortValue: (e) => (e.enrolled ? 1 : 0), render: (e) => (e.enrolled ? t('experts.enrolled') : t('experts.notEnrolled')) },
                { accessor: 'editions', title: t('pool.editions'), width: 80, textAlign: 'right', sortValue: (e) => e.editions },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <AddPoolExpert
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void pool.reload();
        }}
      />
      <PoolExpertDrawer expertId={openId} onClose={() => setOpenId(null)} onChanged={() => void pool.reload()} />
    </Stack>
  );
}
