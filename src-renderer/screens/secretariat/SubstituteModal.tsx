import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { standings } from '../../../src-main/rules/recusal.js';
import { useApp } from '../../context/app-context.js';
import { useCall } from '../../hooks/useCall.js';
import { CorrectionModal } from './CorrectionModal.js';

/**
 * An added expert (zengpai): seated on a panel for one applicant only, where recusals left it short.
 * Members, withdrawn experts and those already added are not offered; an expert recused from
 * the applicant is listed but cannot be chosen (the main process refuses it too).
 */
export function SubstituteModal({
  panel,
  applicant,
  experts,
  onClose,
  onDone,
}: {
  panel: Panel | null;
  applicant: Applicant | null;
  experts: Expert[];
  onClose(): void;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const register = useCall('declarations.register', panel ? { editionId: panel.editionId } : null);
  const [expertId, setExpertId] = useState<string | null>(null);
  const opened = panel !== null && applicant !== null;
  const standing = standings(register.data ?? []);
  const seated = new Set([...(panel?.memberIds ?? []), ...(panel?.substitutes.filter((s) => s.applicantId === applicant?.id).map((s) => s.expertId) ?? [])]);
  const options = experts
    .filter((e) => !e.withdrawn && !seated.has(e.id))
    .map((e) => {
      const recused = applicant !== null && standing(e.id, applicant.id) === 'conflicted';
      return { value: e.id, label: recused ? t('panelFix.recusedOption', { who: `${e.code} ${e.name}` }) : `${e.code} ${e.name}`, disabled: recused };
    });
  return (
    <CorrectionModal
      opened={opened}
      testId="substitute"
      title={t('panelFix.substituteTitle')}
      subject={panel && applicant ? t('panelFix.substituteSubject', { panel: panel.name, stage: t(`stage.${panel.stage}`), applicant: `${applicant.code} ${applicant.name}` }) : ''}
      effect={t('panelFix.substituteEffect')}
      confirmLabel={t('panelFix.substitute')}
      canConfirm={expertId !== null}
      onClose={() => {
        setExpertId(null);
        onClose();
      }}
      onConfirm={async (reason) => {
        if (!panel || !applicant || !expertId) return;
        await api.call('panels.addSubstitute', { panelId: panel.id, applicantId: applicant.id, expertId, reason });
        const e = experts.find((x) => x.id === expertId);
        setExpertId(null);
        onDone(t('panelFix.substituted', { who: e ? `${e.code} ${e.name}` : '', applicant: applicant.code, panel: panel.name }));
      }}
    >
      <Select
        label={t('panelFix.substituteExpert')}
        description={options.length === 0 ? t('panelFix.noSubstitute') : undefined}
        data={options}
        value={expertId}
        onChange={setExpertId}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="substitute-expert"
      />
    </CorrectionModal>
  );
}
