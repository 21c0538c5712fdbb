import { Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../src-main/domain/words.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import type { Panel } from '../../../src-main/domain/panels.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { CorrectedNotice } from './CorrectedNotice.js';
import { PanelDrawer } from './PanelDrawer.js';

function NewPanelModal({
  edition,
  experts,
  opened,
  onClose,
  onCreated,
}: {
  edition: EditionDetail;
  experts: Expert[];
  opened: boolean;
  onClose(): void;
  onCreated(panel: Panel): void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const stages = edition.profile.stages.map((s) => s.stage);
  const [stage, setStage] = useState<Stage>(stages[0] ?? 'material');
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const creating = useAction(async () => {
    const panel = await api.call('panels.create', { editionId: edition.id, panel: { stage, name: name.trim(), memberIds: members, leaderId: leader } });
    setName('');
    setMembers([]);
    setLeader(null);
    onCreated(panel);
  });
  const expertOptions = experts.filter((e) => !e.withdrawn).map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('panels.new')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('panelFix.newHelp')}
        </Text>
        <SimpleGrid cols={2}>
          <Select
            label={t('common.stage')}
            data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            value={stage}
            onChange={(v) => v && setStage(v as Stage)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="panel-stage"
          />
          <TextInput label={t('panels.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="panel-name" />
        </SimpleGrid>
        <MultiSelect label={t('panels.members')} data={expertOptions} value={members} onChange={setMembers} searchable comboboxProps={{ withinPortal: true }} data-testid="panel-members" />
        <Select
          label={t('panels.leader')}
          data={expertOptions.filter((o) => members.includes(o.value))}
          value={leader}
          onChange={setLeader}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="panel-leader"
        />
        {creating.error ? <ErrorNotice error={creating.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void creating.run()} disabled={name.trim() === '' || members.length === 0} loading={creating.busy} data-testid="panel-create">
            {t('panels.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Per stage: how many applicants may enter it, and how many of those still have no panel. */
function StageCoverage({ editionId, stage, panels }: { editionId: string; stage: Stage; panels: Panel[] }) {
  const { t } = useTranslation();
  const entries = useCall('panels.entries', { editionId, stage });
  const assigned = new Set(panels.filter((p) => p.stage === stage).flatMap((p) => p.applicantIds));
  const eligible = (entries.data ?? []).filter((e) => e.eligible);
  const open = eligible.filter((e) => !assigned.has(e.applicantId)).length;
  const panelCount = panels.filter((p) => p.stage === stage).length;
  const color = !entries.data ? 'gray' : panelCount === 0 || open > 0 ? 'orange' : 'teal';
  return (
    <Paper withBorder p="xs" radius="sm" data-testid={`coverage-${stage}`}>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" color={color}>
          {t(`stage.${stage}`)}
        </Badge>
        <Text size="xs">
          {!entries.data
            ? t('common.loading')
            : panelCount === 0
              ? t('panelFix.coverageNoPanel', { eligible: eligible.length })
              : open > 0
                ? t('panelFix.coverageOpen', { eligible: eligible.length, open })
                : t('panelFix.coverageDone', { eligible: eligible.length })}
        </Text>
      </Group>
    </Paper>
  );
}

export function PanelsTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const panels = useCall('panels.list', { editionId: edition.id });
  const experts = useCall('experts.list', { editionId: edition.id });
  const applicants = useCall('applicants.list', { editionId: edition.id });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const stages = edition.profile.stages.map((s) => s.stage);
  const expertName = (id: string) => experts.data?.find((e) => e.id === id)?.name ?? '';
  const applicantList: Applicant[] = applicants.data ?? [];
  const codeOf = (id: string) => experts.data?.find((e) => e.id === id)?.code ?? '';
  const byCode = (ids: string[]) => [...ids].sort((a, b) => codeOf(a).localeCompare(codeOf(b), undefined, { numeric: true }));

  return (
    <Loadable state={experts}>
      {(expertList) =>
        expertList.length === 0 ? (
          <Empty icon="users" title={t('panels.noExperts')} description={t('panels.noExpertsHelp')} />
        ) : (
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setCreating(true)} data-testid="panel-new-open">
                {t('panels.new')}
              </Button>
              <Group gap="xs">
                {panels.data
                  ? stages.map((s) => <StageCoverage key={s} editionId={edition.id} stage={s} panels={panels.data!} />)
                  : null}
              </Group>
            </Group>
            <CorrectedNotice message={done} onClose={() => setDone(null)} />
            <Loadable
              state={panels}
              empty={(list) =>
                list.length === 0 ? (
                  <Empty icon="users" title={t('panels.emptyTitle')} description={t('panels.emptyHelp')}>
                    <Button variant="light" onClick={() => setCreating(true)}>
                      {t('panels.new')}
                    </Button>
                  </Empty>
                ) : null
              }
            >
              {(list) => (
                <ListTable<Panel>
                  testId="panels-table"
                  records={list}
                  idAccessor={(p) => p.id}
                  onRowClick={(p) => setOpenId(p.id)}
                  rowAttributes={(p) => ({ 'data-testid': `panel-row-${p.name}` })}
                  searchText={(p) =>
                    [
                      p.name,
                      ...p.memberIds.map((id) => {
                        const e = expertList.find((x) => x.id === id);
                        return e ? `${e.code} ${e.name}` : '';
                      }),
                      ...p.applicantIds.map((id) => applicantList.find((a) => a.id === id)?.code ?? ''),
                    ].join(' ')
                  }
                  searchPlaceholder={t('table.searchPanels')}
                  initialSort={{ column: 'stage', direction: 'asc' }}
                  filters={[
                    { key: 'stage', label: t('common.stage'), options: stages.map((s) => ({ value: s, label: t(`stage.${s}`) })), test: (p, v) => p.stage === v },
                    {
                      key: 'state',
                      label: t('panelFix.state'),
                      options: [
                        { value: 'flagged', label: t('panelFix.flagged') },
                        { value: 'empty', label: t('panelFix.noApplicants') },
                      ],
                      test: (p, v) => (v === 'flagged' ? p.sizeFlag !== null : p.applicantIds.length === 0),
                    },
                  ]}
                  columns={[
                    { accessor: 'name', title: t('panels.name'), sortValue: (p) => p.name, render: (p) => <Text size="sm" fw={500}>{p.name}</Text> },
                    { accessor: 'stage', title: t('common.stage'), width: 110, sortValue: (p) => stages.indexOf(p.stage), render: (p) => <Badge variant="outline">{t(`stage.${p.stage}`)}</Badge> },
                    { accessor: 'leader', title: t('panels.leader'), width: 110, sortValue: (p) => (p.leaderId ? expertName(p.leaderId) : null), render: (p) => (p.leaderId ? expertName(p.leaderId) : '—') },
                    {
                      accessor: 'members',
                      title: t('panels.members'),
                      sortValue: (p) => p.memberIds.length,
                      render: (p) => (
                        <Text size="sm">
                          {t('panelFix.memberCount', { count: p.memberIds.length })} · {byCode(p.memberIds).map(expertName).join(t('common.sep'))}
                        </Text>
                      ),
                    },
                    { accessor: 'applicants', title: t('panelFix.applicants'), width: 120, textAlign: 'right', sortValue: (p) => p.applicantIds.length, render: (p) => t('panelFix.applicantCount', { count: p.applicantIds.length }) },
                    {
                      accessor: 'flags',
                      title: t('results.notes'),
                      render: (p) => (
                        <Group gap={4}>
                          {p.sizeFlag ? (
                            <Badge size="sm" color="orange" variant="light" title={l(p.sizeFlag)}>
                              {t('panelFix.sizeFlag')}
                            </Badge>
                          ) : null}
                          {p.substitutes.length > 0 ? (
                            <Badge size="sm" color="grape" variant="light">
                              {t('panelFix.substituteCount', { count: p.substitutes.length })}
                            </Badge>
                          ) : null}
                          {p.applicantIds.length === 0 ? (
                            <Badge size="sm" color="gray" variant="light">
                              {t('panelFix.noApplicants')}
                            </Badge>
                          ) : null}
                        </Group>
                      ),
                    },
                    {
                      accessor: 'open',
                      title: '',
                      width: 90,
                      textAlign: 'right',
                      render: (p) => (
                        <Button size="compact-xs" variant="light" onClick={() => setOpenId(p.id)} data-testid={`panel-open-${p.name}`}>
                          {t('panelFix.manage')}
                        </Button>
                      ),
                    },
                  ]}
                />
              )}
            </Loadable>
            <NewPanelModal
              edition={edition}
              experts={expertList}
              opened={creating}
              onClose={() => setCreating(false)}
              onCreated={(p) => {
                setCreating(false);
                void panels.reload();
                // straight on to the panel, where its applicants are assigned
                setOpenId(p.id);
              }}
            />
            <PanelDrawer
              panel={panels.data?.find((p) => p.id === openId) ?? null}
              panels={panels.data ?? []}
              experts={expertList}
              applicants={applicantList}
              onClose={() => setOpenId(null)}
              onChanged={(message, removed) => {
                if (message) setDone(message);
                if (removed) setOpenId(null);
                void panels.reload();
              }}
            />
          </Stack>
        )
      }
    </Loadable>
  );
}
