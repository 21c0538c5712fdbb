import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Expert } from '../../../src-main/domain/people.js';
import { Icon } from '../../components/icons.js';
import type { PanelAction } from './PanelActionModal.js';

/** The panel's members by code, the leader marked; each made leader, replaced or removed, and new ones added. */
export function PanelMembers({ panel, experts, setAction }: { panel: Panel; experts: Expert[]; setAction(action: PanelAction): void }) {
  const { t } = useTranslation();
  const expert = (id: string) => experts.find((e) => e.id === id);
  const who = (id: string) => {
    const e = expert(id);
    return e ? `${e.code} ${e.name}` : '';
  };
  const members = [...panel.memberIds].sort((a, b) => (expert(a)?.code ?? '').localeCompare(expert(b)?.code ?? '', undefined, { numeric: true }));
  return (
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
  );
}
