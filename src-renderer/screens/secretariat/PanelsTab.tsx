import { Badge, Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../src-main/domain/words.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import type { Panel } from '../../../src-main/domain/panels.js';
import { useApp } from '../../context/app-context.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';

function NewPanel({ edition, experts, onCreated }: { edition: EditionDetail; experts: Expert[]; onCreated(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const stages = edition.profile.stages.map((s) => s.stage);
  const [stage, setStage] = useState<Stage>(stages[0] ?? 'material');
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const creating = useAction(async () => {
    await api.call('panels.create', { editionId: edition.id, panel: { stage, name: name.trim(), memberIds: members, leaderId: leader } });
    setName('');
    setMembers([]);
    setLeader(null);
    onCreated();
  });
  const expertOptions = experts.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }));
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={5}>{t('panels.new')}</Title>
        <SimpleGrid cols={2}>
          <Select
            label={t('common.stage')}
            data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            value={stage}
            onChange={(v) => v && setStage(v as Stage)}
            allowDeselect={false}
            data-testid="panel-stage"
          />
          <TextInput label={t('panels.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="panel-name" />
        </SimpleGrid>
        <MultiSelect label={t('panels.members')} data={expertOptions} value={members} onChange={setMembers} searchable data-testid="panel-members" />
        <Select
          label={t('panels.leader')}
          data={expertOptions.filter((o) => members.includes(o.value))}
          value={leader}
          onChange={setLeader}
          clearable
          data-testid="panel-leader"
        />
        {creating.error ? <ErrorNotice error={creating.error} /> : null}
        <Group justify="flex-end">
          <Button onClick={() => void creating.run()} disabled={name.trim() === '' || members.length === 0} loading={creating.busy} data-testid="panel-create">
            {t('panels.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PanelCard({ panel, experts, applicants, onChanged }: { panel: Panel; experts: Expert[]; applicants: Applicant[]; onChanged(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [picked, setPicked] = useState<string[]>([]);
  const assigning = useAction(async () => {
    await api.call('panels.assign', { panelId: panel.id, applicantIds: picked });
    setPicked([]);
    onChanged();
  });
  const expertName = (id: string) => experts.find((e) => e.id === id)?.name ?? id;
  const unassigned = applicants.filter((a) => !panel.applicantIds.includes(a.id));
  return (
    <Card withBorder padding="md" data-testid={`panel-${panel.name}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{panel.name}</Text>
          <Badge variant="outline">{t(`stage.${panel.stage}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('panels.membersList')}{' '}
          {panel.memberIds.map((id) => (id === panel.leaderId ? t('panels.leaderName', { name: expertName(id) }) : expertName(id))).join(t('common.sep'))}
        </Text>
        <Text size="sm" c="dimmed">
          {t('panels.assigned', { count: panel.applicantIds.length })}{' '}
          {panel.applicantIds.map((id) => applicants.find((a) => a.id === id)?.code ?? id).sort().join(t('common.sep'))}
        </Text>
        {unassigned.length > 0 ? (
          <Group align="flex-end" gap="xs">
            <MultiSelect
              size="xs"
              style={{ flex: 1 }}
              placeholder={t('panels.pickApplicants')}
              data={unassigned.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
              value={picked}
              onChange={setPicked}
              searchable
              data-testid={`assign-pick-${panel.name}`}
            />
            <Button size="xs" variant="light" onClick={() => setPicked(unassigned.map((a) => a.id))}>
              {t('panels.all')}
            </Button>
            <Button size="xs" onClick={() => void assigning.run()} disabled={picked.length === 0} loading={assigning.busy} data-testid={`assign-${panel.name}`}>
              {t('panels.assign')}
            </Button>
          </Group>
        ) : null}
        {assigning.error ? <ErrorNotice error={assigning.error} /> : null}
      </Stack>
    </Card>
  );
}

export function PanelsTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const panels = useCall('panels.list', { editionId: edition.id });
  const experts = useCall('experts.list', { editionId: edition.id });
  const applicants = useCall('applicants.list', { editionId: edition.id });
  return (
    <Loadable state={experts}>
      {(expertList) => (
        <Stack gap="md">
          {expertList.length === 0 ? <Empty icon="users" title={t('panels.noExperts')} description={t('panels.noExpertsHelp')} /> : <NewPanel edition={edition} experts={expertList} onCreated={() => void panels.reload()} />}
          <Loadable state={panels} empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('panels.emptyTitle')} description={t('panels.emptyHelp')} /> : null)}>
            {(list) => (
              <SimpleGrid cols={2}>
                {list.map((p) => (
                  <PanelCard key={p.id} panel={p} experts={expertList} applicants={applicants.data ?? []} onChanged={() => void panels.reload()} />
                ))}
              </SimpleGrid>
            )}
          </Loadable>
        </Stack>
      )}
    </Loadable>
  );
}
