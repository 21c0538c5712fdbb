import { Alert, Badge, Button, Divider, Drawer, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { Icon } from '../../components/icons.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { PanelActionModal, type PanelAction } from './PanelActionModal.js';
import { PanelApplicants } from './PanelApplicants.js';
import { PanelMembers } from './PanelMembers.js';
import { SubstituteModal } from './SubstituteModal.js';

/**
 * One panel, repaired in place: renamed or given another leader, members added, removed or
 * replaced, applicants assigned (each conflict suggestion the assignment brings settled on the
 * spot), unassigned or moved to another panel of the stage, a substitute seated for one
 * applicant, and the panel removed once it has no applicants.
 */
export function PanelDrawer({
  panel,
  panels,
  experts,
  applicants,
  onClose,
  onChanged,
}: {
  panel: Panel | null;
  panels: Panel[];
  experts: Expert[];
  applicants: Applicant[];
  onClose(): void;
  onChanged(message: string | null, removed?: boolean): void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const [action, setAction] = useState<PanelAction | null>(null);
  const [substituteFor, setSubstituteFor] = useState<Applicant | null>(null);

  return (
    <Drawer
      opened={panel !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        panel ? (
          <Group gap="xs">
            <Title order={4}>{panel.name}</Title>
            <Badge variant="outline">{t(`stage.${panel.stage}`)}</Badge>
          </Group>
        ) : null
      }
    >
      {panel ? (
        <Stack gap="lg" data-testid="panel-drawer">
          {panel.sizeFlag ? (
            <Alert color="orange" variant="light" icon={<Icon name="alert" />} data-testid="panel-size-flag">
              {l(panel.sizeFlag)}
            </Alert>
          ) : null}
          <PanelBasics key={`${panel.id}-${panel.name}-${panel.leaderId ?? ''}`} panel={panel} experts={experts} onSave={(name, leaderId) => setAction({ kind: 'update', name, leaderId })} />
          <PanelMembers panel={panel} experts={experts} setAction={setAction} />
          <Divider />
          <PanelApplicants key={panel.id} panel={panel} panels={panels} experts={experts} applicants={applicants} setAction={setAction} onSubstitute={setSubstituteFor} onChanged={(message) => onChanged(message)} />
          <Divider />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {panel.applicantIds.length > 0 ? t('panelFix.removePanelHint') : t('panelFix.removePanelReady')}
            </Text>
            <Button size="xs" variant="light" color="red" disabled={panel.applicantIds.length > 0} onClick={() => setAction({ kind: 'removePanel' })} data-testid="panel-remove">
              {t('panelFix.removePanel')}
            </Button>
          </Group>
          <PanelActionModal
            panel={panel}
            panels={panels}
            experts={experts}
            applicants={applicants}
            action={action}
            onClose={() => setAction(null)}
            onDone={(message, removed) => {
              setAction(null);
              onChanged(message, removed);
            }}
          />
          <SubstituteModal
            panel={substituteFor ? panel : null}
            applicant={substituteFor}
            experts={experts}
            onClose={() => setSubstituteFor(null)}
            onDone={(message) => {
              setSubstituteFor(null);
              onChanged(message);
            }}
          />
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** The name and the leader, saved together. */
function PanelBasics({ panel, experts, onSave }: { panel: Panel; experts: Expert[]; onSave(name: string, leaderId: string | null): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(panel.name);
  const [leaderId, setLeaderId] = useState<string | null>(panel.leaderId);
  const options = panel.memberIds.map((id) => {
    const e = experts.find((x) => x.id === id);
    return { value: id, label: e ? `${e.code} ${e.name}` : id };
  });
  const changed = name.trim() !== panel.name || leaderId !== panel.leaderId;
  return (
    <Group align="flex-end" gap="sm">
      <TextInput label={t('panels.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} data-testid="panel-rename" />
      <Select label={t('panels.leader')} data={options} value={leaderId} onChange={setLeaderId} clearable w={200} comboboxProps={{ withinPortal: true }} data-testid="panel-leader-edit" />
      <Button variant="light" disabled={!changed || name.trim() === ''} onClick={() => onSave(name.trim(), leaderId)} data-testid="panel-update">
        {t('corrections.saveEdit')}
      </Button>
    </Group>
  );
}
