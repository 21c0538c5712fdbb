import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '../../../src-main/domain/people.js';
import type { ApplicantKind, Industry } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { AddPerson, changedFields, HINT_BELOW, INDUSTRIES, PersonModal, type Added, type FormMode } from './AddPerson.js';

interface ApplicantForm {
  code: string;
  name: string;
  kind: ApplicantKind;
  industry: Industry | null;
  creditCode: string;
  idNumber: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const ready = (f: ApplicantForm) => f.code.trim() !== '' && f.name.trim() !== '' && f.industry !== null;

function formOf(a: Applicant): ApplicantForm {
  return { code: a.code, name: a.name, kind: a.kind, industry: a.industry, creditCode: a.creditCode ?? '', idNumber: a.idNumber ?? '', contactName: a.contactName ?? '', contactPhone: a.contactPhone ?? '', contactEmail: a.contactEmail ?? '' };
}

/** Only the kinds the edition's profile admits are offered; the service checks again. */
function ApplicantFields({ mode, f, set, kinds }: { mode: FormMode; f: ApplicantForm; set(patch: Partial<ApplicantForm>): void; kinds: ApplicantKind[] }) {
  const { t } = useTranslation();
  const id = (field: string) => `${mode}-applicant-${field}`;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('applicant.code')} description={t('people.codeHint')} inputWrapperOrder={HINT_BELOW} required value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid={id('code')} data-autofocus />
        <TextInput label={t('people.applicantName')} required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid={id('name')} />
      </SimpleGrid>
      <Radio.Group label={t('applicant.kind')} required value={f.kind} onChange={(v) => set({ kind: v as ApplicantKind })}>
        <Group mt={6}>
          {kinds.map((k) => (
            <Radio key={k} value={k} label={t(`applicant.kinds.${k}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group label={t('applicant.industry')} required value={f.industry === null ? '' : String(f.industry)} onChange={(v) => set({ industry: Number(v) as Industry })}>
        <Group mt={6}>
          {INDUSTRIES.map((i) => (
            <Radio key={i} value={String(i)} label={t(`industry.${i}`)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('applicant.creditCode')} description={t('applicant.creditCodeHint')} inputWrapperOrder={HINT_BELOW} value={f.creditCode} onChange={(e) => set({ creditCode: e.currentTarget.value })} data-testid={id('credit-code')} />
        {f.kind === 'individual' && (
          <TextInput label={t('applicant.idNumber')} description={t('applicant.idNumberHint')} inputWrapperOrder={HINT_BELOW} value={f.idNumber} onChange={(e) => set({ idNumber: e.currentTarget.value })} data-testid={id('id-number')} />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('people.contactName')} value={f.contactName} onChange={(e) => set({ contactName: e.currentTarget.value })} data-testid={id('contact')} />
        <TextInput label={t('people.phone')} description={t('people.phoneHint')} inputWrapperOrder={HINT_BELOW} value={f.contactPhone} onChange={(e) => set({ contactPhone: e.currentTarget.value })} data-testid={id('phone')} />
        <TextInput label={t('people.email')} value={f.contactEmail} onChange={(e) => set({ contactEmail: e.currentTarget.value })} data-testid={id('email')} />
      </SimpleGrid>
    </>
  );
}

export function AddApplicant({ editionId, kinds, onAdded }: { editionId: string; kinds: ApplicantKind[]; onAdded(added: Added): void }) {
  const { api } = useApp();
  const blank: ApplicantForm = { code: '', name: '', kind: kinds[0] ?? 'unit', industry: null, creditCode: '', idNumber: '', contactName: '', contactPhone: '', contactEmail: '' };
  return (
    <AddPerson
      kind="applicant"
      blank={blank}
      ready={ready}
      // ready() holds the save button until an industry is chosen
      save={({ industry, ...rest }) => api.call('applicants.add', { editionId, applicant: { ...rest, industry: industry! } })}
      onAdded={onAdded}
    >
      {(f, set) => <ApplicantFields mode="add" f={f} set={set} kinds={kinds} />}
    </AddPerson>
  );
}

/** Corrects every field of an applicant; only what changed is sent, with the reason. */
export function EditApplicant({ applicant, kinds, onClose, onSaved }: { applicant: Applicant | null; kinds: ApplicantKind[]; onClose(): void; onSaved(a: Applicant): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const initial = useMemo(() => (applicant ? formOf(applicant) : null), [applicant]);
  if (!applicant || !initial) return null;
  // a kind the profile no longer admits is still shown, so the clerk sees what is recorded
  const offered = kinds.includes(applicant.kind) ? kinds : [...kinds, applicant.kind];
  return (
    <PersonModal
      key={applicant.id}
      kind="applicant"
      mode="edit"
      opened
      onClose={onClose}
      initial={initial}
      title={t('corrections.editTitle.applicant', { code: applicant.code, name: applicant.name })}
      ready={ready}
      save={async (form, reason) => {
        const { industry, ...changes } = changedFields(initial, form);
        const patch = { ...changes, ...(industry ? { industry } : {}) };
        const saved = Object.keys(patch).length === 0 ? applicant : await api.call('applicants.update', { applicantId: applicant.id, changes: patch, ...(reason ? { reason } : {}) });
        onSaved(saved);
      }}
    >
      {(f, set) => <ApplicantFields mode="edit" f={f} set={set} kinds={offered} />}
    </PersonModal>
  );
}
