import { Badge, Button, CloseButton, Group, MultiSelect, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { ListTable } from '../../components/ListTable.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { PanelAction } from './PanelActionModal.js';
import { PanelConflicts } from './PanelConflicts.js';

/**
 * The panel's applicants: assigned here (with the conflict suggestions each assignment brings,
 * settled on the spot), each with its substitutes, moved to another panel or unassigned.
 */
export function PanelApplicants({
  panel,
  panels,
  experts,
  applicants,
  setAction,
  onSubstitute,
  onChanged,
}: {
  panel: Panel;
  panels: Panel[];
  experts: Expert[];
  applicants: Applicant[];
  setAction(action: PanelAction): void;
  onSubstitute(applicant: Applicant): void;
  onChanged(message: string | null): void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const who = (id: string) => {
    const e = experts.find((x) => x.id === id);
    return e ? `${e.code} ${e.name}` : '';
  };
  const applicant = (id: string) => applicants.find((a) => a.id === id);
  const assigned = panel.applicantIds.map(applicant).filter((a): a is Applicant => a !== undefined);
  return (
    <Stack gap="xs">
      <Title order={6} data-testid="panel-assigned-title">
        {t('panelFix.assignedTitle', { count: panel.applicantIds.length })}
      </Title>
      <AssignPicker panel={panel} panels={panels} applicants={applicants} picked={picked} setPicked={setPicked} onAssigned={(n) => onChanged(t('panelFix.assignedDone', { count: n, panel: panel.name }))} />
      <PanelConflicts panel={panel} experts={experts} applicants={applicants} pending={picked} onSettled={() => onChanged(null)} />
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
                  <Button size="compact-xs" variant="subtle" onClick={() => onSubstitute(a)} data-testid="assigned-substitute">
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
  );
}

/**
 * The assignment picker stays whatever has been assigned: it offers the applicants that may enter
 * the panel's stage and have no panel in it yet ("all" means all of those), and says why the
 * others may not (withdrawn, not on the shortlist, the stage before not yet scored).
 */
function AssignPicker({
  panel,
  panels,
  applicants,
  picked,
  setPicked,
  onAssigned,
}: {
  panel: Panel;
  panels: Panel[];
  applicants: Applicant[];
  picked: string[];
  setPicked(ids: string[]): void;
  onAssigned(count: number): void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const entries = useCall('panels.entries', { editionId: panel.editionId, stage: panel.stage });
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
