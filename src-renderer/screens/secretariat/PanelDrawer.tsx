import { Alert, Badge, Button, CloseButton, Divider, Drawer, Group, MultiSelect, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ListTable } from '../../components/ListTable.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { CorrectionModal } from './CorrectionModal.js';
import { SubstituteModal } from './SubstituteModal.js';

/** A change to the panel, confirmed in a modal with its reason. */
type PanelAction =
  | { kind: 'update'; name: string; leaderId: string | null }
  | { kind: 'leader'; expertId: string }
  | { kind: 'addMember' }
  | { kind: 'removeMember'; expertId: string }
  | { kind: 'replaceMember'; expertId: string }
  | { kind: 'unassign'; applicantId: string }
  | { kind: 'move'; applicantId: string }
  | { kind: 'removeSubstitute'; applicantId: string; expertId: string }
  | { kind: 'removePanel' };

/**
 * One panel, repaired in place: renamed or given another leader, members added, removed or
 * replaced, applicants assigned, unassigned or moved to another panel of the stage, a substitute
 * seated for one applicant, and the panel removed once it has no applicants.
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
  const expert = (id: string) => experts.find((e) => e.id === id);
  const who = (id: string) => {
    const e = expert(id);
    return e ? `${e.code} ${e.name}` : '';
  };
  const applicant = (id: string) => applicants.find((a) => a.id === id);
  const members = panel ? [...panel.memberIds].sort((a, b) => (expert(a)?.code ?? '').localeCompare(expert(b)?.code ?? '', undefined, { numeric: true })) : [];
  const assigned = panel ? panel.applicantIds.map(applicant).filter((a): a is Applicant => a !== undefined) : [];

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
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={6}>{t('panelFix.membersTitle', { count: panel.memberIds.length })}</Title>
              <Button size="compact-sm" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={() => setAction({ kind: 'addMember' })} data-testid="member-add">
                {t('panelFix.addMember')}
              </Button>
            </Group>
            <Stack gap={4} data-testid="panel-members-list">
              {members.map((id) => (
                <Group key={id} justify="space-between" wrap="nowrap" data-testid={`member-${expert(id)?.code ?? id}`}>
                  <Group gap={6}>
                    <Text size="sm">{who(id)}</Text>
                    {id === panel.leaderId ? (
                      <Badge size="sm" color="indigo" variant="light">
                        {t('panels.leader')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    {id !== panel.leaderId ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'leader', expertId: id })} data-testid="member-make-leader">
                        {t('panelFix.makeLeader')}
                      </Button>
                    ) : null}
                    <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'replaceMember', expertId: id })} data-testid="member-replace">
                      {t('panelFix.replace')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setAction({ kind: 'removeMember', expertId: id })} data-testid="member-remove">
                      {t('panelFix.removeMember')}
                    </Button>
                  </Group>
                </Group>
              ))}
            </Stack>
          </Stack>
          <Divider />
          <Stack gap="xs">
            <Title order={6} data-testid="panel-assigned-title">
              {t('panelFix.assignedTitle', { count: panel.applicantIds.length })}
            </Title>
            <AssignPicker panel={panel} panels={panels} applicants={applicants} onAssigned={(n) => onChanged(t('panelFix.assignedDone', { count: n, panel: panel.name }))} />
            {assigned.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('panelFix.noneAssigned')}
              </Text>
            ) : (
              <ListTable<Applicant>
                testId="panel-applicants"
                records={assigned}
                idAccessor={(a) => a.id}
                searchText={(a) => `${a.code} ${a.name}`}
                initialSort={{ column: 'code', direction: 'asc' }}
                rowAttributes={(a) => ({ 'data-testid': `assigned-${a.code}` })}
                columns={[
                  { accessor: 'code', title: t('applicant.code'), width: 120, sortValue: (a) => a.code },
                  { accessor: 'name', title: t('applicant.name'), sortValue: (a) => a.name },
                  {
                    accessor: 'substitutes',
                    title: t('panelFix.substitutes'),
                    render: (a) => (
                      <Group gap={4}>
                        {panel.substitutes
                          .filter((s) => s.applicantId === a.id)
                          .map((s) => (
                            <Tooltip key={s.expertId} label={s.reason} multiline maw={320}>
                              <Badge
                                size="sm"
                                variant="light"
                                color="grape"
                                data-testid="substitute-badge"
                                rightSection={
                                  <CloseButton
                                    size="xs"
                                    aria-label={t('panelFix.removeSubstitute')}
                                    onClick={() => setAction({ kind: 'removeSubstitute', applicantId: a.id, expertId: s.expertId })}
                                    data-testid="substitute-remove"
                                  />
                                }
                              >
                                {who(s.expertId)}
                              </Badge>
                            </Tooltip>
                          ))}
                      </Group>
                    ),
                  },
                  {
                    accessor: 'actions',
                    title: '',
                    width: 230,
                    textAlign: 'right',
                    render: (a) => (
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setSubstituteFor(a)} data-testid="assigned-substitute">
                          {t('panelFix.substitute')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'move', applicantId: a.id })} data-testid="assigned-move">
                          {t('panelFix.move')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setAction({ kind: 'unassign', applicantId: a.id })} data-testid="assigned-unassign">
                          {t('panelFix.unassign')}
                        </Button>
                      </Group>
                    ),
                  },
                ]}
              />
            )}
          </Stack>
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

/**
 * The assignment picker stays whatever has been assigned: it offers the applicants that may enter
 * the panel's stage and have no panel in it yet ("all" means all of those), and says why the
 * others may not (withdrawn, not on the shortlist, the stage before not yet scored).
 */
function AssignPicker({ panel, panels, applicants, onAssigned }: { panel: Panel; panels: Panel[]; applicants: Applicant[]; onAssigned(count: number): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const entries = useCall('panels.entries', { editionId: panel.editionId, stage: panel.stage });
  const [picked, setPicked] = useState<string[]>([]);
  const inStage = new Map(panels.filter((p) => p.stage === panel.stage).flatMap((p) => p.applicantIds.map((id) => [id, p] as const)));
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const list = entries.data ?? [];
  const open = list.filter((e) => e.eligible && !inStage.has(e.applicantId)).map((e) => byId.get(e.applicantId)).filter((a): a is Applicant => a !== undefined);
  const barred = list.filter((e) => !e.eligible && !inStage.has(e.applicantId));
  const assigning = useAction(async () => {
    await api.call('panels.assign', { panelId: panel.id, applicantIds: picked });
    const n = picked.length;
    setPicked([]);
    onAssigned(n);
  });
  const name = (id: string) => {
    const a = byId.get(id);
    return a ? `${a.code} ${a.name}` : '';
  };
  return (
    <Stack gap={6} data-testid="assign-picker">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <MultiSelect
          size="xs"
          style={{ flex: 1 }}
          label={t('panelFix.assignLabel')}
          placeholder={open.length === 0 ? t('panelFix.nothingToAssign') : t('panels.pickApplicants')}
          data={open.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
          value={picked}
          onChange={setPicked}
          disabled={open.length === 0}
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid={`assign-pick-${panel.name}`}
        />
        <Button size="xs" variant="light" disabled={open.length === 0} onClick={() => setPicked(open.map((a) => a.id))} data-testid={`assign-all-${panel.name}`}>
          {t('panelFix.allOpen', { count: open.length })}
        </Button>
        <Button size="xs" onClick={() => void assigning.run()} disabled={picked.length === 0} loading={assigning.busy} data-testid={`assign-${panel.name}`}>
          {t('panels.assign')}
        </Button>
      </Group>
      {entries.error ? <ErrorNotice error={entries.error} onRetry={() => void entries.reload()} /> : null}
      {assigning.error ? <ErrorNotice error={assigning.error} /> : null}
      {barred.length > 0 ? (
        <Text size="xs" c="dimmed" data-testid="assign-barred">
          {t('panelFix.barred', { count: barred.length })} {barred.map((e) => t('panelFix.barredOne', { who: name(e.applicantId), reason: l(e.reason) })).join(t('common.sep'))}
        </Text>
      ) : null}
    </Stack>
  );
}

function PanelActionModal({
  panel,
  panels,
  experts,
  applicants,
  action,
  onClose,
  onDone,
}: {
  panel: Panel;
  panels: Panel[];
  experts: Expert[];
  applicants: Applicant[];
  action: PanelAction | null;
  onClose(): void;
  onDone(message: string, removed?: boolean): void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [choice, setChoice] = useState<string | null>(null);
  const who = (id: string) => {
    const e = experts.find((x) => x.id === id);
    return e ? `${e.code} ${e.name}` : '';
  };
  const unit = (id: string) => {
    const a = applicants.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : '';
  };
  const free = experts.filter((e) => !e.withdrawn && !panel.memberIds.includes(e.id)).map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }));
  const others = panels.filter((p) => p.stage === panel.stage && p.id !== panel.id).map((p) => ({ value: p.id, label: p.name }));
  const close = () => {
    setChoice(null);
    onClose();
  };
  const done = (message: string, removed?: boolean) => {
    setChoice(null);
    onDone(message, removed);
  };

  if (!action) return <CorrectionModal opened={false} title="" subject="" effect="" confirmLabel="" onClose={close} onConfirm={async () => undefined} />;

  const common = { opened: true, onClose: close, testId: `panel-${action.kind}` };
  switch (action.kind) {
    case 'update':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.updateTitle')}
          subject={t('panelFix.updateSubject', { name: action.name, leader: action.leaderId ? who(action.leaderId) : t('panelFix.noLeader') })}
          effect={t('panelFix.updateEffect')}
          reasonRequired={false}
          confirmLabel={t('corrections.saveEdit')}
          onConfirm={async (reason) => {
            await api.call('panels.update', {
              panelId: panel.id,
              ...(action.name !== panel.name ? { name: action.name } : {}),
              ...(action.leaderId !== panel.leaderId ? { leaderId: action.leaderId } : {}),
              ...(reason ? { reason } : {}),
            });
            done(t('panelFix.updated', { panel: action.name }));
          }}
        />
      );
    case 'leader':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.makeLeader')}
          subject={t('panelFix.leaderSubject', { who: who(action.expertId), panel: panel.name })}
          effect={t('panelFix.updateEffect')}
          reasonRequired={false}
          confirmLabel={t('panelFix.makeLeader')}
          onConfirm={async (reason) => {
            await api.call('panels.update', { panelId: panel.id, leaderId: action.expertId, ...(reason ? { reason } : {}) });
            done(t('panelFix.leaderDone', { who: who(action.expertId), panel: panel.name }));
          }}
        />
      );
    case 'addMember':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.addMember')}
          subject={panel.name}
          effect={t('panelFix.addMemberEffect')}
          confirmLabel={t('panelFix.addMember')}
          canConfirm={choice !== null}
          onConfirm={async (reason) => {
            await api.call('panels.addMember', { panelId: panel.id, expertId: choice!, reason });
            done(t('panelFix.memberAdded', { who: who(choice!), panel: panel.name }));
          }}
        >
          <Select label={t('panelFix.expert')} data={free} value={choice} onChange={setChoice} searchable comboboxProps={{ withinPortal: true }} data-testid="panel-action-expert" />
        </CorrectionModal>
      );
    case 'removeMember':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.removeMember')}
          subject={t('panelFix.memberSubject', { who: who(action.expertId), panel: panel.name })}
          effect={action.expertId === panel.leaderId ? t('panelFix.removeLeaderEffect') : t('panelFix.removeMemberEffect')}
          confirmLabel={t('panelFix.removeMember')}
          color="red"
          onConfirm={async (reason) => {
            await api.call('panels.removeMember', { panelId: panel.id, expertId: action.expertId, reason });
            done(t('panelFix.memberRemoved', { who: who(action.expertId), panel: panel.name }));
          }}
        />
      );
    case 'replaceMember':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.replace')}
          subject={t('panelFix.memberSubject', { who: who(action.expertId), panel: panel.name })}
          effect={action.expertId === panel.leaderId ? t('panelFix.replaceLeaderEffect') : t('panelFix.replaceEffect')}
          confirmLabel={t('panelFix.replace')}
          canConfirm={choice !== null}
          onConfirm={async (reason) => {
            await api.call('panels.replaceMember', { panelId: panel.id, expertId: action.expertId, byExpertId: choice!, reason });
            done(t('panelFix.replaced', { who: who(action.expertId), by: who(choice!), panel: panel.name }));
          }}
        >
          <Select label={t('panelFix.replacement')} data={free} value={choice} onChange={setChoice} searchable comboboxProps={{ withinPortal: true }} data-testid="panel-action-expert" />
        </CorrectionModal>
      );
    case 'unassign':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.unassign')}
          subject={t('panelFix.applicantSubject', { who: unit(action.applicantId), panel: panel.name })}
          effect={t('panelFix.unassignEffect')}
          confirmLabel={t('panelFix.unassign')}
          color="red"
          onConfirm={async (reason) => {
            await api.call('panels.unassign', { panelId: panel.id, applicantIds: [action.applicantId], reason });
            done(t('panelFix.unassigned', { who: unit(action.applicantId), panel: panel.name }));
          }}
        />
      );
    case 'move':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.move')}
          subject={t('panelFix.applicantSubject', { who: unit(action.applicantId), panel: panel.name })}
          effect={others.length === 0 ? t('panelFix.moveNowhere', { stage: t(`stage.${panel.stage}`) }) : t('panelFix.moveEffect')}
          confirmLabel={t('panelFix.move')}
          canConfirm={choice !== null}
          onConfirm={async (reason) => {
            await api.call('panels.move', { applicantId: action.applicantId, toPanelId: choice!, reason });
            done(t('panelFix.moved', { who: unit(action.applicantId), to: others.find((o) => o.value === choice)?.label ?? '' }));
          }}
        >
          <Select label={t('panelFix.toPanel')} data={others} value={choice} onChange={setChoice} disabled={others.length === 0} comboboxProps={{ withinPortal: true }} data-testid="panel-action-panel" />
        </CorrectionModal>
      );
    case 'removeSubstitute':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.removeSubstitute')}
          subject={t('panelFix.substituteOf', { who: who(action.expertId), applicant: unit(action.applicantId) })}
          effect={t('panelFix.removeSubstituteEffect')}
          confirmLabel={t('panelFix.removeSubstitute')}
          color="red"
          onConfirm={async (reason) => {
            await api.call('panels.removeSubstitute', { panelId: panel.id, applicantId: action.applicantId, expertId: action.expertId, reason });
            done(t('panelFix.substituteRemoved', { who: who(action.expertId), applicant: unit(action.applicantId) }));
          }}
        />
      );
    case 'removePanel':
      return (
        <CorrectionModal
          {...common}
          title={t('panelFix.removePanel')}
          subject={panel.name}
          effect={t('panelFix.removePanelEffect')}
          confirmLabel={t('panelFix.removePanel')}
          color="red"
          onConfirm={async (reason) => {
            await api.call('panels.remove', { panelId: panel.id, reason });
            done(t('panelFix.panelRemoved', { panel: panel.name }), true);
          }}
        />
      );
  }
}
