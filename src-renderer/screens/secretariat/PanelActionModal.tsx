import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { CorrectionModal } from './CorrectionModal.js';

/** A change to the panel, confirmed in a modal with its reason. */
export type PanelAction =
  | { kind: 'update'; name: string; leaderId: string | null }
  | { kind: 'leader'; expertId: string }
  | { kind: 'addMember' }
  | { kind: 'removeMember'; expertId: string }
  | { kind: 'replaceMember'; expertId: string }
  | { kind: 'unassign'; applicantId: string }
  | { kind: 'move'; applicantId: string }
  | { kind: 'removeSubstitute'; applicantId: string; expertId: string }
  | { kind: 'removePanel' };

/** The change the clerk asked for, confirmed with its reason, then made. */
export function PanelActionModal({
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
